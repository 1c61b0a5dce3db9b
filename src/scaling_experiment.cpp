// Runs the √d_k experiment with the same score and softmax kernels the attention uses.
#include "scaling_experiment.hpp"

#include <cmath>
#include <cstddef>
#include <vector>

#include "rng.hpp"
#include "scale.hpp"
#include "scores.hpp"
#include "softmax.hpp"

namespace attn {
namespace {
struct RowStats {
  double max_weight = 0, entropy = 0, one_hot = 0;
  void add(const float* w, int n) {
    double m = 0, h = 0;
    for (int j = 0; j < n; ++j) {
      m = w[j] > m ? w[j] : m;
      if (w[j] > 0) h -= w[j] * std::log(static_cast<double>(w[j]));
    }
    max_weight += m;
    entropy += h;
    one_hot += m > 0.99 ? 1 : 0;
  }
};
}  // namespace

#define ATTN_STATS_FIELD(f) StatsField{#f, offsetof(ScalingStats, f)}
const StatsField kScalingStatsFields[kScalingStatsFieldCount] = {
    ATTN_STATS_FIELD(dot_mean),       ATTN_STATS_FIELD(dot_var),           ATTN_STATS_FIELD(scaled_mean),
    ATTN_STATS_FIELD(scaled_var),     ATTN_STATS_FIELD(raw_max_weight),    ATTN_STATS_FIELD(scaled_max_weight),
    ATTN_STATS_FIELD(raw_entropy),    ATTN_STATS_FIELD(scaled_entropy),    ATTN_STATS_FIELD(raw_one_hot),
    ATTN_STATS_FIELD(scaled_one_hot), ATTN_STATS_FIELD(max_entropy)};
#undef ATTN_STATS_FIELD
static_assert(sizeof(ScalingStats) == kScalingStatsFieldCount * sizeof(double), "every ScalingStats field is in the table");

bool scaling_experiment(int d_k, int samples, int n, std::uint32_t seed, Impl impl, ScalingStats& out) {
  if (d_k <= 0 || samples <= 0 || n <= 0) return false;
  if (static_cast<double>(d_k) * samples * n > kMaxExperimentWork) return false;
  Rng rng(seed);
  std::vector<float> q(d_k), k(static_cast<std::size_t>(n) * d_k), raw(n), scaled(n), w(n);
  const float factor = score_scale(d_k, true);
  double sum = 0, sum_sq = 0;
  RowStats raw_rows, scaled_rows;
  for (int s = 0; s < samples; ++s) {
    for (auto& e : q) e = static_cast<float>(rng.normal());
    for (auto& e : k) e = static_cast<float>(rng.normal());
    scores(impl, q.data(), d_k, k.data(), d_k, 1, n, d_k, raw.data());
    for (float d : raw) {
      sum += d;
      sum_sq += static_cast<double>(d) * d;
    }
    softmax_rows(impl, raw.data(), w.data(), 1, n);
    raw_rows.add(w.data(), n);
    scale(impl, raw.data(), scaled.data(), n, factor);
    softmax_rows(impl, scaled.data(), w.data(), 1, n);
    scaled_rows.add(w.data(), n);
  }
  const double count = static_cast<double>(samples) * n;
  out.dot_mean = sum / count;
  out.dot_var = sum_sq / count - out.dot_mean * out.dot_mean;
  out.scaled_mean = out.dot_mean / std::sqrt(static_cast<double>(d_k));
  out.scaled_var = out.dot_var / d_k;
  out.raw_max_weight = raw_rows.max_weight / samples;
  out.scaled_max_weight = scaled_rows.max_weight / samples;
  out.raw_entropy = raw_rows.entropy / samples;
  out.scaled_entropy = scaled_rows.entropy / samples;
  out.raw_one_hot = raw_rows.one_hot / samples;
  out.scaled_one_hot = scaled_rows.one_hot / samples;
  out.max_entropy = std::log(static_cast<double>(n));
  return true;
}
}  // namespace attn
