import Foundation
import TestSupport
import Testing

/// `tierlint spend`, driven as a user would: real repositories with agent files, real logs,
/// plain and gzip (made with the system's gzip), the built binary and its exit codes.
@Suite struct SpendCommandTests {
    private static let agents = [
        ".claude/agents/reviewer.md": "---\nname: reviewer\ndescription: Reviews diffs.\nmodel: sonnet\n---\nReview the diff.\n",
        ".claude/agents/tester.md": "---\nname: tester\ndescription: Writes tests.\nmodel: haiku\n---\nWrite the tests.\n",
        ".claude/agents/architect.md": "---\nname: architect\ndescription: Designs features.\nmodel: opus\n---\nDesign it.\n",
    ]

    /// Two weeks of runs: the reviewer on opus against its sonnet definition, an agent no file
    /// declares, the architect never run, a line cut off mid-write and a wrong logged cost.
    private static let log = [
        #"{"timestamp": "2026-03-02T09:00:00Z", "agent": "tester", "model": "haiku", "task": "Write session tests", "input_tokens": 1250, "output_tokens": 3400, "status": "success", "cost": 0.0146}"#,
        #"{"timestamp": "2026-03-02T10:00:00Z", "agent": "reviewer", "model": "claude-opus-4-6", "task": "Review sessions", "input_tokens": 10000, "output_tokens": 2000, "status": "success"}"#,
        #"{"timestamp": "2026-03-03T11:00:00Z", "agent": "tester", "model": "haiku", "task": "Write API tests", "input_tokens": 2000, "output_tokens": 4000, "status": "fail"#,
        #"{"timestamp": "2026-03-09T09:30:00Z", "agent": "tester", "model": "haiku", "task": "Write API tests", "input_tokens": 2000, "output_tokens": 4000, "status": "failure", "cost": 0.5}"#,
        #"{"timestamp": "2026-03-10T14:00:00Z", "agent": "scratch-bot", "model": "sonnet", "task": "Summarize", "input_tokens": 3000, "output_tokens": 500, "status": "success"}"#,
    ].joined(separator: "\n") + "\n"

