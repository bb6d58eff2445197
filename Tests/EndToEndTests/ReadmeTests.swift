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

    /// Runs the built binary at the root of this repository, as the README's examples do.
    private func runAtRoot(_ arguments: [String]) throws -> Run {
        let repository = try TemporaryRepository(initialize: false)
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path
        return try Shell.run(
            Shell.tierlint, arguments, in: root,
            environment: repository.environment.merging(["GIT_CEILING_DIRECTORIES": (root as NSString).deletingLastPathComponent]) { $1 })
    }

    @Test func theExampleOutputIsWhatTheBinaryPrints() throws {
        let run = try runAtRoot(["check", "Examples/sprint-board"])
        #expect(run.status == 1)
        #expect(readme.contains(run.stdout), "the README's example output is out of date:\n\(run.stdout)")
    }

    /// The spend example's whole output, in a block of its own, and the budget lines of the
    /// second example (indented in a list).
    @Test func theSpendExampleOutputIsWhatTheBinaryPrints() throws {
        let run = try runAtRoot(["spend", "Examples/spend/executions.jsonl"])
        #expect(run.status == 0, "\(run)")
        #expect(readme.contains("```sh\ntierlint spend Examples/spend/executions.jsonl\n```"))
        #expect(readme.contains("```text\n" + run.stdout + "```"), "the README's spend output is out of date:\n\(run.stdout)")
        let budget = try runAtRoot(["spend", "Examples/spend/executions.jsonl", "--by", "week", "--budget", "20", "--no-drift"])
        let lines = budget.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        let start = try #require(lines.firstIndex { $0.hasPrefix("Budget ") })
        let block = lines[start..<(start + 3)].map { "  " + $0 + "\n" }.joined()
        #expect(readme.contains("$ tierlint spend Examples/spend/executions.jsonl --by week --budget 20 --no-drift\n  ...\n" + block), "\(block)")
    }
}
