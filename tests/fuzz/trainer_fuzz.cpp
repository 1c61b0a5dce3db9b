// libFuzzer target for the trainer's configuration and its sentence entry points (src/train), the
// C++ behind wasm/train_abi.cpp; built by scripts/fuzz.sh with clang's
// -fsanitize=fuzzer,address,undefined; not part of npm test. The first 16 bytes are the settings
// (task, layers, heads, d_model, seed, the learning rate's raw float bits, batch size, positions,
// held-out count), the rest token ids (any int, in range or not) and read-out positions. Checks:
// - Trainer::valid accepts exactly the documented ranges; an accepted trainer never crashes;
// - steps return a finite loss ≥ 0, or NaN with stopped() set and every weight still finite;
// - evaluate gives an accuracy in [0, 1] (and a finite loss while not stopped);
// - run() refuses bad tokens and read-outs, else gives probabilities that sum to 1 and attention
//   rows that sum to 1 (zero right of the diagonal for the causal task), or non-finite numbers
//   only after a stop (the ABI reports those as an overflow);
// - the task's readout / answer functions take any token ids without reading out of bounds.
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "train/trainer.hpp"

using namespace attn;
using namespace attn::train;

namespace {
struct Bytes {
  const std::uint8_t* p;
  std::size_t left;
  std::uint8_t u8() { return left ? (--left, *p++) : 0; }
  std::uint32_t u32() { return u8() | u8() << 8 | u8() << 16 | static_cast<std::uint32_t>(u8()) << 24; }
};

[[noreturn]] void fail(const char* what, double a = 0, double b = 0) {
  std::fprintf(stderr, "fuzz check failed: %s (%.9g, %.9g)\n", what, a, b);
  std::abort();
}

// The documented limits, written out again so that valid() is checked against them.
bool documented(const TrainerSettings& s) {
  const int task = static_cast<int>(s.task);
  return task >= 0 && task < kTaskCount && s.layers >= 0 && s.layers <= 2 && (s.heads == 1 || s.heads == 2 || s.heads == 4) &&
         s.d_model >= 4 && s.d_model <= 128 && s.d_model % s.heads == 0 && s.batch_size >= 1 && s.batch_size <= 512 &&
         std::isfinite(s.learning_rate) && s.learning_rate > 0 && s.held_out >= 1 && s.held_out <= 4096;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in{data, size};
  TrainerSettings s;
  s.task = static_cast<TaskId>(static_cast<int>(in.u8() % (kTaskCount + 2)) - 1);  // −1 … kTaskCount
  s.layers = static_cast<int>(in.u8() % 5) - 1;                                     // −1 … 3
  s.heads = static_cast<int>(in.u8() % 6);                                          // 0 … 5
  s.d_model = static_cast<int>(in.u8());                                            // 0 … 255
  s.seed = in.u8();
  const std::uint32_t lr_bits = in.u32();
  std::memcpy(&s.learning_rate, &lr_bits, 4);  // any float: NaN, ±∞, denormals, 1e38
  s.batch_size = static_cast<int>(in.u8() | (in.u8() & 3) << 8);                    // 0 … 1023
  s.learned_positions = in.u8() & 1;
  s.held_out = static_cast<int>(in.u8() | (in.u8() & 31) << 8) - 1;                 // −1 … 8190
  if (Trainer::valid(s) != documented(s)) fail("valid() disagrees with the documented limits", static_cast<int>(s.task), s.d_model);
  if (!Trainer::valid(s)) return 0;
  // Keep one input to a few milliseconds (thousands a minute under ASan): big models get small
  // batches, and every held-out set is small; both were checked against the limits above.
  const double work = double(s.batch_size) * s.d_model * s.d_model * (s.layers ? s.layers : 1);
  if (work > 2e5) s.batch_size = 1 + s.batch_size % 4;
  s.held_out = 1 + s.held_out % 32;

  Trainer t(s, Impl::kSimd);
  const int steps = 1 + in.u8() % 3;
  for (int i = 0; i < steps; ++i) {
    const float loss = t.step(1);
    if (t.stopped()) {
      if (!std::isnan(loss)) fail("a stopped step returned a number", loss);
      for (float w : t.model().parameters())
        if (!std::isfinite(w)) fail("a weight is not finite after the stop", w);
    } else if (!std::isfinite(loss) || loss < 0) {
      fail("a step's loss", loss);
    }
  }
  const Evaluation ev = t.evaluate();
  if (!(ev.accuracy >= 0 && ev.accuracy <= 1)) fail("held-out accuracy", ev.accuracy);
  if (!t.stopped() && !std::isfinite(ev.loss)) fail("held-out loss", ev.loss);

  // Sentences straight from the bytes: any ids, any length up to 20, any read-out.
  const int vocab = static_cast<int>(t.task().vocabulary().size());
  while (in.left >= 2) {
    const int n = in.u8() % 21;
    std::vector<int> tokens(n);
    for (int& id : tokens) id = static_cast<int>(static_cast<std::int8_t>(in.u8())) % (vocab + 3);
    const int readout = static_cast<int>(in.u8() % 24) - 2;
    t.task().readout_position(tokens);
    t.task().answer_position(tokens);
    t.task().answer_class(tokens);
    std::vector<float> p, w;
    bool in_range = n >= 1 && n <= kMaxTokens && readout >= 0 && readout < n;
    for (int id : tokens) in_range = in_range && id >= 0 && id < vocab;
    const bool ran = t.run(tokens, readout, p, w);
    if (ran != in_range) fail("run() accepted a bad sentence or refused a good one", n, readout);
    if (!ran) continue;
    double sum = 0;
    bool finite = true;
    for (float x : p) sum += x, finite = finite && std::isfinite(x);
    for (float x : w) finite = finite && std::isfinite(x);
    if (!finite) {
      if (!t.stopped()) fail("non-finite results from a model that did not stop");
      continue;
    }
    if (std::fabs(sum - 1) > 1e-4) fail("probabilities sum", sum);
    const int blocks = static_cast<int>(w.size()) / (n * n);
    for (int b = 0; b < blocks; ++b)
      for (int i = 0; i < n; ++i) {
        double row = 0;
        for (int j = 0; j < n; ++j) {
          const float x = w[(static_cast<std::size_t>(b) * n + i) * n + j];
          if (t.task().causal() && j > i && x != 0.f) fail("causal weight on a later token", i, j);
          row += x;
        }
        if (std::fabs(row - 1) > 1e-4) fail("an attention row does not sum to 1", i, row);
      }
  }
  return 0;
}
