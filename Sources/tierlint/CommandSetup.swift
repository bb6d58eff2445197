import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

/// What the commands that read a repository share: `-C`, `--config`, where the files come
/// from, and whether to paint.
enum CommandSetup {
    /// `-C DIR`: everything after runs as if started there, as with git.
    static func changeDirectory(_ directory: String?) throws {
        if let directory, !FileManager.default.changeCurrentDirectoryPath(directory) {
            throw CommandFailure(message: "cannot change to the folder \(directory)")
        }
    }

    /// `--config FILE`, read from disk; `nil` reads `.tierlint.yml` from the source.
    static func policyFile(_ path: String?) throws -> (file: String, content: SourceFile.Content)? {
        guard let path else { return nil }
        guard let content = try? DiskFile.read(path, limit: LintRun.configurationLimit) else {
            throw ConfigurationError(file: path, line: nil, key: nil, message: "the file cannot be read (does it exist?)")
        }
        return (path, content)
    }

    /// The index, a tree (whole, or what changed since a base), the working tree, or outside
    /// git a plain folder; narrowed to PATHs.
    static func source(staged: Bool = false, revision: String?, since: String? = nil, paths: [String]) throws -> any FileSource {
        guard staged || revision != nil || since != nil else { return try WorkingSource.make(paths: paths) }
        let repository = try GitRepository.open()
        let base: any FileSource = staged
            ? try IndexSource(repository: repository)
            : try TreeSource(repository: repository, revision: revision ?? "HEAD", since: since)
        return try WorkingSource.narrow(base, to: paths)
    }

    /// What a hook of the pre-commit framework checks. Inside a commit git hands hooks the
    /// index it will commit (`GIT_INDEX_FILE`): its staged files. `pre-commit run --from-ref A
    /// --to-ref B` names a range: the files changed in it. Otherwise (`pre-commit run
    /// --all-files`, a CI job) every file of the index, so that a run outside a commit never
    /// passes by checking nothing.
    static func preCommitFrameworkSource(paths: [String]) throws -> any FileSource {
        let environment = ProcessInfo.processInfo.environment
        let repository = try GitRepository.open()
        let base: any FileSource
        if let from = environment["PRE_COMMIT_FROM_REF"], let to = environment["PRE_COMMIT_TO_REF"], !from.isEmpty, !to.isEmpty {
            base = try TreeSource(repository: repository, revision: to, since: from)
        } else {
            base = try IndexSource(repository: repository, onlyStaged: environment["GIT_INDEX_FILE"] != nil)
        }
        return try WorkingSource.narrow(base, to: paths)
    }

    /// `--color auto|always|never`; auto paints on a terminal unless NO_COLOR is set.
    static func useColor(_ option: String, stream: Int32 = STDOUT_FILENO) -> Bool {
        switch option {
        case "always": return true
        case "never": return false
        default:
            if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
            if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
            return isatty(stream) != 0
        }
    }

    static func validateColor(_ option: String) throws {
        guard ["auto", "always", "never"].contains(option) else {
            throw ValidationError("--color takes auto, always or never, not \"\(option)\"")
        }
    }
}
