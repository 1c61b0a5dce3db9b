// Feed-forward block: linear → GELU → linear, forward and backward.
#include "nn/feed_forward.hpp"

#include <algorithm>

#include "nn/gelu.hpp"
#include "nn/linear.hpp"

namespace attn::nn {
void feed_forward_forward(Impl impl, const float* x, const FeedForwardWeights& w, float* pre, float* act, float* y,
                          int n, int d, int hidden) {
  linear_forward(impl, x, w.w1, w.b1, pre, n, d, hidden);           // widen: (n, hidden)
  gelu_forward(pre, act, static_cast<long>(n) * hidden);            // bend
  linear_forward(impl, act, w.w2, w.b2, y, n, hidden, d);           // narrow back: (n, d)
}

void feed_forward_backward(Impl impl, const float* dy, const float* x, const FeedForwardWeights& w, const float* pre,
                           const float* act, float* dact, float* dx, const FeedForwardGrads& g, int n, int d, int hidden) {
  const long nh = static_cast<long>(n) * hidden;
  std::fill(dact, dact + nh, 0.f);
  linear_backward(impl, dy, act, w.w2, dact, g.w2, g.b2, n, hidden, d);
  // GELU's derivative in place: dpre = gelu'(pre) ⊙ dact, written over dact via a second pass
  // (gelu_backward accumulates, so route it into a zeroed buffer: reuse dact after copying).
  for (long i = 0; i < nh; ++i) {
    const float upstream = dact[i];
    dact[i] = 0.f;
    gelu_backward(pre + i, &upstream, dact + i, 1);
  }
  linear_backward(impl, dact, x, w.w1, dx, g.w1, g.b1, n, d, hidden);
}
}  // namespace attn::nn
