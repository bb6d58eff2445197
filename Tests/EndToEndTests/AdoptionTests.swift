import Foundation
import TestSupport
import Testing

/// Adopting tierlint in a repository with history: a baseline, suppressions and excluded
/// paths, through the real binary and the real hook.
@Suite struct AdoptionTests {
    static let sprint = """
        ## Sprint 1

        | # | Ticket | Model |
        |---|--------|-------|
        | 1.1 | Create sessions table | opus |
        | 1.2 | Implement OAuth login | sonnet |
        | 1.3 | Implement SessionService | sonnet |

        """

    @Test func aBaselineRoundTrip() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Self.sprint)
        try repository.write(".claude/agents/auth.md", "---\nname: auth\ndescription: Handles login.\nmodel: haiku\n---\n")
        try repository.addAll()
        try repository.commit().succeeded()
        #expect(try repository.tierlint(["check"]).status == 1)

        // Write: every current finding, and exit 0.
        let written = try repository.tierlint(["check", "--write-baseline", ".tierlint-baseline.json"]).succeeded()
        #expect(written.stderr.contains("wrote 3 findings to .tierlint-baseline.json"), "\(written)")
        let baseline = try repository.read(".tierlint-baseline.json")
        #expect(baseline.contains(#""path": "docs/backlog.md", "rule": "TL003", "name": "security-tier", "section": "Sprint 1", "subject": "ticket 1.2""#), "\(baseline)")

        // A clean run with it.
        let clean = try repository.tierlint(["check", "--baseline", ".tierlint-baseline.json"]).succeeded()
        #expect(clean.stdout.contains("No problems"), "\(clean)")
        #expect(clean.stdout.contains("3 findings in the baseline not shown"))

        // Lines move: still clean.
        try repository.write("docs/backlog.md", "# Backlog\n\nIntro.\n\nMore intro.\n\n" + Self.sprint)
        let moved = try repository.tierlint(["check", "--baseline", ".tierlint-baseline.json"]).succeeded()
        #expect(moved.stdout.contains("No problems"), "\(moved)")

        // A new violation: exactly one finding.
        try repository.write("docs/backlog.md", "# Backlog\n\nIntro.\n\nMore intro.\n\n"
            + Self.sprint.replacingOccurrences(of: "| 1.3 | Implement SessionService | sonnet |", with: "| 1.3 | Implement SessionService | sonnet |\n| 1.4 | Add payment refunds | sonnet |"))
        let added = try repository.tierlint(["check", "--baseline", ".tierlint-baseline.json", "--format", "json"])
        #expect(added.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(added.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 1, "\(findings)")
        #expect(findings.first?["subject"] as? String == "ticket 1.4")
        #expect((json["summary"] as? [String: Int])?["baselined"] == 3)

        // A fixed finding leaves a stale entry, which the summary points out.
        try repository.write("docs/backlog.md", Self.sprint.replacingOccurrences(of: "| Implement OAuth login | sonnet |", with: "| Implement OAuth login | opus |"))
        let fixed = try repository.tierlint(["check", "--baseline", ".tierlint-baseline.json"]).succeeded()
        #expect(fixed.stdout.contains("1 baseline entry no longer matches a finding"), "\(fixed)")
    }

    @Test func theHookUsesTheBaselineThePolicyNames() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Self.sprint)
        try repository.git(["add", "-A"]).succeeded()
        try repository.commit(["--no-verify"].isEmpty ? "" : "legacy", ["--no-verify"]).succeeded()
        try repository.tierlint(["check", "--write-baseline", ".tierlint-baseline.json"]).succeeded()
        try repository.write(".tierlint.yml", "baseline: .tierlint-baseline.json\n")
        try repository.tierlint(["install"]).succeeded()
        try repository.addAll()
        try repository.commit("adopt tierlint").succeeded()

        // An old finding's file changes: still allowed. A new finding: stopped.
        try repository.write("docs/backlog.md", "Intro.\n\n" + Self.sprint)
        try repository.addAll()
        try repository.commit("edit").succeeded()
        try repository.write("docs/backlog.md", "Intro.\n\n" + Self.sprint + "| 1.4 | Add payment refunds | haiku |\n")
        try repository.addAll()
        let blocked = try repository.commit("new violation")
        #expect(blocked.status != 0)
        #expect(blocked.output.contains("ticket 1.4"), "\(blocked)")
        #expect(!blocked.output.contains("ticket 1.2"))
    }

    @Test func aMissingOrBrokenBaselineIsAnError() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Self.sprint)
        let missing = try repository.tierlint(["check", "--baseline", "nope.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("cannot read the baseline nope.json"))
        try repository.write("broken.json", "{not json")
        let broken = try repository.tierlint(["check", "--baseline", "broken.json"])
        #expect(broken.status == 2)
        #expect(broken.stderr.contains("broken.json: the baseline is not valid JSON"), "\(broken)")
        try repository.write(".tierlint.yml", "baseline: missing.json\n")
        let configured = try repository.tierlint(["check"])
        #expect(configured.status == 2)
        #expect(configured.stderr.contains("the baseline missing.json is not in the worktree"), "\(configured)")
    }

    @Test func aSuppressedTicketCommitsThroughTheHook() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Self.sprint.replacingOccurrences(
            of: "| 1.2 | Implement OAuth login | sonnet |",
            with: "| 1.2 | Implement OAuth login <!-- tierlint-disable security-tier: login UI copy only, appsec signed off --> | sonnet |")
            .replacingOccurrences(of: "Create sessions table | opus", with: "Create sessions table | haiku"))
        try repository.addAll()
        let run = try repository.commit("suppressed")
        #expect(run.status == 0, "\(run)")
    }

    @Test func excludeWinsEvenForPathsOnTheCommandLine() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/archive/old.md", Self.sprint)
        try repository.write(".tierlint.yml", "exclude: [\"docs/archive/\"]\n")
        let run = try repository.tierlint(["check", "docs/archive/old.md"]).succeeded()
        #expect(run.stdout.contains("No problems in 0 files"), "\(run)")
    }

    @Test func aBaselinedAgentSetStaysBaselinedWhicheverAgentChanges() throws {
        let repository = try TemporaryRepository()
        for index in 1...6 {
            try repository.write(".claude/agents/a\(index).md", "---\nname: a\(index)\ndescription: Builds things.\nmodel: \(index <= 3 ? "opus" : "sonnet")\n---\n")
        }
        try repository.addAll()
        try repository.commit("agents").succeeded()
        try repository.tierlint(["check", "--write-baseline", ".tierlint-baseline.json"]).succeeded()
        try repository.write(".tierlint.yml", "baseline: .tierlint-baseline.json\n")
        try repository.tierlint(["install"]).succeeded()
        try repository.addAll()
        try repository.commit("adopt").succeeded()
        try repository.write(".claude/agents/a2.md", "---\nname: a2\ndescription: Builds more things.\nmodel: opus\n---\n")
        try repository.addAll()
        let run = try repository.commit("edit a2")
        #expect(run.status == 0, "\(run)")
    }
}
