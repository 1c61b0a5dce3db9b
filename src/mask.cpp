// Masking: the scalar reference tests every (i, j); the xsimd kernel copies the visible prefix of
// each row in batches and fills the hidden suffix (both masks hide a suffix of every row).
#include "mask.hpp"

namespace attn {
void mask_scalar(const float* in, float* out, int n, Mask mask, float fill) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      const long at = static_cast<long>(i) * n + j;
      out[at] = mask.hides(i, j) ? fill : in[at];
    }
}

#if ATTN_SIMD
void mask_simd(const float* in, float* out, int n, Mask mask, float fill) {
  const fbatch f(fill);
  for (int i = 0; i < n; ++i) {
    const float* src = in + static_cast<long>(i) * n;
    float* dst = out + static_cast<long>(i) * n;
    const int visible = mask.visible_keys(i, n);
    int j = 0;
    for (; j + kLanes <= visible; j += kLanes) fbatch::load_unaligned(src + j).store_unaligned(dst + j);
    for (; j < visible; ++j) dst[j] = src[j];
    for (; j + kLanes <= n; j += kLanes) f.store_unaligned(dst + j);
    for (; j < n; ++j) dst[j] = fill;
  }
}
#else
void mask_simd(const float* in, float* out, int n, Mask mask, float fill) {
  mask_scalar(in, out, n, mask, fill);
}
#endif
}  // namespace attn
