// Q·Kᵀ: the scalar reference and the xsimd kernel (four keys per pass share each query load).
#include "scores.hpp"

namespace attn {

void scores_scalar(const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k, int d_k,
                   float* s) {
  for (int i = 0; i < n_q; ++i) {
    const float* qi = q + static_cast<long>(i) * ld_q;
    for (int j = 0; j < n_k; ++j) {
      const float* kj = k + static_cast<long>(j) * ld_k;
      float acc = 0.f;
      for (int c = 0; c < d_k; ++c) acc += qi[c] * kj[c];
      s[static_cast<long>(i) * n_k + j] = acc;
    }
  }
}

#if ATTN_SIMD
namespace {
// Dot product of one query with one key: full batches, then a scalar tail.
inline float dot_simd(const float* a, const float* b, int d) {
  fbatch acc(0.f);
  int c = 0;
  for (; c + kLanes <= d; c += kLanes)
    acc += fbatch::load_unaligned(a + c) * fbatch::load_unaligned(b + c);
  float sum = xsimd::hadd(acc);
  for (; c < d; ++c) sum += a[c] * b[c];
  return sum;
}
}  // namespace

void scores_simd(const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k, int d_k,
                 float* s) {
  for (int i = 0; i < n_q; ++i) {
    const float* qi = q + static_cast<long>(i) * ld_q;
    float* si = s + static_cast<long>(i) * n_k;
    int j = 0;
    // Four keys at a time: one query load feeds four multiply-adds.
    for (; j + 4 <= n_k; j += 4) {
      const float* k0 = k + static_cast<long>(j) * ld_k;
      const float* k1 = k0 + ld_k;
      const float* k2 = k1 + ld_k;
      const float* k3 = k2 + ld_k;
      fbatch a0(0.f), a1(0.f), a2(0.f), a3(0.f);
      int c = 0;
      for (; c + kLanes <= d_k; c += kLanes) {
        const fbatch qv = fbatch::load_unaligned(qi + c);
        a0 += qv * fbatch::load_unaligned(k0 + c);
        a1 += qv * fbatch::load_unaligned(k1 + c);
        a2 += qv * fbatch::load_unaligned(k2 + c);
        a3 += qv * fbatch::load_unaligned(k3 + c);
      }
      float r0 = xsimd::hadd(a0), r1 = xsimd::hadd(a1), r2 = xsimd::hadd(a2), r3 = xsimd::hadd(a3);
      for (; c < d_k; ++c) {
        r0 += qi[c] * k0[c];
        r1 += qi[c] * k1[c];
        r2 += qi[c] * k2[c];
        r3 += qi[c] * k3[c];
      }
      si[j] = r0;
      si[j + 1] = r1;
      si[j + 2] = r2;
      si[j + 3] = r3;
    }
    for (; j < n_k; ++j) si[j] = dot_simd(qi, k + static_cast<long>(j) * ld_k, d_k);
  }
}
#else
void scores_simd(const float* q, int ld_q, const float* k, int ld_k, int n_q, int n_k, int d_k,
                 float* s) {
  scores_scalar(q, ld_q, k, ld_k, n_q, n_k, d_k, s);
}
#endif

}  // namespace attn
