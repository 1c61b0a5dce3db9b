// libFuzzer target for the language model's weights-file reader (src/lm/weights_file), built by
// scripts/fuzz.sh with clang's -fsanitize=fuzzer,address,undefined and run with a 256 MiB malloc
// limit; not part of npm test. The input is the file itself, started from small valid models in
// tests/fuzz/corpus/lm_weights_fuzz/ (written by tests/fuzz/lm-file.mjs). Checks:
// - the reader never crashes, reads out of bounds or allocates more than the limit, whatever the
//   header declares (a short file must not allocate the model its header describes);
// - a refusal names a problem and its sentence is words (lm_describe);
// - a file it accepts has finite parameters, a memory need under kMaxModelBytes, and (when small)
//   runs forward on a few tokens: when lm_outputs_valid says the numbers did not overflow, no
//   weight lies right of the diagonal and every attention row sums to 1 (an independent check of
//   the same rows, in the layout the page reads).
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "lm/model.hpp"
#include "lm/weights_file.hpp"

using namespace attn;
using namespace attn::lm;

namespace {
[[noreturn]] void fail(const char* what, double a = 0, double b = 0) {
  std::fprintf(stderr, "fuzz check failed: %s (%.9g, %.9g)\n", what, a, b);
  std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  LmConfig c;
  std::vector<float> memory;
  LmParams p;
  WeightsReport r;
  if (!lm_read_weights(data, size, c, memory, p, r)) {
    if (r.problem == WeightsProblem::kNone) fail("refused without a problem");
    const std::string m = lm_describe(r);
    if (m.size() < 30 || m.find("weights file") == std::string::npos && m.find("Tensor") == std::string::npos &&
                             m.find("model") == std::string::npos)
      fail("a refusal that is not a sentence", static_cast<double>(m.size()));
    return 0;
  }
  if (lm_config_problem(c)) fail("accepted an impossible config", lm_config_problem(c));
  for (std::size_t i = 0; i < memory.size(); ++i)
    if (!std::isfinite(memory[i])) fail("accepted a non-finite parameter", static_cast<double>(i), memory[i]);
  if (lm_memory_bytes(c) > kMaxModelBytes) fail("accepted a model over the memory limit", static_cast<double>(lm_memory_bytes(c)));

  // Run small models on a few tokens taken from the file's own bytes.
  if (lm_memory_bytes(c) > (16u << 20)) return 0;
  const int n = 1 + static_cast<int>(size % static_cast<std::size_t>(c.context));
  std::vector<int> tokens(n);
  for (int i = 0; i < n; ++i) tokens[i] = static_cast<int>(data[(i * 7919u) % size]) % c.vocab;
  LmWorkspace w;
  lm_workspace_init(c, c.context, w);
  const int seq_start[2] = {0, n};
  lm_forward(Impl::kSimd, c, p, w, tokens.data(), seq_start, 1, nullptr);
  if (!lm_outputs_valid(c, w, n)) return 0;  // lm_run reports this as an overflow, in words
  for (int l = 0; l < c.layers; ++l)
    for (int h = 0; h < c.heads; ++h)
      for (int i = 0; i < n; ++i) {
        double sum = 0;
        for (int j = 0; j < n; ++j) {
          const float x = w.layer[l].att[(static_cast<std::size_t>(h) * n + i) * n + j];
          if (j > i && x != 0.f) fail("weight on a later token", i, j);
          sum += x;
        }
        if (std::fabs(sum - 1) > 1e-4) fail("an attention row does not sum to 1", i, sum);
      }
  return 0;
}
