// Layer normalisation, forward and backward, one row at a time (rows are short: d ≤ a few hundred).
#include "nn/layernorm.hpp"

#include <cmath>

namespace attn::nn {
void layernorm_forward(const float* x, const float* gamma, const float* beta, float* y, float* mean, float* rstd, int n, int d) {
  for (int i = 0; i < n; ++i) {
    const float* xi = x + static_cast<long>(i) * d;
    float* yi = y + static_cast<long>(i) * d;
    // pass 1: mean and (biased) variance of the row, in double for stability
    double m = 0.0;
    for (int j = 0; j < d; ++j) m += xi[j];
    m /= d;
    double v = 0.0;
    for (int j = 0; j < d; ++j) v += (xi[j] - m) * (xi[j] - m);
    v /= d;
    const float r = static_cast<float>(1.0 / std::sqrt(v + kLayerNormEpsilon));
    // pass 2: normalise, scale, shift
    for (int j = 0; j < d; ++j) yi[j] = (xi[j] - static_cast<float>(m)) * r * gamma[j] + beta[j];
    mean[i] = static_cast<float>(m);
    rstd[i] = r;
  }
}

void layernorm_backward(const float* dy, const float* x, const float* gamma, const float* mean, const float* rstd,
                        float* dx, float* dgamma, float* dbeta, int n, int d) {
  for (int i = 0; i < n; ++i) {
    const float* xi = x + static_cast<long>(i) * d;
    const float* dyi = dy + static_cast<long>(i) * d;
    float* dxi = dx + static_cast<long>(i) * d;
    // pass 1: the two row means the input gradient needs: mean(g) and mean(g ⊙ x̂), g = dy ⊙ γ
    float g_mean = 0.f;
    float gx_mean = 0.f;
    for (int j = 0; j < d; ++j) {
      const float xhat = (xi[j] - mean[i]) * rstd[i];
      const float g = dyi[j] * gamma[j];
      g_mean += g;
      gx_mean += g * xhat;
    }
    g_mean /= d;
    gx_mean /= d;
    // pass 2: accumulate the gradients
    for (int j = 0; j < d; ++j) {
      const float xhat = (xi[j] - mean[i]) * rstd[i];
      dbeta[j] += dyi[j];
      dgamma[j] += dyi[j] * xhat;
      dxi[j] += (dyi[j] * gamma[j] - g_mean - xhat * gx_mean) * rstd[i];
    }
  }
}
}  // namespace attn::nn
