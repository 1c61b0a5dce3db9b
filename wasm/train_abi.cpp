// The trainer module's C ABI (attention-train-simd.wasm / attention-train-scalar.wasm): opaque
// trainer handles, and plain pointers for every array crossing the boundary. Its exports are
// listed once, in CMakeLists.txt (TRAIN_EXPORTS). wasm/training.js is its only caller. Arguments
// are checked in JS with learner-readable messages; here they are checked again so that a bad
// call returns 0 instead of corrupting memory.
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "score_gradient.hpp"
#include "simd.hpp"
#include "train/trainer.hpp"

using attn::train::Trainer;
using attn::train::TrainerSettings;

namespace {
attn::Impl build_impl() { return attn::simd_compiled() ? attn::Impl::kSimd : attn::Impl::kScalar; }
std::string g_text;  // the last string handed to JS (valid until the next string call)

std::vector<int> copy_tokens(const int* tokens, int n) { return std::vector<int>(tokens, tokens + (n > 0 ? n : 0)); }
}  // namespace

extern "C" {

int train_simd_build() { return attn::simd_compiled() ? 1 : 0; }
void* train_alloc(int bytes) { return std::malloc(static_cast<std::size_t>(bytes)); }
void train_free(void* p) { std::free(p); }

int train_task_count() { return attn::train::kTaskCount; }
// A NUL-terminated UTF-8 JSON description of task `index` (Task::describe_json), or 0.
const char* train_task_describe(int index) {
  if (index < 0 || index >= attn::train::kTaskCount) return nullptr;
  g_text = attn::train::Task(static_cast<attn::train::TaskId>(index)).describe_json();
  return g_text.c_str();
}

// `count` examples of task `task`: the held-out set's first `count` (held_out = 1) or training
// examples drawn from a stream seeded with `seed`. tokens: count × kMaxTokens ids (row s holds
// lengths[s] of them); readouts, labels: count. Returns 1, or 0 for a bad task or count.
int train_examples(int task, unsigned seed, int count, int held_out, int* tokens, int* lengths, int* readouts, int* labels) {
  if (task < 0 || task >= attn::train::kTaskCount || count < 1 || count > 100000) return 0;
  const attn::train::Task t(static_cast<attn::train::TaskId>(task));
  std::vector<attn::train::Example> examples;
  if (held_out) {
    examples = t.held_out(count);
  } else {
    attn::Rng rng(seed);
    for (int i = 0; i < count; ++i) examples.push_back(t.sample_training(rng));
  }
  for (int s = 0; s < count; ++s) {
    const auto& e = examples[s];
    std::memcpy(tokens + static_cast<long>(s) * attn::train::kMaxTokens, e.tokens.data(), e.tokens.size() * sizeof(int));
    lengths[s] = static_cast<int>(e.tokens.size());
    readouts[s] = e.readout;
    labels[s] = e.label;
  }
  return 1;
}

// Returns a trainer handle, or 0 when the settings are outside Trainer::valid.
Trainer* train_create(int task, int layers, int heads, int d_model, unsigned seed, float learning_rate, int batch_size,
                      int learned_positions, int held_out) {
  TrainerSettings s;
  s.task = static_cast<attn::train::TaskId>(task);
  s.layers = layers;
  s.heads = heads;
  s.d_model = d_model;
  s.seed = seed;
  s.learning_rate = learning_rate;
  s.batch_size = batch_size;
  s.learned_positions = learned_positions != 0;
  s.held_out = held_out;
  if (!Trainer::valid(s)) return nullptr;
  return new Trainer(s, build_impl());
}
void train_destroy(Trainer* t) { delete t; }

// Mean training loss over `count` steps; NaN once the loss stopped being finite.
float train_step(Trainer* t, int count) { return t->step(count); }
int train_stopped(Trainer* t) { return t->stopped() ? 1 : 0; }
// The loss that stopped training (NaN, ±∞ or above attn::train::kDivergedLoss).
float train_stop_loss(Trainer* t) { return t->stop_loss(); }
int train_steps(Trainer* t) { return t->steps(); }
void train_reset(Trainer* t) { t->reset(); }
void train_set_learning_rate(Trainer* t, float lr) { t->set_learning_rate(lr); }
// out: 2 floats, the held-out accuracy and mean loss.
void train_evaluate(Trainer* t, float* out) {
  const attn::train::Evaluation e = t->evaluate();
  out[0] = e.accuracy;
  out[1] = e.loss;
}
int train_layers(Trainer* t) { return t->model().config().layers; }
int train_heads(Trainer* t) { return t->model().config().heads; }
int train_classes(Trainer* t) { return t->task().classes(); }

// One sentence (tokens: n ids) read out at `readout`: probabilities (classes floats) and the
// attention weights (layers · heads blocks of n × n, layer-major). Returns 1; 0 if refused; 2 when
// a result is not finite (weights so large after a diverging learning rate that float32 overflows).
int train_run(Trainer* t, const int* tokens, int n, int readout, float* probabilities, float* weights) {
  std::vector<float> p, w;
  if (!t->run(copy_tokens(tokens, n), readout, p, w)) return 0;
  for (const std::vector<float>* v : {&p, &w})
    for (float x : *v)
      if (!std::isfinite(x)) return 2;
  std::memcpy(probabilities, p.data(), p.size() * sizeof(float));
  std::memcpy(weights, w.data(), w.size() * sizeof(float));
  return 1;
}
int train_readout_position(Trainer* t, const int* tokens, int n) { return t->task().readout_position(copy_tokens(tokens, n)); }
int train_answer_position(Trainer* t, const int* tokens, int n) { return t->task().answer_position(copy_tokens(tokens, n)); }
int train_answer_class(Trainer* t, const int* tokens, int n) { return t->task().answer_class(copy_tokens(tokens, n)); }

// The flat parameter buffer (read to save weights, written to load them). Re-read the pointer
// after train_reset: the model is rebuilt.
float* train_parameters(Trainer* t) { return t->model().parameters().data(); }
int train_parameter_floats(Trainer* t) { return static_cast<int>(t->model().parameters().size()); }
int train_parameter_count(Trainer* t) { return t->model().parameter_count(); }
// Step 9's score-gradient experiment (src/score_gradient): the name and byte offset (out[0]) of
// ScoreGradientStats field i, or 0 past the end; the struct's bytes; the run itself into one
// ScoreGradientStats (8-byte aligned), 1 on success, 0 for sizes out of range.
const char* train_score_gradient_field(int i, int* out) {
  if (i < 0 || i >= attn::kScoreGradientFieldCount) return nullptr;
  out[0] = static_cast<int>(attn::kScoreGradientFields[i].offset);
  return attn::kScoreGradientFields[i].name;
}
int train_score_gradient_bytes() { return static_cast<int>(sizeof(attn::ScoreGradientStats)); }
int train_score_gradient(int d_k, int samples, int n, unsigned seed, attn::ScoreGradientStats* out) {
  attn::ScoreGradientStats st;
  if (!out || !attn::score_gradient_experiment(d_k, samples, n, seed, build_impl(), st)) return 0;
  *out = st;
  return 1;
}

// Tensor `i` of the parameter layout (Classifier::tensors): its name, and in out[0..2] its offset
// in floats, rows and columns. 0 past the last tensor.
const char* train_tensor(Trainer* t, int i, int* out) {
  const std::vector<attn::train::TensorInfo> all = t->model().tensors();
  if (i < 0 || i >= static_cast<int>(all.size())) return nullptr;
  out[0] = all[i].offset;
  out[1] = all[i].rows;
  out[2] = all[i].cols;
  return all[i].name;
}

}  // extern "C"
