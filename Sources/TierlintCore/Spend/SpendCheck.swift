/// What `tierlint spend` reports about a log, beside its figures: each with a stable code and
/// name like the lint rules, its explanation and examples for `tierlint explain`, and the same
/// examples run by the tests (`↓` marks where each finding points).
public enum SpendCheck {
    public static let malformedLine = RuleDescription(
        slug: "malformed-line", code: "SP001", defaultSeverity: .warning,
        summary: "A log line that is not an execution record: invalid JSON, a CSV record with the wrong number of fields, a required field missing or unreadable.",
        explanation: """
            Each line of a JSON Lines log is one object; a CSV log has a header naming its columns, \
            then one record per line (quote a field that holds a comma, a quote or a line break). \
            A record needs timestamp, agent, model, input_tokens and output_tokens; task, status, \
            cost, retry and escalated are optional, and other fields are ignored. Timestamps are \
            ISO 8601, with or without fractional seconds and a zone (UTC when none), or plain dates.

            The line is skipped and the rest of the log is read: one bad line never stops a report. \
            The report counts the lines it skipped, so a total is never silently short.
            """,
        triggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45Z", "agent": "test-engineer", "model": "haiku", "input_tokens": 1250, "output_tokens": 3400}
                ↓{"timestamp": "2026-03-16T14:25:02Z", "agent": "test-engineer", "model": "haiku"}
                {"timestamp": "2026-03-16T14:27:10Z", "agent": "test-engineer", "model": "haiku", "input_tokens": ↓"many", "output_tokens": 10}
                """),
            Example("executions.csv", """
                timestamp,agent,model,task,input_tokens,output_tokens,status
                2026-03-16T14:23:45Z,test-engineer,haiku,"Generate tests, then run them",1250,3400,success
                ↓2026-03-16T14:25:02Z,test-engineer,haiku,Generate tests, then run them,1250,3400,success
                """),
        ],
        nonTriggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45.120+01:00", "agent": "test-engineer", "model": "haiku", "input_tokens": 1250, "output_tokens": 3400, "trace": {"id": 7}}
                """),
        ])

    public static let unpricedModel = RuleDescription(
        slug: "unpriced-model", code: "SP002", defaultSeverity: .warning,
        summary: "A model the catalog does not know, or knows without a price: its executions are counted but not priced.",
        explanation: """
            Costs come from the catalog's list prices per million input and output tokens: the \
            model's own, or its tier's (seed 001: haiku $0.80/$4, sonnet $3/$15, opus $15/$75). \
            A model the catalog does not know has neither, so its executions are left out of every \
            cost and the report says how many. Add it under `models:` in .tierlint.yml with its \
            tier and price, or give a known model a price under `prices:`.
            """,
        triggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45Z", "agent": "summarizer", "model": ↓"my-local-llm", "input_tokens": 900, "output_tokens": 200}
                """),
        ],
        nonTriggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45Z", "agent": "summarizer", "model": "my-local-llm", "input_tokens": 900, "output_tokens": 200}
                """, configuration: "models:\n  - {name: my-local-llm, tier: haiku, price: [0, 0.10]}"),
        ])

    public static let costMismatch = RuleDescription(
        slug: "cost-mismatch", code: "SP003", defaultSeverity: .warning,
        summary: "A logged cost more than a cent away from what the catalog's prices make of the execution's tokens.",
        explanation: """
            A cost tracker that computes its own `cost` can go wrong: an old price table, input and \
            output swapped, another model's rates. Seed 001's own example logs 0.0246 for a haiku \
            run that costs 1250 / 1,000,000 × $0.80 + 3400 / 1,000,000 × $4 = $0.0146. The report \
            prices every execution from the catalog, in exact decimal, and points at each logged \
            cost that is off by more than a cent (a cent or less passes, so that costs logged to \
            the cent do too). If the catalog's price is the stale one, override it under `prices:` \
            in .tierlint.yml.
            """,
        triggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45Z", "agent": "test-engineer", "model": "opus", "input_tokens": 1250, "output_tokens": 3400, "cost": ↓0.0146}
                """),
        ],
        nonTriggeringExamples: [
            Example("executions.jsonl", """
                {"timestamp": "2026-03-16T14:23:45Z", "agent": "test-engineer", "model": "haiku", "input_tokens": 1250, "output_tokens": 3400, "cost": 0.0146}
                """),
        ])

    public static let modelDrift = RuleDescription(
        slug: "model-drift", code: "SP004", defaultSeverity: .warning,
        summary: "An agent ran on another tier than its definition in the repository declares (a note when only the model differs, on the same tier).",
        explanation: """
            The policy says which tier each agent runs on; the log says where it ran. An \
            orchestrator that overrides the model, a stale deployment or a fallback can put an \
            agent on opus that the repository keeps on sonnet, and the cost follows the log, not \
            the file. Executions flagged `escalated` may run above the declared tier: that is \
            seed 001's tiered execution working as designed. Agents declared `inherit` run on their \
            caller's model and are not judged. One finding per agent and model, at its first \
            execution, with the count.
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": "code-reviewer", "model": ↓"claude-opus-4-6", "input_tokens": 2000, "output_tokens": 1500}
                    """),
            ]),
        ],
        nonTriggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": "code-reviewer", "model": "claude-sonnet-4-5", "input_tokens": 2000, "output_tokens": 1500}
                    {"timestamp": "2026-03-16T14:29:02Z", "agent": "code-reviewer", "model": "opus", "input_tokens": 2000, "output_tokens": 1500, "escalated": true}
                    """),
            ]),
        ])

    public static let undeclaredAgent = RuleDescription(
        slug: "undeclared-agent", code: "SP005", defaultSeverity: .info,
        summary: "An agent that ran but has no definition in the repository, so no declared tier to hold it to.",
        explanation: """
            Every agent that spends money should be in the repository, where its model is \
            reviewed and checked. An agent run from somewhere else (a user's own folder, an old \
            name, a typo in the orchestrator) is spend that no policy covers. Names compare \
            without case, and `_` or spaces count as `-`. Not reported when the repository \
            declares no agents at all.
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": ↓"code-reviewer-v2", "model": "sonnet", "input_tokens": 2000, "output_tokens": 1500}
                    """),
            ]),
        ],
        nonTriggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": "Code_Reviewer", "model": "sonnet", "input_tokens": 2000, "output_tokens": 1500}
                    """),
            ]),
        ])

    public static let unusedAgent = RuleDescription(
        slug: "unused-agent", code: "SP006", defaultSeverity: .info,
        summary: "An agent the repository declares that never ran in the log's window.",
        explanation: """
            An agent that is never used still costs attention: it is checked, reviewed and kept \
            up to date. Over a window long enough to be typical (`--since`), one that never ran \
            may be one to delete, or one the orchestrator calls by another name.
            """,
        triggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                (".claude/agents/architect.md", "---\nname: architect\nmodel: ↓opus\n---\nDesign it.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": "code-reviewer", "model": "sonnet", "input_tokens": 2000, "output_tokens": 1500}
                    """),
            ]),
        ],
        nonTriggeringExamples: [
            Example(files: [
                (".claude/agents/code-reviewer.md", "---\nname: code-reviewer\nmodel: sonnet\n---\nReview the diff.\n"),
                ("executions.jsonl", """
                    {"timestamp": "2026-03-16T14:23:45Z", "agent": "code-reviewer", "model": "sonnet", "input_tokens": 2000, "output_tokens": 1500}
                    """),
            ]),
        ])

    public static let overBudget = RuleDescription(
        slug: "over-budget", code: "SP007", defaultSeverity: .warning,
        summary: "At the month's run rate, spend will exceed the monthly budget (`--budget`).",
        explanation: """
            Seed 001: "If you budgeted $500/month for agent work and you're on track for $800, you \
            need to reoptimize." The projection takes the month of the last execution in the \
            window: what was spent in it so far, divided by the days elapsed (from the month's \
            first day, or the window's first day when it starts later, to the last execution's \
            day), is the daily run rate; the projection is the spend so far plus that rate for \
            each day left in the month. With `--fail-on-budget` an overrun exits with 1.
            """,
        triggeringExamples: [],
        nonTriggeringExamples: [])

    public static let all: [RuleDescription] = [
        malformedLine, unpricedModel, costMismatch, modelDrift, undeclaredAgent, unusedAgent, overBudget,
    ]

    /// A check by name or code, ignoring case: `model-drift`, `SP004`.
    public static func named(_ name: String) -> RuleDescription? {
        let key = name.lowercased()
        return all.first { $0.slug == key || $0.code.lowercased() == key }
    }
}
