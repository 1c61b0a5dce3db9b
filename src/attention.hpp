// Multi-head scaled dot-product attention, composed from the per-pass kernels, keeping every
// intermediate the lesson draws (and a later backward pass will reuse).
#pragma once
#include <cstddef>

#include "mask.hpp"
#include "simd.hpp"

namespace attn {

// Hard limits, checked before any memory is touched (the JS layer reports them in words).
constexpr int kMaxTokens = 2048;
constexpr int kMaxModelWidth = 1024;
constexpr int kMaxHeads = 64;
constexpr int kMaxHeadWidth = 1024;

enum class Mistake : int { kNone = 0, kSoftmaxOverQueries = 1, kMaskAfterSoftmax = 2 };

// Why a call was refused. The JS API learns these by name (status_name), never by number.
enum class Status : int {
  kOk = 0,
  kBadShape = 1,            // a size is ≤ 0 or above its limit
  kBadMask = 2,             // unknown mask kind or valid_keys outside [0, n]
  kBadMistake = 3,          // unknown mistake
  kNoOutputProj = 4,        // wo absent but heads·d_v ≠ d_model
  kNullPointer = 5,         // a required buffer is missing
  kNonFiniteInput = 6,      // NaN or ±∞ in x or a weight matrix
  kProjectionOverflow = 7,  // finite inputs, but X·W overflowed the float range
  kScoresOverflow = 8,      // finite Q and K, but some q·k overflowed the float range
  kOutputOverflow = 9,      // finite weights, but the weighted sum of V (or ·W_O) overflowed
};
constexpr int kStatusCount = 10;
// "ok", "bad_shape", "bad_mask", "bad_mistake", "no_output_projection", "null_pointer",
// "non_finite_input", "projection_overflow", "scores_overflow", "output_overflow"; null for a
// code outside [0, kStatusCount).
const char* status_name(int code);

struct AttentionShape {
  int n = 0;        // tokens
  int d_model = 0;  // embedding width
  int heads = 1;
  int d_k = 0;  // query/key width per head
  int d_v = 0;  // value width per head
};

struct AttentionOptions {
  Mask mask;
  bool scale = true;  // divide scores by √d_k
  Mistake mistake = Mistake::kNone;
  Impl impl = Impl::kSimd;
  bool keep_intermediates = true;  // false: one n×n scratch per call, only outputs are kept
  bool check_finite = true;        // refuse non-finite inputs and report where a value overflowed
};

struct AttentionParams {
  const float* wq = nullptr;  // (d_model, heads·d_k)
  const float* wk = nullptr;  // (d_model, heads·d_k)
  const float* wv = nullptr;  // (d_model, heads·d_v)
  const float* wo = nullptr;  // (heads·d_v, d_model), or null: the concatenation is the output
};

// Views into one workspace. With keep_intermediates, scores/scaled/masked/weights hold
// (heads, n, n) each; without, all four point at the same (n, n) scratch.
struct AttentionBuffers {
  float* q = nullptr;        // (n, heads·d_k)
  float* k = nullptr;        // (n, heads·d_k)
  float* v = nullptr;        // (n, heads·d_v)
  float* scores = nullptr;   // Q_h·K_hᵀ
  float* scaled = nullptr;   // scores / √d_k (a copy when scaling is off)
  float* masked = nullptr;   // hidden keys set to −∞ (mask-after-softmax: same as scaled)
  float* weights = nullptr;  // row softmax (or the mistake's version)
  float* concat = nullptr;   // (n, heads·d_v): head h writes columns h·d_v … (h+1)·d_v − 1
  float* output = nullptr;   // (n, d_model)
};

Status validate(const AttentionShape& shape, const AttentionOptions& options, bool has_wo);

// The workspace's sections, in memory order. workspace_layout is the ONE owner of this layout:
// carve_workspace points into it and the JS API reads it through attn_workspace_layout (by the
// names from section_name), so the two cannot disagree.
enum class Section : int { kQ, kK, kV, kScores, kScaled, kMasked, kWeights, kConcat, kOutput };
constexpr int kSectionCount = 9;
struct SectionSpan {
  std::size_t offset = 0;  // floats from the workspace start
  std::size_t floats = 0;  // its length; without keep_intermediates scaled/masked/weights share
                           // scores' (n, n) span
};
// "q", "k", "v", "scores", "scaled", "masked", "weights", "concat", "output"; null outside.
const char* section_name(int section);
void workspace_layout(const AttentionShape& shape, bool keep_intermediates, SectionSpan out[kSectionCount]);
std::size_t workspace_floats(const AttentionShape& shape, bool keep_intermediates);
AttentionBuffers carve_workspace(float* base, const AttentionShape& shape, bool keep_intermediates);

// true when all `count` floats at p are finite.
bool all_finite(const float* p, std::size_t count);

// One head, from its projected slices to its output slice. q, k: (n, d_k) with row stride ld_qk;
// v: (n, d_v) with row stride ld_v; s_* : (n, n); out: (n, d_v) with row stride ld_o.
void attention_head(const float* q, const float* k, int ld_qk, const float* v, int ld_v, int n,
                    int d_k, int d_v, const AttentionOptions& options, float* s_scores,
                    float* s_scaled, float* s_masked, float* s_weights, float* out, int ld_o);

// x: (n, d_model) row-major. Fills every buffer in `buffers`. With options.check_finite, returns
// kNonFiniteInput, kProjectionOverflow, kScoresOverflow or kOutputOverflow at the first stage
// that holds a NaN or ±∞ (masked −∞ entries excepted).
Status attention_forward(const float* x, const AttentionParams& params, const AttentionShape& shape,
                         const AttentionOptions& options, const AttentionBuffers& buffers);

}  // namespace attn
