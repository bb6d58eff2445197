#!/usr/bin/env bash
# Times the release build of tierlint on each bad input too large to check in (the corpus
# under Tests/Corpus/ holds the small ones): generates each into a repository of its own,
# stages it, runs `tierlint check --staged` under /usr/bin/time -v, and prints a table of
# wall seconds, peak memory, exit code and the first finding. Exits 1 when an input takes
# more than LIMIT seconds (default 1) or ends other than with exit 0 or 1 (2 is a crash or
# a usage error).
#
#   Scripts/bad-input-timings.sh            # build, generate, time, print the table
#   LIMIT=0.5 Scripts/bad-input-timings.sh  # a stricter bound
set -euo pipefail
cd "$(dirname "$0")/.."
limit=${LIMIT:-1}

if [ ! -x /usr/bin/time ]; then
    echo "bad-input-timings: /usr/bin/time is missing; install it with: apt-get install time" >&2
    exit 2
fi
command -v perl >/dev/null || { echo "bad-input-timings: perl is missing" >&2; exit 2; }

swift build -c release >&2
tierlint="$(swift build -c release --show-bin-path)/tierlint"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 HOME="$work/home" GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.com \
    GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.com
mkdir -p "$HOME"

# A backlog whose one ticket names an unknown model: a TL002 on line 3 shows that the rest of
# the file was parsed to its end and checked.
table='print "| # | Ticket | Model |\n|---|---|---|\n| 1 | Write release notes | haikuu |\n\n";'
laughs='print "a: &a [x, x, x, x, x, x, x, x, x]\n"; for my $i (0..7) { my ($n, $p) = (chr(98 + $i), chr(97 + $i)); print "$n: &$n [", join(", ", ("*$p") x 9), "]\n" }'

# name | path in the repository | perl program that prints the file
inputs=(
    "100 MB backlog|backlog/huge.md|print qq(| 1.1 | Create sessions table | haiku |\n) x 2_700_000"
    "1 MB single-line table row|backlog/line.md|print qq(| # | Ticket | Model |\n|---|---|---|\n| 1 | ), qq(Write release notes ) x 52_000, qq( | haikuu |\n)"
    "200,000 rows|backlog/rows.md|print qq(| # | Ticket | Model |\n|---|---|---|\n); print qq(| \$_ | Write notes \$_ | haiku |\n) for 1..200_000"
    "9,000 rows (checked)|backlog/rows.md|print qq(| # | Ticket | Model |\n|---|---|---|\n); print qq(| \$_ | Write notes \$_ | haiku |\n) for 1..9_000"
    "10,000 columns|backlog/columns.md|print qq(| # | Ticket | Model |), qq( Note |) x 10_000, qq(\n|---|---|---|), qq(---|) x 10_000, qq(\n| 1 | Write notes | haiku |), qq( x |) x 10_000, qq(\n)"
    "997 columns (checked)|backlog/columns.md|print qq(| # | Ticket | Model |), qq( Note |) x 994, qq(\n|---|---|---|), qq(---|) x 994, qq(\n| 1 | Write notes | haikuu |), qq( x |) x 994, qq(\n)"
    "100,000 pipes in a row|backlog/pipes.md|print qq(| # | Ticket | Model |\n|---|---|---|\n| 1 | Write notes | haiku |\n), qq(|) x 100_000, qq(\n)"
    "10,000 nested lists|backlog/lists.md|$table print qq(- ) x 10_000, qq(deep\n)"
    "10,000 nested ordered lists|backlog/lists.md|$table print map({ (\$_ % 10) . qq(. ) } 1..10_000), qq(deep\n)"
    "2,000 lists indented a line each|backlog/lists.md|$table print qq(  ) x \$_, qq(- item\n) for 0..1_999"
    "10,000 nested block quotes|backlog/quotes.md|$table print qq(> ) x 10_000, qq(deep\n)"
    "'>' x 50,000 then '[' x 100,000|backlog/known.md|$table print qq(>) x 50_000, qq( x\n), qq([) x 100_000"
    "90 quotes deep, then 3 MB of '['|backlog/deep-text.md|$table print qq(> ) x 90, qq(x\n), qq([) x 3_000_000"
    "100,000 '['|backlog/brackets.md|$table print qq([) x 100_000, qq(\n)"
    "100,000 '*'|backlog/stars.md|$table print qq(*) x 100_000, qq(\n)"
    "100,000 backticks|backlog/backticks.md|$table print qq(\`) x 100_000, qq(\n)"
    "frontmatter nested 10,000 deep|.claude/agents/deep.md|print qq(---\nname: deep\nmodel: ), qq([) x 10_000, qq(]) x 10_000, qq(\n---\nBody.\n)"
    "frontmatter billion laughs|.claude/agents/laughs.md|print qq(---\nname: laughs\n); $laughs print qq(model: haiku\n---\nBody.\n)"
    "frontmatter alias as a key|.claude/agents/keyed.md|print qq(---\nname: keyed\n); $laughs print qq(? *i\n: x\nmodel: haiku\n---\nBody.\n)"
    "agents.yml billion laughs|agents.yml|$laughs print qq(writer:\n  model: haiku\n)"
    "agents.yml nested 10,000 deep|agents.yml|print qq(writer:\n  model: haiku\n  tools: ), qq([) x 10_000, qq(]) x 10_000, qq(\n)"
    "8 MB of [|backlog/brackets-8mb.md|$table print qq([) x 8_000_000, qq(\n)"
    "8 MB of *a*|backlog/emphasis-8mb.md|$table print qq(*a* ) x 2_000_000, qq(\n)"
    "8 MB of a@ (addresses)|backlog/at-8mb.md|$table print qq(a@) x 4_000_000, qq(\n)"
    "8 MB of www. (URLs)|backlog/www-8mb.md|$table print qq(www.a ) x 1_300_000, qq(\n)"
)

printf '%-36s %9s %9s %5s  %s\n' "input" "seconds" "peak MB" "exit" "first finding"
failed=0
for entry in "${inputs[@]}"; do
    IFS='|' read -r name path program <<<"$entry"
    repository="$work/repository"
    rm -rf "$repository"
    git init -q "$repository"
    mkdir -p "$repository/$(dirname "$path")"
    perl -e "$program" >"$repository/$path"
    git -C "$repository" add -A
    status=0
    (cd "$repository" && /usr/bin/time -v -o "$work/time" "$tierlint" check --staged --format json >"$work/out" 2>"$work/err") \
        || status=$?
    elapsed=$(sed -n 's/.*Elapsed (wall clock) time.*: //p' "$work/time")
    # h:mm:ss or m:ss.ss, in seconds.
    seconds=$(echo "$elapsed" | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; printf "%.2f", s }')
    peak=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$work/time" | awk '{ printf "%.0f", $1 / 1024 }')
    finding=$(grep -o '"code":"[^"]*","severity":"[^"]*","path":"[^"]*","line":[0-9]*' "$work/out" | head -1 \
        | sed 's/"code":"\([^"]*\)".*"line":\([0-9]*\)/\1 line \2/' || true)
    printf '%-36s %9s %9s %5s  %s\n' "$name" "$seconds" "$peak" "$status" "${finding:-none}"
    if [ "$status" -gt 1 ] || awk -v s="$seconds" -v l="$limit" 'BEGIN { exit !(s > l) }'; then
        failed=1
        echo "  ^ over ${limit}s or not exit 0/1: $(head -c 300 "$work/err")" >&2
    fi
done
exit "$failed"
