#!/usr/bin/env python3
"""Turns Benchmarks/run.sh's measurements into the results section of BENCHMARKS.md.

    report.py RESULTS_DIR OUTPUT TIERLINT SIZE...

Only the part between <!-- results --> and <!-- /results --> is rewritten; the rest of the
file (the analysis written by people) is kept.
"""
import datetime
import json
import os
import platform
import re
import subprocess
import sys

TARGETS = {"precommit": 2.0, "check": 2.0, "version": 2.0}


def mean(results, name):
    with open(os.path.join(results, name + ".json")) as handle:
        return json.load(handle)["results"][0]["mean"]


def peak(results, name):
    try:
        text = open(os.path.join(results, name + ".time")).read()
    except OSError:
        return None
    match = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    return int(match.group(1)) / 1024 if match else None


def ms(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"


def verdict(ratio, target):
    return "✅" if ratio <= target else "❌"


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = ""
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                memory = f", {int(line.split()[1]) / 1024 / 1024:.0f} GiB"
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores ({cpu}){memory}, {platform.system()} {platform.release()}"


def version(command):
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def main():
    results, output, tierlint, sizes = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
    lines = [
        "<!-- results -->",
        f"Measured {datetime.date.today().isoformat()} on {machine()}; tierlint {version([tierlint, '--version'])}, "
        f"{version(['git', '--version'])}, {version(['hyperfine', '--version'])}. Reproduce with "
        f"`Benchmarks/run.sh {' '.join(sizes)}`.",
        "",
        "| Size | Measure | tierlint | git | Ratio | Target |",
        "|------|---------|---------:|----:|------:|--------|",
    ]
    flat = []
    for size in sizes:
        rows = [
            ("pre-commit, one staged backlog", mean(results, f"{size}-precommit-tierlint"), "`git diff --cached --name-only`",
             mean(results, f"{size}-precommit-git"), TARGETS["precommit"]),
            ("`check --rev HEAD`", mean(results, f"{size}-check-tierlint"), "`git grep -c model HEAD -- '*.md'`",
             mean(results, f"{size}-grep-git"), TARGETS["check"] if size == "large" else None),
            ("`audit --rev HEAD`", mean(results, f"{size}-audit-tierlint"), "`git grep` as above",
             mean(results, f"{size}-grep-git"), None),
            ("start-up, `--version`", mean(results, f"{size}-version-tierlint"), "`git --version`",
             mean(results, f"{size}-version-git"), TARGETS["version"]),
        ]
        for measure, ours, against, theirs, target in rows:
            ratio = ours / theirs if theirs else float("inf")
            goal = f"≤ {target:g}× {verdict(ratio, target)}" if target else ""
            lines.append(f"| {size} | {measure} | {ms(ours)} | {ms(theirs)} ({against}) | {ratio:.1f}× | {goal} |")
        flat.append((size, mean(results, f"{size}-precommit-tierlint")))
    if len(flat) > 1:
        fastest = min(t for _, t in flat)
        slowest = max(t for _, t in flat)
        spread = (slowest / fastest - 1) * 100
        lines += ["", f"Pre-commit from {flat[0][0]} to {flat[-1][0]}: {ms(fastest)} to {ms(slowest)}, a spread of "
                  f"{spread:.0f}% (target: flat, within 20% {verdict(spread / 100, 0.2)})."]
    lines += ["", "| Size | Command | Peak memory |", "|------|---------|------------:|"]
    for size in sizes:
        for name, label in [("precommit-tierlint", "tierlint check --staged"), ("check-tierlint", "tierlint check --rev HEAD"),
                            ("audit-tierlint", "tierlint audit --rev HEAD"), ("grep-git", "git grep -c model HEAD")]:
            value = peak(results, f"{size}-{name}")
            mark = ""
            if size == "large" and name != "grep-git" and value is not None:
                mark = f" {verdict(value, 100)} (target < 100 MB)"
            lines.append(f"| {size} | `{label}` | {value:.1f} MB{mark} |" if value is not None else f"| {size} | `{label}` | ? |")
    lines.append("<!-- /results -->")
    section = "\n".join(lines)
    try:
        existing = open(output).read()
    except OSError:
        existing = "# Benchmarks\n\n<!-- results -->\n<!-- /results -->\n"
    if "<!-- results -->" in existing and "<!-- /results -->" in existing:
        before = existing.split("<!-- results -->")[0]
        after = existing.split("<!-- /results -->", 1)[1]
        text = before + section + after
    else:
        text = existing.rstrip() + "\n\n" + section + "\n"
    with open(output, "w") as handle:
        handle.write(text)


if __name__ == "__main__":
    main()
