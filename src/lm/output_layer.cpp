// Tied output layer. Natively (LM_EIGEN_OUTPUT, set by cmake/language_model.cmake for the
// trainer's build) it runs through Eigen's blocked product over maps of the caller's row-major
// buffers; in the wasm module it uses the small nn/matmul kernels, which keep the module small.
#include "lm/output_layer.hpp"

#ifdef LM_EIGEN_OUTPUT
#include "matrix.hpp"
#else
#include "nn/matmul.hpp"
#endif

namespace attn::lm {
#ifdef LM_EIGEN_OUTPUT
void output_layer_forward(const float* x, const float* wte, float* logits, int n, int d, int vocab) {
  MatrixMap(logits, n, vocab).noalias() = ConstMatrixMap(x, n, d) * ConstMatrixMap(wte, vocab, d).transpose();
}

void output_layer_backward(const float* dlogits, const float* x, const float* wte, float* dx, float* dwte, int n, int d, int vocab) {
  const ConstMatrixMap g(dlogits, n, vocab);
  MatrixMap(dx, n, d).noalias() = g * ConstMatrixMap(wte, vocab, d);
  MatrixMap(dwte, vocab, d).noalias() += g.transpose() * ConstMatrixMap(x, n, d);
}
#else
void output_layer_forward(const float* x, const float* wte, float* logits, int n, int d, int vocab) {
  nn::matmul_nt(Impl::kSimd, x, d, wte, d, logits, vocab, n, d, vocab, false);
}

void output_layer_backward(const float* dlogits, const float* x, const float* wte, float* dx, float* dwte, int n, int d, int vocab) {
  nn::matmul_nn(Impl::kSimd, dlogits, vocab, wte, d, dx, d, n, vocab, d, false);
  nn::matmul_tn(Impl::kSimd, dlogits, vocab, x, d, dwte, d, n, vocab, d, true);
}
#endif
}  // namespace attn::lm
