// y = x·W (+ b) and its gradients, written with the matmul kernels.
#include "nn/linear.hpp"

#include "nn/matmul.hpp"

namespace attn::nn {
void linear_forward(Impl impl, const float* x, const float* w, const float* b, float* y, int n, int d_in, int d_out) {
  matmul_nn(impl, x, d_in, w, d_out, y, d_out, n, d_in, d_out, false);
  if (b)
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < d_out; ++j) y[static_cast<long>(i) * d_out + j] += b[j];
}

void linear_backward(Impl impl, const float* dy, const float* x, const float* w, float* dx, float* dw, float* db, int n, int d_in, int d_out) {
  // dx = dy · Wᵀ: row i of dy dotted with row r of W gives dx[i, r]
  if (dx) matmul_nt(impl, dy, d_out, w, d_out, dx, d_in, n, d_out, d_in, true);
  // dW = xᵀ · dy
  matmul_tn(impl, x, d_in, dy, d_out, dw, d_out, n, d_in, d_out, true);
  if (db)
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < d_out; ++j) db[j] += dy[static_cast<long>(i) * d_out + j];
}
}  // namespace attn::nn
