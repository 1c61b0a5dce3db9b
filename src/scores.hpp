// Pass 1 of attention: raw scores, every query dotted with every key (S = Q·Kᵀ).
#pragma once
#include "simd.hpp"

namespace attn {
// q: (n_q, d_k) rows with stride ld_q floats; k: (n_k, d_k) rows with stride ld_k floats.
// s: (n_q, n_k) row-major, s[i*n_k + j] = q_i · k_j.
void scores_scalar(const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k, int d_k,
                   float* s);
void scores_simd(const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k, int d_k,
                 float* s);
inline void scores(Impl impl, const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k,
                   int d_k, float* s) {
  (impl == Impl::kSimd ? scores_simd : scores_scalar)(q, ld_q, k, ld_k, n_q, n_k, d_k, s);
}
}  // namespace attn
