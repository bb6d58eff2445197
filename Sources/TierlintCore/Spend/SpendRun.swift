import Foundation

/// What a spend report is asked for: the window, the grouping, the budget.
public struct SpendOptions: Sendable {
    public var grouping = SpendGrouping.agent
    /// Executions from this time on (seconds since 1970 UTC), included.
    public var since: Int64?
    /// Executions before this time, excluded.
    public var until: Int64?
    /// The window as the user wrote it, for the report.
    public var sinceText: String?
    public var untilText: String?
    /// A monthly budget in dollars.
    public var budget: Decimal?
    /// At most this many findings of each check are listed; the rest are counted.
    public var limit = 20

    public init() {}

    /// `--since`/`--until` bounds: a date alone starts (since) or ends (until) with that whole day.
    public static func bound(_ text: String, isEnd: Bool) -> Int64? {
        guard let seconds = LogTime.parse(text) else { return nil }
        let isDate = text.trimmingCharacters(in: .whitespaces).count == 10
        return isEnd ? seconds + (isDate ? LogTime.secondsPerDay : 1) : seconds
    }
}

/// One spend report in the making: logs are fed in chunks as they are read, each execution is
/// priced and folded into per-key buckets as it goes by, and nothing per line is kept, so memory
/// stays flat whatever the size of the logs. `report` then works out the figures.
public final class SpendRun {
    private var aggregator: SpendAggregator
    private var parser = ExecutionLogParser()
    private let configuration: Configuration
    private let options: SpendOptions
    private var lines = 0
    private var unusable = 0

    public init(configuration: Configuration, catalog base: ModelCatalog = .bundled, options: SpendOptions) {
        self.configuration = configuration
        self.options = options
        aggregator = SpendAggregator(pricing: SpendPricing(catalog: configuration.catalog(from: base)), options: options)
    }

    /// Starts a log, named as the findings should show it.
    public func startFile(_ path: String) {
        parser = ExecutionLogParser()
        aggregator.files.append(path)
    }

    public func consume(_ chunk: UnsafeRawBufferPointer) {
        parser.feed(chunk, into: &aggregator)
    }

    public func finishFile() {
        parser.finish(into: &aggregator)
        lines += parser.line
        unusable += parser.unusableLines
    }

    /// A whole log given as text, for tests and small inputs.
    public func add(_ path: String, text: String) {
        startFile(path)
        var bytes = Array(text.utf8)
        bytes.withUnsafeMutableBytes { consume(UnsafeRawBufferPointer($0)) }
        finishFile()
    }

    /// The report; `declaredAgents` are the repository's agents to hold the runs to (`nil`:
    /// drift is not checked), read from `agentSource` (`worktree`, a revision).
    public func report(declaredAgents: [DeclaredAgent]?, agentSource: String? = nil, toolVersion: String = TierlintInfo.version) -> SpendReport {
        aggregator.report(
            configuration: configuration, declaredAgents: declaredAgents, agentSource: agentSource,
            lines: lines, unusableLines: unusable, toolVersion: toolVersion)
    }
}

/// Findings as they come, at most `limit` listed per check and every one counted.
struct FindingList {
    var limit: Int
    var listed: [Finding] = []
    var counts: [String: Int] = [:]
    /// The same counts by severity: a check may report some findings below its default.
    var severities: [String: [Severity: Int]] = [:]

    mutating func add(
        _ check: RuleDescription, severity: Severity? = nil, path: String, line: Int, column: Int,
        subject: String, message: @autoclosure () -> String
    ) {
        let count = (counts[check.code] ?? 0) + 1
        counts[check.code] = count
        severities[check.code, default: [:]][severity ?? check.defaultSeverity, default: 0] += 1
        guard count <= limit else { return }
        listed.append(Finding(
            rule: check.identity, severity: severity ?? check.defaultSeverity, path: path, line: line, column: column,
            message: message(), subject: subject))
    }
}

