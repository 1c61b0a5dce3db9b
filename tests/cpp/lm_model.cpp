// The whole causal language model (src/lm/model): its backward pass against finite differences
// for every parameter tensor, in both the post-norm and the pre-norm arrangement, and the causal
// property (a token's logits never depend on later tokens).
#include <doctest/doctest.h>

#include <cmath>
#include <vector>

#include "finite_difference.hpp"
#include "lm/init.hpp"
#include "lm/model.hpp"
#include "rng.hpp"

using namespace attn::lm;

namespace {
LmConfig tiny_config(int pre_norm) {
  LmConfig c;
  c.vocab = 7;
  c.d_model = 8;
  c.layers = 2;
  c.heads = 2;
  c.d_ff = 12;
  c.context = 6;
  c.pre_norm = pre_norm;
  return c;
}
}  // namespace

TEST_CASE("language model backward matches finite differences for every tensor") {
  for (int variant = 0; variant < 4; ++variant) {
    const int pre_norm = variant % 2;
    const bool dropout = variant >= 2;  // with fixed dropout masks on every sublayer's output
    CAPTURE(pre_norm);
    CAPTURE(dropout);
    const LmConfig c = tiny_config(pre_norm);
    std::vector<float> memory, grads;
    LmParams p, g;
    point_lm_params(c, memory, p);
    std::vector<LmTensor> gt = point_lm_params(c, grads, g);
    // Random values everywhere (gains and biases too), so no gradient is zero by symmetry.
    attn::Rng rng(42);
    for (float& x : memory) x = static_cast<float>(rng.normal() * 0.5);
    // two sequences packed: lengths 5 and 3
    const std::vector<int> tokens = {0, 3, 5, 2, 6, 0, 1, 4};
    const std::vector<int> targets = {3, 5, 2, 6, 0, 1, 4, 0};
    const std::vector<int> seq_start = {0, 5, 8};
    LmWorkspace w;
    lm_workspace_init(c, 8, w);
    // masks of 0 or 1/(1−0.25) for (layers, 2, 8 tokens, d)
    std::vector<float> masks(static_cast<std::size_t>(c.layers) * 2 * 8 * c.d_model);
    for (float& m : masks) m = rng.uniform() < 0.25 ? 0.f : 1.f / 0.75f;
    if (dropout) w.dropout_masks = masks.data();
    for (attn::Impl impl : {attn::Impl::kScalar, attn::Impl::kSimd}) {
      CAPTURE(static_cast<int>(impl));
      std::fill(grads.begin(), grads.end(), 0.f);
      lm_forward(impl, c, p, w, tokens.data(), seq_start.data(), 2, targets.data());
      lm_backward(impl, c, p, g, w, tokens.data(), seq_start.data(), 2, targets.data());
      std::vector<LmTensor> pt = lm_tensors(c, memory.data(), p);
      for (std::size_t t = 0; t < pt.size(); ++t) {
        CAPTURE(pt[t].name);
        const long count = static_cast<long>(pt[t].rows) * pt[t].cols;
        for (long i = 0; i < count; ++i) {
          const double numeric = attn::test::central_difference(pt[t].data[i], 1e-2f, [&]() {
            return lm_forward(impl, c, p, w, tokens.data(), seq_start.data(), 2, targets.data());
          });
          CAPTURE(i);
          CHECK(gt[t].data[i] == doctest::Approx(numeric).epsilon(3e-2).scale(0.05 + std::fabs(numeric)));
        }
      }
    }
  }
}

TEST_CASE("language model is causal: changing a later token leaves earlier predictions alone") {
  const LmConfig c = tiny_config(0);
  std::vector<float> memory;
  LmParams p;
  point_lm_params(c, memory, p);
  lm_init_params(c, memory.data(), 9);
  LmWorkspace w;
  lm_workspace_init(c, 5, w);
  const std::vector<int> seq_start = {0, 5};
  std::vector<int> a = {0, 2, 3, 4, 5};
  lm_forward(attn::Impl::kSimd, c, p, w, a.data(), seq_start.data(), 1, nullptr);
  const std::vector<float> before(w.logits, w.logits + 5 * c.vocab);
  a[4] = 6;
  lm_forward(attn::Impl::kSimd, c, p, w, a.data(), seq_start.data(), 1, nullptr);
  for (int i = 0; i < 4 * c.vocab; ++i) CHECK(w.logits[i] == before[i]);
  bool last_changed = false;
  for (int i = 4 * c.vocab; i < 5 * c.vocab; ++i) last_changed = last_changed || w.logits[i] != before[i];
  CHECK(last_changed);
}
