// Finite-difference checks of the language model's own layers: LayerNorm, GELU and the
// feed-forward block (gradients of L = Σ dy ⊙ y for a random dy, against central differences).
#include <doctest/doctest.h>

#include <cmath>
#include <functional>
#include <vector>

#include "finite_difference.hpp"
#include "nn/feed_forward.hpp"
#include "nn/gelu.hpp"
#include "nn/layernorm.hpp"
#include "rng.hpp"

namespace {
std::vector<float> random_vector(attn::Rng& rng, std::size_t n, double scale) {
  std::vector<float> v(n);
  for (float& x : v) x = static_cast<float>(rng.normal() * scale);
  return v;
}
double dot(const std::vector<float>& a, const std::vector<float>& b) {
  double s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += static_cast<double>(a[i]) * b[i];
  return s;
}
// Compares analytic[i] with (L(x+h) − L(x−h)) / 2h for every entry of x.
void check_gradient(std::vector<float>& x, const std::vector<float>& analytic, const std::function<double()>& loss,
                    float h = 1e-2f, double tolerance = 2e-2) {
  REQUIRE(analytic.size() == x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const double numeric = attn::test::central_difference(x[i], h, loss);
    CAPTURE(i);
    CHECK(analytic[i] == doctest::Approx(numeric).epsilon(tolerance).scale(1.0 + std::fabs(numeric)));
  }
}
}  // namespace

TEST_CASE("LayerNorm backward matches finite differences for input, gain and bias") {
  attn::Rng rng(7);
  const int n = 3, d = 5;
  auto x = random_vector(rng, n * d, 1.5);
  auto gamma = random_vector(rng, d, 1.0);
  auto beta = random_vector(rng, d, 1.0);
  const auto dy = random_vector(rng, n * d, 1.0);
  std::vector<float> y(n * d), mean(n), rstd(n);
  auto loss = [&]() {
    attn::nn::layernorm_forward(x.data(), gamma.data(), beta.data(), y.data(), mean.data(), rstd.data(), n, d);
    return dot(dy, y);
  };
  loss();
  std::vector<float> dx(n * d, 0.f), dgamma(d, 0.f), dbeta(d, 0.f);
  attn::nn::layernorm_backward(dy.data(), x.data(), gamma.data(), mean.data(), rstd.data(), dx.data(), dgamma.data(),
                               dbeta.data(), n, d);
  SUBCASE("input") { check_gradient(x, dx, loss); }
  SUBCASE("gain") { check_gradient(gamma, dgamma, loss); }
  SUBCASE("bias") { check_gradient(beta, dbeta, loss); }
}

TEST_CASE("LayerNorm output has zero mean and unit variance per row before gain and bias") {
  attn::Rng rng(3);
  const int n = 4, d = 8;
  auto x = random_vector(rng, n * d, 3.0);
  std::vector<float> gamma(d, 1.f), beta(d, 0.f), y(n * d), mean(n), rstd(n);
  attn::nn::layernorm_forward(x.data(), gamma.data(), beta.data(), y.data(), mean.data(), rstd.data(), n, d);
  for (int i = 0; i < n; ++i) {
    double m = 0, v = 0;
    for (int j = 0; j < d; ++j) m += y[i * d + j];
    m /= d;
    for (int j = 0; j < d; ++j) v += (y[i * d + j] - m) * (y[i * d + j] - m);
    CHECK(m == doctest::Approx(0.0).epsilon(1e-6).scale(1.0));
    CHECK(v / d == doctest::Approx(1.0).epsilon(1e-4));
  }
}

TEST_CASE("GELU: known values and a derivative matching finite differences") {
  const std::vector<float> at = {-3.f, -1.f, 0.f, 0.5f, 2.f};
  std::vector<float> y(at.size());
  attn::nn::gelu_forward(at.data(), y.data(), static_cast<long>(at.size()));
  // reference values of the tanh form (x/2 · (1 + tanh(√(2/π)(x + 0.044715x³))))
  CHECK(y[0] == doctest::Approx(-0.0036374).epsilon(1e-3));
  CHECK(y[1] == doctest::Approx(-0.1588080).epsilon(1e-4));
  CHECK(y[2] == 0.f);
  CHECK(y[3] == doctest::Approx(0.3457140).epsilon(1e-4));
  CHECK(y[4] == doctest::Approx(1.9545977).epsilon(1e-4));
  attn::Rng rng(11);
  auto x = random_vector(rng, 40, 2.0);
  const auto dy = random_vector(rng, 40, 1.0);
  std::vector<float> out(40);
  auto loss = [&]() {
    attn::nn::gelu_forward(x.data(), out.data(), 40);
    return dot(dy, out);
  };
  std::vector<float> dx(40, 0.f);
  attn::nn::gelu_backward(x.data(), dy.data(), dx.data(), 40);
  check_gradient(x, dx, loss, 1e-3f, 2e-3);
}

TEST_CASE("feed-forward block backward matches finite differences for every tensor") {
  attn::Rng rng(5);
  const int n = 3, d = 4, hidden = 6;
  auto x = random_vector(rng, n * d, 1.0);
  auto w1 = random_vector(rng, d * hidden, 0.7);
  auto b1 = random_vector(rng, hidden, 0.3);
  auto w2 = random_vector(rng, hidden * d, 0.7);
  auto b2 = random_vector(rng, d, 0.3);
  const auto dy = random_vector(rng, n * d, 1.0);
  std::vector<float> pre(n * hidden), act(n * hidden), y(n * d), dact(n * hidden);
  for (attn::Impl impl : {attn::Impl::kScalar, attn::Impl::kSimd}) {
    CAPTURE(static_cast<int>(impl));
    auto loss = [&]() {
      attn::nn::feed_forward_forward(impl, x.data(), {w1.data(), b1.data(), w2.data(), b2.data()}, pre.data(), act.data(),
                                     y.data(), n, d, hidden);
      return dot(dy, y);
    };
    loss();
    std::vector<float> dx(n * d, 0.f), dw1(d * hidden, 0.f), db1(hidden, 0.f), dw2(hidden * d, 0.f), db2(d, 0.f);
    attn::nn::feed_forward_backward(impl, dy.data(), x.data(), {w1.data(), b1.data(), w2.data(), b2.data()}, pre.data(),
                                    act.data(), dact.data(), dx.data(), {dw1.data(), db1.data(), dw2.data(), db2.data()}, n,
                                    d, hidden);
    SUBCASE("input") { check_gradient(x, dx, loss); }
    SUBCASE("W1") { check_gradient(w1, dw1, loss); }
    SUBCASE("b1") { check_gradient(b1, db1, loss); }
    SUBCASE("W2") { check_gradient(w2, dw2, loss); }
    SUBCASE("b2") { check_gradient(b2, db2, loss); }
  }
}
