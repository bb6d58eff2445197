/// Everything `.tierlint.yml` can set, with tierlint's defaults. The defaults are the seeds'
/// policy: every ticket and agent names a model, security and payment work runs on opus,
/// and opus takes at most 20% of a sprint.
public struct Configuration: Sendable {
    /// Files larger than this are reported and not read.
    public var maxFileSize: Int = 8 << 20
    /// Paths never checked, even when named on the command line.
    public var exclude: [PathGlob] = []
    /// When not empty, only paths matching one of these are checked (`exclude` still wins).
    public var include: [PathGlob] = []
    /// Rules not reported for some paths: `docs/archive/**: [distribution]`.
    public var perPathIgnores: [PathIgnore] = []
    /// A baseline file, repository-relative, whose findings are not reported.
    public var baselinePath: String?

    /// Where definition files live, in addition to (or instead of) the built-in locations.
    public var definitionLocations: [DefinitionLocation] = DefinitionLocation.builtIn
    /// Which kinds of definition must name a model. Commands and skills inherit the
    /// conversation's model by design, so by default only agents must.
    public var requireModel: Set<DefinitionKind> = [.agent]

    /// Files whose tables with a Model column are backlogs even without a ticket column.
    public var backlogPaths: [PathGlob] = []
    public var columns = ColumnVocabulary(
        model: ["Model", "AI Model", "LLM", "Model Tier", "Agent Model", "Suggested Model", "Assigned Model"],
        ticket: ["Ticket", "Task", "Title", "Summary", "Story", "Issue", "Item", "User Story", "Work Item"],
        id: ["#", "ID", "No", "Number", "Key", "Ticket #", "Ticket ID", "Task ID", "Issue #"],
        owner: ["Owner", "Role", "Assignee", "Owner Role", "Agent"],
        label: ["Label", "Labels", "Type", "Tags", "Tag", "Category", "Kind", "Area"],
        details: ["Description", "Details"])
    /// Cell values that mean "no model yet".
    public var missingValues: Set<String> = [
        "", "-", "--", "—", "–", "?", "??", "???", "tbd", "tbc", "tba", "n/a", "na", "none", "todo", "unassigned", "unknown",
        "…", "...", "pending",
    ]

    /// Severity per rule slug; `nil` turns the rule off. Rules not listed use their default.
    public var severities: [String: Severity?] = [:]

    /// The preset the policy starts from (`finops`, `containment`, `coding-heavy`).
    public var preset = Preset.defaultName
    /// Kinds of work and the tiers they belong on (overkill, underpowered, fix).
    public var patterns: [TaskPattern] = []
    /// Owner roles and their default tiers (owner-default).
    public var roles: [RoleDefault] = []
    /// YAML files holding agent maps, dispatch lists and pipelines in seed 001's style.
    public var yamlAgentPaths: [PathGlob] = [
        PathGlob("**/agents.{yml,yaml}"), PathGlob("**/*.agents.{yml,yaml}"),
        PathGlob("**/dispatch.{yml,yaml}"), PathGlob("**/*.dispatch.{yml,yaml}"),
        PathGlob("**/pipelines/**/*.{yml,yaml}"), PathGlob("**/*.pipeline.{yml,yaml}"),
    ]

    public var security = SecurityPolicy()
    public var distribution = DistributionPolicy()
    public var critical = CriticalPolicy()
    public var uniformSprint = UniformSprintPolicy()
    public var costTier = CostTierPolicy()
    public var complexity = ComplexityPolicy()
    public var docDrift = DocDriftPolicy()

    /// Model entries added to or overriding the bundled catalog.
    public var models: [ModelOverride] = []
    /// Prices laid over the catalog's, by model or tier name.
    public var prices: [PriceOverride] = []

    public init() {}

    /// The severity a rule reports at, or `nil` when it is off.
    public func severity(of rule: RuleDescription) -> Severity? {
        if let configured = severities[rule.slug] { return configured }
        return rule.defaultSeverity
    }

    /// Whether a path is left out of the check: excluded, or not among the included paths.
    public func isExcluded(_ path: String) -> Bool {
        exclude.contains { $0.matches(path) } || (!include.isEmpty && !include.contains { $0.matches(path) })
    }

    /// Whether `per-path-ignores` silences a rule (by slug) at a path.
    public func ignores(_ rule: String, at path: String) -> Bool {
        perPathIgnores.contains { $0.rules.contains(rule) && $0.glob.matches(path) }
    }

    public func isNamedBacklog(_ path: String) -> Bool {
        backlogPaths.contains { $0.matches(path) }
    }

    /// The catalog with this configuration's `models:` and then its `prices:` applied.
    public func catalog(from base: ModelCatalog) -> ModelCatalog {
        var catalog = base.adding(models.compactMap { model in
            base.tier(named: model.tier).map { (names: model.names, tier: $0, price: model.price) }
        })
        for override in prices {
            catalog = catalog.pricing(override.name, at: override.price) ?? catalog
        }
        return catalog
    }
}

/// A place where a tool reads definition files.
public struct DefinitionLocation: Sendable, Equatable {
    public var glob: PathGlob
    public var kind: DefinitionKind
    public var format: AgentFormat

    public init(_ pattern: String, _ kind: DefinitionKind, _ format: AgentFormat) {
        self.init(PathGlob(pattern), kind, format)
    }

