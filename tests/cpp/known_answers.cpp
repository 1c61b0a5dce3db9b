// Known answers: the lesson's worked example (love / Apple / phones), a causal 4×4 case, key
// padding, and multi-head attention against the double-precision reference.
#include <doctest/doctest.h>

#include <cmath>
#include <string>

#include "reference.hpp"

using namespace attn;

namespace {
// The worked example's inputs, chosen so that Q·Kᵀ is exactly [[1,1,0],[2,3,2],[2,4,4]]:
// embeddings love = (1, 0), Apple = (1, 1), phones = (0, 2); W_Q = I; W_K = [[1,1],[0,1]]; W_V = I.
const std::vector<float> kX = {1, 0, 1, 1, 0, 2};
const std::vector<float> kIdentity = {1, 0, 0, 1};
const std::vector<float> kWk = {1, 1, 0, 1};
AttentionShape worked_shape() {
  AttentionShape s;
  s.n = 3, s.d_model = 2, s.heads = 1, s.d_k = 2, s.d_v = 2;
  return s;
}
}  // namespace

TEST_CASE("worked example: raw scores, Apple's weights and the mixed values") {
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    CAPTURE(static_cast<int>(impl));
    AttentionOptions o;
    o.impl = impl;
    ref::EngineRun run(kX, kIdentity, kWk, kIdentity, nullptr, worked_shape(), o);
    REQUIRE(run.status == Status::kOk);
    const float expected[9] = {1, 1, 0, 2, 3, 2, 2, 4, 4};
    for (int i = 0; i < 9; ++i) CHECK(run.b.scores[i] == expected[i]);  // exact
    // Apple's row after ÷√2 and softmax: 0.25 / 0.50 / 0.25 to two decimals.
    CHECK(std::round(run.b.weights[3] * 100) == 25);
    CHECK(std::round(run.b.weights[4] * 100) == 50);
    CHECK(std::round(run.b.weights[5] * 100) == 25);
    CHECK(run.b.weights[3] == doctest::Approx(0.248255).epsilon(1e-5));
    CHECK(run.b.weights[4] == doctest::Approx(0.503490).epsilon(1e-5));
    // Apple' = 0.2483·(1,0) + 0.5035·(1,1) + 0.2483·(0,2)
    CHECK(run.b.output[2] == doctest::Approx(0.751745).epsilon(1e-5));
    CHECK(run.b.output[3] == doctest::Approx(1.0).epsilon(1e-5));
    // Every row of weights sums to 1.
    for (int i = 0; i < 3; ++i)
      CHECK(run.b.weights[i * 3] + run.b.weights[i * 3 + 1] + run.b.weights[i * 3 + 2] == doctest::Approx(1.0).epsilon(1e-6));
  }
}

TEST_CASE("causal 4x4: rows sum to 1 and the upper triangle is exactly zero") {
  std::mt19937 g(7);
  AttentionShape s;
  s.n = 4, s.d_model = 6, s.heads = 1, s.d_k = 3, s.d_v = 6;
  auto x = ref::random_floats(g, 24), wq = ref::random_floats(g, 18), wk = ref::random_floats(g, 18),
       wv = ref::random_floats(g, 36);
  for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
    AttentionOptions o;
    o.impl = impl;
    o.mask.kind = MaskKind::kCausal;
    ref::EngineRun run(x, wq, wk, wv, nullptr, s, o);
    REQUIRE(run.status == Status::kOk);
    for (int i = 0; i < 4; ++i) {
      float sum = 0;
      for (int j = 0; j < 4; ++j) {
        const float w = run.b.weights[i * 4 + j];
        if (j > i) {
          CHECK(w == 0.0f);
          CHECK(std::isinf(run.b.masked[i * 4 + j]));
          CHECK(run.b.masked[i * 4 + j] < 0);
        }
        sum += w;
      }
      CHECK(sum == doctest::Approx(1.0).epsilon(1e-6));
    }
    CHECK(run.b.weights[0] == 1.0f);  // the first token can only see itself
  }
}

TEST_CASE("key padding hides keys at and after validKeys; validKeys = 0 gives zeros, not NaN") {
  std::mt19937 g(11);
  AttentionShape s;
  s.n = 5, s.d_model = 4, s.heads = 1, s.d_k = 4, s.d_v = 4;
  auto x = ref::random_floats(g, 20), w = ref::random_floats(g, 16);
  SUBCASE("two valid keys") {
    AttentionOptions o;
    o.mask.kind = MaskKind::kValidKeys;
    o.mask.valid_keys = 2;
    ref::EngineRun run(x, w, w, w, nullptr, s, o);
    REQUIRE(run.status == Status::kOk);
    for (int i = 0; i < 5; ++i) {
      CHECK(run.b.weights[i * 5 + 2] == 0.f);
      CHECK(run.b.weights[i * 5 + 4] == 0.f);
      CHECK(run.b.weights[i * 5] + run.b.weights[i * 5 + 1] == doctest::Approx(1.0).epsilon(1e-6));
    }
  }
  SUBCASE("no valid key: every row is fully masked") {
    AttentionOptions o;
    o.mask.kind = MaskKind::kValidKeys;
    o.mask.valid_keys = 0;
    for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
      o.impl = impl;
      ref::EngineRun run(x, w, w, w, nullptr, s, o);
      REQUIRE(run.status == Status::kOk);
      for (int i = 0; i < 25; ++i) CHECK(run.b.weights[i] == 0.f);
      for (int i = 0; i < 20; ++i) CHECK(run.b.output[i] == 0.f);
    }
  }
}

