// Every SIMD kernel against its scalar twin at every tile edge (n = 1, 3, 4, 5, 7, 8, 9, 63, 64,
// 65), and the whole forward pass both ways.
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "mask.hpp"
#include "reference.hpp"
#include "scale.hpp"
#include "scores.hpp"
#include "softmax.hpp"
#include "weighted_sum.hpp"

using namespace attn;

namespace {
const int kSizes[] = {1, 3, 4, 5, 7, 8, 9, 63, 64, 65};

void check_close(const std::vector<float>& a, const std::vector<float>& b, double eps) {
  REQUIRE(a.size() == b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::isinf(a[i]) || std::isinf(b[i])) {
      CHECK(a[i] == b[i]);
    } else {
      CHECK(std::fabs(a[i] - b[i]) <= eps * (1.0 + std::fabs(b[i])));
    }
  }
}
}  // namespace

TEST_CASE("scores: SIMD equals scalar at every tile edge") {
  std::mt19937 g(1);
  for (int n : kSizes)
    for (int d : {1, 3, 4, 5, 8, 17, 64}) {
      CAPTURE(n);
      CAPTURE(d);
      const int ld = d + 2;  // a strided slice, like one head inside Q
      auto q = ref::random_floats(g, size_t(n) * ld), k = ref::random_floats(g, size_t(n) * ld);
      std::vector<float> a(size_t(n) * n), b(size_t(n) * n);
      scores_simd(q.data(), ld, k.data(), ld, n, n, d, a.data());
      scores_scalar(q.data(), ld, k.data(), ld, n, n, d, b.data());
      check_close(a, b, 1e-5);
    }
}

TEST_CASE("scale and mask: SIMD equals scalar") {
  std::mt19937 g(2);
  for (int n : kSizes) {
    CAPTURE(n);
    auto in = ref::random_floats(g, size_t(n) * n, 3.f);
    std::vector<float> a(in.size()), b(in.size());
    scale_simd(in.data(), a.data(), long(in.size()), 0.125f);
    scale_scalar(in.data(), b.data(), long(in.size()), 0.125f);
    check_close(a, b, 0);
    for (int kind = 0; kind < 3; ++kind)
      for (int valid : {0, 1, n / 2, n}) {
        Mask m;
        m.kind = static_cast<MaskKind>(kind);
        m.valid_keys = valid;
        mask_simd(in.data(), a.data(), n, m, -std::numeric_limits<float>::infinity());
        mask_scalar(in.data(), b.data(), n, m, -std::numeric_limits<float>::infinity());
        check_close(a, b, 0);
      }
  }
}

TEST_CASE("softmax over rows and over columns: SIMD equals scalar") {
  std::mt19937 g(3);
  for (int n : kSizes) {
    CAPTURE(n);
    auto in = ref::random_floats(g, size_t(n) * n, 4.f);
    // Give some rows and columns −∞ entries, and make the last row entirely −∞.
    for (int j = 0; j < n; j += 3) in[j] = -std::numeric_limits<float>::infinity();
    for (int j = 0; j < n; ++j) in[size_t(n - 1) * n + j] = -std::numeric_limits<float>::infinity();
    std::vector<float> a(in.size()), b(in.size());
    softmax_rows_simd(in.data(), a.data(), n, n);
    softmax_rows_scalar(in.data(), b.data(), n, n);
    check_close(a, b, 2e-6);
    softmax_columns_simd(in.data(), a.data(), n, n);
    softmax_columns_scalar(in.data(), b.data(), n, n);
    check_close(a, b, 2e-6);
    for (float v : a) CHECK(!std::isnan(v));
  }
}

TEST_CASE("weighted sum: SIMD equals scalar") {
  std::mt19937 g(4);
  for (int n : kSizes)
    for (int d : {1, 3, 4, 5, 16, 17, 64, 65}) {
      CAPTURE(n);
      CAPTURE(d);
      auto w = ref::random_floats(g, size_t(n) * n), v = ref::random_floats(g, size_t(n) * (d + 1));
      for (size_t i = 0; i < w.size(); i += 2) w[i] = 0.f;  // zero weights are skipped
      std::vector<float> a(size_t(n) * (d + 3)), b(size_t(n) * (d + 3));
      weighted_sum_simd(w.data(), n, n, v.data(), d + 1, d, a.data(), d + 3);
      weighted_sum_scalar(w.data(), n, n, v.data(), d + 1, d, b.data(), d + 3);
      for (int i = 0; i < n; ++i)
        for (int c = 0; c < d; ++c)
          CHECK(std::fabs(a[size_t(i) * (d + 3) + c] - b[size_t(i) * (d + 3) + c]) <= 1e-5 * (1 + std::fabs(b[size_t(i) * (d + 3) + c])));
    }
}

