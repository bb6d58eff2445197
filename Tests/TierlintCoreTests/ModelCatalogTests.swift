import Testing
@testable import TierlintCore

/// How the bundled catalog reads a model name as people write it in backlogs and frontmatter.
@Suite struct ModelCatalogTests {
    let catalog = ModelCatalog.bundled

    /// The tier a written name resolves to, `inherit`, or `unknown`.
    func tier(_ written: String, in catalog: ModelCatalog = .bundled) -> String {
        switch catalog.resolve(written) {
        case .known(let entry): entry.tier.name
        case .inherit: "inherit"
        case .unknown: "unknown"
        }
    }

    // MARK: - The catalog itself

    @Test func tiersRunFromCheapestToMostCapable() {
        #expect(catalog.tiers.map(\.name) == ["haiku", "sonnet", "opus", "fable"])
        #expect(catalog.tiers.map(\.role) == ["execution", "balanced", "reasoning", "frontier"])
        #expect(catalog.tiers.map(\.relativeCost) == [1, 3, 10, 30])
        #expect(catalog.tiers.map(\.rank) == [0, 1, 2, 3])
        #expect(catalog.asOf == "2026-11-01")
    }

    @Test func tiersCompareByRank() throws {
        let haiku = try #require(catalog.tier(named: "haiku"))
        let sonnet = try #require(catalog.tier(named: "Sonnet"))
        let opus = try #require(catalog.tier(named: "OPUS"))
        #expect(haiku < sonnet && sonnet < opus)
        #expect(catalog.tier(named: "gpt") == nil)
    }

    // MARK: - Aliases and spelling

