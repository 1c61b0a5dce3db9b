// Finite-difference checks of every backward pass in src/nn, for both kernel twins. Each test
// takes the loss L = Σ c·y for fixed random c (so ∂L/∂y = c), runs the layer's backward, and
// compares every analytic gradient entry with the central difference (L(θ+h) − L(θ−h)) / 2h,
// h = 1e-2. Stated tolerance: |analytic − numeric| ≤ 1e-2 · max(1, largest |gradient| of that
// tensor). float32 round-off in L is ~1e-6·|L| / h, the O(h²) term ~1e-4, so a wrong formula
// (off by a transpose, a scale or a sign) fails by far more.
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include "nn/attention_layer.hpp"
#include "nn/cross_entropy.hpp"
#include "nn/embedding.hpp"
#include "nn/linear.hpp"
#include "nn/residual.hpp"
#include "nn/select_rows.hpp"

using attn::Impl;
namespace nn = attn::nn;

namespace {
constexpr float kStep = 1e-2f;
constexpr double kTolerance = 1e-2;

std::vector<float> random_vector(std::mt19937& g, std::size_t count, float spread = 1.f) {
  std::normal_distribution<float> d(0.f, spread);
  std::vector<float> v(count);
  for (float& x : v) x = d(g);
  return v;
}

double weighted_sum(const std::vector<float>& c, const float* y) {
  double s = 0;
  for (std::size_t i = 0; i < c.size(); ++i) s += double(c[i]) * y[i];
  return s;
}

// Perturbs every entry of `theta` by ±kStep, re-evaluates `loss`, and checks `analytic`.
void check_gradient(const char* what, std::vector<float>& theta, const std::vector<float>& analytic,
                    const std::function<double()>& loss) {
  REQUIRE(theta.size() == analytic.size());
  double largest = 1.0;
  for (float a : analytic) largest = std::max(largest, double(std::fabs(a)));
  double worst = 0;
  for (std::size_t i = 0; i < theta.size(); ++i) {
    const float keep = theta[i];
    theta[i] = keep + kStep;
    const double up = loss();
    theta[i] = keep - kStep;
    const double down = loss();
    theta[i] = keep;
    worst = std::max(worst, std::fabs((up - down) / (2.0 * kStep) - analytic[i]));
  }
  const std::string tensor = what;
  CAPTURE(tensor);
  CAPTURE(worst);
  CAPTURE(largest);
  CHECK(worst <= kTolerance * largest);
}
}  // namespace

TEST_CASE("linear backward matches finite differences (dx, dW, db)") {
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(int(impl));
    std::mt19937 g(11);
    const int n = 5, d_in = 7, d_out = 9;
    auto x = random_vector(g, n * d_in), w = random_vector(g, d_in * d_out, 0.5f), b = random_vector(g, d_out);
    auto c = random_vector(g, n * d_out);
    std::vector<float> y(n * d_out);
    auto loss = [&] {
      nn::linear_forward(impl, x.data(), w.data(), b.data(), y.data(), n, d_in, d_out);
      return weighted_sum(c, y.data());
    };
    std::vector<float> dx(x.size()), dw(w.size()), db(b.size());
    nn::linear_backward(impl, c.data(), x.data(), w.data(), dx.data(), dw.data(), db.data(), n, d_in, d_out);
    check_gradient("dx", x, dx, loss);
    check_gradient("dW", w, dw, loss);
    check_gradient("db", b, db, loss);
  }
}

TEST_CASE("embedding backward scatters into the token and position rows") {
  std::mt19937 g(12);
  const int vocab = 6, d = 5, max_len = 4;
  const std::vector<int> tokens = {0, 3, 3, 5, 1, 3, 0};  // token 3 three times: gradients add up
  const std::vector<int> seq_start = {0, 4, 7};
  auto wte = random_vector(g, vocab * d), wpe = random_vector(g, max_len * d);
  auto c = random_vector(g, tokens.size() * d);
  std::vector<float> out(tokens.size() * d);
  auto loss = [&] {
    nn::embedding_forward(tokens.data(), seq_start.data(), 2, wte.data(), wpe.data(), out.data(), d);
    return weighted_sum(c, out.data());
  };
  std::vector<float> dwte(wte.size()), dwpe(wpe.size());
  nn::embedding_backward(tokens.data(), seq_start.data(), 2, c.data(), dwte.data(), dwpe.data(), d);
  check_gradient("d token table", wte, dwte, loss);
  check_gradient("d position table", wpe, dwpe, loss);
  // Token 2 and 4 never occur: their rows get exactly zero gradient.
  for (int t : {2, 4})
    for (int k = 0; k < d; ++k) CHECK(dwte[t * d + k] == 0.f);
  // Fixed (sinusoidal) positions: no position gradient is written.
  std::vector<float> dwte2(wte.size());
  nn::embedding_backward(tokens.data(), seq_start.data(), 2, c.data(), dwte2.data(), nullptr, d);
  CHECK(dwte2 == dwte);
}

