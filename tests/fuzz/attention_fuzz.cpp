// libFuzzer target for the attention engine (built by scripts/fuzz.sh with clang's
// -fsanitize=fuzzer,address,undefined; not part of npm test). The first bytes choose the shape,
// mask, scaling and mistake; the rest become the inputs. Two kinds of input:
// - moderate values (|v| ≤ 8): every kernel twin must agree, weights must be finite and each row
//   must sum to 1 (or 0 when every key is hidden), and the fused fast path must match the lesson
//   path;
// - raw float bits (NaN, ±∞, 1e38 …): nothing may crash or read out of bounds.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "attention.hpp"
#include "fused_attention.hpp"

using namespace attn;

namespace {
struct Bytes {
  const std::uint8_t* p;
  std::size_t left;
  std::uint8_t u8() { return left ? (--left, *p++) : 0; }
  float value(bool raw) {
    if (raw) {
      std::uint32_t bits = 0;
      for (int i = 0; i < 4; ++i) bits = bits << 8 | u8();
      float f;
      std::memcpy(&f, &bits, 4);
      return f;
    }
    return static_cast<std::int8_t>(u8()) / 16.0f;  // [-8, 8) in steps of 1/16
  }
};

[[noreturn]] void fail(const char* what, int i, double a, double b) {
  std::fprintf(stderr, "fuzz check failed: %s at %d: %.9g vs %.9g\n", what, i, a, b);
  std::abort();
}

bool close(double a, double b, double tol) { return std::fabs(a - b) <= tol * (1 + std::fabs(b)); }
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in{data, size};
  const std::uint8_t shape = in.u8(), opts = in.u8();
  const bool raw = opts & 0x80;
  AttentionShape s;
  // Shapes cover every kernel's tile edges: the fused path's 16-row groups (n up to 65 = 4·16+1),
  // 4-lane SIMD tails in widths up to 17, and up to 8 heads; small enough for thousands of inputs
  // a second. (The JS fuzzer, tests/fuzz/run.mjs, reaches the documented limits through the wasm
  // build.)
  s.heads = 1 + (shape & 7);
  s.d_k = 1 + (in.u8() % 17);
  s.d_v = 1 + (in.u8() % 17);
  s.n = 1 + (in.u8() % 65);
  const bool with_wo = opts & 0x40;
  s.d_model = with_wo ? 1 + (shape >> 3) % 32 : s.heads * s.d_v;
  AttentionOptions o;
  o.mask.kind = static_cast<MaskKind>((opts & 3) % 3);
  o.mask.valid_keys = in.u8() % (s.n + 1);
  o.scale = opts & 4;
  o.mistake = static_cast<Mistake>(((opts >> 3) & 3) % 3);
  if (validate(s, o, with_wo) != Status::kOk) return 0;

  const int hk = s.heads * s.d_k, hv = s.heads * s.d_v;
  auto fill = [&](std::size_t count) {
    std::vector<float> v(count);
    for (auto& e : v) e = in.value(raw);
    return v;
  };
  auto x = fill(std::size_t(s.n) * s.d_model), wq = fill(std::size_t(s.d_model) * hk),
       wk = fill(std::size_t(s.d_model) * hk), wv = fill(std::size_t(s.d_model) * hv),
       wo = fill(std::size_t(hv) * s.d_model);
  AttentionParams p;
  p.wq = wq.data(), p.wk = wk.data(), p.wv = wv.data(), p.wo = with_wo ? wo.data() : nullptr;

  // The lesson path, both twins, intermediates kept.
  std::vector<float> ws_simd(workspace_floats(s, true)), ws_scalar(workspace_floats(s, true));
  o.impl = Impl::kSimd;
  const AttentionBuffers a = carve_workspace(ws_simd.data(), s, true);
  const Status st = attention_forward(x.data(), p, s, o, a);
  // Moderate inputs must pass; raw bits may be refused, but only for a non-finite reason, and the
  // kernels then still run on them with the checks off (nothing may crash or read out of bounds).
  if (!raw && st != Status::kOk) fail("status", int(st), 0, 0);
  if (raw && st != Status::kOk && st != Status::kNonFiniteInput && st != Status::kProjectionOverflow &&
      st != Status::kScoresOverflow && st != Status::kOutputOverflow)
    fail("status on raw input", int(st), 0, 0);
  if (raw) {
    o.check_finite = false;
    attention_forward(x.data(), p, s, o, a);
  }
  o.impl = Impl::kScalar;
  const AttentionBuffers b = carve_workspace(ws_scalar.data(), s, true);
  attention_forward(x.data(), p, s, o, b);

  // The fast path on the same projections (no mistake there: it computes only correct attention).
  std::vector<float> fused(std::size_t(s.n) * hv), fused_scalar(fused.size());
  std::vector<float> fws(fused_attention_workspace_floats(s.n, s.d_k, s.d_v));
  const float factor = o.scale ? 1.f / std::sqrt(float(s.d_k)) : 1.f;
  fused_attention(Impl::kSimd, a.q, a.k, a.v, fused.data(), s.n, s.heads, s.d_k, s.d_v, o.mask, factor, fws.data());
  fused_attention(Impl::kScalar, a.q, a.k, a.v, fused_scalar.data(), s.n, s.heads, s.d_k, s.d_v, o.mask, factor, fws.data());
  if (raw) return 0;  // extreme inputs: surviving without a sanitizer report is the check

  const long nn = long(s.n) * s.n;
  for (long i = 0; i < nn * s.heads; ++i) {
    if (!std::isfinite(a.weights[i])) fail("weight not finite", int(i), a.weights[i], 0);
    if (!close(a.weights[i], b.weights[i], 2e-4)) fail("weights simd vs scalar", int(i), a.weights[i], b.weights[i]);
  }
  if (o.mistake == Mistake::kNone) {
    for (int h = 0; h < s.heads; ++h)
      for (int r = 0; r < s.n; ++r) {
        double sum = 0;
        for (int c = 0; c < s.n; ++c) sum += a.weights[h * nn + long(r) * s.n + c];
        const bool none_visible = o.mask.visible_keys(r, s.n) == 0;
        if (!close(sum, none_visible ? 0.0 : 1.0, 1e-4)) fail("row sum", r, sum, none_visible ? 0 : 1);
      }
    for (std::size_t i = 0; i < fused.size(); ++i) {
      if (!close(fused[i], a.concat[i], 2e-3)) fail("fused vs lesson path", int(i), fused[i], a.concat[i]);
      if (!close(fused[i], fused_scalar[i], 2e-3)) fail("fused simd vs scalar", int(i), fused[i], fused_scalar[i]);
    }
  }
  for (long i = 0; i < long(s.n) * s.d_model; ++i)
    if (!close(a.output[i], b.output[i], 2e-3)) fail("output simd vs scalar", int(i), a.output[i], b.output[i]);
  return 0;
}
