import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented .tierlint.yml that documents every key with its default.",
        discussion: """
            The file names the preset and shows every other key with its value under that preset, \
            commented out. Presets: \(Preset.names.map { "\($0) (\(Preset.summaries[$0] ?? ""))" }.joined(separator: "; ")).
            """)

    @Option(name: .long, help: ArgumentHelp("The policy to start from: \(Preset.names.joined(separator: ", ")).", valueName: "name"))
    var preset = Preset.defaultName

    @Flag(name: .long, help: "Replace an existing .tierlint.yml.")
    var force = false

    @Flag(name: .long, help: "Print the file instead of writing it.")
    var stdout = false

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder.", valueName: "path"))
    var directory: String?

    func validate() throws {
        guard Preset.names.contains(preset) else {
            throw ValidationError("no preset named \"\(preset)\"; presets are \(Preset.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let text = try ConfigurationTemplate.render(preset: preset)
        if stdout {
            printOut(text)
            return
        }
        if let directory, !FileManager.default.changeCurrentDirectoryPath(directory) {
            throw CommandFailure(message: "cannot change to the folder \(directory)")
        }
        // The policy lives at the repository's root, where tierlint reads it.
        let root = (try? GitRepository.open())?.workdir ?? FileManager.default.currentDirectoryPath
        let path = root + "/" + ConfigurationLoader.fileName
        if FileManager.default.fileExists(atPath: path) && !force {
            throw CommandFailure(message: "\(path) already exists; use --force to replace it, or --stdout to print the template")
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw CommandFailure(message: "cannot write \(path)")
        }
        printOut("Wrote \(path) (preset \(preset)); every key is listed with its default, commented out.\n")
    }
}
