// The classifier and its training run (src/train): the whole model's gradient against finite
// differences, the task grammars' promises (held-out combinations never trained on, labels agree
// with the rules), loss going down, bit-for-bit determinism for a seed, the SIMD and scalar
// trainers agreeing, and tasks 1 and 4 reaching 95 % held-out accuracy with the shipped seeds.
#include <doctest/doctest.h>

#include <cmath>
#include <set>
#include <string>
#include <vector>

#include "train/trainer.hpp"

using attn::Impl;
using namespace attn::train;

namespace {
Batch batch_of(const std::vector<Example>& examples) {
  Batch b;
  for (const Example& e : examples) {
    b.tokens.insert(b.tokens.end(), e.tokens.begin(), e.tokens.end());
    b.seq_start.push_back(static_cast<int>(b.tokens.size()));
    b.readout.push_back(e.readout);
    b.labels.push_back(e.label);
  }
  return b;
}

std::vector<Example> training_examples(const Task& task, int count, std::uint64_t seed) {
  attn::Rng rng(seed);
  std::vector<Example> out;
  for (int i = 0; i < count; ++i) out.push_back(task.sample_training(rng));
  return out;
}

// The seeds the lesson ships (web and tests): checked to reach 95 % held-out accuracy.
constexpr std::uint64_t kSeedTiredWide = 4;
constexpr std::uint64_t kSeedItTwoLayers = 21;
}  // namespace

// A small 2-layer, 2-head classifier (d_model 8) for a task: quick to check exhaustively.
static ClassifierConfig small_two_layer(const Task& task) {
  ClassifierConfig c;
  c.vocab = static_cast<int>(task.vocabulary().size());
  c.classes = task.classes();
  c.d_model = 8;
  c.layers = 2;
  c.heads = 2;
  return c;
}

TEST_CASE("whole classifier: backpropagation matches finite differences") {
  // Every parameter of a 2-layer, 2-head model (embeddings, positions, W_Q, W_K, W_V, W_O of both
  // layers, read-out) on a batch of 3 sentences. Same stated tolerance as nn_gradients.cpp:
  // |analytic − numeric| ≤ 1e-2 · max(1, largest |gradient|), h = 1e-2.
  for (Impl impl : {Impl::kScalar, Impl::kSimd})
    for (bool causal : {false, true}) {
      CAPTURE(int(impl));
      CAPTURE(causal);
      const Task task(TaskId::kItTwoLayers);
      ClassifierConfig c = small_two_layer(task);
      c.causal = causal;
      c.seed = 5;
      Classifier model(c, impl);
      const Batch b = batch_of(training_examples(task, 3, 9));
      model.forward_backward(b);
      const std::vector<float> analytic = model.gradients();
      std::vector<float>& theta = model.parameters();
      double largest = 1, worst = 0;
      for (float g : analytic) largest = std::max(largest, double(std::fabs(g)));
      int checked = 0;
      for (std::size_t i = 0; i < theta.size(); ++i) {
        const float keep = theta[i];
        theta[i] = keep + 1e-2f;
        const double up = model.forward(b);
        theta[i] = keep - 1e-2f;
        const double down = model.forward(b);
        theta[i] = keep;
        worst = std::max(worst, std::fabs((up - down) / 2e-2 - analytic[i]));
        checked += analytic[i] != 0.f;
      }
      CAPTURE(worst);
      CAPTURE(largest);
      CHECK(worst <= 1e-2 * largest);
      CHECK(checked > 500);  // most parameters do receive a gradient
    }
}

