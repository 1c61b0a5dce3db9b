// One Adam step with bias correction (Kingma & Ba), no weight decay, over a flat parameter
// buffer: the model lays out all its parameters, gradients and moments in one buffer each.
#pragma once

namespace attn::nn {
struct AdamSettings {
  float learning_rate = 0.01f;
  float beta1 = 0.9f;
  float beta2 = 0.999f;
  float epsilon = 1e-8f;
};
// params, grads, m, v: (count) floats; m and v start at 0. step: 1 for the first update.
void adam_step(float* params, const float* grads, float* m, float* v, long count, int step, const AdamSettings& s);
}  // namespace attn::nn
