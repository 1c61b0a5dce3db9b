// The language model's weights file: float16 conversion, a write/read round trip within the
// int8 quantisation error, and a named problem for every kind of damage (cut short, extra bytes,
// wrong magic, version, impossible sizes, wrong tensor shape, wrong vocabulary, NaN weights).
#include <doctest/doctest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "lm/init.hpp"
#include "lm/model.hpp"
#include "lm/weights_file.hpp"

using namespace attn::lm;

namespace {
LmConfig small_config() {
  LmConfig c;
  c.vocab = 5;
  c.d_model = 8;
  c.layers = 1;
  c.heads = 2;
  c.d_ff = 16;
  c.context = 4;
  return c;
}
const std::vector<std::string> kWords = {"<s>", "<unk>", "the", "cat", "sat"};

struct Written {
  LmConfig c = small_config();
  std::vector<float> memory;
  LmParams p;
  std::vector<std::uint8_t> bytes;
  Written() {
    point_lm_params(c, memory, p);
    lm_init_params(c, memory.data(), 3);
    bytes = lm_write_weights(c, memory.data(), kWords);
  }
};

WeightsReport read(const std::vector<std::uint8_t>& bytes) {
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  WeightsReport r;
  const bool ok = lm_read_weights(bytes.data(), bytes.size(), c, memory, p, r);
  CHECK(ok == (r.problem == WeightsProblem::kNone));
  return r;
}
void put_u32(std::vector<std::uint8_t>& b, std::size_t at, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}
// Byte offset of tensor t's 12-byte header in a file written by lm_write_weights.
std::size_t tensor_offset(const Written& w, int t) {
  std::size_t at = (44 + w.bytes[40] + (w.bytes[41] << 8) + 3) / 4 * 4;
  LmParams p;
  std::vector<float> m(w.memory);
  const auto tensors = lm_tensors(w.c, m.data(), p);
  for (int i = 0; i < t; ++i) {
    const std::size_t count = static_cast<std::size_t>(tensors[i].rows) * tensors[i].cols;
    at += 12 + (tensors[i].quantised ? (2 * tensors[i].rows + count + 3) / 4 * 4 : 4 * count);
  }
  return at;
}
}  // namespace

TEST_CASE("float16 conversion: exact values, rounding, limits") {
  CHECK(float_to_half(1.f) == 0x3c00);
  CHECK(float_to_half(-2.f) == 0xc000);
  CHECK(float_to_half(65504.f) == 0x7bff);
  CHECK(float_to_half(1e6f) == 0x7c00);
  CHECK(float_to_half(std::ldexp(1.f, -24)) == 0x0001);  // smallest subnormal
  CHECK(half_to_float(0x3555) == doctest::Approx(0.33325195).epsilon(1e-7));
  CHECK(std::isnan(half_to_float(float_to_half(std::numeric_limits<float>::quiet_NaN()))));
  for (float x : {0.0123f, 0.5f, 3.14159f, 1e-5f, 0.000123f}) {
    const float back = half_to_float(float_to_half(x));
    CHECK(std::fabs(back - x) <= std::fabs(x) * 1e-3f + 6e-8f);
  }
}

TEST_CASE("weights round trip within half a quantisation step per row") {
  Written w;
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  WeightsReport r;
  REQUIRE(lm_read_weights(w.bytes.data(), w.bytes.size(), c, memory, p, r));
  CHECK(c.vocab == 5);
  CHECK(c.d_model == 8);
  CHECK(c.heads == 2);
  CHECK(c.d_ff == 16);
  CHECK(std::string(reinterpret_cast<const char*>(w.bytes.data()) + r.vocab_offset, r.vocab_bytes) == "<s>\n<unk>\nthe\ncat\nsat");
  LmParams po, pr;
  const auto original = lm_tensors(w.c, w.memory.data(), po);
  const auto restored = lm_tensors(c, memory.data(), pr);
  for (std::size_t t = 0; t < original.size(); ++t) {
    CAPTURE(original[t].name);
    for (int row = 0; row < original[t].rows; ++row) {
      float max = 0.f;
      for (int j = 0; j < original[t].cols; ++j) max = std::max(max, std::fabs(original[t].data[row * original[t].cols + j]));
      const float step = original[t].quantised ? max / 127.f * 1.001f : 0.f;
      for (int j = 0; j < original[t].cols; ++j) {
        const float a = original[t].data[row * original[t].cols + j], b = restored[t].data[row * original[t].cols + j];
        CHECK(std::fabs(a - b) <= step / 2 + 1e-7f);
      }
    }
  }
}

