/// The `.tierlint.yml` that `tierlint init` writes: the preset named, and every other key with
/// its value under that preset, commented out, with a line on what it does. Rendered from the
/// configuration itself, so it cannot fall out of step with the defaults.
public enum ConfigurationTemplate {
    enum Line {
        case comment(String)
        /// A line of configuration, with its indentation.
        case key(String)
        case blank
    }

    /// The file text: `preset:` active, every other key commented out.
    public static func render(preset: String) throws -> String {
        try lines(preset: preset).map { line in
            switch line {
            case .comment(let text): "# " + text
            case .key(let text): text.hasPrefix("preset:") ? text : "# " + text
            case .blank: ""
            }
        }.joined(separator: "\n") + "\n"
    }

    /// Every key active: the same configuration, spelled out (what the template documents).
    static func activeText(preset: String) throws -> String {
        try lines(preset: preset).compactMap { line in
            if case .key(let text) = line { text } else { nil }
        }.joined(separator: "\n") + "\n"
    }

    static func lines(preset: String) throws -> [Line] {
        let configuration = try Preset.configuration(named: preset)
        return render(configuration)
    }

    static func render(_ configuration: Configuration) -> [Line] {
        var lines: [Line] = [
            .comment("tierlint's policy for this repository (written by `tierlint init`)."),
            .comment("Every key is shown with its value under the preset, commented out: uncomment one to change it."),
            .comment("The README explains each key; `tierlint explain RULE` explains each rule."),
            .blank,
            .comment("The policy to start from: " + Preset.names.map { "\($0) (\(Preset.summaries[$0] ?? ""))" }.joined(separator: "; ")),
            .key("preset: \(configuration.preset)"),
            .blank,
            .comment("Files larger than this are reported (parse-error) and not read."),
            .key("max-file-size: \(configuration.maxFileSize)"),
            .comment("Paths never checked, even when named on the command line."),
            .key("exclude: \(flow(configuration.exclude.map(\.pattern)))"),
            .comment("When not empty, only these paths are checked (exclude still wins)."),
            .key("include: \(flow(configuration.include.map(\.pattern)))"),
            .comment("Rules not reported for some paths, e.g. \"docs/archive/**\": [distribution, overkill]."),
            .key("per-path-ignores:\(configuration.perPathIgnores.isEmpty ? " {}" : "")"),
        ]
        for ignore in configuration.perPathIgnores {
            lines.append(.key("  \(scalar(ignore.glob.pattern)): \(flow(ignore.rules.sorted()))"))
        }
        lines += [
            .comment("Findings recorded here (`tierlint check --write-baseline FILE`) are not reported; new ones are."),
            .key("baseline: \(configuration.baselinePath.map(scalar) ?? "\"\"")"),
            .comment("Models to add to the bundled catalog, or to move to another tier. Each entry:"),
            .comment("  {name: NAME, tier: TIER, aliases: [OTHER NAMES], provider: WHO SERVES IT (a note only),"),
            .comment("   price: [INPUT, OUTPUT] (dollars per million tokens)}"),
            .key("models:\(configuration.models.isEmpty ? " []" : "")"),
        ]
        for model in configuration.models {
            lines.append(.key("  - {name: \(scalar(model.names[0])), tier: \(model.tier), aliases: \(flow(Array(model.names.dropFirst())))}"))
        }
        lines += [
            .comment("Prices instead of the catalog's, in dollars per million tokens, [INPUT, OUTPUT], for `tierlint spend`"),
            .comment("  and the audit: a model's name prices that model, a tier's name its models without a price of their own."),
            .key("prices:\(configuration.prices.isEmpty ? " {}" : "")"),
        ]
        for override in configuration.prices {
            lines.append(.key("  \(scalar(override.name)): [\(override.price.input), \(override.price.output)]"))
        }

        let builtIn = DefinitionLocation.builtIn
        let extra = configuration.definitionLocations.filter { !builtIn.contains($0) }
        lines += [
            .blank,
            .comment("Where agent, command and skill definitions live, besides the locations the tools use:"),
            .comment("  globs, or {path: GLOB, kind: agent|command|skill, format: \(AgentFormat.allCases.map(\.rawValue).joined(separator: "|"))}."),
            .key("agents:"),
            .key("  paths: \(flow(extra.filter { $0.kind == .agent }.map(\.glob.pattern)))"),
            .key("  commands: \(flow(extra.filter { $0.kind == .command }.map(\.glob.pattern)))"),
            .key("  skills: \(flow(extra.filter { $0.kind == .skill }.map(\.glob.pattern)))"),
            .key("  builtin-paths: \(configuration.definitionLocations.contains(where: builtIn.contains))"),
            .key("  require-model: \(flow(DefinitionKind.allCases.filter(configuration.requireModel.contains).map(\.rawValue)))"),
            .key("  yaml-paths: \(flow(configuration.yamlAgentPaths.map(\.pattern)))"),
            .blank,
            .comment("How backlog tables are recognised: their header names (case and a plural s do not matter)."),
            .key("backlogs:"),
            .key("  paths: \(flow(configuration.backlogPaths.map(\.pattern)))"),
            .key("  model-columns: \(flow(configuration.columns.model.sorted()))"),
            .key("  ticket-columns: \(flow(configuration.columns.ticket.sorted()))"),
            .key("  id-columns: \(flow(configuration.columns.id.sorted()))"),
            .key("  owner-columns: \(flow(configuration.columns.owner.sorted()))"),
            .key("  label-columns: \(flow(configuration.columns.label.sorted()))"),
            .key("  description-columns: \(flow(configuration.columns.details.sorted()))"),
            .key("  missing-values: \(flow(configuration.missingValues.filter { !$0.isEmpty }.sorted()))"),
            .blank,
            .comment("Kinds of work and the tiers they belong on (overkill, underpowered, fix). Each entry:"),
            .comment("  {name, match: [PHRASES], tier: TIER or min:/max:/suggest: a range, source, why}."),
            .comment("  Phrases are words; `*` skips up to 4 words, `^` is the first word, `$` the last, a|b either."),
            .key("patterns:\(configuration.patterns.isEmpty ? " []" : "")"),
        ]
        for pattern in configuration.patterns {
            lines.append(.key("  - name: \(scalar(pattern.name))"))
            lines.append(.key("    match: \(flow(pattern.phrases.map(\.text)))"))
            if let minimum = pattern.minimum { lines.append(.key("    min: \(minimum)")) }
            if let maximum = pattern.maximum { lines.append(.key("    max: \(maximum)")) }
            lines.append(.key("    suggest: \(pattern.suggested)"))
            if !pattern.source.isEmpty { lines.append(.key("    source: \(scalar(pattern.source))")) }
            if !pattern.reason.isEmpty { lines.append(.key("    why: \(scalar(pattern.reason))")) }
        }
        lines += [
            .comment("Entries in the same form, added to the patterns above instead of replacing them."),
            .key("extra-patterns: []"),
            .blank,
            .comment("Owner roles, their default tiers and what moves them up (owner-default). Each entry:"),
            .comment("  {role: NAME, names: [OWNER CELLS], tier: TIER, upgrade: {tier: TIER, when: [PHRASES], why: TEXT}}"),
            .key("roles:\(configuration.roles.isEmpty ? " []" : "")"),
        ]
        for role in configuration.roles {
            lines.append(.key("  - role: \(scalar(role.role))"))
            lines.append(.key("    names: \(flow(Array(role.names.dropFirst())))"))
            lines.append(.key("    tier: \(role.tier)"))
            if let upgrade = role.upgradeTier {
                lines.append(.key("    upgrade: {tier: \(upgrade), when: \(flow(role.upgradeWhen.map(\.text))), why: \(scalar(role.upgradeReason))}"))
            }
        }

        let vocabulary = configuration.security.vocabulary
        let distribution = configuration.distribution
        let targets = distribution.targets.map { target in
            let bounds = [target.maximum.map { "max: \(percent($0))" }, target.minimum.map { "min: \(percent($0))" }]
            return "\(target.tier): {\(bounds.compactMap { $0 }.joined(separator: ", "))}"
        }
        let mix = distribution.recommended.sorted { $0.key < $1.key }.map { "\($0.key): \(percent($0.value))" }
        let complexity = configuration.complexity
        lines += [
            .blank,
            .comment("Each rule's severity (error, warning, info or off) and options; `RULE: SEVERITY` alone sets the severity."),
            .key("rules:"),
        ]
        for rule in RuleRegistry.all {
            let slug = rule.description.slug
            let severity = configuration.severity(of: rule.description).map(\.rawValue) ?? "off"
            let options: [String] = switch slug {
            case "security-tier": [
                "minimum-tier: \(configuration.security.minimumTier)",
                "words: \(flow(vocabulary.terms))",
                "generic-words: \(flow(vocabulary.genericTerms))",
                "exceptions: \(flow(vocabulary.exceptions))",
                "extra-words: []    # added to words",
                "exclude-words: []  # taken out of words",
            ]
            case "distribution": [
                "min-tickets: \(distribution.minimumCount)",
                "targets: {\(targets.joined(separator: ", "))}  # per tier: max: (it and above), min: (it and below)",
            ]
            case "recommended-mix": [
                "mix: {\(mix.joined(separator: ", "))}", "tolerance: \(percent(distribution.tolerance))",
                "min-tickets: \(distribution.recommendedMinimumCount)",
            ]
            case "critical-minimum": [
                "minimum-tier: \(configuration.critical.minimumTier)",
                "labels: \(flow(configuration.critical.labels))",
                "columns: \(flow(configuration.critical.columns))",
            ]
            case "uniform-sprint": ["min-tickets: \(configuration.uniformSprint.minimumCount)"]
            case "cost-tier-mismatch": ["columns: \(flow(configuration.costTier.columns))"]
            case "complexity-tier": [
                "reasoning-columns: \(flow(complexity.reasoningColumns))",
                "judgement-columns: \(flow(complexity.judgementColumns))",
                "risk-columns: \(flow(complexity.riskColumns))",
                "total-columns: \(flow(complexity.totalColumns))",
            ]
            case "doc-drift": ["agent-columns: \(flow(configuration.docDrift.agentColumns))"]
            default: []
            }
            lines.append(.comment("\(rule.description.code): \(rule.description.summary)"))
            if options.isEmpty {
                lines.append(.key("  \(slug): {severity: \(severity)}"))
            } else {
                lines.append(.key("  \(slug):"))
                lines.append(.key("    severity: \(severity)"))
                lines += options.map { .key("    " + $0) }
            }
        }
        return lines
    }

    static func percent(_ share: Double) -> String {
        let value = (share * 1000).rounded() / 10
        return value == value.rounded() ? "\(Int(value))%" : "\(value)%"
    }

    /// `[a, "b: c"]`: a YAML flow list, quoting what needs it.
    static func flow(_ items: [String]) -> String {
        "[" + items.map(scalar).joined(separator: ", ") + "]"
    }

    /// A string as a YAML scalar: plain when that reads back the same, double-quoted otherwise.
    static func scalar(_ text: String) -> String {
        let plainSafe = !text.isEmpty && text.allSatisfy { $0.isLetter || $0.isNumber || " -./".contains($0) }
            && !text.hasPrefix("-") && !text.hasPrefix(" ") && !text.hasSuffix(" ")
            && !["true", "false", "yes", "no", "on", "off", "null", "~"].contains(text.lowercased())
            && Double(text) == nil
        if plainSafe { return text }
        return "\"" + text.replacing("\\", with: "\\\\").replacing("\"", with: "\\\"") + "\""
    }
}
