import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

struct Fix: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fix",
        abstract: "Fill missing models where the policy gives one clear answer (working tree only).",
        discussion: """
            A ticket or agent without a model gets one when exactly one suggestion is clear: \
            security work gets the security tier; otherwise its task pattern, complexity score \
            and owner's role must agree, and a Cost Tier cell must not budget another tier. \
            Nothing else changes: a file stays byte-identical (comments included) \
            outside the cells (and frontmatter lines) it fills. fix writes the working tree, \
            never the index; review and stage the result yourself.
            """)

    @Argument(help: "Files or folders to fix (default: all).")
    var paths: [String] = []

    @Flag(name: .long, help: "Print the changes as a diff instead of writing them.")
    var dryRun = false

    @OptionGroup var policy: PolicyOptions

    func run() throws {
        try CommandSetup.changeDirectory(policy.directory)
        let source = try WorkingSource.make(paths: paths)
        let given = try CommandSetup.policyFile(policy.config)
        let planned = try ModelFixer.plan(try LintRun(source: source, configuration: given))
        let display = DisplayPaths(cwd: FileManager.default.currentDirectoryPath, root: source.root)
        // A sparse checkout leaves the files outside its cone off disk; the check reads them from
        // the index, but a fix written to disk there would be hidden from git.
        let changes = planned.filter { change in
            if FileManager.default.fileExists(atPath: source.root + "/" + change.path) { return true }
            printError("\(display.path(for: change.path)) is outside the sparse checkout, so it was not fixed; add its "
                + "folder with `git sparse-checkout add FOLDER` and run tierlint fix again", prefix: false)
            return false
        }
        var output = ""
        for change in changes {
            if dryRun {
                output += UnifiedDiff.render(path: change.path, original: change.original, fixed: change.fixed)
            } else {
                try DiskFile.replace(source.root + "/" + change.path, with: change.fixed)
            }
            for fill in change.fills {
                let verb = dryRun ? "would fill" : "filled"
                let line = "\(display.path(for: fill.path)):\(fill.line):\(fill.column): \(verb) \(fill.tier) for \(fill.subject) "
                    + "(\(fill.reasons.joined(separator: "; ")))\n"
                if dryRun { FileHandle.standardError.write(Data(line.utf8)) } else { output += line }
            }
        }
        let count = changes.reduce(0) { $0 + $1.fills.count }
        let summary = count == 0
            ? "Nothing to fill: no missing model has one clear suggestion.\n"
            : "\(dryRun ? "Would fill" : "Filled") \(count) model\(count == 1 ? "" : "s") in \(changes.count) file\(changes.count == 1 ? "" : "s").\n"
        printOut(output)
        FileHandle.standardError.write(Data(summary.utf8))
    }
}
