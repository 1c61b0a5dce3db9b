// out = a + b; both inputs receive the output's gradient unchanged.
#include "nn/residual.hpp"

namespace attn::nn {
void residual_forward(const float* a, const float* b, float* out, long count) {
  for (long i = 0; i < count; ++i) out[i] = a[i] + b[i];
}
void residual_backward(const float* dout, float* da, float* db, long count) {
  for (long i = 0; i < count; ++i) {
    da[i] += dout[i];
    db[i] += dout[i];
  }
}
}  // namespace attn::nn
