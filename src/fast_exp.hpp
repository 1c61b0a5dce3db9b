// A vectorised e^x for the fused attention's softmax: Cephes-style range reduction
// (x = n·ln2 + r, |r| ≤ ln2/2), a degree-6 polynomial for e^r, and 2^n built from the exponent
// bits. Accurate to about 2 ulp on [−87.3, 0] (the softmax only ever exponentiates x − max ≤ 0);
// x below −87.3 (including −∞) gives exactly 0, by a mask rather than a clamp. SIMD builds only;
// the scalar twins use std::exp.
#pragma once
#include "simd.hpp"

#if ATTN_SIMD
namespace attn {
// x: kLanes floats, each ≤ 88. Returns e^x per lane (0 for x < −87.33, so −∞ → 0).
inline fbatch exp_batch(fbatch x) {
  using ibatch = xsimd::batch<int>;
  // all-ones lanes where e^x ≠ 0. Below −87.33 (and at −∞, or NaN) the steps after give
  // garbage, which this mask turns into 0: no clamp needed (xsimd's max is a compare and a
  // bitselect under emscripten, ~5 instructions in V8).
  const fbatch alive = xsimd::bitwise_cast(x >= fbatch(-87.33654f));
  // n = round(x / ln2) by the 1.5·2²³ trick (plain f32x4 adds: a float→int conversion would
  // be scalarised lane by lane under emscripten); r = x − n·ln2, ln2 split in two for accuracy
  const fbatch magic(12582912.f);
  const fbatch t = x * fbatch(1.44269504088896341f) + magic;  // n sits in t's low mantissa bits
  const fbatch nf = t - magic;
  fbatch r = x - nf * fbatch(0.693359375f);
  r = r - nf * fbatch(-2.12194440e-4f);
  // e^r ≈ 1 + r + r²·P(r)
  fbatch p(1.9875691500e-4f);
  p = p * r + fbatch(1.3981999507e-3f);
  p = p * r + fbatch(8.3334519073e-3f);
  p = p * r + fbatch(4.1665795894e-2f);
  p = p * r + fbatch(1.6666665459e-1f);
  p = p * r + fbatch(5.0000001201e-1f);
  const fbatch er = p * (r * r) + r + fbatch(1.f);
  // 2^n: shifting t's bits left by 23 leaves n in the exponent field (magic's own bits shift
  // out); n ≥ −126 here, so adding the bias 127 gives a normal float
  const ibatch bits = (xsimd::bitwise_cast<ibatch>(t) << 23) + ibatch(127 << 23);
  return (er * xsimd::bitwise_cast<fbatch>(bits)) & alive;
}
}  // namespace attn
#endif
