// Layer normalisation over each row (token) of a batch: y = γ ⊙ (x − mean) / sqrt(var + ε) + β,
// and its backward pass (llm.c's layernorm_forward / layernorm_backward). Not a batch norm.
#pragma once

namespace attn::nn {
constexpr float kLayerNormEpsilon = 1e-5f;

// x: (n, d) row-major; gamma, beta: (d); y: (n, d), overwritten (may not alias x).
// mean, rstd: (n), written (saved for the backward; rstd = 1 / sqrt(var + ε)).
void layernorm_forward(const float* x, const float* gamma, const float* beta, float* y, float* mean, float* rstd, int n, int d);
// dy: (n, d); x, gamma, mean, rstd as saved by the forward. Accumulates:
// dx (n, d) += ∂L/∂x, dgamma (d) += Σ_rows dy ⊙ x̂, dbeta (d) += Σ_rows dy.
void layernorm_backward(const float* dy, const float* x, const float* gamma, const float* mean, const float* rstd,
                        float* dx, float* dgamma, float* dbeta, int n, int d);
}  // namespace attn::nn
