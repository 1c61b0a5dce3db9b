// Parameter layout of the language model: one list of tensors, used to point, save and load.
#include "lm/params.hpp"

namespace attn::lm {
int lm_config_problem(const LmConfig& c) {
  if (c.vocab < 3 || c.vocab > kMaxVocab) return 1;
  if (c.d_model < 1 || c.d_model > kMaxDModel) return 2;
  if (c.layers < 1 || c.layers > kMaxLayers) return 3;
  if (c.heads < 1 || c.heads > c.d_model || c.d_model % c.heads != 0) return 4;
  if (c.d_ff < 1 || c.d_ff > kMaxDff) return 5;
  if (c.context < 2 || c.context > kMaxContext) return 6;
  if (c.pre_norm != 0 && c.pre_norm != 1) return 7;
  return 0;
}

namespace {
std::size_t padded(std::size_t floats) { return (floats + 3) / 4 * 4; }
}  // namespace

std::vector<LmTensor> lm_tensor_shapes(const LmConfig& c) {
  const int d = c.d_model;
  std::vector<LmTensor> t;
  t.push_back({"token embedding", c.vocab, d, true, nullptr});
  t.push_back({"position embedding", c.context, d, true, nullptr});
  for (int l = 0; l < c.layers; ++l) {
    const std::string p = "layer " + std::to_string(l + 1) + " ";
    t.push_back({p + "attention W_Q", d, d, true, nullptr});
    t.push_back({p + "attention W_K", d, d, true, nullptr});
    t.push_back({p + "attention W_V", d, d, true, nullptr});
    t.push_back({p + "attention W_O", d, d, true, nullptr});
    t.push_back({p + "norm 1 gain", 1, d, false, nullptr});
    t.push_back({p + "norm 1 bias", 1, d, false, nullptr});
    t.push_back({p + "feed-forward W_1", d, c.d_ff, true, nullptr});
    t.push_back({p + "feed-forward b_1", 1, c.d_ff, false, nullptr});
    t.push_back({p + "feed-forward W_2", c.d_ff, d, true, nullptr});
    t.push_back({p + "feed-forward b_2", 1, d, false, nullptr});
    t.push_back({p + "norm 2 gain", 1, d, false, nullptr});
    t.push_back({p + "norm 2 bias", 1, d, false, nullptr});
  }
  if (c.pre_norm) {
    t.push_back({"final norm gain", 1, d, false, nullptr});
    t.push_back({"final norm bias", 1, d, false, nullptr});
  }
  return t;
}

std::size_t lm_param_floats(const LmConfig& c) {
  std::size_t total = 0;
  for (const LmTensor& t : lm_tensor_shapes(c)) total += padded(static_cast<std::size_t>(t.rows) * t.cols);
  return total;
}

std::vector<LmTensor> lm_tensors(const LmConfig& c, float* memory, LmParams& p) {
  std::vector<LmTensor> t = lm_tensor_shapes(c);
  std::size_t at = 0;
  for (LmTensor& x : t) {
    x.data = memory + at;
    at += padded(static_cast<std::size_t>(x.rows) * x.cols);
  }
  p.wte = t[0].data;
  p.wpe = t[1].data;
  p.layer.assign(c.layers, LmLayer{});
  for (int l = 0; l < c.layers; ++l) {
    LmTensor* b = &t[2 + 12 * l];
    p.layer[l] = {b[0].data, b[1].data, b[2].data, b[3].data, b[4].data,  b[5].data,
                  b[6].data, b[7].data, b[8].data, b[9].data, b[10].data, b[11].data};
  }
  p.lnf_g = c.pre_norm ? t[2 + 12 * c.layers].data : nullptr;
  p.lnf_b = c.pre_norm ? t[3 + 12 * c.layers].data : nullptr;
  return t;
}

std::vector<LmTensor> point_lm_params(const LmConfig& c, std::vector<float>& memory, LmParams& p) {
  memory.assign(lm_param_floats(c), 0.f);
  return lm_tensors(c, memory.data(), p);
}
}  // namespace attn::lm
