// Test-only reference: attention written the plainest way, in double precision, sharing no code
// with src/. Tests compare the engine (both kernel twins) against it.
#pragma once
#include <cmath>
#include <limits>
#include <random>
#include <vector>

#include "attention.hpp"

namespace ref {
using Mat = std::vector<double>;  // row-major

struct Result {
  std::vector<Mat> scores, weights;  // per head, (n, n)
  Mat concat, output;                // (n, h·d_v), (n, d_model)
};

inline Mat matmul(const std::vector<float>& a, int n, int m, const std::vector<float>& b, int p) {
  Mat c(static_cast<size_t>(n) * p, 0.0);
  for (int i = 0; i < n; ++i)
    for (int k = 0; k < m; ++k)
      for (int j = 0; j < p; ++j) c[i * p + j] += double(a[i * m + k]) * b[k * p + j];
  return c;
}

inline Result attention(const std::vector<float>& x, const std::vector<float>& wq,
                        const std::vector<float>& wk, const std::vector<float>& wv,
                        const std::vector<float>* wo, const attn::AttentionShape& s,
                        const attn::Mask& mask, bool scale) {
  const int n = s.n, hk = s.heads * s.d_k, hv = s.heads * s.d_v;
  Mat q = matmul(x, n, s.d_model, wq, hk), k = matmul(x, n, s.d_model, wk, hk),
      v = matmul(x, n, s.d_model, wv, hv);
  Result r;
  r.concat.assign(static_cast<size_t>(n) * hv, 0.0);
  for (int h = 0; h < s.heads; ++h) {
    Mat sc(n * n), w(n * n, 0.0);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        double d = 0;
        for (int c = 0; c < s.d_k; ++c) d += q[i * hk + h * s.d_k + c] * k[j * hk + h * s.d_k + c];
        sc[i * n + j] = d;
      }
    for (int i = 0; i < n; ++i) {
      double m = -std::numeric_limits<double>::infinity();
      for (int j = 0; j < n; ++j)
        if (!mask.hides(i, j)) m = std::max(m, sc[i * n + j] / (scale ? std::sqrt(double(s.d_k)) : 1.0));
      double sum = 0;
      for (int j = 0; j < n; ++j)
        if (!mask.hides(i, j)) sum += w[i * n + j] = std::exp(sc[i * n + j] / (scale ? std::sqrt(double(s.d_k)) : 1.0) - m);
      for (int j = 0; j < n; ++j) w[i * n + j] = sum > 0 ? w[i * n + j] / sum : 0.0;
      for (int c = 0; c < s.d_v; ++c) {
        double acc = 0;
        for (int j = 0; j < n; ++j) acc += w[i * n + j] * v[j * hv + h * s.d_v + c];
        r.concat[i * hv + h * s.d_v + c] = acc;
      }
    }
    r.scores.push_back(sc);
    r.weights.push_back(w);
  }
  if (wo) {
    r.output.assign(static_cast<size_t>(n) * s.d_model, 0.0);
    for (int i = 0; i < n; ++i)
      for (int c = 0; c < hv; ++c)
        for (int j = 0; j < s.d_model; ++j) r.output[i * s.d_model + j] += r.concat[i * hv + c] * (*wo)[c * s.d_model + j];
  } else {
    r.output = r.concat;
  }
  return r;
}

inline std::vector<float> random_floats(std::mt19937& g, size_t count, float spread = 1.f) {
  std::normal_distribution<float> d(0.f, spread);
  std::vector<float> v(count);
  for (auto& e : v) e = d(g);
  return v;
}

// Runs the engine on the given inputs and keeps the workspace alive with the views into it.
struct EngineRun {
  std::vector<float> workspace;
  attn::AttentionBuffers b;
  attn::Status status;
  EngineRun(const std::vector<float>& x, const std::vector<float>& wq, const std::vector<float>& wk,
            const std::vector<float>& wv, const std::vector<float>* wo, const attn::AttentionShape& s,
            const attn::AttentionOptions& o)
      : workspace(attn::workspace_floats(s, o.keep_intermediates), std::nanf("")) {
    b = attn::carve_workspace(workspace.data(), s, o.keep_intermediates);
    attn::AttentionParams p;
    p.wq = wq.data(), p.wk = wk.data(), p.wv = wv.data(), p.wo = wo ? wo->data() : nullptr;
    status = attn::attention_forward(x.data(), p, s, o, b);
  }
};
}  // namespace ref
