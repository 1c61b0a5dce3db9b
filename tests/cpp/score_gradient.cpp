// The score-gradient experiment (src/score_gradient) and the trainer's softmax backward it uses
// (src/nn/softmax_backward): finite-difference checks of ∂L/∂s and ∂L/∂q with and without the
// 1/√d_k factor, SIMD vs scalar, and what the experiment measures as d_k grows.
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "nn/softmax_backward.hpp"
#include "rng.hpp"
#include "scale.hpp"
#include "score_gradient.hpp"
#include "softmax.hpp"

using namespace attn;

namespace {
std::vector<float> normals(int count, std::uint64_t seed) {
  Rng rng(seed);
  std::vector<float> v(count);
  for (auto& e : v) e = static_cast<float>(rng.normal());
  return v;
}
// L(s) = Σ_j softmax(c·s)_j · g_j, in double precision, for the finite differences.
double loss_of_scores(const std::vector<double>& s, const std::vector<float>& g, double c) {
  double m = -INFINITY, sum = 0, l = 0;
  for (double x : s) m = std::max(m, c * x);
  for (double x : s) sum += std::exp(c * x - m);
  for (std::size_t j = 0; j < s.size(); ++j) l += std::exp(c * s[j] - m) / sum * g[j];
  return l;
}
double loss_of_query(const std::vector<float>& q, const std::vector<float>& k, const std::vector<float>& g, int n, int d_k,
                     double c, int t, double h) {
  std::vector<double> s(n);
  for (int j = 0; j < n; ++j) {
    double dot = 0;
    for (int u = 0; u < d_k; ++u) dot += (q[u] + (u == t ? h : 0)) * static_cast<double>(k[j * d_k + u]);
    s[j] = dot;
  }
  return loss_of_scores(s, g, c);
}
}  // namespace

TEST_CASE("softmax backward: ∂L/∂s matches finite differences, with and without 1/√d_k") {
  // Tolerance: |analytic − numeric| ≤ 1e-3 · max(1e-3, largest |gradient|), central differences
  // in double with h = 1e-4 (float weights, so ~1e-6 relative error is expected).
  for (int d_k : {2, 16, 128}) {
    for (bool scaled : {false, true}) {
      CAPTURE(d_k);
      CAPTURE(scaled);
      const int n = 7;
      const auto q = normals(d_k, 11 + d_k), k = normals(n * d_k, 12 + d_k), g = normals(n, 13 + d_k);
      const float c = score_scale(d_k, scaled);
      std::vector<float> a(n), ds(n), dq(d_k);
      score_gradient_row(Impl::kScalar, q.data(), k.data(), g.data(), n, d_k, c, a.data(), ds.data(), dq.data());
      // the raw scores, in double
      std::vector<double> s(n);
      for (int j = 0; j < n; ++j) {
        double dot = 0;
        for (int u = 0; u < d_k; ++u) dot += static_cast<double>(q[u]) * k[j * d_k + u];
        s[j] = dot;
      }
      double largest = 0, worst = 0;
      for (float v : ds) largest = std::max(largest, double(std::fabs(v)));
      const double h = 1e-4;
      for (int j = 0; j < n; ++j) {
        auto up = s, down = s;
        up[j] += h;
        down[j] -= h;
        const double numeric = (loss_of_scores(up, g, c) - loss_of_scores(down, g, c)) / (2 * h);
        worst = std::max(worst, std::fabs(numeric - ds[j]));
      }
      CAPTURE(worst);
      CAPTURE(largest);
      CHECK(worst <= 1e-3 * std::max(1e-3, largest));
      // ∂L/∂q through the scores, checked the same way
      double qworst = 0, qlargest = 0;
      for (float v : dq) qlargest = std::max(qlargest, double(std::fabs(v)));
      for (int t = 0; t < d_k; ++t) {
        const double numeric = (loss_of_query(q, k, g, n, d_k, c, t, h) - loss_of_query(q, k, g, n, d_k, c, t, -h)) / (2 * h);
        qworst = std::max(qworst, std::fabs(numeric - dq[t]));
      }
      CAPTURE(qworst);
      CHECK(qworst <= 1e-3 * std::max(1e-3, qlargest));
      // the gradient of a softmax sums to zero along the row (adding a constant changes nothing)
      double total = 0;
      for (float v : ds) total += v;
      CHECK(std::fabs(total) <= 1e-5 * std::max(1.0, largest * n));
    }
  }
}

