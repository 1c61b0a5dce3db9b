// Fused attention: the scalar reference (one query row at a time, std::exp) and the xsimd kernel
// (packed Kᵀ and V panels, 4×8 register tiles, vectorised exp from fast_exp.hpp).
#include "fused_attention.hpp"

#include <cmath>
#include <limits>

#include "attention.hpp"
#include "fast_exp.hpp"

namespace attn {
namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();
int round_up(int x, int m) { return (x + m - 1) / m * m; }
}  // namespace

bool fused_attention_shape_ok(int n, int heads, int d_k, int d_v, Mask mask) {
  auto in = [](int v, int hi) { return v >= 1 && v <= hi; };
  if (!in(n, kMaxTokens) || !in(heads, kMaxHeads) || !in(d_k, kMaxHeadWidth) || !in(d_v, kMaxHeadWidth))
    return false;
  const int kind = static_cast<int>(mask.kind);
  if (kind < 0 || kind > 2) return false;
  return mask.kind != MaskKind::kValidKeys || (mask.valid_keys >= 0 && mask.valid_keys <= n);
}

std::size_t fused_attention_workspace_floats(int n, int d_k, int d_v) {
  const std::size_t n_pad = round_up(n, kFusedPanel);
  return n_pad * d_k + static_cast<std::size_t>(round_up(d_v, kFusedPanel)) * n +
         static_cast<std::size_t>(kFusedRowBlock) * (n_pad + d_k);
}

void fused_attention_scalar(const float* q, const float* k, const float* v, float* out, int n,
                            int heads, int d_k, int d_v, Mask mask, float scale, float* workspace) {
  const long hk = static_cast<long>(heads) * d_k, hv = static_cast<long>(heads) * d_v;
  float* s = workspace;  // one row of scores, then of softmax numerators
  for (int h = 0; h < heads; ++h) {
    for (int i = 0; i < n; ++i) {
      const float* qi = q + i * hk + h * d_k;
      float* o = out + i * hv + h * d_v;
      const int visible = mask.visible_keys(i, n);
      if (visible == 0) {  // every key hidden: zero weights, zero output
        for (int c = 0; c < d_v; ++c) o[c] = 0.f;
        continue;
      }
      // pass 1+2: scaled scores of the visible keys (hidden keys are never computed)
      float m = kNegInf;
      for (int j = 0; j < visible; ++j) {
        const float* kj = k + j * hk + h * d_k;
        float acc = 0.f;
        for (int c = 0; c < d_k; ++c) acc += qi[c] * kj[c];
        s[j] = acc * scale;
        m = s[j] > m ? s[j] : m;
      }
      // pass 3: softmax numerators and their sum
      float sum = 0.f;
      for (int j = 0; j < visible; ++j) {
        s[j] = std::exp(s[j] - m);
        sum += s[j];
      }
      // pass 4: weighted sum of the value rows, divided by the sum once per output
      const float inv = 1.f / sum;
      for (int c = 0; c < d_v; ++c) {
        float acc = 0.f;
        for (int j = 0; j < visible; ++j) acc += s[j] * v[j * hv + h * d_v + c];
        o[c] = acc * inv;
      }
    }
  }
}

