// Stable softmax (row maximum subtracted) + cross-entropy, and its gradient.
#include "nn/cross_entropy.hpp"

#include <cmath>

namespace attn::nn {
float cross_entropy_forward(const float* logits, const int* targets, float* probs, float* losses, int rows, int classes) {
  double total = 0.0;
  for (int r = 0; r < rows; ++r) {
    const float* z = logits + static_cast<long>(r) * classes;
    float* p = probs + static_cast<long>(r) * classes;
    float mx = z[0];
    for (int c = 1; c < classes; ++c) mx = z[c] > mx ? z[c] : mx;
    float sum = 0.f;
    for (int c = 0; c < classes; ++c) sum += (p[c] = std::exp(z[c] - mx));
    const float inv = 1.f / sum;
    for (int c = 0; c < classes; ++c) p[c] *= inv;
    // −log p[target] from the logits (log-sum-exp), finite even when p[target] underflows
    const float loss = std::log(sum) - (z[targets[r]] - mx);
    if (losses) losses[r] = loss;
    total += loss;
  }
  return static_cast<float>(total / rows);
}

void cross_entropy_backward(const float* probs, const int* targets, float* dlogits, int rows, int classes) {
  const float scale = 1.f / rows;
  for (int r = 0; r < rows; ++r) {
    const float* p = probs + static_cast<long>(r) * classes;
    float* g = dlogits + static_cast<long>(r) * classes;
    for (int c = 0; c < classes; ++c) g[c] += (p[c] - (c == targets[r] ? 1.f : 0.f)) * scale;
  }
}
}  // namespace attn::nn
