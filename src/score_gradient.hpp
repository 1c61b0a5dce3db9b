// Step 9's second √d_k experiment: how much gradient gets back through the softmax to the scores
// q·k, with and without the 1/√d_k factor, as d_k grows. The backward pass is the trainer's own
// (nn::softmax_rows_backward). Not the spread/peakedness experiment: scaling_experiment.hpp.
#pragma once
#include <cstdint>

#include "scaling_experiment.hpp"  // StatsField, kMaxExperimentWork
#include "simd.hpp"

namespace attn {
// One row, forward and backward. q: (d_k); k: (n, d_k) row-major; g: (n), the upstream gradient
// ∂L/∂a of a loss L = Σ_j a_j·g_j (what the values pass back, dA = dO·Vᵀ); factor: what the
// scores are multiplied by before the softmax (1/√d_k, or 1 without scaling).
// Outputs: a (n) = softmax(factor · K·q); ds (n) = ∂L/∂s for the raw scores s = K·q;
// dq (d_k) = ∂L/∂q = Kᵀ·ds.
void score_gradient_row(Impl impl, const float* q, const float* k, const float* g, int n, int d_k, float factor,
                        float* a, float* ds, float* dq);

// Averages over `samples` rows with standard-normal q, k and g (seeded): raw = without the
// factor, scaled = with 1/√d_k. "Input" is the softmax's input z = factor · q·k (the scores as the
// softmax sees them), whose gradient ∂L/∂z = a ∘ (g − a·g) is what saturation kills.
constexpr double kVanishedBelow = 1e-3;  // a row "passes back almost nothing" when ‖∂L/∂z‖ < this
struct ScoreGradientStats {
  double raw_input_norm = 0, scaled_input_norm = 0;      // mean ‖∂L/∂z‖ of a row
  double raw_input_median = 0, scaled_input_median = 0;  // median ‖∂L/∂z‖ of a row
  double raw_vanished = 0, scaled_vanished = 0;          // share of rows with ‖∂L/∂z‖ < kVanishedBelow
  double raw_score_norm = 0, scaled_score_norm = 0;      // mean ‖∂L/∂s‖, s = q·k the raw scores
  double raw_q_norm = 0, scaled_q_norm = 0;              // mean ‖∂L/∂q‖: what reaches the query (and W_Q)
  double raw_max_weight = 0, scaled_max_weight = 0;      // mean largest weight of a row
  double vanished_below = kVanishedBelow;
};
constexpr int kScoreGradientFieldCount = 13;
extern const StatsField kScoreGradientFields[kScoreGradientFieldCount];

// Returns false (out untouched) for sizes ≤ 0 or samples · n · d_k above kMaxExperimentWork.
bool score_gradient_experiment(int d_k, int samples, int n, std::uint32_t seed, Impl impl, ScoreGradientStats& out);
}  // namespace attn
