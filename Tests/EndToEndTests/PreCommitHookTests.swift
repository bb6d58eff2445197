import Foundation
import TestSupport
import Testing

/// The hook, installed by the built binary, stopping and letting through real commits made
/// by the real git, in every way git runs a pre-commit hook.
@Suite struct PreCommitHookTests {
    /// A repository with one good commit and tierlint's hook installed.
    func installedRepository() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        try repository.write("README.md", "# Project\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()
        return repository
    }

    @Test func aCommitThatBreaksThePolicyIsStopped() throws {
        let repository = try installedRepository()
        let before = repository.headCommit
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let commit = try repository.commit()
        #expect(commit.status != 0)
        #expect(commit.output.contains("docs/backlog.md:6:33: error:"), "\(commit)")
        #expect(commit.output.contains("[TL003 security-tier]"))
        #expect(commit.output.contains("git commit --no-verify"))
        #expect(repository.headCommit == before)
    }

    @Test func aCommitThatKeepsThePolicyGoesThrough() throws {
        let repository = try installedRepository()
        let before = repository.headCommit
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.addAll()
        try repository.commit().succeeded()
        #expect(repository.headCommit != before)
    }

    @Test func theFirstCommitOfARepositoryIsChecked() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let commit = try repository.commit()
        #expect(commit.status != 0, "\(commit)")
        #expect(repository.headCommit.isEmpty)
    }

    @Test func commitAllChecksTheModifiedTrackedFiles() throws {
        let repository = try installedRepository()
        // Not staged: only `git commit -a` puts it in the commit, through a temporary index.
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let plain = try repository.commit("nothing staged", ["--allow-empty"])
        try plain.succeeded()
        let all = try repository.commit("all", ["-a"])
        #expect(all.status != 0, "\(all)")
        #expect(all.output.contains("TL003"))
    }

    @Test func commitWithPathsChecksOnlyWhatThoseCommitsContain() throws {
        let repository = try installedRepository()
        // A bad file is staged, but `git commit PATH` commits only PATH from the working tree.
        try repository.write("sprint/bad.md", Fixture.badBacklog)
        try repository.git(["add", "sprint/bad.md"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nMore notes.\n")
        try repository.commit("only the backlog", ["docs/backlog.md"]).succeeded()
        #expect(try repository.git(["show", "--name-only", "--format=", "HEAD"]).stdout == "docs/backlog.md\n")

        // And the other way round: the path named is bad while the staged files are fine.
        try repository.git(["reset", "-q", "sprint/bad.md"]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        let stopped = try repository.commit("bad path", ["docs/backlog.md"])
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("docs/backlog.md"))
    }

    @Test func aPartiallyStagedFileIsJudgedByWhatIsStaged() throws {
        let repository = try installedRepository()
        // Staged: good. Working tree: bad. The commit records the good version.
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.git(["add", ".claude/agents/builder.md"]).succeeded()
        try repository.write(".claude/agents/builder.md", Fixture.agentWithoutModel)
        try repository.commit("good staged").succeeded()

        // Staged: bad. Working tree: fixed but not staged. The commit would record the bad one.
        try repository.git(["add", ".claude/agents/builder.md"]).succeeded()
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        let stopped = try repository.commit("bad staged")
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("[TL001 missing-model]"))
    }

    @Test func theHookRunsFromALinkedWorktree() throws {
        let repository = try installedRepository()
        let worktree = repository.base + "/worktree"
        try repository.git(["worktree", "add", "-q", "-b", "feature", worktree]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog, in: worktree)
        try repository.git(["add", "-A"], in: worktree).succeeded()
        let stopped = try repository.commit("from the worktree", in: worktree)
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("TL003"))

        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nfixed\n", in: worktree)
        try repository.git(["add", "-A"], in: worktree).succeeded()
        try repository.commit("fixed", in: worktree).succeeded()
    }

    @Test func theHookRunsFromASubdirectory() throws {
        let repository = try installedRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let stopped = try repository.commit("from docs", in: repository.root + "/docs")
        #expect(stopped.status != 0, "\(stopped)")
    }

    @Test func aRelativeHooksPathIsHonoured() throws {
        let repository = try TemporaryRepository()
        try repository.git(["config", "core.hooksPath", ".githooks"]).succeeded()
        let install = try repository.tierlint(["install"]).succeeded()
        #expect(install.stdout.contains(".githooks/pre-commit"))
        #expect(repository.exists(".githooks/pre-commit"))
        #expect(!repository.exists(".git/hooks/pre-commit"))
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        #expect(try repository.commit().status != 0)
    }

    @Test func aGlobalHooksPathIsOnlyUsedWhenAskedFor() throws {
        let repository = try TemporaryRepository()
        let shared = repository.base + "/shared-hooks"
        try repository.git(["config", "--global", "core.hooksPath", shared]).succeeded()
        let refused = try repository.tierlint(["install"])
        #expect(refused.status == 2, "\(refused)")
        #expect(refused.stderr.contains("--global-hooks"))
        #expect(!FileManager.default.fileExists(atPath: shared + "/pre-commit"))

        let installed = try repository.tierlint(["install", "--global-hooks"]).succeeded()
        #expect(installed.stdout.contains("outside this repository"))
        #expect(FileManager.default.fileExists(atPath: shared + "/pre-commit"))
    }

    @Test func amendingIsChecked() throws {
        let repository = try installedRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        let amend = try repository.commit("amended", ["--amend"])
        #expect(amend.status != 0, "\(amend)")
    }

    @Test func aHookWithoutTierlintStopsTheCommitAndSaysWhatToDo() throws {
        let repository = try installedRepository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog + "\nmore\n")
        try repository.addAll()
        let commit = try repository.commit("no tierlint", environment: ["PATH": "/usr/bin:/bin"])
        #expect(commit.status != 0)
        #expect(commit.stderr.contains("needs the tierlint program"), "\(commit)")
        #expect(commit.stderr.contains("git commit --no-verify"))

        // `git config tierlint.path` tells the hook where the program is.
        try repository.git(["config", "tierlint.path", Shell.tierlint]).succeeded()
        try repository.commit("found by config", environment: ["PATH": "/usr/bin:/bin"]).succeeded()
    }

    @Test func stagedChangesTierlintDoesNotReadPassSilently() throws {
        let repository = try installedRepository()
        try repository.write("src/main.c", "int main(void) { return 0; }\n")
        try repository.addAll()
        let check = try repository.tierlint(["check", "--staged"]).succeeded()
        #expect(check.stdout.isEmpty)
        try repository.commit().succeeded()
    }

    @Test func theStagedConfigurationIsTheOneApplied() throws {
        let repository = try installedRepository()
        // Staged: the rule is off. On disk: it is on. The commit's policy is the staged one.
        try repository.write(".tierlint.yml", "rules:\n  security-tier: off\n")
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.addAll()
        try repository.write(".tierlint.yml", "rules:\n  security-tier: error\n")
        try repository.commit("policy relaxed in this commit").succeeded()
    }
}

