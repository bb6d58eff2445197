import ArgumentParser
import Foundation
import TierlintCore
import TierlintStreams

struct Spend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spend",
        abstract: "Price agent execution logs and hold the spend against the policy and a budget.",
        discussion: """
            Reads execution logs in seed 001's cost-tracker fields (timestamp, agent, model, task, \
            input_tokens, output_tokens, status, and optionally cost, retry, escalated) as JSON \
            Lines or CSV, plain or gzip-compressed, streaming: a log of any size is read in constant \
            memory. Each execution is priced from the catalog's per-million-token prices (with \
            .tierlint.yml's `models:` and `prices:` laid over them), in exact decimal. The report \
            groups executions by --by, shows the tier mix and seed 000's indicators against their \
            targets, projects the month's spend against --budget, and holds every run to the \
            agent's definition in the repository. Days are UTC days.

            Exit status: 0 when the report is made, whatever it finds; 1 with --fail-on-budget when \
            the month is projected over the budget, or with --fail-on-drift when an agent ran on \
            another tier than it declares or is not declared; 2 when it cannot run (usage, an \
            unreadable log or policy file).
            """)

    @Argument(help: ArgumentHelp("Execution logs: .jsonl or .csv, plain or gzip; - reads standard input.", valueName: "log"))
    var logs: [String] = []

    @Option(name: .long, help: ArgumentHelp("Only executions from this date or time on (ISO 8601; a date starts the day, UTC).", valueName: "date"))
    var since: String?

    @Option(name: .long, help: ArgumentHelp("Only executions up to this date or time (a date includes the whole day).", valueName: "date"))
    var until: String?

    @Option(name: .long, help: ArgumentHelp("Group by \(SpendGrouping.allCases.map(\.rawValue).joined(separator: ", ")).", valueName: "key"))
    var by = "agent"

    @Option(name: .long, help: ArgumentHelp("A monthly budget in dollars, such as 500 or 500/month.", valueName: "amount"))
    var budget: String?

    @Flag(name: .long, help: "Exit with 1 when the month's spend is projected over --budget.")
    var failOnBudget = false

    @Flag(name: .long, help: "Exit with 1 when an agent ran on another tier than its definition declares, or has none.")
    var failOnDrift = false

    @Flag(name: .long, help: "Do not read the repository's agent definitions (no drift findings).")
    var noDrift = false

    @Option(name: .long, help: ArgumentHelp("Read the agent definitions from a commit or tree instead of the working tree.", valueName: "rev"))
    var rev: String?

    @Option(name: .long, help: ArgumentHelp("Output format: \(SpendRendererRegistry.identifiers.joined(separator: ", ")).", valueName: "format"))
    var format = "text"

    @Option(name: .long, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("List at most this many findings of each kind; the rest are counted.", valueName: "n"))
    var limit = 20

    @Option(name: .long, help: ArgumentHelp("Colour: auto, always or never (auto honours NO_COLOR).", valueName: "when"))
    var color = "auto"

    @OptionGroup var policy: PolicyOptions

    func validate() throws {
        guard !logs.isEmpty else { throw ValidationError("name at least one log file, or - for standard input") }
        guard logs.filter({ $0 == "-" }).count <= 1 else { throw ValidationError("standard input (-) can be read only once") }
        guard SpendGrouping(rawValue: by.lowercased()) != nil else {
            throw ValidationError("--by takes \(SpendGrouping.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(by)\"")
        }
        guard SpendRendererRegistry.renderer(named: format) != nil else {
            throw ValidationError("unknown format \"\(format)\"; formats are \(SpendRendererRegistry.identifiers.joined(separator: ", "))")
        }
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, LogTime.parse(value) == nil {
                throw ValidationError("\(name) takes a date or time such as 2026-03-01 or 2026-03-01T09:00:00Z, not \"\(value)\"")
            }
        }
        if let budget, BudgetProjection.readBudget(budget) == nil {
            throw ValidationError("--budget takes an amount of dollars a month, such as 500 or 500/month, not \"\(budget)\"")
        }
        if failOnBudget, budget == nil { throw ValidationError("--fail-on-budget needs --budget") }
        if failOnDrift, noDrift { throw ValidationError("--fail-on-drift needs the agent definitions; drop --no-drift") }
        guard limit >= 1 else { throw ValidationError("--limit takes a number of 1 or more") }
        try CommandSetup.validateColor(color)
    }

    func run() throws {
        try CommandSetup.changeDirectory(policy.directory)
        var options = SpendOptions()
        options.grouping = SpendGrouping(rawValue: by.lowercased())!
        options.since = since.flatMap { SpendOptions.bound($0, isEnd: false) }
        options.until = until.flatMap { SpendOptions.bound($0, isEnd: true) }
        options.sinceText = since
        options.untilText = until
        options.budget = budget.flatMap(BudgetProjection.readBudget)
        options.limit = limit

        // The policy (prices, targets) and the agents come from the repository around here.
        let source = try CommandSetup.source(revision: rev, paths: [])
        let lintRun = try LintRun(source: source, configuration: try CommandSetup.policyFile(policy.config))
        var declared: [DeclaredAgent]?
        if !noDrift {
            let display = DisplayPaths(cwd: FileManager.default.currentDirectoryPath, root: source.root)
            declared = try lintRun.context().definitions.filter { $0.kind == .agent }.map { definition in
                DeclaredAgent(definition, path: rev == nil ? display.path(for: definition.path) : definition.path)
            }
        }

        let spend = SpendRun(configuration: lintRun.configuration, options: options)
        for log in logs {
            spend.startFile(log == "-" ? "<stdin>" : log)
            do {
                try LogInput.read(log) { spend.consume($0) }
            } catch let error as StreamError {
                throw CommandFailure(message: error.description)
            }
            spend.finishFile()
        }
        let report = spend.report(declaredAgents: declared, agentSource: source.name, toolVersion: TierlintInfo.version)

        let renderer = SpendRendererRegistry.renderer(named: format)!
        let paint = output == nil && format == SpendTextRenderer.identifier && CommandSetup.useColor(color)
        try ReportOutput.write(renderer.render(report, options: SpendRenderOptions(color: paint)), to: output)

        let overBudget = report.count(SpendCheck.overBudget) > 0
        // Another model on the declared tier is a note, not drift that fails.
        let drifted = report.count(SpendCheck.modelDrift, atLeast: .warning) + report.count(SpendCheck.undeclaredAgent) > 0
        if (failOnBudget && overBudget) || (failOnDrift && drifted) { throw ExitCode(1) }
    }
}
