// Sinusoidal positional encoding (the original transformer's fixed position signal).
#pragma once

namespace attn {
// out: (n, d_model) row-major. Row p, columns 2i and 2i+1 hold sin(p·w) and cos(p·w) with the
// pair's frequency w = 1 / 10000^(2i / d_model). Computed in double, stored as float.
void positional_encoding(int n, int d_model, float* out);

// x, out: (n, d_model) row-major; out = x + the encoding above, element by element (the sum a
// transformer feeds to its first layer). out may be x itself.
void add_positional_encoding(const float* x, int n, int d_model, float* out);
}  // namespace attn
