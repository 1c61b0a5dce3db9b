// Linear projections with Eigen: Q = X·W_Q (and K, V, and the output projection ·W_O).
#pragma once

namespace attn {
// x: (n, d_in) row-major; w: (d_in, d_out) row-major; out: (n, d_out) row-major.
// out must not alias x or w.
void project(const float* x, int n, int d_in, const float* w, int d_out, float* out);
}  // namespace attn
