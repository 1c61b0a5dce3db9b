// Numerical stability: huge scores give finite weights (the max is subtracted before exp).
#include <doctest/doctest.h>

#include <cmath>

#include "reference.hpp"
#include "softmax.hpp"

using namespace attn;

TEST_CASE("scores of ±1e4 give finite weights that sum to 1") {
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(static_cast<int>(impl));
    const std::vector<float> in = {1e4f, -1e4f, 1e4f, 0.f, 5e3f, -1e4f, 1e4f - 1.f, 1e4f, -1e4f};
    std::vector<float> out(9);
    softmax_rows(impl, in.data(), out.data(), 1, 9);
    double sum = 0;
    for (float w : out) {
      CHECK(std::isfinite(w));
      sum += w;
    }
    CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
    CHECK(out[1] == 0.f);
    CHECK(out[0] == doctest::Approx(out[2]).epsilon(1e-6));
    CHECK(out[0] > out[6]);  // 1e4 beats 1e4 − 1 by a factor of e
  }
}

TEST_CASE("attention with embeddings of size 1e3 stays finite") {
  std::mt19937 g(9);
  AttentionShape s;
  s.n = 8, s.d_model = 8, s.heads = 1, s.d_k = 8, s.d_v = 8;
  auto x = ref::random_floats(g, 64, 1000.f), w = ref::random_floats(g, 64, 10.f);
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    AttentionOptions o;
    o.impl = impl;
    ref::EngineRun run(x, w, w, w, nullptr, s, o);
    REQUIRE(run.status == Status::kOk);
    for (int i = 0; i < 64; ++i) CHECK(std::isfinite(run.b.weights[i]));
    for (int i = 0; i < 64; ++i) CHECK(std::isfinite(run.b.output[i]));
  }
}