TEST_CASE("tensors(): the named tensors tile parameters() in layout order and hold the model's floats") {
  for (bool learned : {true, false}) {
    CAPTURE(learned);
    const Task task(TaskId::kItTwoLayers);
    ClassifierConfig c = small_two_layer(task);
    c.learned_positions = learned;
    Classifier model(c, Impl::kScalar);
    const std::vector<TensorInfo> t = model.tensors();
    REQUIRE(t.size() == 2 + 4 * 2 + 2);
    CHECK(std::string(t[0].name) == "token_embedding");
    CHECK(std::string(t[6].name) == "layer2.wq");
    CHECK(std::string(t.back().name) == "readout.b");
    int end = 0, floats = 0;
    for (const TensorInfo& x : t) {
      CAPTURE(x.name);
      CHECK(x.offset >= end);            // in order, never overlapping
      CHECK(x.offset - end < 4);         // only the 16-byte alignment padding between them
      end = x.offset + x.rows * x.cols;
      floats += x.rows * x.cols;
    }
    CHECK(end <= static_cast<int>(model.parameters().size()));
    // parameter_count() leaves out the fixed sinusoidal table; tensors() lists it.
    CHECK(floats == model.parameter_count() + (learned ? 0 : c.max_tokens * c.d_model));
    CHECK(t[4].rows == 2 * 4);  // W_O: (heads·d_k, d_model)
    // The token embedding tensor is what the forward pass reads: changing token 3's row changes
    // the loss of a batch that uses token 3 only through that row.
    const Batch b = batch_of(training_examples(task, 2, 3));
    const float before = model.forward(b);
    for (int j = 0; j < c.d_model; ++j) model.parameters()[t[0].offset + b.tokens[0] * c.d_model + j] += 0.5f;
    CHECK(model.forward(b) != before);
  }
}

TEST_CASE("tasks: held-out combinations never appear in training, labels follow the rules") {
  for (int id = 0; id < kTaskCount; ++id) {
    const Task task{TaskId(id)};
    CAPTURE(task.name());
    std::set<std::vector<int>> held;
    for (const Example& e : task.held_out(300)) {
      held.insert(e.tokens);
      CHECK(task.answer_class(e.tokens) == e.label);
      CHECK(task.readout_position(e.tokens) == e.readout);
    }
    std::vector<int> labels(task.classes(), 0);
    for (const Example& e : training_examples(task, 3000, 4)) {
      CHECK(held.count(e.tokens) == 0);
      CHECK(task.answer_class(e.tokens) == e.label);
      CHECK(task.readout_position(e.tokens) == e.readout);
      CHECK(int(e.tokens.size()) <= kMaxTokens);
      labels[e.label]++;
    }
    for (int c = 0; c < task.classes(); ++c) CHECK(labels[c] > 3000 / task.classes() / 3);  // roughly balanced
  }
}

TEST_CASE("tasks: the lesson's sentence is held out and means the animal") {
  const Task task(TaskId::kItTwoLayers);
  std::vector<int> tokens;
  for (const char* w : {"the", "animal", "didn't", "cross", "the", "street", "because", "it", "was", "too", "tired"}) {
    int id = -1;
    for (std::size_t i = 0; i < task.vocabulary().size(); ++i)
      if (task.vocabulary()[i] == w) id = int(i);
    REQUIRE(id >= 0);
    tokens.push_back(id);
  }
  CHECK(task.answer_position(tokens) == 1);  // "animal"
  CHECK(task.answer_class(tokens) == 0);     // the first noun
  CHECK(task.readout_position(tokens) == 7); // "it"
  for (const Example& e : training_examples(task, 5000, 6)) CHECK(e.tokens != tokens);  // never trained on
  tokens.back() = tokens[5];                 // "... too street": no adjective, no answer
  CHECK(task.answer_class(tokens) == -1);
}

TEST_CASE("training lowers the loss on a fixed seed") {
  TrainerSettings s;
  s.task = TaskId::kTiredWide;
  s.seed = 7;
  Trainer t(s, Impl::kSimd);
  const float before = t.evaluate().loss;
  t.step(40);
  const float after = t.evaluate().loss;
  CAPTURE(before);
  CAPTURE(after);
  CHECK(after < 0.5f * before);
}