TEST_CASE("cross-entropy backward matches finite differences of the mean loss") {
  std::mt19937 g(13);
  const int rows = 4, classes = 7;
  auto logits = random_vector(g, rows * classes, 2.f);
  const std::vector<int> targets = {0, 6, 3, 3};
  std::vector<float> probs(logits.size()), losses(rows);
  auto loss = [&] { return double(nn::cross_entropy_forward(logits.data(), targets.data(), probs.data(), losses.data(), rows, classes)); };
  loss();
  std::vector<float> dlogits(logits.size());
  nn::cross_entropy_backward(probs.data(), targets.data(), dlogits.data(), rows, classes);
  check_gradient("d logits", logits, dlogits, loss);
  const double mean = loss();  // re-run at the unperturbed logits
  // The forward's numbers: rows of probabilities sum to 1 and the loss is −log p[target].
  double sum_losses = 0;
  for (int r = 0; r < rows; ++r) {
    double s = 0;
    for (int k = 0; k < classes; ++k) s += probs[r * classes + k];
    CHECK(s == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(losses[r] == doctest::Approx(-std::log(probs[r * classes + targets[r]])).epsilon(1e-5));
    sum_losses += losses[r];
  }
  CHECK(mean == doctest::Approx(sum_losses / rows).epsilon(1e-6));
}

TEST_CASE("read-out at one position (select_rows then linear) matches finite differences") {
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(int(impl));
    std::mt19937 g(14);
    const int N = 9, d = 6, classes = 3, batch = 2;
    const std::vector<int> rows = {2, 7};
    auto x = random_vector(g, N * d), w = random_vector(g, d * classes), b = random_vector(g, classes);
    const std::vector<int> targets = {1, 2};
    std::vector<float> picked(batch * d), logits(batch * classes), probs(logits.size());
    auto loss = [&] {
      nn::select_rows_forward(x.data(), rows.data(), batch, picked.data(), d);
      nn::linear_forward(impl, picked.data(), w.data(), b.data(), logits.data(), batch, d, classes);
      return double(nn::cross_entropy_forward(logits.data(), targets.data(), probs.data(), nullptr, batch, classes));
    };
    loss();
    std::vector<float> dlogits(logits.size()), dpicked(picked.size()), dx(x.size()), dw(w.size()), db(b.size());
    nn::cross_entropy_backward(probs.data(), targets.data(), dlogits.data(), batch, classes);
    nn::linear_backward(impl, dlogits.data(), picked.data(), w.data(), dpicked.data(), dw.data(), db.data(), batch, d, classes);
    nn::select_rows_backward(dpicked.data(), rows.data(), batch, dx.data(), d);
    check_gradient("dx (only the read-out rows are non-zero)", x, dx, loss);
    check_gradient("d read-out W", w, dw, loss);
    check_gradient("d read-out b", b, db, loss);
    for (int r = 0; r < N; ++r)
      if (r != 2 && r != 7)
        for (int k = 0; k < d; ++k) CHECK(dx[r * d + k] == 0.f);
  }
}

