import TierlintMarkdown

/// Reads `.tierlint.yml` over its preset. Every key is checked: an unknown key or a wrong value
/// is an error that names the file, the key and the line, because a policy file that is
/// silently half-applied is worse than none.
public enum ConfigurationLoader {
    public static let fileName = ".tierlint.yml"

    /// The configuration a `.tierlint.yml` describes: its preset (`preset:`, finops by
    /// default), with the file's own keys laid over it.
    public static func load(
        _ text: String, file: String = fileName, catalog: ModelCatalog = .bundled
    ) throws -> Configuration {
        guard let root = try YAMLDocument.root(text, file: file), !root.isNull else {
            return try Preset.configuration(named: Preset.defaultName)
        }
        var presetName = Preset.defaultName
        for (key, field) in try root.mapping() where key == "preset" {
            presetName = try field.string()
            guard Preset.names.contains(presetName) else {
                throw field.error("no preset named \"\(presetName)\"; presets are \(Preset.names.joined(separator: ", "))")
            }
        }
        var configuration = try Preset.configuration(named: presetName)
        try apply(root, to: &configuration, catalog: catalog, allowPreset: true)
        return configuration
    }

    static let topKeys: Set<String> = [
        "preset", "max-file-size", "exclude", "include", "per-path-ignores", "baseline", "models", "prices", "agents", "backlogs", "patterns",
        "extra-patterns", "roles", "rules",
    ]
    static let agentKeys: Set<String> = ["paths", "commands", "skills", "builtin-paths", "require-model", "yaml-paths"]
    static let locationKeys: Set<String> = ["path", "kind", "format"]
    static let backlogKeys: Set<String> = [
        "paths", "model-columns", "ticket-columns", "id-columns", "owner-columns", "label-columns", "description-columns",
        "missing-values",
    ]
    static let patternKeys: Set<String> = ["name", "match", "tier", "min", "max", "suggest", "source", "why"]
    static let roleKeys: Set<String> = ["role", "names", "tier", "upgrade"]
    static let upgradeKeys: Set<String> = ["tier", "when", "why"]
    static let targetKeys: Set<String> = ["max", "min"]

    /// Every mapping the loader reads and the keys it accepts there, by where the mapping is
    /// (`[]` for each entry of a list, `*` for any key): what `tierlint init` must document.
    static var allowedKeys: [String: Set<String>] {
        var sections: [String: Set<String>] = [
            "": topKeys, "agents": agentKeys, "agents.paths[]": locationKeys, "backlogs": backlogKeys,
            "models[]": CatalogModelField.keys, "patterns[]": patternKeys, "extra-patterns[]": patternKeys,
            "roles[]": roleKeys, "roles[].upgrade": upgradeKeys, "rules.distribution.targets.*": targetKeys,
        ]
        for rule in RuleRegistry.all {
            sections["rules.\(rule.description.slug)"] = (ruleOptions[rule.description.slug] ?? []).union(["severity"])
        }
        return sections
    }

