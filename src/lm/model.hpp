// The small causal language model's forward and backward passes over a packed batch of
// sentences (sequence s = tokens seq_start[s] … seq_start[s+1]−1, each at most `context` long):
// token + position embedding → `layers` blocks of [masked multi-head self-attention, add & norm,
// feed-forward (GELU), add & norm] → logits over the vocabulary through the token embedding
// (tied output layer) → softmax and next-token cross-entropy. Built from src/nn layers. Keeps
// every intermediate so the page can show it; no threads here (the trainer splits batches).
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "lm/config.hpp"
#include "lm/params.hpp"
#include "nn/attention_layer.hpp"
#include "simd.hpp"

namespace attn::lm {
// Every activation of one layer for a batch of up to max_tokens tokens (N rows below).
struct LmLayerActivations {
  float* in;         // (N, d) the layer's input x
  float* q;          // (N, d) attention cache …
  float* k;
  float* v;
  float* att;        // heads · Σ n_s² softmax weights (see nn/attention_layer.hpp)
  float* concat;     // (N, d)
  float* attn_out;   // (N, d) attention's output (after W_O)
  float* r1;         // (N, d) x + attention (the first residual sum)
  float* n1;         // (N, d) norm 1's output
  float* mean1;      // (N)
  float* rstd1;      // (N)
  float* pre;        // (N, d_ff) x·W1 + b1
  float* act;        // (N, d_ff) GELU of it
  float* ffn_out;    // (N, d)
  float* r2;         // (N, d) the second residual sum
  float* n2;         // (N, d) norm 2's output
  float* mean2;      // (N)
  float* rstd2;      // (N)
  float* out;        // the layer's output: n2 (post-norm) or r2 (pre-norm); not separate memory
};

struct LmWorkspace {
  int max_tokens = 0;
  std::vector<float> memory;
  std::vector<LmLayerActivations> layer;
  float* embedded;   // (N, d) token + position embedding
  float* final_in;   // (N, d) what the output layer reads: last layer's out, or the final norm's
  float* meanf;      // (N) final norm (pre-norm only)
  float* rstdf;
  float* logits;     // (N, vocab)
  float* probs;      // (N, vocab)
  float* losses;     // (N)
  // backward scratch
  float* grad_a;     // (N, d)
  float* grad_b;     // (N, d)
  float* grad_c;     // (N, d)
  float* grad_ff;    // (N, d_ff)
  float* attn_scratch;
  // Training only: dropout masks, (layers, 2, N, d) floats for a batch of N tokens, each 0 or
  // 1/(1−p), that multiply every block's attention output (sublayer 0) and feed-forward output
  // (sublayer 1) before the residual add. nullptr (the default, and always at inference): none.
  const float* dropout_masks = nullptr;
};

// Floats of a workspace for batches of at most max_tokens tokens (64-bit: a huge config must be
// measurable before anything is allocated).
std::uint64_t lm_workspace_floats(const LmConfig& c, int max_tokens);
// Bytes one loaded model needs to run in the lesson: its float32 parameters and a workspace for
// one sentence of `context` tokens.
std::uint64_t lm_memory_bytes(const LmConfig& c);
// After lm_forward over one sentence of n tokens: whether every logit (n, vocab) is finite and
// every attention row sums to 1. Weights too large for float32 overflow: to ∞ and then NaN, or a
// score to −∞, which leaves a row of zeros.
bool lm_outputs_valid(const LmConfig& c, const LmWorkspace& w, int n);

// Sizes and points a workspace for batches of at most max_tokens tokens.
void lm_workspace_init(const LmConfig& c, int max_tokens, LmWorkspace& w);

// tokens: (N) ids; seq_start: (batch+1); targets: (N) next-token ids or nullptr (no loss).
// Fills the workspace; returns the mean cross-entropy over the N rows (0 without targets).
float lm_forward(Impl impl, const LmConfig& c, const LmParams& p, LmWorkspace& w, const int* tokens,
                 const int* seq_start, int batch, const int* targets);
// After lm_forward with targets: accumulates the gradient of that mean loss into g (a second
// LmParams over gradient memory with the same layout).
void lm_backward(Impl impl, const LmConfig& c, const LmParams& p, const LmParams& g, LmWorkspace& w,
                 const int* tokens, const int* seq_start, int batch, const int* targets);
}  // namespace attn::lm
