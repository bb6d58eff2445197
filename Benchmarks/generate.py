#!/usr/bin/env python3
"""Generates a synthetic repository for tierlint's benchmarks.

    Benchmarks/generate.py SIZE DIR        SIZE: small, medium or large

  small:  1,000 files,   100 agents,   1,000 ticket rows in   5 backlogs
  medium: 10,000 files,  1,000 agents, 10,000 ticket rows in  50 backlogs
  large:  50,000 files,  5,000 agents, 100,000 ticket rows in 500 backlogs

The rest of the files are what a real repository holds besides: source code, tests,
plain Markdown without tables, configuration. Agents are spread over the locations the
tools read (Claude Code, its plugins, Copilot, OpenCode, Cursor) and write their model the
ways people do; backlogs follow seed 000's sprint tables. About one ticket or agent in
twenty breaks the policy (a missing or misspelt model, security work below opus, opus
overkill, a sprint over its opus share), so the checks have real findings to report.
The output is deterministic: the same SIZE always gives the same repository, committed.
"""
import os
import random
import subprocess
import sys

SIZES = {
    "small": dict(files=1_000, agents=100, rows=1_000, backlogs=5),
    "medium": dict(files=10_000, agents=1_000, rows=10_000, backlogs=50),
    "large": dict(files=50_000, agents=5_000, rows=100_000, backlogs=500),
}

TICKETS = [
    ("Create {} table", "haiku"), ("Create {} seed data", "haiku"), ("Add {} config", "haiku"),
    ("Document {} API", "haiku"), ("Implement {}Service", "sonnet"), ("Implement {}Repository", "sonnet"),
    ("Create POST /{} endpoint", "sonnet"), ("Build {}Card component", "sonnet"), ("Write {} API tests", "sonnet"),
    ("Add {} caching", "sonnet"), ("Design {} analytics", "opus"), ("Implement {} state machine", "opus"),
    ("Debug {} race condition", "opus"), ("Research {} storage options", "opus"),
]
SECURITY = ["Implement {} OAuth login", "Add {} payment refunds", "Encrypt {} tokens at rest", "Add RBAC to {}"]
NOUNS = ["session", "order", "invoice", "report", "user", "profile", "cart", "search", "upload", "feed",
         "inventory", "shipment", "review", "catalog", "message", "channel", "team", "project", "task", "export"]
MODEL_SPELLINGS = {
    "haiku": ["haiku", "Haiku", "`haiku`", "claude-haiku-4-5", "claude-3-5-haiku-20241022"],
    "sonnet": ["sonnet", "Sonnet", "**sonnet**", "claude-sonnet-4-5", "anthropic/claude-sonnet-4-5"],
    "opus": ["opus", "Opus", "claude-opus-4-6", "Claude Opus 4.6", "opus[1m]"],
}
AGENT_ROLES = [
    ("code-reviewer", "Reviews pull requests for correctness, style and missed edge cases.", "sonnet"),
    ("test-runner", "Runs the test suite and reports failures with their output.", "haiku"),
    ("docs-writer", "Updates the README and API reference after a change.", "haiku"),
    ("architect", "Designs systems and evaluates architectural trade-offs before implementation.", "opus"),
    ("debugger", "Finds the root cause of failing tests and production errors.", "opus"),
    ("builder", "Implements well-scoped tickets from the design.", "sonnet"),
    ("migration-writer", "Writes database migrations from a given schema.", "haiku"),
    ("security-auditor", "Audits authentication, secrets handling and access control.", "opus"),
]


def spelled(rng, tier, markdown=True):
    """A model name as people write it; YAML frontmatter gets no Markdown emphasis or code marks."""
    choices = MODEL_SPELLINGS[tier] if markdown else [m for m in MODEL_SPELLINGS[tier] if m[0] not in "*`"]
    return rng.choice(choices)


