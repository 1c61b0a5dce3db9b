// Embedding lookup (forward) and its scatter-add (backward).
#include "nn/embedding.hpp"

namespace attn::nn {
void embedding_forward(const int* tokens, const int* seq_start, int batch, const float* wte, const float* wpe, float* out, int d) {
  for (int s = 0; s < batch; ++s)
    for (int t = seq_start[s]; t < seq_start[s + 1]; ++t) {
      const float* e = wte + static_cast<long>(tokens[t]) * d;
      const float* p = wpe + static_cast<long>(t - seq_start[s]) * d;
      float* o = out + static_cast<long>(t) * d;
      for (int c = 0; c < d; ++c) o[c] = e[c] + p[c];
    }
}

void embedding_backward(const int* tokens, const int* seq_start, int batch, const float* dout, float* dwte, float* dwpe, int d) {
  for (int s = 0; s < batch; ++s)
    for (int t = seq_start[s]; t < seq_start[s + 1]; ++t) {
      const float* g = dout + static_cast<long>(t) * d;
      float* e = dwte + static_cast<long>(tokens[t]) * d;
      for (int c = 0; c < d; ++c) e[c] += g[c];
      if (dwpe) {
        float* p = dwpe + static_cast<long>(t - seq_start[s]) * d;
        for (int c = 0; c < d; ++c) p[c] += g[c];
      }
    }
}
}  // namespace attn::nn
