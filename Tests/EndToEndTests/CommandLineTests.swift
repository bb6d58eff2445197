import Foundation
import TestSupport
import Testing

/// The command line as a user meets it: sources, output formats, colour and exit codes.
@Suite struct CommandLineTests {
    @Test func revisionChecksTheCommittedTreeNotTheWorkingTree() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.commit().succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)

        let committed = try repository.tierlint(["check", "--rev", "HEAD"])
        #expect(committed.status == 1, "\(committed)")
        #expect(committed.stdout.contains("docs/backlog.md:6:33: error:"))
        try repository.tierlint(["check"]).succeeded()
    }

    @Test func anUnknownRevisionIsAnErrorThatNamesIt() throws {
        let repository = try TemporaryRepository()
        let run = try repository.tierlint(["check", "--rev", "no-such-branch"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("no-such-branch"))
    }

    @Test func workingTreeChecksTrackedAndUntrackedButNotIgnoredFiles() throws {
        let repository = try TemporaryRepository()
        try repository.write(".gitignore", "build/\n")
        try repository.write("build/backlog.md", Fixture.badBacklog)
        try repository.write("docs/new.md", Fixture.goodBacklog)
        let run = try repository.tierlint(["check"]).succeeded()
        #expect(run.stdout.contains("2 tickets"), "\(run)")

        try repository.write("docs/bad.md", Fixture.badBacklog)
        let bad = try repository.tierlint(["check", "docs"])
        #expect(bad.status == 1)
        #expect(bad.stdout.contains("docs/bad.md:6:33"))
        #expect(!bad.stdout.contains("build/"))
    }

    @Test func aPlainFolderOutsideGitIsChecked() throws {
        let folder = try TemporaryRepository(initialize: false)
        try folder.write("backlog.md", Fixture.badBacklog)
        let run = try folder.tierlint(["check"], environment: ["GIT_CEILING_DIRECTORIES": folder.base])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains("backlog.md:6:33: error:"))

        let named = try folder.tierlint(["check", folder.root], in: folder.base, environment: ["GIT_CEILING_DIRECTORIES": folder.base])
        #expect(named.status == 1, "\(named)")
        #expect(named.stdout.contains("backlog.md:6:33"))
    }

    @Test func pathsAreShownRelativeToTheCurrentFolder() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let run = try repository.tierlint(["check"], in: repository.root + "/docs")
        #expect(run.stdout.hasPrefix("backlog.md:6:33: error:"), "\(run)")
    }

    @Test func jsonOutputHasTheDocumentedShape() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        let run = try repository.tierlint(["check", "--format", "json"], in: repository.root + "/docs")
        #expect(run.status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["tool"] as? String == "tierlint")
        #expect(json["version"] is String)
        #expect(json["source"] as? String == "worktree")
        let summary = try #require(json["summary"] as? [String: Int])
        #expect(summary["files"] == 2)
        #expect(summary["tickets"] == 2)
        #expect(summary["agents"] == 1)
        #expect(summary["errors"] == 1)
        #expect(summary["warnings"] == 0)
        let findings = try #require(json["findings"] as? [[String: Any]])
        let finding = try #require(findings.first)
        // Paths in JSON are relative to the repository root, whatever the current folder.
        #expect(finding["path"] as? String == "docs/backlog.md")
        #expect(finding["rule"] as? String == "security-tier")
        #expect(finding["code"] as? String == "TL003")
        #expect(finding["severity"] as? String == "error")
        #expect(finding["line"] as? Int == 6)
        #expect(finding["column"] as? Int == 33)
        #expect(finding["subject"] as? String == "ticket 1.2")
        #expect(finding["suggestion"] as? String == "opus")
        #expect((finding["message"] as? String)?.contains("OAuth") == true)
    }

    @Test func colourOnlyWhenAskedOrOnATerminal() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let plain = try repository.tierlint(["check"])
        #expect(!plain.stdout.contains("\u{1B}["))
        let forced = try repository.tierlint(["check", "--color", "always"])
        #expect(forced.stdout.contains("\u{1B}[1;31merror:"))
    }

    @Test func colourOnATerminalHonoursNoColor() throws {
        // `script` gives tierlint a real terminal, as a person's shell would.
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/script") else { return }
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let command = "\(Shell.tierlint) check"
        let coloured = try Shell.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], in: repository.root,
            environment: repository.environment.merging(["TERM": "xterm"]) { $1 })
        #expect(coloured.stdout.contains("\u{1B}["), "\(coloured)")
        let noColor = try Shell.run(
            "/usr/bin/script", ["-qec", command, "/dev/null"], in: repository.root,
            environment: repository.environment.merging(["TERM": "xterm", "NO_COLOR": "1"]) { $1 })
        #expect(!noColor.stdout.contains("\u{1B}["), "\(noColor)")
    }

    @Test func exitCodes() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        #expect(try repository.tierlint(["check"]).status == 0)

        // Warnings pass unless --strict.
        try repository.write(".tierlint.yml", "rules:\n  security-tier: warning\n")
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        #expect(try repository.tierlint(["check"]).status == 0)
        #expect(try repository.tierlint(["check", "--strict"]).status == 1)

        // Usage errors are 2, not ArgumentParser's 64.
        let usage = try repository.tierlint(["check", "--no-such-flag"])
        #expect(usage.status == 2, "\(usage)")
        #expect(try repository.tierlint(["check", "--format", "yaml"]).status == 2)
        #expect(try repository.tierlint(["check", "--staged", "--rev", "HEAD"]).status == 2)
    }

    @Test func aBadConfigurationNamesFileKeyAndLine() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.write(".tierlint.yml", "rules:\n  distribution:\n    min-tickets: five\n")
        let run = try repository.tierlint(["check"])
        #expect(run.status == 2)
        #expect(run.stderr.contains(".tierlint.yml:3:"), "\(run)")
        #expect(run.stderr.contains("rules.distribution.min-tickets"))

        try repository.write(".tierlint.yml", "rulez: {}\n")
        let unknown = try repository.tierlint(["check"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains(".tierlint.yml:1:"))
        #expect(unknown.stderr.contains("rulez"))
    }

    @Test func stagedOutsideARepositoryIsAGitError() throws {
        let folder = try TemporaryRepository(initialize: false)
        let run = try folder.tierlint(["check", "--staged"], environment: ["GIT_CEILING_DIRECTORIES": folder.base])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("tierlint: error:"))
    }

    @Test func aBareRepositoryCanBeCheckedByRevisionOnly() throws {
        let source = try TemporaryRepository()
        try source.write("docs/backlog.md", Fixture.badBacklog)
        try source.addAll()
        try source.commit().succeeded()
        let bare = source.base + "/bare.git"
        try source.git(["clone", "-q", "--bare", source.root, bare]).succeeded()

        let staged = try source.tierlint(["check", "--staged"], in: bare)
        #expect(staged.status == 2)
        #expect(staged.stderr.contains("bare repository"), "\(staged)")
        let revision = try source.tierlint(["check", "--rev", "HEAD"], in: bare)
        #expect(revision.status == 1, "\(revision)")
        #expect(revision.stdout.contains("TL003"))
    }

    @Test func versionRulesAndExplain() throws {
        let repository = try TemporaryRepository()
        let version = try repository.tierlint(["--version"]).succeeded()
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)

        let rules = try repository.tierlint(["rules"]).succeeded()
        for code in ["TL001", "TL002", "TL003", "TL004", "TL005"] { #expect(rules.stdout.contains(code)) }

        let explain = try repository.tierlint(["explain", "TL003"]).succeeded()
        #expect(explain.stdout.contains("security-tier"))
        #expect(explain.stdout.contains("↓"))
        let unknown = try repository.tierlint(["explain", "nope"])
        #expect(unknown.status == 2)
    }
}

