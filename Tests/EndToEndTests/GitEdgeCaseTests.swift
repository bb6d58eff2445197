import Foundation
import TestSupport
import Testing

/// Repositories in the odd shapes git really produces, each made by the real git, checked by
/// the built binary in every mode, and committed through the installed hook.
@Suite struct GitEdgeCaseTests {
    /// The finding the bad backlog gives, as text prints it.
    static let securityFinding = ":6:33: error: ticket 1.2 \"Implement OAuth login\""

    /// A repository with a good backlog committed and the hook installed.
    func committedRepository() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()
        return repository
    }

    @Test func anUnbornHeadIsCheckedAndARevisionSaysThereIsNoCommitYet() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let worktree = try repository.tierlint(["check"])
        #expect(worktree.status == 1, "\(worktree)")
        #expect(worktree.stdout.contains("docs/backlog.md" + Self.securityFinding), "\(worktree)")
        let nothingStaged = try repository.tierlint(["check", "--staged"]).succeeded()
        #expect(nothingStaged.stdout.isEmpty, "\(nothingStaged)")

        try repository.addAll()
        let staged = try repository.tierlint(["check", "--staged"])
        #expect(staged.status == 1, "\(staged)")
        #expect(staged.stdout.contains("docs/backlog.md" + Self.securityFinding))
        let stopped = try repository.commit("first")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(repository.headCommit.isEmpty)

        for mode in [["check", "--rev", "HEAD"], ["check", "--since", "main"], ["audit", "--rev", "HEAD"]] {
            let run = try repository.tierlint(mode)
            #expect(run.status == 2, "\(mode): \(run)")
            #expect(run.stderr.contains("the current branch has no commits yet"), "\(mode): \(run)")
            #expect(run.stderr.contains("tierlint check --staged"), "\(mode): \(run)")
        }
    }

    @Test func aDetachedHeadIsCheckedInEveryMode() throws {
        let repository = try committedRepository()
        try repository.git(["checkout", "-q", "--detach"]).succeeded()
        #expect(try repository.git(["symbolic-ref", "-q", "HEAD"]).status != 0)

        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let stopped = try repository.commit("detached")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/backlog.md" + Self.securityFinding), "\(stopped)")

        try repository.commit("detached, unchecked", ["--no-verify"]).succeeded()
        let revision = try repository.tierlint(["check", "--rev", "HEAD"])
        #expect(revision.status == 1, "\(revision)")
        #expect(revision.stdout.contains("docs/backlog.md" + Self.securityFinding))
        let since = try repository.tierlint(["check", "--since", "main"])
        #expect(since.status == 1, "\(since)")
        #expect(since.stdout.contains("docs/backlog.md" + Self.securityFinding))

        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.addAll()
        try repository.commit("fixed while detached").succeeded()
        try repository.tierlint(["check"]).succeeded()
    }

    /// A linked worktree: `.git` is a file there, and the worktree has its own index and HEAD.
    @Test func aLinkedWorktreeReadsItsOwnIndexAndFiles() throws {
        let repository = try committedRepository()
        let worktree = repository.base + "/linked worktree"
        try repository.git(["worktree", "add", "-q", "-b", "feature", worktree]).succeeded()
        var isFolder: ObjCBool = true
        #expect(FileManager.default.fileExists(atPath: worktree + "/.git", isDirectory: &isFolder) && !isFolder.boolValue)

        try repository.write("docs/backlog.md", Fixture.badBacklog, in: worktree)
        let check = try repository.tierlint(["check"], in: worktree)
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("docs/backlog.md" + Self.securityFinding))
        try repository.tierlint(["check"]).succeeded()

        try repository.git(["add", "-A"], in: worktree).succeeded()
        #expect(try repository.tierlint(["check", "--staged"], in: worktree).status == 1)
        #expect(try repository.tierlint(["check", "--staged"]).stdout.isEmpty)
        #expect(try repository.commit("bad", in: worktree).status != 0)

        try repository.commit("bad, unchecked", ["--no-verify"], in: worktree).succeeded()
        #expect(try repository.tierlint(["check", "--rev", "HEAD"], in: worktree).status == 1)
        try repository.tierlint(["check", "--rev", "HEAD"]).succeeded()
        let audit = try repository.tierlint(["audit"], in: worktree).succeeded()
        #expect(audit.stdout.contains("security-tier"), "\(audit)")
    }

    /// A submodule is a commit of another repository: its files are not this repository's to
    /// check, even when they break the policy, and its entry is no error.
    @Test func aSubmoduleEntryIsSkippedWithoutAnError() throws {
        let inner = try TemporaryRepository()
        try inner.write("docs/backlog.md", Fixture.badBacklog)
        try inner.write(".claude/agents/builder.md", Fixture.agentWithoutModel)
        try inner.addAll()
        try inner.commit("inner").succeeded()

        let repository = try committedRepository()
        try repository.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.root, "vendor/inner"]).succeeded()
        let staged = try repository.tierlint(["check", "--staged", "--format", "json"]).succeeded()
        #expect(!staged.stdout.contains("vendor/inner"), "\(staged)")
        try repository.commit("add a submodule").succeeded()

        for mode in [["check"], ["check", "--rev", "HEAD"], ["check", "--since", "HEAD~1"], ["audit"], ["audit", "--rev", "HEAD"]] {
            let run = try repository.tierlint(mode)
            #expect(run.status == 0, "\(mode): \(run)")
            #expect(!run.output.contains("vendor/inner"), "\(mode): \(run)")
        }

        // Moving the submodule to another commit is a change to its entry, and passes too.
        try inner.write("docs/notes.md", "notes\n")
        try inner.addAll()
        try inner.commit("more").succeeded()
        try repository.git(["pull", "-q", "origin", "main"], in: repository.root + "/vendor/inner").succeeded()
        try repository.git(["add", "vendor/inner"]).succeeded()
        try repository.commit("bump the submodule").succeeded()
    }

    /// Inside a submodule's checkout `.git` is a file naming `.git/modules/NAME` of the
    /// superproject: tierlint installs there and checks the submodule's own commits.
    @Test func aSubmoduleCheckoutWithAGitFileIsARepositoryOfItsOwn() throws {
        let inner = try TemporaryRepository()
        try inner.write("README.md", "# Inner\n")
        try inner.addAll()
        try inner.commit("inner").succeeded()
        let repository = try committedRepository()
        try repository.git(["-c", "protocol.file.allow=always", "submodule", "add", "-q", inner.root, "vendor/inner"]).succeeded()
        try repository.commit("add a submodule").succeeded()

        let checkout = repository.root + "/vendor/inner"
        #expect(try String(contentsOfFile: checkout + "/.git", encoding: .utf8).hasPrefix("gitdir: "))
        let install = try repository.tierlint(["install"], in: checkout).succeeded()
        #expect(install.stdout.contains(".git/modules/vendor/inner/hooks/pre-commit"), "\(install)")

        try repository.write("docs/backlog.md", Fixture.badBacklog, in: checkout)
        #expect(try repository.tierlint(["check"], in: checkout).status == 1)
        try repository.git(["add", "-A"], in: checkout).succeeded()
        let staged = try repository.tierlint(["check", "--staged"], in: checkout)
        #expect(staged.stdout.contains("docs/backlog.md" + Self.securityFinding), "\(staged)")
        let stopped = try repository.commit("bad", in: checkout)
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("TL003"), "\(stopped)")
        // The superproject's own check is not disturbed by the submodule's state.
        try repository.tierlint(["check"]).succeeded()
    }

    /// A link named like an agent file, to a file outside the repository that breaks the
    /// policy: the link is reported, the file behind it is never read.
    @Test func aSymlinkNamedLikeAnAgentIsReportedAndNeverFollowed() throws {
        let repository = try committedRepository()
        let outside = repository.base + "/outside.md"
        try Data("---\nname: evil\ndescription: builds\nmodel: sonet\n---\n".utf8).write(to: URL(fileURLWithPath: outside))
        try FileManager.default.createDirectory(atPath: repository.root + "/.claude/agents", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/.claude/agents/evil.md", withDestinationPath: outside)
        let warning = ".claude/agents/evil.md:1:1: warning: symbolic link to \(outside), which tierlint does not follow"

        let worktree = try repository.tierlint(["check"])
        #expect(worktree.status == 0, "\(worktree)")
        #expect(worktree.stdout.contains(warning), "\(worktree)")
        try repository.git(["add", "-A"]).succeeded()
        let staged = try repository.tierlint(["check", "--staged"])
        #expect(staged.stdout.contains(warning), "\(staged)")
        let commit = try repository.commit("a linked agent").succeeded()
        #expect(commit.output.contains(warning), "\(commit)")
        for mode in [["check"], ["check", "--staged"], ["check", "--rev", "HEAD"], ["audit"], ["audit", "--rev", "HEAD"]] {
            let run = try repository.tierlint(mode)
            #expect(run.status == 0, "\(mode): \(run)")
            #expect(!run.output.contains("sonet"), "\(mode) read the file behind the link: \(run)")
        }
    }

    @Test func aRenamedAgentIsCheckedAtItsNewPathAndADeletionIsNoError() throws {
        let repository = try committedRepository()
        let badAgent = "---\nname: builder\ndescription: Builds features.\nmodel: sonet\n---\nBuild.\n"
        try repository.write("drafts/builder.md", badAgent)
        try repository.write(".claude/agents/old.md", badAgent.replacingOccurrences(of: "builder", with: "old"))
        try repository.addAll()
        try repository.commit("drafts", ["--no-verify"]).succeeded()
        try repository.git(["checkout", "-q", "-b", "feature"]).succeeded()

        try repository.git(["mv", "drafts/builder.md", ".claude/agents/builder.md"]).succeeded()
        #expect(try repository.git(["status", "--short"]).stdout.contains("R  drafts/builder.md -> .claude/agents/builder.md"))
        let stopped = try repository.commit("promote the draft")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains(".claude/agents/builder.md:4:8: error: agent builder names unknown model \"sonet\""), "\(stopped)")
        #expect(!stopped.output.contains("drafts/builder.md"), "\(stopped)")
        try repository.commit("promote the draft, unchecked", ["--no-verify"]).succeeded()
        let since = try repository.tierlint(["check", "--since", "main"])
        #expect(since.status == 1, "\(since)")
        #expect(since.stdout.contains(".claude/agents/builder.md:4:8"), "\(since)")

        // Deleting a bad agent leaves nothing to check: the commit goes through silently.
        try repository.git(["rm", "-q", ".claude/agents/old.md"]).succeeded()
        let staged = try repository.tierlint(["check", "--staged"]).succeeded()
        #expect(staged.stdout.isEmpty, "\(staged)")
        try repository.commit("retire the old agent").succeeded()
        try repository.git(["rm", "-q", "docs/backlog.md"]).succeeded()
        try repository.commit("drop the backlog").succeeded()
    }

    /// A cone-mode sparse checkout with a full index: files outside the cone are in the index
    /// with skip-worktree and are not on disk. Every mode reads them from the object database.
    @Test func aSparseCheckoutReadsFilesOutsideTheConeFromTheObjectDatabase() throws {
        let repository = try TemporaryRepository()
        try repository.write("docs/readme.md", "# Docs\n")
        try repository.write("app/backlog.md", Fixture.badBacklog)
        try repository.write("app/.claude/agents/builder.md", Fixture.agentWithoutModel)
        try repository.write("app/plan.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | Implement OAuth login | |\n")
        try repository.addAll()
        try repository.commit("initial", ["--no-verify"]).succeeded()
        try repository.tierlint(["install"]).succeeded()
        try repository.git(["sparse-checkout", "init", "--cone", "--no-sparse-index"]).succeeded()
        try repository.git(["sparse-checkout", "set", "docs"]).succeeded()
        #expect(!repository.exists("app/backlog.md"))
        #expect(try repository.git(["ls-files", "-t", "app/backlog.md"]).stdout == "S app/backlog.md\n")

        let appFindings = [
            "app/backlog.md" + Self.securityFinding,
            "app/.claude/agents/builder.md:4:1: error: agent builder has no `model`",
        ]
        for mode in [["check"], ["check", "--rev", "HEAD"], ["check", "--pre-commit"], ["check", "app/backlog.md"]] {
            let run = try repository.tierlint(mode)
            #expect(run.status == 1, "\(mode): \(run)")
            for finding in appFindings where mode.last != "app/backlog.md" || finding.hasPrefix("app/backlog.md") {
                #expect(run.stdout.contains(finding), "\(mode): \(run)")
            }
            #expect(!run.output.contains("cannot read") && !run.output.contains("names no file"), "\(mode): \(run)")
        }
        let audit = try repository.tierlint(["audit"]).succeeded()
        #expect(audit.stdout.contains("1 agent"), "\(audit)")
        // Nothing was written to disk to read them, and fix does not write a file git would hide.
        let fix = try repository.tierlint(["fix"]).succeeded()
        #expect(fix.stderr.contains("app/plan.md is outside the sparse checkout, so it was not fixed"), "\(fix)")
        #expect(!repository.exists("app/backlog.md") && !repository.exists("app/plan.md"))

        // A commit inside the cone is judged on what it stages.
        try repository.write("docs/readme.md", "# Docs\n\nMore.\n")
        try repository.addAll()
        try repository.commit("docs only").succeeded()

        // A change staged outside the cone, straight into the index, is read from the index.
        let blob = try Shell.run(
            "/usr/bin/git", ["hash-object", "-w", "--stdin"], in: repository.root, environment: repository.environment,
            input: Fixture.badBacklog + "| 1.3 | Add OAuth scopes | sonnet |\n"
        ).succeeded().stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        try repository.git(["update-index", "--cacheinfo", "100644,\(blob),app/backlog.md"]).succeeded()
        #expect(!repository.exists("app/backlog.md"))
        let stopped = try repository.commit("outside the cone")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("app/backlog.md" + Self.securityFinding), "\(stopped)")
        #expect(stopped.output.contains("ticket 1.3"), "\(stopped)")
    }

    /// Names git quotes in its own output (`core.quotePath`) are plain paths to tierlint: text
    /// escapes the control characters, JSON carries the exact name, SARIF percent-encodes it.
    @Test func pathsWithSpacesQuotesNewlinesAndNonASCIIInEveryFormat() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        let names = [
            "docs/sprint plan \"q\" 'x'.md", "docs/new\nline.md", "docs/café 計画.md", "docs/tab\there.md",
        ]
        for name in names { try repository.write(name, Fixture.badBacklog) }
        try repository.write(".claude/agents/bäcker agent.md", Fixture.agentWithoutModel)
        try repository.addAll()

        func printed(_ name: String) -> String {
            name.replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\t", with: "\\t")
        }
        for mode in [["check"], ["check", "--staged"]] {
            let text = try repository.tierlint(mode)
            #expect(text.status == 1, "\(mode): \(text)")
            for name in names {
                #expect(text.stdout.contains(printed(name) + Self.securityFinding), "\(mode) \(name): \(text)")
            }
            #expect(text.stdout.contains(".claude/agents/bäcker agent.md:4:1: error:"), "\(text)")
            // One line per finding and the summary: no name breaks a line.
            #expect(text.stdout.split(separator: "\n").count == names.count + 2, "\(text)")

            let json = try JSONValue.parse(try repository.tierlint(mode + ["--format", "json"]).stdout)
            let jsonPaths = Set((json["findings"]?.array ?? []).compactMap { $0["path"]?.string })
            #expect(jsonPaths == Set(names + [".claude/agents/bäcker agent.md"]), "\(mode): \(jsonPaths)")

            let sarif = try JSONValue.parse(try repository.tierlint(mode + ["--format", "sarif"]).stdout)
            let uris = (sarif["runs"]?[0]?["results"]?.array ?? []).compactMap {
                $0["locations"]?[0]?["physicalLocation"]?["artifactLocation"]?["uri"]?.string
            }
            #expect(uris.count == names.count + 1)
            for uri in uris {
                #expect(!uri.contains(" ") && !uri.contains("\"") && !uri.contains("\n") && uri.allSatisfy(\.isASCII), "\(uri)")
            }
            #expect(Set(uris.compactMap { $0.removingPercentEncoding }) == jsonPaths)
        }

        let stopped = try repository.commit("odd names")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains(printed("docs/new\nline.md") + Self.securityFinding), "\(stopped)")
        try repository.commit("odd names, unchecked", ["--no-verify"]).succeeded()
        let revision = try repository.tierlint(["check", "--rev", "HEAD"])
        #expect(revision.stdout.contains("docs/café 計画.md" + Self.securityFinding), "\(revision)")
    }

    @Test func aBareRepositoryGivesAClearErrorForTheIndexAndTheWorkingTreeAndChecksRevisions() throws {
        let source = try TemporaryRepository()
        try source.write("docs/backlog.md", Fixture.badBacklog)
        try source.addAll()
        try source.commit().succeeded()
        let bare = source.base + "/bare.git"
        try source.git(["clone", "-q", "--bare", source.root, bare]).succeeded()

        for mode in [["check"], ["check", "--staged"], ["audit"], ["check", "docs/backlog.md"]] {
            let run = try source.tierlint(mode, in: bare)
            #expect(run.status == 2, "\(mode): \(run)")
            #expect(run.stderr.contains("\(bare) is a bare repository"), "\(mode): \(run)")
            #expect(run.stderr.contains("--rev REV"), "\(mode): \(run)")
        }
        let revision = try source.tierlint(["check", "--rev", "HEAD"], in: bare)
        #expect(revision.status == 1, "\(revision)")
        #expect(revision.stdout.contains("docs/backlog.md" + Self.securityFinding), "\(revision)")
        let audit = try source.tierlint(["audit", "--rev", "main"], in: bare).succeeded()
        #expect(audit.stdout.contains("security-tier"), "\(audit)")
        let fromOutside = try source.tierlint(["check", "--rev", "HEAD", "-C", bare], in: source.base)
        #expect(fromOutside.status == 1, "\(fromOutside)")
    }

    /// With core.autocrlf, git converts line endings between the blob and the disk. tierlint
    /// reads each as it is stored: the blob for the index and commits, the file on disk for the
    /// working tree; a CR never shifts a line or column, nor ends up in a model's name.
    @Test func autocrlfFilesAreReadAsStoredWithTheRightLines() throws {
        let crlf = ("# Plan\n\n" + Fixture.badBacklog).replacingOccurrences(of: "\n", with: "\r\n")
        let agent = "---\r\nname: builder\r\ndescription: Builds features.\r\nmodel: sonet\r\n---\r\n"
        let finding = "docs/backlog.md:8:33: error: ticket 1.2"
        let agentFinding = ".claude/agents/builder.md:4:8: error: agent builder names unknown model \"sonet\";"

        // Committed without conversion: the blob itself holds CRLF.
        let stored = try TemporaryRepository()
        try stored.write("docs/backlog.md", crlf)
        try stored.write(".claude/agents/builder.md", agent)
        try stored.addAll()
        try stored.commit("crlf", ["--no-verify"]).succeeded()
        #expect(try stored.git(["cat-file", "-p", "HEAD:docs/backlog.md"]).stdout.contains("\r\n"))
        try stored.git(["config", "core.autocrlf", "true"]).succeeded()
        // A change to another line, staged: the finding stays on its line.
        try stored.write("docs/backlog.md", crlf.replacingOccurrences(of: "# Plan", with: "# The plan"))
        try stored.addAll()
        for mode in [["check"], ["check", "--staged"], ["check", "--rev", "HEAD"]] {
            let run = try stored.tierlint(mode)
            #expect(run.stdout.contains(finding), "\(mode): \(run)")
            #expect(!mode.contains("--staged") || !run.stdout.contains(".claude"), "\(mode): \(run)")
            #expect(mode.contains("--staged") || run.stdout.contains(agentFinding), "\(mode): \(run)")
        }

        // core.autocrlf=true when adding: CRLF on disk, LF in the blob.
        let converted = try TemporaryRepository()
        try converted.git(["config", "core.autocrlf", "true"]).succeeded()
        try converted.tierlint(["install"]).succeeded()
        try converted.write("docs/backlog.md", crlf)
        try converted.write(".claude/agents/builder.md", agent)
        try converted.git(["add", "-A"]).succeeded()
        #expect(try !converted.git(["cat-file", "-p", ":docs/backlog.md"]).stdout.contains("\r"))
        for mode in [["check"], ["check", "--staged"]] {
            let run = try converted.tierlint(mode)
            #expect(run.stdout.contains(finding) && run.stdout.contains(agentFinding), "\(mode): \(run)")
        }
        let stopped = try converted.commit("crlf")
        #expect(stopped.status != 0)
        #expect(stopped.output.contains(finding) && stopped.output.contains(agentFinding), "\(stopped)")
    }
}
