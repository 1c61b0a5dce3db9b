// The one place that decides whether SIMD kernels exist in this build, and the batch type they use.
// ATTN_SIMD=1: kernels use xsimd batches (SSE4.1 natively; under emscripten, SSE4.1 intrinsics that
// clang lowers to wasm SIMD128 f32x4). ATTN_SIMD=0 (the scalar wasm build): only the scalar twins
// are compiled and the "simd" entry points forward to them. Not for math: see the kernel files.
#pragma once

#ifndef ATTN_SIMD
#define ATTN_SIMD 1
#endif

#if ATTN_SIMD
#include <xsimd/xsimd.hpp>
namespace attn {
using fbatch = xsimd::batch<float>;
constexpr int kLanes = static_cast<int>(fbatch::size);
}  // namespace attn
#else
namespace attn {
constexpr int kLanes = 1;
}  // namespace attn
#endif

namespace attn {
// Which twin of a kernel to run. Tests run both and compare; the engine uses kSimd.
enum class Impl { kScalar, kSimd };
constexpr bool simd_compiled() { return ATTN_SIMD != 0; }
}  // namespace attn
