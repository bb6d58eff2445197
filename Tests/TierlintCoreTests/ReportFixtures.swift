@testable import TierlintCore

/// Findings and results shared by the reporter tests.
enum ReportFixtures {
    static let security = Finding(
        rule: RuleIdentity(slug: "security-tier", code: "TL003"), severity: .error,
        path: "docs/backlog.md", line: 5, column: 27,
        message: "ticket 5.1 \"Implement OAuth login\" is security work (\"OAuth\") but is on sonnet; security and payment work needs opus or above",
        subject: "ticket 5.1", suggestion: "opus")

    static let unknown = Finding(
        rule: RuleIdentity(slug: "unknown-model", code: "TL002"), severity: .warning,
        path: ".claude/agents/review.md", line: 3, column: 8,
        message: "agent review names unknown model \"gpt-9\"; if it is a new model, add it to `models:` in .tierlint.yml with its tier",
        subject: "agent review")

    static let note = Finding(
        rule: RuleIdentity(slug: "uniform-sprint", code: "TL012"), severity: .info,
        path: "docs/backlog.md", line: 1, column: 1, message: "a note", subject: "section \"Sprint 1\"")

    /// Everything a message or a path can hold that a format must escape.
    static let tricky: Finding = {
        var finding = unknown
        finding.path = "docs/weird, name: 100% \"sure\" <b>&amp;.md"
        finding.message = "line one, with: colons\nline two 100% done\r\nquote \" apos ' <tag> & amp | pipe ` tick \u{07} bell 漢字 🚀"
        return finding
    }()

    static func input(_ findings: [Finding], checked: [String] = ["docs/backlog.md", ".claude/agents/review.md", "docs/clean.md"], root: String? = "/work/repo") -> ReportInput {
        ReportInput(
            toolVersion: "9.8.7", source: "HEAD",
            result: LintResult(findings: findings, checkedPaths: checked, tickets: 4, definitions: []),
            root: root)
    }
}
