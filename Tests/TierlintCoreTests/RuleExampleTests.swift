import Testing
import TierlintCore

/// Every rule's examples are its specification: the triggering ones must be reported exactly
/// where their `↓` markers are, the others not at all. The same examples are what
/// `tierlint explain` shows.
@Suite struct RuleExampleTests {
    static let rules = RuleRegistry.all.map { RuleCase(rule: $0) }

    struct RuleCase: CustomTestStringConvertible, Sendable {
        let rule: any Rule
        var testDescription: String { rule.description.slug }
    }

    @Test(arguments: rules)
    func triggeringExamplesAreReportedAtTheirMarkers(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.triggeringExamples.isEmpty)
        for example in description.triggeringExamples {
            let findings = try lint(example.sourceFiles, configuration: example.configuration, rules: [ruleCase.rule]).findings
            let expected = example.markedPositions.map { "\($0.path):\($0.line):\($0.column)" }.sorted()
            #expect(!expected.isEmpty, "a triggering example needs a ↓ marker")
            #expect(findings.map(\.position).sorted() == expected, "\(findings.map(\.message))")
            #expect(findings.allSatisfy { $0.rule.slug == description.slug })
        }
    }

    @Test(arguments: rules)
    func nonTriggeringExamplesAreAccepted(_ ruleCase: RuleCase) throws {
        let description = ruleCase.rule.description
        #expect(!description.nonTriggeringExamples.isEmpty)
        for example in description.nonTriggeringExamples {
            let findings = try lint(example.sourceFiles, configuration: example.configuration, rules: [ruleCase.rule]).findings
            #expect(findings.isEmpty, "\(findings.map { "\($0.position): \($0.message)" })")
            #expect(example.markedPositions.isEmpty)
        }
    }

    @Test func codesAndSlugsAreUniqueAndStable() {
        let identities = RuleRegistry.all.map { "\($0.description.code) \($0.description.slug)" }
        #expect(identities == [
            "TL001 missing-model", "TL002 unknown-model", "TL003 security-tier", "TL004 distribution", "TL005 parse-error",
            "TL006 overkill", "TL007 underpowered", "TL008 owner-default", "TL009 critical-minimum",
            "TL010 cost-tier-mismatch", "TL011 distribution-mismatch", "TL012 uniform-sprint", "TL013 complexity-tier",
            "TL014 escalation-order", "TL015 doc-drift", "TL016 dispatch-drift", "TL017 recommended-mix",
            "TL018 unused-suppression", "TL019 suppression-reason",
        ])
    }
}

/// What `tierlint explain` prints reads as prose: no stray escape characters.
@Suite struct RuleExplanationTests {
    @Test(arguments: RuleRegistry.all.map(\.description.slug))
    func explanationsHaveNoStrayBackslashes(slug: String) throws {
        let rule = try #require(RuleRegistry.rule(named: slug))
        #expect(!rule.description.explanation.contains("\\"), "\(slug)'s explanation has a backslash")
        #expect(!rule.description.explanation.contains("  "), "\(slug)'s explanation has a double space")
    }
}
