// Row and column softmax: scalar references and xsimd kernels (vectorised exp from xsimd).
#include "softmax.hpp"

#include <cmath>
#include <cstring>
#include <limits>

namespace attn {
namespace {
constexpr float kNegInf = -std::numeric_limits<float>::infinity();

// Keeps one row's parts (see SoftmaxParts): e holds the row's shifted exponentials.
inline void keep_row(const SoftmaxParts* parts, long row, const float* e, float m, float sum, int cols) {
  if (!parts) return;
  if (parts->maxima) parts->maxima[row] = m;
  if (parts->sums) parts->sums[row] = sum;
  if (parts->exps) std::memcpy(parts->exps + row * cols, e, sizeof(float) * cols);
}

// Keeps one column's maximum and sum; its exponentials are kept by the caller as they are made.
inline void keep_column(const SoftmaxParts* parts, int col, float m, float sum) {
  if (!parts) return;
  if (parts->maxima) parts->maxima[col] = m;
  if (parts->sums) parts->sums[col] = sum;
}

inline float* exps_of(const SoftmaxParts* parts) { return parts ? parts->exps : nullptr; }
}  // namespace

void softmax_rows_scalar(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  for (int i = 0; i < rows; ++i) {
    const float* x = in + static_cast<long>(i) * cols;
    float* y = out + static_cast<long>(i) * cols;
    // pass a: the row maximum
    float m = kNegInf;
    for (int j = 0; j < cols; ++j) m = x[j] > m ? x[j] : m;
    if (m == kNegInf) {  // every key hidden: defined as zero weights, never NaN
      for (int j = 0; j < cols; ++j) y[j] = 0.f;
      keep_row(parts, i, y, m, 0.f, cols);
      continue;
    }
    // pass b: exponentiate the shifted scores and add them up
    float sum = 0.f;
    for (int j = 0; j < cols; ++j) {
      y[j] = std::exp(x[j] - m);
      sum += y[j];
    }
    keep_row(parts, i, y, m, sum, cols);
    // pass c: normalise
    const float inv = 1.f / sum;
    for (int j = 0; j < cols; ++j) y[j] *= inv;
  }
}

void softmax_columns_scalar(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  float* exps = exps_of(parts);
  for (int j = 0; j < cols; ++j) {
    float m = kNegInf;
    for (int i = 0; i < rows; ++i) m = in[static_cast<long>(i) * cols + j] > m ? in[static_cast<long>(i) * cols + j] : m;
    if (m == kNegInf) {
      for (int i = 0; i < rows; ++i) out[static_cast<long>(i) * cols + j] = 0.f;
      if (exps)
        for (int i = 0; i < rows; ++i) exps[static_cast<long>(i) * cols + j] = 0.f;
      keep_column(parts, j, m, 0.f);
      continue;
    }
    float sum = 0.f;
    for (int i = 0; i < rows; ++i) {
      const long at = static_cast<long>(i) * cols + j;
      out[at] = std::exp(in[at] - m);
      if (exps) exps[at] = out[at];
      sum += out[at];
    }
    keep_column(parts, j, m, sum);
    const float inv = 1.f / sum;
    for (int i = 0; i < rows; ++i) out[static_cast<long>(i) * cols + j] *= inv;
  }
}

#if ATTN_SIMD
namespace {
inline float reduce_max(const fbatch& b) {
  alignas(16) float lanes[kLanes];
  b.store_unaligned(lanes);
  float m = lanes[0];
  for (int l = 1; l < kLanes; ++l) m = lanes[l] > m ? lanes[l] : m;
  return m;
}
}  // namespace

void softmax_rows_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  for (int i = 0; i < rows; ++i) {
    const float* x = in + static_cast<long>(i) * cols;
    float* y = out + static_cast<long>(i) * cols;
    // pass a: the row maximum
    fbatch mb(kNegInf);
    int j = 0;
    for (; j + kLanes <= cols; j += kLanes) mb = xsimd::max(mb, fbatch::load_unaligned(x + j));
    float m = reduce_max(mb);
    for (; j < cols; ++j) m = x[j] > m ? x[j] : m;
    if (m == kNegInf) {
      for (j = 0; j < cols; ++j) y[j] = 0.f;
      keep_row(parts, i, y, m, 0.f, cols);
      continue;
    }
    // pass b: exponentiate the shifted scores and add them up
    const fbatch mv(m);
    fbatch sb(0.f);
    for (j = 0; j + kLanes <= cols; j += kLanes) {
      const fbatch e = xsimd::exp(fbatch::load_unaligned(x + j) - mv);
      e.store_unaligned(y + j);
      sb += e;
    }
    float sum = xsimd::hadd(sb);
    for (; j < cols; ++j) {
      y[j] = std::exp(x[j] - m);
      sum += y[j];
    }
    keep_row(parts, i, y, m, sum, cols);
    // pass c: normalise
    const float inv = 1.f / sum;
    const fbatch iv(inv);
    for (j = 0; j + kLanes <= cols; j += kLanes) (fbatch::load_unaligned(y + j) * iv).store_unaligned(y + j);
    for (; j < cols; ++j) y[j] *= inv;
  }
}