#if ATTN_SIMD
namespace {
constexpr int P = kFusedPanel;  // two batches

inline float lane_max(fbatch b) {
  alignas(16) float lanes[kLanes];
  b.store_aligned(lanes);
  float m = lanes[0];
  for (int l = 1; l < kLanes; ++l) m = lanes[l] > m ? lanes[l] : m;
  return m;
}

// a, b, c, d: four rows of four floats. Returns the four columns (a[i], b[i], c[i], d[i]).
inline void transpose4(fbatch& a, fbatch& b, fbatch& c, fbatch& d) {
  using dbatch = xsimd::batch<double>;
  const dbatch ab_lo = xsimd::bitwise_cast<dbatch>(xsimd::zip_lo(a, b));  // a0 b0 | a1 b1
  const dbatch ab_hi = xsimd::bitwise_cast<dbatch>(xsimd::zip_hi(a, b));  // a2 b2 | a3 b3
  const dbatch cd_lo = xsimd::bitwise_cast<dbatch>(xsimd::zip_lo(c, d));  // c0 d0 | c1 d1
  const dbatch cd_hi = xsimd::bitwise_cast<dbatch>(xsimd::zip_hi(c, d));  // c2 d2 | c3 d3
  a = xsimd::bitwise_cast<fbatch>(xsimd::zip_lo(ab_lo, cd_lo));
  b = xsimd::bitwise_cast<fbatch>(xsimd::zip_hi(ab_lo, cd_lo));
  c = xsimd::bitwise_cast<fbatch>(xsimd::zip_lo(ab_hi, cd_hi));
  d = xsimd::bitwise_cast<fbatch>(xsimd::zip_hi(ab_hi, cd_hi));
}

// k: (n, d_k) rows with stride ld. kt: ⌈n/8⌉ panels of (d_k, 8): kt[p·8·d_k + c·8 + t] = k[8p+t, c];
// keys past n are zero. Four keys × four dimensions at a time by a register transpose.
void pack_keys_transposed(const float* k, long ld, int n, int d_k, float* kt) {
  for (int p = 0; p * P < n; ++p) {
    float* panel = kt + static_cast<long>(p) * P * d_k;
    for (int half = 0; half < P; half += kLanes) {
      const int j = p * P + half;
      int c = 0;
      if (j + kLanes <= n) {
        const float* k0 = k + j * ld;
        for (; c + kLanes <= d_k; c += kLanes) {
          fbatch r0 = fbatch::load_unaligned(k0 + c), r1 = fbatch::load_unaligned(k0 + ld + c),
                 r2 = fbatch::load_unaligned(k0 + 2 * ld + c), r3 = fbatch::load_unaligned(k0 + 3 * ld + c);
          transpose4(r0, r1, r2, r3);
          r0.store_unaligned(panel + c * P + half);
          r1.store_unaligned(panel + (c + 1) * P + half);
          r2.store_unaligned(panel + (c + 2) * P + half);
          r3.store_unaligned(panel + (c + 3) * P + half);
        }
      }
      for (int t = half; t < half + kLanes; ++t) {  // the tails: last keys, last dimensions
        const int jt = p * P + t;
        for (int cc = c; cc < d_k; ++cc) panel[cc * P + t] = jt < n ? k[jt * ld + cc] : 0.f;
      }
    }
  }
}

// v: (n, d_v) rows with stride ld. vp: ⌈d_v/8⌉ panels of (n, 8): vp[p·8·n + j·8 + t] = v[j, 8p+t];
// columns past d_v are zero.
void pack_value_panels(const float* v, long ld, int n, int d_v, float* vp) {
  for (int p = 0; p * P < d_v; ++p) {
    float* panel = vp + static_cast<long>(p) * P * n;
    const int cols = d_v - p * P < P ? d_v - p * P : P;
    for (int j = 0; j < n; ++j) {
      const float* vj = v + j * ld + p * P;
      float* dst = panel + j * P;
      if (cols == P) {
        fbatch::load_unaligned(vj).store_unaligned(dst);
        fbatch::load_unaligned(vj + kLanes).store_unaligned(dst + kLanes);
        continue;
      }
      int t = 0;
      for (; t < cols; ++t) dst[t] = vj[t];
      for (; t < P; ++t) dst[t] = 0.f;
    }
  }
}

// qp: (d_k, M) the block's queries packed by column, qp[c·M + m] = q_m[c]; panel: (d_k, 8) packed
// keys. s: (M, 8) with stride ld_s, s[m, t] = scale · q_m · k_t. 2·M accumulators stay in
// registers across the d_k loop; every load is at a fixed offset from two walking pointers.
template <int M>
inline void score_tile(const float* qp, const float* panel, int d_k, fbatch scale, float* s, int ld_s) {
  fbatch a0[M], a1[M];
  for (int m = 0; m < M; ++m) a0[m] = a1[m] = fbatch(0.f);
  for (const float* end = qp + d_k * M; qp != end; qp += M, panel += P) {
    const fbatch b0 = fbatch::load_unaligned(panel);
    const fbatch b1 = fbatch::load_unaligned(panel + kLanes);
    for (int m = 0; m < M; ++m) {
      const fbatch a(qp[m]);
      a0[m] += a * b0;
      a1[m] += a * b1;
    }
  }
  for (int m = 0; m < M; ++m) {
    (a0[m] * scale).store_unaligned(s + m * ld_s);
    (a1[m] * scale).store_unaligned(s + m * ld_s + kLanes);
  }
}

// p: (M, n_keys) weights with stride ld_p; panel: (n_keys, 8) packed values. out: (M, cols) with
// stride ld_o, out[m, t] = inv[m] · Σ_j p[m, j] · panel[j, t], for the first `rows` rows.
template <int M>
inline void value_tile(const float* p, int ld_p, const float* panel, int n_keys, const float* inv,
                       float* out, long ld_o, int cols, int rows) {
  fbatch a0[M], a1[M];
  for (int m = 0; m < M; ++m) a0[m] = a1[m] = fbatch(0.f);
  for (int j = 0; j < n_keys; ++j) {
    const fbatch b0 = fbatch::load_unaligned(panel + j * P);
    const fbatch b1 = fbatch::load_unaligned(panel + j * P + kLanes);
    for (int m = 0; m < M; ++m) {
      const fbatch a(p[m * ld_p + j]);
      a0[m] += a * b0;
      a1[m] += a * b1;
    }
  }
  for (int m = 0; m < rows; ++m) {
    const fbatch r0 = a0[m] * fbatch(inv[m]), r1 = a1[m] * fbatch(inv[m]);
    float* o = out + m * ld_o;
    if (cols == P) {
      r0.store_unaligned(o);
      r1.store_unaligned(o + kLanes);
    } else {
      alignas(16) float tmp[P];
      r0.store_aligned(tmp);
      r1.store_aligned(tmp + kLanes);
      for (int t = 0; t < cols; ++t) o[t] = tmp[t];
    }
  }
}

// Query rows i0 … i0+rows−1 (rows ≤ M) of one head; a short last block runs as M rows with the
// missing ones zero and unwritten. q: rows with stride ld_q (already at the head's columns);
// kt, vp: the head's packed panels; s: (M, ld_s) scratch for scores, then weights; pack: (d_k, M)
// scratch for the block's packed queries; out: rows with stride ld_o.
template <int M>
void row_block(const float* q, long ld_q, int i0, const float* kt, const float* vp, int n, int d_k,
               int d_v, Mask mask, float scale, float* s, int ld_s, float* pack, float* out, long ld_o,
               int rows) {
  int visible[M];
  int k_end = 0;  // keys past k_end are hidden from every row of the block: never touched
  for (int m = 0; m < M; ++m) {
    visible[m] = m < rows ? mask.visible_keys(i0 + m, n) : 0;
    k_end = visible[m] > k_end ? visible[m] : k_end;
  }
  if (k_end == 0) {
    for (int m = 0; m < rows; ++m)
      for (int c = 0; c < d_v; ++c) out[(i0 + m) * ld_o + c] = 0.f;
    return;
  }
  // pass 1+2: scaled scores against the key panels that hold a visible key
  for (int m = 0; m < M; ++m)
    for (int c = 0; c < d_k; ++c) pack[c * M + m] = m < rows ? q[(i0 + m) * ld_q + c] : 0.f;
  const int k_pad = round_up(k_end, P);
  const fbatch sc(scale);
  for (int j = 0; j < k_pad; j += P) score_tile<M>(pack, kt + static_cast<long>(j) * d_k, d_k, sc, s + j, ld_s);
  // pass 3: hidden keys inside those panels become −∞
  for (int m = 0; m < M; ++m)
    for (int j = visible[m]; j < k_pad; ++j) s[m * ld_s + j] = kNegInf;
  // pass 4: softmax numerators e^(s − row max) in place, and 1 / row sum
  float inv[M];
  for (int m = 0; m < M; ++m) {
    float* row = s + m * ld_s;
    if (visible[m] == 0) {
      for (int j = 0; j < k_pad; ++j) row[j] = 0.f;
      inv[m] = 0.f;
      continue;
    }
    fbatch mb(kNegInf);
    for (int j = 0; j < k_pad; j += kLanes) mb = xsimd::max(mb, fbatch::load_unaligned(row + j));
    const fbatch mv(lane_max(mb));
    fbatch sum(0.f);
    for (int j = 0; j < k_pad; j += kLanes) {
      const fbatch e = exp_batch(fbatch::load_unaligned(row + j) - mv);
      e.store_unaligned(row + j);
      sum += e;
    }
    inv[m] = 1.f / xsimd::hadd(sum);
  }
  // pass 5: weighted sum of the value panels, 8 output columns at a time (P read row-major:
  // packing it by key like Q was not faster)
  for (int c = 0; c < d_v; c += P)
    value_tile<M>(s, ld_s, vp + static_cast<long>(c) * n, k_end, inv, out + i0 * ld_o + c, ld_o,
                  d_v - c < P ? d_v - c : P, rows);
}
}  // namespace

