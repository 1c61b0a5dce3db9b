// GELU (tanh approximation), forward and derivative, elementwise.
#include "nn/gelu.hpp"

#include <cmath>

namespace attn::nn {
namespace {
constexpr float kSqrt2OverPi = 0.7978845608028654f;
constexpr float kCubic = 0.044715f;
}  // namespace

void gelu_forward(const float* x, float* y, long count) {
  for (long i = 0; i < count; ++i) {
    const float v = x[i];
    y[i] = 0.5f * v * (1.f + std::tanh(kSqrt2OverPi * (v + kCubic * v * v * v)));
  }
}

void gelu_backward(const float* x, const float* dy, float* dx, long count) {
  for (long i = 0; i < count; ++i) {
    const float v = x[i];
    const float u = kSqrt2OverPi * (v + kCubic * v * v * v);
    const float t = std::tanh(u);
    const float du = kSqrt2OverPi * (1.f + 3.f * kCubic * v * v);
    // d/dv [v/2 (1 + tanh u)] = (1 + tanh u)/2 + v/2 · (1 − tanh² u) · du/dv
    dx[i] += (0.5f * (1.f + t) + 0.5f * v * (1.f - t * t) * du) * dy[i];
  }
}
}  // namespace attn::nn
