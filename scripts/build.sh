#!/usr/bin/env bash
# Builds the two WebAssembly engines (SIMD128 and scalar) into wasm/dist/ and bundles the page
# into web/build/. Usage: npm run build (installs what is missing first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh "$@"

# Debian's emscripten needs this to find acorn for its JS optimiser at -O2 and up.
export NODE_PATH=/usr/share/nodejs
if [ ! -f build/wasm/CMakeCache.txt ]; then
  emcmake cmake -S . -B build/wasm -DCMAKE_FIND_ROOT_PATH_MODE_PACKAGE=BOTH >/dev/null
fi
cmake --build build/wasm -j"$(nproc)"
node scripts/build-web.mjs
node scripts/build-dist.mjs
