// The fused fast path (src/fused_attention.cpp): SIMD kernel vs its scalar twin vs the double
// reference, at every tile edge of its 4-row blocks, 8-wide panels and 16-row groups, causal and
// not, multi-head; and the vectorised exp (src/fast_exp.hpp) against std::exp.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "fast_exp.hpp"
#include "fused_attention.hpp"
#include "reference.hpp"

using namespace attn;

namespace {
// Edges of the 4-row blocks, the 8-key panels and the groups of 4 blocks (16 rows).
const int kSizes[] = {1, 3, 4, 5, 7, 8, 9, 16, 17, 33, 63, 64, 65};

// Plain double attention from Q, K, V: (n, heads·d_k), (n, heads·d_k), (n, heads·d_v) → (n, heads·d_v).
std::vector<double> reference_qkv(const std::vector<float>& q, const std::vector<float>& k,
                                  const std::vector<float>& v, int n, int heads, int d_k, int d_v,
                                  Mask mask, double scale) {
  const int hk = heads * d_k, hv = heads * d_v;
  std::vector<double> out(size_t(n) * hv, 0.0), w(n);
  for (int h = 0; h < heads; ++h)
    for (int i = 0; i < n; ++i) {
      double m = -std::numeric_limits<double>::infinity(), sum = 0;
      for (int j = 0; j < n; ++j) {
        double d = 0;
        for (int c = 0; c < d_k; ++c) d += double(q[i * hk + h * d_k + c]) * k[j * hk + h * d_k + c];
        w[j] = mask.hides(i, j) ? -std::numeric_limits<double>::infinity() : d * scale;
        m = std::max(m, w[j]);
      }
      if (m == -std::numeric_limits<double>::infinity()) continue;  // no visible key: zeros
      for (int j = 0; j < n; ++j) sum += w[j] = std::exp(w[j] - m);
      for (int c = 0; c < d_v; ++c) {
        double acc = 0;
        for (int j = 0; j < n; ++j) acc += w[j] * v[j * hv + h * d_v + c];
        out[i * hv + h * d_v + c] = acc / sum;
      }
    }
  return out;
}

struct Case {
  int n, heads, d_k, d_v;
  Mask mask;
  float scale;
};

// Runs one twin into a NaN-filled output (so an unwritten entry fails the comparison).
std::vector<float> run(Impl impl, const Case& c, const std::vector<float>& q, const std::vector<float>& k,
                       const std::vector<float>& v) {
  std::vector<float> ws(fused_attention_workspace_floats(c.n, c.d_k, c.d_v), std::nanf(""));
  std::vector<float> out(size_t(c.n) * c.heads * c.d_v, std::nanf(""));
  fused_attention(impl, q.data(), k.data(), v.data(), out.data(), c.n, c.heads, c.d_k, c.d_v, c.mask,
                  c.scale, ws.data());
  return out;
}

void check_case(std::mt19937& g, const Case& c) {
  CAPTURE(c.n);
  CAPTURE(c.heads);
  CAPTURE(c.d_k);
  CAPTURE(c.d_v);
  CAPTURE(static_cast<int>(c.mask.kind));
  CAPTURE(c.mask.valid_keys);
  REQUIRE(fused_attention_shape_ok(c.n, c.heads, c.d_k, c.d_v, c.mask));
  const auto q = ref::random_floats(g, size_t(c.n) * c.heads * c.d_k, 1.5f),
             k = ref::random_floats(g, size_t(c.n) * c.heads * c.d_k, 1.5f),
             v = ref::random_floats(g, size_t(c.n) * c.heads * c.d_v);
  const auto want = reference_qkv(q, k, v, c.n, c.heads, c.d_k, c.d_v, c.mask, c.scale);
  const auto simd = run(Impl::kSimd, c, q, k, v), scalar = run(Impl::kScalar, c, q, k, v);
  for (size_t i = 0; i < want.size(); ++i) {
    CHECK(std::fabs(simd[i] - want[i]) <= 2e-5 * (1 + std::fabs(want[i])));
    CHECK(std::fabs(scalar[i] - want[i]) <= 2e-5 * (1 + std::fabs(want[i])));
    CHECK(std::fabs(simd[i] - scalar[i]) <= 2e-5 * (1 + std::fabs(scalar[i])));
  }
}

Mask make_mask(MaskKind kind, int valid = 0) {
  Mask m;
  m.kind = kind;
  m.valid_keys = valid;
  return m;
}
}  // namespace

