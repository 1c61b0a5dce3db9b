#!/usr/bin/env bash
# Fuzzes the engine for a bounded time, in two parts, and prints executions and findings:
#  1. the wasm builds under Node through the JS API (tests/fuzz/run.mjs: every target in
#     tests/fuzz/targets/, seeded generator, seed corpus tests/fuzz/corpus/<target>/);
#  2. the native engine with libFuzzer (clang-14, ASan + UBSan, tests/fuzz/attention_fuzz.cpp),
#     starting from the seed corpus tests/fuzz/corpus/attention_fuzz/.
# Usage: npm run fuzz [-- SECONDS [SEED]]   (default 60 s, split evenly; seed from the clock).
# Not part of npm test (tests/js/engine-fuzz.test.js runs a short fixed-seed pass). A finding is
# saved under build/fuzz/ (findings/*.json for JS, crash-* for libFuzzer) with the failed check
# printed above it; exit code 1 when anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f wasm/dist/attention-simd.wasm ] || bash scripts/build.sh
seconds="${1:-60}"
seed="${2:-$(( $(date +%s) % 1000000 ))}"
half=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
out=build/fuzz
mkdir -p "$out/corpus"
status=0

echo "== JS API fuzzing (wasm builds under Node), ${half} s, seed ${seed}"
node tests/fuzz/run.mjs --seconds "$half" --seed "$seed" || status=1

echo "== native libFuzzer (ASan + UBSan), ${half} s"
clang++-14 -std=c++17 -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
  -msse4.1 -Isrc -isystem /usr/include/eigen3 \
  tests/fuzz/attention_fuzz.cpp src/*.cpp -o "$out/attention_fuzz"
before=$(ls "$out" | grep -c '^crash-' || true)
set +e
"$out/attention_fuzz" -max_total_time="$half" -max_len=8192 -print_final_stats=1 -seed="$seed" \
  -artifact_prefix="$out/" "$out/corpus" tests/fuzz/corpus/attention_fuzz 2> "$out/libfuzzer.log"
code=$?
set -e
grep -E 'fuzz check failed|ERROR: AddressSanitizer|runtime error' "$out/libfuzzer.log" | head -5 || true
runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/libfuzzer.log" | grep -o '[0-9]*$' || echo 0)
after=$(ls "$out" | grep -c '^crash-' || true)
found=$(( after - before ))
echo "fuzz native attention_fuzz: ${runs} executions ($(ls tests/fuzz/corpus/attention_fuzz | wc -l) seed inputs), ${found} findings, ${half} s"
[ "$code" -eq 0 ] && [ "$found" -eq 0 ] || status=1
exit "$status"
