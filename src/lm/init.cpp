// Seeded initialisation of every parameter tensor, in layout order.
#include "lm/init.hpp"

#include <cmath>

#include "rng.hpp"

namespace attn::lm {
void lm_init_params(const LmConfig& c, float* memory, std::uint64_t seed) {
  LmParams p;
  Rng rng(seed);
  const double residual_scale = 1.0 / std::sqrt(2.0 * c.layers);
  for (const LmTensor& t : lm_tensors(c, memory, p)) {
    const long count = static_cast<long>(t.rows) * t.cols;
    const bool gain = t.name.find("gain") != std::string::npos;
    double sigma = 0.0;
    if (t.name.find("embedding") != std::string::npos) sigma = 0.02;
    else if (t.rows > 1) sigma = 1.0 / std::sqrt(static_cast<double>(t.rows));
    if (t.name.find("W_O") != std::string::npos || t.name.find("W_2") != std::string::npos) sigma *= residual_scale;
    for (long i = 0; i < count; ++i) t.data[i] = gain ? 1.f : static_cast<float>(rng.normal() * sigma);
  }
}
}  // namespace attn::lm
