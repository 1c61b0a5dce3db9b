// m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − lr · m̂ / (√v̂ + ε), m̂, v̂ bias-corrected.
#include "nn/adam.hpp"

#include <cmath>

namespace attn::nn {
void adam_step(float* params, const float* grads, float* m, float* v, long count, int step, const AdamSettings& s) {
  const float c1 = 1.f / (1.f - std::pow(s.beta1, static_cast<float>(step)));
  const float c2 = 1.f / (1.f - std::pow(s.beta2, static_cast<float>(step)));
  for (long i = 0; i < count; ++i) {
    const float g = grads[i];
    m[i] = s.beta1 * m[i] + (1.f - s.beta1) * g;
    v[i] = s.beta2 * v[i] + (1.f - s.beta2) * g * g;
    params[i] -= s.learning_rate * (m[i] * c1) / (std::sqrt(v[i] * c2) + s.epsilon);
  }
}
}  // namespace attn::nn
