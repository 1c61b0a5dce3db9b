// The one way a model lays out its tensors: a list of (pointer to set, size in floats) carved out
// of one buffer, each tensor starting on a 16-byte boundary (llm.c's malloc_and_point_parameters).
// Parameters, their gradients and Adam's moments use the same list, so they line up float for
// float and the optimiser can run over one flat buffer.
#pragma once
#include <cstddef>
#include <initializer_list>
#include <vector>

namespace attn::nn {
struct TensorSlot {
  float** pointer;  // set to the tensor's first float
  std::size_t floats;
};

// Floats needed for the slots (each rounded up to a multiple of 4).
inline std::size_t layout_floats(std::initializer_list<std::size_t> sizes) {
  std::size_t total = 0;
  for (std::size_t s : sizes) total += (s + 3) / 4 * 4;
  return total;
}

// Resizes `memory` (zero-filled) to hold every slot and points each slot into it, in order.
// Returns the number of floats used. The pointers stay valid until `memory` is resized again.
inline std::size_t point_tensors(std::vector<float>& memory, const std::vector<TensorSlot>& slots) {
  std::size_t total = 0;
  for (const TensorSlot& s : slots) total += (s.floats + 3) / 4 * 4;
  memory.assign(total, 0.f);
  std::size_t at = 0;
  for (const TensorSlot& s : slots) {
    *s.pointer = s.floats ? memory.data() + at : nullptr;
    at += (s.floats + 3) / 4 * 4;
  }
  return total;
}
}  // namespace attn::nn
