// The √d_k experiment: the spread of q·k grows like √d_k; scaling brings it back to ~1.
#include "scaling_experiment.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace attn;

TEST_CASE("variance of q·k is close to d_k, and 1 after scaling") {
  for (int d_k : {4, 64, 256}) {
    CAPTURE(d_k);
    ScalingStats st;
    REQUIRE(scaling_experiment(d_k, 400, 16, 42, Impl::kSimd, st));
    CHECK(st.dot_var == doctest::Approx(d_k).epsilon(0.12));
    CHECK(st.scaled_var == doctest::Approx(1.0).epsilon(0.12));
    CHECK(std::fabs(st.dot_mean) < 0.2 * std::sqrt(double(d_k)));
    CHECK(st.max_entropy == doctest::Approx(std::log(16.0)));
  }
}

TEST_CASE("without scaling the softmax saturates as d_k grows") {
  ScalingStats small, big;
  REQUIRE(scaling_experiment(4, 300, 16, 1, Impl::kSimd, small));
  REQUIRE(scaling_experiment(512, 300, 16, 1, Impl::kSimd, big));
  CHECK(big.raw_max_weight > 0.8);  // rows are nearly one-hot
  CHECK(big.raw_one_hot > 0.3);
  CHECK(big.raw_entropy < 0.5 * big.max_entropy);
  CHECK(big.scaled_max_weight < 0.6);  // scaling keeps them soft
  CHECK(big.scaled_entropy > 0.6 * big.max_entropy);
  // With scaling, the row statistics barely depend on d_k.
  CHECK(std::fabs(big.scaled_max_weight - small.scaled_max_weight) < 0.1);
}

TEST_CASE("the experiment is reproducible from its seed, and refuses oversized work") {
  ScalingStats a, b, c;
  REQUIRE(scaling_experiment(32, 50, 8, 5, Impl::kSimd, a));
  REQUIRE(scaling_experiment(32, 50, 8, 5, Impl::kScalar, b));
  REQUIRE(scaling_experiment(32, 50, 8, 6, Impl::kSimd, c));
  CHECK(a.dot_var == doctest::Approx(b.dot_var).epsilon(1e-5));
  CHECK(a.dot_var != c.dot_var);
  ScalingStats untouched;
  CHECK_FALSE(scaling_experiment(0, 10, 10, 1, Impl::kSimd, untouched));
  CHECK_FALSE(scaling_experiment(4096, 4096, 4096, 1, Impl::kSimd, untouched));
  CHECK(untouched.dot_var == 0);
}