TEST_CASE("softmax backward: in place, hidden keys get no gradient") {
  const float a[4] = {0.5f, 0.f, 0.25f, 0.25f};
  float d[4] = {1.f, 5.f, -1.f, 3.f};
  // Σ a·d = 0.5 − 0.25 + 0.75 = 1
  nn::softmax_rows_backward(a, d, d, 1, 4, 0.5f);
  CHECK(d[0] == doctest::Approx(0.5 * 0.5 * (1 - 1)).epsilon(1e-6));
  CHECK(d[1] == 0.f);
  CHECK(d[2] == doctest::Approx(0.5 * 0.25 * (-1 - 1)).epsilon(1e-6));
  CHECK(d[3] == doctest::Approx(0.5 * 0.25 * (3 - 1)).epsilon(1e-6));
}

TEST_CASE("score-gradient experiment: SIMD and scalar agree; deterministic; refuses bad sizes") {
  ScoreGradientStats a, b, c;
  REQUIRE(score_gradient_experiment(64, 50, 16, 3, Impl::kSimd, a));
  REQUIRE(score_gradient_experiment(64, 50, 16, 3, Impl::kScalar, b));
  REQUIRE(score_gradient_experiment(64, 50, 16, 3, Impl::kSimd, c));
  CHECK(a.raw_input_median == c.raw_input_median);
  CHECK(a.scaled_q_norm == c.scaled_q_norm);
  CHECK(a.scaled_input_norm == doctest::Approx(b.scaled_input_norm).epsilon(1e-4));
  CHECK(a.raw_input_norm == doctest::Approx(b.raw_input_norm).epsilon(1e-3));
  CHECK(a.raw_vanished == b.raw_vanished);
  // the raw side's softmax input is the raw score: the two gradients are the same numbers
  CHECK(a.raw_input_norm == doctest::Approx(a.raw_score_norm).epsilon(1e-9));
  ScoreGradientStats untouched;
  untouched.raw_input_norm = 42;
  CHECK_FALSE(score_gradient_experiment(0, 10, 16, 1, Impl::kSimd, untouched));
  CHECK_FALSE(score_gradient_experiment(4096, 4096, 16, 1, Impl::kSimd, untouched));
  CHECK(untouched.raw_input_norm == 42);
}

TEST_CASE("score-gradient experiment: without 1/√d_k the softmax stops passing gradient back as d_k grows") {
  // Measured on this seed (400 rows of 16 keys): at d_k = 2 both softmaxes pass back a median
  // ‖∂L/∂z‖ ≈ 0.26; at d_k = 512 the scaled one still does, the unscaled one ≈ 0.0003, with more
  // than half of its rows below kVanishedBelow.
  ScoreGradientStats small, big;
  REQUIRE(score_gradient_experiment(2, 400, 16, 1, Impl::kSimd, small));
  REQUIRE(score_gradient_experiment(512, 400, 16, 1, Impl::kSimd, big));
  CAPTURE(big.raw_input_median);
  CAPTURE(big.scaled_input_median);
  CHECK(small.raw_input_median == doctest::Approx(small.scaled_input_median).epsilon(0.3));
  CHECK(big.scaled_input_median == doctest::Approx(small.scaled_input_median).epsilon(0.3));
  CHECK(big.raw_input_median < big.scaled_input_median / 100);
  CHECK(big.raw_vanished > 0.3);
  CHECK(big.scaled_vanished < 0.01);
  CHECK(small.raw_vanished < 0.01);
  CHECK(big.raw_max_weight > 0.9);
  CHECK(big.scaled_max_weight < 0.4);
}
