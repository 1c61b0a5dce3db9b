// The C ABI the JS module calls: plain functions over pointers into wasm memory. Argument checks
// with learner-readable messages live in wasm/validate.js; the checks here only keep bad calls
// from touching memory (they return a status code). Exports are listed once, in CMakeLists.txt.
#include <cstdint>
#include <cstdlib>

#include "attention.hpp"
#include "fused_attention.hpp"
#include "positional_encoding.hpp"
#include "projection.hpp"
#include "scores.hpp"
#include "softmax.hpp"
#include "scaling_experiment.hpp"

using namespace attn;

namespace {
AttentionShape make_shape(int n, int d_model, int heads, int d_k, int d_v) {
  AttentionShape s;
  s.n = n, s.d_model = d_model, s.heads = heads, s.d_k = d_k, s.d_v = d_v;
  return s;
}
}  // namespace

extern "C" {

// 1 in the SIMD build, 0 in the scalar build.
int attn_simd_build(void) { return ATTN_SIMD; }

void* attn_alloc(std::uint32_t bytes) { return std::malloc(bytes); }
void attn_free(void* p) { std::free(p); }

// Floats the caller must allocate for attn_forward's workspace, or -1 for a shape out of limits.
double attn_workspace_floats(int n, int d_model, int heads, int d_k, int d_v, int keep) {
  AttentionOptions o;
  const AttentionShape s = make_shape(n, d_model, heads, d_k, d_v);
  if (validate(s, o, true) != Status::kOk) return -1;
  return static_cast<double>(workspace_floats(s, keep != 0));
}

// Runs multi-head attention. Layout of `workspace`: see carve_workspace in src/attention.cpp
// (q, k, v, scores, scaled, masked, weights, concat, output). Returns a Status code.
int attn_forward(const float* x, const float* wq, const float* wk, const float* wv, const float* wo,
                 int n, int d_model, int heads, int d_k, int d_v, int mask_kind, int valid_keys,
                 int scale, int mistake, int keep, float* workspace) {
  if (!workspace) return static_cast<int>(Status::kNullPointer);
  if (mask_kind < 0 || mask_kind > 2) return static_cast<int>(Status::kBadMask);
  if (mistake < 0 || mistake > 2) return static_cast<int>(Status::kBadMistake);
  const AttentionShape s = make_shape(n, d_model, heads, d_k, d_v);
  AttentionOptions o;
  o.mask.kind = static_cast<MaskKind>(mask_kind);
  o.mask.valid_keys = valid_keys;
  o.scale = scale != 0;
  o.mistake = static_cast<Mistake>(mistake);
  o.impl = Impl::kSimd;  // the scalar build's "simd" kernels are the scalar twins
  o.keep_intermediates = keep != 0;
  const Status st = validate(s, o, wo != nullptr);
  if (st != Status::kOk) return static_cast<int>(st);
  AttentionParams p;
  p.wq = wq, p.wk = wk, p.wv = wv, p.wo = wo;
  return static_cast<int>(attention_forward(x, p, s, o, carve_workspace(workspace, s, keep != 0)));
}

// out: (n, d_model). Returns 0, or 1 for sizes out of limits.
int attn_positional_encoding(int n, int d_model, float* out) {
  if (n < 1 || n > kMaxTokens || d_model < 1 || d_model > kMaxModelWidth || !out) return 1;
  positional_encoding(n, d_model, out);
  return 0;
}

// out: 11 doubles in ScalingStats order. Returns 0, or 1 when the sizes are refused.
int attn_scaling_experiment(int d_k, int samples, int n, std::uint32_t seed, double* out) {
  ScalingStats st;
  if (!out || !scaling_experiment(d_k, samples, n, seed, Impl::kSimd, st)) return 1;
  const double v[] = {st.dot_mean,       st.dot_var,           st.scaled_mean, st.scaled_var,
                      st.raw_max_weight, st.scaled_max_weight, st.raw_entropy, st.scaled_entropy,
                      st.raw_one_hot,    st.scaled_one_hot,    st.max_entropy};
  for (int i = 0; i < 11; ++i) out[i] = v[i];
  return 0;
}

// The single passes, for scenes that teach one idea at a time. Each returns 0, or 1 for bad sizes.
// in, out: (rows, cols); axis 0 = softmax along each row, 1 = along each column.
int attn_softmax(const float* in, float* out, int rows, int cols, int axis) {
  if (!in || !out || rows < 1 || cols < 1 || axis < 0 || axis > 1) return 1;
  if (axis == 0) softmax_rows(Impl::kSimd, in, out, rows, cols);
  else softmax_columns(Impl::kSimd, in, out, rows, cols);
  return 0;
}

// a: (n_a, d), b: (n_b, d); out: (n_a, n_b) with out[i][j] = a_i · b_j.
int attn_dot_products(const float* a, const float* b, int n_a, int n_b, int d, float* out) {
  if (!a || !b || !out || n_a < 1 || n_b < 1 || d < 1) return 1;
  scores(Impl::kSimd, a, d, b, d, n_a, n_b, d, out);
  return 0;
}

// a: (n, m), b: (m, p); out: (n, p) = a · b.
int attn_matmul(const float* a, const float* b, int n, int m, int p, float* out) {
  if (!a || !b || !out || n < 1 || m < 1 || p < 1) return 1;
  project(a, n, m, b, p, out);
  return 0;
}

// The fast path (src/fused_attention.hpp): floats of scratch attn_fused_attention needs, or -1
// for sizes out of limits.
double attn_fused_workspace_floats(int n, int heads, int d_k, int d_v) {
  if (!fused_attention_shape_ok(n, heads, d_k, d_v, Mask{})) return -1;
  return static_cast<double>(fused_attention_workspace_floats(n, d_k, d_v));
}

// q, k: (n, heads·d_k); v: (n, heads·d_v); out: (n, heads·d_v); workspace: see above.
// scale: the factor on q·k (1/√d_k, or 1). Returns a Status code.
int attn_fused_attention(const float* q, const float* k, const float* v, float* out, int n, int heads,
                         int d_k, int d_v, int mask_kind, int valid_keys, float scale, float* workspace) {
  if (!q || !k || !v || !out || !workspace) return static_cast<int>(Status::kNullPointer);
  if (mask_kind < 0 || mask_kind > 2) return static_cast<int>(Status::kBadMask);
  Mask mask;
  mask.kind = static_cast<MaskKind>(mask_kind);
  mask.valid_keys = valid_keys;
  if (!fused_attention_shape_ok(n, heads, d_k, d_v, mask)) return static_cast<int>(Status::kBadShape);
  fused_attention(Impl::kSimd, q, k, v, out, n, heads, d_k, d_v, mask, scale, workspace);
  return 0;
}

}  // extern "C"
