// The task grammars. Three families share the code below:
//   it-grammar (tasks 1, 3, 4): "the ANIMAL didn't cross the PLACE because it was too ADJ" and
//     six more templates, three of them reversed (the place comes first). An animate adjective
//     (tired) refers to the animal, a place adjective (wide) to the place. Tasks 1 and 4: the
//     class is that noun (one of the 18), so the answer must be carried from the noun's row by
//     attention. Task 3: the class is which of the two nouns, 0 the first, 1 the second: only
//     the attention ratio of "it" can tell, which one layer cannot make depend on the adjective
//     (naming the noun would let the read-out add a kind bias from the adjective instead).
//     Held out: noun pairs with (a + 2p) % 5 == 0 and adjective/template pairs with
//     (j + t) % 4 == 0 (the lesson's own sentence is one of them).
//   apple grammar (task 2): "she bought apple phones", "we peeled the apple"; class 0 company,
//     1 fruit, decided by the word after "apple" or the verb before it. Held out: subject/decider
//     pairs with (s + g) % 5 == 0 and template/decider pairs with (t + g) % 3 == 0.
//   copy grammar (task 5): 5 to 9 letters a…h, read out at the last one under a causal mask; the
//     class is the letter before it. Held out: (previous, last) pairs with (3p + l) % 7 == 0.
#include "train/tasks.hpp"


