// Sinusoidal positional encoding (the original transformer's fixed position signal).
#pragma once

namespace attn {
// out: (n, d_model) row-major. PE(pos, 2i) = sin(pos / 10000^(2i/d_model)),
// PE(pos, 2i+1) = cos(pos / 10000^(2i/d_model)). Computed in double, stored as float.
void positional_encoding(int n, int d_model, float* out);
}  // namespace attn
