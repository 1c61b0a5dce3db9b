// Writing and checked reading of the language model's weights file (layout in the header).
#include "lm/weights_file.hpp"

#include "lm/model.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace attn::lm {
namespace {
constexpr std::size_t kHeaderBytes = 44;
constexpr std::uint32_t kInt8Rows = 1;
constexpr std::uint32_t kFloat32 = 0;

void put_u32(std::vector<std::uint8_t>& out, std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}
void pad4(std::vector<std::uint8_t>& out) {
  while (out.size() % 4) out.push_back(0);
}
std::uint32_t get_u32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}
std::size_t round4(std::size_t n) { return (n + 3) / 4 * 4; }
}  // namespace

std::uint16_t float_to_half(float f) {
  std::uint32_t x;
  std::memcpy(&x, &f, 4);
  const std::uint32_t sign = (x >> 16) & 0x8000u;
  const std::uint32_t absx = x & 0x7fffffffu;
  if (absx >= 0x7f800000u) return static_cast<std::uint16_t>(sign | 0x7c00u | (absx > 0x7f800000u ? 0x200u : 0));
  if (absx >= 0x477ff000u) return static_cast<std::uint16_t>(sign | 0x7c00u);  // rounds past 65504: infinity
  if (absx < 0x38800000u) {  // below the smallest normal half: subnormal or zero
    float a;
    std::memcpy(&a, &absx, 4);
    const float q = std::nearbyint(a * 16777216.0f);  // units of 2^-24
    return static_cast<std::uint16_t>(sign | static_cast<std::uint32_t>(q));
  }
  // normal: rebias the exponent, round the 13 dropped mantissa bits to nearest even
  std::uint32_t h = ((absx >> 13) - (112u << 10));
  const std::uint32_t rest = absx & 0x1fffu;
  if (rest > 0x1000u || (rest == 0x1000u && (h & 1u))) ++h;
  return static_cast<std::uint16_t>(sign | h);
}

float half_to_float(std::uint16_t h) {
  const std::uint32_t sign = static_cast<std::uint32_t>(h & 0x8000u) << 16;
  const std::uint32_t exp = (h >> 10) & 0x1fu;
  const std::uint32_t man = h & 0x3ffu;
  if (exp == 0) {
    const float v = std::ldexp(static_cast<float>(man), -24);
    return sign ? -v : v;
  }
  std::uint32_t x = exp == 31 ? (sign | 0x7f800000u | (man << 13)) : (sign | ((exp + 112u) << 23) | (man << 13));
  float f;
  std::memcpy(&f, &x, 4);
  return f;
}

std::vector<std::uint8_t> lm_write_weights(const LmConfig& c, float* memory, const std::vector<std::string>& vocabulary) {
  LmParams p;
  const std::vector<LmTensor> tensors = lm_tensors(c, memory, p);
  std::vector<std::uint8_t> out = {'A', 'T', 'L', 'M'};
  put_u32(out, kWeightsVersion);
  for (int v : {c.vocab, c.d_model, c.layers, c.heads, c.d_ff, c.context, c.pre_norm}) put_u32(out, static_cast<std::uint32_t>(v));
  put_u32(out, static_cast<std::uint32_t>(tensors.size()));
  std::string words;
  for (std::size_t i = 0; i < vocabulary.size(); ++i) words += (i ? "\n" : "") + vocabulary[i];
  put_u32(out, static_cast<std::uint32_t>(words.size()));
  out.insert(out.end(), words.begin(), words.end());
  pad4(out);
  for (const LmTensor& t : tensors) {
    put_u32(out, static_cast<std::uint32_t>(t.rows));
    put_u32(out, static_cast<std::uint32_t>(t.cols));
    put_u32(out, t.quantised ? kInt8Rows : kFloat32);
    if (!t.quantised) {
      const std::size_t at = out.size();
      out.resize(at + 4u * t.rows * t.cols);
      std::memcpy(out.data() + at, t.data, 4u * t.rows * t.cols);
      continue;
    }
    // int8 rows: scale = max |x| / 127 (rounded to float16), q = round(x / scale)
    std::vector<float> scales(t.rows);
    for (int r = 0; r < t.rows; ++r) {
      float m = 0.f;
      for (int j = 0; j < t.cols; ++j) m = std::max(m, std::fabs(t.data[static_cast<long>(r) * t.cols + j]));
      const std::uint16_t h = float_to_half(m / 127.f);
      scales[r] = half_to_float(h);
      out.push_back(static_cast<std::uint8_t>(h & 0xff));
      out.push_back(static_cast<std::uint8_t>(h >> 8));
    }
    for (int r = 0; r < t.rows; ++r)
      for (int j = 0; j < t.cols; ++j) {
        const float x = t.data[static_cast<long>(r) * t.cols + j];
        const float q = scales[r] > 0.f ? std::nearbyint(x / scales[r]) : 0.f;
        out.push_back(static_cast<std::uint8_t>(static_cast<std::int8_t>(std::clamp(q, -127.f, 127.f))));
      }
    pad4(out);
  }
  return out;
}