    private func repository(log: String = Self.log, extra: [String: String] = [:]) throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        for (path, text) in Self.agents.merging(extra, uniquingKeysWith: { $1 }) { try repository.write(path, text) }
        try repository.addAll()
        try repository.commit().succeeded()
        try repository.write("logs/executions.jsonl", log)
        return repository
    }

    @Test func driftAgainstTheRepositorysAgentFiles() throws {
        let repository = try repository()
        let run = try repository.tierlint(["spend", "logs/executions.jsonl"]).succeeded()
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.prefix(5) == [
            ".claude/agents/architect.md:4:8: info: agent architect is declared but never ran in the logs (2026-03-02 to 2026-03-10) [SP006 unused-agent]",
            "logs/executions.jsonl:2:69: warning: agent reviewer ran on claude-opus-4-6 (opus) once, but .claude/agents/reviewer.md:4 declares sonnet [SP004 model-drift]",
            "logs/executions.jsonl:3:158: warning: the line ends inside a value; was it cut off while being written? [SP001 malformed-line]",
            "logs/executions.jsonl:4:177: warning: the log says this tester run on haiku cost $0.50, but 2,000 input and 4,000 output tokens cost $0.0176 at $0.80 and $4 per million [SP003 cost-mismatch]",
            "logs/executions.jsonl:5:48: info: agent scratch-bot ran once but no agent file in the worktree declares it [SP005 undeclared-agent]",
        ], "\(run.stdout)")
        #expect(run.stdout.contains("Spend of 1 log, 4 executions from 2026-03-02 to 2026-03-10 (UTC); 1 line skipped."))
        // 1250 × 0.8 + 3400 × 4 = 14,600 µ$; 10,000 × 15 + 2,000 × 75 = 300,000 µ$;
        // 2,000 × 0.8 + 4,000 × 4 = 17,600 µ$; 3,000 × 3 + 500 × 15 = 16,500 µ$: $0.3487 in all.
        #expect(run.stdout.contains("\nTotal ") && run.stdout.contains("$0.35"), "\(run.stdout)")
        #expect(run.stdout.contains("Held to the 3 agents declared in the worktree. Found 3 warnings, 2 notes."))
        #expect(run.stderr.isEmpty)
        // Drift fails the run only when asked.
        let strict = try repository.tierlint(["spend", "logs/executions.jsonl", "--fail-on-drift"])
        #expect(strict.status == 1, "\(strict)")
    }

    @Test func revisionReadsTheAgentsOfACommit() throws {
        let repository = try repository()
        // The working tree moves the reviewer to opus; the commit still says sonnet.
        try repository.write(".claude/agents/reviewer.md", "---\nname: reviewer\nmodel: opus\n---\n")
        let worktree = try repository.tierlint(["spend", "logs/executions.jsonl", "--format", "json"]).succeeded()
        #expect(!worktree.stdout.contains("\"model-drift\""))
        let head = try repository.tierlint(["spend", "logs/executions.jsonl", "--rev", "HEAD", "--format", "json"]).succeeded()
        #expect(head.stdout.contains("\"model-drift\""))
        #expect(head.stdout.contains("\"source\":\"HEAD\""))
    }

    @Test func gzipLogsAreReadLikePlainOnes() throws {
        let repository = try repository()
        let plain = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--format", "json"]).succeeded()
        try Shell.run("/usr/bin/gzip", ["-k", "logs/executions.jsonl"], in: repository.root, environment: repository.environment).succeeded()
        try FileManager.default.moveItem(atPath: repository.root + "/logs/executions.jsonl.gz", toPath: repository.root + "/logs/copy.log")
        let gzipped = try repository.tierlint(["spend", "logs/copy.log", "--no-drift", "--format", "json"]).succeeded()
        #expect(gzipped.stdout == plain.stdout.replacingOccurrences(of: "logs/executions.jsonl", with: "logs/copy.log"))
        // Standard input too.
        let piped = try Shell.run(
            "/bin/sh", ["-c", "/usr/bin/gzip -c logs/executions.jsonl | \"$TIERLINT\" spend - --no-drift --format json"],
            in: repository.root, environment: repository.environment.merging(["TIERLINT": Shell.tierlint]) { $1 })
        #expect(piped.status == 0, "\(piped)")
        #expect(piped.stdout == plain.stdout.replacingOccurrences(of: "logs/executions.jsonl", with: "<stdin>"))
    }

    @Test func aCorruptOrMissingLogIsAnErrorWithStatusTwo() throws {
        let repository = try repository()
        try Shell.run("/usr/bin/gzip", ["-k", "logs/executions.jsonl"], in: repository.root, environment: repository.environment).succeeded()
        let whole = try Data(contentsOf: URL(fileURLWithPath: repository.root + "/logs/executions.jsonl.gz"))
        try whole.prefix(whole.count - 12).write(to: URL(fileURLWithPath: repository.root + "/logs/cut.gz"))
        let cut = try repository.tierlint(["spend", "logs/cut.gz"])
        #expect(cut.status == 2)
        #expect(cut.stderr.contains("logs/cut.gz: the gzip data ends early"), "\(cut)")
        let missing = try repository.tierlint(["spend", "logs/none.jsonl"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("logs/none.jsonl: cannot read it"))
    }

    @Test(arguments: [
        (["spend"], "name at least one log file"),
        (["spend", "x.jsonl", "--by", "year"], "--by takes agent, model, tier, day, week, month"),
        (["spend", "x.jsonl", "--since", "last week"], "--since takes a date or time"),
        (["spend", "x.jsonl", "--budget", "lots"], "--budget takes an amount"),
        (["spend", "x.jsonl", "--fail-on-budget"], "--fail-on-budget needs --budget"),
        (["spend", "x.jsonl", "--format", "pdf"], "unknown format \"pdf\""),
    ])
    func usageErrorsExitWithTwo(arguments: [String], message: String) throws {
        let run = try TemporaryRepository().tierlint(arguments)
        #expect(run.status == 2)
        #expect(run.stderr.contains(message), "\(run)")
    }

    @Test func aBudgetOverrunFailsOnlyWhenAsked() throws {
        let repository = try repository()
        // March: $0.3487 over Mar 2-10 (9 days); 21 days left: 0.3487 + 0.3487 × 21 / 9 = $1.1623.
        let report = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--budget", "1/month"]).succeeded()
        #expect(report.stdout.contains("tierlint spend: warning: at $0.04 a day, March 2026 is projected to cost $1.16, over the budget of $1.00 by $0.16 [SP007 over-budget]"), "\(report.stdout)")
        #expect(report.stdout.contains("  projected $0.35 + 21 days left × $0.04 = $1.16 (116.2% of the budget): over the budget by $0.16"))
        let failing = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--budget", "1", "--fail-on-budget"])
        #expect(failing.status == 1)
        let within = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--budget", "$2", "--fail-on-budget"])
        #expect(within.status == 0)
        #expect(within.stdout.contains("within the budget, $0.84 to spare"))
    }

    @Test func csvLogsWithQuotedCommasAndTheOtherFormats() throws {
        let csv = """
            timestamp,agent,model,task,input_tokens,output_tokens,status
            2026-03-02T09:00:00Z,tester,haiku,"Write tests, then run them",1250,3400,success
            2026-03-03T09:00:00Z,reviewer,sonnet,"Review ""auth"", sessions",2000,1500,success

            """
        let repository = try repository(log: csv)
        let text = try repository.tierlint(["spend", "logs/executions.jsonl", "--by", "model", "--no-drift"]).succeeded()
        #expect(!text.stdout.contains("SP001"), "\(text.stdout)")
        let json = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--format", "json"]).succeeded()
        let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(document["total"] as? [String: Any])
        #expect(total["executions"] as? Int == 2)
        // 0.0146 + (2,000 × 3 + 1,500 × 15) / 1M = 0.0146 + 0.0285 = 0.0431, exact in the text.
        #expect(json.stdout.contains("\"cost\":0.0431"))
        let spreadsheet = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--format", "csv", "--by", "tier"]).succeeded()
        #expect(spreadsheet.stdout.hasPrefix("tier,executions,input_tokens,output_tokens,cost,"))
        #expect(spreadsheet.stdout.contains("\r\nTotal,2,3250,4900,0.0431,"))
        try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--format", "markdown", "--output", "spend.md"]).succeeded()
        #expect(try repository.read("spend.md").hasPrefix("# tierlint spend\n"))
    }

    @Test func thePolicysPricesApply() throws {
        let repository = try repository(extra: [".tierlint.yml": "prices:\n  haiku: [1, 5]\n"])
        let run = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--by", "tier", "--format", "csv"]).succeeded()
        // haiku at $1/$5: (1250 + 2000) × 1 / 1M + (3400 + 4000) × 5 / 1M = 0.00325 + 0.037 = 0.04025.
        #expect(run.stdout.contains("\r\nhaiku,2,3250,7400,0.04025,"), "\(run.stdout)")
        let json = try repository.tierlint(["spend", "logs/executions.jsonl", "--no-drift", "--format", "json"]).succeeded()
        #expect(json.stdout.contains("\"overrides\":1"))
    }

    @Test func explainAndRulesKnowTheSpendChecks() throws {
        let repository = try TemporaryRepository()
        let explain = try repository.tierlint(["explain", "SP004"]).succeeded()
        #expect(explain.stdout.hasPrefix("model-drift (SP004), default severity: warning"))
        let rules = try repository.tierlint(["rules"]).succeeded()
        #expect(rules.stdout.contains("SP003  cost-mismatch"))
    }
}
