// The training products C = A·B, A·Bᵀ, Aᵀ·B: scalar references first, then the xsimd kernels.
// The SIMD kernels keep a few output lanes in registers while they run over the shared index,
// then add the remainder columns with a scalar tail.
#include "nn/matmul.hpp"

namespace attn::nn {

namespace {
inline long at(int row, int ld, int col) { return static_cast<long>(row) * ld + col; }
}  // namespace

void matmul_nn_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < p; ++j) {
      float acc = accumulate ? c[at(i, ldc, j)] : 0.f;
      for (int k = 0; k < m; ++k) acc += a[at(i, lda, k)] * b[at(k, ldb, j)];
      c[at(i, ldc, j)] = acc;
    }
}

void matmul_nt_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < p; ++j) {
      float acc = 0.f;
      for (int k = 0; k < m; ++k) acc += a[at(i, lda, k)] * b[at(j, ldb, k)];
      c[at(i, ldc, j)] = accumulate ? c[at(i, ldc, j)] + acc : acc;
    }
}

void matmul_tn_scalar(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < p; ++j) {
      float acc = accumulate ? c[at(i, ldc, j)] : 0.f;
      for (int t = 0; t < n; ++t) acc += a[at(t, lda, i)] * b[at(t, ldb, j)];
      c[at(i, ldc, j)] = acc;
    }
}

#if ATTN_SIMD
namespace {
constexpr int W = kLanes;

// One output row segment of C = (rows of A) · B, where row r of the product is
// Σ_k coef(k) · B[k, j…]: two batches (8 columns) per pass, then one batch, then scalars.
// coef_stride steps through A's entries: 1 for A·B (along a row), lda for Aᵀ·B (down a column).
inline void axpy_rows(const float* coef, long coef_stride, int count, const float* b, int ldb, float* c, int p, bool accumulate) {
  int j = 0;
  for (; j + 2 * W <= p; j += 2 * W) {
    fbatch c0 = accumulate ? fbatch::load_unaligned(c + j) : fbatch(0.f);
    fbatch c1 = accumulate ? fbatch::load_unaligned(c + j + W) : fbatch(0.f);
    for (int k = 0; k < count; ++k) {
      const fbatch s(coef[k * coef_stride]);
      const float* bk = b + static_cast<long>(k) * ldb + j;
      c0 += s * fbatch::load_unaligned(bk);
      c1 += s * fbatch::load_unaligned(bk + W);
    }
    c0.store_unaligned(c + j);
    c1.store_unaligned(c + j + W);
  }
  for (; j + W <= p; j += W) {
    fbatch c0 = accumulate ? fbatch::load_unaligned(c + j) : fbatch(0.f);
    for (int k = 0; k < count; ++k)
      c0 += fbatch(coef[k * coef_stride]) * fbatch::load_unaligned(b + static_cast<long>(k) * ldb + j);
    c0.store_unaligned(c + j);
  }
  for (; j < p; ++j) {
    float acc = accumulate ? c[j] : 0.f;
    for (int k = 0; k < count; ++k) acc += coef[k * coef_stride] * b[static_cast<long>(k) * ldb + j];
    c[j] = acc;
  }
}

// x · y over d floats: full batches, then a scalar tail.
inline float dot(const float* x, const float* y, int d) {
  fbatch acc(0.f);
  int k = 0;
  for (; k + W <= d; k += W) acc += fbatch::load_unaligned(x + k) * fbatch::load_unaligned(y + k);
  float s = xsimd::hadd(acc);
  for (; k < d; ++k) s += x[k] * y[k];
  return s;
}
}  // namespace

void matmul_nn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < n; ++i) axpy_rows(a + at(i, lda, 0), 1, m, b, ldb, c + at(i, ldc, 0), p, accumulate);
}

void matmul_tn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < m; ++i) axpy_rows(a + i, lda, n, b, ldb, c + at(i, ldc, 0), p, accumulate);
}

void matmul_nt_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  for (int i = 0; i < n; ++i) {
    const float* ai = a + at(i, lda, 0);
    float* ci = c + at(i, ldc, 0);
    int j = 0;
    // Four rows of B per pass share each load of A's row.
    for (; j + 4 <= p; j += 4) {
      const float* b0 = b + at(j, ldb, 0);
      const float* b1 = b0 + ldb;
      const float* b2 = b1 + ldb;
      const float* b3 = b2 + ldb;
      fbatch s0(0.f), s1(0.f), s2(0.f), s3(0.f);
      int k = 0;
      for (; k + W <= m; k += W) {
        const fbatch av = fbatch::load_unaligned(ai + k);
        s0 += av * fbatch::load_unaligned(b0 + k);
        s1 += av * fbatch::load_unaligned(b1 + k);
        s2 += av * fbatch::load_unaligned(b2 + k);
        s3 += av * fbatch::load_unaligned(b3 + k);
      }
      float r0 = xsimd::hadd(s0), r1 = xsimd::hadd(s1), r2 = xsimd::hadd(s2), r3 = xsimd::hadd(s3);
      for (; k < m; ++k) {
        r0 += ai[k] * b0[k];
        r1 += ai[k] * b1[k];
        r2 += ai[k] * b2[k];
        r3 += ai[k] * b3[k];
      }
      ci[j] = accumulate ? ci[j] + r0 : r0;
      ci[j + 1] = accumulate ? ci[j + 1] + r1 : r1;
      ci[j + 2] = accumulate ? ci[j + 2] + r2 : r2;
      ci[j + 3] = accumulate ? ci[j + 3] + r3 : r3;
    }
    for (; j < p; ++j) {
      const float r = dot(ai, b + at(j, ldb, 0), m);
      ci[j] = accumulate ? ci[j] + r : r;
    }
  }
}
#else
void matmul_nn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  matmul_nn_scalar(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}
void matmul_nt_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  matmul_nt_scalar(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}
void matmul_tn_simd(const float* a, int lda, const float* b, int ldb, float* c, int ldc, int n, int m, int p, bool accumulate) {
  matmul_tn_scalar(a, lda, b, ldb, c, ldc, n, m, p, accumulate);
}
#endif

}  // namespace attn::nn
