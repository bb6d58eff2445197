import Foundation
import TestSupport
import Testing

/// The hook that was there before tierlint, in every form git accepts one: it is kept, still
/// runs (or is said not to, when git would not run it either), and `uninstall` puts it back
/// exactly, even when installs race each other or the repository's path is hostile to a shell.
@Suite struct HookChainTests {
    /// Every entry of a hooks folder: kind, mode, mtime and bytes (or a link's target).
    func hooks(_ repository: TemporaryRepository, folder: String? = nil) throws -> [String: String] {
        let directory = folder ?? repository.root + "/.git/hooks"
        var entries: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: directory) {
            let path = directory + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            var text = "mode \(String(info.st_mode, radix: 8)) mtime \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
            if (info.st_mode & S_IFMT) == S_IFLNK {
                text += " link " + (try FileManager.default.destinationOfSymbolicLink(atPath: path))
            } else {
                text += " bytes " + (try Data(contentsOf: URL(fileURLWithPath: path))).base64EncodedString()
            }
            entries[name] = text
        }
        return entries
    }

    func stage(_ repository: TemporaryRepository, _ text: String, in folder: String? = nil) throws {
        try repository.write("docs/backlog.md", text, in: folder)
        try repository.git(["add", "docs/backlog.md"], in: folder).succeeded()
    }

    @Test func aSymlinkedHookStillRunsAndIsPutBackAsTheSameLink() throws {
        let repository = try TemporaryRepository()
        let log = repository.base + "/linked-hook-ran"
        try repository.write("tools/hooks/check.sh", "#!/bin/sh\necho \"ran as $(basename \"$0\")\" >> '\(log)'\n")
        chmod(repository.root + "/tools/hooks/check.sh", 0o755)
        try FileManager.default.createSymbolicLink(
            atPath: repository.root + "/.git/hooks/pre-commit", withDestinationPath: "../../tools/hooks/check.sh")
        let before = try hooks(repository)

        try repository.tierlint(["install"]).succeeded()
        try stage(repository, Fixture.goodBacklog)
        try repository.commit("through the linked hook").succeeded()
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "ran as pre-commit\n")
        try stage(repository, Fixture.badBacklog)
        #expect(try repository.commit("bad").status != 0)

        try repository.tierlint(["uninstall"]).succeeded()
        #expect(try hooks(repository) == before)
    }

    /// git skips a hook that is not executable (with a hint); so does the chain, and install
    /// says so instead of promising that it runs.
    @Test func aHookThatIsNotExecutableIsKeptReportedAndPutBackWithItsMode() throws {
        let repository = try TemporaryRepository()
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho 'should not run' >&2\nexit 1\n")
        chmod(repository.root + "/.git/hooks/pre-commit", 0o644)
        let before = try hooks(repository)

        let install = try repository.tierlint(["install"]).succeeded()
        #expect(install.stdout.contains("It is not executable, so git did not run it, and it still does not run"), "\(install)")
        #expect(install.stdout.contains("chmod +x '\(repository.root)/.git/hooks/pre-commit.tierlint-previous'"), "\(install)")
        #expect(!install.stdout.contains("still runs first"), "\(install)")
        try stage(repository, Fixture.goodBacklog)
        let commit = try repository.commit("not executable").succeeded()
        #expect(commit.stderr.contains("is not executable, so git would not run it; skipped it"), "\(commit)")
        #expect(!commit.stderr.contains("should not run"), "\(commit)")

        try repository.tierlint(["uninstall"]).succeeded()
        #expect(try hooks(repository) == before)
    }

    /// A compiled program as the hook (a copy of /bin/true or /bin/false): run as itself, its
    /// silent failure explained, and put back byte for byte.
    @Test(arguments: ["/bin/true", "/bin/false"])
    func aBinaryHookStillRunsAndIsPutBackByteForByte(program: String) throws {
        let repository = try TemporaryRepository()
        try FileManager.default.copyItem(atPath: program, toPath: repository.root + "/.git/hooks/pre-commit")
        chmod(repository.root + "/.git/hooks/pre-commit", 0o755)
        let before = try hooks(repository)

        let install = try repository.tierlint(["install"]).succeeded()
        #expect(install.stdout.contains("still runs first"), "\(install)")
        #expect(install.stdout.contains("not a sh or bash script"), "\(install)")
        try stage(repository, Fixture.goodBacklog)
        let commit = try repository.commit("through a binary hook")
        if program == "/bin/true" {
            try commit.succeeded()
        } else {
            #expect(commit.status != 0, "\(commit)")
            #expect(commit.stderr.contains(
                "the hook that was here before tierlint (.git/hooks/pre-commit.tierlint-previous) failed (exit 1), "
                    + "so the commit was stopped"), "\(commit)")
        }

        try repository.tierlint(["uninstall"]).succeeded()
        #expect(try hooks(repository) == before)
    }

    /// Hooks the pre-commit framework, husky and lefthook generate are theirs: install refuses
    /// with the advice for that manager, uninstall does not take them for tierlint's, and both
    /// leave every byte where it was.
    @Test(arguments: [
        ("#!/usr/bin/env bash\n# File generated by pre-commit: https://pre-commit.com\nexec python3 -mpre_commit \"$@\"\n",
         "add tierlint as a local hook in .pre-commit-config.yaml"),
        ("#!/bin/sh\n# husky\n. \"$(dirname \"$0\")/husky.sh\"\n", "\"husky\": {\"hooks\": {\"pre-commit\""),
        ("#!/bin/sh\nlefthook run \"pre-commit\" \"$@\"\n", "add tierlint to lefthook.yml"),
    ])
    func aManagersHookIsNeitherChainedNorRemoved(hook: String, advice: String) throws {
        let repository = try TemporaryRepository()
        try repository.write(".git/hooks/pre-commit", hook)
        chmod(repository.root + "/.git/hooks/pre-commit", 0o755)
        let before = try hooks(repository)
        let refused = try repository.tierlint(["install"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains(advice), "\(refused)")
        let uninstall = try repository.tierlint(["uninstall"]).succeeded()
        #expect(uninstall.stdout.contains("not installed"), "\(uninstall)")
        #expect(try hooks(repository) == before)
    }

    /// One of the processes `together` started.
    struct Raced: CustomStringConvertible {
        var status: Int32
        var stdout: String
        var stderr: String
        var description: String { "exit \(status)\n--- stdout\n\(stdout)--- stderr\n\(stderr)" }
    }

    /// Runs `tierlint ARGUMENTS` `count` times at once: each process waits for a start file,
    /// so that they really do race.
    func together(_ count: Int, _ arguments: [String], in repository: TemporaryRepository) throws -> [Raced] {
        let start = repository.base + "/start-\(UUID().uuidString)"
        let script = "while [ ! -e \"$1\" ]; do sleep 0.01; done; shift; exec \"$@\""
        var processes: [(Process, URL, URL)] = []
        for number in 0..<count {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script, "sh", start, Shell.tierlint] + arguments
            process.currentDirectoryURL = URL(fileURLWithPath: repository.root)
            process.environment = repository.environment
            let out = URL(fileURLWithPath: repository.base + "/together-\(number).out")
            let err = URL(fileURLWithPath: repository.base + "/together-\(number).err")
            for file in [out, err] { _ = FileManager.default.createFile(atPath: file.path, contents: nil) }
            process.standardOutput = try FileHandle(forWritingTo: out)
            process.standardError = try FileHandle(forWritingTo: err)
            try process.run()
            processes.append((process, out, err))
        }
        _ = FileManager.default.createFile(atPath: start, contents: nil)
        return processes.map { process, out, err in
            process.waitUntilExit()
            return Raced(
                status: process.terminationStatus,
                stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
        }
    }

    @Test func eightConcurrentInstallsMakeOneChainAndUninstallRestoresTheOriginal() throws {
        for round in 1...3 {
            let repository = try TemporaryRepository()
            let log = repository.base + "/previous-ran"
            try repository.write(".git/hooks/pre-commit", "#!/bin/sh\necho ran >> '\(log)'\n")
            chmod(repository.root + "/.git/hooks/pre-commit", 0o700)
            let before = try hooks(repository)

            let installs = try together(8, ["install"], in: repository)
            for run in installs { #expect(run.status == 0, "round \(round): \(run)") }
            #expect(installs.filter { $0.stdout.contains("Installed tierlint's pre-commit hook") }.count == 1, "\(installs)")
            #expect(installs.filter { $0.stdout.contains("already installed") }.count == 7, "\(installs)")
            let installed = try hooks(repository)
            #expect(Set(installed.keys) == Set(before.keys).union(["pre-commit.tierlint-previous"]), "\(installed.keys)")
            #expect(installed["pre-commit.tierlint-previous"] == before["pre-commit"])
            #expect(try repository.read(".git/hooks/pre-commit").contains("# tierlint-hook-version:"))

            try stage(repository, Fixture.goodBacklog)
            try repository.commit("through the chain").succeeded()
            #expect(try String(contentsOfFile: log, encoding: .utf8) == "ran\n")
            try stage(repository, Fixture.badBacklog)
            #expect(try repository.commit("bad").status != 0)

            let uninstalls = try together(8, ["uninstall"], in: repository)
            for run in uninstalls { #expect(run.status == 0, "round \(round): \(run)") }
            #expect(uninstalls.filter { $0.stdout.contains("Put back the hook") }.count == 1, "\(uninstalls)")
            #expect(try hooks(repository) == before, "round \(round)")
        }
    }

    /// A lock left behind by an install that died is waited for, then reported with what to do.
    @Test func aLockLeftByADeadInstallIsReportedAfterAWait() throws {
        let repository = try TemporaryRepository()
        try repository.write(".git/hooks/pre-commit", "#!/bin/sh\nexit 0\n")
        chmod(repository.root + "/.git/hooks/pre-commit", 0o755)
        let lock = repository.root + "/.git/hooks/pre-commit.tierlint-lock"
        _ = FileManager.default.createFile(atPath: lock, contents: nil)
        let before = try hooks(repository)
        let refused = try repository.tierlint(["install"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("(\(lock) exists); if none is, remove that file and try again"), "\(refused)")
        #expect(try hooks(repository) == before)
        try FileManager.default.removeItem(atPath: lock)
        try repository.tierlint(["install"]).succeeded()
    }

    /// Spaces, quotes, `$`, backticks, `$(...)` and a backslash in the repository's path: a
    /// shell that split or expanded it anywhere would break the install, the hook or the chain.
    @Test func aRepositoryPathThatAShellWouldMangleWorks() throws {
        let holder = try TemporaryRepository(initialize: false)
        let root = holder.base + "/it's a \"repo\" with $HOME `true` $(false) and \\ back"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try holder.git(["init", "-q", "-b", "main"], in: root).succeeded()
        let log = holder.base + "/previous-saw"
        try holder.write(".git/hooks/pre-commit", """
            #!/bin/sh
            printf '%s\\n' "$(basename "$0") in $(dirname "$0")" >> '\(log)'

            """, in: root)
        chmod(root + "/.git/hooks/pre-commit", 0o755)
        let folder = root + "/.git/hooks"
        let before = try hooks(holder, folder: folder)

        let install = try holder.tierlint(["install"], in: root).succeeded()
        #expect(install.stdout.contains(folder + "/pre-commit"), "\(install)")
        try stage(holder, Fixture.badBacklog, in: root)
        let stopped = try holder.commit("bad", in: root)
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/backlog.md:6:33: error:"), "\(stopped)")
        try stage(holder, Fixture.goodBacklog, in: root)
        try holder.commit("good", in: root).succeeded()
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "pre-commit in .git/hooks\npre-commit in .git/hooks\n")
        let fromOutside = try holder.tierlint(["check", "--staged", "-C", root], in: holder.base).succeeded()
        #expect(fromOutside.stdout.isEmpty, "\(fromOutside)")

        try holder.tierlint(["uninstall", "-C", root], in: holder.base).succeeded()
        #expect(try hooks(holder, folder: folder) == before)
    }
}
