// Row gather (forward) and scatter-add (backward).
#include "nn/select_rows.hpp"

namespace attn::nn {
void select_rows_forward(const float* x, const int* rows, int batch, float* out, int d) {
  for (int s = 0; s < batch; ++s)
    for (int c = 0; c < d; ++c) out[static_cast<long>(s) * d + c] = x[static_cast<long>(rows[s]) * d + c];
}
void select_rows_backward(const float* dout, const int* rows, int batch, float* dx, int d) {
  for (int s = 0; s < batch; ++s)
    for (int c = 0; c < d; ++c) dx[static_cast<long>(rows[s]) * d + c] += dout[static_cast<long>(s) * d + c];
}
}  // namespace attn::nn
