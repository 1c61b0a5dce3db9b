// The backward pass of a row softmax (with the factor the scores were multiplied by before it),
// the one the trainer's attention layer uses: given the weights a = softmax(c·s) and the
// upstream gradient ∂L/∂a, the gradient that reaches the scores s. Not the forward softmax:
// src/softmax.hpp.
#pragma once

namespace attn::nn {
// a: (rows, cols) softmax weights, row-major; da: (rows, cols) ∂L/∂a; ds: (rows, cols) out,
// ∂L/∂s = c · a ∘ (da − Σ_j a_j·da_j) per row. ds may be da (in place). Hidden entries (a = 0)
// get 0.
void softmax_rows_backward(const float* a, const float* da, float* ds, int rows, int cols, float c);
}  // namespace attn::nn
