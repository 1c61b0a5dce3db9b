// The named activations of the language model's forward pass (src/lm/stages): every stage is the
// matrix the block arrangement says it is — embedded = token + position, each add is the sum of
// what it adds, each norm is LayerNorm of its input with the layer's gain and bias, the last
// stage times W_teᵀ gives the logits — in both arrangements, and bad stages or layers give nullptr.
#include <doctest/doctest.h>

#include <cmath>
#include <string>
#include <vector>

#include "lm/init.hpp"
#include "lm/model.hpp"
#include "lm/stages.hpp"
#include "rng.hpp"

using namespace attn::lm;

namespace {
LmConfig stage_config(int pre_norm) {
  LmConfig c;
  c.vocab = 9;
  c.d_model = 8;
  c.layers = 2;
  c.heads = 2;
  c.d_ff = 12;
  c.context = 6;
  c.pre_norm = pre_norm;
  return c;
}

// LayerNorm of one row x (d) with gain g and bias b, in double, eps as nn/layernorm uses (1e-5).
std::vector<double> layernorm_row(const float* x, const float* g, const float* b, int d) {
  double mean = 0, var = 0;
  for (int j = 0; j < d; ++j) mean += x[j];
  mean /= d;
  for (int j = 0; j < d; ++j) var += (x[j] - mean) * (x[j] - mean);
  var /= d;
  std::vector<double> out(d);
  for (int j = 0; j < d; ++j) out[j] = (x[j] - mean) / std::sqrt(var + 1e-5) * g[j] + b[j];
  return out;
}
}  // namespace

TEST_CASE("stage names and order follow the block arrangement") {
  int order[kStageCount];
  SUBCASE("pre-norm") {
    const int count = lm_stage_order(stage_config(1), order);
    std::string names;
    for (int i = 0; i < count; ++i) names += std::string(lm_stage_name(order[i])) + " ";
    CHECK(names == "token position embedded norm1 attention add1 norm2 feed_forward add2 final_norm ");
  }
  SUBCASE("post-norm") {
    const int count = lm_stage_order(stage_config(0), order);
    std::string names;
    for (int i = 0; i < count; ++i) names += std::string(lm_stage_name(order[i])) + " ";
    CHECK(names == "token position embedded attention add1 norm1 feed_forward add2 norm2 ");
  }
  CHECK(lm_stage_name(kStageCount) == nullptr);
  CHECK(lm_stage_name(-1) == nullptr);
  CHECK(lm_stage_per_layer(kStageAttention));
  CHECK_FALSE(lm_stage_per_layer(kStageEmbedded));
  CHECK_FALSE(lm_stage_per_layer(kStageFinalNorm));
}

TEST_CASE("every stage is the matrix its name says, in both arrangements") {
  for (int pre_norm : {0, 1}) {
    CAPTURE(pre_norm);
    const LmConfig c = stage_config(pre_norm);
    std::vector<float> memory;
    LmParams p;
    point_lm_params(c, memory, p);
    attn::Rng rng(5);
    for (float& x : memory) x = static_cast<float>(rng.normal() * 0.5);
    const int n = 5, d = c.d_model;
    LmWorkspace w;
    lm_workspace_init(c, n, w);
    const std::vector<int> tokens = {0, 3, 8, 1, 4};
    const int seq_start[2] = {0, n};
    lm_forward(attn::Impl::kSimd, c, p, w, tokens.data(), seq_start, 1, nullptr);
    std::vector<float> tok(n * d), pos(n * d);
    const float* t = lm_stage_rows(c, p, w, tokens.data(), n, kStageToken, 0, tok.data());
    const float* q = lm_stage_rows(c, p, w, tokens.data(), n, kStagePosition, 0, pos.data());
    const float* e = lm_stage_rows(c, p, w, tokens.data(), n, kStageEmbedded, 0, nullptr);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < d; ++j) {
        CHECK(t[i * d + j] == p.wte[tokens[i] * d + j]);
        CHECK(q[i * d + j] == p.wpe[i * d + j]);
        CHECK(e[i * d + j] == doctest::Approx(t[i * d + j] + q[i * d + j]).epsilon(1e-6));
      }
    for (int l = 0; l < c.layers; ++l) {
      CAPTURE(l);
      const auto rows = [&](int stage) { return lm_stage_rows(c, p, w, tokens.data(), n, stage, l, nullptr); };
      const float* in = w.layer[l].in;
      const float *n1 = rows(kStageNorm1), *att = rows(kStageAttention), *a1 = rows(kStageAdd1);
      const float *n2 = rows(kStageNorm2), *ffn = rows(kStageFeedForward), *a2 = rows(kStageAdd2);
      for (int i = 0; i < n; ++i) {
        // pre-norm: n1 = LN1(in), a1 = in + att, n2 = LN2(a1), a2 = a1 + ffn
        // post-norm: a1 = in + att, n1 = LN1(a1), a2 = n1 + ffn, n2 = LN2(a2)
        const std::vector<double> ln1 = layernorm_row((pre_norm ? in : a1) + i * d, p.layer[l].ln1_g, p.layer[l].ln1_b, d);
        const std::vector<double> ln2 = layernorm_row((pre_norm ? a1 : a2) + i * d, p.layer[l].ln2_g, p.layer[l].ln2_b, d);
        for (int j = 0; j < d; ++j) {
          const int k = i * d + j;
          CHECK(a1[k] == doctest::Approx(in[k] + att[k]).epsilon(1e-6));
          CHECK(a2[k] == doctest::Approx((pre_norm ? a1[k] : n1[k]) + ffn[k]).epsilon(1e-6));
          CHECK(n1[k] == doctest::Approx(ln1[j]).epsilon(1e-4));
          CHECK(n2[k] == doctest::Approx(ln2[j]).epsilon(1e-4));
        }
      }
    }
    // the last stage is what the output layer reads: logits = last · W_teᵀ
    int order[kStageCount];
    const int last = order[lm_stage_order(c, order) - 1];
    const float* f = lm_stage_rows(c, p, w, tokens.data(), n, last, c.layers - 1, nullptr);
    for (int i = 0; i < n; ++i)
      for (int v = 0; v < c.vocab; ++v) {
        double z = 0;
        for (int j = 0; j < d; ++j) z += static_cast<double>(f[i * d + j]) * p.wte[v * d + j];
        CHECK(w.logits[i * c.vocab + v] == doctest::Approx(z).epsilon(1e-4));
      }
    // what does not exist
    CHECK(lm_stage_rows(c, p, w, tokens.data(), n, kStageAttention, c.layers, nullptr) == nullptr);
    CHECK(lm_stage_rows(c, p, w, tokens.data(), n, kStageAttention, -1, nullptr) == nullptr);
    CHECK(lm_stage_rows(c, p, w, tokens.data(), n, kStageCount, 0, nullptr) == nullptr);
    CHECK(lm_stage_rows(c, p, w, tokens.data(), n + 1, kStageEmbedded, 0, nullptr) == nullptr);
    CHECK((lm_stage_rows(c, p, w, tokens.data(), n, kStageFinalNorm, 0, nullptr) == nullptr) == !pre_norm);
  }
}
