import Foundation
import TestSupport
import Testing

/// Split and sparse indexes, which git writes and libgit2 1.5 cannot read: every mode says
/// exactly what to run, and running it (with git 2.39) makes the commit go through.
@Suite struct IndexFormatTests {
    /// A repository with one commit, a `docs/` and an `app/` folder, and the hook installed.
    func installedRepository() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.write("app/main.c", "int main(void) { return 0; }\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()
        return repository
    }

    /// The command the message ends with ("... with: COMMAND"), run as a user would paste it.
    func followAdvice(_ message: String, in repository: TemporaryRepository) throws {
        let line = try #require(message.split(separator: "\n").first { $0.contains("tierlint: error:") })
        let advice = try #require(line.range(of: "with: ").map { String(line[$0.upperBound...]) })
        try Shell.run("/bin/sh", ["-c", advice], in: repository.root, environment: repository.environment).succeeded()
    }

    @Test func aSplitIndexSaysHowToTurnItOffAndThatWorks() throws {
        let repository = try installedRepository()
        try repository.git(["config", "core.splitIndex", "true"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.addAll()

        let stopped = try repository.commit("split")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.stderr.contains("index is split"), "\(stopped)")
        #expect(stopped.stderr.contains("git config core.splitIndex false && git update-index --no-split-index"))
        for mode in [["check"], ["check", "--staged"]] {
            let check = try repository.tierlint(mode)
            #expect(check.status == 2, "\(mode): \(check)")
            #expect(check.stderr.contains("git config core.splitIndex false"), "\(mode): \(check)")
        }

        // `--no-split-index` alone is undone by the next index write while the config asks for it.
        try repository.git(["update-index", "--no-split-index"]).succeeded()
        try repository.write("docs/notes.md", "notes\n")
        try repository.addAll()
        #expect(try repository.commit("half the advice").status != 0)

        try followAdvice(stopped.stderr, in: repository)
        try repository.write("docs/more.md", "more\n")
        try repository.addAll()
        try repository.commit("after the advice").succeeded()
        try repository.tierlint(["check"]).succeeded()
    }

    @Test func aSparseIndexSaysHowToExpandItAndThatWorks() throws {
        let repository = try installedRepository()
        try repository.git(["sparse-checkout", "init", "--cone", "--sparse-index"]).succeeded()
        try repository.git(["sparse-checkout", "set", "docs"]).succeeded()
        #expect(!repository.exists("app/main.c"))
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.addAll()

        let stopped = try repository.commit("sparse")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.stderr.contains("sparse index"), "\(stopped)")
        #expect(stopped.stderr.contains("git sparse-checkout init --no-sparse-index"))
        let check = try repository.tierlint(["check"])
        #expect(check.status == 2, "\(check)")
        #expect(check.stderr.contains("git sparse-checkout init --no-sparse-index"))

        try followAdvice(stopped.stderr, in: repository)
        try repository.commit("after the advice").succeeded()
        // The sparse checkout itself is kept, and the hook still judges the staged files.
        #expect(!repository.exists("app/main.c"))
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let bad = try repository.commit("bad backlog")
        #expect(bad.status != 0)
        #expect(bad.output.contains("TL003"), "\(bad)")
    }
}
