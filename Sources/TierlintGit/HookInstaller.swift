import Foundation

/// Installs and removes tierlint's pre-commit hook. A hook that was there before is moved
/// aside to `pre-commit.tierlint-previous`, still runs first, and is put back exactly on
/// uninstall (a rename keeps its bytes, mode and symlink-ness). It stays in the same folder, so
/// a relative symlink still resolves and files beside it are still beside it; a sh or bash
/// hook is run under tierlint's hook's path, so it sees its own name as before too. Hooks a
/// hook manager owns are not chained at all (see `HookManager`).
public struct HookInstaller {
    /// The script `hooks/pre-commit` in the source tree, built into the binary.
    public static let script = String(decoding: PackageResources.pre_commit, as: UTF8.self)
    static let marker = "# tierlint-hook-version:"
    static let previousName = "pre-commit.tierlint-previous"

    public let repository: GitRepository

    public init(repository: GitRepository) {
        self.repository = repository
    }

    /// Where git runs hooks from for this repository, and whether that is outside it.
    public struct Location: Equatable {
        public var directory: String
        /// Set when core.hooksPath sends hooks outside the repository (a global hooks folder).
        public var outsideRepository: Bool
        /// The config level core.hooksPath came from, when it is set.
        public var configuredAt: ConfigLevel?
        /// The hooks folder relative to the working tree's root, when core.hooksPath is a
        /// relative path: git then resolves it in each checkout, so every linked worktree runs
        /// the hook from its own copy of that folder.
        public var inCheckout: String?

        /// A relative core.hooksPath under `.git` (`.git/hooks-local`): a linked worktree
        /// resolves it in its own checkout, where `.git` is a file, and finds no hook.
        public var isInGitDirectory: Bool {
            inCheckout.map { $0 == ".git" || $0.hasPrefix(".git/") } ?? false
        }
    }

    public func location() throws -> Location {
        let base = repository.workdir ?? repository.gitDirectory
        guard let configured = try repository.configPath("core.hooksPath") else {
            return Location(directory: repository.commonDirectory + "/hooks", outsideRepository: false, configuredAt: nil)
        }
        // git resolves a relative core.hooksPath against the root of the working tree.
        let directory = FileSystemPath.absolute(configured.value, relativeTo: base)
        let roots = [repository.workdir, repository.commonDirectory, repository.gitDirectory].compactMap { $0 }
        let inside = roots.contains {
            FileSystemPath.isUnder(FileSystemPath.canonical(directory), FileSystemPath.canonical($0))
        }
        var location = Location(directory: directory, outsideRepository: !inside, configuredAt: configured.level)
        if !configured.value.hasPrefix("/"), let workdir = repository.workdir {
            location.inCheckout = FileSystemPath.relative(directory, to: workdir)
        }
        return location
    }

    /// The hook's path in the repository when git runs it from the checkout (a relative
    /// core.hooksPath) and the index does not hold tierlint's hook there: until it is
    /// committed, linked worktrees, which check out their own copy of the folder, and clones
    /// do not run it.
    public func hookToCommit(_ location: Location) -> String? {
        // Under `.git` nothing can be committed (see `isInGitDirectory`).
        guard let folder = location.inCheckout, !location.isInGitDirectory else { return nil }
        let path = folder.isEmpty ? "pre-commit" : folder + "/pre-commit"
        guard let index = try? repository.index(),
              let entry = index.entries().first(where: { $0.path == path && !$0.isIntentToAdd }),
              case .bytes(let bytes)? = try? repository.blob(entry.id, limit: 1 << 20)
        else { return path }
        return bytes == Array(Self.script.utf8) ? nil : path
    }

    public enum Outcome: Equatable {
        /// `previousRunsAsItself`: the kept hook is a sh or bash script, run under the hook's
        /// own path; any other program sees its name as `pre-commit.tierlint-previous`.
        case installed(hook: String, keptPrevious: String?, previousRunsAsItself: Bool)
        case updated(hook: String)
        case alreadyInstalled(hook: String)
        case uninstalled(hook: String, restoredPrevious: Bool)
        case notInstalled(hook: String)
    }