/// The executions of every log, folded into buckets by agent, by model and by day: every
/// grouping and figure of the report is made from those three.
struct SpendAggregator: ExecutionSink {
    let pricing: SpendPricing
    let options: SpendOptions
    var files: [String] = []
    private var agents = NameInterner()
    private var models = NameInterner()
    private var modelInfo: [SpendPricing.PricedModel] = []
    private var agentTallies: [SpendTally] = []
    private var modelTallies: [SpendTally] = []
    private var dayTallies: [SpendTally] = []
    private var days: [Int] = []
    private var dayIndex: [Int: Int] = [:]
    private var lastDay = Int.min
    private var lastDayIndex = 0
    private var executions = 0
    private var outside = 0
    private var first: Int64?
    private var last: Int64?
    private var findings: FindingList

    init(pricing: SpendPricing, options: SpendOptions) {
        self.pricing = pricing
        self.options = options
        findings = FindingList(limit: options.limit)
    }

    private var file: Int { files.count - 1 }

    mutating func execution(_ execution: RawExecution) {
        if let since = options.since, execution.timestamp < since { outside += 1; return }
        if let until = options.until, execution.timestamp >= until { outside += 1; return }
        executions += 1
        if first.map({ execution.timestamp < $0 }) ?? true { first = execution.timestamp }
        if last.map({ execution.timestamp > $0 }) ?? true { last = execution.timestamp }

        let (agent, newAgent) = agents.intern(execution.agent)
        if newAgent { agentTallies.append(SpendTally()) }
        let (model, newModel) = models.intern(execution.model)
        if newModel {
            modelInfo.append(pricing.model(models.string(model)))
            modelTallies.append(SpendTally())
        }
        agentTallies[Int(agent)].add(execution, model: model, file: file, at: execution.agentOffset, modelOffset: execution.modelOffset)
        modelTallies[Int(model)].add(execution, model: model, file: file, at: execution.modelOffset, modelOffset: execution.modelOffset)

        let day = LogTime.day(of: execution.timestamp)
        if day != lastDay {
            if let index = dayIndex[day] {
                lastDayIndex = index
            } else {
                lastDayIndex = dayTallies.count
                dayIndex[day] = lastDayIndex
                days.append(day)
                dayTallies.append(SpendTally())
            }
            lastDay = day
        }
        dayTallies[lastDayIndex].add(execution, model: model)

        if let logged = execution.cost { checkCost(logged, execution, model: modelInfo[Int(model)]) }
    }

    mutating func problem(line: Int, column: Int, message: String) {
        findings.add(SpendCheck.malformedLine, path: files[file], line: line, column: column, subject: "line \(line)", message: message)
    }

    /// A logged cost more than a cent from the computed one.
    private mutating func checkCost(_ logged: Money, _ execution: RawExecution, model: SpendPricing.PricedModel) {
        guard let price = model.price else { return }
        let computed: Decimal
        if let exact = SpendPricing.cost(inputTokens: execution.inputTokens, outputTokens: execution.outputTokens, model: model) {
            let difference = logged.picodollars - exact.picodollars
            guard difference > Money.scale / 100 || difference < -Money.scale / 100 else { return }
            computed = exact.decimal
        } else {
            computed = SpendPricing.cost(inputTokens: execution.inputTokens, outputTokens: execution.outputTokens, price: price)
            let difference = logged.decimal - computed
            guard difference > Decimal(string: "0.01")! || difference < Decimal(string: "-0.01")! else { return }
        }
        let position = execution.position(execution.costOffset)
        let agent = String(decoding: execution.agent, as: UTF8.self)
        findings.add(
            SpendCheck.costMismatch, path: files[file], line: position.line, column: position.column,
            subject: "line \(execution.line)",
            message: "the log says this \(agent) run on \(model.written) cost \(SpendFormat.money(logged.decimal, exact: true)), but "
                + "\(SpendFormat.count(execution.inputTokens)) input and \(SpendFormat.count(execution.outputTokens)) output tokens "
                + "cost \(SpendFormat.money(computed, exact: true)) at \(SpendFormat.price(price)) per million")
    }