void softmax_columns_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  float* exps = exps_of(parts);
  int j = 0;
  // kLanes columns at a time: each lane walks its own column down the rows.
  for (; j + kLanes <= cols; j += kLanes) {
    fbatch mb(kNegInf);
    for (int i = 0; i < rows; ++i) mb = xsimd::max(mb, fbatch::load_unaligned(in + static_cast<long>(i) * cols + j));
    // A column that is entirely −∞ would give exp(−∞ − (−∞)) = NaN: shift it by 0 instead and
    // zero it at the end.
    const auto dead = mb == fbatch(kNegInf);
    const fbatch shift = xsimd::select(dead, fbatch(0.f), mb);
    fbatch sb(0.f);
    for (int i = 0; i < rows; ++i) {
      const long at = static_cast<long>(i) * cols + j;
      const fbatch e = xsimd::exp(fbatch::load_unaligned(in + at) - shift);
      e.store_unaligned(out + at);
      sb += e;
    }
    if (parts) {
      alignas(16) float m_lanes[kLanes], s_lanes[kLanes];
      mb.store_aligned(m_lanes);
      sb.store_aligned(s_lanes);
      for (int l = 0; l < kLanes; ++l) keep_column(parts, j + l, m_lanes[l], s_lanes[l]);
    }
    const fbatch inv = xsimd::select(dead, fbatch(0.f), fbatch(1.f) / sb);
    for (int i = 0; i < rows; ++i) {
      const long at = static_cast<long>(i) * cols + j;
      const fbatch e = fbatch::load_unaligned(out + at);
      if (exps) e.store_unaligned(exps + at);
      (e * inv).store_unaligned(out + at);
    }
  }
  if (j < cols) {
    // The tail columns: the scalar reference on the remaining column strip.
    for (int jj = j; jj < cols; ++jj) {
      float m = kNegInf;
      for (int i = 0; i < rows; ++i) m = in[static_cast<long>(i) * cols + jj] > m ? in[static_cast<long>(i) * cols + jj] : m;
      float sum = 0.f;
      for (int i = 0; i < rows; ++i) {
        const long at = static_cast<long>(i) * cols + jj;
        out[at] = m == kNegInf ? 0.f : std::exp(in[at] - m);
        if (exps) exps[at] = out[at];
        sum += out[at];
      }
      keep_column(parts, jj, m, sum);
      const float inv = sum > 0.f ? 1.f / sum : 0.f;
      for (int i = 0; i < rows; ++i) out[static_cast<long>(i) * cols + jj] *= inv;
    }
  }
}
#else
void softmax_rows_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  softmax_rows_scalar(in, out, rows, cols, parts);
}
void softmax_columns_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts) {
  softmax_columns_scalar(in, out, rows, cols, parts);
}
#endif
}  // namespace attn
