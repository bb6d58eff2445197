import ArgumentParser
import Foundation
import TierlintCore

struct Audit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Report which agents and tickets use which tier, against the targets, with cost and recommendations.",
        discussion: """
            Reads every backlog and agent, command and skill definition of the working tree (or \
            of a commit with --rev) and shows the inventory, the tier mix of tickets and agents \
            against the policy's targets, the relative cost (haiku 1×, sonnet 3×, opus 10×) and \
            the blended list price, the findings grouped by rule, and what to move to which tier \
            with what it saves. Inline suppressions apply; a baseline does not, since an audit \
            is there to show the debt. Exit status is 0 whatever it finds, 2 when it cannot run.
            """)

    @Argument(help: "A folder or files to audit (default: the whole repository).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Audit a commit or tree instead of the working tree.", valueName: "rev"))
    var rev: String?

    @Option(name: .long, help: ArgumentHelp("Output format: \(AuditRendererRegistry.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format = "text"

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("How many findings per rule and recommendations to list in full (json lists all).", valueName: "n"))
    var limit = 10

    @Option(name: .long, help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR).", valueName: "when"))
    var color = "auto"

    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard AuditRendererRegistry.renderer(named: format) != nil else {
            throw ValidationError("unknown format \"\(format)\"; formats are \(AuditRendererRegistry.identifiers.joined(separator: ", "))")
        }
        guard limit >= 1 else { throw ValidationError("--limit takes a number of 1 or more") }
        try CommandSetup.validateColor(color)
    }

    func run() throws {
        try CommandSetup.changeDirectory(policy.directory)
        let source = try CommandSetup.source(revision: rev, paths: paths)
        var run = try LintRun(source: source, configuration: try CommandSetup.policyFile(policy.config))
        let progress = ProgressLine.start(for: &run)
        let report: AuditReport
        do {
            defer { progress?.stop() }
            report = try run.audit(toolVersion: TierlintInfo.version)
        }
        let display = DisplayPaths(cwd: FileManager.default.currentDirectoryPath, root: source.root)
        let renderer = AuditRendererRegistry.renderer(named: format)!
        // JSON keeps repository-relative paths; the rest show them as a person here clicks them.
        let keepPaths = format == AuditJSONRenderer.identifier
        let displayPath: @Sendable (String) -> String = { path in keepPaths ? path : display.path(for: path) }
        let options = AuditRenderOptions(
            color: output == nil && format == AuditTextRenderer.identifier && CommandSetup.useColor(color),
            displayPath: displayPath, limit: limit)
        try ReportOutput.write(renderer.render(report, options: options), to: output)
    }
}