    public init(_ glob: PathGlob, _ kind: DefinitionKind, _ format: AgentFormat) {
        self.glob = glob
        self.kind = kind
        self.format = format
    }

    /// The locations agent tools read, at any depth so that nested projects and
    /// example folders in a monorepo are found too. Plugins are found by their manifests.
    public static let builtIn: [DefinitionLocation] = [
        DefinitionLocation("**/.claude/agents/**/*.md", .agent, .claudeCode),
        DefinitionLocation("**/.claude/commands/**/*.md", .command, .claudeCode),
        DefinitionLocation("**/.claude/skills/**/SKILL.md", .skill, .claudeCode),
        DefinitionLocation("**/.github/agents/**/*.agent.md", .agent, .copilot),
        DefinitionLocation("**/.github/chatmodes/*.chatmode.md", .agent, .copilot),
        DefinitionLocation("**/.github/prompts/*.prompt.md", .command, .copilot),
        DefinitionLocation("**/.opencode/agent/**/*.md", .agent, .openCode),
        DefinitionLocation("**/.opencode/agents/**/*.md", .agent, .openCode),
        DefinitionLocation("**/.opencode/command/**/*.md", .command, .openCode),
        DefinitionLocation("**/.opencode/commands/**/*.md", .command, .openCode),
        DefinitionLocation("**/.cursor/agents/*.md", .agent, .cursor),
        DefinitionLocation("**/.gemini/agents/*.md", .agent, .gemini),
    ]
}

/// Rules that are not reported for the paths a glob matches.
public struct PathIgnore: Sendable, Equatable {
    public var glob: PathGlob
    /// Rule slugs.
    public var rules: Set<String>

    public init(glob: PathGlob, rules: Set<String>) {
        self.glob = glob
        self.rules = rules
    }
}

/// A model named in `.tierlint.yml`, with the tier it belongs to.
public struct ModelOverride: Sendable, Equatable {
    public var names: [String]
    public var tier: String
    public var price: Price?
}

/// A price set in `.tierlint.yml` for a model, or for a tier's models without one of their own.
public struct PriceOverride: Sendable, Equatable {
    public var name: String
    public var price: Price

    public init(name: String, price: Price) {
        self.name = name
        self.price = price
    }
}

/// Which work is security work, and the tier it needs.
public struct SecurityPolicy: Sendable {
    public var minimumTier = "opus"
    public var vocabulary = SecurityVocabulary.default
}

/// Targets for the share of tickets (or agents) per tier.
public struct DistributionPolicy: Sendable {
    public struct Target: Sendable, Equatable {
        public var tier: String
        /// Largest share at this tier or above.
        public var maximum: Double?
        /// Smallest share at this tier or below.
        public var minimum: Double?
    }

    /// Sections (and files, and agent sets) with fewer judged tickets than this are not judged.
    public var minimumCount = 5
    /// Seed 000: "Opus usage < 20%".
    public var targets = [Target(tier: "opus", maximum: 0.20, minimum: nil)]
    /// A recommended mix (seed 000: 40% haiku, 45% sonnet, 15% opus), reported only as a note
    /// when a section strays from it by more than `tolerance`.
    public var recommended: [String: Double] = [:]
    public var tolerance = 0.15
    /// A mix needs a sample: smaller sections are not held to it.
    public var recommendedMinimumCount = 10
}

/// "Simple but critical: sonnet minimum" (seed 000).
public struct CriticalPolicy: Sendable {
    /// Label, priority or severity values that make a ticket critical.
    public var labels: [String] = ["critical", "p0", "blocker", "sev1", "sev-1", "highest"]
    public var minimumTier = "sonnet"
    /// Columns read for the labels, besides the label columns.
    public var columns = ["Priority", "Severity", "Criticality"]
}

/// "Same model for whole sprint" (seed 000).
public struct UniformSprintPolicy: Sendable {
    public var minimumCount = 5
}

/// A Cost Tier column ($, $$, $$$) must agree with the model's tier.
public struct CostTierPolicy: Sendable {
    public var columns = ["Cost Tier", "Cost", "Cost Level"]
}

/// Seed 001's complexity assessment: three scores of 1-3 (or a total) that imply a tier.
public struct ComplexityPolicy: Sendable {
    public var reasoningColumns = ["Reasoning", "Multi-step", "Multi-step Reasoning", "Reasoning Steps", "Steps"]
    public var judgementColumns = ["Judgement", "Judgment", "Subjective Judgement", "Subjective Judgment"]
    public var riskColumns = ["Cost of Being Wrong", "Cost of Getting It Wrong", "Risk", "Stakes", "Cost of Error"]
    /// Columns named for seed 001's assessment. A bare "Score" is left out: story points,
    /// RICE and ICE tables call theirs so, and an 8 there is no complexity total.
    public var totalColumns = ["Complexity", "Complexity Score", "Complexity Total", "Complexity Assessment"]
    /// Totals up to this are haiku, up to `sonnetMaximum` sonnet, above it opus (3-4, 5-6, 7-9).
    public var haikuMaximum = 4
    public var sonnetMaximum = 6
}

/// Documentation tables that state agents' models.
public struct DocDriftPolicy: Sendable {
    public var agentColumns = ["Agent", "Name", "Subagent", "Agent Name"]
}
