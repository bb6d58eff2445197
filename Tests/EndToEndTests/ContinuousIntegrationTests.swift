import Foundation
import TestSupport
import Testing

/// The CI lint step: a pull request's files with --since, reports where reviewers look.
@Suite struct ContinuousIntegrationTests {
    /// main with a bad backlog committed before the branch; a feature branch that adds one
    /// bad and one good file; main moving on after the branch with another bad file.
    private func pullRequest() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/old.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit("base").succeeded()
        try repository.git(["checkout", "-q", "-b", "feature"]).succeeded()
        try repository.write("docs/new.md", Fixture.badBacklog)
        try repository.write("docs/fine.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("feature").succeeded()
        try repository.git(["checkout", "-q", "main"]).succeeded()
        try repository.write("docs/later.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit("main moves on").succeeded()
        try repository.git(["checkout", "-q", "feature"]).succeeded()
        return repository
    }

    @Test func sinceChecksOnlyWhatTheBranchChangedReadFromHead() throws {
        let repository = try pullRequest()
        // The working tree differs from HEAD; --since reads the commit.
        try repository.write("docs/new.md", Fixture.goodBacklog)
        let run = try repository.tierlint(["check", "--since", "main", "--format", "json"])
        #expect(run.status == 1, "\(run)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "main...HEAD")
        let paths = Set(((json["findings"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String })
        // Not docs/old.md (before the branch) and not docs/later.md (main after the branch).
        #expect(paths == ["docs/new.md"])
        #expect((json["summary"] as? [String: Int])?["files"] == 2)
    }

    @Test func aChangedPolicyChecksEveryFile() throws {
        let repository = try pullRequest()
        try repository.write(".tierlint.yml", "rules:\n  uniform-sprint: off\n")
        try repository.addAll()
        try repository.commit("policy").succeeded()
        let run = try repository.tierlint(["check", "--since", "main"])
        #expect(run.status == 1)
        #expect(run.stdout.contains("docs/old.md:6:33"), "\(run)")
        #expect(run.stdout.contains("docs/new.md:6:33"))
    }

    @Test func sinceWithRevChecksAnotherBranchAgainstItsBase() throws {
        let repository = try pullRequest()
        try repository.git(["checkout", "-q", "main"]).succeeded()
        let run = try repository.tierlint(["check", "--since", "main", "--rev", "feature", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stdout == "docs/new.md:6:33: error: ticket 1.2 \"Implement OAuth login\" is security work (\"OAuth\", \"login\") "
            + "but is on sonnet; security and payment work needs opus or above [TL003 security-tier]\n")
        // Nothing changed since itself.
        let none = try repository.tierlint(["check", "--since", "feature", "--rev", "feature"]).succeeded()
        #expect(none.stdout.contains("No problems in 0 files"))
    }

    @Test func sinceExplainsAMissingBaseOrHistory() throws {
        let repository = try pullRequest()
        let unknown = try repository.tierlint(["check", "--since", "origin/nowhere"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("origin/nowhere is not a revision"), "\(unknown)")

        try repository.git(["checkout", "-q", "--orphan", "island"]).succeeded()
        try repository.commit("unrelated").succeeded()
        let unrelated = try repository.tierlint(["check", "--since", "main"])
        #expect(unrelated.status == 2)
        #expect(unrelated.stderr.contains("no common ancestor"), "\(unrelated)")
        #expect(unrelated.stderr.contains("fetch-depth: 0"))

        let both = try repository.tierlint(["check", "--staged", "--since", "main"])
        #expect(both.status == 2)
    }

    @Test func insideGitHubActionsFindingsAreAnnotationsAndTheJobSummaryGrows() throws {
        let repository = try pullRequest()
        let summary = repository.base + "/summary.md"
        try "previous step\n".write(toFile: summary, atomically: true, encoding: .utf8)
        let run = try repository.tierlint(
            ["check", "--since", "main"], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("::error file=docs/new.md,line=6,col=33,title=TL003 security-tier::ticket 1.2"), "\(run)")
        let written = try String(contentsOfFile: summary, encoding: .utf8)
        #expect(written.hasPrefix("previous step\n## tierlint: 1 error\n"), "\(written)")
        #expect(written.contains("| ❌ error | `docs/new.md:6:33` | TL003 `security-tier` |"))

        // An explicit format wins, and only the github format writes the summary.
        let text = try repository.tierlint(
            ["check", "--since", "main", "--format", "text"], environment: ["GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": summary])
        #expect(text.stdout.hasPrefix("docs/new.md:6:33: error:"))
        #expect(try String(contentsOfFile: summary, encoding: .utf8) == written)
    }

    @Test func outputWritesTheReportToAFile() throws {
        let repository = try pullRequest()
        let run = try repository.tierlint(["check", "--rev", "HEAD", "--format", "sarif", "--output", "out/tierlint.sarif"])
        #expect(run.status == 2, "the folder does not exist: \(run)")
        #expect(run.stderr.contains("cannot write the report to out/tierlint.sarif"))

        let written = try repository.tierlint(["check", "--rev", "HEAD", "--format", "sarif", "--output", "tierlint.sarif"])
        #expect(written.status == 1)
        #expect(written.stdout.isEmpty)
        let sarif = try repository.read("tierlint.sarif")
        #expect(sarif.contains(#""version":"2.1.0""#))
        #expect(sarif.contains(#""uri":"docs/new.md""#))
    }

    @Test func aDeletedPolicyChecksEveryFile() throws {
        let repository = try TemporaryRepository()
        try repository.write(".tierlint.yml", "rules:\n  security-tier: off\n")
        try repository.write("docs/old.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit("base").succeeded()
        try repository.git(["checkout", "-q", "-b", "feature"]).succeeded()
        try repository.git(["rm", "-q", ".tierlint.yml"]).succeeded()
        try repository.write("docs/other.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("drop the policy").succeeded()
        let run = try repository.tierlint(["check", "--since", "main"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("docs/old.md:6:33"))
    }

    @Test func aShallowCloneSaysToFetchTheHistory() throws {
        let origin = try pullRequest()
        try origin.git(["checkout", "-q", "main"]).succeeded()
        for index in 1...3 {
            try origin.write("docs/more\(index).md", Fixture.goodBacklog)
            try origin.addAll()
            try origin.commit("more \(index)").succeeded()
        }
        let clone = try TemporaryRepository(initialize: false)
        try clone.git(["clone", "-q", "--depth", "1", "--branch", "feature", "file://\(origin.root)", clone.root], in: clone.base).succeeded()
        try clone.git(["fetch", "-q", "--depth", "1", "origin", "main:refs/remotes/origin/main"]).succeeded()
        let run = try clone.tierlint(["check", "--since", "origin/main"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("this clone is shallow"), "\(run)")
        #expect(run.stderr.contains("fetch-depth: 0"))
    }

    @Test func aBaselineRecordsTheWholeRepositoryOnly() throws {
        let repository = try pullRequest()
        for arguments in [["--write-baseline", "b.json", "docs"], ["--write-baseline", "b.json", "--staged"],
                          ["--write-baseline", "b.json", "--baseline", "c.json"]] {
            let run = try repository.tierlint(["check"] + arguments)
            #expect(run.status == 2, "\(arguments): \(run)")
            #expect(!repository.exists("b.json"))
        }
    }
}
