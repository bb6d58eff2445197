#!/bin/sh
# Renders the HTML audit of the bundled example in headless Chromium into docs/audit.png.
#   docs/screenshot.sh [path/to/tierlint]     (default: the debug build)
set -eu
cd "$(dirname "$0")/.."
tierlint=${1:-.build/debug/tierlint}
page=$(mktemp -d)/audit.html
"$tierlint" audit Examples/sprint-board --format html --output "$page"
chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1200,1960 \
    --screenshot="$PWD/docs/audit.png" "file://$page" 2>/dev/null
echo "wrote docs/audit.png"