TEST_CASE("every kind of damage to a weights file is named") {
  Written w;
  SUBCASE("too short for the header") {
    std::vector<std::uint8_t> b(w.bytes.begin(), w.bytes.begin() + 20);
    CHECK(read(b).problem == WeightsProblem::kTooShort);
    CHECK(lm_describe(read(b)).find("too short") != std::string::npos);
  }
  SUBCASE("cut short inside a tensor, at every length past the vocabulary") {
    const std::size_t first = tensor_offset(w, 0);
    for (std::size_t len = first; len < w.bytes.size(); len += 97) {
      CAPTURE(len);
      std::vector<std::uint8_t> b(w.bytes.begin(), w.bytes.begin() + len);
      const WeightsReport r = read(b);
      CHECK(r.problem == WeightsProblem::kTensorTruncated);
      CHECK(lm_describe(r).find("cut short inside tensor") != std::string::npos);
    }
  }
  SUBCASE("cut short inside the vocabulary") {
    std::vector<std::uint8_t> b(w.bytes.begin(), w.bytes.begin() + 50);
    CHECK(read(b).problem == WeightsProblem::kVocabularyTruncated);
  }
  SUBCASE("extra bytes after the last tensor") {
    std::vector<std::uint8_t> b = w.bytes;
    b.insert(b.end(), 6, 0);
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kExtraBytes);
    CHECK(r.found == 6);
  }
  SUBCASE("wrong magic") {
    std::vector<std::uint8_t> b = w.bytes;
    b[0] = 'P';
    CHECK(read(b).problem == WeightsProblem::kBadMagic);
  }
  SUBCASE("unknown version") {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, 4, 2);
    CHECK(read(b).problem == WeightsProblem::kBadVersion);
  }
  SUBCASE("heads that do not divide d_model") {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, 20, 3);
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kBadConfig);
    CHECK(r.field == 4);
  }
  SUBCASE("a huge vocabulary size") {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, 8, 0xffffffffu);
    CHECK(read(b).problem == WeightsProblem::kBadConfig);
  }
  SUBCASE("a header that disagrees with the vocabulary") {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, 8, 6);
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kVocabularyCount);
    CHECK(r.expected == 6);
    CHECK(r.found == 5);
  }
  SUBCASE("a tensor of the wrong shape") {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, tensor_offset(w, 2), 7);  // layer 1 W_Q rows
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kTensorShape);
    CHECK(r.tensor_name == "layer 1 attention W_Q");
    CHECK(lm_describe(r) == "Tensor 3 (layer 1 attention W_Q) has the wrong size: 7 × 8 in the file, 8 × 8 for this model.");
  }
  SUBCASE("a NaN in a float32 tensor") {
    std::vector<std::uint8_t> b = w.bytes;
    const float nan = std::numeric_limits<float>::quiet_NaN();
    std::memcpy(b.data() + tensor_offset(w, 6) + 12 + 4 * 3, &nan, 4);  // layer 1 norm 1 gain, entry 3
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kNotFinite);
    CHECK(r.tensor_name == "layer 1 norm 1 gain");
    CHECK(r.found == 3);
  }
  SUBCASE("an infinite row scale in an int8 tensor") {
    std::vector<std::uint8_t> b = w.bytes;
    const std::size_t at = tensor_offset(w, 0) + 12 + 2 * 2;  // token embedding, row 2's scale
    b[at] = 0x00;
    b[at + 1] = 0x7c;
    const WeightsReport r = read(b);
    CHECK(r.problem == WeightsProblem::kNotFinite);
    CHECK(r.tensor_name == "token embedding");
  }
  SUBCASE("too large") {
    CHECK(read(std::vector<std::uint8_t>(kMaxWeightsBytes + 1, 0)).problem == WeightsProblem::kTooLarge);
  }
}

TEST_CASE("a header declaring a big model is refused before the model's memory is allocated") {
  Written w;
  // Keep the small file's vocabulary and tensors, but declare bigger sizes in the header.
  auto declare = [&w](int vocab_words, int d_model, int layers, int heads, int d_ff, int context) {
    std::vector<std::uint8_t> b = w.bytes;
    put_u32(b, 8, static_cast<std::uint32_t>(vocab_words));
    put_u32(b, 12, static_cast<std::uint32_t>(d_model));
    put_u32(b, 16, static_cast<std::uint32_t>(layers));
    put_u32(b, 20, static_cast<std::uint32_t>(heads));
    put_u32(b, 24, static_cast<std::uint32_t>(d_ff));
    put_u32(b, 28, static_cast<std::uint32_t>(context));
    return b;
  };
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  WeightsReport r;
  SUBCASE("within the memory limit: refused from the layout (the file is far too short)") {
    const auto b = declare(5, 1024, 1, 4, 2048, 4);  // ~33 MiB as float32
    CHECK_FALSE(lm_read_weights(b.data(), b.size(), c, memory, p, r));
    CHECK(r.problem == WeightsProblem::kTensorShape);
    CHECK(memory.empty());
  }
  SUBCASE("over it: refused from the header alone, in 64-bit arithmetic") {
    // 15 layers × 1024 heads × a 1024 × 1024 context: the workspace alone is 2^34 floats, which
    // wrapped around a 32-bit size_t in wasm before
    const auto b = declare(5, 1024, 15, 1024, 1, 1024);
    CHECK_FALSE(lm_read_weights(b.data(), b.size(), c, memory, p, r));
    CHECK(r.problem == WeightsProblem::kTooMuchMemory);
    CHECK(memory.empty());
    CHECK(lm_describe(r).find("too big to run here: it would need 62384 MiB of memory, more than the 256 MiB") != std::string::npos);
    CHECK(lm_memory_bytes(c) > (std::uint64_t{1} << 32));
  }
  SUBCASE("the small model itself needs far less than the limit") {
    CHECK(lm_read_weights(w.bytes.data(), w.bytes.size(), c, memory, p, r));
    CHECK(lm_memory_bytes(c) < (1u << 20));
  }
}
