#!/usr/bin/env bash
# Runs every test: C++ (doctest) natively through ctest and as wasm under Node, the JS API tests,
# and the browser tests in headless Chromium. Usage: npm test
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh --browser

echo "== C++ tests, native (ctest)"
if [ ! -f build/native/CMakeCache.txt ]; then
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
cmake --build build/native -j"$(nproc)"
ctest --test-dir build/native --output-on-failure

echo "== C++ tests, WebAssembly SIMD under Node (ctest)"
ctest --test-dir build/wasm --output-on-failure

echo "== SIMD check: f32x4 instructions in the SIMD engine, none in the scalar one"
node scripts/check-simd.mjs

echo "== Engine API and scene contract types: tsc --noEmit against tests/types/ (engine-usage.ts, scene-usage.ts)"
node_modules/.bin/tsc --noEmit -p tests/types

echo "== JS and browser tests (node --test)"
node --test --test-concurrency=1 tests/js/ tests/browser/
