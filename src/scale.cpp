// Multiply a buffer by one factor: scalar reference and xsimd kernel.
#include "scale.hpp"

namespace attn {
void scale_scalar(const float* in, float* out, long count, float factor) {
  for (long i = 0; i < count; ++i) out[i] = in[i] * factor;
}

#if ATTN_SIMD
void scale_simd(const float* in, float* out, long count, float factor) {
  const fbatch f(factor);
  long i = 0;
  for (; i + kLanes <= count; i += kLanes) (fbatch::load_unaligned(in + i) * f).store_unaligned(out + i);
  for (; i < count; ++i) out[i] = in[i] * factor;
}
#else
void scale_simd(const float* in, float* out, long count, float factor) {
  scale_scalar(in, out, count, factor);
}
#endif
}  // namespace attn
