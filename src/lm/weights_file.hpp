// The language model's weights file: writing (quantising to int8 rows with a float16 scale each)
// and reading with a check of every byte, so a truncated, oversized or corrupt file gives a
// message that says what is wrong instead of a crash. The native trainer and the wasm ABI use
// this same reader. Layout (little-endian):
//   bytes 0–3   magic "ATLM"                     4–7   u32 format version (1)
//   8–35        u32 vocab, d_model, layers, heads, d_ff, context, pre_norm
//   36–39       u32 tensor count                 40–43 u32 vocabulary bytes V
//   44 …        the vocabulary: `vocab` UTF-8 words joined by '\n', then zero padding to 4 bytes
//   then every tensor in the order of src/lm/params (lm_tensors): u32 rows, u32 cols, u32 encoding,
//     encoding 1 (int8 rows): rows float16 scales, rows·cols int8 values, zero padding to 4 bytes
//     encoding 0 (float32):   rows·cols float32 values
//   and nothing after the last tensor.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "lm/config.hpp"
#include "lm/params.hpp"

namespace attn::lm {
constexpr std::uint32_t kWeightsVersion = 1;
constexpr std::size_t kMaxWeightsBytes = 64u << 20;  // 64 MiB: far above any model this lesson ships
// Memory a model may need to run (lm_memory_bytes: float32 parameters and a one-sentence
// workspace); a header asking for more is refused before anything is allocated.
constexpr std::uint64_t kMaxModelBytes = 256ull << 20;

enum class WeightsProblem {
  kNone = 0,
  kTooShort,            // shorter than the 44-byte header
  kTooLarge,            // more than kMaxWeightsBytes
  kBadMagic,
  kBadVersion,          // found = the file's version
  kBadConfig,           // field = which size (1 vocab … 7 pre_norm), found = its value
  kTooMuchMemory,       // found = the bytes lm_memory_bytes says the model needs
  kVocabularyTruncated,
  kVocabularyCount,     // expected = vocab words, found = words in the block
  kTensorCount,         // expected, found
  kTensorTruncated,     // tensor = index
  kTensorShape,         // tensor, expected rows×cols, found rows×cols
  kTensorEncoding,      // tensor, expected, found
  kNotFinite,           // tensor, element (or row for a scale)
  kExtraBytes,          // found = how many bytes follow the last tensor
};

struct WeightsReport {
  WeightsProblem problem = WeightsProblem::kNone;
  int field = 0;
  int tensor = -1;
  std::string tensor_name;
  long long expected = 0, expected2 = 0, found = 0, found2 = 0;
  std::size_t vocab_offset = 0;  // where the vocabulary text starts (valid after a good read)
  std::size_t vocab_bytes = 0;
};

// The tensors (from point_lm_params / lm_tensors over `memory`) and the vocabulary as file bytes.
std::vector<std::uint8_t> lm_write_weights(const LmConfig& c, float* memory, const std::vector<std::string>& vocabulary);

// Reads and checks the 44-byte header alone (size limits, magic, version, the config and the
// memory it needs): true with c filled, or false with r saying what is wrong. Allocates nothing.
bool lm_read_config(const std::uint8_t* bytes, std::size_t size, LmConfig& c, WeightsReport& r);

// Reads and checks a whole file: first the header (lm_read_config), then its layout (every tensor's shape and encoding, the total
// length) without allocating, then the values. On success fills c, memory (dequantised float32, laid out by
// point_lm_params) and p, and returns true; else returns false with r saying what is wrong.
bool lm_read_weights(const std::uint8_t* bytes, std::size_t size, LmConfig& c, std::vector<float>& memory, LmParams& p,
                     WeightsReport& r);

// The report as one sentence a learner can read ("The weights file is cut short: …").
std::string lm_describe(const WeightsReport& r);

// IEEE float16 conversions (round to nearest even), for the per-row scales.
std::uint16_t float_to_half(float f);
float half_to_float(std::uint16_t h);
}  // namespace attn::lm
