// The shape of the small causal language model (src/lm): sizes only, no weights. The weights
// file's header stores exactly these fields (src/lm/weights_file.hpp).
#pragma once
#include <cstdint>

namespace attn::lm {
struct LmConfig {
  int vocab = 4000;     // token ids 0 … vocab−1; id 0 is the sentence boundary <s>, 1 is <unk>
  int d_model = 48;
  int layers = 2;
  int heads = 4;        // d_k = d_model / heads
  int d_ff = 192;       // hidden width of the feed-forward block
  int context = 32;     // longest sequence (learned position embeddings 0 … context−1)
  int pre_norm = 0;     // 0: post-norm blocks (x = LN(x + sublayer(x)), the original transformer)
};

// Largest sizes a weights file may ask for (keeps a corrupt header from allocating gigabytes).
constexpr int kMaxVocab = 65536;
constexpr int kMaxDModel = 1024;
constexpr int kMaxLayers = 16;
constexpr int kMaxDff = 8192;
constexpr int kMaxContext = 1024;

// 0 when the sizes are usable, else which rule failed (1 vocab, 2 d_model, 3 layers, 4 heads,
// 5 d_ff, 6 context, 7 pre_norm).
int lm_config_problem(const LmConfig& c);
inline int lm_d_k(const LmConfig& c) { return c.d_model / c.heads; }
}  // namespace attn::lm
