import TierlintCore
import TierlintMarkdown

/// The parsers of user input, each driven the way tierlint drives it, for the libFuzzer
/// targets in Fuzz/ and for the regression tests that replay what the fuzzers found.
///
/// A run may report findings or throw `ConfigurationError` (a bad policy is the user's to
/// fix); anything else is a bug: a crash, a hang, another error, or a finding that points
/// outside its file, which `check` turns into a trap so that the fuzzer keeps the input.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// Markdown as a backlog page: cmark-gfm, the table extractor, statements and rules.
    case backlog
    /// An agent definition: frontmatter, its YAML and the agent rules.
    case frontmatter
    /// A YAML agent file in seed 001's style: agent maps, dispatch lists, pipelines.
    case yamlAgents = "yaml-agents"
    /// `.tierlint.yml`, then a check under it.
    case config
    /// A plugin manifest with an agent beside it.
    case pluginManifest = "plugin-manifest"
    /// A baseline file.
    case baseline
    /// A backlog page through the audit and every audit format, and `fix`.
    case audit
    /// An execution log through `tierlint spend`, whole and in small chunks, in every format.
    case executionLog = "execution-log"

    /// Runs the input through the target; traps when an invariant breaks.
    public func run(_ bytes: [UInt8]) {
        do {
            switch self {
            case .backlog:
                try check([SourceFile(path: "docs/backlog.md", content: .bytes(bytes))])
            case .frontmatter:
                try check([SourceFile(path: ".claude/agents/fuzz.md", content: .bytes(bytes))])
            case .yamlAgents:
                try check([
                    SourceFile(path: "agents.yml", content: .bytes(bytes)),
                    SourceFile(path: "orchestrator/dispatch.yml", content: .bytes(bytes)),
                ])
            case .config:
                _ = try? ConfigurationLoader.load(String(decoding: bytes, as: UTF8.self))
                try check([SourceFile(path: "docs/backlog.md", text: Self.sampleBacklog)], configuration: bytes)
            case .pluginManifest:
                try check([
                    SourceFile(path: "plugins/p/.claude-plugin/plugin.json", content: .bytes(bytes)),
                    SourceFile(path: "plugins/p/agents/a.md", text: "---\nname: a\nmodel: opus\n---\n"),
                ])
            case .baseline:
                _ = try? Baseline.read(bytes, file: "baseline.json")
            case .audit:
                let run = try LintRun(source: MemorySource([SourceFile(path: "docs/backlog.md", content: .bytes(bytes))]))
                let report = try run.audit(toolVersion: "fuzz")
                for renderer in AuditRendererRegistry.all {
                    _ = renderer.init().render(report, options: AuditRenderOptions(limit: 3))
                }
                _ = try ModelFixer.plan(run)
            case .executionLog:
                try spend(bytes)
            }
        } catch is ConfigurationError {
            // A policy the loader rejects, with its file and line: the expected outcome.
        } catch {
            fatalError("\(rawValue): unexpected error \(error)")
        }
    }

    /// Checks the files twice: the findings must be the same, and each must point inside
    /// its file.
    private func check(_ files: [SourceFile], configuration: [UInt8]? = nil) throws {
        let given = configuration.map { (file: ".tierlint.yml", content: SourceFile.Content.bytes($0)) }
        let first = try LintRun(source: MemorySource(files), configuration: given).lint()
        let second = try LintRun(source: MemorySource(files), configuration: given).lint()
        precondition(first.findings == second.findings, "\(rawValue): two checks of the same input disagree")
        for finding in first.findings {
            guard let file = files.first(where: { $0.path == finding.path }), case .bytes(let bytes) = file.content else { continue }
            let lines = Self.lineCount(bytes)
            precondition(finding.line >= 1 && finding.line <= lines,
                         "\(rawValue): \(finding.rule.code) at line \(finding.line) of a \(lines)-line file")
            precondition(finding.column >= 1, "\(rawValue): \(finding.rule.code) at column \(finding.column)")
        }
        for format in ReporterRegistry.all {
            _ = format.init().report(ReportInput(toolVersion: "fuzz", source: "fuzz", result: first))
        }
    }

    /// Reads a log twice, whole and seven bytes at a time: the findings must be the same,
    /// and each must point inside the log.
    private func spend(_ bytes: [UInt8]) throws {
        let configuration = try Preset.configuration(named: Preset.defaultName)
        var reports: [SpendReport] = []
        for size in [max(bytes.count, 1), 7] {
            let run = SpendRun(configuration: configuration, options: SpendOptions())
            run.startFile("executions.jsonl")
            var start = 0
            while start < bytes.count {
                let end = min(bytes.count, start + size)
                bytes[start..<end].withUnsafeBytes { run.consume($0) }
                start = end
            }
            run.finishFile()
            reports.append(run.report(declaredAgents: [], toolVersion: "fuzz"))
        }
        precondition(reports[0].findings == reports[1].findings, "\(rawValue): chunk edges changed the findings")
        precondition(reports[0].total == reports[1].total, "\(rawValue): chunk edges changed the totals")
        let lines = Self.lineCount(bytes)
        for finding in reports[0].findings where !finding.path.isEmpty {
            precondition(finding.line >= 1 && finding.line <= lines,
                         "\(rawValue): \(finding.rule.code) at line \(finding.line) of a \(lines)-line log")
            precondition(finding.column >= 1, "\(rawValue): \(finding.rule.code) at column \(finding.column)")
        }
        for renderer in SpendRendererRegistry.all {
            _ = renderer.init().render(reports[0], options: SpendRenderOptions())
        }
    }

    /// Lines as editors and cmark-gfm count them: `\n`, `\r\n` and a lone `\r` end one.
    static func lineCount(_ bytes: [UInt8]) -> Int {
        var count = 1
        for (index, byte) in bytes.enumerated() {
            let lineFeed = byte == UInt8(ascii: "\n")
            let loneReturn = byte == UInt8(ascii: "\r") && (index + 1 == bytes.count || bytes[index + 1] != UInt8(ascii: "\n"))
            if lineFeed || loneReturn { count += 1 }
        }
        return count
    }

    static let sampleBacklog = """
        ## Sprint 1

        | # | Ticket | Model | Owner |
        |---|--------|-------|-------|
        | 1 | Create users table | haiku | DB |
        | 2 | Implement OAuth login | sonnet | Backend |

        Distribution: 1 haiku (50%) | 1 sonnet (50%)
        """

    /// Inputs to start fuzzing from: the rules' own examples, which cover every format.
    public var seeds: [[UInt8]] {
        var texts: [String] = []
        for rule in RuleRegistry.all {
            for example in rule.description.triggeringExamples + rule.description.nonTriggeringExamples {
                for file in example.sourceFiles {
                    guard case .bytes(let bytes) = file.content else { continue }
                    let text = String(decoding: bytes, as: UTF8.self)
                    switch self {
                    case .backlog, .audit: if file.path.hasSuffix(".md") && !file.path.contains("/agents/") { texts.append(text) }
                    case .frontmatter: if file.path.contains("agents/") || file.path.contains("commands/") { texts.append(text) }
                    case .yamlAgents: if file.path.hasSuffix(".yml") || file.path.hasSuffix(".yaml") { texts.append(text) }
                    case .config: if let configuration = example.configuration { texts.append(configuration) }
                    case .pluginManifest, .baseline, .executionLog: break
                    }
                }
            }
        }
        if self == .executionLog {
            for check in SpendCheck.all {
                for example in check.triggeringExamples + check.nonTriggeringExamples {
                    for file in example.sourceFiles where file.path.hasSuffix(".jsonl") || file.path.hasSuffix(".csv") {
                        if case .bytes(let bytes) = file.content { texts.append(String(decoding: bytes, as: UTF8.self)) }
                    }
                }
            }
        }
        switch self {
        case .pluginManifest:
            texts += [#"{"name": "p", "agents": ["./agents/a.md"], "commands": "./commands"}"#, #"{"name": "p"}"#, "{"]
        case .baseline:
            texts += [#"{"findings": [{"path": "a.md", "rule": "TL003", "section": "S", "subject": "ticket 1", "count": 2}]}"#]
        case .config:
            texts += ["preset: containment\n", "rules:\n  distribution:\n    targets: {opus: {max: 10%}}\n"]
        default:
            break
        }
        var seen = Set<String>()
        return texts.filter { seen.insert($0).inserted }.map { Array($0.utf8) }
    }
}