def backlog(rng, index, rows):
    """A backlog page: sprints of 10-25 tickets with seed 000's columns."""
    lines = [f"# Backlog {index}", "", "Tickets and the model each runs on.", ""]
    written, sprint = 0, index * 100
    while written < rows:
        count = min(rows - written, rng.randint(10, 25))
        sprint += 1
        lines += [f"## Sprint {sprint}: {rng.choice(NOUNS).title()} work", "",
                  "| # | Ticket | Owner | Model | Cost Tier |", "|---|--------|-------|-------|-----------|"]
        heavy = rng.random() < 0.05  # a sprint over its opus share
        for number in range(1, count + 1):
            noun = rng.choice(NOUNS)
            roll = rng.random()
            if roll < 0.02:
                title, tier = rng.choice(SECURITY).format(noun), "sonnet"      # security below opus
            elif roll < 0.04:
                title, tier = rng.choice(SECURITY).format(noun), "opus"
            else:
                # Seed 000's recommended mix: 40% haiku, 45% sonnet, 15% opus.
                wanted = rng.choices(["haiku", "sonnet", "opus"], weights=[40, 45, 15])[0]
                pattern, tier = rng.choice([t for t in TICKETS if t[1] == wanted])
                title = pattern.format(noun.title() if "{}S" in pattern or "{}R" in pattern or "{}C" in pattern else noun)
                if heavy or rng.random() < 0.01:
                    tier = "opus"                                              # overkill, or a heavy sprint
            model = spelled(rng, tier)
            if rng.random() < 0.005:
                model = "TBD"                                                  # missing
            elif rng.random() < 0.005:
                model = "sonet"                                                # misspelt
            cost = {"haiku": "$", "sonnet": "$$", "opus": "$$$"}[tier]
            owner = rng.choice(["Backend", "Frontend", "DB", "QA", "DevOps"])
            lines.append(f"| {sprint}.{number} | {title} | {owner} | {model} | {cost} |")
        lines.append("")
        written += count
    return "\n".join(lines) + "\n"


def agent(rng, index):
    name, description, tier = AGENT_ROLES[index % len(AGENT_ROLES)]
    if rng.random() < 0.03:
        tier = "sonnet" if tier == "opus" else tier                            # e.g. a security auditor on sonnet
    model = f"model: {spelled(rng, tier, markdown=False)}\n"
    if rng.random() < 0.01:
        model = ""                                                             # no model
    return f"---\nname: {name}-{index}\ndescription: {description}\n{model}tools: Read, Grep, Glob\n---\n\nYou are the {name}. Work carefully.\n"


def agent_path(index):
    place = index % 10
    if place < 4:
        return f".claude/agents/team-{index % 37}/agent-{index}.md"
    if place < 7:
        return f"plugins/plugin-{index % 50}/agents/agent-{index}.md"
    if place == 7:
        return f".github/agents/agent-{index}.agent.md"
    if place == 8:
        return f".opencode/agent/agent-{index}.md"
    return f".cursor/agents/agent-{index}.md"


def filler(rng, index):
    kind = index % 4
    if kind == 0:
        return f"src/module{index % 200}/file{index}.swift", f"// File {index}\nstruct Thing{index} {{\n    let model = \"not a table\"\n}}\n"
    if kind == 1:
        return f"tests/test_{index}.py", f"def test_{index}():\n    assert {index} == {index}\n"
    if kind == 2:
        return f"docs/notes/note-{index}.md", f"# Note {index}\n\nSome prose about the {rng.choice(NOUNS)} model, with no table.\n"
    return f"config/settings-{index}.json", f'{{"id": {index}, "enabled": true}}\n'


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SIZES:
        sys.exit(__doc__)
    size, root = SIZES[sys.argv[1]], sys.argv[2]
    rng = random.Random(f"tierlint-{sys.argv[1]}")
    if os.path.exists(root):
        sys.exit(f"{root} exists; choose a new folder")
    files = {}
    per_backlog = size["rows"] // size["backlogs"]
    for index in range(size["backlogs"]):
        files[f"planning/backlog-{index:03}.md"] = backlog(rng, index, per_backlog)
    for index in range(size["agents"]):
        files[agent_path(index)] = agent(rng, index)
    for plugin in range(min(50, size["agents"])):
        files[f"plugins/plugin-{plugin}/.claude-plugin/plugin.json"] = f'{{"name": "plugin-{plugin}", "version": "1.0.0"}}\n'
    index = 0
    while len(files) < size["files"]:
        path, text = filler(rng, index)
        files[path] = text
        index += 1
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w") as handle:
            handle.write(text)
    env = dict(os.environ, GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="bench@example.com",
               GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="bench@example.com",
               GIT_AUTHOR_DATE="2026-01-01T00:00:00Z", GIT_COMMITTER_DATE="2026-01-01T00:00:00Z")
    for command in (["git", "init", "-q", "-b", "main"], ["git", "add", "-A"],
                    ["git", "-c", "core.hooksPath=/dev/null", "commit", "-q", "-m", "Synthetic repository"]):
        subprocess.run(command, cwd=root, env=env, check=True)
    print(f"{root}: {len(files)} files, {size['agents']} agents, {size['rows']} ticket rows in {size['backlogs']} backlogs")


if __name__ == "__main__":
    main()
