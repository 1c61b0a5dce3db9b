// Token-id sentences as the native trainer reads them (written by scripts/lm/corpus.mjs: one
// sentence per line, space-separated ids, no boundary tokens) and their packing into batches:
// each sentence becomes <s> w1 … wn with targets w1 … wn <s>, cut to the model's context.
#pragma once
#include <string>
#include <vector>

namespace attn::lm {
using Sentence = std::vector<int>;

// Reads a .ids file; throws std::runtime_error naming the file and line on a bad id.
std::vector<Sentence> read_id_sentences(const std::string& path, int vocab);

struct PackedBatch {
  std::vector<int> tokens;     // (N)
  std::vector<int> targets;    // (N)
  std::vector<int> seq_start;  // (batch + 1)
  int batch() const { return static_cast<int>(seq_start.size()) - 1; }
  int rows() const { return static_cast<int>(tokens.size()); }
};

// Packs sentences[order[from … to−1]] with boundary id 0, each cut to `context` positions.
PackedBatch pack_sentences(const std::vector<Sentence>& sentences, const std::vector<int>& order, int from, int to, int context);
}  // namespace attn::lm