TEST_CASE("fused attention: SIMD, scalar and the double reference agree at every tile edge") {
  std::mt19937 g(11);
  for (int n : kSizes)
    for (int d : {16, 64, 1, 5, 17}) {
      SUBCASE("no mask") { check_case(g, {n, 1, d, d, make_mask(MaskKind::kNone), 1.f / std::sqrt(float(d))}); }
      SUBCASE("causal") { check_case(g, {n, 1, d, d, make_mask(MaskKind::kCausal), 1.f / std::sqrt(float(d))}); }
    }
}

TEST_CASE("fused attention: multi-head, d_k ≠ d_v, key padding and no scaling") {
  std::mt19937 g(12);
  for (int n : kSizes) {
    SUBCASE("3 heads, causal, d_k 16, d_v 9") { check_case(g, {n, 3, 16, 9, make_mask(MaskKind::kCausal), 0.25f}); }
    SUBCASE("8 heads, d_k 64") { check_case(g, {n, 8, 64, 64, make_mask(MaskKind::kNone), 0.125f}); }
    SUBCASE("2 heads, d_k 7, d_v 20, unscaled") { check_case(g, {n, 2, 7, 20, make_mask(MaskKind::kNone), 1.f}); }
    SUBCASE("valid keys") {
      for (int valid : {1, (n + 1) / 2, n}) check_case(g, {n, 2, 8, 8, make_mask(MaskKind::kValidKeys, valid), 0.35f});
    }
  }
}

TEST_CASE("fused attention: no visible key gives zeros, huge scores stay finite") {
  std::mt19937 g(13);
  const int n = 9, d = 16;
  auto q = ref::random_floats(g, n * d), k = ref::random_floats(g, n * d), v = ref::random_floats(g, n * d);
  const Case none{n, 1, d, d, make_mask(MaskKind::kValidKeys, 0), 0.25f};
  for (Impl impl : {Impl::kSimd, Impl::kScalar})
    for (float o : run(impl, none, q, k, v)) CHECK(o == 0.f);
  for (auto& e : q) e *= 1000.f;  // scores of order 1e6: the max shift keeps the softmax finite
  const Case big{n, 1, d, d, make_mask(MaskKind::kCausal), 0.25f};
  const auto a = run(Impl::kSimd, big, q, k, v), b = run(Impl::kScalar, big, q, k, v);
  for (size_t i = 0; i < a.size(); ++i) {
    CHECK(std::isfinite(a[i]));
    CHECK(std::fabs(a[i] - b[i]) <= 1e-4 * (1 + std::fabs(b[i])));
  }
}

#if ATTN_SIMD
TEST_CASE("vectorised exp: within 3 ulp of std::exp on [−87, 0], exactly 0 at −∞") {
  for (double x = -87.0; x <= 0.0; x += 0.0137) {
    alignas(16) float in[kLanes], got[kLanes];
    for (int l = 0; l < kLanes; ++l) in[l] = float(x - 0.003 * l);
    exp_batch(fbatch::load_aligned(in)).store_aligned(got);
    for (int l = 0; l < kLanes; ++l) {
      const float want = std::exp(in[l]);
      CHECK(std::fabs(got[l] - want) <= 3.6e-7f * want);
    }
  }
  alignas(16) float inf[kLanes], zero[kLanes];
  for (auto& e : inf) e = -std::numeric_limits<float>::infinity();
  exp_batch(fbatch::load_aligned(inf)).store_aligned(zero);
  for (float z : zero) CHECK(z == 0.f);
}
#endif