    /// Lays a YAML document's keys over `configuration`. Presets are read the same way, so the
    /// files that define them are checked like any other.
    static func apply(
        _ root: YAMLField, to configuration: inout Configuration, catalog: ModelCatalog, allowPreset: Bool
    ) throws {
        func tier(_ field: YAMLField) throws -> String {
            let name = try field.string()
            guard catalog.tier(named: name) != nil else { throw unknownTier(name, field, catalog) }
            return ModelName.key(name)
        }
        var pricedNames: [(String, YAMLField)] = []
        for (key, field) in try root.mapping(allowedKeys: allowPreset ? topKeys : topKeys.subtracting(["preset"])) {
            switch key {
            case "preset":
                configuration.preset = try field.string()
            case "max-file-size":
                configuration.maxFileSize = try field.byteSize()
            case "exclude":
                configuration.exclude = try globs(field)
            case "include":
                configuration.include = try globs(field)
            case "baseline":
                let path = try field.string()
                guard !path.isEmpty else {
                    configuration.baselinePath = nil
                    continue
                }
                guard !path.hasPrefix("/"), !path.split(separator: "/").contains("..") else {
                    throw field.error("the baseline is a path inside the repository, such as .tierlint-baseline.json")
                }
                configuration.baselinePath = path.hasPrefix("./") ? String(path.dropFirst(2)) : path
            case "per-path-ignores":
                configuration.perPathIgnores = try field.mapping().map { pattern, rulesField in
                    guard pattern.count(where: { $0 == "{" }) <= PathGlob.maximumBraceGroups else {
                        throw rulesField.error("a pattern may hold at most \(PathGlob.maximumBraceGroups) `{...}` groups")
                    }
                    let glob = PathGlob(pattern)
                    let rules = try rulesField.sequenceOrSingle().map { entry in
                        let name = try entry.string()
                        guard let rule = RuleRegistry.rule(named: name) else {
                            throw entry.error("no rule named \"\(name)\"; `tierlint rules` lists them")
                        }
                        return rule.description.slug
                    }
                    return PathIgnore(glob: glob, rules: Set(rules))
                }
            case "models":
                configuration.models = try field.sequence().map { model in
                    let parsed = try CatalogModelField(model) { tierField in
                        let name = try tierField.string()
                        guard let tier = catalog.tier(named: name) else { throw unknownTier(name, tierField, catalog) }
                        return tier
                    }
                    return ModelOverride(names: parsed.names, tier: parsed.tier.name, price: parsed.price)
                }
            case "prices":
                pricedNames = []
                configuration.prices = try field.mapping().map { name, priceField in
                    pricedNames.append((name, priceField))
                    return PriceOverride(name: name, price: try Price.read(priceField))
                }
            case "agents":
                try loadAgents(field, into: &configuration)
            case "backlogs":
                try loadBacklogs(field, into: &configuration)
            case "patterns":
                configuration.patterns = try field.sequence().map { try pattern($0, catalog: catalog, tier: tier) }
            case "extra-patterns":
                configuration.patterns += try field.sequence().map { try pattern($0, catalog: catalog, tier: tier) }
            case "roles":
                configuration.roles = try field.sequence().map { try role($0, tier: tier) }
            case "rules":
                try loadRules(field, into: &configuration, tier: tier)
            default:
                break
            }
        }
        // A price names a tier or a model the catalog knows, with this file's `models:` (which
        // may come after `prices:`) added.
        if !pricedNames.isEmpty {
            let known = configuration.catalog(from: catalog)
            for (name, field) in pricedNames where known.tier(named: name) == nil {
                guard case .known = known.resolve(name) else {
                    let keyField = YAMLField(node: .scalar(.init(name, .implicit, .plain, field.node.mark)), file: field.file, key: field.key)
                    throw keyField.error("no model or tier named \"\(name)\"; add the model under `models:` with its tier and price")
                }
            }
        }
    }

    // MARK: - Sections

    private static func loadAgents(_ field: YAMLField, into configuration: inout Configuration) throws {
        var extra: [DefinitionLocation] = []
        var builtIn = true
        for (key, value) in try field.mapping(allowedKeys: agentKeys) {
            switch key {
            case "paths", "commands", "skills":
                let kind: DefinitionKind = key == "paths" ? .agent : key == "commands" ? .command : .skill
                for entry in try value.sequenceOrSingle() {
                    extra.append(try location(entry, defaultKind: kind))
                }
            case "builtin-paths":
                builtIn = try value.bool()
            case "require-model":
                configuration.requireModel = Set(try value.sequenceOrSingle().map { try definitionKind($0) })
            case "yaml-paths":
                configuration.yamlAgentPaths = try globs(value)
            default:
                break
            }
        }
        // Locations from the config come first: they win over a built-in location for the same file.
        configuration.definitionLocations = extra + (builtIn ? DefinitionLocation.builtIn : [])
    }

