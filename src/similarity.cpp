// Dot products, lengths, cosines and angles of a set of vectors (see similarity.hpp).
#include "similarity.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "scores.hpp"

namespace attn {
void dot_product_parts(Impl impl, const float* x, int n, int d, float* dots, float* lengths,
                       float* cosines, float* degrees) {
  // pass 1: every pair's dot product (x · xᵀ)
  scores(impl, x, d, x, d, n, n, d, dots);
  // pass 2: each length from the vector's dot product with itself
  for (int i = 0; i < n; ++i) lengths[i] = static_cast<float>(std::sqrt(std::max(0.0, double(dots[static_cast<long>(i) * n + i]))));
  // pass 3: cosine and angle of each pair
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double to_degrees = 180.0 / std::acos(-1.0);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      const long at = static_cast<long>(i) * n + j;
      const double li = std::sqrt(std::max(0.0, double(dots[static_cast<long>(i) * n + i])));
      const double lj = std::sqrt(std::max(0.0, double(dots[static_cast<long>(j) * n + j])));
      const bool directed = li > kNoDirectionLength && lj > kNoDirectionLength;
      const double c = directed ? std::clamp(double(dots[at]) / (li * lj), -1.0, 1.0) : nan;
      cosines[at] = static_cast<float>(c);
      degrees[at] = static_cast<float>(directed ? std::acos(c) * to_degrees : nan);
    }
  }
}
}  // namespace attn