    // MARK: - The report

    func report(
        configuration: Configuration, declaredAgents: [DeclaredAgent]?, agentSource: String?, lines: Int,
        unusableLines: Int, toolVersion: String
    ) -> SpendReport {
        var findings = self.findings
        let catalog = pricing.catalog

        // Every model's tally, and their sum: the totals.
        var total = SpendTally()
        for tally in modelTallies { total.merge(tally) }
        let totalCost = total.cost(modelInfo).cost
        func row(_ key: String, _ tally: SpendTally, tier: String? = nil) -> SpendReport.Row {
            let (cost, unpriced) = tally.cost(modelInfo)
            return SpendReport.Row(
                key: key, tier: tier, executions: tally.executions, inputTokens: tally.inputTokens, outputTokens: tally.outputTokens,
                cost: cost, unpriced: unpriced, successes: tally.successes, failures: tally.failures, reruns: tally.reruns,
                escalations: tally.escalations, costShare: totalCost > 0 ? Self.ratio(cost, totalCost) : nil)
        }
        func byCost(_ lhs: SpendReport.Row, _ rhs: SpendReport.Row) -> Bool {
            if lhs.cost != rhs.cost { return lhs.cost > rhs.cost }
            if lhs.executions != rhs.executions { return lhs.executions > rhs.executions }
            return lhs.key < rhs.key
        }

        // Models by their catalog name: a dated ID and its alias are one model.
        var modelGroups: [String: (tally: SpendTally, tier: Tier?)] = [:]
        var tierGroups: [String: SpendTally] = [:]
        for (index, tally) in modelTallies.enumerated() {
            let info = modelInfo[index]
            modelGroups[info.name, default: (SpendTally(), info.tier)].tally.merge(tally)
            tierGroups[info.tier?.name ?? "unknown", default: SpendTally()].merge(tally)
        }
        let tierOrder = { (name: String) in catalog.tier(named: name)?.rank ?? Int.max }

        let rows: [SpendReport.Row]
        switch options.grouping {
        case .agent:
            rows = agentGroups.map { row($0.name, $0.tally) }.sorted(by: byCost)
        case .model:
            rows = modelGroups.map { row($0.key, $0.value.tally, tier: $0.value.tier?.name) }.sorted(by: byCost)
        case .tier:
            rows = tierGroups.sorted { tierOrder($0.key) < tierOrder($1.key) }.map { row($0.key, $0.value) }
        case .day, .week, .month:
            var periods: [String: SpendTally] = [:]
            for (index, day) in days.enumerated() { periods[options.grouping.key(day: day), default: SpendTally()].merge(dayTallies[index]) }
            rows = periods.sorted { $0.key < $1.key }.map { row($0.key, $0.value) }
        }

        let tiers = tierGroups.sorted { tierOrder($0.key) < tierOrder($1.key) }.map { name, tally in
            let cost = tally.cost(modelInfo).cost
            return SpendReport.TierRow(
                tier: name, executions: tally.executions,
                executionShare: total.executions == 0 ? nil : Double(tally.executions) / Double(total.executions),
                cost: cost, costShare: totalCost > 0 ? Self.ratio(cost, totalCost) : nil)
        }

        // Models without a price: counted, not priced.
        for (index, info) in modelInfo.enumerated() where info.price == nil {
            let tally = modelTallies[index]
            guard let origin = tally.first else { continue }
            let runs = SpendFormat.plural(tally.executions, "execution") + (tally.executions == 1 ? " is" : " are")
            let message: String
            if let tier = info.tier {
                message = "model \(info.written) (\(tier.name)) has no price in the catalog, so its \(runs) not priced; "
                    + "give it one under `prices:` in .tierlint.yml"
            } else {
                let guess = info.closest.map { " (did you mean \($0)?)" } ?? ""
                message = "model \"\(info.written)\" is not in the catalog\(guess), so its \(runs) not priced; "
                    + "add it under `models:` in .tierlint.yml with its tier and price"
            }
            findings.add(
                SpendCheck.unpricedModel, path: files[origin.file], line: origin.line, column: origin.column,
                subject: "model \(info.written)", message: message)
        }

        if let declaredAgents { drift(declaredAgents, agentSource: agentSource ?? "repository", into: &findings) }

        let indicators = self.indicators(configuration: configuration, total: row("total", total), tiers: tierGroups)

        var budget: BudgetProjection?
        if let amount = options.budget, let first, let last {
            var daily: [Int: Decimal] = [:]
            for (index, day) in days.enumerated() { daily[day] = dayTallies[index].cost(modelInfo).cost }
            let projection = BudgetProjection.project(
                dailyCost: daily, asOf: LogTime.day(of: last), windowStart: LogTime.day(of: first), budget: amount)
            budget = projection
            if projection.isOverBudget {
                findings.add(
                    SpendCheck.overBudget, path: "", line: 1, column: 1, subject: "budget",
                    message: "at \(SpendFormat.money(projection.dailyRate)) a day, \(projection.monthName) is projected to cost "
                        + "\(SpendFormat.money(projection.projected)), over the budget of \(SpendFormat.money(projection.budget)) "
                        + "by \(SpendFormat.money(projection.projected - projection.budget))")
            }
        }

        let overrides = configuration.prices.count + configuration.models.filter { $0.price != nil }.count
        let skipped = (findings.counts[SpendCheck.malformedLine.code] ?? 0) + unusableLines
        return SpendReport(
            toolVersion: toolVersion, files: files, grouping: options.grouping, lines: lines, executions: executions,
            skippedLines: skipped, outsideWindow: outside, since: options.sinceText, until: options.untilText,
            firstExecution: first, lastExecution: last, pricesAsOf: catalog.pricesAsOf, priceOverrides: overrides,
            rows: rows, total: row("Total", total), tiers: tiers, indicators: indicators, budget: budget,
            findings: findings.listed.sorted(by: Self.order), findingCounts: findings.counts,
            findingSeverities: findings.severities,
            declaredAgents: declaredAgents?.count, agentSource: declaredAgents == nil ? nil : agentSource)
    }

