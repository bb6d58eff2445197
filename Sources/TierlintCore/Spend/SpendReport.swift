import Foundation

/// What the logs say was spent, grouped by a key, with the tier mix, seed 000's optimization
/// indicators against their targets, the budget projection and the findings. Built once at the
/// end of a run; each format renders the same report.
public struct SpendReport: Sendable {
    public var toolVersion: String
    /// The logs, as named on the command line.
    public var files: [String]
    public var grouping: SpendGrouping
    /// Lines read, over all logs.
    public var lines: Int
    /// Executions inside the window, the ones every figure counts.
    public var executions: Int
    /// Lines reported as malformed, or skipped under an unusable CSV header.
    public var skippedLines: Int
    /// Executions outside `--since`/`--until`.
    public var outsideWindow: Int
    /// The window asked for, as written (`nil` for open).
    public var since: String?
    public var until: String?
    /// The first and last execution counted, seconds since 1970 UTC.
    public var firstExecution: Int64?
    public var lastExecution: Int64?
    public var pricesAsOf: String
    /// Prices set in `.tierlint.yml` (`prices:`, or `price:` under `models:`).
    public var priceOverrides: Int
    public var rows: [Row]
    public var total: Row
    public var tiers: [TierRow]
    public var indicators: [Indicator]
    public var budget: BudgetProjection?
    /// The findings listed: at most `limit` per check.
    public var findings: [Finding]
    /// How many findings each check made, listed or not, by code.
    public var findingCounts: [String: Int]
    /// The same, by severity.
    public var findingSeverities: [String: [Severity: Int]]
    /// Agents declared in the repository, when drift was checked; and where they were read.
    public var declaredAgents: Int?
    public var agentSource: String?

    public var unlistedFindings: Int { findingCounts.values.reduce(0, +) - findings.count }

    /// How many findings a check made at a severity or above, listed or not.
    public func count(_ check: RuleDescription, atLeast severity: Severity = .info) -> Int {
        (findingSeverities[check.code] ?? [:]).filter { $0.key >= severity }.values.reduce(0, +)
    }

    /// One bucket of executions: an agent, a model, a tier, a day, a week or a month.
    public struct Row: Sendable, Equatable {
        public var key: String
        /// For a model: its tier, when the catalog knows it.
        public var tier: String?
        public var executions: Int
        public var inputTokens: Int
        public var outputTokens: Int
        /// The priced executions' cost, exact.
        public var cost: Decimal
        /// Executions of models without a price, left out of `cost`.
        public var unpriced: Int
        public var successes: Int
        public var failures: Int
        /// Executions flagged as a retry or an escalation.
        public var reruns: Int
        public var escalations: Int
        /// The row's share of the total cost.
        public var costShare: Double?

        public var tasks: Int { executions - reruns }
        public var successRate: Double? { successes + failures == 0 ? nil : Double(successes) / Double(successes + failures) }
        public var rerunRate: Double? { executions == 0 ? nil : Double(reruns) / Double(executions) }
        /// Cost over first attempts: what getting a task done costs, retries included.
        public var costPerTask: Decimal? { tasks == 0 ? nil : cost / Decimal(tasks) }
    }

    public struct TierRow: Sendable, Equatable {
        /// A tier's name, or `unknown` for models the catalog does not place.
        public var tier: String
        public var executions: Int
        public var executionShare: Double?
        public var cost: Decimal
        public var costShare: Double?
    }

    /// One of seed 000's optimization indicators, against its target.
    public struct Indicator: Sendable, Equatable {
        public enum Kind: String, Sendable {
            case opusShare = "opus-share"
            case haikuSuccessRate = "haiku-success-rate"
            case retryRate = "retry-rate"
            case costPerTask = "cost-per-task"
        }

        public enum Status: String, Sendable {
            case met, missed
            /// Nothing to measure (no haiku runs, no statuses, one week of data).
            case noData = "no-data"
        }

        public var kind: Kind
        public var title: String
        /// A share, or for the cost per task `nil` (see `amount`).
        public var value: Double?
        public var amount: Decimal?
        /// "at most 20%", "baseline: the first week".
        public var target: String
        public var status: Status
        /// What the value is made of: "8 of 46 executions".
        public var detail: String
    }
}

/// What `--by` groups executions by.
public enum SpendGrouping: String, CaseIterable, Sendable {
    case agent, model, tier, day, week, month

    public var isTime: Bool { self == .day || self == .week || self == .month }

    /// The key of a day, for the time groupings.
    func key(day: Int) -> String {
        switch self {
        case .week: LogTime.weekText(day)
        case .month: LogTime.monthText(day)
        default: LogTime.dayText(day)
        }
    }
}

/// An agent as the repository declares it, to hold its executions to.
public struct DeclaredAgent: Sendable {
    public var name: String
    /// As the report shows it.
    public var path: String
    public var line: Int
    public var column: Int
    public var model: ModelAssignment

    public init(name: String, path: String, line: Int, column: Int, model: ModelAssignment) {
        self.name = name
        self.path = path
        self.line = line
        self.column = column
        self.model = model
    }

    /// A definition's agent, shown at `path`.
    public init(_ definition: AgentDefinition, path: String) {
        self.init(name: definition.name, path: path, line: definition.model.line, column: definition.model.column, model: definition.model)
    }

    /// How names compare: `Code_Reviewer`, `code reviewer` and `code-reviewer` are one agent.
    static func key(_ name: String) -> String {
        var key = ""
        for character in name.lowercased() {
            key.append(character == "_" || character == " " || character == "." ? "-" : character)
        }
        return key
    }
}
