// Pass 4 of attention: turn each row of scores into weights that are ≥ 0 and sum to 1.
// Numerically stable: the row maximum is subtracted before exponentiating, so scores of ±1e4
// give finite weights. A row whose entries are all −∞ (every key hidden) becomes all zeros.
#pragma once
#include "simd.hpp"

namespace attn {
// What the softmax computed on the way to the weights, for a page that shows each step. Any
// pointer may be null (that part is not kept). For a softmax along rows, "line" means row:
//   maxima: (lines)      the line's largest entry m (−∞ when every entry is −∞)
//   exps:   (rows, cols) e^(x − m), exponentials AFTER subtracting the line maximum (so each is
//                        in [0, 1] and the largest is exactly 1); 0 where x = −∞
//   sums:   (lines)      Σ e^(x − m) over the line (0 when every entry is −∞)
// and weights = exps / sums. Along columns, "line" means column (maxima, sums: (cols)).
struct SoftmaxParts {
  float* maxima = nullptr;
  float* exps = nullptr;
  float* sums = nullptr;
};

// in, out: (rows, cols) row-major, may be the same buffer (exps must not alias in or out).
// Softmax along each row (the key axis).
void softmax_rows_scalar(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts = nullptr);
void softmax_rows_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts = nullptr);
inline void softmax_rows(Impl impl, const float* in, float* out, int rows, int cols,
                         const SoftmaxParts* parts = nullptr) {
  (impl == Impl::kSimd ? softmax_rows_simd : softmax_rows_scalar)(in, out, rows, cols, parts);
}

// The classic mistake: softmax along each column (the query axis), so columns sum to 1.
// in, out: (rows, cols) row-major, may be the same buffer. An all −∞ column becomes zeros.
void softmax_columns_scalar(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts = nullptr);
void softmax_columns_simd(const float* in, float* out, int rows, int cols, const SoftmaxParts* parts = nullptr);
inline void softmax_columns(Impl impl, const float* in, float* out, int rows, int cols,
                            const SoftmaxParts* parts = nullptr) {
  (impl == Impl::kSimd ? softmax_columns_simd : softmax_columns_scalar)(in, out, rows, cols, parts);
}
}  // namespace attn
