// The language model's C ABI, its own wasm module (attention-lm-{simd,scalar}.wasm): load a weights file (checked by
// src/lm/weights_file, which also writes the error text), run the forward pass on one sentence,
// and read the attention weights, the logits and the per-token loss. wasm/language-model.js is
// its only caller. Returns status codes, never traps on bad input. Exports: see CMakeLists.txt.
#include <cstdint>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "lm/model.hpp"
#include "lm/stages.hpp"
#include "lm/weights_file.hpp"
#include "nn/cross_entropy.hpp"
#include "simd.hpp"

using namespace attn;
using namespace attn::lm;

namespace {
struct LoadedModel {
  LmConfig config;
  std::vector<float> memory;
  LmParams params;
  LmWorkspace work;
  std::vector<int> tokens;   // (context) written by JS before lm_run
  std::vector<int> targets;  // (context) written by JS before lm_loss
  std::vector<float> stage;  // (context, d_model) the embedding lookups of lm_stage
  int n = 0;                 // tokens of the last run
  std::size_t vocab_offset = 0, vocab_bytes = 0;
  std::uint64_t bytes = 0;   // lm_memory_bytes(config)
};
// The memory all loaded models may need together: 2 of the largest a file may describe.
constexpr std::uint64_t kMaxLoadedBytes = 2 * kMaxModelBytes;
std::uint64_t loaded_bytes = 0;
std::map<int, std::unique_ptr<LoadedModel>> models;
int next_handle = 1;
std::string last_error;

LoadedModel* find(int handle) {
  auto it = models.find(handle);
  return it == models.end() ? nullptr : it->second.get();
}
}  // namespace

