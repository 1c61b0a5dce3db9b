// The C ABI the JS module calls: plain functions over pointers into wasm memory. Argument checks
// with learner-readable messages live in wasm/validate.js; the checks here only keep bad calls
// from touching memory (they return a Status code). Every layout and code that crosses the
// boundary is owned here and read by JS by name (attn_name, attn_workspace_layout,
// attn_scaling_stats_offset), never mirrored by number. Exports are listed once, in CMakeLists.txt.
#include <cstdint>
#include <cstdlib>

#include "attention.hpp"
#include "fused_attention.hpp"
#include "positional_encoding.hpp"
#include "projection.hpp"
#include "scale.hpp"
#include "scaling_experiment.hpp"
#include "scores.hpp"
#include "similarity.hpp"
#include "softmax.hpp"

using namespace attn;

namespace {
AttentionShape make_shape(int n, int d_model, int heads, int d_k, int d_v) {
  AttentionShape s;
  s.n = n, s.d_model = d_model, s.heads = heads, s.d_k = d_k, s.d_v = d_v;
  return s;
}
int code(Status s) { return static_cast<int>(s); }
constexpr int kMaxSide = 1 << 16;  // rows, cols of the single-pass calls (JS caps them lower)
bool side_ok(int v) { return v >= 1 && v <= kMaxSide; }
}  // namespace

