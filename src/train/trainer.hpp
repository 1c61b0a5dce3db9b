// A training run: one task, one classifier, the seeded stream of training batches, the fixed
// held-out set, and the "training stopped" state when the loss stops being a finite number.
// What the wasm ABI (wasm/train_abi.cpp) drives. Not the maths (classifier.hpp, src/nn).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "train/classifier.hpp"
#include "train/tasks.hpp"

namespace attn::train {

struct TrainerSettings {
  TaskId task = TaskId::kTiredWide;
  int layers = 0;  // 0: the task's default
  int heads = 1;
  int d_model = 32;
  std::uint64_t seed = 1;
  float learning_rate = 0.01f;
  int batch_size = 32;
  bool learned_positions = true;
  int held_out = 256;  // sentences in the held-out set
};

// A batch's mean loss above this means the weights have blown up (chance is ln(classes), at most
// ln 8 ≈ 2.1 here; a loss of 100 puts e^-100 on the right class): training stops, as for NaN.
constexpr float kDivergedLoss = 100.f;

struct Evaluation {
  float accuracy = 0.f;
  float loss = 0.f;
};

class Trainer {
 public:
  // The limits the JS API also checks (with messages): layers 0–2, heads 1, 2 or 4 dividing
  // d_model, d_model 4–128, batch 1–512, learning rate finite and > 0, held-out 1–4096.
  static bool valid(const TrainerSettings& settings);
  Trainer(const TrainerSettings& settings, Impl impl);  // valid(settings) must hold
  // Runs `count` Adam steps; returns the mean training loss over them. When a step's loss is
  // NaN, infinite or above kDivergedLoss, training stops (stopped() becomes true, later steps do
  // nothing, stop_loss() holds that loss) and NaN is returned; that step's update is not applied,
  // so the weights stay those of the last step counted in steps().
  float step(int count);
  Evaluation evaluate();
  // Back to the weights of the seed and the first batch; clears the stopped state.
  void reset();
  bool stopped() const { return stopped_; }
  float stop_loss() const { return stop_loss_; }
  // Changes the learning rate from the next step on (Adam's moments are kept).
  void set_learning_rate(float lr) { settings_.learning_rate = lr; }
  int steps() const { return model_->steps_taken(); }
  // One sentence through the model: fills probabilities (classes) and the attention weights of
  // every layer and head ((layers · heads) blocks of n × n). Returns false when the sentence is
  // empty or longer than the task's limit, or the read-out position is outside it.
  bool run(const std::vector<int>& tokens, int readout, std::vector<float>& probabilities, std::vector<float>& weights);

  const Task& task() const { return task_; }
  Classifier& model() { return *model_; }
  const TrainerSettings& settings() const { return settings_; }

 private:
  void fill_batch(Batch& b, const std::vector<Example>& examples, std::size_t from, std::size_t count);
  TrainerSettings settings_;
  Impl impl_;
  Task task_;
  std::unique_ptr<Classifier> model_;
  Rng data_;
  std::vector<Example> held_out_;
  Batch batch_, eval_batch_, one_;
  bool stopped_ = false;
  float stop_loss_ = 0.f;
};

}  // namespace attn::train
