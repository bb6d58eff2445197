import Foundation
import TestSupport
import Testing

/// `tierlint install` and `uninstall`: an existing hook is kept and still runs, installing
/// twice changes nothing, and uninstalling puts back exactly what was there.
@Suite struct InstallTests {
    func snapshot(_ path: String) throws -> (bytes: Data, mode: Int) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        return (try Data(contentsOf: URL(fileURLWithPath: path)), (attributes[.posixPermissions] as? Int) ?? 0)
    }

    @Test func installsTheScriptFromHooksFolder() throws {
        let repository = try TemporaryRepository()
        let run = try repository.tierlint(["install"]).succeeded()
        #expect(run.stdout.contains("Installed tierlint's pre-commit hook"))
        let hook = repository.root + "/.git/hooks/pre-commit"
        let installed = try snapshot(hook)
        #expect(installed.mode == 0o755)
        // The installed hook is the repository's hooks/pre-commit, byte for byte.
        let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../hooks/pre-commit").standardized
        #expect(installed.bytes == (try Data(contentsOf: source)))
    }

    @Test func installingTwiceChangesNothing() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        let hooks = repository.root + "/.git/hooks"
        let before = try FileManager.default.contentsOfDirectory(atPath: hooks).sorted()
        let hook = try snapshot(hooks + "/pre-commit")
        let again = try repository.tierlint(["install"]).succeeded()
        #expect(again.stdout.contains("already installed"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: hooks).sorted() == before)
        #expect(try snapshot(hooks + "/pre-commit").bytes == hook.bytes)
    }

    @Test func anExistingHookIsKeptAndStillRunsFirst() throws {
        let repository = try TemporaryRepository()
        let hook = repository.root + "/.git/hooks/pre-commit"
        let log = repository.base + "/previous-ran"
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho ran >> '\(log)'\nexit 0\n")
        chmod(hook, 0o750)
        let original = try snapshot(hook)

        let install = try repository.tierlint(["install"]).succeeded()
        #expect(install.stdout.contains("pre-commit.tierlint-previous"))

        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit().succeeded()
        #expect(FileManager.default.fileExists(atPath: log))

        try repository.tierlint(["uninstall"]).succeeded()
        let restored = try snapshot(hook)
        #expect(restored.bytes == original.bytes)
        #expect(restored.mode == original.mode)
        #expect(!FileManager.default.fileExists(atPath: repository.root + "/.git/hooks/pre-commit.tierlint-previous"))
    }

    @Test func aFailingExistingHookStillFailsTheCommit() throws {
        let repository = try TemporaryRepository()
        let hook = repository.root + "/.git/hooks/pre-commit"
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'previous hook says no' >&2\nexit 3\n")
        chmod(hook, 0o755)
        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        let commit = try repository.commit()
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("previous hook says no"))
    }

    @Test func anExistingSymlinkHookIsPutBackAsASymlink() throws {
        let repository = try TemporaryRepository()
        try repository.write("tools/hook.sh", "#!/bin/sh\nexit 0\n")
        chmod(repository.root + "/tools/hook.sh", 0o755)
        let hook = repository.root + "/.git/hooks/pre-commit"
        try FileManager.default.createDirectory(atPath: repository.root + "/.git/hooks", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: hook, withDestinationPath: "../../tools/hook.sh")

        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit().succeeded()

        try repository.tierlint(["uninstall"]).succeeded()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: hook) == "../../tools/hook.sh")
    }

    @Test func uninstallWithoutAHookChangesNothing() throws {
        let repository = try TemporaryRepository()
        let run = try repository.tierlint(["uninstall"]).succeeded()
        #expect(run.stdout.contains("not installed"))
        #expect(!FileManager.default.fileExists(atPath: repository.root + "/.git/hooks/pre-commit"))
    }

    @Test func uninstallLeavesSomeoneElsesHookAlone() throws {
        let repository = try TemporaryRepository()
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        let before = try snapshot(repository.root + "/.git/hooks/pre-commit")
        let run = try repository.tierlint(["uninstall"]).succeeded()
        #expect(run.stdout.contains("not installed"))
        #expect(try snapshot(repository.root + "/.git/hooks/pre-commit").bytes == before.bytes)
    }

    @Test func installOutsideARepositoryIsAnError() throws {
        let repository = try TemporaryRepository(initialize: false)
        let run = try repository.tierlint(["install"], environment: ["GIT_CEILING_DIRECTORIES": repository.base])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("not in a git repository"))
    }

    @Test func aPathWithSpacesAndQuotesWorks() throws {
        let repository = try TemporaryRepository(initialize: false)
        let odd = repository.base + "/it's a \"repo\""
        try FileManager.default.createDirectory(atPath: odd, withIntermediateDirectories: true)
        try repository.git(["init", "-q", "-b", "main"], in: odd).succeeded()
        try repository.tierlint(["install"], in: odd).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog, in: odd)
        try repository.git(["add", "-A"], in: odd).succeeded()
        let commit = try repository.commit("odd path", in: odd)
        #expect(commit.status != 0, "\(commit)")
        #expect(commit.output.contains("TL003"))
    }
}