/// Symbolic links are never followed, and never skipped silently.
@Suite struct SymbolicLinkTests {
    @Test func aLinkedAgentIsANoteWhenItsTargetIsCheckedAndAWarningWhenNot() throws {
        let repository = try TemporaryRepository()
        try repository.write("shared/security.md", "---\nname: security\ndescription: audits auth\nmodel: sonnet\n---\n")
        try FileManager.default.createDirectory(atPath: repository.root + "/.claude/agents", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: repository.root + "/.claude/agents/security.md", withDestinationPath: "../../shared/security.md")
        let hidden = try repository.tierlint(["check"])
        #expect(hidden.status == 0, "\(hidden)")
        #expect(hidden.stdout.contains(".claude/agents/security.md:1:1: warning: symbolic link to ../../shared/security.md"))

        try repository.addAll()
        let staged = try repository.tierlint(["check", "--staged"])
        #expect(staged.stdout.contains("warning: symbolic link"), "\(staged)")

        // Pointing at an agent tierlint checks anyway: a note, and the target's own findings.
        try FileManager.default.removeItem(atPath: repository.root + "/.claude/agents/security.md")
        try repository.write(".claude/agents/real/security.md", "---\nname: security\ndescription: audits auth\nmodel: sonnet\n---\n")
        try FileManager.default.createSymbolicLink(
            atPath: repository.root + "/.claude/agents/security.md", withDestinationPath: "real/security.md")
        let checked = try repository.tierlint(["check"])
        #expect(checked.status == 1, "\(checked)")
        #expect(checked.stdout.contains(".claude/agents/security.md:1:1: info: symbolic link to real/security.md"))
        #expect(checked.stdout.contains(".claude/agents/real/security.md:4:8: error:"))
    }

