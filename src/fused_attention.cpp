// Fused attention: the scalar reference (one query row at a time, std::exp) and the xsimd kernel
// (packed Kᵀ and V panels, 4×8 register tiles, groups of 4 row blocks sharing each panel while it
// is in L1, the row max taken inside the score tile, softmax numerators packed by key, vectorised
// exp from fast_exp.hpp).
#include "fused_attention.hpp"

#include <cmath>
#include <limits>

#include "attention.hpp"
#include "fast_exp.hpp"

#ifdef __EMSCRIPTEN__
#include <wasm_simd128.h>
#endif

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
         static_cast<std::size_t>(kFusedRowBlock) * kFusedBlockGroup * (2 * (n_pad + kFusedRowPad) + d_k);
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

// Lane-wise max of two batches. xsimd's max becomes _mm_max_ps, which emscripten 3.1.6 spells as
// a compare and a bitselect; f32x4.pmax is one maxps in V8. (No NaN reaches it here.)
inline fbatch vmax(fbatch a, fbatch b) {
#ifdef __EMSCRIPTEN__
  return fbatch(static_cast<__m128>(wasm_f32x4_pmax(static_cast<v128_t>(static_cast<__m128>(a)),
                                                    static_cast<v128_t>(static_cast<__m128>(b)))));
#else
  return xsimd::max(a, b);
#endif
}

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
// keys. s: (M, 8) with stride ld_s, s[m, t] = scale · q_m · k_t; mx[m] = max(mx[m], those scores)
// lane-wise (the row max rides along: no separate pass over the row for it). 2·M accumulators
// stay in registers across the d_k loop; every load is at a fixed offset from two walking pointers.
// (Unrolling this loop by 4 was 25 % slower in V8: more live registers, spills.)
template <int M>
inline void score_tile(const float* qp, const float* panel, int d_k, fbatch scale, float* s, int ld_s,
                       fbatch* mx) {
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
    const fbatch r0 = a0[m] * scale, r1 = a1[m] * scale;
    r0.store_unaligned(s + m * ld_s);
    r1.store_unaligned(s + m * ld_s + kLanes);
    mx[m] = vmax(mx[m], vmax(r0, r1));
  }
}

