import Testing
@testable import TierlintCore

/// The error `.tierlint.yml` text is rejected with, or `nil` when it loads.
private func loadError(_ text: String, file: String = ".tierlint.yml") -> ConfigurationError? {
    do {
        _ = try ConfigurationLoader.load(text, file: file)
        return nil
    } catch let error as ConfigurationError {
        return error
    } catch {
        Issue.record("unexpected error type: \(error)")
        return nil
    }
}

private func severity(of rule: any Rule, _ configuration: String) throws -> Severity? {
    try ConfigurationLoader.load(configuration).severity(of: rule.description)
}

@Suite struct ConfigurationLoaderTests {
    // MARK: - Defaults

    @Test(arguments: ["", "# only a comment\n", "~\n", "---\n"])
    func anEmptyFileKeepsEveryDefault(text: String) throws {
        let configuration = try ConfigurationLoader.load(text)
        #expect(configuration.maxFileSize == 8 * 1024 * 1024)
        #expect(configuration.exclude.isEmpty)
        #expect(configuration.definitionLocations == DefinitionLocation.builtIn)
        #expect(configuration.requireModel == [.agent])
        #expect(configuration.backlogPaths.isEmpty)
        #expect(configuration.columns == Configuration().columns)
        #expect(configuration.missingValues.contains("tbd"))
        #expect(configuration.severities.isEmpty)
        #expect(configuration.security.minimumTier == "opus")
        #expect(configuration.security.vocabulary == .default)
        #expect(configuration.distribution.minimumCount == 5)
        #expect(configuration.distribution.targets == [.init(tier: "opus", maximum: 0.20, minimum: nil)])
        #expect(configuration.models.isEmpty)
        for rule in RuleRegistry.all {
            #expect(configuration.severity(of: rule.description) == rule.description.defaultSeverity)
        }
    }

    // MARK: - Every key

    static let everything = """
        max-file-size: 512KB
        exclude: [vendor/, "*.generated.md"]
        models:
          - name: acme-coder
            aliases: [acme]
            provider: acme
            tier: Opus
        agents:
          paths: ["ai/agents/*.md", {path: "ai/reviewers/*.md", format: copilot}]
          commands: ai/commands/*.md
          skills: ["ai/skills/*/SKILL.md", {path: "ai/extra/*.md", kind: agent, format: Gemini}]
          builtin-paths: false
          require-model: [agents, commands]
        backlogs:
          paths: [docs/plan.md]
          model-columns: [Model, Engine]
          ticket-columns: [Ticket, Job]
          id-columns: [Ref]
          owner-columns: [Who]
          label-columns: [Area]
          missing-values: [Later, " Not Yet "]
        rules:
          missing-model: warning
          TL002: info
          security-tier:
            severity: error
            minimum-tier: Sonnet
            extra-words: [ledger]
            exclude-words: [checkout]
            exceptions: [billing address]
          distribution:
            min-tickets: 10
            targets:
              opus: {max: 25%}
              haiku: {min: 0.3}
          parse-error: off
        """

