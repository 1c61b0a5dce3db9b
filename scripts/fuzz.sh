#!/usr/bin/env bash
# Fuzzes the native attention engine with libFuzzer (clang-14, ASan + UBSan) for a bounded time.
# Usage: npm run fuzz [-- SECONDS]   (default 60). Not part of npm test: a fuzz run explores, and
# a finding is saved as build/fuzz/crash-* with the failed check printed above it.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
seconds="${1:-60}"
out=build/fuzz
mkdir -p "$out/corpus"
clang++-14 -std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -msse4.1 -Isrc -isystem /usr/include/eigen3 \
  tests/fuzz/attention_fuzz.cpp src/*.cpp -o "$out/attention_fuzz"
"$out/attention_fuzz" -max_total_time="$seconds" -max_len=4096 -artifact_prefix="$out/" "$out/corpus"