    private static func location(_ field: YAMLField, defaultKind: DefinitionKind) throws -> DefinitionLocation {
        if case .scalar = field.node {
            return DefinitionLocation(try glob(field), defaultKind, .custom)
        }
        var pattern: PathGlob?
        var kind = defaultKind
        var format = AgentFormat.custom
        for (key, value) in try field.mapping(allowedKeys: locationKeys) {
            switch key {
            case "path": pattern = try glob(value)
            case "kind": kind = try definitionKind(value)
            case "format":
                let name = try value.string()
                guard let parsed = AgentFormat(rawValue: name.lowercased()) else {
                    let known = AgentFormat.allCases.map(\.rawValue).joined(separator: ", ")
                    throw value.error("unknown format \"\(name)\"; formats are \(known)")
                }
                format = parsed
            default: break
            }
        }
        guard let pattern else { throw field.error("a location needs a `path` glob") }
        return DefinitionLocation(pattern, kind, format)
    }

    private static func definitionKind(_ field: YAMLField) throws -> DefinitionKind {
        let name = try field.string().lowercased()
        let singular = name.hasSuffix("s") ? String(name.dropLast()) : name
        guard let kind = DefinitionKind(rawValue: singular) else {
            throw field.error("expected agent, command or skill, got \"\(name)\"")
        }
        return kind
    }

    private static func loadBacklogs(_ field: YAMLField, into configuration: inout Configuration) throws {
        var columns = configuration.columns
        for (key, value) in try field.mapping(allowedKeys: backlogKeys) {
            switch key {
            case "paths":
                configuration.backlogPaths = try globs(value)
            case "model-columns":
                columns.model = Set(try nonEmpty(value).map(ColumnVocabulary.key))
            case "ticket-columns":
                columns.ticket = Set(try nonEmpty(value).map(ColumnVocabulary.key))
            case "id-columns":
                columns.id = Set(try value.strings().map(ColumnVocabulary.key))
            case "owner-columns":
                columns.owner = Set(try value.strings().map(ColumnVocabulary.key))
            case "label-columns":
                columns.label = Set(try value.strings().map(ColumnVocabulary.key))
            case "description-columns":
                columns.details = Set(try value.strings().map(ColumnVocabulary.key))
            case "missing-values":
                configuration.missingValues = Set(try value.strings().map { $0.lowercased().trimmingSpaces() } + [""])
            default:
                break
            }
        }
        configuration.columns = columns
    }

