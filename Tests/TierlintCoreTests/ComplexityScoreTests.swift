import Testing
@testable import TierlintCore

/// Columns that merely look like seed 001's assessment are not one.
@Suite struct ComplexityColumnTests {
    @Test func aRiskColumnOrStoryPointsAreNotAnAssessment() throws {
        let backlog = """
            | # | Ticket | Risk | Complexity | Model |
            |---|--------|------|------------|-------|
            | 1 | Create users table | High | 13 | opus |
            | 2 | Design cache architecture | Low | Medium | haiku |
            """
        let findings = try lint("docs/backlog.md", backlog)
        // Not complexity findings, and overkill and underpowered still speak.
        #expect(findings.map(\.rule.slug).sorted() == ["overkill", "underpowered"], "\(findings.map(\.message))")
    }

    /// A `complexity:` that is not the assessment says what it is instead.
    @Test(arguments: [
        ("high", "`complexity: high` is not seed 001's assessment; write its three scores (`[2, 3, 2]` or `{reasoning, judgement, risk}`) or their 3-9 total"),
        ("12", "`complexity: 12` is not a total of three 1-3 scores, which is 3-9"),
        ("\"\"", "`complexity` is empty"),
        ("{total: 13}", "`complexity.total: 13` is not a total of three 1-3 scores, which is 3-9"),
    ])
    func anUnreadableComplexityIsNamedForWhatItIs(value: String, reason: String) throws {
        let findings = try lint(".claude/agents/x.md", "---\nname: x\ncomplexity: \(value)\nmodel: sonnet\n---\n", rules: [ComplexityTierRule()])
        #expect(findings.map(\.message) == ["agent x has an unreadable complexity score: \(reason)"])
    }
}