TEST_CASE("the same seed gives the same weights bit for bit; another seed does not") {
  TrainerSettings s;
  s.task = TaskId::kItTwoLayers;
  s.heads = 2;
  s.seed = 11;
  Trainer a(s, Impl::kSimd), b(s, Impl::kSimd);
  a.step(15);
  b.step(15);
  CHECK(a.model().parameters() == b.model().parameters());
  s.seed = 12;
  Trainer c(s, Impl::kSimd);
  c.step(15);
  CHECK(a.model().parameters() != c.model().parameters());
  // reset() returns to the seed's start: the same 15 steps give the same weights again
  a.reset();
  a.step(15);
  CHECK(a.model().parameters() == b.model().parameters());
}

TEST_CASE("SIMD and scalar trainers agree") {
  // Stated tolerance: after 10 steps the losses agree to 1e-3 (relative) step by step, and every
  // weight to 1e-3 · (1 + |w|). The twins sum in different orders, so they differ by rounding.
  for (TaskId id : {TaskId::kTiredWide, TaskId::kItTwoLayers, TaskId::kCopyPrevious}) {
    TrainerSettings s;
    s.task = id;
    s.heads = 2;
    s.seed = 3;
    Trainer simd(s, Impl::kSimd), scalar(s, Impl::kScalar);
    for (int i = 0; i < 10; ++i) {
      const float a = simd.step(1), b = scalar.step(1);
      CHECK(std::fabs(a - b) <= 1e-3f * (1.f + std::fabs(b)));
    }
    const auto& p = simd.model().parameters();
    const auto& q = scalar.model().parameters();
    double worst = 0;
    for (std::size_t i = 0; i < p.size(); ++i) worst = std::max(worst, std::fabs(double(p[i]) - q[i]) / (1.0 + std::fabs(q[i])));
    CAPTURE(worst);
    CHECK(worst <= 1e-3);
  }
}

TEST_CASE("a learning rate that makes the loss non-finite stops training") {
  TrainerSettings s;
  s.task = TaskId::kTiredWide;
  s.learning_rate = 1e30f;
  Trainer t(s, Impl::kSimd);
  float loss = 0;
  for (int i = 0; i < 20 && !t.stopped(); ++i) loss = t.step(1);
  CHECK(t.stopped());
  CHECK(std::isnan(loss));
  CHECK(std::isnan(t.step(1)));  // stays stopped
  // the step whose loss diverged was not applied: the weights are still finite numbers, and
  // steps() counts only the updates that were made
  const int made = t.steps();
  for (float v : t.model().parameters()) REQUIRE(std::isfinite(v));
  t.step(1);
  CHECK(t.steps() == made);
  t.reset();
  CHECK_FALSE(t.stopped());
}

TEST_CASE("tasks 1 and 4 reach 95 % held-out accuracy with the shipped seeds") {
  struct Case { TaskId id; std::uint64_t seed; int steps; float learning_rate; };
  // Evaluated every 10 steps, as the page does; passes when 95 % is reached within the limit.
  for (Case c : {Case{TaskId::kTiredWide, kSeedTiredWide, 200, 0.01f}, Case{TaskId::kItTwoLayers, kSeedItTwoLayers, 300, 0.005f}}) {
    TrainerSettings s;
    s.task = c.id;
    s.seed = c.seed;
    s.learning_rate = c.learning_rate;
    Trainer t(s, Impl::kSimd);
    float best = 0;
    for (int done = 0; done < c.steps && best < 0.95f; done += 10) {
      t.step(10);
      best = std::max(best, t.evaluate().accuracy);
    }
    CAPTURE(int(c.id));
    CHECK(best >= 0.95f);
  }
}

TEST_CASE("task 3: one layer reading out at \"it\" stays well below 95 %") {
  TrainerSettings s;
  s.task = TaskId::kItOneLayer;
  s.seed = 1;
  Trainer t(s, Impl::kSimd);
  t.step(300);
  const Evaluation ev = t.evaluate();
  CAPTURE(ev.accuracy);
  CHECK(ev.accuracy < 0.9f);
  CHECK(ev.accuracy > 0.55f);  // it learns what one layer can
}