void fused_attention_simd(const float* q, const float* k, const float* v, float* out, int n,
                          int heads, int d_k, int d_v, Mask mask, float scale, float* workspace) {
  const long hk = static_cast<long>(heads) * d_k, hv = static_cast<long>(heads) * d_v;
  const int n_pad = round_up(n, P);
  float* pack = workspace;                                   // (d_k, 4)
  float* kt = pack + static_cast<long>(kFusedRowBlock) * d_k;  // (⌈n/8⌉ panels) × (d_k, 8)
  float* vp = kt + static_cast<long>(n_pad) * d_k;             // (⌈d_v/8⌉ panels) × (n, 8)
  float* s = vp + static_cast<long>(round_up(d_v, P)) * n;     // (4, n_pad)
  for (int h = 0; h < heads; ++h) {
    // pack this head's Kᵀ and V once; every block of query rows streams through them
    pack_keys_transposed(k + h * d_k, hk, n, d_k, kt);
    pack_value_panels(v + h * d_v, hv, n, d_v, vp);
    const float* qh = q + h * d_k;
    float* oh = out + h * d_v;
    for (int i0 = 0; i0 < n; i0 += kFusedRowBlock)
      row_block<kFusedRowBlock>(qh, hk, i0, kt, vp, n, d_k, d_v, mask, scale, s, n_pad, pack, oh, hv,
                                n - i0 < kFusedRowBlock ? n - i0 : kFusedRowBlock);
  }
}
#else
void fused_attention_simd(const float* q, const float* k, const float* v, float* out, int n,
                          int heads, int d_k, int d_v, Mask mask, float scale, float* workspace) {
  fused_attention_scalar(q, k, v, out, n, heads, d_k, d_v, mask, scale, workspace);
}
#endif
}  // namespace attn
