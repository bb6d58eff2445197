#!/bin/sh
# Builds tierlint and installs it, with the system libraries it needs.
#
#   ./install.sh [--prefix DIR] [--hook REPO]
#
#   --prefix DIR   install into DIR/bin (default /usr/local, or ~/.local when /usr/local
#                  is not writable)
#   --hook REPO    also install the pre-commit hook in the git repository REPO
#
# Safe to run again: it installs only missing packages and replaces the binary atomically.
set -eu

usage() {
    sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
}

prefix=""
hook_repo=""
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) [ $# -ge 2 ] || { usage >&2; exit 2; }; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#--prefix=}; shift ;;
        --hook) [ $# -ge 2 ] || { usage >&2; exit 2; }; hook_repo=$2; shift 2 ;;
        --hook=*) hook_repo=${1#--hook=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) echo "install.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    esac
done

# Paths given on the command line are relative to where the user ran the script.
absolute() { case "$1" in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
[ -z "$prefix" ] || prefix=$(absolute "$prefix")
[ -z "$hook_repo" ] || hook_repo=$(absolute "$hook_repo")

cd "$(dirname "$0")"
say() { printf '==> %s\n' "$*"; }

# 1. The C libraries tierlint links: libgit2, GitHub's cmark-gfm with its extensions, and zlib.
packages="libgit2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev pkg-config git"
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
    for package in $packages; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        case "$status" in *"install ok installed"*) ;; *) missing="$missing $package" ;; esac
    done
elif ! pkg-config --exists libgit2 libcmark-gfm zlib 2>/dev/null; then
    echo "install.sh: libgit2, cmark-gfm (with its extensions) and zlib are needed, with pkg-config;" >&2
    echo "install them with your package manager and run ./install.sh again." >&2
    exit 1
fi
if [ -n "$missing" ]; then
    if [ "$(id -u)" -eq 0 ]; then
        sudo=""
    elif command -v sudo >/dev/null 2>&1; then
        sudo="sudo"
    else
        echo "install.sh: these packages are missing and there is no sudo to install them:$missing" >&2
        exit 1
    fi
    say "Installing system packages:$missing"
    $sudo apt-get update -qq
    # shellcheck disable=SC2086
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
fi

# 2. The Swift toolchain builds it.
if ! command -v swift >/dev/null 2>&1; then
    echo "install.sh: the Swift 6 toolchain is needed (https://www.swift.org/install/); put swift on PATH and run again." >&2
    exit 1
fi

# 3. A release build with the Swift runtime linked in: it starts faster and keeps working
#    when the toolchain moves.
say "Building tierlint (release)"
swift build -c release --static-swift-stdlib --product tierlint
binary="$(swift build -c release --static-swift-stdlib --show-bin-path)/tierlint"

# 4. Install where the user can write.
if [ -z "$prefix" ]; then
    if [ -w /usr/local/bin ] || { [ ! -e /usr/local/bin ] && [ -w /usr/local ]; }; then
        prefix=/usr/local
    else
        prefix="$HOME/.local"
    fi
fi
mkdir -p "$prefix/bin"
# Copy then rename, so a hook running the old binary never sees a half-written file.
cp "$binary" "$prefix/bin/.tierlint.new.$$"
chmod 755 "$prefix/bin/.tierlint.new.$$"
mv -f "$prefix/bin/.tierlint.new.$$" "$prefix/bin/tierlint"
say "Installed $prefix/bin/tierlint ($("$prefix/bin/tierlint" --version))"

case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) say "Note: $prefix/bin is not on PATH; add it (export PATH=\"$prefix/bin:\$PATH\") so the hook and your shell find tierlint" ;;
esac

# 5. Optionally, the pre-commit hook.
if [ -n "$hook_repo" ]; then
    "$prefix/bin/tierlint" install -C "$hook_repo"
fi
