import ArgumentParser
import Foundation
import TierlintGit

struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "install",
        abstract: "Install tierlint as this repository's git pre-commit hook.",
        discussion: """
            Writes the hook where git runs it (core.hooksPath is honoured; linked worktrees share \
            it, or with a relative core.hooksPath, once it is committed). A pre-commit hook that is already there is kept as pre-commit.tierlint-previous \
            and still runs first; its failure still fails the commit. Installing twice changes \
            nothing; `tierlint uninstall` puts back exactly what was there. Hooks that a hook \
            manager owns (husky, pre-commit, lefthook, overcommit, yorkie, simple-git-hooks) are \
            left alone: install says how to run tierlint from the manager instead.
            """)

    @Flag(name: .long, help: "Install even when core.hooksPath points outside this repository (a global hooks folder).")
    var globalHooks = false

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder.", valueName: "path"))
    var directory: String?

    func run() throws {
        let installer = HookInstaller(repository: try openRepository(directory))
        let location = try installer.location()
        let outcome: HookInstaller.Outcome
        do {
            outcome = try installer.install(allowOutsideRepository: globalHooks)
        } catch let conflict as HookManagerConflict {
            throw CommandFailure(message: conflict.description)
        }
        switch outcome {
        case .installed(let hook, let previous, let runsAsItself):
            printOut("Installed tierlint's pre-commit hook at \(hook).\n")
            if let previous {
                if !FileManager.default.isExecutableFile(atPath: previous) {
                    // git skips a hook that is not executable, and so does tierlint's hook.
                    printOut(
                        "The hook that was there is kept as \(previous). It is not executable, so git did not run it, "
                            + "and it still does not run; to run it first, make it executable: chmod +x '\(previous.replacingOccurrences(of: "'", with: "'\\''"))'\n")
                } else {
                    printOut("The hook that was there is kept as \(previous) and still runs first.\n")
                }
                if !runsAsItself {
                    // Only a sh or bash script can be run under the hook's own path.
                    printOut(
                        "It is not a sh or bash script, so it now runs under the name pre-commit.tierlint-previous: "
                            + "if it decides what to do from its own file name or folder ($0), call tierlint from it "
                            + "instead (`tierlint uninstall`, then add `tierlint check --staged` to it).\n")
                }
            }
        case .updated(let hook):
            printOut("Updated tierlint's pre-commit hook at \(hook).\n")
        case .alreadyInstalled(let hook):
            printOut("tierlint's pre-commit hook is already installed at \(hook); nothing changed.\n")
        default:
            break
        }
        if let hook = installer.hookToCommit(location), let folder = location.inCheckout {
            printOut(
                "Note: core.hooksPath is the relative path \(folder), so git runs the hook from each checkout's own "
                    + "\(folder) folder: linked worktrees (`git worktree add`) do not run it until you commit \(hook), "
                    + "and a clone runs it once it sets core.hooksPath too.\n")
        }
        if location.isInGitDirectory, let folder = location.inCheckout {
            printOut(
                "Note: core.hooksPath is the relative path \(folder), which linked worktrees resolve in their own "
                    + "checkout, where .git is a file, so they run no hook; set it to the absolute path to share the "
                    + "hook with them: git config core.hooksPath \(location.directory)\n")
        }
        if location.outsideRepository {
            printOut("Note: \(location.directory) is outside this repository; every repository using it now runs tierlint.\n")
        }
        if let warning = hookFindabilityWarning() { printError(warning, prefix: false) }
    }

    /// The hook looks for tierlint on PATH and in two usual places; say so when it will not
    /// find the program that is installing it.
    private func hookFindabilityWarning() -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
        let onPath = path.split(separator: ":").contains { FileManager.default.isExecutableFile(atPath: "\($0)/tierlint") }
        let usual = ["\(homeDirectory())/.local/bin/tierlint", "/usr/local/bin/tierlint"]
        if onPath || usual.contains(where: FileManager.default.isExecutableFile(atPath:)) { return nil }
        let me = FileSystemPath.canonical(CommandLine.arguments[0].contains("/") ? CommandLine.arguments[0] : "/proc/self/exe")
        return "warning: the hook will not find tierlint on PATH; add \((me as NSString).deletingLastPathComponent) "
            + "to PATH, or run: git config tierlint.path \(me)"
    }
}

struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "uninstall",
        abstract: "Remove tierlint's pre-commit hook and put back the hook that was there before.")

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder.", valueName: "path"))
    var directory: String?

    func run() throws {
        let installer = HookInstaller(repository: try openRepository(directory))
        switch try installer.uninstall() {
        case .uninstalled(let hook, let restored):
            printOut("Removed tierlint's pre-commit hook from \(hook).\n")
            if restored { printOut("Put back the hook that was there before.\n") }
        case .notInstalled(let hook):
            printOut("tierlint's pre-commit hook is not installed at \(hook); nothing changed.\n")
        default:
            break
        }
    }
}

func openRepository(_ directory: String?) throws -> GitRepository {
    if let directory, !FileManager.default.changeCurrentDirectoryPath(directory) {
        throw CommandFailure(message: "cannot change to the folder \(directory)")
    }
    do {
        return try GitRepository.open()
    } catch let error as GitError where error.isNotARepository {
        throw CommandFailure(message: "\(FileManager.default.currentDirectoryPath) is not in a git repository")
    }
}