// w: (n_keys, M) weights packed by key, w[j·M + m] = weight of key j for row m; panel: (n_keys, 8)
// packed values. out: (M, cols) with stride ld_o, out[m, t] = inv[m] · Σ_j w[j, m] · panel[j, t],
// for the first `rows` rows. Like score_tile: every load at a fixed offset from two pointers.
template <int M>
inline void value_tile(const float* w, const float* panel, int n_keys, const float* inv, float* out,
                       long ld_o, int cols, int rows) {
  fbatch a0[M], a1[M];
  for (int m = 0; m < M; ++m) a0[m] = a1[m] = fbatch(0.f);
  for (const float* end = w + n_keys * M; w != end; w += M, panel += P) {
    const fbatch b0 = fbatch::load_unaligned(panel);
    const fbatch b1 = fbatch::load_unaligned(panel + kLanes);
    for (int m = 0; m < M; ++m) {
      const fbatch a(w[m]);
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

// One block of M query rows inside a group: its sizes and scratch.
template <int M>
struct RowBlock {
  int rows;         // real rows (≤ M); the others run as zero queries and are never written
  int visible[M];   // visible keys per row
  int k_end;        // keys past k_end are hidden from every row of the block: never touched
  int full;         // panels below `full` hold only keys every row of the block sees
  int k_pad;        // k_end rounded up to a whole panel
  float* s;         // (M, ld_s) scores
  float* w;         // (k_pad, M) softmax numerators packed by key
  float* pack;      // (d_k, M) the block's queries packed by column
  fbatch mx[M];     // running row max over the panels below `full`
  float inv[M];     // 1 / row sum
};

// Query rows i0 … i0+rows−1 (rows ≤ G·M) of one head, as G blocks of M rows run side by side so
// that each key panel (scores) and value panel (weighted sum) is reused by every block while it
// is in L1. q: rows with stride ld_q (already at the head's columns); kt, vp: the head's packed
// panels; s: (G·M, ld_s) scratch for scores; wbuf: (G, ld_s, M) for the numerators; pack: (G, d_k, M)
// for the packed queries; out: rows with stride ld_o.
template <int M, int G>
void row_group(const float* q, long ld_q, int i0, int rows, const float* kt, const float* vp, int n,
               int d_k, int d_v, Mask mask, float scale, float* s, int ld_s, float* wbuf, float* pack,
               float* out, long ld_o) {
  static_assert(M == kLanes, "the numerators are packed by a 4 × 4 transpose");
  RowBlock<M> b[G];
  int nb = 0, k_max = 0;
  for (; nb < G && nb * M < rows; ++nb) {
    RowBlock<M>& r = b[nb];
    const int r0 = i0 + nb * M;
    r.rows = rows - nb * M < M ? rows - nb * M : M;
    r.s = s + static_cast<long>(nb) * M * ld_s;
    r.pack = pack + static_cast<long>(nb) * M * d_k;
    r.w = wbuf + static_cast<long>(nb) * M * ld_s;
    r.k_end = 0;
    int v_min = n;
    for (int m = 0; m < M; ++m) {
      r.visible[m] = m < r.rows ? mask.visible_keys(r0 + m, n) : 0;
      r.k_end = r.visible[m] > r.k_end ? r.visible[m] : r.k_end;
      if (m < r.rows) v_min = r.visible[m] < v_min ? r.visible[m] : v_min;
      r.mx[m] = fbatch(kNegInf);
    }
    r.full = v_min / P * P;
    r.k_pad = round_up(r.k_end, P);
    k_max = r.k_pad > k_max ? r.k_pad : k_max;
    // the block's queries packed by column: 4 × 4 register transposes, scalar tails
    int c0 = 0;
    if (M == kLanes && r.rows == M) {
      const float* q0 = q + r0 * ld_q;
      for (; c0 + kLanes <= d_k; c0 += kLanes) {
        fbatch a = fbatch::load_unaligned(q0 + c0), bb = fbatch::load_unaligned(q0 + ld_q + c0),
               c = fbatch::load_unaligned(q0 + 2 * ld_q + c0), d = fbatch::load_unaligned(q0 + 3 * ld_q + c0);
        transpose4(a, bb, c, d);
        a.store_unaligned(r.pack + c0 * M);
        bb.store_unaligned(r.pack + (c0 + 1) * M);
        c.store_unaligned(r.pack + (c0 + 2) * M);
        d.store_unaligned(r.pack + (c0 + 3) * M);
      }
    }
    for (int m = 0; m < M; ++m)
      for (int c = c0; c < d_k; ++c) r.pack[c * M + m] = m < r.rows ? q[(r0 + m) * ld_q + c] : 0.f;
  }
  // pass 1+2: scaled scores, key panel by key panel, every block that sees a key of the panel
  const fbatch sc(scale);
  fbatch junk[M];
  for (int j = 0; j < k_max; j += P) {
    const float* panel = kt + static_cast<long>(j) * d_k;
    for (int g = 0; g < nb; ++g)
      if (j < b[g].k_pad) score_tile<M>(b[g].pack, panel, d_k, sc, b[g].s + j, ld_s, j < b[g].full ? b[g].mx : junk);
  }
  for (int g = 0; g < nb; ++g) {
    RowBlock<M>& r = b[g];
    // pass 3: hidden keys inside the computed panels become −∞
    for (int m = 0; m < M; ++m)
      for (int j = r.visible[m]; j < r.k_pad; ++j) r.s[m * ld_s + j] = kNegInf;
    // pass 4: softmax numerators e^(s − row max), the block's 4 rows side by side, written
    // transposed (packed by key) for the weighted sum; and 1 / row sum. The panels from `full` on
    // (masked tails) add to the max from the tiles here. A row that sees no key is all −∞:
    // shifted by 0 its numerators are 0, and so is its 1 / sum.
    fbatch mv[M], sum[M];
    for (int m = 0; m < M; ++m) {
      const float* row = r.s + m * ld_s;
      fbatch mb = r.mx[m];
      for (int j = r.full; j < r.k_pad; j += kLanes) mb = vmax(mb, fbatch::load_unaligned(row + j));
      mv[m] = fbatch(r.visible[m] == 0 ? 0.f : lane_max(mb));
      sum[m] = fbatch(0.f);
    }
    for (int j = 0; j < r.k_pad; j += kLanes) {
      fbatch e[M];
      for (int m = 0; m < M; ++m) {
        e[m] = exp_batch(fbatch::load_unaligned(r.s + m * ld_s + j) - mv[m]);
        sum[m] += e[m];
      }
      transpose4(e[0], e[1], e[2], e[3]);
      for (int m = 0; m < M; ++m) e[m].store_unaligned(r.w + (j + m) * M);
    }
    for (int m = 0; m < M; ++m) r.inv[m] = r.visible[m] == 0 ? 0.f : 1.f / xsimd::hadd(sum[m]);
  }
  // pass 5: weighted sum, value panel by value panel (8 output columns), every block in turn
  for (int c = 0; c < d_v; c += P)
    for (int g = 0; g < nb; ++g) {
      RowBlock<M>& r = b[g];
      float* o = out + static_cast<long>(i0 + g * M) * ld_o + c;
      if (r.k_end == 0) {  // no row of the block sees a key: zeros
        for (int m = 0; m < r.rows; ++m)
          for (int t = 0; t < P && c + t < d_v; ++t) o[m * ld_o + t] = 0.f;
        continue;
      }
      value_tile<M>(r.w, vp + static_cast<long>(c) * n, r.k_end, r.inv, o, ld_o,
                    d_v - c < P ? d_v - c : P, r.rows);
    }
}
}  // namespace

void fused_attention_simd(const float* q, const float* k, const float* v, float* out, int n,
                          int heads, int d_k, int d_v, Mask mask, float scale, float* workspace) {
  constexpr int kRows = kFusedRowBlock * kFusedBlockGroup;
  const long hk = static_cast<long>(heads) * d_k, hv = static_cast<long>(heads) * d_v;
  const int n_pad = round_up(n, P);
  float* pack = workspace;                            // (group, d_k, 4)
  float* kt = pack + static_cast<long>(kRows) * d_k;  // (⌈n/8⌉ panels) × (d_k, 8)
  float* vp = kt + static_cast<long>(n_pad) * d_k;    // (⌈d_v/8⌉ panels) × (n, 8)
  // (group·4, ld_s): 16 floats past n_pad, so that rows n_pad = 1024 apart (4 KiB, L1's set
  // period) do not all land in the same cache sets
  const int ld_s = n_pad + kFusedRowPad;
  float* s = vp + static_cast<long>(round_up(d_v, P)) * n;
  float* wbuf = s + static_cast<long>(kRows) * ld_s;  // (group, ld_s, 4)
  for (int h = 0; h < heads; ++h) {
    // pack this head's Kᵀ and V once; every group of query rows streams through them
    pack_keys_transposed(k + h * d_k, hk, n, d_k, kt);
    pack_value_panels(v + h * d_v, hv, n, d_v, vp);
    const float* qh = q + h * d_k;
    float* oh = out + h * d_v;
    for (int i0 = 0; i0 < n; i0 += kRows)
      row_group<kFusedRowBlock, kFusedBlockGroup>(qh, hk, i0, n - i0 < kRows ? n - i0 : kRows, kt, vp, n,
                                                  d_k, d_v, mask, scale, s, ld_s, wbuf, pack, oh, hv);
  }
}
#else
void fused_attention_simd(const float* q, const float* k, const float* v, float* out, int n,
                          int heads, int d_k, int d_v, Mask mask, float scale, float* workspace) {
  fused_attention_scalar(q, k, v, out, n, heads, d_k, d_v, mask, scale, workspace);
}
#endif
}  // namespace attn
