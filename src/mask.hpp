// Pass 3 of attention: hide keys a query may not see (causal mask, or key padding).
#pragma once
#include "simd.hpp"

namespace attn {
enum class MaskKind : int { kNone = 0, kCausal = 1, kValidKeys = 2 };

struct Mask {
  MaskKind kind = MaskKind::kNone;
  int valid_keys = 0;  // with kValidKeys: keys j >= valid_keys are hidden from every query
  // True when query i may not look at key j.
  bool hides(int i, int j) const {
    return (kind == MaskKind::kCausal && j > i) || (kind == MaskKind::kValidKeys && j >= valid_keys);
  }
  // Keys [0, visible_keys(i, n)) are visible to query i; the rest are hidden.
  int visible_keys(int i, int n) const {
    if (kind == MaskKind::kCausal) return i + 1 < n ? i + 1 : n;
    if (kind == MaskKind::kValidKeys) return valid_keys < n ? (valid_keys < 0 ? 0 : valid_keys) : n;
    return n;
  }
};

// in, out: (n, n) row-major, may be the same buffer. Hidden entries become `fill`
// (−∞ before a softmax; 0 for the "mask after softmax" mistake). Visible entries are copied.
void mask_scalar(const float* in, float* out, int n, Mask mask, float fill);
void mask_simd(const float* in, float* out, int n, Mask mask, float fill);
inline void apply_mask(Impl impl, const float* in, float* out, int n, Mask mask, float fill) {
  (impl == Impl::kSimd ? mask_simd : mask_scalar)(in, out, n, mask, fill);
}
}  // namespace attn