namespace attn::train {

namespace {
const std::vector<std::string> kAnimals = {"animal", "cat", "dog", "horse", "cow", "fox", "rabbit", "deer", "goat", "sheep"};
const std::vector<std::string> kPlaces = {"street", "road", "river", "bridge", "field", "square", "highway", "canal"};
const std::vector<std::string> kAnimateAdjectives = {"tired", "sleepy", "scared", "hungry", "weak", "lazy"};
const std::vector<std::string> kPlaceAdjectives = {"wide", "busy", "crowded", "long", "icy", "noisy"};
// A = animal, P = place, J = adjective; templates 0–3 put the animal first, 4–6 the place.
const std::vector<std::string> kItTemplates = {
    "the A didn't cross the P because it was too J",  "the A did not cross the P because it was too J",
    "the A couldn't reach the P because it was too J", "the A would not enter the P because it was too J",
    "the P was not crossed by the A because it was too J", "the P wasn't reached by the A because it was too J",
    "the P was never entered by the A because it was too J"};
constexpr int kAnimalFirstTemplates = 4;

const std::vector<std::string> kSubjects = {"she", "he", "they", "we", "you", "i"};
const std::vector<std::string> kNeutralVerbs = {"bought", "liked", "wanted", "sold", "found", "got"};
// deciders g: 0–5 company nouns after, 6–11 fruit nouns after, 12–17 company verbs before,
// 18–23 fruit verbs before
const std::vector<std::string> kDeciders = {
    "phones", "laptops", "stock", "shares", "watches", "software",
    "juice", "pie", "seeds", "trees", "jam", "cider",
    "rebooted", "updated", "charged", "unlocked", "restarted", "repaired",
    "peeled", "ate", "sliced", "picked", "washed", "baked"};
// S = subject, N = neutral verb, X = decider after "apple", V = decider verb before it
const std::vector<std::string> kAppleTemplates = {"S N apple X", "S N some apple X", "S V the apple", "S V the apple today"};

const std::vector<std::string> kLetters = {"a", "b", "c", "d", "e", "f", "g", "h"};

// Words separated by single spaces (no iostreams: they would triple the wasm module's size).
std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out(1);
  for (char c : s) {
    if (c == ' ') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

std::string decimal(int v) {
  std::string digits;
  do digits.insert(digits.begin(), char('0' + v % 10)); while ((v /= 10) > 0);
  return digits;
}

bool is_it_grammar(TaskId id) { return id == TaskId::kTiredWide || id == TaskId::kItOneLayer || id == TaskId::kItTwoLayers; }

void add_unique(std::vector<std::string>& words, const std::string& w) {
  for (const auto& x : words)
    if (x == w) return;
  words.push_back(w);
}

int pick(Rng& rng, int count) { return static_cast<int>(rng.next() % static_cast<std::uint64_t>(count)); }

std::string json_string(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

std::string json_list(const std::vector<std::string>& words) {
  std::string out = "[";
  for (std::size_t i = 0; i < words.size(); ++i) out += (i ? "," : "") + json_string(words[i]);
  return out + "]";
}
}  // namespace

// One choice of every slot: it-grammar (a, p, j, t), apple (s, n, g, t), copy (letters).
struct Task::Draw {
  int a = 0, p = 0, j = 0, t = 0;
  std::vector<int> letters;
};

Task::Task(TaskId id) : id_(id) {
  // slot letters of the templates, in the order of slots_
  const bool it = is_it_grammar(id);
  const std::string slot_names = it ? "APJ" : "SNX";
  const std::vector<std::string>& templates = it ? kItTemplates : kAppleTemplates;
  if (id == TaskId::kCopyPrevious) {
    words_ = kLetters;  // class k is letter k
    return;
  }
  for (const auto& t : templates)
    for (const auto& w : split(t))
      if (w.size() > 1 || w == "i") add_unique(words_, w);
  std::vector<std::vector<std::string>> slot_words(3);
  if (it) {
    slot_words[0] = kAnimals;
    slot_words[1] = kPlaces;
    slot_words[2] = kAnimateAdjectives;
    slot_words[2].insert(slot_words[2].end(), kPlaceAdjectives.begin(), kPlaceAdjectives.end());
  } else {
    slot_words = {kSubjects, kNeutralVerbs, kDeciders};
  }
  for (int k = 0; k < 3; ++k)
    for (const auto& w : slot_words[k]) add_unique(words_, w);
  for (int k = 0; k < 3; ++k)
    for (const auto& w : slot_words[k]) slots_[k].push_back(word(w));
  for (const auto& t : templates) {
    std::vector<int> ids;
    for (const auto& w : split(t)) {
      const std::size_t slot = w.size() == 1 && w != "i" ? slot_names.find(w[0] == 'V' ? 'X' : w[0]) : std::string::npos;
      ids.push_back(slot != std::string::npos ? -1 - static_cast<int>(slot) : word(w));
    }
    templates_.push_back(ids);
  }
}

const char* Task::name() const {
  switch (id_) {
    case TaskId::kTiredWide: return "tired-wide";
    case TaskId::kWhichApple: return "which-apple";
    case TaskId::kItOneLayer: return "it-one-layer";
    case TaskId::kItTwoLayers: return "it-two-layers";
    case TaskId::kCopyPrevious: return "copy-previous";
  }
  return "";
}

int Task::classes() const {
  if (id_ == TaskId::kCopyPrevious) return static_cast<int>(kLetters.size());
  if (id_ == TaskId::kTiredWide || id_ == TaskId::kItTwoLayers) return static_cast<int>(kAnimals.size() + kPlaces.size());
  return 2;
}

int Task::word(const std::string& w) const {
  for (std::size_t i = 0; i < words_.size(); ++i)
    if (words_[i] == w) return static_cast<int>(i);
  return -1;
}

int Task::kind_of(int token) const {
  if (token < 0 || token >= static_cast<int>(words_.size())) return -1;
  const std::string& w = words_[token];
  int kind = 0;
  for (const auto* list : {&kAnimals, &kPlaces, &kAnimateAdjectives, &kPlaceAdjectives}) {
    for (const auto& x : *list)
      if (x == w) return kind;
    ++kind;
  }
  return -1;
}

Task::Draw Task::draw(Rng& rng) const {
  Draw d;
  if (is_it_grammar(id_)) {
    d.a = pick(rng, static_cast<int>(kAnimals.size()));
    d.p = pick(rng, static_cast<int>(kPlaces.size()));
    d.j = pick(rng, static_cast<int>(kAnimateAdjectives.size() + kPlaceAdjectives.size()));
    d.t = pick(rng, static_cast<int>(kItTemplates.size()));
  } else if (id_ == TaskId::kWhichApple) {
    d.a = pick(rng, static_cast<int>(kSubjects.size()));       // subject
    d.p = pick(rng, static_cast<int>(kNeutralVerbs.size()));   // neutral verb
    d.t = pick(rng, static_cast<int>(kAppleTemplates.size()));
    d.j = pick(rng, 12) + (d.t >= 2 ? 12 : 0);                 // decider fitting the template
  } else {
    const int n = 5 + pick(rng, 5);
    for (int i = 0; i < n; ++i) d.letters.push_back(pick(rng, static_cast<int>(kLetters.size())));
  }
  return d;
}

bool Task::held(const Draw& d) const {
  if (is_it_grammar(id_)) return (d.a + 2 * d.p) % 5 == 0 || (d.j + d.t) % 4 == 0;
  if (id_ == TaskId::kWhichApple) return (d.a + d.j) % 5 == 0 || (d.t + d.j) % 3 == 0;
  const int n = static_cast<int>(d.letters.size());
  return (3 * d.letters[n - 2] + d.letters[n - 1]) % 7 == 0;
}

Example Task::render(const Draw& d) const {
  Example e;
  if (id_ != TaskId::kCopyPrevious) {
    // slots: (a, p, j) fill slot 0, 1, 2 of the template
    const int choice[3] = {d.a, d.p, d.j};
    for (int code : templates_[d.t]) e.tokens.push_back(code >= 0 ? code : slots_[-1 - code][choice[-1 - code]]);
    e.readout = readout_position(e.tokens);
  }
  if (is_it_grammar(id_)) {
    const bool animate = d.j < static_cast<int>(kAnimateAdjectives.size());
    if (id_ == TaskId::kItOneLayer)  // which of the two nouns: 0 the first, 1 the second
      e.label = animate == (d.t < kAnimalFirstTemplates) ? 0 : 1;
    else  // the noun itself
      e.label = animate ? d.a : static_cast<int>(kAnimals.size()) + d.p;
  } else if (id_ == TaskId::kWhichApple) {
    e.label = (d.j % 12) < 6 ? 0 : 1;
  } else {
    e.tokens = d.letters;
    e.readout = static_cast<int>(d.letters.size()) - 1;
    e.label = d.letters[d.letters.size() - 2];
  }
  return e;
}

Example Task::sample_training(Rng& rng) const {
  for (;;) {
    const Draw d = draw(rng);
    if (!held(d)) return render(d);
  }
}

std::vector<Example> Task::held_out(int count) const {
  Rng rng(0x4E1D0u + static_cast<std::uint64_t>(id_));  // the same set for every training seed
  std::vector<Example> out;
  while (static_cast<int>(out.size()) < count) {
    const Draw d = draw(rng);
    if (held(d)) out.push_back(render(d));
  }
  return out;
}

int Task::readout_position(const std::vector<int>& tokens) const {
  const int n = static_cast<int>(tokens.size());
  if (n == 0) return -1;
  if (id_ == TaskId::kTiredWide || id_ == TaskId::kCopyPrevious) return n - 1;
  const int target = word(id_ == TaskId::kWhichApple ? "apple" : "it");
  for (int i = 0; i < n; ++i)
    if (tokens[i] == target) return i;
  return -1;
}

int Task::answer_position(const std::vector<int>& tokens) const {
  const int n = static_cast<int>(tokens.size());
  if (is_it_grammar(id_)) {
    // the noun of the kind the (last) adjective describes; the sentence needs one of each noun
    int animal = -1, place = -1, adjective_kind = -1, animals = 0, places = 0;
    for (int i = 0; i < n; ++i) {
      const int k = kind_of(tokens[i]);
      if (k == 0) animal = i, ++animals;
      if (k == 1) place = i, ++places;
      if (k == 2 || k == 3) adjective_kind = k;
    }
    if (animals != 1 || places != 1 || adjective_kind < 0) return -1;
    return adjective_kind == 2 ? animal : place;
  }
  if (id_ == TaskId::kWhichApple) {
    for (int i = 0; i < n; ++i)
      for (std::size_t g = 0; g < kDeciders.size(); ++g)
        if (tokens[i] == word(kDeciders[g])) return i;
    return -1;
  }
  return n >= 2 ? n - 2 : -1;
}

int Task::answer_class(const std::vector<int>& tokens) const {
  const int at = answer_position(tokens);
  if (at < 0) return -1;
  if (id_ == TaskId::kItOneLayer) {
    // 0 when the referent is the first of the two nouns
    for (int i = 0; i < at; ++i)
      if (kind_of(tokens[i]) == 0 || kind_of(tokens[i]) == 1) return 1;
    return 0;
  }
  if (is_it_grammar(id_)) {
    // the noun's index in animals + places
    for (std::size_t k = 0; k < kAnimals.size(); ++k)
      if (tokens[at] == word(kAnimals[k])) return static_cast<int>(k);
    for (std::size_t k = 0; k < kPlaces.size(); ++k)
      if (tokens[at] == word(kPlaces[k])) return static_cast<int>(kAnimals.size() + k);
    return -1;
  }
  if (id_ == TaskId::kWhichApple) {
    for (std::size_t g = 0; g < kDeciders.size(); ++g)
      if (tokens[at] == word(kDeciders[g])) return (g % 12) < 6 ? 0 : 1;
    return -1;
  }
  return tokens[at];
}

std::string Task::describe_json() const {
  static const char* titles[] = {"tired \u2192 animal, wide \u2192 street", "Which apple?", "Why one layer cannot resolve \u201cit\u201d",
                                 "it \u2192 animal with two layers", "Copy the previous token (causal mask)"};
  static const char* probes[] = {"the animal didn't cross the street because it was too tired", "she bought apple phones",
                                 "the animal didn't cross the street because it was too tired",
                                 "the animal didn't cross the street because it was too tired", "a d f c b"};
  const int i = static_cast<int>(id_);
  std::string o = "{\"id\":" + json_string(name()) + ",\"title\":" + json_string(titles[i]) + ",\"vocabulary\":" + json_list(words_);
  if (id_ == TaskId::kTiredWide || id_ == TaskId::kCopyPrevious)
    o += ",\"readout\":{\"last\":true}";
  else
    o += ",\"readout\":{\"word\":" + json_string(id_ == TaskId::kWhichApple ? "apple" : "it") + "}";
  if (is_it_grammar(id_)) {
    std::vector<std::string> nouns = kAnimals;
    nouns.insert(nouns.end(), kPlaces.begin(), kPlaces.end());
    // task 3 asks which of the two nouns (first or second); tasks 1 and 4 name the noun
    o += ",\"labels\":{\"nouns\":" + json_list(nouns) + (id_ == TaskId::kItOneLayer ? ",\"inOrder\":true}" : "}");
  } else if (id_ == TaskId::kWhichApple) {
    o += ",\"labels\":[\"company\",\"fruit\"]";
  } else {
    o += ",\"labels\":{\"tokens\":true}";
  }
  o += ",\"classes\":" + decimal(classes()) + ",\"causal\":" + (causal() ? "true" : "false") + ",\"layers\":" +
       decimal(default_layers()) + ",\"maxTokens\":" + decimal(kMaxTokens) + ",\"probe\":" + json_string(probes[i]) + "}";
  return o;
}

}  // namespace attn::train
