#!/usr/bin/env bash
# Fuzzes the engine, the trainer and the language-model loader for a bounded time, in two parts,
# and prints executions and findings:
#  1. the wasm builds under Node through the JS API (tests/fuzz/run.mjs: every target in
#     tests/fuzz/targets/, seeded generator, seed corpus tests/fuzz/corpus/<target>/);
#  2. the native C++ with libFuzzer (clang-14, ASan + UBSan): tests/fuzz/attention_fuzz.cpp (the
#     engine), trainer_fuzz.cpp (trainer settings and sentences), lm_weights_fuzz.cpp (the weights
#     file reader, under a 64 MiB malloc limit), each from its seed corpus tests/fuzz/corpus/<name>/.
# Usage: npm run fuzz [-- SECONDS [SEED]]   (default 60 s: half for part 1, half split over the
# native targets; seed from the clock). Compiling a native target the first time (or after its
# sources change) adds about a minute. Not part of npm test (tests/js/engine-fuzz.test.js runs a
# short fixed-seed pass of the JS targets). A finding is saved under build/fuzz/ (findings/*.json
# for JS, crash-* for libFuzzer) with the failed check printed above it; exit code 1 when
# anything was found.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
[ -f wasm/dist/attention-simd.wasm ] && [ -f wasm/dist/attention-train-simd.wasm ] || bash scripts/build.sh
seconds="${1:-60}"
seed="${2:-$(( $(date +%s) % 1000000 ))}"
half=$(( seconds / 2 > 0 ? seconds / 2 : 1 ))
out=build/fuzz
mkdir -p "$out"
status=0

echo "== JS API fuzzing (wasm builds under Node), ${half} s, seed ${seed}"
node tests/fuzz/run.mjs --seconds "$half" --seed "$seed" || status=1

# name | sources | extra libFuzzer flags
lm_sources="src/nn/*.cpp src/lm/params.cpp src/lm/init.cpp src/lm/model.cpp src/lm/output_layer.cpp src/lm/weights_file.cpp"
targets=(
  "attention_fuzz|src/*.cpp|-max_len=8192"
  "trainer_fuzz|src/*.cpp src/nn/*.cpp src/train/*.cpp|-max_len=512"
  "lm_weights_fuzz|src/*.cpp ${lm_sources}|-max_len=65536 -malloc_limit_mb=64"
)
each=$(( half / ${#targets[@]} > 0 ? half / ${#targets[@]} : 1 ))
echo "== native libFuzzer (ASan + UBSan), ${each} s per target"
for spec in "${targets[@]}"; do
  IFS='|' read -r name sources flags <<< "$spec"
  bin="$out/$name"
  # (re)compile only when the harness or a source is newer than the binary
  # shellcheck disable=SC2086
  if [ ! -x "$bin" ] || [ -n "$(find tests/fuzz/$name.cpp $sources src -newer "$bin" -name '*.[ch]pp' 2>/dev/null | head -1)" ]; then
    # shellcheck disable=SC2086
    nice -n 5 clang++-14 -std=c++17 -O2 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
      -msse4.1 -Isrc -isystem /usr/include/eigen3 "tests/fuzz/$name.cpp" $sources -o "$bin"
  fi
  mkdir -p "$out/corpus-$name"
  before=$(ls "$out" | grep -c "^crash-\|^oom-\|^timeout-" || true)
  set +e
  # shellcheck disable=SC2086
  nice -n 5 "$bin" -max_total_time="$each" $flags -print_final_stats=1 -seed="$seed" \
    -artifact_prefix="$out/" "$out/corpus-$name" "tests/fuzz/corpus/$name" 2> "$out/$name.log"
  code=$?
  set -e
  grep -E 'fuzz check failed|ERROR: AddressSanitizer|ERROR: libFuzzer|runtime error|malloc\(' "$out/$name.log" | head -5 || true
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$out/$name.log" | grep -o '[0-9]*$' || echo 0)
  after=$(ls "$out" | grep -c "^crash-\|^oom-\|^timeout-" || true)
  found=$(( after - before ))
  [ "$code" -ne 0 ] && [ "$found" -eq 0 ] && found=1
  echo "fuzz native ${name}: ${runs} executions ($(ls "tests/fuzz/corpus/$name" | wc -l) seed inputs), ${found} findings, ${each} s"
  [ "$found" -eq 0 ] || status=1
done
exit "$status"