    @Test(arguments: [
        ("haiku", "haiku"), ("sonnet", "sonnet"), ("opus", "opus"), ("fable", "fable"), ("opusplan", "opus"),
        ("claude-fable", "fable"),
        // A tier's role names the tier.
        ("execution", "haiku"), ("balanced", "sonnet"), ("reasoning", "opus"), ("Reasoning tier", "opus"),
        ("execution-tier", "haiku"),
    ])
    func claudeCodeAliasesAndTierNames(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        "Sonnet", "SONNET", "`sonnet`", "**sonnet**", "*sonnet*", "_sonnet_", "__sonnet__", "\"sonnet\"", "'sonnet'",
        "  sonnet  ", "~sonnet~", "🟢 sonnet", "sonnet ✅",
    ])
    func caseCodeMarksEmphasisAndDecorationsDoNotMatter(written: String) {
        #expect(tier(written) == "sonnet")
    }

    @Test(arguments: [
        ("Claude Sonnet 4.5", "sonnet"), ("claude sonnet 4.5", "sonnet"), ("claude_sonnet_4_5", "sonnet"),
        ("claude-sonnet-4.5", "sonnet"), ("Claude Opus 4.6", "opus"), ("Claude Haiku 4.5", "haiku"),
        ("Claude 3.5 Sonnet", "sonnet"), ("claude-3.7-sonnet", "sonnet"),
    ])
    func spacesDotsAndUnderscoresCountAsHyphens(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test func aResolvedAliasIsReportedUnderItsPrimaryName() {
        #expect(catalog.resolve("claude-sonnet-4-0") == .known(.init(name: "claude-sonnet-4", tier: catalog.tier(named: "sonnet")!)))
        #expect(catalog.resolve("gpt-35-turbo") == .known(.init(name: "gpt-3.5-turbo", tier: catalog.tier(named: "haiku")!)))
    }

    // MARK: - Dates, providers and wrappers

    @Test(arguments: [
        ("claude-sonnet-4-5-20250929", "sonnet"),
        ("claude-3-5-haiku-20241022", "haiku"),
        ("claude-3-5-sonnet-latest", "sonnet"),
        // Dated IDs that are not listed resolve through their undated name.
        ("claude-opus-4-6-20260115", "opus"),
        ("claude-haiku-4-5-20990101", "haiku"),
        ("gpt-4o-2024-08-06", "sonnet"),
        ("gpt-4-0613", "opus"),
        ("gpt-3.5-turbo-0125", "haiku"),
        ("o3-mini-2025-01-31", "sonnet"),
        ("gemini-3.1-flash-lite-preview", "haiku"),
        ("sonnet-latest", "sonnet"),
    ])
    func datesSnapshotsAndChannelsAreDropped(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        ("anthropic/claude-sonnet-4-5", "sonnet"),
        ("anthropic/claude-haiku-4-5", "haiku"),
        ("openrouter/anthropic/claude-opus-4.6", "opus"),
        ("openrouter/anthropic/claude-sonnet-4.5", "sonnet"),
        ("openai/gpt-4o-mini", "haiku"),
        ("google/gemini-2.5-pro", "opus"),
        ("github-copilot/claude-sonnet-4", "sonnet"),
    ])
    func providerPrefixesAreDropped(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        ("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "sonnet"),
        ("anthropic.claude-3-haiku-20240307-v1:0", "haiku"),
        ("global.anthropic.claude-opus-4-5-20251101-v1:0", "opus"),
        ("eu.anthropic.claude-haiku-4-5-20251001-v1:0", "haiku"),
        ("bedrock/us.anthropic.claude-sonnet-4-5-20250929-v1:0", "sonnet"),
    ])
    func bedrockModelIDs(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        ("claude-sonnet-4-5@20250929", "sonnet"),
        ("claude-opus-4-1@20250805", "opus"),
        ("vertex_ai/claude-sonnet-4-5@20250929", "sonnet"),
    ])
    func vertexModelIDs(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [("opus[1m]", "opus"), ("sonnet[1m]", "sonnet"), ("claude-sonnet-4-5[1m]", "sonnet"), ("`opus[1m]`", "opus")])
    func contextSuffixesAreDropped(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        ("Claude Sonnet 4.5 (copilot)", "sonnet"), ("Claude Opus 4.6 (copilot)", "opus"), ("GPT-4.1 (copilot)", "sonnet"),
    ])
    func copilotParentheticalNotesAreDropped(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    // MARK: - Other vendors

    @Test(arguments: [
        ("gpt-3.5-turbo", "haiku"), ("GPT-3.5", "haiku"), ("gpt-4", "opus"), ("gpt-4-turbo", "sonnet"),
        ("gpt-4o", "sonnet"), ("gpt-4o-mini", "haiku"), ("o1", "opus"), ("o3", "opus"), ("o4-mini", "sonnet"),
        ("gpt-5", "opus"), ("gpt-5-mini", "sonnet"), ("gpt-5-nano", "haiku"),
        ("GPT-5.4 Thinking", "opus"), ("gpt-5.4-thinking", "opus"), ("GPT-5.3 Instant", "haiku"),
    ])
    func openAIModels(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test(arguments: [
        ("gemini-3.1-flash-lite", "haiku"), ("Gemini 3.1 Flash-Lite", "haiku"),
        ("gemini-3-flash", "sonnet"), ("gemini-2.5-flash", "sonnet"),
        ("gemini-3.1-pro", "opus"), ("Gemini 3.1 Pro", "opus"), ("gemini-3-pro-preview", "opus"),
    ])
    func geminiFlashLiteFlashAndPro(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    // MARK: - Families

    @Test(arguments: [
        ("gpt-5.5-thinking", "opus"), ("GPT-5.5 Instant", "haiku"), ("gpt-5.5-mini", "sonnet"), ("gpt-5.5-nano", "haiku"),
        ("gpt-5.5-pro", "opus"), ("gpt-5.1-codex", "opus"),
        ("gemini-4-flash-lite", "haiku"), ("gemini-3.5-flash", "sonnet"), ("gemini-4-pro", "opus"),
        ("claude-3-9-sonnet", "sonnet"),
    ])
    func unlistedVersionsFallBackToTheirFamily(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    /// The catalog's own examples: "These keep a new point release (claude-sonnet-4-7,
    /// gpt-5.5-thinking) on its family's tier".
    @Test(arguments: [
        ("claude-sonnet-4-7", "sonnet"), ("claude-opus-5-1", "opus"), ("claude-haiku-5", "haiku"),
        ("Claude Sonnet 5", "sonnet"), ("claude-fable-2", "fable"), ("gpt-5.5", "opus"),
        ("gemini-2.5-pro-preview-05-06", "opus"), ("gemini-2.5-pro-exp-03-25", "opus"),
    ])
    func familyPatternsEndingInAStarMatchLaterVersions(written: String, expected: String) {
        #expect(tier(written) == expected)
    }

    @Test func aFamilyMatchKeepsTheNameAsWritten() {
        #expect(catalog.resolve("gpt-5.5-thinking") == .known(.init(name: "gpt-5-5-thinking", tier: catalog.tier(named: "opus")!)))
    }

    @Test(arguments: ["claude-sonet-4-7", "gemini-4-flsh", "gpt-4.7-thinking", "claude-4-7"])
    func familiesDoNotAcceptMisspellings(written: String) {
        #expect(tier(written) == "unknown")
    }

    /// How seed 002 and most backlogs write a version: the family name and a number, without "Claude".
    @Test(arguments: [("Sonnet 4.5", "sonnet"), ("Opus 4.6", "opus"), ("Haiku 4.5", "haiku"), ("opus-4-6", "opus")])
    func aFamilyNameWithAVersionIsThatFamily(written: String, expected: String) {
        let resolved = tier(written)
        #expect(resolved == expected)
    }

    // MARK: - inherit and unknown names

    @Test(arguments: ["inherit", "Inherit", "`inherit`", "**inherit**"])
    func inheritIsItsOwnResolution(written: String) {
        #expect(catalog.resolve(written) == .inherit)
    }

    @Test(arguments: [
        ("sonet", "sonnet"), ("opuss", "opus"), ("hiaku", "haiku"), ("Sonnett", "sonnet"),
        ("claude-sonet-4-5", "claude-sonnet-4-5"),
        // The suggestion is the primary name, even when the nearest spelling is an alias.
        ("claude-sonet-4-5-20250929", "claude-sonnet-4-5"),
    ])
    func unknownNamesSuggestTheClosestKnownName(written: String, closest: String) {
        #expect(catalog.resolve(written) == .unknown(closest: closest))
    }

    @Test(arguments: ["xyzzy", "my-local-llm", "qwerty-uiop-asdf", "llama-3-70b", ""])
    func garbageGetsNoSuggestion(written: String) {
        #expect(catalog.resolve(written) == .unknown(closest: nil))
    }

    @Test func aPrefixedTypoSuggestsTheUnprefixedName() {
        let resolution = catalog.resolve("anthropic/claude-sonet-4-5")
        #expect(resolution == .unknown(closest: "claude-sonnet-4-5"))
    }

    // MARK: - `models:` in .tierlint.yml

    @Test func configAddsAModelWithItsAliases() throws {
        let configuration = try ConfigurationLoader.load("""
            models:
              - name: acme-coder
                aliases: [acme, Acme Coder v2]
                tier: opus
            """)
        let extended = configuration.catalog(from: .bundled)
        let opus = try #require(extended.tier(named: "opus"))
        #expect(extended.resolve("acme-coder") == .known(.init(name: "acme-coder", tier: opus)))
        #expect(extended.resolve("**Acme**") == .known(.init(name: "acme-coder", tier: opus)))
        #expect(extended.resolve("acme coder v2") == .known(.init(name: "acme-coder", tier: opus)))
        #expect(tier("acme-coder") == "unknown", "the bundled catalog is unchanged")
    }

    @Test func configOverridesABundledModel() throws {
        let configuration = try ConfigurationLoader.load("models:\n  - { name: Sonnet, tier: opus }\n")
        let extended = configuration.catalog(from: .bundled)
        #expect(tier("sonnet", in: extended) == "opus")
        #expect(tier("haiku", in: extended) == "haiku")
    }

    @Test func configModelsAreUsedByTheLinter() throws {
        let text = """
            ---
            model: my-local-llm
            ---
            """
        let unknown = try lint(".claude/agents/local.md", text)
        #expect(unknown.map(\.rule.slug) == ["unknown-model"])
        #expect(unknown.first?.message.contains("add it to `models:`") == true)
        let known = try lint(".claude/agents/local.md", text, configuration: "models:\n  - {name: my-local-llm, tier: haiku}\n")
        #expect(known.isEmpty)
    }

    @Test func laterEntriesForTheSameNameWin() throws {
        let base = catalog
        let haiku = try #require(base.tier(named: "haiku"))
        let opus = try #require(base.tier(named: "opus"))
        let extended = base.adding([(names: ["x-model"], tier: haiku, price: nil), (names: ["x-model"], tier: opus, price: nil)])
        #expect(extended.resolve("x-model") == .known(.init(name: "x-model", tier: opus)))
    }
}