extension TemporaryRepository {
    @discardableResult
    func commit(_ message: String, environment extra: [String: String]) throws -> Run {
        try git(["commit", "-q", "-m", message], environment: extra)
    }
}

/// `git add -N` records only an intent to add a path: its content is not staged, and a commit
/// made now leaves it out, so the hook must not read it as an empty file.
@Suite struct IntentToAddHookTests {
    @Test func anIntentToAddFileDoesNotBlockAnUnrelatedCommit() throws {
        let repository = try TemporaryRepository()
        try repository.write("README.md", "# Project\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()

        try repository.write(".claude/agents/new.md", Fixture.goodAgent)
        try repository.git(["add", "-N", ".claude/agents/new.md"]).succeeded()
        try repository.write("README.md", "# Project\n\nMore.\n")
        try repository.git(["add", "README.md"]).succeeded()
        try repository.commit("unrelated").succeeded()
        #expect(try repository.git(["show", "--name-only", "--format=", "HEAD"]).stdout == "README.md\n")

        // The working tree check still reads the file from disk.
        let check = try repository.tierlint(["check", "--format", "json"]).succeeded()
        #expect(check.stdout.contains("\"agents\": 1") || check.stdout.contains("\"agents\":1"), "\(check)")
    }

    @Test func anIntentToAddFileIsCheckedOnceItsContentIsCommitted() throws {
        let repository = try TemporaryRepository()
        try repository.write("README.md", "# Project\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.tierlint(["install"]).succeeded()

        try repository.write(".claude/agents/new.md", Fixture.agentWithoutModel)
        try repository.git(["add", "-N", ".claude/agents/new.md"]).succeeded()
        // The working tree check reads what is on disk, not the empty intent-to-add entry.
        let check = try repository.tierlint(["check"])
        #expect(check.status == 1, "\(check)")
        #expect(check.stdout.contains("has no `model` in its frontmatter"), "\(check)")
        // `git commit -a` adds its content, so the hook judges it.
        let all = try repository.commit("all", ["-a"])
        #expect(all.status != 0, "\(all)")
        #expect(all.output.contains("[TL001 missing-model]"), "\(all)")
    }
}

/// A relative core.hooksPath is resolved in each checkout: a linked worktree runs the hook
/// from its own copy of the folder, so the hook protects it only once it is committed.
@Suite struct RelativeHooksPathWorktreeTests {
    @Test func installSaysToCommitTheHookAndACommittedHookProtectsNewWorktrees() throws {
        let repository = try TemporaryRepository()
        try repository.write("README.md", "# Project\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.git(["config", "core.hooksPath", ".githooks"]).succeeded()
        let install = try repository.tierlint(["install"]).succeeded()
        #expect(install.stdout.contains("linked worktrees"), "\(install)")
        #expect(install.stdout.contains("commit .githooks/pre-commit"), "\(install)")

        // What the note warns about: the untracked hook is not in a new worktree's checkout.
        let early = repository.base + "/early"
        try repository.git(["worktree", "add", "-q", "-b", "early", early]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog, in: early)
        try repository.git(["add", "-A"], in: early).succeeded()
        try repository.commit("unchecked", in: early).succeeded()

        try repository.git(["add", ".githooks/pre-commit"]).succeeded()
        try repository.commit("share the hook").succeeded()
        let again = try repository.tierlint(["install"]).succeeded()
        #expect(again.stdout.contains("already installed"))
        #expect(!again.stdout.contains("Note:"), "\(again)")

        let later = repository.base + "/later"
        try repository.git(["worktree", "add", "-q", "-b", "later", later]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog, in: later)
        try repository.git(["add", "-A"], in: later).succeeded()
        let stopped = try repository.commit("checked", in: later)
        #expect(stopped.status != 0, "\(stopped)")
        #expect(stopped.output.contains("TL003"), "\(stopped)")
    }

    @Test func aRelativeHooksPathUnderGitSaysToMakeItAbsolute() throws {
        let repository = try TemporaryRepository()
        try repository.write("README.md", "# Project\n")
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.git(["config", "core.hooksPath", ".git/shared-hooks"]).succeeded()
        let install = try repository.tierlint(["install"]).succeeded()
        #expect(!install.stdout.contains("until you commit"))
        let advice = try #require(install.stdout.split(separator: "\n").first { $0.contains("git config core.hooksPath /") })
        let start = try #require(advice.range(of: "git config"))
        let command = String(advice[start.lowerBound...])

        try Shell.run("/bin/sh", ["-c", command], in: repository.root, environment: repository.environment).succeeded()
        let worktree = repository.base + "/worktree"
        try repository.git(["worktree", "add", "-q", "-b", "feature", worktree]).succeeded()
        try repository.write("docs/backlog.md", Fixture.badBacklog, in: worktree)
        try repository.git(["add", "-A"], in: worktree).succeeded()
        #expect(try repository.commit("checked", in: worktree).status != 0)
    }

    @Test func theDefaultHooksFolderNeedsNoNote() throws {
        let repository = try TemporaryRepository()
        let install = try repository.tierlint(["install"]).succeeded()
        #expect(!install.stdout.contains("Note:"), "\(install)")
    }
}

/// A README beside the agents documents them; the tools do not load it as an agent.
@Suite struct AgentFolderReadmeHookTests {
    @Test func aReadmeInTheAgentsFolderDoesNotStopTheCommit() throws {
        let repository = try TemporaryRepository()
        try repository.tierlint(["install"]).succeeded()
        try repository.write(".claude/agents/README.md", "# Our agents\n")
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.write("plugins/x/.claude-plugin/plugin.json", "{\"name\": \"x\"}\n")
        try repository.write("plugins/x/agents/README.md", "# Agents of x\n")
        try repository.addAll()
        try repository.commit("documented agents").succeeded()

        // An agent file without frontmatter is still stopped.
        try repository.write(".claude/agents/reviewer.md", "# Reviewer\n")
        try repository.addAll()
        let stopped = try repository.commit("agent without frontmatter")
        #expect(stopped.status != 0)
        #expect(stopped.output.contains("agent reviewer has no frontmatter"), "\(stopped)")
    }
}