    @Test func everyKeyIsRead() throws {
        let configuration = try ConfigurationLoader.load(Self.everything)
        #expect(configuration.maxFileSize == 512 * 1024)
        #expect(configuration.exclude.map(\.pattern) == ["vendor/", "*.generated.md"])
        #expect(configuration.isExcluded("vendor/lib/readme.md"))
        #expect(configuration.isExcluded("docs/api.generated.md"))
        #expect(!configuration.isExcluded("docs/api.md"))
        #expect(configuration.models == [ModelOverride(names: ["acme-coder", "acme"], tier: "opus")])

        #expect(configuration.definitionLocations == [
            DefinitionLocation("ai/agents/*.md", .agent, .custom),
            DefinitionLocation("ai/reviewers/*.md", .agent, .copilot),
            DefinitionLocation("ai/commands/*.md", .command, .custom),
            DefinitionLocation("ai/skills/*/SKILL.md", .skill, .custom),
            DefinitionLocation("ai/extra/*.md", .agent, .gemini),
        ])
        #expect(configuration.requireModel == [.agent, .command])

        #expect(configuration.backlogPaths.map(\.pattern) == ["docs/plan.md"])
        #expect(configuration.isNamedBacklog("docs/plan.md"))
        #expect(configuration.columns.model == ["model", "engine"])
        #expect(configuration.columns.ticket == ["ticket", "job"])
        #expect(configuration.columns.id == ["ref"])
        #expect(configuration.columns.owner == ["who"])
        #expect(configuration.columns.label == ["area"])
        #expect(configuration.missingValues == ["later", "not yet", ""])

        #expect(configuration.severity(of: MissingModelRule().description) == .warning)
        #expect(configuration.severity(of: UnknownModelRule().description) == .info)
        #expect(configuration.severity(of: SecurityTierRule().description) == .error)
        #expect(configuration.severity(of: DistributionRule().description) == .error)
        #expect(configuration.severity(of: ParseErrorRule().description) == nil)

        #expect(configuration.security.minimumTier == "sonnet")
        #expect(configuration.security.vocabulary.matches(in: "Reconcile ledgers") == ["ledgers"])
        #expect(configuration.security.vocabulary.matches(in: "Build checkout page").isEmpty)
        #expect(configuration.security.vocabulary.matches(in: "Add billing address field").isEmpty)
        #expect(configuration.security.vocabulary.matches(in: "Export billing history") == ["billing"])

        #expect(configuration.distribution.minimumCount == 10)
        #expect(configuration.distribution.targets == [
            .init(tier: "opus", maximum: 0.25, minimum: nil),
            .init(tier: "haiku", maximum: nil, minimum: 0.3),
        ])
    }

    @Test func builtInLocationsComeAfterConfiguredOnes() throws {
        let configuration = try ConfigurationLoader.load("agents:\n  commands: [\".claude/agents/special.md\"]\n")
        #expect(configuration.definitionLocations.first == DefinitionLocation(".claude/agents/special.md", .command, .custom))
        #expect(Array(configuration.definitionLocations.dropFirst()) == DefinitionLocation.builtIn)
    }

    @Test func requireModelTakesOneKindOrAList() throws {
        #expect(try ConfigurationLoader.load("agents:\n  require-model: skill\n").requireModel == [.skill])
        #expect(try ConfigurationLoader.load("agents:\n  require-model: [Agent, commands, skills]\n").requireModel == [.agent, .command, .skill])
        #expect(try ConfigurationLoader.load("agents:\n  require-model: []\n").requireModel.isEmpty)
    }

    @Test func wordsReplaceTheVocabularyButKeepItsExceptions() throws {
        let configuration = try ConfigurationLoader.load("rules:\n  security-tier:\n    words: [ledger, injection]\n")
        let vocabulary = configuration.security.vocabulary
        #expect(vocabulary.terms == ["ledger", "injection"])
        #expect(vocabulary.matches(in: "Implement OAuth login").isEmpty)
        #expect(vocabulary.matches(in: "Fix SQL injection in ledger") == ["injection", "ledger"])
        #expect(vocabulary.matches(in: "Set up dependency injection").isEmpty)
    }

    // MARK: - Sizes and shares

    @Test(arguments: [
        ("8MiB", 8 << 20), ("8 MiB", 8 << 20), ("8mb", 8 << 20), ("8M", 8 << 20), ("512KB", 512 << 10), ("512 kib", 512 << 10),
        ("1k", 1024), ("2G", 2 << 30), ("1GiB", 1 << 30), ("100", 100), ("100b", 100), ("9000000000000000000G", Int.max),
    ])
    func sizesAreBytesOrHaveAUnit(text: String, bytes: Int) throws {
        #expect(try ConfigurationLoader.load("max-file-size: \(text)\n").maxFileSize == bytes)
    }

    @Test(arguments: ["0", "-1", "lots", "1.5MB", "8 TB", "MB", "8 MiB!"])
    func otherSizesAreRejected(text: String) {
        let error = loadError("max-file-size: \(text)\n")
        #expect(error == ConfigurationError(
            file: ".tierlint.yml", line: 1, key: "max-file-size",
            message: "expected a size such as 8MiB or 500KB, got \"\(text)\""))
    }

    @Test(arguments: [("20%", 0.2), ("20 %", 0.2), ("0.2", 0.2), ("0", 0.0), ("0%", 0.0), ("100%", 1.0), ("1", 1.0), ("12.5%", 0.125)])
    func sharesArePercentagesOrFractions(text: String, share: Double) throws {
        let configuration = try ConfigurationLoader.load("rules:\n  distribution:\n    targets:\n      opus: {max: \(text)}\n")
        #expect(configuration.distribution.targets == [.init(tier: "opus", maximum: share, minimum: nil)])
    }

    /// A pattern no tier can satisfy, or a mix that is not a whole sprint, is a mistake to
    /// report, not a policy to apply.
    @Test(arguments: [
        ("extra-patterns:\n  - name: Weird\n    match: [frobnicate]\n    min: opus\n    max: haiku\n", 5, "extra-patterns[0].max",
         "pattern \"Weird\" has `min: opus` above `max: haiku`; no tier fits it"),
        ("patterns:\n  - {name: Both, match: [x], tier: sonnet, min: haiku}\n", 2, "patterns[0].min",
         "pattern \"Both\" has both `tier` and `min`; write `tier` for one tier, or `min`/`max` for a range"),
        ("extra-patterns:\n  - name: Both\n    match: [x]\n    max: opus\n    tier: haiku\n", 4, "extra-patterns[0].max",
         "pattern \"Both\" has both `tier` and `max`; write `tier` for one tier, or `min`/`max` for a range"),
        ("extra-patterns:\n  - {name: Off, match: [x], min: sonnet, suggest: haiku}\n", 2, "extra-patterns[0].suggest",
         "pattern \"Off\" suggests haiku, outside the tiers it allows"),
        ("rules:\n  recommended-mix:\n    mix: {haiku: 40%, sonnet: 40%, opus: 15%}\n", 3, "rules.recommended-mix.mix",
         "the shares add up to 95%, not 100%"),
        ("rules:\n  recommended-mix:\n    mix: {haiku: 0.5, sonnet: 0.6}\n", 3, "rules.recommended-mix.mix",
         "the shares add up to 110%, not 100%"),
    ] as [(String, Int, String, String)])
    func contradictoryPoliciesAreErrors(text: String, line: Int, key: String, message: String) {
        #expect(loadError(text) == ConfigurationError(file: ".tierlint.yml", line: line, key: key, message: message))
    }

    @Test func aMixWithinAPointOfAWholeIsAccepted() throws {
        let configuration = try ConfigurationLoader.load("rules:\n  recommended-mix:\n    mix: {haiku: 33%, sonnet: 33%, opus: 33%}\n")
        #expect(configuration.distribution.recommended["opus"] == 0.33)
    }

    @Test(arguments: ["120%", "1.5", "-5%", "twenty", "20 percent", "-0.1"])
    func otherSharesAreRejected(text: String) {
        let error = loadError("rules:\n  distribution:\n    targets:\n      opus: {max: \(text)}\n")
        #expect(error?.message == "expected a share such as 20% or 0.2, got \"\(text)\"")
        #expect(error?.key == "rules.distribution.targets.opus.max")
        #expect(error?.line == 4)
    }

    @Test func aMinimumAboveTheMaximumIsRejected() {
        let error = loadError("rules:\n  distribution:\n    targets:\n      sonnet: {min: 50%, max: 20%}\n")
        #expect(error?.message == "`min` is larger than `max`")
        #expect(error?.key == "rules.distribution.targets.sonnet")
    }

    // MARK: - Rule severities

    @Test(arguments: [
        ("off", nil), ("false", nil), ("no", nil), ("ignore", nil), ("disabled", nil), ("none", nil), ("Off", nil),
        ("warning", Severity.warning), ("Warning", .warning), ("info", .info), ("error", .error), ("ERROR", .error),
    ] as [(String, Severity?)])
    func aRuleSeverityIsALevelOrOff(text: String, expected: Severity?) throws {
        #expect(try severity(of: MissingModelRule(), "rules:\n  missing-model: \(text)\n") == expected)
        #expect(try severity(of: MissingModelRule(), "rules:\n  missing-model:\n    severity: \(text)\n") == expected)
    }

    @Test(arguments: ["TL003", "tl003", "security-tier", "Security-Tier"])
    func aRuleIsNamedBySlugOrCode(name: String) throws {
        #expect(try severity(of: SecurityTierRule(), "rules:\n  \(name): warning\n") == .warning)
        #expect(try severity(of: MissingModelRule(), "rules:\n  \(name): warning\n") == .error)
    }

    @Test func theLinterReportsAtTheConfiguredSeverity() throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Add config file | TBD |\n| 2 | Add docs | haiku |\n"
        #expect(try lint("docs/backlog.md", backlog).map(\.severity) == [.error])
        #expect(try lint("docs/backlog.md", backlog, configuration: "rules:\n  missing-model: warning\n").map(\.severity) == [.warning])
        #expect(try lint("docs/backlog.md", backlog, configuration: "rules:\n  TL001: off\n").isEmpty)
    }

    @Test func anUnknownSeverityIsRejected() {
        #expect(loadError("rules:\n  missing-model: fatal\n") == ConfigurationError(
            file: ".tierlint.yml", line: 2, key: "rules.missing-model",
            message: "expected error, warning, info or off, got \"fatal\""))
    }

    // MARK: - Errors name the file, the key and the line

    @Test func anUnknownTopLevelKey() throws {
        let error = try #require(loadError("max-file-size: 1MB\ncolour: red\n"))
        #expect(error == ConfigurationError(
            file: ".tierlint.yml", line: 2, key: "colour",
            message: "unknown key; known keys here are agents, backlogs, baseline, exclude, extra-patterns, include, max-file-size, models, patterns, per-path-ignores, preset, prices, roles, rules"))
        #expect(error.description
            == ".tierlint.yml:2: `colour`: unknown key; known keys here are agents, backlogs, baseline, exclude, extra-patterns, include, max-file-size, models, patterns, per-path-ignores, preset, prices, roles, rules")
    }

    @Test func theFileNameIsTheOneGiven() {
        #expect(loadError("colour: red\n", file: "config/tierlint.yml")?.file == "config/tierlint.yml")
    }

    @Test(arguments: [
        ("agents:\n  paths: [a]\n  pathz: [b]\n", 3, "agents.pathz", "builtin-paths, commands, paths, require-model, skills, yaml-paths"),
        ("models:\n  - name: x\n    tier: haiku\n    cost: 3\n", 4, "models[0].cost", "aliases, name, price, provider, tier"),
        ("rules:\n  missing-model:\n    words: [x]\n", 3, "rules.missing-model.words", "severity"),
        ("rules:\n  distribution:\n    targets:\n      opus: {maximum: 20%}\n", 4, "rules.distribution.targets.opus.maximum", "max, min"),
        ("agents:\n  paths:\n    - {path: a, glob: b}\n", 3, "agents.paths[0].glob", "format, kind, path"),
    ])
    func unknownNestedKeysAreNamedByTheirPath(text: String, line: Int, key: String, known: String) {
        #expect(loadError(text) == ConfigurationError(
            file: ".tierlint.yml", line: line, key: key, message: "unknown key; known keys here are \(known)"))
    }

    @Test func anUnknownBacklogsKeyListsTheKnownOnes() throws {
        let error = try #require(loadError("backlogs:\n  columns: [Model]\n"))
        #expect(error.line == 2)
        #expect(error.key == "backlogs.columns")
        #expect(error.message.hasPrefix("unknown key; known keys here are "))
        for key in ["id-columns", "label-columns", "missing-values", "model-columns", "owner-columns", "paths", "ticket-columns"] {
            #expect(error.message.contains(key))
        }
    }

    @Test(arguments: [
        ("exclude: {a: b}\n", 1, "exclude", "expected a text value, got a mapping"),
        ("exclude: [a, [b]]\n", 1, "exclude[1]", "expected a text value, got a list"),
        ("max-file-size: [1]\n", 1, "max-file-size", "expected a size such as 8MiB, got a list"),
        ("agents: [a]\n", 1, "agents", "expected a mapping of keys to values, got a list"),
        ("models: {name: x}\n", 1, "models", "expected a list, got a mapping"),
        ("agents:\n  builtin-paths: maybe\n", 2, "agents.builtin-paths", "expected true or false, got \"maybe\""),
        ("rules:\n  distribution:\n    min-tickets: many\n", 3, "rules.distribution.min-tickets", "expected a whole number, got \"many\""),
        ("rules:\n  distribution:\n    min-tickets: 0\n", 3, "rules.distribution.min-tickets", "expected a number from 1 to 1000000, got 0"),
        ("backlogs:\n  paths:\n", 2, "backlogs.paths", "expected a text value, got nothing"),
        ("backlogs:\n  model-columns: []\n", 2, "backlogs.model-columns", "the list must name at least one column"),
        ("agents:\n  require-model: [agent, robot]\n", 2, "agents.require-model[1]", "expected agent, command or skill, got \"robot\""),
        ("agents:\n  paths:\n    - {kind: agent}\n", 3, "agents.paths[0]", "a location needs a `path` glob"),
        ("models:\n  - name: x\n", 2, "models[0]", "model \"x\" needs a tier"),
        ("models:\n  - tier: haiku\n", 2, "models[0]", "a model needs a name"),
        ("rules: [missing-model]\n", 1, "rules", "expected a mapping of keys to values, got a list"),
    ])
    func valuesOfTheWrongKindAreNamedByTheirKeyAndLine(text: String, line: Int, key: String, message: String) {
        #expect(loadError(text) == ConfigurationError(file: ".tierlint.yml", line: line, key: key, message: message))
    }

    @Test func anUnknownFormatListsTheKnownOnes() {
        let error = loadError("agents:\n  paths:\n    - {path: x/*.md, format: vscode}\n")
        #expect(error == ConfigurationError(
            file: ".tierlint.yml", line: 3, key: "agents.paths[0].format",
            message: "unknown format \"vscode\"; formats are claude-code, claude-plugin, copilot, opencode, cursor, gemini, custom, agent-map"))
    }

    @Test(arguments: [
        ("models:\n  - name: x\n    tier: gpt\n", 3, "models[0].tier", "gpt"),
        ("rules:\n  security-tier:\n    minimum-tier: platinum\n", 3, "rules.security-tier.minimum-tier", "platinum"),
        ("rules:\n  distribution:\n    targets:\n      gpt: {max: 10%}\n", 4, "rules.distribution.targets.gpt", "gpt"),
    ])
    func anUnknownTierListsTheTiers(text: String, line: Int, key: String, name: String) {
        #expect(loadError(text) == ConfigurationError(
            file: ".tierlint.yml", line: line, key: key,
            message: "no tier named \"\(name)\"; tiers are haiku, sonnet, opus, fable"))
    }

    @Test func anUnknownRuleListsTheRules() {
        #expect(loadError("rules:\n  missing-model: warning\n  no-such-rule: off\n") == ConfigurationError(
            file: ".tierlint.yml", line: 3, key: "rules.no-such-rule",
            message: "no rule named \"no-such-rule\"; rules are \(RuleRegistry.all.map(\.description.slug).joined(separator: ", "))"))
    }

    @Test func aRootThatIsNotAMappingIsRejected() {
        let error = loadError("- exclude\n- rules\n")
        #expect(error == ConfigurationError(
            file: ".tierlint.yml", line: 1, key: nil, message: "expected a mapping of keys to values, got a list"))
        #expect(error?.description == ".tierlint.yml:1: expected a mapping of keys to values, got a list")
    }

    @Test func invalidYAMLIsReportedWithItsLine() throws {
        let error = try #require(loadError("exclude: [a]\nrules:\n  missing-model: warning\n    severity: error\n"))
        #expect(error.file == ".tierlint.yml")
        #expect(error.line == 4)
        #expect(error.key == nil)
        #expect(error.message.hasPrefix("invalid YAML: "))
    }

    @Test func duplicateKeysAreRejected() throws {
        let error = try #require(loadError("exclude: [a]\nexclude: [b]\n"))
        #expect(error.message.contains("duplicate key `exclude`"))
        #expect(error.line != nil)
    }
}