TEST_CASE("multi-head with W_O and d_v != d_k matches the reference") {
  std::mt19937 g(3);
  AttentionShape s;
  s.n = 9, s.d_model = 12, s.heads = 3, s.d_k = 5, s.d_v = 7;
  auto x = ref::random_floats(g, 9 * 12), wq = ref::random_floats(g, 12 * 15, 0.4f),
       wk = ref::random_floats(g, 12 * 15, 0.4f), wv = ref::random_floats(g, 12 * 21, 0.4f),
       wo = ref::random_floats(g, 21 * 12, 0.4f);
  for (MaskKind kind : {MaskKind::kNone, MaskKind::kCausal}) {
    for (Impl impl : {Impl::kScalar, Impl::kSimd}) {
      AttentionOptions o;
      o.impl = impl;
      o.mask.kind = kind;
      ref::EngineRun run(x, wq, wk, wv, &wo, s, o);
      REQUIRE(run.status == Status::kOk);
      Mask m;
      m.kind = kind;
      const ref::Result want = ref::attention(x, wq, wk, wv, &wo, s, m, true);
      for (int h = 0; h < 3; ++h)
        for (int i = 0; i < 81; ++i) CHECK(run.b.weights[h * 81 + i] == doctest::Approx(want.weights[h][i]).epsilon(1e-4));
      for (int i = 0; i < 9 * 21; ++i) CHECK(run.b.concat[i] == doctest::Approx(want.concat[i]).epsilon(1e-4));
      for (int i = 0; i < 9 * 12; ++i) CHECK(run.b.output[i] == doctest::Approx(want.output[i]).epsilon(1e-4));
    }
  }
}

TEST_CASE("bad shapes and options are refused before memory is touched") {
  AttentionOptions o;
  AttentionShape s = worked_shape();
  CHECK(validate(s, o, false) == Status::kOk);
  s.n = 0;
  CHECK(validate(s, o, false) == Status::kBadShape);
  s.n = kMaxTokens + 1;
  CHECK(validate(s, o, false) == Status::kBadShape);
  s = worked_shape();
  s.heads = 2;  // 2 heads · d_v 2 ≠ d_model 2 and no W_O
  CHECK(validate(s, o, false) == Status::kNoOutputProj);
  CHECK(validate(s, o, true) == Status::kOk);
  s = worked_shape();
  o.mask.kind = MaskKind::kValidKeys;
  o.mask.valid_keys = 4;
  CHECK(validate(s, o, false) == Status::kBadMask);
}

TEST_CASE("workspace layout: one table names every section, back to back, and carve_workspace points into it") {
  AttentionShape s;
  s.n = 5, s.d_model = 6, s.heads = 3, s.d_k = 4, s.d_v = 2;
  for (bool keep : {true, false}) {
    CAPTURE(keep);
    SectionSpan sp[kSectionCount];
    workspace_layout(s, keep, sp);
    const char* names[] = {"q", "k", "v", "scores", "scaled", "masked", "weights", "concat", "output"};
    for (int i = 0; i < kSectionCount; ++i) CHECK(std::string(section_name(i)) == names[i]);
    CHECK(section_name(kSectionCount) == nullptr);
    CHECK(sp[0].floats == 5u * 12);
    CHECK(sp[2].floats == 5u * 6);
    CHECK(sp[3].floats == (keep ? 75u : 25u));
    CHECK(sp[7].floats == 30u);
    CHECK(sp[8].floats == 30u);
    // Sections follow each other without gaps (the three shared ones sit on scores without keep).
    std::size_t at = 0;
    for (int i = 0; i < kSectionCount; ++i) {
      const bool shared = !keep && i >= 4 && i <= 6;
      CHECK(sp[i].offset == (shared ? sp[3].offset : at));
      if (!shared) at += sp[i].floats;
    }
    CHECK(workspace_floats(s, keep) == at);
    std::vector<float> ws(at);
    const AttentionBuffers b = carve_workspace(ws.data(), s, keep);
    const float* ptrs[] = {b.q, b.k, b.v, b.scores, b.scaled, b.masked, b.weights, b.concat, b.output};
    for (int i = 0; i < kSectionCount; ++i) CHECK(ptrs[i] == ws.data() + sp[i].offset);
  }
}

TEST_CASE("status names: one per code, stable spelling") {
  CHECK(std::string(status_name(0)) == "ok");
  CHECK(std::string(status_name(static_cast<int>(Status::kScoresOverflow))) == "scores_overflow");
  CHECK(std::string(status_name(static_cast<int>(Status::kProjectionOverflow))) == "projection_overflow");
  CHECK(status_name(kStatusCount) == nullptr);
  CHECK(status_name(-1) == nullptr);
}