    /// A `patterns:` entry: `{name, match: [phrases], tier | min/max/suggest, source, why}`.
    /// A range that cannot hold (min above max, a suggestion outside it, `tier` with `min` or
    /// `max`) is an error: such a pattern would call the same work overkill and underpowered.
    private static func pattern(
        _ field: YAMLField, catalog: ModelCatalog, tier: (YAMLField) throws -> String
    ) throws -> TaskPattern {
        var name: String?
        var phrases: [WordPattern] = []
        var minimum: String?, maximum: String?, suggested: String?, exact: String?
        var fields: [String: YAMLField] = [:]
        var source = "", reason = ""
        for (key, value) in try field.mapping(allowedKeys: patternKeys) {
            fields[key] = value
            switch key {
            case "name": name = try value.string()
            case "match":
                for phraseField in try value.sequenceOrSingle() {
                    let text = try phraseField.string()
                    guard let phrase = WordPattern(text) else { throw phraseField.error("the phrase \"\(text)\" has no words") }
                    phrases.append(phrase)
                }
            case "tier": exact = try tier(value)
            case "min": minimum = try tier(value)
            case "max": maximum = try tier(value)
            case "suggest": suggested = try tier(value)
            case "source": source = try value.string()
            case "why": reason = try value.string()
            default: break
            }
        }
        guard let name else { throw field.error("a pattern needs a `name`") }
        guard !phrases.isEmpty else { throw field.error("pattern \"\(name)\" needs `match:` phrases") }
        if exact != nil, let bound = fields["min"] ?? fields["max"] {
            throw bound.error("pattern \"\(name)\" has both `tier` and `\(fields["min"] != nil ? "min" : "max")`; write `tier` for one tier, or `min`/`max` for a range")
        }
        func rank(_ tier: String?) -> Int? { tier.flatMap { catalog.tier(named: $0)?.rank } }
        if let low = rank(minimum), let high = rank(maximum), low > high, let maxField = fields["max"] {
            throw maxField.error("pattern \"\(name)\" has `min: \(minimum!)` above `max: \(maximum!)`; no tier fits it")
        }
        if let suggestedField = fields["suggest"], let wanted = rank(suggested),
           rank(minimum).map({ wanted < $0 }) ?? false || rank(maximum).map({ wanted > $0 }) ?? false || rank(exact).map({ wanted != $0 }) ?? false {
            throw suggestedField.error("pattern \"\(name)\" suggests \(suggested!), outside the tiers it allows")
        }
        if let exact {
            minimum = minimum ?? exact
            maximum = maximum ?? exact
        }
        guard let suggest = suggested ?? exact ?? minimum ?? maximum else {
            throw field.error("pattern \"\(name)\" needs a `tier`, or `min`/`max`")
        }
        return TaskPattern(
            name: name, phrases: phrases, minimum: minimum, maximum: maximum, suggested: suggest,
            source: source, reason: reason)
    }

    /// A `roles:` entry: `{role, names, tier, upgrade: {tier, when: [phrases], why}}`.
    private static func role(_ field: YAMLField, tier: (YAMLField) throws -> String) throws -> RoleDefault {
        var role: String?
        var names: [String] = []
        var defaultTier: String?
        var upgradeTier: String?
        var upgradeWhen: [WordPattern] = []
        var upgradeReason = ""
        for (key, value) in try field.mapping(allowedKeys: roleKeys) {
            switch key {
            case "role": role = try value.string()
            case "names": names = try value.strings()
            case "tier": defaultTier = try tier(value)
            case "upgrade":
                for (upgradeKey, upgradeValue) in try value.mapping(allowedKeys: upgradeKeys) {
                    switch upgradeKey {
                    case "tier": upgradeTier = try tier(upgradeValue)
                    case "when": upgradeWhen = try upgradeValue.strings().compactMap(WordPattern.init)
                    default: upgradeReason = try upgradeValue.string()
                    }
                }
            default: break
            }
        }
        guard let role, let defaultTier else { throw field.error("a role needs a `role` name and a `tier`") }
        return RoleDefault(
            role: role, names: [role] + names, tier: defaultTier, upgradeTier: upgradeTier,
            upgradeWhen: upgradeWhen, upgradeReason: upgradeReason)
    }

    private static func globs(_ field: YAMLField) throws -> [PathGlob] {
        try field.sequenceOrSingle().map { try glob($0) }
    }

    private static func glob(_ field: YAMLField) throws -> PathGlob {
        let pattern = try field.string()
        guard pattern.count(where: { $0 == "{" }) <= PathGlob.maximumBraceGroups else {
            throw field.error("a pattern may hold at most \(PathGlob.maximumBraceGroups) `{...}` groups")
        }
        return PathGlob(pattern)
    }

    private static func nonEmpty(_ field: YAMLField) throws -> [String] {
        let values = try field.strings()
        guard !values.isEmpty else { throw field.error("the list must name at least one column") }
        return values
    }

    // MARK: - Rules

