// Pass 2 of attention: divide the scores by √d_k (or leave them, when scaling is switched off).
#pragma once
#include <cmath>

#include "simd.hpp"

namespace attn {
// The factor attention multiplies q·k by: 1/√d_k with scaling on, 1 with it off. The one place
// this number is made; the JS API reports it (and √d_k) rather than recomputing it.
inline float score_scale(int d_k, bool on) { return on ? 1.f / std::sqrt(static_cast<float>(d_k)) : 1.f; }
inline float sqrt_d_k(int d_k) { return std::sqrt(static_cast<float>(d_k)); }

// in, out: count floats (may be the same buffer). out[i] = in[i] * factor.
void scale_scalar(const float* in, float* out, long count, float factor);
void scale_simd(const float* in, float* out, long count, float factor);
inline void scale(Impl impl, const float* in, float* out, long count, float factor) {
  (impl == Impl::kSimd ? scale_simd : scale_scalar)(in, out, count, factor);
}
}  // namespace attn
