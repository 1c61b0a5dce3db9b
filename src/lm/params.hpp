// The one owner of the language model's parameter layout (llm.c's malloc_and_point_parameters):
// which tensors exist, their shapes, their order in memory and in the weights file, and whether
// the file stores them as int8 rows (matrices) or float32 (biases, LayerNorm gains). Parameters,
// gradients and Adam's moments use the same layout, float for float.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "lm/config.hpp"

namespace attn::lm {
struct LmLayer {
  float* wq;     // (d_model, d_model): heads side by side, head h = columns h·d_k … (h+1)·d_k−1
  float* wk;     // (d_model, d_model)
  float* wv;     // (d_model, d_model)
  float* wo;     // (d_model, d_model)
  float* ln1_g;  // (d_model) the norm after attention (post-norm) or before it (pre-norm)
  float* ln1_b;  // (d_model)
  float* w1;     // (d_model, d_ff)
  float* b1;     // (d_ff)
  float* w2;     // (d_ff, d_model)
  float* b2;     // (d_model)
  float* ln2_g;  // (d_model) the norm after (post-norm) or before (pre-norm) the feed-forward
  float* ln2_b;  // (d_model)
};

struct LmParams {
  float* wte = nullptr;  // (vocab, d_model) token embeddings, also the output layer (tied)
  float* wpe = nullptr;  // (context, d_model) learned position embeddings
  std::vector<LmLayer> layer;
  float* lnf_g = nullptr;  // (d_model) final norm, pre-norm models only (else nullptr)
  float* lnf_b = nullptr;
};

struct LmTensor {
  std::string name;  // e.g. "layer 1 attention W_Q"
  int rows;
  int cols;          // a vector is 1 × n
  bool quantised;    // stored as int8 per row with a float16 scale; else float32
  float* data;       // inside the memory given to point_lm_params
};

// The tensors of a config in file order, without data (data = nullptr): for checking a file's
// layout before any memory is allocated.
std::vector<LmTensor> lm_tensor_shapes(const LmConfig& c);
// Floats the parameters need (each tensor starts on a 4-float boundary).
std::size_t lm_param_floats(const LmConfig& c);
// Resizes memory (zero-filled) and points p into it. Returns every tensor in file order.
std::vector<LmTensor> point_lm_params(const LmConfig& c, std::vector<float>& memory, LmParams& p);
// The same list over memory already laid out by point_lm_params (no resize).
std::vector<LmTensor> lm_tensors(const LmConfig& c, float* memory, LmParams& p);
}  // namespace attn::lm
