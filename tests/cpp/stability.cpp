// Numerical stability: huge scores give finite weights (the max is subtracted before exp).
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

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

TEST_CASE("non-finite values are reported at the stage where they appear") {
  AttentionShape s;
  s.n = 2, s.d_model = 2, s.heads = 1, s.d_k = 2, s.d_v = 2;
  const std::vector<float> id = {1, 0, 0, 1};
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(static_cast<int>(impl));
    AttentionOptions o;
    o.impl = impl;
    SUBCASE("NaN in x") {
      ref::EngineRun run({1, std::nanf(""), 0, 1}, id, id, id, nullptr, s, o);
      CHECK(run.status == Status::kNonFiniteInput);
    }
    SUBCASE("x · W overflows") {
      ref::EngineRun run({1e20f, 1, 0, 1}, {1e20f, 0, 0, 1}, id, id, nullptr, s, o);
      CHECK(run.status == Status::kProjectionOverflow);
    }
    SUBCASE("finite Q and K, overflowing q·k") {
      ref::EngineRun run({1e19f, 1e19f, 1e19f, -1e19f}, {1e1f, 0, 0, 1e1f}, id, id, nullptr, s, o);
      CHECK(run.status == Status::kScoresOverflow);
    }
    SUBCASE("finite weights, overflowing output projection") {
      const std::vector<float> wo = {3e38f, 3e38f, 3e38f, 3e38f};
      ref::EngineRun run({1, 0, 1, 0}, id, id, {10, 0, 0, 10}, &wo, s, o);
      CHECK(run.status == Status::kOutputOverflow);
    }
    SUBCASE("check_finite off: the kernels run on whatever they are given") {
      o.check_finite = false;
      ref::EngineRun run({1, std::nanf(""), 0, 1}, id, id, id, nullptr, s, o);
      CHECK(run.status == Status::kOk);
    }
  }
}

TEST_CASE("all_finite finds one NaN or ±∞ anywhere, across its 1024-float blocks") {
  for (std::size_t count : {1u, 3u, 1023u, 1024u, 1025u, 3000u}) {
    CAPTURE(count);
    std::vector<float> v(count, 1.5f);
    CHECK(all_finite(v.data(), count));
    for (std::size_t at : {std::size_t(0), count / 2, count - 1}) {
      for (float bad : {std::nanf(""), std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity()}) {
        v[at] = bad;
        CHECK_FALSE(all_finite(v.data(), count));
        v[at] = 1.5f;
      }
    }
    v[count - 1] = std::numeric_limits<float>::max();  // the largest finite float is finite
    v[0] = std::numeric_limits<float>::denorm_min();
    CHECK(all_finite(v.data(), count));
  }
}
