// The score-gradient experiment: the same score and softmax kernels as the attention forward
// pass, and the trainer's softmax backward (src/nn/softmax_backward), on random rows.
#include "score_gradient.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <vector>

#include "nn/softmax_backward.hpp"
#include "rng.hpp"
#include "scale.hpp"
#include "scores.hpp"
#include "softmax.hpp"

namespace attn {

void score_gradient_row(Impl impl, const float* q, const float* k, const float* g, int n, int d_k, float factor,
                        float* a, float* ds, float* dq) {
  // forward, pass 1: raw scores s_j = q·k_j (kept in ds until the backward overwrites it)
  scores(impl, q, d_k, k, d_k, 1, n, d_k, ds);
  // pass 2: scale, pass 3: softmax
  scale(impl, ds, ds, n, factor);
  softmax_rows(impl, ds, a, 1, n);
  // backward through the softmax and the factor: ds = factor · a ∘ (g − a·g)
  nn::softmax_rows_backward(a, g, ds, 1, n, factor);
  // through the scores: dq = Σ_j ds_j · k_j
  for (int t = 0; t < d_k; ++t) dq[t] = 0.f;
  for (int j = 0; j < n; ++j)
    for (int t = 0; t < d_k; ++t) dq[t] += ds[j] * k[static_cast<long>(j) * d_k + t];
}

#define ATTN_GRAD_FIELD(f) StatsField{#f, offsetof(ScoreGradientStats, f)}
const StatsField kScoreGradientFields[kScoreGradientFieldCount] = {
    ATTN_GRAD_FIELD(raw_input_norm),   ATTN_GRAD_FIELD(scaled_input_norm), ATTN_GRAD_FIELD(raw_input_median),
    ATTN_GRAD_FIELD(scaled_input_median), ATTN_GRAD_FIELD(raw_vanished),  ATTN_GRAD_FIELD(scaled_vanished),
    ATTN_GRAD_FIELD(raw_score_norm),   ATTN_GRAD_FIELD(scaled_score_norm), ATTN_GRAD_FIELD(raw_q_norm),
    ATTN_GRAD_FIELD(scaled_q_norm),    ATTN_GRAD_FIELD(raw_max_weight),    ATTN_GRAD_FIELD(scaled_max_weight),
    ATTN_GRAD_FIELD(vanished_below)};
#undef ATTN_GRAD_FIELD
static_assert(sizeof(ScoreGradientStats) == kScoreGradientFieldCount * sizeof(double), "every field is in the table");

namespace {
double norm(const float* v, int count) {
  double sq = 0;
  for (int i = 0; i < count; ++i) sq += static_cast<double>(v[i]) * v[i];
  return std::sqrt(sq);
}
// One side's sums over the rows (input norms kept for the median).
struct Side {
  std::vector<double> input;
  double score = 0, q = 0, max_weight = 0, vanished = 0;
  void add(const float* a, const float* ds, const float* dq, int n, int d_k, float factor) {
    const double s = norm(ds, n);
    input.push_back(s / factor);  // ∂L/∂z = (∂L/∂s) / factor, since s = z / factor
    vanished += s / factor < kVanishedBelow ? 1 : 0;
    score += s;
    q += norm(dq, d_k);
    double m = 0;
    for (int j = 0; j < n; ++j) m = a[j] > m ? a[j] : m;
    max_weight += m;
  }
  double mean_input() const {
    double t = 0;
    for (double v : input) t += v;
    return t / static_cast<double>(input.size());
  }
  double median_input() {
    const std::size_t mid = input.size() / 2;
    std::nth_element(input.begin(), input.begin() + static_cast<long>(mid), input.end());
    const double upper = input[mid];
    if (input.size() % 2) return upper;
    return (*std::max_element(input.begin(), input.begin() + static_cast<long>(mid)) + upper) / 2;
  }
};
}  // namespace

bool score_gradient_experiment(int d_k, int samples, int n, std::uint32_t seed, Impl impl, ScoreGradientStats& out) {
  if (d_k <= 0 || samples <= 0 || n <= 0) return false;
  if (static_cast<double>(d_k) * samples * n > kMaxExperimentWork) return false;
  Rng rng(seed);
  std::vector<float> q(d_k), k(static_cast<std::size_t>(n) * d_k), g(n), a(n), ds(n), dq(d_k);
  Side raw, scaled;
  const float factor = score_scale(d_k, true);
  for (int s = 0; s < samples; ++s) {
    for (auto& e : q) e = static_cast<float>(rng.normal());
    for (auto& e : k) e = static_cast<float>(rng.normal());
    for (auto& e : g) e = static_cast<float>(rng.normal());
    score_gradient_row(impl, q.data(), k.data(), g.data(), n, d_k, 1.f, a.data(), ds.data(), dq.data());
    raw.add(a.data(), ds.data(), dq.data(), n, d_k, 1.f);
    score_gradient_row(impl, q.data(), k.data(), g.data(), n, d_k, factor, a.data(), ds.data(), dq.data());
    scaled.add(a.data(), ds.data(), dq.data(), n, d_k, factor);
  }
  out.raw_input_norm = raw.mean_input();
  out.scaled_input_norm = scaled.mean_input();
  out.raw_input_median = raw.median_input();
  out.scaled_input_median = scaled.median_input();
  out.raw_vanished = raw.vanished / samples;
  out.scaled_vanished = scaled.vanished / samples;
  out.raw_score_norm = raw.score / samples;
  out.scaled_score_norm = scaled.score / samples;
  out.raw_q_norm = raw.q / samples;
  out.scaled_q_norm = scaled.q / samples;
  out.raw_max_weight = raw.max_weight / samples;
  out.scaled_max_weight = scaled.max_weight / samples;
  out.vanished_below = kVanishedBelow;
  return true;
}
}  // namespace attn
