// Multi-head attention forward: projections (Eigen), then per head the five passes
// (scores → scaled → masked → softmax → weighted sum), then concatenation and W_O (Eigen).
#include "attention.hpp"

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "projection.hpp"
#include "scale.hpp"
#include "scores.hpp"
#include "softmax.hpp"
#include "weighted_sum.hpp"

namespace attn {
namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
bool in_range(int v, int hi) { return v >= 1 && v <= hi; }
}  // namespace

Status validate(const AttentionShape& s, const AttentionOptions& o, bool has_wo) {
  if (!in_range(s.n, kMaxTokens) || !in_range(s.d_model, kMaxModelWidth) ||
      !in_range(s.heads, kMaxHeads) || !in_range(s.d_k, kMaxHeadWidth) ||
      !in_range(s.d_v, kMaxHeadWidth))
    return Status::kBadShape;
  const int kind = static_cast<int>(o.mask.kind);
  if (kind < 0 || kind > 2) return Status::kBadMask;
  if (o.mask.kind == MaskKind::kValidKeys && (o.mask.valid_keys < 0 || o.mask.valid_keys > s.n))
    return Status::kBadMask;
  const int mistake = static_cast<int>(o.mistake);
  if (mistake < 0 || mistake > 2) return Status::kBadMistake;
  if (!has_wo && s.heads * s.d_v != s.d_model) return Status::kNoOutputProj;
  return Status::kOk;
}

const char* status_name(int code) {
  static const char* const kNames[kStatusCount] = {
      "ok",         "bad_shape",        "bad_mask",            "bad_mistake",     "no_output_projection",
      "null_pointer", "non_finite_input", "projection_overflow", "scores_overflow", "output_overflow"};
  return code >= 0 && code < kStatusCount ? kNames[code] : nullptr;
}

const char* section_name(int section) {
  static const char* const kNames[kSectionCount] = {"q",      "k",       "v",      "scores", "scaled",
                                                    "masked", "weights", "concat", "output"};
  return section >= 0 && section < kSectionCount ? kNames[section] : nullptr;
}

void workspace_layout(const AttentionShape& s, bool keep, SectionSpan out[kSectionCount]) {
  const std::size_t n = s.n, h = s.heads;
  const std::size_t nn = n * n * (keep ? h : 1);
  const std::size_t floats[kSectionCount] = {n * h * s.d_k, n * h * s.d_k, n * h * s.d_v, nn, nn, nn, nn,
                                             n * h * s.d_v, n * s.d_model};
  std::size_t at = 0;
  for (int i = 0; i < kSectionCount; ++i) {
    const bool shared = !keep && (i == static_cast<int>(Section::kScaled) || i == static_cast<int>(Section::kMasked) ||
                                  i == static_cast<int>(Section::kWeights));
    out[i].floats = floats[i];
    out[i].offset = shared ? out[static_cast<int>(Section::kScores)].offset : at;
    if (!shared) at += floats[i];
  }
}

std::size_t workspace_floats(const AttentionShape& s, bool keep) {
  SectionSpan spans[kSectionCount];
  workspace_layout(s, keep, spans);
  const SectionSpan& last = spans[kSectionCount - 1];
  return last.offset + last.floats;
}

AttentionBuffers carve_workspace(float* base, const AttentionShape& s, bool keep) {
  SectionSpan sp[kSectionCount];
  workspace_layout(s, keep, sp);
  auto at = [&](Section sec) { return base + sp[static_cast<int>(sec)].offset; };
  AttentionBuffers b;
  b.q = at(Section::kQ), b.k = at(Section::kK), b.v = at(Section::kV);
  b.scores = at(Section::kScores), b.scaled = at(Section::kScaled);
  b.masked = at(Section::kMasked), b.weights = at(Section::kWeights);
  b.concat = at(Section::kConcat), b.output = at(Section::kOutput);
  return b;
}

bool all_finite(const float* p, std::size_t count) {
  // A float is NaN or ±∞ exactly when its exponent bits are all ones. An integer OR over blocks
  // of 1024 vectorises (no fast-math needed); the check between blocks stops early on failure.
  std::size_t i = 0;
  while (i < count) {
    const std::size_t end = count - i > 1024 ? i + 1024 : count;
    std::uint32_t bad = 0;
    for (; i < end; ++i) {
      std::uint32_t bits;
      std::memcpy(&bits, p + i, sizeof bits);
      bad |= static_cast<std::uint32_t>((bits & 0x7f800000u) == 0x7f800000u);
    }
    if (bad) return false;
  }
  return true;
}

