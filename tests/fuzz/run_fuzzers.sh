#!/usr/bin/env bash
# run_fuzzers.sh SOURCE_DIR BUILD_DIR [SECONDS]: builds the libFuzzer targets of
# tests/fuzz with clang into BUILD_DIR/fuzz (its own CMake project, through ccache), then
# for each target replays its seed corpus and regression cases (tests/fuzz/corpus/NAME)
# and fuzzes SECONDS more (default 10; PAIZHU_FUZZ_SECONDS; 0: replay only). New inputs the fuzzer finds
# go to BUILD_DIR/fuzz/found/NAME, never into the repository; a crash's input is written
# there as crash-* and the test fails: fix the bug, then add the input to the corpus.
set -euo pipefail
src=$1 build=$2 seconds=${3:-${PAIZHU_FUZZ_SECONDS:-10}}
dir=$build/fuzz
clang=$(command -v clang++-14 || command -v clang++) || {
  echo "clang++ is missing (Debian: clang-14 libclang-rt-14-dev)" >&2
  exit 1
}
if [[ ! -f $dir/CMakeCache.txt ]]; then
  cmake -S "$src/tests/fuzz" -B "$dir" -G Ninja -DCMAKE_CXX_COMPILER="$clang" \
    -DCMAKE_BUILD_TYPE=None >"$dir.configure.log" 2>&1 || { cat "$dir.configure.log"; exit 1; }
fi
# One job: the main build already keeps both cores busy when CI gets here.
cmake --build "$dir" -j "${PAIZHU_FUZZ_JOBS:-1}"

failed=()
# A fixed seed by default, so that a crash in CI replays the same mutations here;
# PAIZHU_FUZZ_SEED=0 asks libFuzzer for a random one (for longer hunts).
limit=(-max_total_time="$seconds" -seed="${PAIZHU_FUZZ_SEED:-1}")
((seconds > 0)) || limit=(-runs=0)
for name in jwt json_body csv page_token; do
  corpus=$src/tests/fuzz/corpus/$name
  found=$dir/found/$name
  mkdir -p "$found"
  echo "== $name: replaying $(find "$corpus" -type f | wc -l) inputs, then fuzzing ${seconds}s"
  # The first directory receives what the fuzzer finds; the seeds are only read.
  if ! "$dir/${name}_fuzzer" "${limit[@]}" -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$found/" -print_final_stats=1 "$found" "$corpus" >"$dir/$name.log" 2>&1; then
    failed+=("$name")
    tail -n 60 "$dir/$name.log"
  else
    grep -E '^(stat::number_of_executed_units|#[0-9]+ *DONE)' "$dir/$name.log" | tail -n 2 || true
  fi
done
if ((${#failed[@]})); then
  echo "crashed: ${failed[*]} (inputs in $dir/found/NAME/crash-*)" >&2
  exit 1
fi
