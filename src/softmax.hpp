// Pass 4 of attention: turn each row of scores into weights that are ≥ 0 and sum to 1.
// Numerically stable: the row maximum is subtracted before exponentiating, so scores of ±1e4
// give finite weights. A row whose entries are all −∞ (every key hidden) becomes all zeros.
#pragma once
#include "simd.hpp"

namespace attn {
// in, out: (rows, cols) row-major, may be the same buffer. Softmax along each row (the key axis).
void softmax_rows_scalar(const float* in, float* out, int rows, int cols);
void softmax_rows_simd(const float* in, float* out, int rows, int cols);
inline void softmax_rows(Impl impl, const float* in, float* out, int rows, int cols) {
  (impl == Impl::kSimd ? softmax_rows_simd : softmax_rows_scalar)(in, out, rows, cols);
}

// The classic mistake: softmax along each column (the query axis), so columns sum to 1.
// in, out: (rows, cols) row-major, may be the same buffer. An all −∞ column becomes zeros.
void softmax_columns_scalar(const float* in, float* out, int rows, int cols);
void softmax_columns_simd(const float* in, float* out, int rows, int cols);
inline void softmax_columns(Impl impl, const float* in, float* out, int rows, int cols) {
  (impl == Impl::kSimd ? softmax_columns_simd : softmax_columns_scalar)(in, out, rows, cols);
}
}  // namespace attn