void attention_head(const float* q, const float* k, int ld_qk, const float* v, int ld_v, int n,
                    int d_k, int d_v, const AttentionOptions& o, float* s_scores, float* s_scaled,
                    float* s_masked, float* s_weights, float* out, int ld_o) {
  const long nn = static_cast<long>(n) * n;
  // pass 1: every query dotted with every key
  scores(o.impl, q, ld_qk, k, ld_qk, n, n, d_k, s_scores);
  // pass 2: divide by √d_k (or copy, when scaling is switched off)
  scale(o.impl, s_scores, s_scaled, nn, score_scale(d_k, o.scale));
  // pass 3: hide keys (−∞), unless the mistake applies the mask after the softmax
  if (o.mistake == Mistake::kMaskAfterSoftmax) {
    if (s_masked != s_scaled) std::memcpy(s_masked, s_scaled, sizeof(float) * nn);
  } else {
    apply_mask(o.impl, s_scaled, s_masked, n, o.mask, kNegInf);
  }
  // pass 4: softmax along each row (the mistake: along each column)
  if (o.mistake == Mistake::kSoftmaxOverQueries) {
    softmax_columns(o.impl, s_masked, s_weights, n, n);
  } else {
    softmax_rows(o.impl, s_masked, s_weights, n, n);
    if (o.mistake == Mistake::kMaskAfterSoftmax)  // zero hidden keys without renormalising
      apply_mask(o.impl, s_weights, s_weights, n, o.mask, 0.f);
  }
  // pass 5: mix the value rows with the weights
  weighted_sum(o.impl, s_weights, n, n, v, ld_v, d_v, out, ld_o);
}

Status attention_forward(const float* x, const AttentionParams& p, const AttentionShape& s,
                         const AttentionOptions& o, const AttentionBuffers& b) {
  if (!x || !p.wq || !p.wk || !p.wv) return Status::kNullPointer;
  const Status st = validate(s, o, p.wo != nullptr);
  if (st != Status::kOk) return st;
  const int hk = s.heads * s.d_k, hv = s.heads * s.d_v;
  const std::size_t n = s.n, dm = s.d_model;
  if (o.check_finite && !(all_finite(x, n * dm) && all_finite(p.wq, dm * hk) && all_finite(p.wk, dm * hk) &&
                          all_finite(p.wv, dm * hv) && (!p.wo || all_finite(p.wo, std::size_t(hv) * dm))))
    return Status::kNonFiniteInput;
  // projections: Q, K = X·W_Q, X·W_K (n, heads·d_k); V = X·W_V (n, heads·d_v)
  project(x, s.n, s.d_model, p.wq, hk, b.q);
  project(x, s.n, s.d_model, p.wk, hk, b.k);
  project(x, s.n, s.d_model, p.wv, hv, b.v);
  if (o.check_finite && !(all_finite(b.q, n * hk) && all_finite(b.k, n * hk) && all_finite(b.v, n * hv)))
    return Status::kProjectionOverflow;
  const long nn = static_cast<long>(s.n) * s.n;
  for (int h = 0; h < s.heads; ++h) {
    const long at = o.keep_intermediates ? h * nn : 0;
    attention_head(b.q + h * s.d_k, b.k + h * s.d_k, hk, b.v + h * s.d_v, hv, s.n, s.d_k, s.d_v, o,
                   b.scores + at, b.scaled + at, b.masked + at, b.weights + at,
                   b.concat + h * s.d_v, hv);
    // Finite Q and K can still give an infinite q·k; the weights then hold NaN. Say which.
    // (Without keep_intermediates the scores scratch was overwritten by the weights, which are
    // then what is checked.)
    if (o.check_finite && !(all_finite(b.scores + at, nn) && all_finite(b.weights + at, nn)))
      return Status::kScoresOverflow;
  }
  // output projection: concat (n, heads·d_v) · W_O (heads·d_v, d_model), or the concat itself
  if (p.wo) {
    project(b.concat, s.n, hv, p.wo, s.d_model, b.output);
  } else {
    std::memcpy(b.output, b.concat, sizeof(float) * s.n * s.d_model);
  }
  if (o.check_finite && !(all_finite(b.concat, n * hv) && all_finite(b.output, n * dm)))
    return Status::kOutputOverflow;
  return Status::kOk;
}

}  // namespace attn
