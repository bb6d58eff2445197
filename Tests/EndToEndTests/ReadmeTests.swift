import Foundation
import TestSupport
import Testing

/// The README is the front door; these keep it true of the binary it documents.
@Suite struct ReadmeTests {
    let readme: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../README.md").standardized
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    @Test func everyRuleIsInTheTable() throws {
        let repository = try TemporaryRepository()
        let rules = try repository.tierlint(["rules"]).succeeded().stdout
        for line in rules.split(separator: "\n") where line.hasPrefix("TL") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            #expect(readme.contains("| \(parts[0]) | `\(parts[1])` | \(parts[2]) |"), "\(parts[0]) \(parts[1]) is not in the README's rule table")
        }
    }

    @Test func everyCommandIsListed() throws {
        let repository = try TemporaryRepository()
        let help = try repository.tierlint(["--help"]).succeeded().stdout
        let section = help.components(separatedBy: "SUBCOMMANDS:").last ?? ""
        // Command lines are indented two spaces; their wrapped descriptions further.
        for line in section.split(separator: "\n") where line.hasPrefix("  ") && !line.hasPrefix("   ") {
            guard let command = line.split(separator: " ", omittingEmptySubsequences: true).first,
                  command.allSatisfy(\.isLetter), command != "See" else { continue }
            #expect(readme.contains("tierlint \(command)"), "tierlint \(command) is not in the README")
        }
    }

    @Test func theExampleOutputIsWhatTheBinaryPrints() throws {
        let repository = try TemporaryRepository(initialize: false)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        let run = try Shell.run(
            Shell.tierlint, ["check", "Examples/sprint-board"], in: root,
            environment: repository.environment.merging(["GIT_CEILING_DIRECTORIES": (root as NSString).deletingLastPathComponent]) { $1 })
        #expect(run.status == 1)
        #expect(readme.contains(run.stdout), "the README's example output is out of date:\n\(run.stdout)")
    }
}
