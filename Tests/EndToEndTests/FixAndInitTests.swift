import Foundation
import TestSupport
import Testing

/// `tierlint fix` and `tierlint init` through the built binary, on real repositories.
@Suite struct FixAndInitTests {
    let backlog = """
        | # | Ticket | Model |
        |---|--------|-------|
        | 1 | Create session seed data | TBD |
        | 2 | Add real-time updates | ? |

        """

    @Test func fixWritesTheWorkingTreeAndNeverTheIndex() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", backlog)
        try repository.addAll()
        let stagedBefore = try repository.git(["show", ":docs/backlog.md"]).stdout
        let run = try repository.tierlint(["fix"]).succeeded()
        #expect(run.stdout.contains("docs/backlog.md:3:"))
        #expect(run.stderr.contains("Filled 1 model in 1 file."))
        #expect(try repository.read("docs/backlog.md").contains("| 1 | Create session seed data | haiku |"))
        #expect(try repository.read("docs/backlog.md").contains("| 2 | Add real-time updates | ? |"))
        #expect(try repository.git(["show", ":docs/backlog.md"]).stdout == stagedBefore)
    }

    @Test func aDryRunPrintsAPatchGitAcceptsAndWritesNothing() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", backlog)
        let run = try repository.tierlint(["fix", "--dry-run"]).succeeded()
        #expect(try repository.read("docs/backlog.md") == backlog)
        #expect(run.stdout.hasPrefix("--- a/docs/backlog.md\n+++ b/docs/backlog.md\n"))
        try repository.write("fix.patch", run.stdout)
        try repository.git(["apply", "--check", "fix.patch"]).succeeded()
        try repository.git(["apply", "fix.patch"]).succeeded()
        #expect(try repository.read("docs/backlog.md").contains("| 1 | Create session seed data | haiku |"))
    }

    @Test func aDryRunPatchAppliesToCRLFFilesAndFilesWithoutAFinalNewline() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/crlf.md", "| # | Ticket | Model |\r\n|---|---|---|\r\n| 1 | Create seed data | TBD |\r\n")
        try repository.write("docs/noeol.md", "\u{FEFF}| # | Ticket | Model |\n|---|---|---|\n| 1 | Create seed data | TBD |")
        try repository.addAll()
        try repository.commit("placeholders").succeeded()
        let run = try repository.tierlint(["fix", "--dry-run"]).succeeded()
        try repository.write("fix.patch", run.stdout)
        try repository.git(["apply", "fix.patch"]).succeeded()
        #expect(try repository.read("docs/crlf.md") == "| # | Ticket | Model |\r\n|---|---|---|\r\n| 1 | Create seed data | haiku |\r\n")
        // Bytes, not text: decoding would drop the byte order mark.
        let noEOL = try Data(contentsOf: URL(fileURLWithPath: repository.root + "/docs/noeol.md"))
        #expect(noEOL == Data("\u{FEFF}| # | Ticket | Model |\n|---|---|---|\n| 1 | Create seed data | haiku |".utf8))
    }

    @Test func anEmptyOrPlaceholderModelKeyIsFilledInPlace() throws {
        let repository = try TemporaryRepository()
        try repository.write(".claude/agents/auditor.md", "---\nname: auditor\ndescription: Audits OAuth flows.\nmodel: TBD\ncolor: red\n---\n")
        try repository.write(".claude/agents/empty.md", "---\nname: empty\ndescription: Checks password rules.\nmodel:\n---\n")
        try repository.tierlint(["fix"]).succeeded()
        #expect(try repository.read(".claude/agents/auditor.md") == "---\nname: auditor\ndescription: Audits OAuth flows.\nmodel: opus\ncolor: red\n---\n")
        #expect(try repository.read(".claude/agents/empty.md") == "---\nname: empty\ndescription: Checks password rules.\nmodel: opus\n---\n")
        try repository.tierlint(["check"]).succeeded()
    }

    @Test func initWritesACommentedConfigThatChecksAsThePreset() throws {
        let repository = try TemporaryRepository()
        let run = try repository.tierlint(["init", "--preset", "containment"]).succeeded()
        #expect(run.stdout.contains("preset containment"))
        let text = try repository.read(".tierlint.yml")
        #expect(text.contains("\npreset: containment\n"))
        #expect(text.contains("# rules:"))
        try repository.write("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | Implement SessionService | opus |\n")
        let check = try repository.tierlint(["check"])
        #expect(check.stdout.contains("[TL006 overkill]"), "\(check)")

        let again = try repository.tierlint(["init"])
        #expect(again.status == 2)
        #expect(again.stderr.contains("already exists"))
        try repository.tierlint(["init", "--force"]).succeeded()
        #expect(try repository.read(".tierlint.yml").contains("\npreset: finops\n"))
    }
}

/// Documentation drift in a pre-commit check: a changed agent is compared with the pages that
/// list it, though they are not staged.
@Suite struct DocDriftHookTests {
    @Test func changingAnAgentsModelReportsThePagesThatStillListTheOldOne() throws {
        let repository = try TemporaryRepository()
        try repository.write(".claude/agents/code-reviewer.md", "---\nname: code-reviewer\ndescription: Reviews pull requests.\nmodel: sonnet\n---\n")
        try repository.write("docs/agents.md", "| Agent | Model |\n|---|---|\n| code-reviewer | sonnet |\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()

        try repository.write(".claude/agents/code-reviewer.md", "---\nname: code-reviewer\ndescription: Reviews pull requests.\nmodel: opus\n---\n")
        try repository.git(["add", ".claude/agents/code-reviewer.md"]).succeeded()
        let check = try repository.tierlint(["check", "--staged"])
        #expect(check.stdout.contains("docs/agents.md:3:19: warning: the documentation says agent code-reviewer runs on sonnet"), "\(check)")
        #expect(check.status == 0)
    }

    @Test func changingAnAgentsModelReportsTheDispatchListsThatStillRunItOnTheOldOne() throws {
        let repository = try TemporaryRepository()
        try repository.write(".claude/agents/test-engineer.md", "---\nname: test-engineer\ndescription: Writes unit tests.\nmodel: haiku\n---\n")
        try repository.write("orchestrator/dispatch.yml", "dispatch:\n  - task: Write unit tests for the parser\n    agent: test-engineer\n    model: haiku\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()

        try repository.write(".claude/agents/test-engineer.md", "---\nname: test-engineer\ndescription: Writes unit tests.\nmodel: sonnet\n---\n")
        try repository.git(["add", ".claude/agents/test-engineer.md"]).succeeded()
        let staged = try repository.tierlint(["check", "--staged"])
        let whole = try repository.tierlint(["check", "."])
        #expect(staged.stdout.contains("orchestrator/dispatch.yml:4:12: warning: dispatch task"), "\(staged)")
        #expect(whole.stdout.contains("orchestrator/dispatch.yml:4:12: warning: dispatch task"), "\(whole)")
    }
}
