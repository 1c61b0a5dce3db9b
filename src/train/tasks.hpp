// The five training tasks of the "watch attention learn" scenes, generated from small grammars.
// Each task owns its vocabulary, its sentence templates, which position the classifier reads out,
// what the classes mean, and which combinations are held out of training so that the held-out
// accuracy measures generalisation. Words are never held out alone: a word never seen in training
// has an untrained embedding, so no model could use it. What is held out is combinations: noun
// pairs, and adjectives (or deciding words) in templates and with partners they never met.
// Not the model: see classifier.hpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "rng.hpp"

namespace attn::train {

struct Example {
  std::vector<int> tokens;  // ids into the task's vocabulary
  int readout = 0;          // the position the classifier reads out (0-based)
  int label = 0;            // the class
};

enum class TaskId : int {
  kTiredWide = 0,     // 1. read out at the adjective: which noun it describes
  kWhichApple = 1,    // 2. read out at "apple": company or fruit
  kItOneLayer = 2,    // 3. read out at "it", one layer: cannot be solved (the query of "it" is fixed)
  kItTwoLayers = 3,   // 4. read out at "it", two layers
  kCopyPrevious = 4,  // 5. causal: the last token's class is the token just before it
};
constexpr int kTaskCount = 5;
constexpr int kMaxTokens = 16;  // no task makes a longer sentence

class Task {
 public:
  explicit Task(TaskId id);
  TaskId id() const { return id_; }
  const char* name() const;  // the id used by the JS API, e.g. "tired-wide"
  const std::vector<std::string>& vocabulary() const { return words_; }
  int classes() const;
  bool causal() const { return id_ == TaskId::kCopyPrevious; }
  int default_layers() const { return id_ == TaskId::kItTwoLayers ? 2 : 1; }
  // A training example (never a held-out combination), drawn with `rng`.
  Example sample_training(Rng& rng) const;
  // The fixed held-out set: `count` examples of held-out combinations, the same for every seed.
  std::vector<Example> held_out(int count) const;
  // For any sentence of the task's vocabulary (a learner's probe): the correct class and the
  // position of the word that decides it (the noun "it" means, the word that makes "apple" a
  // company or a fruit, the previous token), or −1 when the sentence does not follow the task's
  // pattern (e.g. two animals, no adjective).
  int answer_class(const std::vector<int>& tokens) const;
  int answer_position(const std::vector<int>& tokens) const;
  // Where the classifier reads a sentence out, or −1 when that word is missing.
  int readout_position(const std::vector<int>& tokens) const;
  // Everything JS needs to read a learner's sentence and name the classes, as one JSON object:
  // { id, title, vocabulary, readout: { word } | { last: true }, labels: [...] | { nouns: [...] }
  //   | { tokens: true }, causal, layers, probe }
  std::string describe_json() const;

 private:
  struct Draw;
  Draw draw(Rng& rng) const;
  bool held(const Draw& d) const;
  Example render(const Draw& d) const;
  int word(const std::string& w) const;
  int kind_of(int token) const;  // it-grammar: 0 animal, 1 place, 2 animate adj., 3 place adj., −1
  TaskId id_;
  std::vector<std::string> words_;
  // The templates as token ids, slots as −1, −2, −3 (it-grammar: animal, place, adjective;
  // apple: subject, neutral verb, decider), and each slot's word ids: sampling is string-free.
  std::vector<std::vector<int>> templates_;
  std::vector<int> slots_[3];
};

}  // namespace attn::train