extern "C" {

// 1 in the SIMD build, 0 in the scalar build.
int attn_simd_build(void) { return ATTN_SIMD; }

void* attn_alloc(std::uint32_t bytes) { return std::malloc(bytes); }
void attn_free(void* p) { std::free(p); }

// The names JS reads instead of numbers. table 0: Status names, index = code ("ok",
// "bad_shape", …); 1: attn_forward's workspace sections in memory order ("q" … "output");
// 2: ScalingStats fields in attn_scaling_stats_offset order ("dot_mean" …). Null past the end.
const char* attn_name(int table, int i) {
  switch (table) {
    case 0: return status_name(i);
    case 1: return section_name(i);
    case 2: return i >= 0 && i < kScalingStatsFieldCount ? kScalingStatsFields[i].name : nullptr;
    default: return nullptr;
  }
}

// Floats the caller must allocate for attn_forward's workspace, or -1 for a shape out of limits.
double attn_workspace_floats(int n, int d_model, int heads, int d_k, int d_v, int keep) {
  AttentionOptions o;
  const AttentionShape s = make_shape(n, d_model, heads, d_k, d_v);
  if (validate(s, o, true) != Status::kOk) return -1;
  return static_cast<double>(workspace_floats(s, keep != 0));
}

// Where each workspace section lives: out[2·i] = offset, out[2·i + 1] = length, both in floats
// from the workspace start, for section i of attn_name(1, i). The same table carve_workspace
// uses (src/attention.cpp workspace_layout). Returns a Status code.
int attn_workspace_layout(int n, int d_model, int heads, int d_k, int d_v, int keep, std::uint32_t* out) {
  if (!out) return code(Status::kNullPointer);
  AttentionOptions o;
  const AttentionShape s = make_shape(n, d_model, heads, d_k, d_v);
  if (validate(s, o, true) != Status::kOk) return code(Status::kBadShape);
  SectionSpan spans[kSectionCount];
  workspace_layout(s, keep != 0, spans);
  for (int i = 0; i < kSectionCount; ++i) {
    out[2 * i] = static_cast<std::uint32_t>(spans[i].offset);
    out[2 * i + 1] = static_cast<std::uint32_t>(spans[i].floats);
  }
  return code(Status::kOk);
}

// The factor scores are multiplied by (1/√d_k, or 1 with scale = 0), and √d_k itself: the
// numbers the kernels use, for the page to print.
float attn_score_scale(int d_k, int scale) { return d_k >= 1 ? score_scale(d_k, scale != 0) : 0.f; }
float attn_sqrt_d_k(int d_k) { return d_k >= 1 ? sqrt_d_k(d_k) : 0.f; }

// Runs multi-head attention. Layout of `workspace`: attn_workspace_layout. Refuses non-finite
// inputs and says at which stage a value overflowed (Status). Returns a Status code.
int attn_forward(const float* x, const float* wq, const float* wk, const float* wv, const float* wo,
                 int n, int d_model, int heads, int d_k, int d_v, int mask_kind, int valid_keys,
                 int scale, int mistake, int keep, float* workspace) {
  if (!workspace) return code(Status::kNullPointer);
  if (mask_kind < 0 || mask_kind > 2) return code(Status::kBadMask);
  if (mistake < 0 || mistake > 2) return code(Status::kBadMistake);
  const AttentionShape s = make_shape(n, d_model, heads, d_k, d_v);
  AttentionOptions o;
  o.mask.kind = static_cast<MaskKind>(mask_kind);
  o.mask.valid_keys = valid_keys;
  o.scale = scale != 0;
  o.mistake = static_cast<Mistake>(mistake);
  o.impl = Impl::kSimd;  // the scalar build's "simd" kernels are the scalar twins
  o.keep_intermediates = keep != 0;
  const Status st = validate(s, o, wo != nullptr);
  if (st != Status::kOk) return code(st);
  AttentionParams p;
  p.wq = wq, p.wk = wk, p.wv = wv, p.wo = wo;
  return code(attention_forward(x, p, s, o, carve_workspace(workspace, s, keep != 0)));
}

// out: (n, d_model). Returns a Status code.
int attn_positional_encoding(int n, int d_model, float* out) {
  if (!out) return code(Status::kNullPointer);
  if (n < 1 || n > kMaxTokens || d_model < 1 || d_model > kMaxModelWidth) return code(Status::kBadShape);
  positional_encoding(n, d_model, out);
  return code(Status::kOk);
}

// x, out: (n, d_model); out = x + the positional encoding (out may be x). Returns a Status code.
int attn_add_positional_encoding(const float* x, int n, int d_model, float* out) {
  if (!x || !out) return code(Status::kNullPointer);
  if (n < 1 || n > kMaxTokens || d_model < 1 || d_model > kMaxModelWidth) return code(Status::kBadShape);
  add_positional_encoding(x, n, d_model, out);
  return code(Status::kOk);
}

// Bytes of the ScalingStats struct attn_scaling_experiment writes, and the byte offset of its
// field i (named by attn_name(2, i); every field is a double), or -1 past the end.
int attn_scaling_stats_bytes(void) { return static_cast<int>(sizeof(ScalingStats)); }
int attn_scaling_stats_offset(int i) {
  return i >= 0 && i < kScalingStatsFieldCount ? static_cast<int>(kScalingStatsFields[i].offset) : -1;
}

// out: one ScalingStats (8-byte aligned). Returns a Status code.
int attn_scaling_experiment(int d_k, int samples, int n, std::uint32_t seed, ScalingStats* out) {
  if (!out) return code(Status::kNullPointer);
  ScalingStats st;
  if (!scaling_experiment(d_k, samples, n, seed, Impl::kSimd, st)) return code(Status::kBadShape);
  *out = st;
  return code(Status::kOk);
}

// The single passes, for scenes that teach one idea at a time. Each returns a Status code.
// in, out: (rows, cols); axis 0 = softmax along each row, 1 = along each column.
int attn_softmax(const float* in, float* out, int rows, int cols, int axis) {
  if (!in || !out) return code(Status::kNullPointer);
  if (!side_ok(rows) || !side_ok(cols) || axis < 0 || axis > 1) return code(Status::kBadShape);
  if (axis == 0) softmax_rows(Impl::kSimd, in, out, rows, cols);
  else softmax_columns(Impl::kSimd, in, out, rows, cols);
  return code(Status::kOk);
}

// The softmax with every step kept, for a page that shows them: scaled = in · factor (rows,
// cols), then along each line (row for axis 0, column for axis 1) of `scaled`: maxima (lines),
// exps = e^(scaled − line max) (rows, cols), sums = Σ exps (lines), out = exps / sums (rows, cols).
// See SoftmaxParts in src/softmax.hpp. No buffer may alias another. Returns a Status code.
int attn_softmax_parts(const float* in, float* scaled, float* out, float* maxima, float* exps, float* sums,
                       int rows, int cols, int axis, float factor) {
  if (!in || !scaled || !out || !maxima || !exps || !sums) return code(Status::kNullPointer);
  if (!side_ok(rows) || !side_ok(cols) || axis < 0 || axis > 1) return code(Status::kBadShape);
  scale(Impl::kSimd, in, scaled, static_cast<long>(rows) * cols, factor);
  SoftmaxParts parts;
  parts.maxima = maxima, parts.exps = exps, parts.sums = sums;
  if (axis == 0) softmax_rows(Impl::kSimd, scaled, out, rows, cols, &parts);
  else softmax_columns(Impl::kSimd, scaled, out, rows, cols, &parts);
  return code(Status::kOk);
}

// a: (n_a, d), b: (n_b, d); out: (n_a, n_b) with out[i][j] = a_i · b_j. Returns a Status code.
int attn_dot_products(const float* a, const float* b, int n_a, int n_b, int d, float* out) {
  if (!a || !b || !out) return code(Status::kNullPointer);
  if (!side_ok(n_a) || !side_ok(n_b) || !side_ok(d)) return code(Status::kBadShape);
  scores(Impl::kSimd, a, d, b, d, n_a, n_b, d, out);
  return code(Status::kOk);
}

// x: (n, d); dots, cosines, degrees: (n, n); lengths: (n): every pair's dot product, each
// vector's length, every pair's cosine and angle (NaN for a vector without direction). See
// src/similarity.hpp. Returns a Status code.
int attn_dot_product_parts(const float* x, int n, int d, float* dots, float* lengths, float* cosines, float* degrees) {
  if (!x || !dots || !lengths || !cosines || !degrees) return code(Status::kNullPointer);
  if (!side_ok(n) || !side_ok(d)) return code(Status::kBadShape);
  dot_product_parts(Impl::kSimd, x, n, d, dots, lengths, cosines, degrees);
  return code(Status::kOk);
}

// a: (n, m), b: (m, p); out: (n, p) = a · b. Returns a Status code.
int attn_matmul(const float* a, const float* b, int n, int m, int p, float* out) {
  if (!a || !b || !out) return code(Status::kNullPointer);
  if (!side_ok(n) || !side_ok(m) || !side_ok(p)) return code(Status::kBadShape);
  project(a, n, m, b, p, out);
  return code(Status::kOk);
}

// in, out: count floats; out = in · factor (the scale pass on its own). Returns a Status code.
int attn_scale(const float* in, float* out, int count, float factor) {
  if (!in || !out) return code(Status::kNullPointer);
  if (count < 1) return code(Status::kBadShape);
  scale(Impl::kSimd, in, out, count, factor);
  return code(Status::kOk);
}

// The fast path (src/fused_attention.hpp): floats of scratch attn_fused_attention needs, or -1
// for sizes out of limits.
double attn_fused_workspace_floats(int n, int heads, int d_k, int d_v) {
  if (!fused_attention_shape_ok(n, heads, d_k, d_v, Mask{})) return -1;
  return static_cast<double>(fused_attention_workspace_floats(n, d_k, d_v));
}

// q, k: (n, heads·d_k); v: (n, heads·d_v); out: (n, heads·d_v); workspace: see above.
// scale: the factor on q·k (attn_score_scale, or any positive number). Returns a Status code.
int attn_fused_attention(const float* q, const float* k, const float* v, float* out, int n, int heads,
                         int d_k, int d_v, int mask_kind, int valid_keys, float scale, float* workspace) {
  if (!q || !k || !v || !out || !workspace) return code(Status::kNullPointer);
  if (mask_kind < 0 || mask_kind > 2) return code(Status::kBadMask);
  Mask mask;
  mask.kind = static_cast<MaskKind>(mask_kind);
  mask.valid_keys = valid_keys;
  if (!fused_attention_shape_ok(n, heads, d_k, d_v, mask)) return code(Status::kBadShape);
  fused_attention(Impl::kSimd, q, k, v, out, n, heads, d_k, d_v, mask, scale, workspace);
  return code(Status::kOk);
}

}  // extern "C"
