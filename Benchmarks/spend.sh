#!/bin/sh
# Measures `tierlint spend` on a generated execution log against a plain `wc -l` of the same
# file (what reading it at disk speed costs), and its peak memory on that log and on one a
# tenth of its size: streaming means the two peaks are the same.
#
#   Benchmarks/spend.sh [--size BYTES] [--dir DIR] [--gzip] [--keep]
#
#   --size BYTES  the log's size, with an optional K, M or G suffix (default 1G)
#   --dir DIR     where to write the logs (default: a new folder under /tmp)
#   --gzip        also measure a gzip copy of the log against `gzip -dc | wc -l`
#   --keep        keep the logs afterwards
#
# Needs hyperfine (apt-get install hyperfine), GNU time (/usr/bin/time) and python3.
# Builds the release binary first. The log is read from the page cache (hyperfine warms it
# up), so both commands measure reading and work, not the disk.
set -eu

usage() {
    sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'
}

size=1G
dir=""
gzip=false
keep=false
while [ $# -gt 0 ]; do
    case "$1" in
        --size) [ $# -ge 2 ] || { usage >&2; exit 2; }; size=$2; shift 2 ;;
        --dir) [ $# -ge 2 ] || { usage >&2; exit 2; }; dir=$2; shift 2 ;;
        --gzip) gzip=true; shift ;;
        --keep) keep=true; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "spend.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

for tool in hyperfine python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "spend.sh: $tool is needed (apt-get install $tool)" >&2; exit 1; }
done
[ -x /usr/bin/time ] || { echo "spend.sh: GNU time is needed at /usr/bin/time (apt-get install time)" >&2; exit 1; }

bytes=$(python3 -c '
import sys
text = sys.argv[1].strip().upper()
units = {"K": 1 << 10, "M": 1 << 20, "G": 1 << 30}
print(int(float(text[:-1]) * units[text[-1]]) if text[-1:] in units else int(text))
' "$size")

cd "$(dirname "$0")/.."
swift build -c release --product tierlint >/dev/null
tierlint="$(swift build -c release --show-bin-path)/tierlint"

if [ -z "$dir" ]; then dir=$(mktemp -d /tmp/tierlint-spend-bench.XXXXXX); fi
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
log="$dir/executions.jsonl"
small="$dir/executions-tenth.jsonl"
if ! $keep; then trap 'rm -f "$log" "$small" "$log.gz"' EXIT; fi

# Seed 001's fields, a month of runs by a dozen agents on the three tiers and some newer
# models; every tenth line has a logged cost, some runs fail, retry or escalate. A block of
# distinct lines is written over and over up to the size asked for, whole lines only.
generate() {
    python3 - "$1" "$2" <<'PY'
import random, sys
from decimal import Decimal
path, size = sys.argv[1], int(sys.argv[2])
random.seed(1)
prices = {"haiku": (Decimal("0.80"), Decimal(4)), "sonnet": (Decimal(3), Decimal(15)), "opus": (Decimal(15), Decimal(75)),
          "claude-haiku-4-5": (Decimal(1), Decimal(5)), "claude-sonnet-4-5-20250929": (Decimal(3), Decimal(15)),
          "claude-opus-4-6": (Decimal(15), Decimal(75))}
agents = [("test-writer", "haiku"), ("docs-writer", "claude-haiku-4-5"), ("migrator", "haiku"), ("linter", "haiku"),
          ("builder", "sonnet"), ("code-reviewer", "claude-sonnet-4-5-20250929"), ("frontend", "sonnet"),
          ("qa", "sonnet"), ("api-designer", "sonnet"), ("architect", "opus"), ("security-reviewer", "claude-opus-4-6"),
          ("debugger", "opus")]
tasks = ["Write SessionService tests", "Document the session API", "Create sessions table", "Review the diff, then the tests",
         "Implement \"export\" endpoint", "Design the notification architecture", "Debug flaky checkout test"]
lines = []
for index in range(20000):
    agent, model = random.choice(agents)
    day, second = 1 + index % 28, random.randrange(86400)
    tokens_in = random.randrange(500, 40000)
    tokens_out = random.randrange(200, 12000)
    status = "failure" if random.random() < 0.07 else "success"
    extra = ""
    if index % 10 == 0:
        cost = (tokens_in * prices[model][0] + tokens_out * prices[model][1]) / 1000000
        extra += ', "cost": %s' % cost.quantize(Decimal("0.000001"))
    if random.random() < 0.05: extra += ', "retry": true'
    if random.random() < 0.02: extra += ', "escalated": true'
    lines.append('{"timestamp": "2026-03-%02dT%02d:%02d:%02d.%03dZ", "agent": "%s", "model": "%s", "task": "%s", '
                 '"input_tokens": %d, "output_tokens": %d, "status": "%s"%s}\n'
                 % (day, second // 3600, second // 60 % 60, second % 60, index % 1000, agent, model,
                    random.choice(tasks).replace('"', '\\"'), tokens_in, tokens_out, status, extra))
block = "".join(lines).encode()
written = 0
with open(path, "wb") as out:
    while written + len(block) <= size:
        out.write(block)
        written += len(block)
    rest = block[:size - written]
    out.write(rest[:rest.rfind(b"\n") + 1])
PY
}

echo "==> Writing a $size log to $log"
generate "$log" "$bytes"
generate "$small" "$((bytes / 10))"
ls -l "$log" "$small"
echo "==> $(wc -l < "$log") lines"

# An empty folder, so that the run reads no repository: the log alone is measured.
empty="$dir/empty"
mkdir -p "$empty"

echo "==> Time, against wc -l"
hyperfine --warmup 1 --runs 5 \
    "wc -l $log" \
    "$tierlint spend $log --no-drift -C $empty"

echo "==> Peak memory (maximum resident set size), the whole log and a tenth of it"
for file in "$log" "$small"; do
    /usr/bin/time -v "$tierlint" spend "$file" --no-drift -C "$empty" 2>&1 >/dev/null \
        | sed -n "s|.*Maximum resident set size (kbytes): \(.*\)|$(basename "$file"): \1 KiB|p"
done

if $gzip; then
    echo "==> The same log gzipped (gzip -1), against gzip -dc | wc -l"
    gzip -1 -k -f "$log"
    ls -l "$log.gz"
    hyperfine --warmup 1 --runs 3 \
        "gzip -dc $log.gz | wc -l" \
        "$tierlint spend $log.gz --no-drift -C $empty"
    /usr/bin/time -v "$tierlint" spend "$log.gz" --no-drift -C "$empty" 2>&1 >/dev/null \
        | sed -n "s|.*Maximum resident set size (kbytes): \(.*\)|executions.jsonl.gz: \1 KiB|p"
fi
