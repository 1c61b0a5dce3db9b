// Reading token-id sentences and packing them into training batches.
#include "lm/corpus_data.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace attn::lm {
std::vector<Sentence> read_id_sentences(const std::string& path, int vocab) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read " + path + " (run node scripts/lm/corpus.mjs first)");
  std::vector<Sentence> out;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    std::istringstream words(line);
    Sentence s;
    long id;
    while (words >> id) {
      if (id < 0 || id >= vocab) throw std::runtime_error(path + ":" + std::to_string(number) + ": token id out of range");
      s.push_back(static_cast<int>(id));
    }
    if (!s.empty()) out.push_back(std::move(s));
  }
  return out;
}

PackedBatch pack_sentences(const std::vector<Sentence>& sentences, const std::vector<int>& order, int from, int to, int context) {
  PackedBatch b;
  b.seq_start.push_back(0);
  for (int i = from; i < to; ++i) {
    const Sentence& s = sentences[order[i]];
    // <s> w1 … wn <s>, inputs are all but the last, targets all but the first
    const int len = std::min(static_cast<int>(s.size()) + 1, context);
    for (int t = 0; t < len; ++t) {
      b.tokens.push_back(t == 0 ? 0 : s[t - 1]);
      b.targets.push_back(t < static_cast<int>(s.size()) ? s[t] : 0);
    }
    b.seq_start.push_back(static_cast<int>(b.tokens.size()));
  }
  return b;
}
}  // namespace attn::lm
