// The classifier's forward pass (embed → [attention + residual] × layers → read-out → CE), its
// backward pass in reverse order, and the Adam step. Memory: layout_parameters points the
// weights, gradients (same layout) into flat buffers; layout_activations sizes the activations
// for the largest batch seen so far.
#include "train/classifier.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "nn/cross_entropy.hpp"
#include "nn/embedding.hpp"
#include "nn/linear.hpp"
#include "nn/residual.hpp"
#include "nn/select_rows.hpp"
#include "nn/tensor_layout.hpp"
#include "positional_encoding.hpp"
#include "rng.hpp"

namespace attn::train {

bool ClassifierConfig::valid() const {
  return layers >= 1 && layers <= kMaxLayers && heads >= 1 && d_model >= 1 && d_model <= 256 && d_model % heads == 0 &&
         vocab >= 1 && classes >= 2 && max_tokens >= 1;
}

namespace {
std::size_t sz(long v) { return static_cast<std::size_t>(v); }
}  // namespace

Classifier::Classifier(const ClassifierConfig& config, Impl impl) : config_(config), impl_(impl) {
  shape_ = nn::AttentionLayerShape{config.d_model, config.heads, config.d_model / config.heads, config.causal, true};
  layout_parameters();
  initialise();
}

// The one owner of the parameter layout; gradients use the same layout float for float.
void Classifier::layout_parameters() {
  const long d = config_.d_model, hk = config_.heads * shape_.d_k;
  auto slots = [&](Weights& w) {
    std::vector<nn::TensorSlot> s = {{&w.wte, sz(config_.vocab * d)}, {&w.wpe, sz(config_.max_tokens * d)}};
    for (int l = 0; l < config_.layers; ++l) {
      s.push_back({&w.layer[l].wq, sz(d * hk)});
      s.push_back({&w.layer[l].wk, sz(d * hk)});
      s.push_back({&w.layer[l].wv, sz(d * hk)});
      s.push_back({&w.layer[l].wo, sz(hk * d)});
    }
    s.push_back({&w.w_out, sz(d * config_.classes)});
    s.push_back({&w.b_out, sz(config_.classes)});
    return s;
  };
  nn::point_tensors(params_, slots(w_));
  nn::point_tensors(grads_, slots(g_));
  adam_m_.assign(params_.size(), 0.f);
  adam_v_.assign(params_.size(), 0.f);
}

std::vector<TensorInfo> Classifier::tensors() const {
  static const char* const kLayerNames[kMaxLayers][4] = {{"layer1.wq", "layer1.wk", "layer1.wv", "layer1.wo"},
                                                         {"layer2.wq", "layer2.wk", "layer2.wv", "layer2.wo"}};
  const int d = config_.d_model, hk = config_.heads * shape_.d_k;
  auto at = [&](const float* p) { return static_cast<int>(p - params_.data()); };
  std::vector<TensorInfo> t = {{"token_embedding", at(w_.wte), config_.vocab, d}, {"positions", at(w_.wpe), config_.max_tokens, d}};
  for (int l = 0; l < config_.layers; ++l) {
    const nn::AttentionLayerParams& p = w_.layer[l];
    t.push_back({kLayerNames[l][0], at(p.wq), d, hk});
    t.push_back({kLayerNames[l][1], at(p.wk), d, hk});
    t.push_back({kLayerNames[l][2], at(p.wv), d, hk});
    t.push_back({kLayerNames[l][3], at(p.wo), hk, d});
  }
  t.push_back({"readout.w", at(w_.w_out), d, config_.classes});
  t.push_back({"readout.b", at(w_.b_out), 1, config_.classes});
  return t;
}

int Classifier::parameter_count() const {
  const int d = config_.d_model, hk = config_.heads * shape_.d_k;
  return config_.vocab * d + (config_.learned_positions ? config_.max_tokens * d : 0) + config_.layers * 4 * d * hk +
         d * config_.classes + config_.classes;
}

// Draws every weight from the seed: embeddings N(0, 1), learned positions N(0, 0.5²), projections
// and the read-out N(0, 1/d_model), biases 0.
void Classifier::initialise() {
  Rng rng(config_.seed * 0x9E3779B97F4A7C15ull + 17);
  const long d = config_.d_model, hk = config_.heads * shape_.d_k;
  auto fill = [&](float* p, long count, double spread) {
    for (long i = 0; i < count; ++i) p[i] = static_cast<float>(rng.normal() * spread);
  };
  fill(w_.wte, config_.vocab * d, 1.0);
  if (config_.learned_positions)
    fill(w_.wpe, config_.max_tokens * d, 0.5);
  else
    positional_encoding(config_.max_tokens, config_.d_model, w_.wpe);
  const double s = 1.0 / std::sqrt(static_cast<double>(d));
  for (int l = 0; l < config_.layers; ++l) {
    fill(w_.layer[l].wq, d * hk, s);
    fill(w_.layer[l].wk, d * hk, s);
    fill(w_.layer[l].wv, d * hk, s);
    fill(w_.layer[l].wo, hk * d, 1.0 / std::sqrt(static_cast<double>(hk)));
  }
  fill(w_.w_out, d * config_.classes, s);
}

// The one owner of the activation layout, sized for the largest batch seen so far.
void Classifier::layout_activations(const Batch& batch) {
  const std::size_t tokens = sz(batch.seq_start.back());
  const std::size_t weights = nn::attention_weights_floats(config_.heads, batch.seq_start.data(), batch.size());
  const std::size_t rows = sz(batch.size());
  const std::size_t scratch = nn::attention_backward_scratch_floats(shape_, batch.seq_start.data(), batch.size());
  if (tokens <= acts_tokens_ && weights <= acts_weights_ && rows <= acts_batch_ && scratch <= acts_scratch_) return;
  acts_tokens_ = std::max(tokens, acts_tokens_);
  acts_weights_ = std::max(weights, acts_weights_);
  acts_batch_ = std::max(rows, acts_batch_);
  acts_scratch_ = std::max(scratch, acts_scratch_);
  const std::size_t d = sz(config_.d_model), hk = sz(config_.heads * shape_.d_k), c = sz(config_.classes);
  const std::size_t nd = acts_tokens_ * d, nh = acts_tokens_ * hk;
  std::vector<nn::TensorSlot> s;
  for (int l = 0; l <= config_.layers; ++l) s.push_back({&x_[l], nd});
  for (int l = 0; l < config_.layers; ++l) {
    s.push_back({&attn_out_[l], nd});
    s.push_back({&cache_[l].q, nh});
    s.push_back({&cache_[l].k, nh});
    s.push_back({&cache_[l].v, nh});
    s.push_back({&cache_[l].att, acts_weights_});
    s.push_back({&cache_[l].concat, nh});
  }
  for (auto* p : {&picked_, &dpicked_}) s.push_back({p, acts_batch_ * d});
  for (auto* p : {&logits_, &probs_, &dlogits_}) s.push_back({p, acts_batch_ * c});
  for (auto* p : {&dx_, &dnext_, &dattn_}) s.push_back({p, nd});
  s.push_back({&scratch_, acts_scratch_});
  nn::point_tensors(acts_, s);
}

float Classifier::forward(const Batch& batch) {
  layout_activations(batch);
  last_ = &batch;
  const int B = batch.size(), d = config_.d_model;
  const long N = batch.seq_start.back();
  readout_rows_.resize(B);
  for (int s = 0; s < B; ++s) readout_rows_[s] = batch.seq_start[s] + batch.readout[s];
  nn::embedding_forward(batch.tokens.data(), batch.seq_start.data(), B, w_.wte, w_.wpe, x_[0], d);
  for (int l = 0; l < config_.layers; ++l) {
    nn::attention_layer_forward(impl_, shape_, w_.layer[l], cache_[l], x_[l], batch.seq_start.data(), B, attn_out_[l]);
    nn::residual_forward(x_[l], attn_out_[l], x_[l + 1], N * d);
  }
  nn::select_rows_forward(x_[config_.layers], readout_rows_.data(), B, picked_, d);
  nn::linear_forward(impl_, picked_, w_.w_out, w_.b_out, logits_, B, d, config_.classes);
  return nn::cross_entropy_forward(logits_, batch.labels.data(), probs_, nullptr, B, config_.classes);
}

void Classifier::backward(const Batch& batch) {
  const int B = batch.size(), d = config_.d_model, C = config_.classes;
  const long N = batch.seq_start.back();
  std::fill(grads_.begin(), grads_.end(), 0.f);
  std::fill(dlogits_, dlogits_ + long(B) * C, 0.f);
  std::fill(dpicked_, dpicked_ + long(B) * d, 0.f);
  std::fill(dx_, dx_ + N * d, 0.f);
  nn::cross_entropy_backward(probs_, batch.labels.data(), dlogits_, B, C);
  nn::linear_backward(impl_, dlogits_, picked_, w_.w_out, dpicked_, g_.w_out, g_.b_out, B, d, C);
  nn::select_rows_backward(dpicked_, readout_rows_.data(), B, dx_, d);
  for (int l = config_.layers - 1; l >= 0; --l) {
    // x_{l+1} = x_l + attn(x_l): the residual passes dx straight down, attention adds its part
    std::fill(dnext_, dnext_ + N * d, 0.f);
    std::fill(dattn_, dattn_ + N * d, 0.f);
    nn::residual_backward(dx_, dnext_, dattn_, N * d);
    nn::attention_layer_backward(impl_, shape_, w_.layer[l], g_.layer[l], cache_[l], x_[l], batch.seq_start.data(), B, dattn_,
                                 dnext_, scratch_);
    std::swap(dx_, dnext_);
  }
  nn::embedding_backward(batch.tokens.data(), batch.seq_start.data(), B, dx_, g_.wte, config_.learned_positions ? g_.wpe : nullptr, d);
}

float Classifier::forward_backward(const Batch& batch) {
  const float loss = forward(batch);
  backward(batch);
  return loss;
}

float Classifier::train_step(const Batch& batch, const nn::AdamSettings& adam) {
  const float loss = forward_backward(batch);
  apply_update(adam);
  return loss;
}

void Classifier::apply_update(const nn::AdamSettings& adam) {
  nn::adam_step(params_.data(), grads_.data(), adam_m_.data(), adam_v_.data(), static_cast<long>(params_.size()), ++step_, adam);
}

const float* Classifier::attention_weights(int layer, int s, int head) const {
  const int n = last_->seq_start[s + 1] - last_->seq_start[s];
  return cache_[layer].att + nn::attention_weights_offset(config_.heads, last_->seq_start.data(), s) + std::size_t(head) * n * n;
}

}  // namespace attn::train
