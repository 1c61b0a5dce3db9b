// Forward and backward of multi-head self-attention, pass by pass. Per sequence and head:
//   forward  1. scores S = Q_h·K_hᵀ · scale   2. causal mask (−∞ above the diagonal)
//            3. A = row softmax(S)            4. O_h = A·V_h, written into concat's head columns
//   backward 4. dA = dO_h·V_hᵀ, dV_h = Aᵀ·dO_h
//            3. dS = A ∘ (dA − rowsum(A ∘ dA)) · scale (the softmax's Jacobian; hidden entries
//               have A = 0 and so get no gradient, which is the mask's backward pass)
//            1. dQ_h = dS·K_h, dK_h = dSᵀ·Q_h
// around them the projections Q = x·W_Q, K = x·W_K, V = x·W_V and out = concat·W_O.
#include "nn/attention_layer.hpp"

#include <cmath>
#include <limits>

#include "nn/linear.hpp"
#include "nn/matmul.hpp"
#include "nn/softmax_backward.hpp"
#include "softmax.hpp"

namespace attn::nn {

std::size_t attention_weights_offset(int heads, const int* seq_start, int s) {
  std::size_t total = 0;
  for (int r = 0; r < s; ++r) {
    const std::size_t n = static_cast<std::size_t>(seq_start[r + 1] - seq_start[r]);
    total += n * n;
  }
  return total * static_cast<std::size_t>(heads);
}

std::size_t attention_weights_floats(int heads, const int* seq_start, int batch) {
  return attention_weights_offset(heads, seq_start, batch);
}

std::size_t attention_backward_scratch_floats(const AttentionLayerShape& shape, const int* seq_start, int batch) {
  std::size_t max_n = 0;
  for (int s = 0; s < batch; ++s) {
    const std::size_t n = static_cast<std::size_t>(seq_start[s + 1] - seq_start[s]);
    max_n = n > max_n ? n : max_n;
  }
  const std::size_t rows = static_cast<std::size_t>(seq_start[batch]);
  return 4 * rows * static_cast<std::size_t>(shape.heads * shape.d_k) + max_n * max_n;
}

namespace {
float scale_of(const AttentionLayerShape& shape) { return shape.scale ? 1.f / std::sqrt(static_cast<float>(shape.d_k)) : 1.f; }
}  // namespace

void attention_layer_forward(Impl impl, const AttentionLayerShape& shape, const AttentionLayerParams& p, const AttentionLayerCache& cache,
                             const float* x, const int* seq_start, int batch, float* out) {
  const int N = seq_start[batch], D = shape.d_model, dk = shape.d_k, hk = shape.heads * dk;
  const float scale = scale_of(shape);
  // projections for every token of the batch at once
  linear_forward(impl, x, p.wq, nullptr, cache.q, N, D, hk);
  linear_forward(impl, x, p.wk, nullptr, cache.k, N, D, hk);
  linear_forward(impl, x, p.wv, nullptr, cache.v, N, D, hk);
  float* att = cache.att;
  for (int s = 0; s < batch; ++s) {
    const int t0 = seq_start[s], n = seq_start[s + 1] - t0;
    for (int h = 0; h < shape.heads; ++h, att += static_cast<long>(n) * n) {
      const long col = static_cast<long>(t0) * hk + h * dk;
      // 1. scores, 2. scale and mask
      matmul_nt(impl, cache.q + col, hk, cache.k + col, hk, att, n, n, dk, n, false);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
          float& a = att[static_cast<long>(i) * n + j];
          a = (shape.causal && j > i) ? -std::numeric_limits<float>::infinity() : a * scale;
        }
      // 3. row softmax (a row with every key hidden cannot occur: key i is always visible)
      softmax_rows(impl, att, att, n, n);
      // 4. weighted sum of the values into this head's columns of concat
      matmul_nn(impl, att, n, cache.v + col, hk, cache.concat + col, hk, n, n, dk, false);
    }
  }
  linear_forward(impl, cache.concat, p.wo, nullptr, out, N, hk, D);
}

void attention_layer_backward(Impl impl, const AttentionLayerShape& shape, const AttentionLayerParams& p, const AttentionLayerParams& g,
                              const AttentionLayerCache& cache, const float* x, const int* seq_start, int batch,
                              const float* dout, float* dx, float* scratch) {
  const int N = seq_start[batch], D = shape.d_model, dk = shape.d_k, hk = shape.heads * dk;
  const float scale = scale_of(shape);
  const long block = static_cast<long>(N) * hk;
  float* dconcat = scratch;
  float* dq = scratch + block;
  float* dk_ = scratch + 2 * block;
  float* dv = scratch + 3 * block;
  float* datt = scratch + 4 * block;
  for (long i = 0; i < 4 * block; ++i) scratch[i] = 0.f;
  // out = concat · W_O
  linear_backward(impl, dout, cache.concat, p.wo, dconcat, g.wo, nullptr, N, hk, D);
  const float* att = cache.att;
  for (int s = 0; s < batch; ++s) {
    const int t0 = seq_start[s], n = seq_start[s + 1] - t0;
    for (int h = 0; h < shape.heads; ++h, att += static_cast<long>(n) * n) {
      const long col = static_cast<long>(t0) * hk + h * dk;
      // 4. through the weighted sum: dA = dO·Vᵀ, dV += Aᵀ·dO
      matmul_nt(impl, dconcat + col, hk, cache.v + col, hk, datt, n, n, dk, n, false);
      matmul_tn(impl, att, n, dconcat + col, hk, dv + col, hk, n, n, dk, true);
      // 3. through the softmax (and the mask and the scale): dS = A ∘ (dA − Σ_j A∘dA) · scale
      softmax_rows_backward(att, datt, datt, n, n, scale);
      // 1. through the scores: dQ += dS·K, dK += dSᵀ·Q
      matmul_nn(impl, datt, n, cache.k + col, hk, dq + col, hk, n, n, dk, true);
      matmul_tn(impl, datt, n, cache.q + col, hk, dk_ + col, hk, n, n, dk, true);
    }
  }
  // the projections: Q = x·W_Q and so on; each adds its share to dx
  linear_backward(impl, dq, x, p.wq, dx, g.wq, nullptr, N, D, hk);
  linear_backward(impl, dk_, x, p.wk, dx, g.wk, nullptr, N, D, hk);
  linear_backward(impl, dv, x, p.wv, dx, g.wv, nullptr, N, D, hk);
}

}  // namespace attn::nn
