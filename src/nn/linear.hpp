// A fully connected layer y = x·W (+ b) over a batch of rows, and its backward pass.
// Used for the classifier's read-out (and by the language model's projections).
#pragma once
#include "simd.hpp"

namespace attn::nn {
// x: (n, d_in) row-major; w: (d_in, d_out); b: (d_out) or nullptr; y: (n, d_out), overwritten.
void linear_forward(Impl impl, const float* x, const float* w, const float* b, float* y, int n, int d_in, int d_out);
// dy: (n, d_out); x, w as in the forward. Accumulates: dx (n, d_in) += dy·Wᵀ (skipped when
// nullptr), dw (d_in, d_out) += xᵀ·dy, db (d_out) += Σ rows of dy (skipped when nullptr).
void linear_backward(Impl impl, const float* dy, const float* x, const float* w, float* dx, float* dw, float* db, int n, int d_in, int d_out);
}  // namespace attn::nn
