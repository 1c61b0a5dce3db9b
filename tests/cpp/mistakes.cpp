// The classic mistakes, computed honestly: what each one breaks.
#include <doctest/doctest.h>

#include <cmath>

#include "reference.hpp"

using namespace attn;

namespace {
struct Fixture {
  AttentionShape s;
  std::vector<float> x, wq, wk, wv;
  Fixture() {
    std::mt19937 g(21);
    s.n = 6, s.d_model = 8, s.heads = 1, s.d_k = 8, s.d_v = 8;
    x = ref::random_floats(g, 48), wq = ref::random_floats(g, 64), wk = ref::random_floats(g, 64),
    wv = ref::random_floats(g, 64);
  }
  double row_sum(const float* w, int i) const {
    double t = 0;
    for (int j = 0; j < s.n; ++j) t += w[i * s.n + j];
    return t;
  }
  double col_sum(const float* w, int j) const {
    double t = 0;
    for (int i = 0; i < s.n; ++i) t += w[i * s.n + j];
    return t;
  }
};
}  // namespace

TEST_CASE("softmax over queries makes columns, not rows, sum to 1") {
  Fixture f;
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    AttentionOptions o;
    o.impl = impl;
    o.mistake = Mistake::kSoftmaxOverQueries;
    ref::EngineRun run(f.x, f.wq, f.wk, f.wv, nullptr, f.s, o);
    REQUIRE(run.status == Status::kOk);
    int rows_off = 0;
    for (int j = 0; j < f.s.n; ++j) CHECK(f.col_sum(run.b.weights, j) == doctest::Approx(1.0).epsilon(1e-5));
    for (int i = 0; i < f.s.n; ++i) rows_off += std::fabs(f.row_sum(run.b.weights, i) - 1.0) > 1e-3;
    CHECK(rows_off > 0);
  }
}

TEST_CASE("mask after softmax: future weights zeroed but rows no longer sum to 1") {
  Fixture f;
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    AttentionOptions o;
    o.impl = impl;
    o.mask.kind = MaskKind::kCausal;
    o.mistake = Mistake::kMaskAfterSoftmax;
    ref::EngineRun wrong(f.x, f.wq, f.wk, f.wv, nullptr, f.s, o);
    o.mistake = Mistake::kNone;
    ref::EngineRun right(f.x, f.wq, f.wk, f.wv, nullptr, f.s, o);
    REQUIRE(wrong.status == Status::kOk);
    for (int i = 0; i < f.s.n; ++i)
      for (int j = i + 1; j < f.s.n; ++j) CHECK(wrong.b.weights[i * f.s.n + j] == 0.f);
    // The masked stage is left unmasked: the mask has not been applied yet at that point.
    CHECK(std::isfinite(wrong.b.masked[1]));
    // Every row but the last lost the mass the future keys took in the softmax.
    for (int i = 0; i + 1 < f.s.n; ++i) CHECK(f.row_sum(wrong.b.weights, i) < 1.0 - 1e-6);
    CHECK(f.row_sum(wrong.b.weights, f.s.n - 1) == doctest::Approx(1.0).epsilon(1e-5));
    for (int i = 0; i < f.s.n; ++i) CHECK(f.row_sum(right.b.weights, i) == doctest::Approx(1.0).epsilon(1e-5));
  }
}

TEST_CASE("no scaling: scaled equals scores and the weights are sharper") {
  Fixture f;
  for (auto& w : f.wq) w *= 0.3f;  // moderate scores, so that neither version is saturated
  AttentionOptions o;
  o.scale = false;
  ref::EngineRun raw(f.x, f.wq, f.wk, f.wv, nullptr, f.s, o);
  o.scale = true;
  ref::EngineRun scaled(f.x, f.wq, f.wk, f.wv, nullptr, f.s, o);
  for (int i = 0; i < 36; ++i) CHECK(raw.b.scaled[i] == raw.b.scores[i]);
  for (int i = 0; i < 36; ++i) CHECK(scaled.b.scaled[i] == doctest::Approx(scaled.b.scores[i] / std::sqrt(8.0)).epsilon(1e-6));
  // Mean of each row's largest weight: higher without scaling.
  double raw_max = 0, scaled_max = 0;
  for (int i = 0; i < f.s.n; ++i) {
    double rm = 0, sm = 0;
    for (int j = 0; j < f.s.n; ++j) {
      rm = std::max(rm, double(raw.b.weights[i * 6 + j]));
      sm = std::max(sm, double(scaled.b.weights[i * 6 + j]));
    }
    raw_max += rm / f.s.n;
    scaled_max += sm / f.s.n;
  }
  CHECK(raw_max > scaled_max + 0.05);
}