    @Test func aLinkedAgentsFolderIsReportedInEveryMode() throws {
        let repository = try TemporaryRepository()
        try repository.write("shared/s.md", "---\nname: s\ndescription: builds\nmodel: sonet\n---\n")
        try FileManager.default.createDirectory(atPath: repository.root + "/.claude", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/.claude/agents", withDestinationPath: "../shared")
        let warning = ".claude/agents:1:1: warning: symbolic link to the folder ../shared"
        let worktree = try repository.tierlint(["check"])
        #expect(worktree.stdout.contains(warning), "\(worktree)")

        try repository.tierlint(["install"]).succeeded()
        try repository.addAll()
        let staged = try repository.tierlint(["check", "--staged"])
        #expect(staged.stdout.contains(warning), "\(staged)")
        try repository.commit("linked agents").succeeded()
        let committed = try repository.tierlint(["check", "--rev", "HEAD"])
        #expect(committed.stdout.contains(warning), "\(committed)")

        // Following the advice: the files are checked at their own paths, and the link is a note.
        try repository.write(".tierlint.yml", "agents:\n  paths: [\"shared/**/*.md\"]\n")
        let advised = try repository.tierlint(["check"])
        #expect(advised.status == 1, "\(advised)")
        #expect(advised.stdout.contains(".claude/agents:1:1: info: symbolic link to the folder ../shared"), "\(advised)")
        #expect(advised.stdout.contains("shared/s.md:4:8: error:"), "\(advised)")
    }

    @Test func aFolderNamedOutsideGitStillSeesToolFoldersAboveIt() throws {
        let folder = try TemporaryRepository(initialize: false)
        try folder.write(".opencode/agent/review.md", "---\ndescription: Reviews code\nmodel: anthropic/claude-sonet-4-5\n---\n")
        let run = try folder.tierlint(["check", ".opencode"], environment: ["GIT_CEILING_DIRECTORIES": folder.base])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains(".opencode/agent/review.md:3:8: error:"))
        #expect(run.stdout.contains("did you mean claude-sonnet-4-5?"))
    }
}

/// Behaviour a review of the first version found wrong, kept as specifications.
@Suite struct ReviewedCommandLineTests {
    @Test func aTildeHooksPathIsHomeAsGitMeansIt() throws {
        let repository = try TemporaryRepository()
        try repository.git(["config", "--global", "core.hooksPath", "~/hooks"]).succeeded()
        try repository.tierlint(["install", "--global-hooks"]).succeeded()
        let gitHooks = try repository.git(["rev-parse", "--git-path", "hooks"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(gitHooks == repository.home + "/hooks")
        #expect(FileManager.default.fileExists(atPath: repository.home + "/hooks/pre-commit"))
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        #expect(try repository.commit().status != 0)
    }

    @Test func aSplitIndexIsAClearErrorThatSaysHowToConvertIt() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.git(["update-index", "--split-index"]).succeeded()
        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("git update-index --no-split-index"))
    }

    @Test func aPathThatNamesNothingIsAUsageError() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        let run = try repository.tierlint(["check", "docs/nope.md"])
        #expect(run.status == 2, "\(run)")
        #expect(run.stderr.contains("docs/nope.md names no file"))
        try repository.addAll()
        try repository.commit().succeeded()
        #expect(try repository.tierlint(["check", "--rev", "HEAD", "nope"]).status == 2)
    }

    @Test func configurationFileErrorsNameTheFile() throws {
        let repository = try TemporaryRepository()
        let missing = try repository.tierlint(["check", "--config", "missing.yml"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("missing.yml"), "\(missing)")
        try repository.write("latin1.yml", "rules: {}\n")
        try Data([0x23, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: repository.root + "/latin1.yml"))
        let latin1 = try repository.tierlint(["check", "--config", "latin1.yml"])
        #expect(latin1.status == 2)
        #expect(latin1.stderr.contains("latin1.yml: the file is not valid UTF-8"), "\(latin1)")
    }

    @Test func aJSONReportIsPrintedEvenWhenNothingIsStaged() throws {
        let repository = try TemporaryRepository()
        let run = try repository.tierlint(["check", "--staged", "--format", "json"]).succeeded()
        let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        #expect((json?["findings"] as? [Any])?.isEmpty == true)
    }
}
