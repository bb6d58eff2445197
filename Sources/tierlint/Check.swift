import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check backlogs and agent definitions against the model policy.",
        discussion: """
            With --staged, checks what the next commit will contain, read from the index (this is \
            what the pre-commit hook runs). With --rev, checks every file of a commit. Otherwise \
            checks the working tree: the files git tracks or would track, or, outside a git \
            repository, every file under the current folder. PATHs narrow any of these.
            """)

    @Flag(name: .long, help: "Check the files staged for the next commit, read from the index.")
    var staged = false

    @Option(name: .long, help: ArgumentHelp("Check every file of a commit or tree.", valueName: "rev"))
    var rev: String?

    @Flag(name: .customLong("pre-commit"), help: ArgumentHelp(
        "Run as a hook of the pre-commit framework: the staged files in a commit, the files of --from-ref/--to-ref, "
            + "else every file of the index (pre-commit run --all-files)."))
    var preCommitFramework = false

    @Option(name: .long, help: ArgumentHelp(
        "Check the files changed since the merge base of this revision and HEAD (or --rev), read from HEAD: a pull request's files.",
        valueName: "rev"))
    var since: String?

    @Argument(help: "Files or folders to check (default: all).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp(
        "Output format: \(ReporterRegistry.identifiers.joined(separator: ", ")) (default: github when GITHUB_ACTIONS=true, else text).",
        valueName: "format"))
    var format: String?

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp(
        "Hide the findings recorded in this baseline file (instead of the one `baseline:` in .tierlint.yml names).",
        valueName: "file"))
    var baseline: String?

    @Option(name: .customLong("write-baseline"), help: ArgumentHelp(
        "Record every current finding in this file and exit 0; later checks with the baseline report only new ones.",
        valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .long, help: "Fail (exit 1) on warnings too, not only on errors.")
    var strict = false

    @Option(name: .long, help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR).", valueName: "when"))
    var color = "auto"

    @OptionGroup var policy: PolicyOptions

    @Flag(name: .long, help: "Print only findings, without the summary line.")
    var quiet = false

    func validate() throws {
        if [staged, rev != nil || since != nil, preCommitFramework].count(where: { $0 }) > 1 {
            throw ValidationError("choose one source: --staged, --pre-commit, or --rev/--since")
        }
        if baseline != nil && writeBaseline != nil {
            throw ValidationError("--baseline hides the findings --write-baseline records; use one of them")
        }
        if writeBaseline != nil && (staged || preCommitFramework || since != nil || !paths.isEmpty) {
            throw ValidationError("a baseline records every finding of the repository; run --write-baseline without --staged, --since or paths")
        }
        if let format, ReporterRegistry.reporter(named: format) == nil {
            throw ValidationError("unknown format \"\(format)\"; formats are \(ReporterRegistry.identifiers.joined(separator: ", "))")
        }
        try CommandSetup.validateColor(color)
    }

    func run() throws {
        try CommandSetup.changeDirectory(policy.directory)
        let source = preCommitFramework
            ? try CommandSetup.preCommitFrameworkSource(paths: paths)
            : try CommandSetup.source(staged: staged, revision: rev, since: since, paths: paths)
        let given = try CommandSetup.policyFile(policy.config)
        var run = try LintRun(source: source, configuration: given)
        let progress = ProgressLine.start(for: &run)
        defer { progress?.stop() }
        if let writeBaseline {
            let result = try run.lint(baseline: .none)
            try ReportOutput.write(Baseline.render(result.findings, toolVersion: TierlintInfo.version), to: writeBaseline)
            printError("wrote \(result.findings.count) finding\(result.findings.count == 1 ? "" : "s") to \(writeBaseline); "
                + "checks with --baseline \(writeBaseline) (or `baseline:` in .tierlint.yml) report only new ones", prefix: false)
            return
        }
        var choice = LintRun.BaselineChoice.configured
        if let baseline {
            guard let content = try? DiskFile.read(baseline, limit: 64 << 20), case .bytes(let bytes) = content else {
                throw CommandFailure(message: "cannot read the baseline \(baseline) (does it exist?); write one with --write-baseline \(baseline)")
            }
            choice = .given(try Baseline.read(bytes, file: baseline))
        }
        let result = try run.lint(baseline: choice)
        let reporter = ReporterRegistry.reporter(named: formatName)!
        let isText = type(of: reporter).identifier == TextReporter.identifier
        if (staged || preCommitFramework) && isText && output == nil && result.filesChecked == 0 && result.findings.isEmpty {
            // Nothing tierlint reads was staged: a pre-commit hook stays silent.
            progress?.stop()
            finish(0)
        }
        let display = DisplayPaths(cwd: FileManager.default.currentDirectoryPath, root: source.root)
        let input = ReportInput(
            toolVersion: TierlintInfo.version, source: source.name, result: result,
            displayPath: display.path(for:), color: output == nil && CommandSetup.useColor(color), root: source.root)
        var report = reporter.report(input)
        if quiet && isText {
            report = report.split(separator: "\n", omittingEmptySubsequences: false).dropLast(2).joined(separator: "\n")
            if !report.isEmpty { report += "\n" }
        }
        try ReportOutput.write(report, to: output)
        if reporter is GitHubReporter { try ReportOutput.appendJobSummary(input) }
        progress?.stop()
        finish(result.failed(strict: strict) ? 1 : 0)
    }

    /// `--format`, or the format the environment calls for: annotations inside GitHub Actions.
    private var formatName: String {
        if let format { return format }
        return ProcessInfo.processInfo.environment["GITHUB_ACTIONS"] == "true" ? GitHubReporter.identifier : TextReporter.identifier
    }
}
