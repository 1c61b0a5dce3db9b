// The central difference (L(x+h) − L(x−h)) / 2h for one parameter, restoring it afterwards:
// the numeric side of the language model's gradient checks (tests/cpp/lm_*.cpp).
#pragma once
#include <functional>

namespace attn::test {
inline double central_difference(float& x, float h, const std::function<double()>& loss) {
  const float keep = x;
  x = keep + h;
  const double up = loss();
  x = keep - h;
  const double down = loss();
  x = keep;
  return (up - down) / (2.0 * h);
}
}  // namespace attn::test
