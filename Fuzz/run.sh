#!/bin/sh
# Builds tierlint's libFuzzer targets (with AddressSanitizer) and fuzzes each for a while.
#
#   Fuzz/run.sh [SECONDS] [TARGET...]
#
#   SECONDS   how long to fuzz each target (default 600)
#   TARGET    backlog, frontmatter, yaml-agents, config, plugin-manifest, baseline, audit,
#             execution-log
#             (default: all), run two at a time
#
# Each target starts from its seeds (the rules' own examples) and the inputs kept under
# Tests/FuzzRegressions/TARGET. An input that crashes, trips an invariant, takes more than
# 3 seconds or 2 GB is written to Fuzz/findings/TARGET/; copy it to
# Tests/FuzzRegressions/TARGET/ once fixed, and `swift test` replays it from then on.
set -eu
cd "$(dirname "$0")"
seconds=${1:-600}
[ $# -gt 0 ] && shift
targets=${*:-"backlog frontmatter yaml-agents config plugin-manifest baseline audit execution-log"}

swift build -c release --sanitize fuzzer --sanitize address -Xswiftc -parse-as-library --product tierlint-fuzz
binary="$(swift build -c release --sanitize fuzzer --sanitize address --show-bin-path)/tierlint-fuzz"

fuzz() {
    target=$1
    corpus="corpus/$target"
    mkdir -p "$corpus" "findings/$target"
    TIERLINT_FUZZ_TARGET=$target TIERLINT_FUZZ_SEEDS="$corpus" "$binary"
    if [ -d "../Tests/FuzzRegressions/$target" ]; then cp ../Tests/FuzzRegressions/"$target"/* "$corpus"/ 2>/dev/null || true; fi
    echo "==> fuzzing $target for ${seconds}s"
    started=$(date +%s)
    # Swift's own backtracer symbolicates for minutes; libFuzzer prints its own trace.
    TIERLINT_FUZZ_TARGET=$target ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no "$binary" "$corpus" \
        -max_total_time="$seconds" -timeout=3 -rss_limit_mb=2048 -max_len=65536 \
        -artifact_prefix="findings/$target/" -print_final_stats=1 >"findings/$target.log" 2>&1 || true
    elapsed=$(( $(date +%s) - started ))
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "findings/$target.log" | grep -o '[0-9]*$' || echo "?")
    found=$(find "findings/$target" -type f | wc -l)
    # libFuzzer stops at its first finding.
    echo "==> $target: $runs runs in ${elapsed}s, $found finding(s) in Fuzz/findings/$target"
}

running=0
for target in $targets; do
    fuzz "$target" &
    running=$((running + 1))
    if [ "$running" -ge 2 ]; then wait; running=0; fi
done
wait
