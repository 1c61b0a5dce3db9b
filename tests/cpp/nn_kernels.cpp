// The training matmul kernels (src/nn/matmul.cpp): SIMD against the scalar twin at every tile
// edge of both the lane count (4) and the 8-column and 4-row blocks, with strided operands and
// with and without accumulation. Tolerance: 1e-5 relative (sums of up to 65 products).
#include <doctest/doctest.h>

#include <cmath>
#include <random>
#include <vector>

#include "nn/matmul.hpp"

namespace nn = attn::nn;

namespace {
const int kSizes[] = {1, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33};

using Kernel = void (*)(const float*, int, const float*, int, float*, int, int, int, int, bool);

void compare(Kernel scalar, Kernel simd, bool a_transposed, bool b_transposed) {
  std::mt19937 g(21);
  std::normal_distribution<float> d(0.f, 1.f);
  for (int n : kSizes)
    for (int m : {1, 4, 5, 9, 17})
      for (int p : kSizes)
        for (bool acc : {false, true}) {
          CAPTURE(n);
          CAPTURE(m);
          CAPTURE(p);
          CAPTURE(acc);
          // shapes as stored: A is (n, m) or, transposed, (n rows of m), B (m, p) or (p, m)
          const int a_rows = n, a_cols = m;
          const int b_rows = b_transposed ? p : (a_transposed ? n : m), b_cols = b_transposed ? m : p;
          const int c_rows = a_transposed ? m : n;
          const int lda = a_cols + 3, ldb = b_cols + 2, ldc = p + 1;  // strided, like head slices
          std::vector<float> a(size_t(a_rows) * lda), b(size_t(b_rows) * ldb), c0(size_t(c_rows) * ldc);
          for (float& x : a) x = d(g);
          for (float& x : b) x = d(g);
          for (float& x : c0) x = d(g);
          auto c1 = c0, c2 = c0;
          scalar(a.data(), lda, b.data(), ldb, c1.data(), ldc, n, m, p, acc);
          simd(a.data(), lda, b.data(), ldb, c2.data(), ldc, n, m, p, acc);
          for (size_t i = 0; i < c1.size(); ++i) {
            const bool padding = int(i % ldc) >= p;  // the stride's gap is never written
            if (padding) REQUIRE(c2[i] == c0[i]);
            else REQUIRE(std::fabs(c1[i] - c2[i]) <= 1e-5f * (1.f + std::fabs(c1[i])) * m);
          }
        }
}
}  // namespace

TEST_CASE("nn matmul kernels: SIMD equals scalar at every tile edge") {
  SUBCASE("A·B") { compare(nn::matmul_nn_scalar, nn::matmul_nn_simd, false, false); }
  SUBCASE("A·Bᵀ") { compare(nn::matmul_nt_scalar, nn::matmul_nt_simd, false, true); }
  SUBCASE("Aᵀ·B") { compare(nn::matmul_tn_scalar, nn::matmul_tn_simd, true, false); }
}

TEST_CASE("nn matmul kernels: a known product") {
  // A = [[1, 2], [3, 4]], B = [[5, 6], [7, 8]]
  const float a[] = {1, 2, 3, 4}, b[] = {5, 6, 7, 8};
  float c[4];
  nn::matmul_nn_simd(a, 2, b, 2, c, 2, 2, 2, 2, false);
  CHECK(c[0] == 19.f); CHECK(c[1] == 22.f); CHECK(c[2] == 43.f); CHECK(c[3] == 50.f);
  nn::matmul_nt_simd(a, 2, b, 2, c, 2, 2, 2, 2, false);  // A·Bᵀ
  CHECK(c[0] == 17.f); CHECK(c[1] == 23.f); CHECK(c[2] == 39.f); CHECK(c[3] == 53.f);
  nn::matmul_tn_simd(a, 2, b, 2, c, 2, 2, 2, 2, false);  // Aᵀ·B
  CHECK(c[0] == 26.f); CHECK(c[1] == 30.f); CHECK(c[2] == 38.f); CHECK(c[3] == 44.f);
}
