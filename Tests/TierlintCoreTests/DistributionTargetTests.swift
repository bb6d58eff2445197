import Testing
@testable import TierlintCore

/// `rules.distribution.targets` laid over the preset's targets tier by tier, and which tickets
/// the distribution counts.
@Suite struct DistributionTargetTests {
    func targets(_ yaml: String) throws -> [DistributionPolicy.Target] {
        try ConfigurationLoader.load(yaml).distribution.targets
    }

    static let opusCap = DistributionPolicy.Target(tier: "opus", maximum: 0.20, minimum: nil)

    @Test func aTierGivenAloneKeepsThePresetsOtherTargets() throws {
        #expect(try targets("rules:\n  distribution:\n    targets: {haiku: {min: 60%}}\n") == [
            Self.opusCap, .init(tier: "haiku", maximum: nil, minimum: 0.60),
        ])
    }

    @Test func aTierGivenReplacesThatTiersTarget() throws {
        #expect(try targets("rules:\n  distribution:\n    targets: {opus: {max: 30%}}\n") == [
            .init(tier: "opus", maximum: 0.30, minimum: nil),
        ])
        #expect(try targets("rules:\n  distribution:\n    targets: {opus: {min: 5%}}\n") == [
            .init(tier: "opus", maximum: nil, minimum: 0.05),
        ])
    }

    @Test(arguments: ["opus: off", "opus: {}", "opus: false", "Opus: off"])
    func offOrEmptyRemovesATarget(entry: String) throws {
        #expect(try targets("rules:\n  distribution:\n    targets: {\(entry), haiku: {min: 30%}}\n") == [
            .init(tier: "haiku", maximum: nil, minimum: 0.30),
        ])
    }

    @Test func anEmptyMappingRemovesEveryTarget() throws {
        #expect(try targets("rules:\n  distribution:\n    targets: {}\n").isEmpty)
    }

    @Test func aPresetWithoutTargetsGetsOnlyTheOnesGiven() throws {
        #expect(try targets("preset: containment\nrules:\n  distribution:\n    targets: {haiku: {min: 30%}}\n") == [
            .init(tier: "haiku", maximum: nil, minimum: 0.30),
        ])
    }

    @Test func aWordOtherThanOffIsAnError() {
        #expect(throws: ConfigurationError.self) {
            try targets("rules:\n  distribution:\n    targets: {opus: maybe}\n")
        }
    }

    @Test func theOpusCapStillAppliesWithAHaikuMinimum() throws {
        let backlog = """
            ## Sprint 3: Reports

            | # | Ticket | Model |
            |---|--------|-------|
            | 3.1 | Design report schema | opus |
            | 3.2 | Design caching layer | opus |
            | 3.3 | Add report config | haiku |
            | 3.4 | Create reports table | haiku |
            | 3.5 | Write report seed data | haiku |
            """
        let findings = try lint(
            "docs/backlog.md", backlog, configuration: "rules:\n  distribution:\n    targets: {haiku: {min: 60%}}\n",
            rules: [DistributionRule()])
        #expect(findings.map(\.message) == [
            "section \"Sprint 3: Reports\" has 2 of 5 tickets (40%) on opus or above, over the 20% target; move at least 1 to a lower tier",
        ])
    }

    /// The reviewer's case: five payment tickets on haiku made 2 opus of 10 look like 20%.
    static let checkout = """
        ## Sprint 6: Checkout

        | # | Ticket | Model |
        |---|--------|-------|
        | 6.1 | Add payment form | haiku |
        | 6.2 | Store billing address | haiku |
        | 6.3 | Send invoice emails | haiku |
        | 6.4 | Handle refunds | haiku |
        | 6.5 | Add Stripe config | haiku |
        | 6.6 | Design cart pricing rules | opus |
        | 6.7 | Design order state machine | opus |
        | 6.8 | Build cart component | sonnet |
        | 6.9 | Write cart tests | sonnet |
        | 6.10 | Build order summary component | sonnet |
        """

    @Test func securityWorkBelowItsTierDoesNotCount() throws {
        let findings = try lint("docs/backlog.md", Self.checkout, rules: [DistributionRule()])
        #expect(findings.map(\.message) == [
            "section \"Sprint 6: Checkout\" has 2 of 5 tickets (40%) on opus or above, over the 20% target; move at least 1 to a lower tier",
        ])
    }

    @Test func withSecurityTierOffSecurityWorkCountsLikeAnyOther() throws {
        let findings = try lint(
            "docs/backlog.md", Self.checkout, configuration: "rules:\n  security-tier: off\n", rules: [DistributionRule()])
        #expect(findings.isEmpty, "\(findings.map(\.message))")
    }
}
