// The tiny transformer-style classifier the training scenes watch: token embeddings plus
// positions (learned or sinusoidal), 1–2 attention layers of 1, 2 or 4 heads (W_O and a residual
// connection each), a linear read-out of one position, softmax cross-entropy, backpropagation
// and Adam. Deterministic for a seed on a given build. It owns its parameter, gradient, moment
// and activation memory (layout_parameters / layout_activations). Not the task data: tasks.hpp.
#pragma once
#include <cstdint>
#include <vector>

#include "nn/adam.hpp"
#include "nn/attention_layer.hpp"
#include "simd.hpp"

namespace attn::train {

constexpr int kMaxLayers = 2;

struct ClassifierConfig {
  int vocab = 0;
  int classes = 2;
  int max_tokens = 16;
  int d_model = 32;
  int layers = 1;  // 1 or 2
  int heads = 1;   // divides d_model
  bool causal = false;
  bool learned_positions = true;  // false: fixed sinusoidal positions
  std::uint64_t seed = 1;
  bool valid() const;  // the constructor requires a valid configuration
};

// A packed batch: sequence s is tokens[seq_start[s] … seq_start[s+1] − 1], read out at row
// readout[s] (0-based inside the sequence), with class labels[s].
// One named tensor inside parameters(): `floats` floats from `offset`, row-major (rows, cols).
struct TensorInfo {
  const char* name;  // "token_embedding", "positions", "layer1.wq" … "layer2.wo", "readout.w", "readout.b"
  int offset, rows, cols;
};

struct Batch {
  std::vector<int> tokens, seq_start{0}, readout, labels;
  int size() const { return static_cast<int>(seq_start.size()) - 1; }
};

class Classifier {
 public:
  Classifier(const ClassifierConfig& config, Impl impl);  // config.valid() must hold
  const ClassifierConfig& config() const { return config_; }

  // Forward pass over the batch; returns the mean cross-entropy (labels must be valid).
  float forward(const Batch& batch);
  // Forward and backward: fills gradients() (same layout as parameters()); returns the loss.
  float forward_backward(const Batch& batch);
  // Forward, backward and one Adam step; returns the loss before the step.
  float train_step(const Batch& batch, const nn::AdamSettings& adam);
  // One Adam step from the gradients of the last forward_backward().
  void apply_update(const nn::AdamSettings& adam);
  const std::vector<float>& gradients() const { return grads_; }

  // After forward(): class probabilities (batch, classes) and the attention weights of sequence
  // s, layer l, head h: (n_s, n_s) row-major.
  const float* probabilities() const { return probs_; }
  const float* attention_weights(int layer, int s, int head) const;

  // All parameters as one flat buffer (for saving, loading and comparing bit for bit).
  std::vector<float>& parameters() { return params_; }
  const std::vector<float>& parameters() const { return params_; }
  int parameter_count() const;  // the model's own floats, without layout padding
  // Where each tensor lives in parameters() (the layout layout_parameters made), in layout order;
  // the positions are the sinusoidal table when positions are not learned.
  std::vector<TensorInfo> tensors() const;
  int steps_taken() const { return step_; }

 private:
  struct Weights {
    float* wte;  // (vocab, d_model)
    float* wpe;  // (max_tokens, d_model): learned, or the sinusoidal table
    nn::AttentionLayerParams layer[kMaxLayers];
    float* w_out;  // (d_model, classes)
    float* b_out;  // (classes)
  };
  void layout_parameters();
  void layout_activations(const Batch& batch);
  void initialise();
  void backward(const Batch& batch);

  ClassifierConfig config_;
  Impl impl_;
  nn::AttentionLayerShape shape_;
  std::vector<float> params_, grads_, adam_m_, adam_v_, acts_;
  Weights w_{}, g_{};
  int step_ = 0;
  // activations for the current batch (pointers into acts_)
  std::vector<int> readout_rows_;
  float* x_[kMaxLayers + 1] = {};  // residual stream: x_[0] embeddings, x_[l+1] = x_[l] + attn(x_[l])
  float* attn_out_[kMaxLayers] = {};
  nn::AttentionLayerCache cache_[kMaxLayers] = {};
  float *picked_ = nullptr, *logits_ = nullptr, *probs_ = nullptr;
  float *dx_ = nullptr, *dnext_ = nullptr, *dattn_ = nullptr, *dpicked_ = nullptr, *dlogits_ = nullptr, *scratch_ = nullptr;
  std::size_t acts_tokens_ = 0, acts_weights_ = 0, acts_batch_ = 0, acts_scratch_ = 0;
  const Batch* last_ = nullptr;
};

}  // namespace attn::train