bool lm_read_config(const std::uint8_t* bytes, std::size_t size, LmConfig& c, WeightsReport& r) {
  r = WeightsReport{};
  auto fail = [&r](WeightsProblem why) {
    r.problem = why;
    return false;
  };
  if (size > kMaxWeightsBytes) {
    r.found = static_cast<long long>(size);
    return fail(WeightsProblem::kTooLarge);
  }
  if (size < kHeaderBytes) {
    r.found = static_cast<long long>(size);
    return fail(WeightsProblem::kTooShort);
  }
  if (std::memcmp(bytes, "ATLM", 4) != 0) return fail(WeightsProblem::kBadMagic);
  if (get_u32(bytes + 4) != kWeightsVersion) {
    r.found = get_u32(bytes + 4);
    return fail(WeightsProblem::kBadVersion);
  }
  std::uint32_t fields[7];
  for (int i = 0; i < 7; ++i) fields[i] = get_u32(bytes + 8 + 4 * i);
  for (int i = 0; i < 7; ++i)
    if (fields[i] > 1u << 20) {  // larger than any limit; keeps the int conversion below safe
      r.field = i + 1;
      r.found = fields[i];
      return fail(WeightsProblem::kBadConfig);
    }
  c = LmConfig{static_cast<int>(fields[0]), static_cast<int>(fields[1]), static_cast<int>(fields[2]), static_cast<int>(fields[3]),
               static_cast<int>(fields[4]), static_cast<int>(fields[5]), static_cast<int>(fields[6])};
  if (int bad = lm_config_problem(c)) {
    r.field = bad;
    r.found = fields[bad - 1];
    return fail(WeightsProblem::kBadConfig);
  }
  if (lm_memory_bytes(c) > kMaxModelBytes) {
    r.found = static_cast<long long>(lm_memory_bytes(c));
    return fail(WeightsProblem::kTooMuchMemory);
  }
  return true;
}

bool lm_read_weights(const std::uint8_t* bytes, std::size_t size, LmConfig& c, std::vector<float>& memory, LmParams& p,
                     WeightsReport& r) {
  if (!lm_read_config(bytes, size, c, r)) return false;
  auto fail = [&r](WeightsProblem why) {
    r.problem = why;
    return false;
  };
  // the vocabulary block
  const std::size_t vocab_bytes = get_u32(bytes + 40);
  if (vocab_bytes > size - kHeaderBytes) return fail(WeightsProblem::kVocabularyTruncated);
  r.vocab_offset = kHeaderBytes;
  r.vocab_bytes = vocab_bytes;
  long long words = vocab_bytes > 0 ? 1 : 0;
  for (std::size_t i = 0; i < vocab_bytes; ++i) words += bytes[kHeaderBytes + i] == '\n';
  if (words != c.vocab) {
    r.expected = c.vocab;
    r.found = words;
    return fail(WeightsProblem::kVocabularyCount);
  }
  const std::size_t first = round4(kHeaderBytes + vocab_bytes);
  // pass 1, the layout: every tensor's header and length, before any memory is allocated (so a
  // short file whose header describes a huge model is refused for free)
  const std::vector<LmTensor> shapes = lm_tensor_shapes(c);
  if (get_u32(bytes + 36) != shapes.size()) {
    r.expected = static_cast<long long>(shapes.size());
    r.found = get_u32(bytes + 36);
    return fail(WeightsProblem::kTensorCount);
  }
  std::size_t at = first;
  for (std::size_t t = 0; t < shapes.size(); ++t) {
    const LmTensor& x = shapes[t];
    r.tensor = static_cast<int>(t);
    r.tensor_name = x.name;
    if (at > size || size - at < 12) return fail(WeightsProblem::kTensorTruncated);
    const std::uint32_t rows = get_u32(bytes + at), cols = get_u32(bytes + at + 4), enc = get_u32(bytes + at + 8);
    at += 12;
    if (rows != static_cast<std::uint32_t>(x.rows) || cols != static_cast<std::uint32_t>(x.cols)) {
      r.expected = x.rows;
      r.expected2 = x.cols;
      r.found = rows;
      r.found2 = cols;
      return fail(WeightsProblem::kTensorShape);
    }
    const std::uint32_t want = x.quantised ? kInt8Rows : kFloat32;
    if (enc != want) {
      r.expected = want;
      r.found = enc;
      return fail(WeightsProblem::kTensorEncoding);
    }
    const std::size_t count = static_cast<std::size_t>(rows) * cols;
    const std::size_t need = x.quantised ? round4(2 * rows + count) : 4 * count;
    if (need > size - at) return fail(WeightsProblem::kTensorTruncated);
    at += need;
  }
  r.tensor = -1;
  r.tensor_name.clear();
  if (at != size) {
    r.found = static_cast<long long>(size - at);
    return fail(WeightsProblem::kExtraBytes);
  }
  // pass 2, the values: dequantise into the model's memory and check that each is finite
  std::vector<LmTensor> tensors = point_lm_params(c, memory, p);
  at = first;
  for (std::size_t t = 0; t < tensors.size(); ++t) {
    const LmTensor& x = tensors[t];
    const std::uint32_t rows = static_cast<std::uint32_t>(x.rows), cols = static_cast<std::uint32_t>(x.cols);
    at += 12;
    const std::size_t count = static_cast<std::size_t>(rows) * cols;
    auto not_finite = [&](long long where) {
      r.tensor = static_cast<int>(t);
      r.tensor_name = x.name;
      r.found = where;
      return fail(WeightsProblem::kNotFinite);
    };
    if (x.quantised) {
      const std::uint8_t* scales = bytes + at;
      const std::uint8_t* q = bytes + at + 2 * rows;
      for (std::uint32_t row = 0; row < rows; ++row) {
        const float s = half_to_float(static_cast<std::uint16_t>(scales[2 * row] | scales[2 * row + 1] << 8));
        if (!std::isfinite(s)) return not_finite(row);
        for (std::uint32_t j = 0; j < cols; ++j)
          x.data[static_cast<std::size_t>(row) * cols + j] = s * static_cast<float>(static_cast<std::int8_t>(q[static_cast<std::size_t>(row) * cols + j]));
      }
      at += round4(2 * rows + count);
    } else {
      std::memcpy(x.data, bytes + at, 4 * count);
      for (std::size_t i = 0; i < count; ++i)
        if (!std::isfinite(x.data[i])) return not_finite(static_cast<long long>(i));
      at += 4 * count;
    }
  }
  return true;
}

