// The residual connection out = a + b (a layer's input plus its output) and its backward pass.
#pragma once

namespace attn::nn {
// a, b, out: (count) floats; out may alias a or b.
void residual_forward(const float* a, const float* b, float* out, long count);
// dout: (count). Accumulates the same gradient into both branches: da += dout, db += dout.
void residual_backward(const float* dout, float* da, float* db, long count);
}  // namespace attn::nn
