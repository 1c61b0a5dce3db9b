// Sinusoidal positional encoding: even columns sine, odd columns cosine, sharing a frequency.
#include "positional_encoding.hpp"

#include <cmath>

namespace attn {
void positional_encoding(int n, int d_model, float* out) {
  for (int pos = 0; pos < n; ++pos) {
    for (int c = 0; c < d_model; ++c) {
      const int two_i = c - (c % 2);  // the pair's even index, 2i
      const double angle = pos / std::pow(10000.0, static_cast<double>(two_i) / d_model);
      out[static_cast<long>(pos) * d_model + c] =
          static_cast<float>(c % 2 == 0 ? std::sin(angle) : std::cos(angle));
    }
  }
}
}  // namespace attn
