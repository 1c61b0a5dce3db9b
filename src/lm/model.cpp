// Forward and backward of the causal language model, block by block.
//   post-norm block: r1 = x + Attn(x);  n1 = LN1(r1);  r2 = n1 + FFN(n1);  out = LN2(r2)
//   pre-norm block:  n1 = LN1(x);  r1 = x + Attn(n1);  n2 = LN2(r1);  out = r1 + FFN(n2)
// and logits = (last out, through a final LN when pre-norm) · W_teᵀ. When training with dropout,
// Attn(·) and FFN(·) are multiplied by a mask of 0 and 1/(1−p) before the add
// (LmWorkspace::dropout_masks), and the backward pass lets gradient through the kept units only.
#include "lm/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nn/cross_entropy.hpp"
#include "nn/embedding.hpp"
#include "nn/feed_forward.hpp"
#include "nn/layernorm.hpp"
#include "nn/residual.hpp"
#include "lm/output_layer.hpp"

namespace attn::lm {
namespace {
nn::AttentionLayerShape attention_shape(const LmConfig& c) {
  nn::AttentionLayerShape s;
  s.d_model = c.d_model;
  s.heads = c.heads;
  s.d_k = lm_d_k(c);
  s.causal = true;
  s.scale = true;
  return s;
}
nn::AttentionLayerParams attention_params(const LmLayer& l) { return {l.wq, l.wk, l.wv, l.wo}; }
nn::AttentionLayerCache attention_cache(const LmLayerActivations& a) { return {a.q, a.k, a.v, a.att, a.concat}; }
nn::FeedForwardWeights ffn_weights(const LmLayer& l) { return {l.w1, l.b1, l.w2, l.b2}; }
nn::FeedForwardGrads ffn_grads(const LmLayer& l) { return {l.w1, l.b1, l.w2, l.b2}; }
void zero(float* x, long count) { std::fill(x, x + count, 0.f); }
void copy(const float* from, float* to, long count) { std::memcpy(to, from, sizeof(float) * count); }
// x ← x ∘ mask when training with dropout (mask: (n, d), see LmWorkspace::dropout_masks)
void apply_mask(float* x, const float* mask, long count) {
  if (mask)
    for (long i = 0; i < count; ++i) x[i] *= mask[i];
}
// the mask of layer l's sublayer (0 attention, 1 feed-forward) for a batch of n tokens, or nullptr
const float* mask_of(const LmWorkspace& w, int l, int sublayer, long nd) {
  return w.dropout_masks ? w.dropout_masks + (2L * l + sublayer) * nd : nullptr;
}
}  // namespace

// The workspace's floats, in 64-bit arithmetic (a large config overflows a 32-bit size_t).
std::uint64_t lm_workspace_floats(const LmConfig& c, int max_tokens) {
  const std::uint64_t n = max_tokens, d = c.d_model, f = c.d_ff, v = c.vocab;
  const std::uint64_t att = static_cast<std::uint64_t>(c.heads) * n * c.context;  // Σ n_s² ≤ N·context
  const std::uint64_t attn_scratch = 4 * n * d + static_cast<std::uint64_t>(c.context) * c.context;
  const std::uint64_t per_layer = 11 * n * d + 4 * n + 2 * n * f + att;
  return c.layers * per_layer + 2 * n * d + 3 * n + 2 * n * v + 3 * n * d + n * f + attn_scratch;
}

std::uint64_t lm_memory_bytes(const LmConfig& c) {
  return 4 * (static_cast<std::uint64_t>(lm_param_floats(c)) + lm_workspace_floats(c, c.context));
}

bool lm_outputs_valid(const LmConfig& c, const LmWorkspace& w, int n) {
  for (std::size_t i = 0; i < static_cast<std::size_t>(n) * c.vocab; ++i)
    if (!std::isfinite(w.logits[i])) return false;
  // heads blocks of (n, n): every causal row must sum to 1; a row of zeros means its scores
  // overflowed to −∞ and the softmax treated every key as hidden
  for (const LmLayerActivations& a : w.layer)
    for (std::size_t row = 0; row < static_cast<std::size_t>(c.heads) * n; ++row) {
      double sum = 0;
      for (int j = 0; j < n; ++j) {
        const float x = a.att[row * n + j];
        if (!std::isfinite(x)) return false;
        sum += x;
      }
      if (std::fabs(sum - 1.0) > 1e-3) return false;
    }
  return true;
}

void lm_workspace_init(const LmConfig& c, int max_tokens, LmWorkspace& w) {
  const std::size_t n = max_tokens, d = c.d_model, f = c.d_ff, v = c.vocab;
  const std::size_t att = static_cast<std::size_t>(c.heads) * n * c.context;
  const std::size_t attn_scratch = 4 * n * d + static_cast<std::size_t>(c.context) * c.context;
  w.max_tokens = max_tokens;
  w.memory.assign(static_cast<std::size_t>(lm_workspace_floats(c, max_tokens)), 0.f);
  float* at = w.memory.data();
  auto take = [&at](std::size_t floats) { float* p = at; at += floats; return p; };
  w.layer.assign(c.layers, LmLayerActivations{});
  for (LmLayerActivations& a : w.layer) {
    a.in = take(n * d);
    a.q = take(n * d);
    a.k = take(n * d);
    a.v = take(n * d);
    a.att = take(att);
    a.concat = take(n * d);
    a.attn_out = take(n * d);
    a.r1 = take(n * d);
    a.n1 = take(n * d);
    a.mean1 = take(n);
    a.rstd1 = take(n);
    a.pre = take(n * f);
    a.act = take(n * f);
    a.ffn_out = take(n * d);
    a.r2 = take(n * d);
    a.n2 = take(n * d);
    a.mean2 = take(n);
    a.rstd2 = take(n);
    a.out = c.pre_norm ? a.r2 : a.n2;
  }
  w.embedded = take(n * d);
  w.final_in = take(n * d);
  w.meanf = take(n);
  w.rstdf = take(n);
  w.losses = take(n);
  w.logits = take(n * v);
  w.probs = take(n * v);
  w.grad_a = take(n * d);
  w.grad_b = take(n * d);
  w.grad_c = take(n * d);
  w.grad_ff = take(n * f);
  w.attn_scratch = take(attn_scratch);
}

float lm_forward(Impl impl, const LmConfig& c, const LmParams& p, LmWorkspace& w, const int* tokens,
                 const int* seq_start, int batch, const int* targets) {
  const int n = seq_start[batch];
  const int d = c.d_model;
  const long nd = static_cast<long>(n) * d;
  const nn::AttentionLayerShape shape = attention_shape(c);
  // embedding + position
  nn::embedding_forward(tokens, seq_start, batch, p.wte, p.wpe, w.embedded, d);
  const float* x = w.embedded;
  for (int l = 0; l < c.layers; ++l) {
    const LmLayer& P = p.layer[l];
    LmLayerActivations& a = w.layer[l];
    copy(x, a.in, nd);
    if (!c.pre_norm) {
      nn::attention_layer_forward(impl, shape, attention_params(P), attention_cache(a), a.in, seq_start, batch, a.attn_out);
      apply_mask(a.attn_out, mask_of(w, l, 0, nd), nd);
      nn::residual_forward(a.in, a.attn_out, a.r1, nd);                                   // add
      nn::layernorm_forward(a.r1, P.ln1_g, P.ln1_b, a.n1, a.mean1, a.rstd1, n, d);        // & norm
      nn::feed_forward_forward(impl, a.n1, ffn_weights(P), a.pre, a.act, a.ffn_out, n, d, c.d_ff);
      apply_mask(a.ffn_out, mask_of(w, l, 1, nd), nd);
      nn::residual_forward(a.n1, a.ffn_out, a.r2, nd);                                    // add
      nn::layernorm_forward(a.r2, P.ln2_g, P.ln2_b, a.n2, a.mean2, a.rstd2, n, d);        // & norm
    } else {
      nn::layernorm_forward(a.in, P.ln1_g, P.ln1_b, a.n1, a.mean1, a.rstd1, n, d);
      nn::attention_layer_forward(impl, shape, attention_params(P), attention_cache(a), a.n1, seq_start, batch, a.attn_out);
      apply_mask(a.attn_out, mask_of(w, l, 0, nd), nd);
      nn::residual_forward(a.in, a.attn_out, a.r1, nd);
      nn::layernorm_forward(a.r1, P.ln2_g, P.ln2_b, a.n2, a.mean2, a.rstd2, n, d);
      nn::feed_forward_forward(impl, a.n2, ffn_weights(P), a.pre, a.act, a.ffn_out, n, d, c.d_ff);
      apply_mask(a.ffn_out, mask_of(w, l, 1, nd), nd);
      nn::residual_forward(a.r1, a.ffn_out, a.r2, nd);
    }
    x = a.out;
  }
  if (c.pre_norm) nn::layernorm_forward(x, p.lnf_g, p.lnf_b, w.final_in, w.meanf, w.rstdf, n, d);
  else copy(x, w.final_in, nd);
  // output layer tied to the embedding: logits = final_in · W_teᵀ, (n, vocab)
  output_layer_forward(w.final_in, p.wte, w.logits, n, d, c.vocab);
  if (!targets) return 0.f;
  return nn::cross_entropy_forward(w.logits, targets, w.probs, w.losses, n, c.vocab);
}

void lm_backward(Impl impl, const LmConfig& c, const LmParams& p, const LmParams& g, LmWorkspace& w,
                 const int* tokens, const int* seq_start, int batch, const int* targets) {
  const int n = seq_start[batch];
  const int d = c.d_model;
  const long nd = static_cast<long>(n) * d;
  const nn::AttentionLayerShape shape = attention_shape(c);
  // softmax + cross-entropy, then the tied output layer: dfinal = dlogits · W_te, dW_te += dlogitsᵀ · final_in
  float* dlogits = w.logits;  // the logits are not needed any more: reuse their memory
  zero(dlogits, static_cast<long>(n) * c.vocab);
  nn::cross_entropy_backward(w.probs, targets, dlogits, n, c.vocab);
  // dx: gradient with respect to the current activation (N, d); t1, t2: two more (N, d) buffers
  float* dx = w.grad_a;
  float* t1 = w.grad_b;
  float* t2 = w.grad_c;
  output_layer_backward(dlogits, w.final_in, p.wte, dx, g.wte, n, d, c.vocab);
  if (c.pre_norm) {
    zero(t1, nd);
    nn::layernorm_backward(dx, w.layer[c.layers - 1].out, p.lnf_g, w.meanf, w.rstdf, t1, g.lnf_g, g.lnf_b, n, d);
    std::swap(dx, t1);
  }
  for (int l = c.layers - 1; l >= 0; --l) {
    const LmLayer& P = p.layer[l];
    const LmLayer& G = g.layer[l];
    LmLayerActivations& a = w.layer[l];
    if (!c.pre_norm) {
      // out = LN2(r2): dr2 → t1
      zero(t1, nd);
      nn::layernorm_backward(dx, a.r2, P.ln2_g, a.mean2, a.rstd2, t1, G.ln2_g, G.ln2_b, n, d);
      // r2 = n1 + FFN(n1): dn1 = dr2 + FFN'(dr2) → t1 (accumulated in place)
      copy(t1, t2, nd);
      apply_mask(t2, mask_of(w, l, 1, nd), nd);  // through the dropout: only kept units pass gradient
      nn::feed_forward_backward(impl, t2, a.n1, ffn_weights(P), a.pre, a.act, w.grad_ff, t1, ffn_grads(G), n, d, c.d_ff);
      // n1 = LN1(r1): dr1 → dx
      zero(dx, nd);
      nn::layernorm_backward(t1, a.r1, P.ln1_g, a.mean1, a.rstd1, dx, G.ln1_g, G.ln1_b, n, d);
      // r1 = x + Attn(x): dx = dr1 + Attn'(dr1)
      copy(dx, t2, nd);
      apply_mask(t2, mask_of(w, l, 0, nd), nd);
      nn::attention_layer_backward(impl, shape, attention_params(P), attention_params(G), attention_cache(a), a.in,
                                   seq_start, batch, t2, dx, w.attn_scratch);
    } else {
      // out = r1 + FFN(n2), n2 = LN2(r1): dr1 = dout + LN2'(FFN'(dout)) → t1
      copy(dx, t1, nd);
      zero(t2, nd);
      apply_mask(dx, mask_of(w, l, 1, nd), nd);  // dx's own value now lives on in t1
      nn::feed_forward_backward(impl, dx, a.n2, ffn_weights(P), a.pre, a.act, w.grad_ff, t2, ffn_grads(G), n, d, c.d_ff);
      nn::layernorm_backward(t2, a.r1, P.ln2_g, a.mean2, a.rstd2, t1, G.ln2_g, G.ln2_b, n, d);
      // r1 = x + Attn(n1), n1 = LN1(x): dx = dr1 + LN1'(Attn'(dr1))
      copy(t1, dx, nd);
      zero(t2, nd);
      apply_mask(t1, mask_of(w, l, 0, nd), nd);
      nn::attention_layer_backward(impl, shape, attention_params(P), attention_params(G), attention_cache(a), a.n1,
                                   seq_start, batch, t1, t2, w.attn_scratch);
      nn::layernorm_backward(t2, a.in, P.ln1_g, a.mean1, a.rstd1, dx, G.ln1_g, G.ln1_b, n, d);
    }
  }
  nn::embedding_backward(tokens, seq_start, batch, dx, g.wte, g.wpe, d);
}
}  // namespace attn::lm