extern "C" {
int lm_simd_build() { return attn::simd_compiled() ? 1 : 0; }
void* lm_alloc(std::uint32_t bytes) { return std::malloc(bytes); }
void lm_free(void* p) { std::free(p); }

// Reads and checks a weights file of `size` bytes at `bytes` (0 when size is over kMaxWeightsBytes). Returns a handle ≥ 1, or 0 and
// lm_last_error() says what is wrong with the file.
int lm_load(const std::uint8_t* bytes, std::uint32_t size) {
  auto m = std::make_unique<LoadedModel>();
  WeightsReport r;
  // (a size over the limit is refused before the bytes are read: JS passes no bytes then)
  if (!bytes && size <= kMaxWeightsBytes) {
    last_error = "No weights were given.";
    return 0;
  }
  // Every loaded model together stays under kMaxLoadedBytes, so loading one more can never run
  // the module out of memory (a trap): the header says how much this one needs.
  LmConfig header;
  if (lm_read_config(bytes, size, header, r) && loaded_bytes + lm_memory_bytes(header) > kMaxLoadedBytes) {
    last_error = "Too many language models are loaded at once (" + std::to_string(loaded_bytes >> 20) +
                 " MiB in use): dispose() one you no longer need before loading another.";
    return 0;
  }
  if (!lm_read_weights(bytes, size, m->config, m->memory, m->params, r)) {
    last_error = lm_describe(r);
    return 0;
  }
  m->bytes = lm_memory_bytes(m->config);
  loaded_bytes += m->bytes;
  m->vocab_offset = r.vocab_offset;
  m->vocab_bytes = r.vocab_bytes;
  lm_workspace_init(m->config, m->config.context, m->work);
  m->tokens.assign(m->config.context, 0);
  m->targets.assign(m->config.context, 0);
  m->stage.assign(static_cast<std::size_t>(m->config.context) * m->config.d_model, 0.f);
  const int h = next_handle++;
  models[h] = std::move(m);
  return h;
}

const char* lm_last_error(void) { return last_error.c_str(); }

// Config field: 0 vocab, 1 d_model, 2 layers, 3 heads, 4 d_ff, 5 context, 6 pre_norm,
// 7 vocabulary offset in the file, 8 vocabulary bytes, 9 parameter floats. −1 for a bad handle.
double lm_info(int handle, int field) {
  const LoadedModel* m = find(handle);
  if (!m) return -1;
  const LmConfig& c = m->config;
  switch (field) {
    case 0: return c.vocab;
    case 1: return c.d_model;
    case 2: return c.layers;
    case 3: return c.heads;
    case 4: return c.d_ff;
    case 5: return c.context;
    case 6: return c.pre_norm;
    case 7: return static_cast<double>(m->vocab_offset);
    case 8: return static_cast<double>(m->vocab_bytes);
    case 9: return static_cast<double>(lm_param_floats(c));
    default: return -1;
  }
}

// Where JS writes up to `context` token ids (and, for lm_loss, the targets).
int* lm_tokens(int handle) { LoadedModel* m = find(handle); return m ? m->tokens.data() : nullptr; }
int* lm_targets(int handle) { LoadedModel* m = find(handle); return m ? m->targets.data() : nullptr; }

// Runs the forward pass on the first n tokens. 0 on success, 1 bad handle, 2 n out of range,
// 3 a token id out of range, 4 the numbers overflowed (lm_outputs_valid: weights too large for
// float32).
int lm_run(int handle, int n) {
  LoadedModel* m = find(handle);
  if (!m) return 1;
  if (n < 1 || n > m->config.context) return 2;
  for (int i = 0; i < n; ++i)
    if (m->tokens[i] < 0 || m->tokens[i] >= m->config.vocab) return 3;
  const int seq_start[2] = {0, n};
  lm_forward(Impl::kSimd, m->config, m->params, m->work, m->tokens.data(), seq_start, 1, nullptr);
  m->n = n;
  return lm_outputs_valid(m->config, m->work, n) ? 0 : 4;
}

// After lm_run: layer l's attention weights, heads blocks of (n, n) row-major.
const float* lm_attention(int handle, int layer) {
  LoadedModel* m = find(handle);
  if (!m || layer < 0 || layer >= m->config.layers) return nullptr;
  return m->work.layer[layer].att;
}

// After lm_run: logits (n, vocab).
const float* lm_logits(int handle) { LoadedModel* m = find(handle); return m ? m->work.logits : nullptr; }

// After lm_run: Σ over the n positions of −log p(target), targets from lm_targets (natural log),
// computed with the same softmax + cross-entropy the trainer uses. −1 on a bad handle or target.
double lm_loss(int handle) {
  LoadedModel* m = find(handle);
  if (!m || m->n < 1) return -1;
  for (int i = 0; i < m->n; ++i)
    if (m->targets[i] < 0 || m->targets[i] >= m->config.vocab) return -1;
  const float mean = nn::cross_entropy_forward(m->work.logits, m->targets.data(), m->work.probs, m->work.losses, m->n, m->config.vocab);
  double total = 0.0;
  for (int i = 0; i < m->n; ++i) total += m->work.losses[i];
  (void)mean;
  return total;
}

// The named activations of the last run (src/lm/stages.hpp), for the block view: how many stages
// this model computes, the i-th in computation order, its name and whether it repeats per layer.
// −1 / nullptr for a bad handle or index.
int lm_stage_count(int handle) {
  LoadedModel* m = find(handle);
  int order[kStageCount];
  return m ? lm_stage_order(m->config, order) : -1;
}
int lm_stage_at(int handle, int i) {
  LoadedModel* m = find(handle);
  int order[kStageCount];
  if (!m) return -1;
  const int count = lm_stage_order(m->config, order);
  return i >= 0 && i < count ? order[i] : -1;
}
const char* lm_stage_name_of(int stage) { return lm_stage_name(stage); }
int lm_stage_layered(int stage) { return lm_stage_per_layer(stage) ? 1 : 0; }
// After lm_run: that stage's (n, d_model) rows in `layer` (ignored for once-per-pass stages).
const float* lm_stage(int handle, int stage, int layer) {
  LoadedModel* m = find(handle);
  if (!m || m->n < 1) return nullptr;
  return lm_stage_rows(m->config, m->params, m->work, m->tokens.data(), m->n, stage, layer, m->stage.data());
}

// Frees a model. Returns 0, or 1 for a handle that is not loaded.
int lm_dispose(int handle) {
  LoadedModel* m = find(handle);
  if (!m) return 1;
  loaded_bytes -= m->bytes;
  models.erase(handle);
  return 0;
}
}