namespace {
// One attention layer with its residual, y = x + attention(x), on a packed batch of two sequences
// (3 and 5 tokens), with every gradient checked.
void check_attention(Impl impl, int heads, int d_k, bool causal, bool scale, bool residual) {
  std::mt19937 g(15 + heads * 7 + d_k + (causal ? 100 : 0));
  const int d_model = 6, batch = 2;
  const std::vector<int> seq_start = {0, 3, 8};
  const int N = seq_start[batch], hk = heads * d_k;
  nn::AttentionLayerShape shape{d_model, heads, d_k, causal, scale};
  auto x = random_vector(g, N * d_model);
  auto wq = random_vector(g, d_model * hk, 0.6f), wk = random_vector(g, d_model * hk, 0.6f),
       wv = random_vector(g, d_model * hk, 0.6f), wo = random_vector(g, hk * d_model, 0.6f);
  auto c = random_vector(g, N * d_model);
  std::vector<float> q(N * hk), k(N * hk), v(N * hk), concat(N * hk), out(N * d_model), y(N * d_model);
  std::vector<float> att(nn::attention_weights_floats(heads, seq_start.data(), batch));
  nn::AttentionLayerParams p{wq.data(), wk.data(), wv.data(), wo.data()};
  nn::AttentionLayerCache cache{q.data(), k.data(), v.data(), att.data(), concat.data()};
  auto loss = [&] {
    nn::attention_layer_forward(impl, shape, p, cache, x.data(), seq_start.data(), batch, out.data());
    if (!residual) return weighted_sum(c, out.data());
    nn::residual_forward(x.data(), out.data(), y.data(), long(y.size()));
    return weighted_sum(c, y.data());
  };
  loss();
  // Causal: weights above the diagonal are exactly 0; every row sums to 1.
  const float* a = att.data();
  for (int s = 0; s < batch; ++s) {
    const int n = seq_start[s + 1] - seq_start[s];
    for (int h = 0; h < heads; ++h, a += n * n)
      for (int i = 0; i < n; ++i) {
        double sum = 0;
        for (int j = 0; j < n; ++j) {
          sum += a[i * n + j];
          if (causal && j > i) CHECK(a[i * n + j] == 0.f);
        }
        CHECK(sum == doctest::Approx(1.0).epsilon(1e-5));
      }
  }
  std::vector<float> dx(x.size()), dwq(wq.size()), dwk(wk.size()), dwv(wv.size()), dwo(wo.size()), dout(out.size());
  std::vector<float> scratch(nn::attention_backward_scratch_floats(shape, seq_start.data(), batch), 1e9f);  // garbage in
  if (residual)
    nn::residual_backward(c.data(), dx.data(), dout.data(), long(c.size()));
  else
    dout = c;
  nn::AttentionLayerParams grads{dwq.data(), dwk.data(), dwv.data(), dwo.data()};
  nn::attention_layer_backward(impl, shape, p, grads, cache, x.data(), seq_start.data(), batch, dout.data(), dx.data(), scratch.data());
  check_gradient("dx", x, dx, loss);
  check_gradient("dW_Q", wq, dwq, loss);
  check_gradient("dW_K", wk, dwk, loss);
  check_gradient("dW_V", wv, dwv, loss);
  check_gradient("dW_O", wo, dwo, loss);
}
}  // namespace

TEST_CASE("attention layer backward matches finite differences") {
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(int(impl));
    SUBCASE("no mask, one head") { check_attention(impl, 1, 6, false, true, false); }
    SUBCASE("no mask, two heads of 3, with the residual") { check_attention(impl, 2, 3, false, true, true); }
    SUBCASE("causal mask, two heads of 5 (crosses a SIMD tile edge)") { check_attention(impl, 2, 5, true, true, false); }
    SUBCASE("causal mask, four heads, with the residual") { check_attention(impl, 4, 2, true, true, true); }
    SUBCASE("no 1/sqrt(d_k) scale") { check_attention(impl, 1, 4, false, false, false); }
  }
}

TEST_CASE("attention never mixes two sequences of a batch") {
  std::mt19937 g(16);
  const int d_model = 4, heads = 2, d_k = 2, hk = 4;
  const std::vector<int> two = {0, 3, 5}, first = {0, 3};
  nn::AttentionLayerShape shape{d_model, heads, d_k, false, true};
  auto x = random_vector(g, 5 * d_model);
  auto wq = random_vector(g, 16), wk = random_vector(g, 16), wv = random_vector(g, 16), wo = random_vector(g, 16);
  nn::AttentionLayerParams p{wq.data(), wk.data(), wv.data(), wo.data()};
  std::vector<float> q(5 * hk), k(5 * hk), v(5 * hk), concat(5 * hk), att(2 * (9 + 4)), out(5 * d_model), out1(3 * d_model);
  nn::AttentionLayerCache cache{q.data(), k.data(), v.data(), att.data(), concat.data()};
  nn::attention_layer_forward(Impl::kSimd, shape, p, cache, x.data(), two.data(), 2, out.data());
  const std::vector<float> batched(out.begin(), out.begin() + 3 * d_model);
  nn::attention_layer_forward(Impl::kSimd, shape, p, cache, x.data(), first.data(), 1, out1.data());
  CHECK(out1 == batched);
}
