import TierlintMarkdown
/// Reads `.tierlint.yml`. Every key is checked: an unknown key or a wrong value is an error
/// that names the file, the key and the line, because a policy file that is silently
/// half-applied is worse than none.
public enum ConfigurationLoader {
    public static let fileName = ".tierlint.yml"

    public static func load(
        _ text: String, file: String = fileName, catalog: ModelCatalog = .bundled
    ) throws -> Configuration {
        var configuration = Configuration()
        guard let root = try YAMLDocument.root(text, file: file), !root.isNull else { return configuration }
        let topKeys: Set<String> = ["max-file-size", "exclude", "models", "agents", "backlogs", "rules"]
        for (key, field) in try root.mapping(allowedKeys: topKeys) {
            switch key {
            case "max-file-size":
                configuration.maxFileSize = try field.byteSize()
            case "exclude":
                configuration.exclude = try globs(field)
            case "models":
                configuration.models = try field.sequence().map { model in
                    let parsed = try CatalogModelField(model) { tierField in
                        let name = try tierField.string()
                        guard let tier = catalog.tier(named: name) else { throw unknownTier(name, tierField, catalog) }
                        return tier
                    }
                    return ModelOverride(names: parsed.names, tier: parsed.tier.name)
                }
            case "agents":
                try loadAgents(field, into: &configuration)
            case "backlogs":
                try loadBacklogs(field, into: &configuration)
            case "rules":
                try loadRules(field, into: &configuration, catalog: catalog)
            default:
                break
            }
        }
        return configuration
    }

    private static func loadAgents(_ field: YAMLField, into configuration: inout Configuration) throws {
        var extra: [DefinitionLocation] = []
        var builtIn = true
        for (key, value) in try field.mapping(allowedKeys: ["paths", "commands", "skills", "builtin-paths", "require-model"]) {
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
        for (key, value) in try field.mapping(allowedKeys: ["path", "kind", "format"]) {
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
        let keys: Set<String> = [
            "paths", "model-columns", "ticket-columns", "id-columns", "owner-columns", "label-columns",
            "description-columns", "missing-values",
        ]
        var columns = configuration.columns
        for (key, value) in try field.mapping(allowedKeys: keys) {
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

    private static func loadRules(_ field: YAMLField, into configuration: inout Configuration, catalog: ModelCatalog) throws {
        for (name, value) in try field.mapping() {
            guard let rule = RuleRegistry.rule(named: name) else {
                let known = RuleRegistry.all.map(\.description.slug).joined(separator: ", ")
                throw YAMLField(node: value.node, file: value.file, key: value.key)
                    .error("no rule named \"\(name)\"; rules are \(known)")
            }
            let slug = rule.description.slug
            if case .scalar = value.node {
                configuration.severities[slug] = try severity(value)
                continue
            }
            var allowed: Set<String> = ["severity"]
            switch slug {
            case "security-tier": allowed.formUnion(["minimum-tier", "words", "extra-words", "exclude-words", "exceptions"])
            case "distribution": allowed.formUnion(["min-tickets", "targets"])
            default: break
            }
            for (key, option) in try value.mapping(allowedKeys: allowed) {
                switch key {
                case "severity":
                    configuration.severities[slug] = try severity(option)
                case "minimum-tier":
                    let name = try option.string()
                    guard catalog.tier(named: name) != nil else { throw unknownTier(name, option, catalog) }
                    configuration.security.minimumTier = ModelName.key(name)
                case "words":
                    let exceptions = configuration.security.vocabulary.exceptions
                    configuration.security.vocabulary = SecurityVocabulary(terms: try option.strings(), exceptions: exceptions)
                case "extra-words":
                    for word in try option.strings() { configuration.security.vocabulary.add(word) }
                case "exclude-words":
                    for word in try option.strings() { configuration.security.vocabulary.remove(word) }
                case "exceptions":
                    for phrase in try option.strings() { configuration.security.vocabulary.addException(phrase) }
                case "min-tickets":
                    configuration.distribution.minimumCount = try option.int(in: 1...1_000_000)
                case "targets":
                    configuration.distribution.targets = try targets(option, catalog: catalog)
                default:
                    break
                }
            }
        }
    }

    private static func targets(_ field: YAMLField, catalog: ModelCatalog) throws -> [DistributionPolicy.Target] {
        try field.mapping().map { tierName, bounds in
            guard catalog.tier(named: tierName) != nil else { throw unknownTier(tierName, bounds, catalog) }
            var target = DistributionPolicy.Target(tier: ModelName.key(tierName), maximum: nil, minimum: nil)
            for (key, value) in try bounds.mapping(allowedKeys: ["max", "min"]) {
                if key == "max" { target.maximum = try value.share() } else { target.minimum = try value.share() }
            }
            if let minimum = target.minimum, let maximum = target.maximum, minimum > maximum {
                throw bounds.error("`min` is larger than `max`")
            }
            return target
        }
    }

    private static func severity(_ field: YAMLField) throws -> Severity? {
        if case .scalar = field.node, field.node.bool == false { return nil }
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
