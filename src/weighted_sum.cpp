// A·V: scalar reference and xsimd kernel (each output row accumulates weight × value row).
#include "weighted_sum.hpp"

namespace attn {
void weighted_sum_scalar(const float* a, int n_q, int n_k, const float* v, int ld_v, int d_v,
                         float* out, int ld_o) {
  for (int i = 0; i < n_q; ++i) {
    float* o = out + static_cast<long>(i) * ld_o;
    for (int c = 0; c < d_v; ++c) o[c] = 0.f;
    for (int j = 0; j < n_k; ++j) {
      const float w = a[static_cast<long>(i) * n_k + j];
      if (w == 0.f) continue;
      const float* vj = v + static_cast<long>(j) * ld_v;
      for (int c = 0; c < d_v; ++c) o[c] += w * vj[c];
    }
  }
}

#if ATTN_SIMD
void weighted_sum_simd(const float* a, int n_q, int n_k, const float* v, int ld_v, int d_v,
                       float* out, int ld_o) {
  for (int i = 0; i < n_q; ++i) {
    float* o = out + static_cast<long>(i) * ld_o;
    const float* ai = a + static_cast<long>(i) * n_k;
    int c = 0;
    // Output columns in blocks of four batches, kept in registers across the whole key loop.
    for (; c + 4 * kLanes <= d_v; c += 4 * kLanes) {
      fbatch o0(0.f), o1(0.f), o2(0.f), o3(0.f);
      for (int j = 0; j < n_k; ++j) {
        const float w = ai[j];
        if (w == 0.f) continue;
        const fbatch wb(w);
        const float* vj = v + static_cast<long>(j) * ld_v + c;
        o0 += wb * fbatch::load_unaligned(vj);
        o1 += wb * fbatch::load_unaligned(vj + kLanes);
        o2 += wb * fbatch::load_unaligned(vj + 2 * kLanes);
        o3 += wb * fbatch::load_unaligned(vj + 3 * kLanes);
      }
      o0.store_unaligned(o + c);
      o1.store_unaligned(o + c + kLanes);
      o2.store_unaligned(o + c + 2 * kLanes);
      o3.store_unaligned(o + c + 3 * kLanes);
    }
    for (; c + kLanes <= d_v; c += kLanes) {
      fbatch acc(0.f);
      for (int j = 0; j < n_k; ++j) {
        const float w = ai[j];
        if (w == 0.f) continue;
        acc += fbatch(w) * fbatch::load_unaligned(v + static_cast<long>(j) * ld_v + c);
      }
      acc.store_unaligned(o + c);
    }
    for (; c < d_v; ++c) {
      float acc = 0.f;
      for (int j = 0; j < n_k; ++j) acc += ai[j] * v[static_cast<long>(j) * ld_v + c];
      o[c] = acc;
    }
  }
}
#else
void weighted_sum_simd(const float* a, int n_q, int n_k, const float* v, int ld_v, int d_v,
                       float* out, int ld_o) {
  weighted_sum_scalar(a, n_q, n_k, v, ld_v, d_v, out, ld_o);
}
#endif
}  // namespace attn
