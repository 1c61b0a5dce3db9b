// The row softmax's backward pass: ∂L/∂s = c · a ∘ (∂L/∂a − rowsum(a ∘ ∂L/∂a)).
#include "nn/softmax_backward.hpp"

namespace attn::nn {
void softmax_rows_backward(const float* a, const float* da, float* ds, int rows, int cols, float c) {
  for (int i = 0; i < rows; ++i) {
    const float* ai = a + static_cast<long>(i) * cols;
    const float* gi = da + static_cast<long>(i) * cols;
    float* di = ds + static_cast<long>(i) * cols;
    // pass 1: how much of the upstream gradient the row's weights carry, Σ_j a_j·da_j
    float dot = 0.f;
    for (int j = 0; j < cols; ++j) dot += ai[j] * gi[j];
    // pass 2: the Jacobian of softmax times da, then the factor c of the scores
    for (int j = 0; j < cols; ++j) di[j] = ai[j] * (gi[j] - dot) * c;
  }
}
}  // namespace attn::nn
