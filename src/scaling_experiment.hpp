// The √d_k experiment: why scores are divided by √d_k before the softmax.
#pragma once
#include <cstddef>
#include <cstdint>

#include "simd.hpp"

namespace attn {
constexpr int kMaxExperimentWork = 1 << 26;  // samples · n · d_k multiply-adds at most

struct ScalingStats {
  double dot_mean = 0, dot_var = 0;        // of raw q·k over all samples and keys
  double scaled_mean = 0, scaled_var = 0;  // of q·k / √d_k
  double raw_max_weight = 0, scaled_max_weight = 0;  // mean of each row's largest softmax weight
  double raw_entropy = 0, scaled_entropy = 0;        // mean row entropy in nats
  double raw_one_hot = 0, scaled_one_hot = 0;        // share of rows whose largest weight > 0.99
  double max_entropy = 0;                            // ln n: the entropy of a uniform row
};

// The fields of ScalingStats by name and byte offset: the JS API reads the struct through this
// table, so C++ alone owns its layout. Every field is a double.
struct StatsField {
  const char* name;
  std::size_t offset;
};
constexpr int kScalingStatsFieldCount = 11;
extern const StatsField kScalingStatsFields[kScalingStatsFieldCount];

// For each of `samples` rows: draw q (d_k) and n keys (n, d_k) with independent standard-normal
// entries from `seed`, score the keys, softmax the row with and without the 1/√d_k factor, and
// average the statistics. Returns false (and leaves `out` untouched) for sizes ≤ 0 or work above
// kMaxExperimentWork.
bool scaling_experiment(int d_k, int samples, int n, std::uint32_t seed, Impl impl, ScalingStats& out);
}  // namespace attn
