// The named activations of one forward pass of the language model, in the order a block computes
// them, for the page's block view (one (n, d_model) matrix per stage and layer): the token and
// position embeddings and their sum, then per layer the norms, attention's output after W_O, the
// two residual sums and the feed-forward output, then the final norm that the output layer reads.
// The order depends on the block arrangement (pre-norm or post-norm, see lm/model.cpp). Reads a
// workspace filled by lm_forward; computes nothing but the two embedding lookups.
#pragma once
#include "lm/config.hpp"
#include "lm/model.hpp"
#include "lm/params.hpp"

namespace attn::lm {
enum LmStage : int {
  kStageToken = 0,     // W_te row of each token
  kStagePosition,      // W_pe row of each position
  kStageEmbedded,      // their sum, the first layer's input
  kStageNorm1,         // LayerNorm 1's output
  kStageAttention,     // multi-head attention's output (after W_O)
  kStageAdd1,          // the first residual sum
  kStageNorm2,         // LayerNorm 2's output
  kStageFeedForward,   // the feed-forward block's output
  kStageAdd2,          // the second residual sum
  kStageFinalNorm,     // the final LayerNorm (pre-norm only): what the output layer reads
  kStageCount
};

// "token", "position", "embedded", "norm1", "attention", "add1", "norm2", "feed_forward",
// "add2", "final_norm"; nullptr outside 0 … kStageCount−1.
const char* lm_stage_name(int stage);
// Whether a stage exists once per layer (norm1 … add2) or once per pass.
bool lm_stage_per_layer(int stage);
// The stages in the order the model computes them, per-layer ones once (the caller repeats them
// for every layer): pre-norm token, position, embedded, norm1, attention, add1, norm2,
// feed_forward, add2, final_norm; post-norm the same without final_norm and with each norm after
// its add. Returns how many were written to order (at most kStageCount).
int lm_stage_order(const LmConfig& c, int* order);
// Rows (n, d_model) row-major of a stage after lm_forward over one sequence of n tokens; layer is
// ignored for once-per-pass stages. The embedding lookups are written to scratch (n, d_model);
// the others point into the workspace. nullptr for a stage or layer that does not exist.
const float* lm_stage_rows(const LmConfig& c, const LmParams& p, const LmWorkspace& w, const int* tokens, int n,
                           int stage, int layer, float* scratch);
}  // namespace attn::lm
