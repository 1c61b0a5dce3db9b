// Dot products read as similarity: lengths, cosines and angles (src/similarity.hpp), both kernels.
#include "similarity.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

namespace {
struct Parts {
  std::vector<float> dots, lengths, cosines, degrees;
};
Parts run(attn::Impl impl, const std::vector<float>& x, int n, int d) {
  Parts p{std::vector<float>(n * n), std::vector<float>(n), std::vector<float>(n * n), std::vector<float>(n * n)};
  attn::dot_product_parts(impl, x.data(), n, d, p.dots.data(), p.lengths.data(), p.cosines.data(), p.degrees.data());
  return p;
}
}  // namespace

TEST_CASE("dot product parts: the lesson's three cases, same way, right angle, opposite") {
  // x: (4, 2): a = (3, 4), b = (6, 8) (same way), c = (−4, 3) (right angle), e = (−3, −4) (opposite)
  const std::vector<float> x = {3, 4, 6, 8, -4, 3, -3, -4};
  for (const auto impl : {attn::Impl::kScalar, attn::Impl::kSimd}) {
    const Parts p = run(impl, x, 4, 2);
    CHECK(p.dots[0 * 4 + 1] == 50.f);
    CHECK(p.dots[0 * 4 + 2] == 0.f);
    CHECK(p.dots[0 * 4 + 3] == -25.f);
    CHECK(p.lengths[0] == 5.f);
    CHECK(p.lengths[1] == 10.f);
    CHECK(p.cosines[0 * 4 + 1] == doctest::Approx(1.0).epsilon(1e-7));
    CHECK(p.degrees[0 * 4 + 1] == doctest::Approx(0.0).epsilon(1e-3));
    CHECK(p.cosines[0 * 4 + 2] == 0.f);
    CHECK(p.degrees[0 * 4 + 2] == doctest::Approx(90.0).epsilon(1e-6));
    CHECK(p.cosines[0 * 4 + 3] == doctest::Approx(-1.0).epsilon(1e-7));
    CHECK(p.degrees[0 * 4 + 3] == doctest::Approx(180.0).epsilon(1e-6));
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j) CHECK(p.degrees[i * 4 + j] == p.degrees[j * 4 + i]);  // symmetric
  }
}

TEST_CASE("dot product parts: an angle between any two directions, and none for a zero vector") {
  const double pi = std::acos(-1.0);
  const std::vector<float> x = {1, 0, static_cast<float>(std::cos(pi / 3)), static_cast<float>(std::sin(pi / 3)), 0, 0};
  const Parts p = run(attn::Impl::kSimd, x, 3, 2);
  CHECK(p.degrees[0 * 3 + 1] == doctest::Approx(60.0).epsilon(1e-5));
  CHECK(p.cosines[0 * 3 + 1] == doctest::Approx(0.5).epsilon(1e-6));
  CHECK(p.lengths[2] == 0.f);
  CHECK(std::isnan(p.cosines[0 * 3 + 2]));
  CHECK(std::isnan(p.degrees[2 * 3 + 0]));
  CHECK(std::isnan(p.degrees[2 * 3 + 2]));
  CHECK(p.dots[2 * 3 + 2] == 0.f);
}

TEST_CASE("dot product parts: the SIMD and scalar kernels agree at every tile edge") {
  for (const int d : {1, 3, 4, 5, 8, 17}) {
    for (const int n : {1, 2, 5}) {
      std::vector<float> x(n * d);
      for (int i = 0; i < n * d; ++i) x[i] = 0.5f * static_cast<float>((i * 13) % 9) - 2.f;
      const Parts a = run(attn::Impl::kScalar, x, n, d), b = run(attn::Impl::kSimd, x, n, d);
      for (int i = 0; i < n * n; ++i) {
        CHECK(a.dots[i] == doctest::Approx(b.dots[i]).epsilon(1e-5));
        if (!std::isnan(a.degrees[i])) CHECK(a.degrees[i] == doctest::Approx(b.degrees[i]).epsilon(1e-3));
        CHECK(std::isnan(a.degrees[i]) == std::isnan(b.degrees[i]));
      }
    }
  }
}
