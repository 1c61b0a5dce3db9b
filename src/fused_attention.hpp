// The fast path: multi-head scaled dot-product attention from given Q, K, V straight to the
// output, fused per head and never materialising the n×n matrices (a block of query rows at a
// time: scores → scale → mask → softmax → weighted sum, in a scratch of a few rows).
// Not the lesson's path: attention.hpp keeps every intermediate; this keeps only the output.
#pragma once
#include <cstddef>

#include "mask.hpp"
#include "simd.hpp"

namespace attn {
// Query rows per block and keys / value columns per packed panel in the SIMD kernel.
constexpr int kFusedRowBlock = 4;
constexpr int kFusedPanel = 8;
// Row blocks run side by side, so each packed panel is reused by all of them while it is in L1.
constexpr int kFusedBlockGroup = 4;
// Floats of padding after each score row of the scratch (one cache line: breaks 4 KiB aliasing).
constexpr int kFusedRowPad = 16;

// True when the sizes are within the engine limits (attention.hpp) and the mask fits n.
bool fused_attention_shape_ok(int n, int heads, int d_k, int d_v, Mask mask);

// Floats of scratch one call needs: packed Kᵀ panels (n rounded up to 8, d_k), packed V panels
// (d_v rounded up to 8, n), for one group of 4 row blocks: its score rows (4·4, n rounded up to 8
// plus 16), its softmax numerators packed by key (the same size) and its packed queries (4·4, d_k).
// Per head, reused.
std::size_t fused_attention_workspace_floats(int n, int d_k, int d_v);

// q, k: (n, heads·d_k) row-major, head h in columns h·d_k … (h+1)·d_k − 1; v: (n, heads·d_v);
// out: (n, heads·d_v), head h's output in its columns (the concatenation, no W_O).
// out[i, h] = Σ_j softmax_j(scale · q_i,h · k_j,h, hidden keys excluded) · v_j,h; a query that
// sees no key gets zeros. workspace: fused_attention_workspace_floats(n, d_k, d_v) floats.
// Hidden keys are never computed: a causal block of rows stops at its last visible key.
void fused_attention_scalar(const float* q, const float* k, const float* v, float* out, int n,
                            int heads, int d_k, int d_v, Mask mask, float scale, float* workspace);
void fused_attention_simd(const float* q, const float* k, const float* v, float* out, int n,
                          int heads, int d_k, int d_v, Mask mask, float scale, float* workspace);
inline void fused_attention(Impl impl, const float* q, const float* k, const float* v, float* out,
                            int n, int heads, int d_k, int d_v, Mask mask, float scale,
                            float* workspace) {
  (impl == Impl::kSimd ? fused_attention_simd : fused_attention_scalar)(
      q, k, v, out, n, heads, d_k, d_v, mask, scale, workspace);
}
}  // namespace attn
