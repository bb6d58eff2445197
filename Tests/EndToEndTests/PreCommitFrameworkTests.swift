import Foundation
import TestSupport
import Testing

/// The Python interpreter that has the pre-commit framework, when this machine has one
/// (.ci/run installs it).
private let preCommitPython: String? = {
    let environment = ProcessInfo.processInfo.environment
    guard let run = try? Shell.run(
        "/usr/bin/env", ["python3", "-c", "import pre_commit, sys; print(sys.executable)"],
        in: FileManager.default.temporaryDirectory.path, environment: environment),
        run.status == 0 else { return nil }
    let path = run.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    return path.isEmpty ? nil : path
}()

/// This checkout, which is the hook repository `.pre-commit-hooks.yaml` describes.
private let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

/// tierlint as a hook repository of the pre-commit framework, driven by the real framework.
@Suite struct PreCommitFrameworkTests {
    @Test(.enabled(if: preCommitPython != nil, "the pre-commit framework is not installed (pip install pre-commit)"))
    func theInstalledHookStopsABadCommitAndLetsAGoodOneThrough() throws {
        let python = preCommitPython!
        // The framework clones the hook repository at a commit: the checkout's HEAD.
        let head = try Shell.run("/usr/bin/git", ["rev-parse", "HEAD"], in: checkout, environment: ProcessInfo.processInfo.environment)
        let revision = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tracked = try Shell.run(
            "/usr/bin/git", ["cat-file", "-e", "HEAD:.pre-commit-hooks.yaml"], in: checkout, environment: ProcessInfo.processInfo.environment)
        try #require(tracked.status == 0, "commit .pre-commit-hooks.yaml first")

        let repository = try TemporaryRepository()
        try repository.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(checkout)
                rev: \(revision)
                hooks:
                  - id: tierlint-system

            """)
        try repository.git(["add", "-A"]).succeeded()
        try Shell.run(python, ["-m", "pre_commit", "install"], in: repository.root, environment: repository.environment).succeeded()

        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let bad = try repository.commit("bad")
        #expect(bad.status != 0, "\(bad)")
        #expect(bad.output.contains("tierlint (model-tier policy, installed)"), "\(bad)")
        #expect(bad.output.contains("docs/backlog.md:6:33: error:"), "\(bad)")

        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        let good = try repository.commit("good")
        #expect(good.status == 0, "\(good)")

        // A commit that touches nothing tierlint reads skips the hook.
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try repository.addAll()
        let other = try repository.commit("code")
        #expect(other.status == 0, "\(other)")
        #expect(other.output.contains("(no files to check)Skipped"), "\(other)")
    }

    @Test(.enabled(if: preCommitPython != nil, "the pre-commit framework is not installed (pip install pre-commit)"))
    func allFilesAndRefRangesCheckWhatTheyName() throws {
        let python = preCommitPython!
        let revision = try Shell.run("/usr/bin/git", ["rev-parse", "HEAD"], in: checkout, environment: ProcessInfo.processInfo.environment)
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let repository = try TemporaryRepository()
        try repository.write(".pre-commit-config.yaml", """
            repos:
              - repo: \(checkout)
                rev: \(revision)
                hooks:
                  - id: tierlint-system

            """)
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit("legacy", ["--no-verify"]).succeeded()
        try repository.git(["checkout", "-q", "-b", "feature"]).succeeded()
        try repository.write("docs/new.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("feature", ["--no-verify"]).succeeded()

        // --all-files checks every file, the committed bad backlog too.
        let all = try Shell.run(python, ["-m", "pre_commit", "run", "--all-files"], in: repository.root, environment: repository.environment)
        #expect(all.status != 0, "\(all)")
        #expect(all.output.contains("docs/backlog.md:6:33: error:"), "\(all)")
        // A range checks the files it changed: the good one only.
        let range = try Shell.run(
            python, ["-m", "pre_commit", "run", "--from-ref", "main", "--to-ref", "feature"], in: repository.root,
            environment: repository.environment)
        #expect(range.status == 0, "\(range)")
    }
}