    public func install(allowOutsideRepository: Bool) throws -> Outcome {
        let location = try location()
        if location.outsideRepository && !allowOutsideRepository {
            throw GitError(
                "core.hooksPath points to \(location.directory), outside this repository, so a hook installed there "
                    + "would run for every repository that uses it; run `tierlint install --global-hooks` to install "
                    + "there anyway, or unset core.hooksPath")
        }
        let hook = location.directory + "/pre-commit"
        let previous = location.directory + "/" + Self.previousName
        // Before anything is written: a manager's hooks are left exactly as they are.
        let ours = isTierlintHook(hook)
        let chained = ours ? previous : hook
        let hooksPath = try repository.configPath("core.hooksPath")?.value
        if let manager = HookManager.owning(hooksPath: hooksPath, hookText: Self.head(of: chained)) {
            throw HookManagerConflict(
                manager: manager, directory: location.directory, tierlintHookInstalled: ours)
        }
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        return try withLock(in: location.directory) {
            if isTierlintHook(hook) {
                if (try? String(contentsOfFile: hook, encoding: .utf8)) == Self.script { return .alreadyInstalled(hook: hook) }
                try writeScript(to: hook)
                return .updated(hook: hook)
            }
            var kept: String?
            if exists(hook) {
                if exists(previous) {
                    throw GitError(
                        "\(hook) is not tierlint's hook, and \(previous) already exists, so installing would lose one of "
                            + "them; move one away and run `tierlint install` again")
                }
                try rename(hook, to: previous)
                kept = previous
            }
            try writeScript(to: hook)
            return .installed(
                hook: hook, keptPrevious: kept,
                previousRunsAsItself: kept.map { Self.isShellScript(Self.head(of: $0) ?? "") } ?? true)
        }
    }

    /// The shells the hook runs a kept hook with under its own path: those whose `.` keeps
    /// `$0` (zsh and ksh set it to the sourced file).
    static let shells: Set<String> = ["sh", "dash", "ash", "bash"]

    /// Whether a hook's `#!` line names one of `shells`, directly or through `env`; the hook
    /// script makes the same decision when it runs.
    static func isShellScript(_ text: String) -> Bool {
        guard text.hasPrefix("#!") else { return false }
        // A CR stays part of the line, as in the shell's `read`: `sh\r` is no shell.
        let line = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(2).prefix { $0 != "\n" }))
        var words = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if words.first?.hasSuffix("/env") == true {
            words.removeFirst()
            if words.first == "-S" { words.removeFirst() }
        }
        guard let interpreter = words.first?.split(separator: "/").last else { return false }
        return shells.contains(String(interpreter))
    }

    /// The start of a hook file (through a symlink), enough to recognise who wrote it.
    static func head(of path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.read(upToCount: 64 * 1024) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    private func isTierlintHook(_ hook: String) -> Bool {
        guard !isSymlink(hook), let text = Self.head(of: hook) else { return false }
        return text.contains(Self.marker)
    }

    public func uninstall() throws -> Outcome {
        let location = try location()
        let hook = location.directory + "/pre-commit"
        let previous = location.directory + "/" + Self.previousName
        guard isTierlintHook(hook) else { return .notInstalled(hook: hook) }
        return try withLock(in: location.directory) {
            // Another uninstall may have finished while this one waited, putting back the hook
            // that was there before; that one must not be removed.
            guard isTierlintHook(hook) else { return .notInstalled(hook: hook) }
            try FileManager.default.removeItem(atPath: hook)
            if exists(previous) {
                try rename(previous, to: hook)
                return .uninstalled(hook: hook, restoredPrevious: true)
            }
            return .uninstalled(hook: hook, restoredPrevious: false)
        }
    }

    // MARK: - File operations

    /// Writes the script next to the hook and renames it into place, so git never runs a
    /// half-written hook.
    private func writeScript(to hook: String) throws {
        let temporary = hook + ".tierlint-new-\(getpid())"
        guard FileManager.default.createFile(
            atPath: temporary, contents: Data(Self.script.utf8), attributes: [.posixPermissions: 0o755])
        else {
            throw GitError("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        do {
            try rename(temporary, to: hook)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
    }

    private func rename(_ from: String, to destination: String) throws {
        guard Foundation.rename(from, destination) == 0 else {
            throw GitError("cannot move \(from) to \(destination): \(String(cString: strerror(errno)))")
        }
    }

    /// Two installs at once must not both move the same hook aside, so they take turns: each
    /// waits for the other (which takes milliseconds) rather than failing. A lock left by a
    /// process that died is reported after the wait.
    private func withLock<T>(in directory: String, _ body: () throws -> T) throws -> T {
        let lock = directory + "/pre-commit.tierlint-lock"
        let deadline = Date().addingTimeInterval(Self.lockWait)
        var descriptor = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        while descriptor < 0 && errno == EEXIST && Date() < deadline {
            usleep(10_000)
            descriptor = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw GitError(
                    "another tierlint install or uninstall has been running in \(directory) for \(Int(Self.lockWait)) "
                        + "seconds (\(lock) exists); if none is, remove that file and try again")
            }
            throw GitError("cannot create \(lock): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        defer { unlink(lock) }
        return try body()
    }

    /// How long an install waits for another to finish.
    static let lockWait: TimeInterval = 10

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
