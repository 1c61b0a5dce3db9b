// Pass 5 of attention: each query's output is the weighted sum of the value rows (O = A·V).
#pragma once
#include "simd.hpp"

namespace attn {
// a: (n_q, n_k) row-major weights; v: (n_k, d_v) rows with stride ld_v;
// out: (n_q, d_v) rows with stride ld_o (e.g. one head's columns of the concatenation).
// Zero weights are skipped, so causal rows only touch the keys they can see.
void weighted_sum_scalar(const float* a, int n_q, int n_k, const float* v, int ld_v, int d_v,
                         float* out, int ld_o);
void weighted_sum_simd(const float* a, int n_q, int n_k, const float* v, int ld_v, int d_v,
                       float* out, int ld_o);
inline void weighted_sum(Impl impl, const float* a, int n_q, int n_k, const float* v, int ld_v,
                         int d_v, float* out, int ld_o) {
  (impl == Impl::kSimd ? weighted_sum_simd : weighted_sum_scalar)(a, n_q, n_k, v, ld_v, d_v, out, ld_o);
}
}  // namespace attn
