// Multi-head self-attention as a trainable layer: Q/K/V projections, scores Q·Kᵀ, ÷√d_k, an
// optional causal mask, row softmax, weighted sum of V, heads side by side (concat) and W_O.
// The forward pass keeps what the backward pass needs in an AttentionLayerCache. The residual
// connection around it is separate (nn/residual.hpp). Batches are packed sequences of any
// lengths: sequence s holds rows seq_start[s] … seq_start[s+1] − 1 of x, and attention never
// crosses from one sequence to another.
#pragma once
#include <cstddef>

#include "simd.hpp"

namespace attn::nn {

struct AttentionLayerShape {
  int d_model = 0;
  int heads = 1;
  int d_k = 0;          // per head; queries, keys and values all have d_k columns per head
  bool causal = false;  // query i sees keys 0 … i only
  bool scale = true;    // divide the scores by √d_k
};

// The layer's parameters (or, with the same shapes, their gradients). Head h owns columns
// h·d_k … (h+1)·d_k − 1 of wq, wk, wv and rows h·d_k … (h+1)·d_k − 1 of wo.
struct AttentionLayerParams {
  float* wq;  // (d_model, heads·d_k)
  float* wk;  // (d_model, heads·d_k)
  float* wv;  // (d_model, heads·d_k)
  float* wo;  // (heads·d_k, d_model)
};

// Activations the forward pass writes and the backward pass reads. N = seq_start[batch].
struct AttentionLayerCache {
  float* q;       // (N, heads·d_k)
  float* k;       // (N, heads·d_k)
  float* v;       // (N, heads·d_k)
  float* att;     // the softmax weights: for sequence s (n_s tokens), heads blocks of (n_s, n_s)
                  // at float offset attention_weights_offset(s); hidden entries are exactly 0
  float* concat;  // (N, heads·d_k), the heads' outputs side by side
};

// Floats of `att` for a batch: heads · Σ n_s².
std::size_t attention_weights_floats(int heads, const int* seq_start, int batch);
// Where sequence s's weights start inside `att`: heads · Σ_{r<s} n_r². Head h's (n_s, n_s) block
// follows at + h·n_s².
std::size_t attention_weights_offset(int heads, const int* seq_start, int s);
// Floats of scratch the backward pass needs: 4 · N · heads·d_k + max n_s².
std::size_t attention_backward_scratch_floats(const AttentionLayerShape& shape, const int* seq_start, int batch);

// x: (N, d_model); out: (N, d_model) = concat · W_O, overwritten. Fills every cache buffer.
void attention_layer_forward(Impl impl, const AttentionLayerShape& shape, const AttentionLayerParams& p, const AttentionLayerCache& cache,
                             const float* x, const int* seq_start, int batch, float* out);

// dout: (N, d_model), the gradient of the loss with respect to `out`. Accumulates the parameter
// gradients into g (same shapes as p) and dx (N, d_model) += ∂loss/∂x (skipped when nullptr).
// scratch: attention_backward_scratch_floats(...) floats, contents not kept.
void attention_layer_backward(Impl impl, const AttentionLayerShape& shape, const AttentionLayerParams& p, const AttentionLayerParams& g,
                              const AttentionLayerCache& cache, const float* x, const int* seq_start, int batch,
                              const float* dout, float* dx, float* scratch);

}  // namespace attn::nn