    /// Findings in the logs and agent files first, by place; the budget, which has none, last.
    private static func order(_ lhs: Finding, _ rhs: Finding) -> Bool {
        if lhs.path.isEmpty != rhs.path.isEmpty { return !lhs.path.isEmpty }
        return Finding.reportOrder(lhs, rhs)
    }

    static func ratio(_ part: Decimal, _ whole: Decimal) -> Double {
        NSDecimalNumber(decimal: part / whole).doubleValue
    }

    /// The agents by name, `Code_Reviewer` and `code-reviewer` as one, under the spelling seen first.
    private var agentGroups: [(name: String, tally: SpendTally)] {
        var groups: [(name: String, tally: SpendTally)] = []
        var indexByKey: [String: Int] = [:]
        for (id, tally) in agentTallies.enumerated() {
            let name = agents.string(Int32(id))
            let key = DeclaredAgent.key(name)
            if let index = indexByKey[key] {
                groups[index].tally.merge(tally)
            } else {
                indexByKey[key] = groups.count
                groups.append((name, tally))
            }
        }
        return groups
    }

    // MARK: - Drift

    /// Runs held to the repository's agent definitions: another tier (or model), agents run
    /// but not declared, and agents declared but never run.
    private func drift(_ declared: [DeclaredAgent], agentSource: String, into findings: inout FindingList) {
        let catalog = pricing.catalog
        var byKey: [String: DeclaredAgent] = [:]
        for agent in declared where byKey[DeclaredAgent.key(agent.name)] == nil { byKey[DeclaredAgent.key(agent.name)] = agent }
        var ran: Set<String> = []
        for (name, tally) in agentGroups {
            let key = DeclaredAgent.key(name)
            guard let agent = byKey[key] else {
                guard !declared.isEmpty, let origin = tally.first else { continue }
                findings.add(
                    SpendCheck.undeclaredAgent, path: files[origin.file], line: origin.line, column: origin.column,
                    subject: "agent \(name)",
                    message: "agent \(name) ran \(SpendFormat.times(tally.executions)) but no agent file in the \(agentSource) declares it")
                continue
            }
            ran.insert(key)
            // What the definition allows: its tiers, and its models when it names models, not tiers.
            var tiers: Set<String> = []
            var models: Set<String> = []
            var judged = !agent.model.names.isEmpty && !agent.model.isInherit
            for declaredName in agent.model.names {
                guard case .known(let entry) = declaredName.resolution else {
                    judged = false
                    break
                }
                tiers.insert(entry.tier.name)
                if catalog.tier(named: entry.name) == nil { models.insert(entry.name) }
            }
            guard judged else { continue }
            let declaredText = "\(agent.path):\(agent.line) declares \(agent.model.writtenText)"
            for use in tally.uses where use.unescalated > 0 {
                let info = modelInfo[Int(use.model)]
                guard let tier = info.tier, let origin = use.firstUnescalated else { continue }
                let runs = SpendFormat.times(use.unescalated)
                if !tiers.contains(tier.name) {
                    findings.add(
                        SpendCheck.modelDrift, path: files[origin.file], line: origin.line, column: origin.column,
                        subject: "agent \(agent.name)",
                        message: "agent \(agent.name) ran on \(info.written) (\(tier.name)) \(runs), but \(declaredText)"
                            + (tiers.count == 1 && models.isEmpty ? "" : " (\(tiers.sorted { tierRank($0) < tierRank($1) }.joined(separator: ", ")))"))
                } else if !models.isEmpty && !models.contains(info.name) {
                    findings.add(
                        SpendCheck.modelDrift, severity: .info, path: files[origin.file], line: origin.line, column: origin.column,
                        subject: "agent \(agent.name)",
                        message: "agent \(agent.name) ran on \(info.written) \(runs), but \(declaredText): the same tier, another model")
                }
            }
        }
        let window = windowText
        for agent in declared where !ran.contains(DeclaredAgent.key(agent.name)) {
            findings.add(
                SpendCheck.unusedAgent, path: agent.path, line: agent.line, column: agent.column, subject: "agent \(agent.name)",
                message: "agent \(agent.name) is declared but never ran in the logs\(window)")
        }

        func tierRank(_ name: String) -> Int { catalog.tier(named: name)?.rank ?? Int.max }
    }

