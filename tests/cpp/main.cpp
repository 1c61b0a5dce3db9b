// doctest's main: the same suite runs natively (ctest) and as wasm under Node.
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include <doctest/doctest.h>
