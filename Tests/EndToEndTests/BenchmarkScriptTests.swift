import Foundation
import TestSupport
import Testing

private let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardized.path

private let hasBenchmarkTools = ["hyperfine", "python3"].allSatisfy { tool in
    (try? Shell.run("/usr/bin/env", ["sh", "-c", "command -v \(tool)"], in: "/", environment: ProcessInfo.processInfo.environment))?.status == 0
} && FileManager.default.isExecutableFile(atPath: "/usr/bin/time")

/// The benchmark script and its repository generator, run for real on the small size (the
/// timings themselves are not asserted: machines are noisy). `.ci/run` installs hyperfine.
@Suite(.serialized) struct BenchmarkScriptTests {
    @Test(.enabled(if: hasBenchmarkTools, "hyperfine, python3 or /usr/bin/time is missing (apt-get install hyperfine time)"))
    func theScriptMeasuresTheSmallRepositoryAndWritesTheTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tierlint-bench-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let output = folder + "/BENCHMARKS.md"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try "# Benchmarks\n\nKept text.\n\n<!-- results -->\nold\n<!-- /results -->\n\nAfter.\n".write(toFile: output, atomically: true, encoding: .utf8)
        var environment = ProcessInfo.processInfo.environment
        environment["TIERLINT_BENCH_DIR"] = folder + "/repositories"
        let run = try Shell.run(
            checkout + "/Benchmarks/run.sh", ["--tierlint", Shell.tierlint, "--runs", "2", "--output", output, "small"],
            in: checkout, environment: environment)
        #expect(run.status == 0, "\(run.description)")
        let text = try String(contentsOfFile: output, encoding: .utf8)
        #expect(text.hasPrefix("# Benchmarks\n\nKept text.\n"))
        #expect(text.hasSuffix("<!-- /results -->\n\nAfter.\n"))
        #expect(!text.contains("\nold\n"))
        for row in ["| small | pre-commit, one staged backlog |", "| small | `check --rev HEAD` |", "| small | `audit --rev HEAD` |",
                    "| small | start-up, `--version` |", "| small | `tierlint check --rev HEAD` |"] {
            #expect(text.contains(row), "\(row) missing from:\n\(text)")
        }
        #expect(text.contains("Reproduce with `Benchmarks/run.sh small`"))

        // The generated repository: the sizes the script promises, and real findings in it.
        let repository = folder + "/repositories/small"
        let files = try Shell.run("/usr/bin/git", ["ls-files"], in: repository, environment: environment)
        #expect(files.stdout.split(separator: "\n").count == 1_000)
        let check = try Shell.run(Shell.tierlint, ["check", "--rev", "HEAD", "--format", "json"], in: repository, environment: environment)
        #expect(check.status == 1)
        #expect(check.stdout.contains("\"security-tier\""))
    }

    @Test(.enabled(if: hasBenchmarkTools, "python3 is missing"))
    func theGeneratorMakesTheSameRepositoryEveryTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("tierlint-gen-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var heads: [String] = []
        for copy in ["a", "b"] {
            let run = try Shell.run(
                "/usr/bin/env", ["python3", checkout + "/Benchmarks/generate.py", "small", folder + "/" + copy],
                in: checkout, environment: ProcessInfo.processInfo.environment)
            try #require(run.status == 0, "\(run.description)")
            heads.append(try Shell.run("/usr/bin/git", ["rev-parse", "HEAD"], in: folder + "/" + copy,
                                       environment: ProcessInfo.processInfo.environment).stdout)
        }
        #expect(heads[0] == heads[1])
    }
}
