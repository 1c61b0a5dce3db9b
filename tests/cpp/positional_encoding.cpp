// Sinusoidal positional encoding values.
#include "positional_encoding.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

TEST_CASE("positional encoding: sine on even columns, cosine on odd, shared frequencies") {
  const int n = 50, d = 16;
  std::vector<float> pe(n * d);
  attn::positional_encoding(n, d, pe.data());
  for (int c = 0; c < d; ++c) CHECK(pe[c] == (c % 2 == 0 ? 0.f : 1.f));  // position 0
  CHECK(pe[1 * d + 0] == doctest::Approx(std::sin(1.0)).epsilon(1e-6));
  CHECK(pe[1 * d + 1] == doctest::Approx(std::cos(1.0)).epsilon(1e-6));
  // column 2 (i = 1): angle = pos / 10000^(2/16)
  CHECK(pe[7 * d + 2] == doctest::Approx(std::sin(7 / std::pow(10000.0, 2.0 / 16))).epsilon(1e-6));
  CHECK(pe[7 * d + 3] == doctest::Approx(std::cos(7 / std::pow(10000.0, 2.0 / 16))).epsilon(1e-6));
  CHECK(pe[49 * d + 15] == doctest::Approx(std::cos(49 / std::pow(10000.0, 14.0 / 16))).epsilon(1e-6));
  for (int p = 0; p < n; ++p)  // each sin/cos pair lies on the unit circle
    for (int c = 0; c < d; c += 2)
      CHECK(pe[p * d + c] * pe[p * d + c] + pe[p * d + c + 1] * pe[p * d + c + 1] == doctest::Approx(1.0).epsilon(1e-5));
}

TEST_CASE("positional encoding with an odd width ends on a sine column") {
  std::vector<float> pe(3 * 5);
  attn::positional_encoding(3, 5, pe.data());
  CHECK(pe[2 * 5 + 4] == doctest::Approx(std::sin(2 / std::pow(10000.0, 4.0 / 5))).epsilon(1e-6));
}

TEST_CASE("adding the positional encoding: x + PE entry by entry, in place too") {
  const int n = 7, d = 6;
  std::vector<float> x(n * d), pe(n * d), sum(n * d);
  for (int i = 0; i < n * d; ++i) x[i] = 0.25f * static_cast<float>((i * 7) % 11) - 1.f;
  attn::positional_encoding(n, d, pe.data());
  attn::add_positional_encoding(x.data(), n, d, sum.data());
  for (int i = 0; i < n * d; ++i) CHECK(sum[i] == x[i] + pe[i]);
  CHECK(sum[0] == x[0]);           // position 0, a sine column: sin 0 = 0
  CHECK(sum[1] == x[1] + 1.f);     // position 0, a cosine column: cos 0 = 1
  std::vector<float> inplace = x;
  attn::add_positional_encoding(inplace.data(), n, d, inplace.data());
  CHECK(inplace == sum);
}
