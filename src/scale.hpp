// Pass 2 of attention: divide the scores by √d_k (or leave them, when scaling is switched off).
#pragma once
#include "simd.hpp"

namespace attn {
// in, out: count floats (may be the same buffer). out[i] = in[i] * factor.
void scale_scalar(const float* in, float* out, long count, float factor);
void scale_simd(const float* in, float* out, long count, float factor);
inline void scale(Impl impl, const float* in, float* out, long count, float factor) {
  (impl == Impl::kSimd ? scale_simd : scale_scalar)(in, out, count, factor);
}
}  // namespace attn