std::string lm_describe(const WeightsReport& r) {
  static const char* kFields[] = {"", "vocabulary size", "model width d_model", "number of layers", "number of heads",
                                  "feed-forward width", "context length", "norm placement"};
  const std::string n = std::to_string(r.tensor + 1) + " (" + r.tensor_name + ")";
  switch (r.problem) {
    case WeightsProblem::kNone: return "The weights file is fine.";
    case WeightsProblem::kTooShort:
      return "The weights file is too short to be a model: " + std::to_string(r.found) + " bytes, not even the 44-byte header.";
    case WeightsProblem::kTooLarge:
      return "The weights file is too large: " + std::to_string(r.found) + " bytes, more than the 64 MiB this lesson accepts.";
    case WeightsProblem::kBadMagic: return "This is not a language-model weights file: it does not start with \"ATLM\".";
    case WeightsProblem::kBadVersion:
      return "The weights file has format version " + std::to_string(r.found) + "; this lesson reads version 1 only.";
    case WeightsProblem::kBadConfig:
      return std::string("The weights file's header has an impossible ") + kFields[r.field] + ": " + std::to_string(r.found) +
             (r.field == 4 ? " (it must divide d_model)." : ".");
    case WeightsProblem::kTooMuchMemory:
      return "The weights file describes a model too big to run here: it would need " + std::to_string(r.found >> 20) +
             " MiB of memory, more than the " + std::to_string(kMaxModelBytes >> 20) + " MiB this lesson allows.";
    case WeightsProblem::kVocabularyTruncated: return "The weights file is cut short inside its vocabulary.";
    case WeightsProblem::kVocabularyCount:
      return "The weights file's vocabulary lists " + std::to_string(r.found) + " words, but its header says " +
             std::to_string(r.expected) + ".";
    case WeightsProblem::kTensorCount:
      return "The weights file holds " + std::to_string(r.found) + " tensors, but a model of this shape has " +
             std::to_string(r.expected) + ".";
    case WeightsProblem::kTensorTruncated: return "The weights file is cut short inside tensor " + n + ".";
    case WeightsProblem::kTensorShape:
      return "Tensor " + n + " has the wrong size: " + std::to_string(r.found) + " × " + std::to_string(r.found2) +
             " in the file, " + std::to_string(r.expected) + " × " + std::to_string(r.expected2) + " for this model.";
    case WeightsProblem::kTensorEncoding:
      return "Tensor " + n + " is stored in encoding " + std::to_string(r.found) + ", expected " + std::to_string(r.expected) + ".";
    case WeightsProblem::kNotFinite:
      return "Tensor " + n + " holds a value that is not a finite number (NaN or infinity) at entry " + std::to_string(r.found) + ".";
    case WeightsProblem::kExtraBytes:
      return "The weights file is longer than its model: " + std::to_string(r.found) + " extra bytes after the last tensor.";
  }
  return "The weights file could not be read.";
}
}  // namespace attn::lm
