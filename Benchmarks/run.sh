#!/bin/sh
# Measures tierlint against git on synthetic repositories and writes BENCHMARKS.md.
#
#   Benchmarks/run.sh [--tierlint PATH] [--runs N] [--output FILE] [SIZE...]
#
#   SIZE         small, medium, large (default: all three)
#   --tierlint   the binary to measure (default: a release build with the Swift runtime
#                linked in, built here)
#   --runs N     hyperfine runs per command (default 20; the large tree checks 5)
#   --output     where to write the results (default BENCHMARKS.md)
#
# For each size, in one run, side by side: a pre-commit check of one staged backlog against
# `git diff --cached --name-only`; a check and an audit of the whole tree against
# `git grep -c model HEAD -- '*.md'`; start-up against `git --version`; and the peak memory
# of each (/usr/bin/time -v). Repositories are generated once into $TIERLINT_BENCH_DIR
# (default /tmp/tierlint-bench) by Benchmarks/generate.py.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
tierlint=""
runs=20
output="$root/BENCHMARKS.md"
while [ $# -gt 0 ]; do
    case "$1" in
        --tierlint) tierlint=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --output) output=$2; shift 2 ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) break ;;
    esac
done
sizes=${*:-"small medium large"}
bench=${TIERLINT_BENCH_DIR:-/tmp/tierlint-bench}
for tool in hyperfine git python3 /usr/bin/time; do
    command -v "$tool" >/dev/null 2>&1 || { echo "run.sh: $tool is needed (apt-get install hyperfine time)" >&2; exit 2; }
done

if [ -z "$tierlint" ]; then
    (cd "$root" && swift build -c release --static-swift-stdlib --product tierlint >&2)
    tierlint="$(cd "$root" && swift build -c release --static-swift-stdlib --show-bin-path)/tierlint"
fi
case "$tierlint" in /*) ;; *) tierlint="$PWD/$tierlint" ;; esac
mkdir -p "$bench"
results=$(mktemp -d)

measure() { # NAME RUNS COMMAND...: hyperfine's mean and the peak memory of one more run
    name=$1; count=$2; shift 2
    # -N runs each command directly, without a shell whose start-up would swamp git's 1 ms.
    hyperfine -N --style none --ignore-failure --warmup 3 --runs "$count" --export-json "$results/$name.json" "$*" >/dev/null 2>&1
    /usr/bin/time -v sh -c "$* >/dev/null 2>&1" 2>"$results/$name.time" || true
}

for size in $sizes; do
    repo="$bench/$size"
    [ -d "$repo/.git" ] || python3 "$here/generate.py" "$size" "$repo" >&2
    cd "$repo"
    git reset -q --hard
    tree_runs=$runs; [ "$size" = large ] && tree_runs=$(( runs < 5 ? runs : 5 ))
    echo "==> $size" >&2
    # One staged change to one backlog: what a pre-commit hook sees.
    backlog=$(git ls-files 'planning/*.md' | head -1)
    printf '\n| 999.1 | Add benchmark config | haiku | DevOps | $ |\n' >>"$backlog"
    git add "$backlog"
    measure "$size-precommit-tierlint" "$runs" "$tierlint" check --staged
    measure "$size-precommit-git" "$runs" git diff --cached --name-only
    git reset -q --hard
    measure "$size-check-tierlint" "$tree_runs" "$tierlint" check --rev HEAD
    measure "$size-audit-tierlint" "$tree_runs" "$tierlint" audit --rev HEAD
    measure "$size-grep-git" "$tree_runs" git grep -c model HEAD -- "'*.md'"
    measure "$size-version-tierlint" "$runs" "$tierlint" --version
    measure "$size-version-git" "$runs" git --version
    cd - >/dev/null
done

python3 "$here/report.py" "$results" "$output" "$tierlint" $sizes
rm -rf "$results"
echo "wrote $output" >&2
