// The named activations of a forward pass (see stages.hpp).
#include "lm/stages.hpp"

#include <cstring>

namespace attn::lm {
namespace {
const char* const kNames[kStageCount] = {"token", "position", "embedded", "norm1", "attention",
                                         "add1", "norm2", "feed_forward", "add2", "final_norm"};
}  // namespace

const char* lm_stage_name(int stage) { return stage >= 0 && stage < kStageCount ? kNames[stage] : nullptr; }

bool lm_stage_per_layer(int stage) { return stage >= kStageNorm1 && stage <= kStageAdd2; }

int lm_stage_order(const LmConfig& c, int* order) {
  static const int kPre[] = {kStageToken, kStagePosition, kStageEmbedded, kStageNorm1, kStageAttention,
                             kStageAdd1, kStageNorm2, kStageFeedForward, kStageAdd2, kStageFinalNorm};
  static const int kPost[] = {kStageToken, kStagePosition, kStageEmbedded, kStageAttention, kStageAdd1,
                              kStageNorm1, kStageFeedForward, kStageAdd2, kStageNorm2};
  const int* from = c.pre_norm ? kPre : kPost;
  const int count = c.pre_norm ? 10 : 9;
  std::memcpy(order, from, sizeof(int) * count);
  return count;
}

const float* lm_stage_rows(const LmConfig& c, const LmParams& p, const LmWorkspace& w, const int* tokens, int n,
                           int stage, int layer, float* scratch) {
  const int d = c.d_model;
  if (n < 1 || n > w.max_tokens) return nullptr;
  if (lm_stage_per_layer(stage) && (layer < 0 || layer >= c.layers)) return nullptr;
  switch (stage) {
    case kStageToken:  // scratch (n, d) = W_te[tokens[i]]
      for (int i = 0; i < n; ++i) std::memcpy(scratch + static_cast<long>(i) * d, p.wte + static_cast<long>(tokens[i]) * d, sizeof(float) * d);
      return scratch;
    case kStagePosition:  // scratch (n, d) = W_pe[i]
      std::memcpy(scratch, p.wpe, sizeof(float) * static_cast<long>(n) * d);
      return scratch;
    case kStageEmbedded: return w.embedded;
    case kStageNorm1: return w.layer[layer].n1;
    case kStageAttention: return w.layer[layer].attn_out;
    case kStageAdd1: return w.layer[layer].r1;
    case kStageNorm2: return w.layer[layer].n2;
    case kStageFeedForward: return w.layer[layer].ffn_out;
    case kStageAdd2: return w.layer[layer].r2;
    case kStageFinalNorm: return c.pre_norm ? w.final_in : nullptr;
    default: return nullptr;
  }
}
}  // namespace attn::lm
