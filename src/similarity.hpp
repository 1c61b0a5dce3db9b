// The dot product read as similarity (the lesson's step 3): every pair's dot product, each
// vector's length and every pair's cosine and angle, so the page prints them without doing the
// maths in JS.
#pragma once
#include "simd.hpp"

namespace attn {
// A vector shorter than this has no direction: its cosines and angles are NaN.
constexpr double kNoDirectionLength = 1e-9;

// x: (n, d) row-major.
// dots: (n, n), dots[i*n + j] = x_i · x_j, by the scores kernel (as attn_dot_products computes it);
// lengths: (n), |x_i| = √(x_i · x_i);
// cosines: (n, n), cos θ_ij = dots_ij / (|x_i| |x_j|) clamped to [−1, 1];
// degrees: (n, n), θ_ij = acos(cos θ_ij) in degrees (0 … 180);
// cosines and degrees are NaN where |x_i| or |x_j| is below kNoDirectionLength. Lengths, cosines
// and angles are computed in double from the float dot products and stored as float.
void dot_product_parts(Impl impl, const float* x, int n, int d, float* dots, float* lengths,
                       float* cosines, float* degrees);
}  // namespace attn
