// The transformer's position-wise feed-forward block: y = GELU(x·W1 + b1)·W2 + b2, applied to
// every row (token) alike, and its backward pass. Built on nn/linear and nn/gelu. The residual
// around it and the normalisation belong to the caller (src/lm/block).
#pragma once
#include "simd.hpp"

namespace attn::nn {
struct FeedForwardWeights {
  const float* w1;  // (d, hidden)
  const float* b1;  // (hidden)
  const float* w2;  // (hidden, d)
  const float* b2;  // (d)
};
struct FeedForwardGrads {
  float* w1;  // (d, hidden), accumulated
  float* b1;  // (hidden)
  float* w2;  // (hidden, d)
  float* b2;  // (d)
};

// x: (n, d); pre, act: (n, hidden), written (x·W1 + b1 and its GELU, saved for the backward);
// y: (n, d), overwritten.
void feed_forward_forward(Impl impl, const float* x, const FeedForwardWeights& w, float* pre, float* act, float* y,
                          int n, int d, int hidden);
// dy: (n, d); x, pre, act as saved. dact: (n, hidden) scratch (overwritten). Accumulates
// dx (n, d) += ∂L/∂x and every weight gradient in g.
void feed_forward_backward(Impl impl, const float* dy, const float* x, const FeedForwardWeights& w, const float* pre,
                           const float* act, float* dact, float* dx, const FeedForwardGrads& g, int n, int d, int hidden);
}  // namespace attn::nn