    /// ` (2026-03-02 to 2026-03-16)`, or empty when nothing ran.
    private var windowText: String {
        guard let first, let last else { return "" }
        let from = SpendFormat.day(first), to = SpendFormat.day(last)
        return from == to ? " (\(from))" : " (\(from) to \(to))"
    }

    // MARK: - Indicators

    /// Seed 000's optimization indicators: opus share, haiku success rate, retry rate, cost per task.
    private func indicators(
        configuration: Configuration, total: SpendReport.Row, tiers: [String: SpendTally]
    ) -> [SpendReport.Indicator] {
        let catalog = pricing.catalog
        var indicators: [SpendReport.Indicator] = []

        // Opus share: runs on opus or above among runs on a known tier, against the policy's cap.
        let cap = configuration.distribution.targets.first { $0.maximum != nil && catalog.tier(named: $0.tier) != nil }
        let capTier = cap.flatMap { catalog.tier(named: $0.tier) } ?? catalog.tier(named: "opus")
        let placed = tiers.filter { $0.key != "unknown" }.values.reduce(0) { $0 + $1.executions }
        let atOrAbove = tiers.filter { name, _ in
            guard let tier = catalog.tier(named: name), let capTier else { return false }
            return tier >= capTier
        }.values.reduce(0) { $0 + $1.executions }
        let capName = capTier?.name ?? "opus"
        let opusShare = placed == 0 ? nil : Double(atOrAbove) / Double(placed)
        indicators.append(SpendReport.Indicator(
            kind: .opusShare, title: "\(capName) share of executions", value: opusShare, amount: nil,
            target: cap?.maximum.map { "at most \(SpendFormat.percent($0))" } ?? "none set",
            status: opusShare == nil || cap?.maximum == nil ? .noData : opusShare! <= cap!.maximum! + 1e-12 ? .met : .missed,
            detail: "\(SpendFormat.count(atOrAbove)) of \(SpendFormat.plural(placed, "execution"))"))

        // Haiku success rate: successes among haiku runs that say how they ended.
        let haiku = catalog.tier(named: "haiku") ?? catalog.tiers.first
        let haikuTally = haiku.flatMap { tiers[$0.name] } ?? SpendTally()
        let ended = haikuTally.successes + haikuTally.failures
        let successRate = ended == 0 ? nil : Double(haikuTally.successes) / Double(ended)
        indicators.append(SpendReport.Indicator(
            kind: .haikuSuccessRate, title: "\(haiku?.name ?? "haiku") success rate", value: successRate, amount: nil,
            target: "at least \(SpendFormat.percent(SpendTargets.haikuSuccessRate))",
            status: successRate.map { $0 >= SpendTargets.haikuSuccessRate - 1e-12 ? .met : .missed } ?? .noData,
            detail: ended == 0 ? "no \(haiku?.name ?? "haiku") run has a status"
                : "\(SpendFormat.count(haikuTally.successes)) of \(SpendFormat.plural(ended, "execution"))"))

        // Retry rate: runs flagged as a retry or an escalation.
        let retryRate = total.rerunRate
        indicators.append(SpendReport.Indicator(
            kind: .retryRate, title: "retry rate", value: retryRate, amount: nil,
            target: "at most \(SpendFormat.percent(SpendTargets.retryRate))",
            status: retryRate.map { $0 <= SpendTargets.retryRate + 1e-12 ? .met : .missed } ?? .noData,
            detail: "\(SpendFormat.count(total.reruns)) of \(SpendFormat.plural(total.executions, "execution"))"))

        // Cost per task, against the first week of the window as its baseline.
        var weeks: [Int: SpendTally] = [:]
        for (index, day) in days.enumerated() { weeks[LogTime.weekStart(days: day), default: SpendTally()].merge(dayTallies[index]) }
        let ordered = weeks.sorted { $0.key < $1.key }
        var status = SpendReport.Indicator.Status.noData
        var detail = ordered.isEmpty ? "no executions" : "one week of data: no baseline yet"
        if ordered.count >= 2, let firstWeek = ordered.first, let lastWeek = ordered.last {
            let before = firstWeek.value.tasks == 0 ? nil : firstWeek.value.cost(modelInfo).cost / Decimal(firstWeek.value.tasks)
            let after = lastWeek.value.tasks == 0 ? nil : lastWeek.value.cost(modelInfo).cost / Decimal(lastWeek.value.tasks)
            detail = "no first attempt in the first or the last week"
            if let before, let after {
                status = after <= before ? .met : .missed
                let change = before == 0 ? "" : " (\(SpendFormat.signedPercent(Self.ratio(after - before, before))))"
                detail = "\(LogTime.weekText(firstWeek.key)) \(SpendFormat.money(before)) → \(LogTime.weekText(lastWeek.key)) "
                    + "\(SpendFormat.money(after))\(change)"
            }
        }
        indicators.append(SpendReport.Indicator(
            kind: .costPerTask, title: "cost per task", value: nil, amount: total.costPerTask,
            target: "baseline: the first week", status: total.costPerTask == nil ? .noData : status, detail: detail))
        return indicators
    }
}

/// Seed 000's targets for the indicators that the policy file does not set.
public enum SpendTargets {
    /// "Haiku success rate > 90%: if lower, tasks may need sonnet."
    public static let haikuSuccessRate = 0.90
    /// "Retry rate < 10%: if higher, upgrade initial models."
    public static let retryRate = 0.10
}
