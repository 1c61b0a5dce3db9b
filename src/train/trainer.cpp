// Training steps, held-out evaluation and single-sentence inference for one task.
#include "train/trainer.hpp"

#include <cmath>
#include <limits>

namespace attn::train {

namespace {
ClassifierConfig config_for(const TrainerSettings& s, const Task& task) {
  ClassifierConfig c;
  c.vocab = static_cast<int>(task.vocabulary().size());
  c.classes = task.classes();
  c.max_tokens = kMaxTokens;
  c.d_model = s.d_model;
  c.layers = s.layers ? s.layers : task.default_layers();
  c.heads = s.heads;
  c.causal = task.causal();
  c.learned_positions = s.learned_positions;
  c.seed = s.seed;
  return c;
}
// The training data's own stream, separate from the weights' stream but fixed by the same seed.
Rng data_stream(std::uint64_t seed) { return Rng(seed ^ 0xDA7A5EEDull); }
}  // namespace

bool Trainer::valid(const TrainerSettings& s) {
  const int task = static_cast<int>(s.task);
  return task >= 0 && task < kTaskCount && s.layers >= 0 && s.layers <= kMaxLayers && (s.heads == 1 || s.heads == 2 || s.heads == 4) &&
         s.d_model >= 4 && s.d_model <= 128 && s.d_model % s.heads == 0 && s.batch_size >= 1 && s.batch_size <= 512 &&
         std::isfinite(s.learning_rate) && s.learning_rate > 0.f && s.held_out >= 1 && s.held_out <= 4096;
}

Trainer::Trainer(const TrainerSettings& settings, Impl impl)
    : settings_(settings), impl_(impl), task_(settings.task), model_(new Classifier(config_for(settings, task_), impl)),
      data_(data_stream(settings.seed)), held_out_(task_.held_out(settings.held_out)) {}

void Trainer::reset() {
  model_.reset(new Classifier(config_for(settings_, task_), impl_));
  data_ = data_stream(settings_.seed);
  stopped_ = false;
  stop_loss_ = 0.f;
}

void Trainer::fill_batch(Batch& b, const std::vector<Example>& examples, std::size_t from, std::size_t count) {
  b.tokens.clear();
  b.seq_start.assign(1, 0);
  b.readout.clear();
  b.labels.clear();
  for (std::size_t i = from; i < from + count; ++i) {
    const Example& e = examples[i];
    b.tokens.insert(b.tokens.end(), e.tokens.begin(), e.tokens.end());
    b.seq_start.push_back(static_cast<int>(b.tokens.size()));
    b.readout.push_back(e.readout);
    b.labels.push_back(e.label);
  }
}

float Trainer::step(int count) {
  if (stopped_) return std::numeric_limits<float>::quiet_NaN();
  nn::AdamSettings adam;
  adam.learning_rate = settings_.learning_rate;
  std::vector<Example> examples(settings_.batch_size);
  double total = 0;
  for (int i = 0; i < count; ++i) {
    for (auto& e : examples) e = task_.sample_training(data_);
    fill_batch(batch_, examples, 0, examples.size());
    // The update is applied only from a usable loss: a diverged step leaves the weights as they
    // were (finite), so the page can still show the model that stopped.
    const float loss = model_->forward_backward(batch_);
    if (!std::isfinite(loss) || loss > kDivergedLoss) {
      stopped_ = true;
      stop_loss_ = loss;
      return std::numeric_limits<float>::quiet_NaN();
    }
    model_->apply_update(adam);
    total += loss;
  }
  return count > 0 ? static_cast<float>(total / count) : 0.f;
}

Evaluation Trainer::evaluate() {
  Evaluation ev;
  int correct = 0;
  double loss = 0;
  const std::size_t chunk = 64;
  for (std::size_t from = 0; from < held_out_.size(); from += chunk) {
    const std::size_t count = std::min(chunk, held_out_.size() - from);
    fill_batch(eval_batch_, held_out_, from, count);
    loss += double(model_->forward(eval_batch_)) * count;
    const float* p = model_->probabilities();
    const int C = task_.classes();
    for (std::size_t s = 0; s < count; ++s) {
      int best = 0;
      for (int c = 1; c < C; ++c)
        if (p[s * C + c] > p[s * C + best]) best = c;
      correct += best == eval_batch_.labels[s];
    }
  }
  ev.accuracy = static_cast<float>(correct) / static_cast<float>(held_out_.size());
  ev.loss = static_cast<float>(loss / held_out_.size());
  return ev;
}

bool Trainer::run(const std::vector<int>& tokens, int readout, std::vector<float>& probabilities, std::vector<float>& weights) {
  const int n = static_cast<int>(tokens.size());
  if (n < 1 || n > kMaxTokens || readout < 0 || readout >= n) return false;
  for (int t : tokens)
    if (t < 0 || t >= static_cast<int>(task_.vocabulary().size())) return false;
  Example e;
  e.tokens = tokens;
  e.readout = readout;
  e.label = 0;  // any valid class: the loss is not used
  fill_batch(one_, {e}, 0, 1);
  model_->forward(one_);
  const int C = task_.classes(), L = model_->config().layers, H = model_->config().heads;
  probabilities.assign(model_->probabilities(), model_->probabilities() + C);
  weights.resize(std::size_t(L) * H * n * n);
  for (int l = 0; l < L; ++l)
    for (int h = 0; h < H; ++h) {
      const float* a = model_->attention_weights(l, 0, h);
      std::copy(a, a + n * n, weights.begin() + (std::size_t(l) * H + h) * n * n);
    }
  return true;
}

}  // namespace attn::train