    /// The options each rule takes besides `severity`.
    static let ruleOptions: [String: Set<String>] = [
        "security-tier": ["minimum-tier", "words", "extra-words", "exclude-words", "exceptions", "generic-words"],
        "distribution": ["min-tickets", "targets"],
        "recommended-mix": ["mix", "tolerance", "min-tickets"],
        "critical-minimum": ["labels", "minimum-tier", "columns"],
        "uniform-sprint": ["min-tickets"],
        "cost-tier-mismatch": ["columns"],
        "complexity-tier": ["reasoning-columns", "judgement-columns", "risk-columns", "total-columns"],
        "doc-drift": ["agent-columns"],
    ]

    private static func loadRules(
        _ field: YAMLField, into configuration: inout Configuration, tier: (YAMLField) throws -> String
    ) throws {
        for (name, value) in try field.mapping() {
            guard let rule = RuleRegistry.rule(named: name) else {
                let known = RuleRegistry.all.map(\.description.slug).joined(separator: ", ")
                throw value.error("no rule named \"\(name)\"; rules are \(known)")
            }
            let slug = rule.description.slug
            if case .scalar = value.node {
                configuration.severities[slug] = try severity(value)
                continue
            }
            let allowed = (ruleOptions[slug] ?? []).union(["severity"])
            for (key, option) in try value.mapping(allowedKeys: allowed) {
                try applyRuleOption(slug: slug, key: key, option, to: &configuration, tier: tier)
            }
        }
    }

    private static func applyRuleOption(
        slug: String, key: String, _ option: YAMLField, to configuration: inout Configuration,
        tier: (YAMLField) throws -> String
    ) throws {
        switch (slug, key) {
        case (_, "severity"):
            configuration.severities[slug] = try severity(option)
        case ("security-tier", "minimum-tier"):
            configuration.security.minimumTier = try tier(option)
        case ("security-tier", "words"):
            let vocabulary = configuration.security.vocabulary
            configuration.security.vocabulary = SecurityVocabulary(
                terms: try option.strings(), exceptions: vocabulary.exceptions, genericTerms: vocabulary.genericTerms)
        case ("security-tier", "extra-words"):
            for word in try option.strings() { configuration.security.vocabulary.add(word) }
        case ("security-tier", "exclude-words"):
            for word in try option.strings() { configuration.security.vocabulary.remove(word) }
        case ("security-tier", "generic-words"):
            let vocabulary = configuration.security.vocabulary
            configuration.security.vocabulary = SecurityVocabulary(
                terms: vocabulary.terms, exceptions: vocabulary.exceptions, genericTerms: try option.strings())
        case ("security-tier", "exceptions"):
            for phrase in try option.strings() { configuration.security.vocabulary.addException(phrase) }
        case ("distribution", "min-tickets"):
            configuration.distribution.minimumCount = try option.int(in: 1...1_000_000)
        case ("distribution", "targets"):
            configuration.distribution.targets = try targets(option, over: configuration.distribution.targets, tier: tier)
        case ("recommended-mix", "mix"):
            var mix: [String: Double] = [:]
            for (tierName, share) in try option.mapping() {
                mix[try tierKey(tierName, at: share, tier: tier)] = try share.share()
            }
            // A mix is a whole sprint's split: its shares add up to 100%, give or take a point.
            let total = mix.values.reduce(0, +)
            if !mix.isEmpty, abs(total - 1) > 0.01 + 1e-9 {
                throw option.error("the shares add up to \(ConfigurationTemplate.percent(total)), not 100%")
            }
            configuration.distribution.recommended = mix
        case ("recommended-mix", "min-tickets"):
            configuration.distribution.recommendedMinimumCount = try option.int(in: 1...1_000_000)
        case ("recommended-mix", "tolerance"):
            configuration.distribution.tolerance = try option.share()
        case ("critical-minimum", "labels"):
            configuration.critical.labels = try option.strings().map { $0.lowercased() }
        case ("critical-minimum", "minimum-tier"):
            configuration.critical.minimumTier = try tier(option)
        case ("critical-minimum", "columns"):
            configuration.critical.columns = try option.strings()
        case ("uniform-sprint", "min-tickets"):
            configuration.uniformSprint.minimumCount = try option.int(in: 2...1_000_000)
        case ("cost-tier-mismatch", "columns"):
            configuration.costTier.columns = try nonEmpty(option)
        case ("complexity-tier", "reasoning-columns"):
            configuration.complexity.reasoningColumns = try option.strings()
        case ("complexity-tier", "judgement-columns"):
            configuration.complexity.judgementColumns = try option.strings()
        case ("complexity-tier", "risk-columns"):
            configuration.complexity.riskColumns = try option.strings()
        case ("complexity-tier", "total-columns"):
            configuration.complexity.totalColumns = try option.strings()
        case ("doc-drift", "agent-columns"):
            configuration.docDrift.agentColumns = try nonEmpty(option)
        default:
            break
        }
    }

