// The three matrix products that training needs, each as a scalar reference and an xsimd kernel
// (4 float lanes: SSE4.1 natively, wasm SIMD128 f32x4 under emscripten). Every layer's forward and
// backward in src/nn is written with these. Not a general BLAS: row-major floats, small sizes.
// All matrices are row-major with a leading dimension (row stride, in floats), so one head's
// column block inside a wider matrix can be used directly. accumulate: add to C instead of
// overwriting it (gradients accumulate, llm.c style).
#pragma once
#include "simd.hpp"

namespace attn::nn {

// C (n, p) = A (n, m) · B (m, p)
void matmul_nn_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);
void matmul_nn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);
// C (n, p) = A (n, m) · B (p, m)ᵀ   (every row of A dotted with every row of B)
void matmul_nt_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);
void matmul_nt_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);
// C (m, p) = A (n, m)ᵀ · B (n, p)   (sum over the n rows: weight gradients)
void matmul_tn_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);
void matmul_tn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate);

inline void matmul_nn(Impl impl, const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  (impl == Impl::kSimd ? matmul_nn_simd : matmul_nn_scalar)(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}
inline void matmul_nt(Impl impl, const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  (impl == Impl::kSimd ? matmul_nt_simd : matmul_nt_scalar)(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}
inline void matmul_tn(Impl impl, const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  (impl == Impl::kSimd ? matmul_tn_simd : matmul_tn_scalar)(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}

}  // namespace attn::nn
