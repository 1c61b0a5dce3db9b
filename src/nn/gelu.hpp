// GELU, the feed-forward block's activation, in the tanh form GPT-2 uses:
// gelu(x) = x/2 · (1 + tanh(√(2/π) · (x + 0.044715 x³))), and its derivative.
#pragma once

namespace attn::nn {
// x, y: (count) floats; y may alias x.
void gelu_forward(const float* x, float* y, long count);
// x: the forward's input; dy: (count). Accumulates dx += gelu'(x) ⊙ dy.
void gelu_backward(const float* x, const float* dy, float* dx, long count);
}  // namespace attn::nn
