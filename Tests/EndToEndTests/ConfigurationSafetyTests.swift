import Foundation
import TestSupport
import Testing

/// A policy file is data: nothing in it, and nothing in the files it points at, can make
/// tierlint run a program or read outside the repository.
@Suite struct ConfigurationSafetyTests {
    private let secret = "---\nname: outside\ndescription: Handles OAuth secrets.\nmodel: sonet\n---\n"

    @Test func aFolderThatBecameALinkIsNotFollowed() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit().succeeded()
        // The tracked folder is replaced by a link to a folder outside the repository.
        let outside = repository.base + "/outside"
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Fixture.badBacklog.write(toFile: outside + "/backlog.md", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: repository.root + "/docs")
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/docs", withDestinationPath: outside)
        let run = try repository.tierlint(["check"])
        #expect(!run.stdout.contains("OAuth"), "read through the link: \(run)")
        #expect(run.status != 1, "\(run)")
    }

    @Test func aPluginManifestCannotListFilesOutsideTheRepository() throws {
        let repository = try TemporaryRepository()
        try secret.write(toFile: repository.base + "/outside.md", atomically: true, encoding: .utf8)
        try repository.write("plugins/p/.claude-plugin/plugin.json", #"{"name": "p", "agents": ["../../../../outside.md", "/etc/passwd"]}"#)
        try repository.write("plugins/p/agents/ok.md", "---\nname: ok\ndescription: Writes docs.\nmodel: haiku\n---\n")
        let run = try repository.tierlint(["check", "--format", "json"])
        #expect(!run.stdout.contains("outside"), "\(run)")
        #expect(!run.stdout.contains("passwd"), "\(run)")
        #expect(run.stdout.contains(#""agents":1"#), "\(run)")
    }

    @Test func theBaselineMustBeInsideTheRepository() throws {
        let repository = try TemporaryRepository()
        for path in ["../baseline.json", "/etc/passwd", "docs/../../x.json"] {
            try repository.write(".tierlint.yml", "baseline: \(path)\n")
            let run = try repository.tierlint(["check"])
            #expect(run.status == 2, "\(path): \(run)")
            #expect(run.stderr.contains("the baseline is a path inside the repository"), "\(path): \(run)")
        }
    }

    @Test func nothingInThePolicyRunsAProgram() throws {
        let repository = try TemporaryRepository()
        let marker = repository.base + "/ran"
        for key in ["command", "exec", "hooks", "run", "plugins", "script"] {
            try repository.write(".tierlint.yml", "\(key): touch \(marker)\n")
            let run = try repository.tierlint(["check"])
            #expect(run.status == 2, "\(key): \(run)")
            #expect(run.stderr.contains("unknown key"), "\(key): \(run)")
        }
        // YAML tags that some loaders turn into objects or commands are plain text to Yams.
        try repository.write(".tierlint.yml", "exclude: [!!python/object/apply:os.system [\"touch \(marker)\"]]\n")
        _ = try repository.tierlint(["check"])
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test func adversarialPatternsStillAnswerRightly() throws {
        // Patterns that make backtracking matchers exponential; these matchers are not.
        let repository = try TemporaryRepository()
        let deep = Array(repeating: "a", count: 40).joined(separator: "/") + "/x.md"
        try repository.write(deep, Fixture.badBacklog)
        try repository.write(".tierlint.yml", """
            exclude: ["**/a/**/a/**/a/**/a/**/a/**/a/**/a/**/b/**", "*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b"]
            extra-patterns:
              - name: Stars
                match: ["x * x * x * x * x * x * x * x * y"]
                tier: haiku

            """)
        let run = try repository.tierlint(["check"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("x.md:6:33: error:"), "\(run)")
    }
}
