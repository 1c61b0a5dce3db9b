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

enum class Status : int {
  kOk = 0,
  kBadShape = 1,      // a size is ≤ 0 or above its limit
  kBadMask = 2,       // unknown mask kind or valid_keys outside [0, n]
  kBadMistake = 3,    // unknown mistake
  kNoOutputProj = 4,  // wo absent but heads·d_v ≠ d_model
  kNullPointer = 5,
};

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
std::size_t workspace_floats(const AttentionShape& shape, bool keep_intermediates);
AttentionBuffers carve_workspace(float* base, const AttentionShape& shape, bool keep_intermediates);

// One head, from its projected slices to its output slice. q, k: (n, d_k) with row stride ld_qk;
// v: (n, d_v) with row stride ld_v; s_* : (n, n); out: (n, d_v) with row stride ld_o.
void attention_head(const float* q, const float* k, int ld_qk, const float* v, int ld_v, int n,
                    int d_k, int d_v, const AttentionOptions& options, float* s_scores,
                    float* s_scaled, float* s_masked, float* s_weights, float* out, int ld_o);

// x: (n, d_model) row-major. Fills every buffer in `buffers`.
Status attention_forward(const float* x, const AttentionParams& params, const AttentionShape& shape,
                         const AttentionOptions& options, const AttentionBuffers& buffers);

}  // namespace attn
