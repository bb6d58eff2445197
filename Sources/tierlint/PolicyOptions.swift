import ArgumentParser

/// The options of every command that reads a repository's policy: which policy file, and
/// where to run.
struct PolicyOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Read the policy from this file instead of the repository's .tierlint.yml.", valueName: "file"))
    var config: String?

    @Option(name: .customShort("C"), help: ArgumentHelp("Run as if started in this folder.", valueName: "path"))
    var directory: String?
}
