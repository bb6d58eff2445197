import Foundation

/// Installs and removes tierlint's pre-commit hook. A hook that was there before is moved
/// aside to `pre-commit.tierlint-previous`, still runs first, and is put back exactly on
/// uninstall (a rename keeps its bytes, mode and symlink-ness).
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
        return Location(directory: directory, outsideRepository: !inside, configuredAt: configured.level)
    }

    public enum Outcome: Equatable {
        case installed(hook: String, keptPrevious: String?)
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
        try FileManager.default.createDirectory(atPath: location.directory, withIntermediateDirectories: true)
        return try withLock(in: location.directory) {
            if let current = try? String(contentsOfFile: hook, encoding: .utf8), current.contains(Self.marker), !isSymlink(hook) {
                if current == Self.script { return .alreadyInstalled(hook: hook) }
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
            return .installed(hook: hook, keptPrevious: kept)
        }
    }

    public func uninstall() throws -> Outcome {
        let location = try location()
        let hook = location.directory + "/pre-commit"
        let previous = location.directory + "/" + Self.previousName
        guard let current = try? String(contentsOfFile: hook, encoding: .utf8), current.contains(Self.marker), !isSymlink(hook) else {
            return .notInstalled(hook: hook)
        }
        return try withLock(in: location.directory) {
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

    /// Two installs at once must not both move the same hook aside.
    private func withLock<T>(in directory: String, _ body: () throws -> T) throws -> T {
        let lock = directory + "/pre-commit.tierlint-lock"
        let descriptor = open(lock, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST {
                throw GitError(
                    "another tierlint install or uninstall is running in \(directory) (\(lock) exists); "
                        + "if none is, remove that file and try again")
            }
            throw GitError("cannot create \(lock): \(String(cString: strerror(errno)))")
        }
        close(descriptor)
        defer { unlink(lock) }
        return try body()
    }

    private func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }
}
