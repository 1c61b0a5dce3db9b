// Sinusoidal positional encoding: even columns sine, odd columns cosine, sharing a frequency.
#include "positional_encoding.hpp"

#include <cmath>

namespace attn {
namespace {
// Entry (pos, c) of the encoding: the pair's even index 2i sets the frequency 1 / 10000^(2i / d).
float encoding_at(int pos, int c, int d_model) {
  const int two_i = c - (c % 2);
  const double angle = pos / std::pow(10000.0, static_cast<double>(two_i) / d_model);
  return static_cast<float>(c % 2 == 0 ? std::sin(angle) : std::cos(angle));
}
}  // namespace

void positional_encoding(int n, int d_model, float* out) {
  for (int pos = 0; pos < n; ++pos)
    for (int c = 0; c < d_model; ++c) out[static_cast<long>(pos) * d_model + c] = encoding_at(pos, c, d_model);
}

void add_positional_encoding(const float* x, int n, int d_model, float* out) {
  // each entry is read before it is written, so out may be x
  for (int pos = 0; pos < n; ++pos) {
    for (int c = 0; c < d_model; ++c) {
      const long at = static_cast<long>(pos) * d_model + c;
      out[at] = x[at] + encoding_at(pos, c, d_model);
    }
  }
}
}  // namespace attn