TEST_CASE("the whole forward pass: SIMD equals scalar, with and without kept intermediates") {
  std::mt19937 g(5);
  for (int n : kSizes) {
    CAPTURE(n);
    AttentionShape s;
    s.n = n, s.d_model = 16, s.heads = 2, s.d_k = 8, s.d_v = 8;
    auto x = ref::random_floats(g, size_t(n) * 16), wq = ref::random_floats(g, 256, 0.3f),
         wk = ref::random_floats(g, 256, 0.3f), wv = ref::random_floats(g, 256, 0.3f);
    for (int kind : {0, 1}) {
      AttentionOptions o;
      o.mask.kind = static_cast<MaskKind>(kind);
      o.impl = Impl::kScalar;
      ref::EngineRun scalar(x, wq, wk, wv, nullptr, s, o);
      o.impl = Impl::kSimd;
      ref::EngineRun simd(x, wq, wk, wv, nullptr, s, o);
      o.keep_intermediates = false;
      ref::EngineRun lean(x, wq, wk, wv, nullptr, s, o);
      std::vector<float> a(simd.b.output, simd.b.output + n * 16), b(scalar.b.output, scalar.b.output + n * 16),
          c(lean.b.output, lean.b.output + n * 16);
      check_close(a, b, 1e-5);
      check_close(c, a, 0);
    }
  }
}

TEST_CASE("softmax parts (maxima, shifted exponentials, sums): SIMD equals scalar and rebuilds the weights") {
  std::mt19937 g(6);
  const float inf = std::numeric_limits<float>::infinity();
  for (int rows : kSizes)
    for (int cols : {1, 3, 4, 5, 8, 9, 65}) {
      CAPTURE(rows);
      CAPTURE(cols);
      auto in = ref::random_floats(g, size_t(rows) * cols, 4.f);
      for (size_t j = 0; j < in.size(); j += 3) in[j] = -inf;                 // hidden keys
      for (int j = 0; j < cols; ++j) in[size_t(rows - 1) * cols + j] = -inf;  // a fully hidden row
      for (int axis : {0, 1}) {
        CAPTURE(axis);
        const int lines = axis == 0 ? rows : cols;
        std::vector<float> w[2], e[2], m[2], s[2], plain(in.size());
        for (int t = 0; t < 2; ++t) {
          w[t].assign(in.size(), 0.f), e[t].assign(in.size(), -1.f), m[t].assign(lines, 7.f), s[t].assign(lines, 7.f);
          SoftmaxParts parts;
          parts.exps = e[t].data(), parts.maxima = m[t].data(), parts.sums = s[t].data();
          const Impl impl = t == 0 ? Impl::kSimd : Impl::kScalar;
          if (axis == 0) softmax_rows(impl, in.data(), w[t].data(), rows, cols, &parts);
          else softmax_columns(impl, in.data(), w[t].data(), rows, cols, &parts);
        }
        check_close(w[0], w[1], 2e-6);
        check_close(e[0], e[1], 2e-6);
        check_close(m[0], m[1], 0);
        check_close(s[0], s[1], 2e-6);
        // The parts agree with the plain kernel and with their own definitions.
        if (axis == 0) softmax_rows(Impl::kSimd, in.data(), plain.data(), rows, cols);
        else softmax_columns(Impl::kSimd, in.data(), plain.data(), rows, cols);
        check_close(w[0], plain, 0);
        for (int i = 0; i < rows; ++i)
          for (int j = 0; j < cols; ++j) {
            const size_t at = size_t(i) * cols + j;
            const int line = axis == 0 ? i : j;
            const float mx = m[0][line];
            const float want = mx == -inf || in[at] == -inf ? 0.f : std::exp(in[at] - mx);
            CHECK(e[0][at] == doctest::Approx(want).epsilon(2e-6));
            CHECK(e[0][at] <= 1.f);
            if (s[0][line] > 0) CHECK(w[0][at] == doctest::Approx(e[0][at] / s[0][line]).epsilon(2e-6));
          }
        for (int l = 0; l < lines; ++l) {
          double sum = 0, mx = -inf;
          for (int k = 0; k < (axis == 0 ? cols : rows); ++k) {
            const size_t at = axis == 0 ? size_t(l) * cols + k : size_t(k) * cols + l;
            sum += e[0][at];
            mx = in[at] > mx ? in[at] : mx;
          }
          CHECK(m[0][l] == float(mx));
          CHECK(s[0][l] == doctest::Approx(sum).epsilon(1e-5));
        }
      }
    }
}
