// Deterministic initial weights for the language model from a seed: matrices ~ N(0, σ²) with
// σ = 0.02 for embeddings and 1/√fan_in for the block's matrices (W_O and W_2 scaled down by
// 1/√(2·layers), GPT-2 style), norm gains 1, biases 0.
#pragma once
#include <cstdint>

#include "lm/config.hpp"
#include "lm/params.hpp"

namespace attn::lm {
void lm_init_params(const LmConfig& c, float* memory, std::uint64_t seed);
}  // namespace attn::lm