    /// `targets` laid over the preset's, tier by tier: a tier given replaces that tier's target,
    /// `opus: off` (or `opus: {}`) removes it, and tiers not named keep the preset's target, so
    /// `targets: {haiku: {min: 60%}}` keeps the opus cap. `targets: {}` removes every target.
    private static func targets(
        _ field: YAMLField, over preset: [DistributionPolicy.Target], tier: (YAMLField) throws -> String
    ) throws -> [DistributionPolicy.Target] {
        let entries = try field.mapping()
        guard !entries.isEmpty else { return [] }
        var targets = preset
        for (tierName, bounds) in entries {
            let name = try tierKey(tierName, at: bounds, tier: tier)
            let target = try self.target(bounds, tier: name)
            let index = targets.firstIndex { $0.tier == name }
            switch (target, index) {
            case (let target?, let index?): targets[index] = target
            case (let target?, nil): targets.append(target)
            case (nil, let index?): targets.remove(at: index)
            case (nil, nil): continue
            }
        }
        return targets
    }

    /// One tier's bounds, `{max: 20%, min: 5%}`, or `nil` for `off` and `{}`.
    private static func target(_ bounds: YAMLField, tier name: String) throws -> DistributionPolicy.Target? {
        if case .scalar(let scalar) = bounds.node {
            guard PlainScalar.bool(bounds.node) == false || ["off", "none", "false", "no"].contains(scalar.string.lowercased()) else {
                throw bounds.error("expected bounds such as {max: 20%} or {min: 30%}, or off to remove the target, got \"\(scalar.string)\"")
            }
            return nil
        }
        var target = DistributionPolicy.Target(tier: name, maximum: nil, minimum: nil)
        for (key, value) in try bounds.mapping(allowedKeys: targetKeys) {
            if key == "max" { target.maximum = try value.share() } else { target.minimum = try value.share() }
        }
        if let minimum = target.minimum, let maximum = target.maximum, minimum > maximum {
            throw bounds.error("`min` is larger than `max`")
        }
        return target.minimum == nil && target.maximum == nil ? nil : target
    }

    /// A tier written as a key (`opus: {max: 20%}`), checked and reported at its value's line.
    private static func tierKey(_ name: String, at value: YAMLField, tier: (YAMLField) throws -> String) throws -> String {
        let keyField = YAMLField(node: .scalar(.init(name, PlainScalar.tag, .plain, value.node.mark)), file: value.file, key: value.key)
        return try tier(keyField)
    }

    private static func severity(_ field: YAMLField) throws -> Severity? {
        if PlainScalar.bool(field.node) == false { return nil }
        let name = try field.string().lowercased()
        if ["off", "ignore", "disabled", "none"].contains(name) { return nil }
        guard let severity = Severity(rawValue: name) else {
            throw field.error("expected error, warning, info or off, got \"\(name)\"")
        }
        return severity
    }

    private static func unknownTier(_ name: String, _ field: YAMLField, _ catalog: ModelCatalog) -> ConfigurationError {
        field.error("no tier named \"\(name)\"; tiers are \(catalog.tiers.map(\.name).joined(separator: ", "))")
    }
}
