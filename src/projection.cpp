// Linear projection: out = x · w, through Eigen maps over the caller's buffers.
#include "projection.hpp"

#include "matrix.hpp"

namespace attn {
void project(const float* x, int n, int d_in, const float* w, int d_out, float* out) {
  ConstMatrixMap X(x, n, d_in);      // (n, d_in)
  ConstMatrixMap W(w, d_in, d_out);  // (d_in, d_out)
  MatrixMap Y(out, n, d_out);        // (n, d_out)
  Y.noalias() = X * W;
}
}  // namespace attn
