import ArgumentParser
import Foundation
import TierlintCore
import TierlintGit

@main
struct Tierlint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tierlint",
        abstract: "Enforce an AI model-selection policy on backlogs and agent definitions.",
        discussion: """
            tierlint reads backlog tables (a Model column per ticket) and agent, command and skill \
            definitions (a `model:` in their frontmatter) and checks them against the policy: every \
            ticket and agent names a model the catalog knows, security and payment work is on opus, \
            and opus stays under its share. Exit status: 0 no errors, 1 errors found, 2 the check \
            could not run (usage, config or git error).
            """,
        version: TierlintInfo.version,
        subcommands: [Check.self, Audit.self, Spend.self, Init.self, Fix.self, Install.self, Uninstall.self, Rules.self, Explain.self],
        defaultSubcommand: Check.self)

    /// Exit codes are 0, 1 and 2 whatever goes wrong: argument errors are usage errors (2),
    /// not ArgumentParser's 64.
    static func main() {
        // Asked for the version alone, answer before the argument parser: its first look at
        // the commands' types costs more than the rest of this start-up.
        if CommandLine.arguments.dropFirst() == ["--version"] {
            printOut(TierlintInfo.version + "\n")
            Foundation.exit(0)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch let failure as CommandFailure {
            printError(failure.message)
            Foundation.exit(2)
        } catch let error as GitError {
            printError(error.message)
            Foundation.exit(2)
        } catch let error as ConfigurationError {
            printError(error.description)
            Foundation.exit(2)
        } catch {
            if exitCode(for: error) == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            printError(fullMessage(for: error), prefix: false)
            Foundation.exit(2)
        }
    }
}

/// Ends the process once the report is written. Returning would first free every path,
/// document and finding one by one, which on a large repository costs more than reading its
/// index; the operating system takes the memory back at once.
func finish(_ status: Int32) -> Never {
    fflush(nil)
    Foundation.exit(status)
}

/// An error the user can act on; exits with status 2.
struct CommandFailure: Error {
    var message: String
}

func printError(_ message: String, prefix: Bool = true) {
    let text = (prefix ? "tierlint: error: " : "") + message + "\n"
    FileHandle.standardError.write(Data(text.utf8))
}

func printOut(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
}
