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
}
