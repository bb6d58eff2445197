import Testing
@testable import TierlintCore

/// The roles of `paths` under a configuration, with `manifests` as path → JSON text.
private func roles(
    _ paths: [String], manifests: [String: String] = [:], configuration: String? = nil
) throws -> (roles: [String: FileRole], problems: [ParseProblem]) {
    let configuration = try configuration.map { try ConfigurationLoader.load($0) } ?? Configuration()
    let selector = FileSelector(configuration: configuration)
    let all = paths + manifests.keys.filter { !paths.contains($0) }
    #expect(Set(selector.manifestPaths(in: all)) == Set(manifests.keys).filter { !configuration.isExcluded($0) })
    let selection = selector.select(all, manifests: manifests.mapValues { Array($0.utf8) })
    return (selection.roles, selection.problems)
}

private func role(_ path: String, configuration: String? = nil) throws -> FileRole? {
    try roles([path], configuration: configuration).roles[path]
}

@Suite struct FileSelectorTests {
    // MARK: - Built-in locations

    @Test(arguments: [
        (".claude/agents/reviewer.md", FileRole.definition(.agent, .claudeCode)),
        (".claude/agents/team/reviewer.md", .definition(.agent, .claudeCode)),
        ("packages/web/.claude/agents/reviewer.md", .definition(.agent, .claudeCode)),
        (".claude/commands/deploy.md", .definition(.command, .claudeCode)),
        ("a/b/.claude/commands/git/commit.md", .definition(.command, .claudeCode)),
        (".claude/skills/pdf/SKILL.md", .definition(.skill, .claudeCode)),
        ("examples/demo/.claude/skills/pdf/SKILL.md", .definition(.skill, .claudeCode)),
        (".github/agents/planner.agent.md", .definition(.agent, .copilot)),
        (".github/chatmodes/plan.chatmode.md", .definition(.agent, .copilot)),
        (".github/prompts/release.prompt.md", .definition(.command, .copilot)),
        (".opencode/agent/review.md", .definition(.agent, .openCode)),
        (".opencode/agents/review.md", .definition(.agent, .openCode)),
        (".opencode/command/test.md", .definition(.command, .openCode)),
        (".opencode/commands/test.md", .definition(.command, .openCode)),
        (".cursor/agents/fixer.md", .definition(.agent, .cursor)),
        (".gemini/agents/researcher.md", .definition(.agent, .gemini)),
    ])
    func builtInLocationsAreFoundAtAnyDepth(path: String, expected: FileRole) throws {
        #expect(try role(path) == expected)
    }

    @Test(arguments: [
        (".claude/skills/pdf/reference.md", FileRole.markdown),
        (".github/agents/notes.md", .markdown),
        (".github/prompts/readme.md", .markdown),
        ("docs/backlog.md", .markdown),
        ("README.MD", .markdown),
        ("notes/plan.markdown", .markdown),
        ("notes/plan.mkd", .markdown),
    ])
    func otherMarkdownMayHoldABacklog(path: String, expected: FileRole) throws {
        #expect(try role(path) == expected)
    }

    @Test(arguments: ["src/main.swift", "notes.txt", ".claude/agents/reviewer.json", "Makefile", "docs/backlog.md.orig"])
    func otherFilesHaveNoRole(path: String) throws {
        #expect(try role(path) == nil)
    }

    // MARK: - Configuration

    @Test func excludedPathsHaveNoRoleEvenInAgentFolders() throws {
        let configuration = "exclude: [vendor/, \"*.draft.md\"]\n"
        #expect(try role("vendor/.claude/agents/x.md", configuration: configuration) == nil)
        #expect(try role("docs/plan.draft.md", configuration: configuration) == nil)
        #expect(try role("docs/plan.md", configuration: configuration) == .markdown)
    }

    @Test func namedBacklogs() throws {
        let configuration = "backlogs:\n  paths: [\"planning/**/*.md\"]\n"
        #expect(try role("planning/q3/sprints.md", configuration: configuration) == .backlog)
        #expect(try role("docs/sprints.md", configuration: configuration) == .markdown)
    }

    @Test func configuredLocationsAddToTheBuiltInOnesAndWin() throws {
        let configuration = """
            agents:
              paths: ["ai/agents/*.md"]
              commands: [".claude/agents/special.md"]
              skills: [{path: "ai/skills/*/SKILL.md", format: claude-code}]
            """
        #expect(try role("ai/agents/x.md", configuration: configuration) == .definition(.agent, .custom))
        #expect(try role(".claude/agents/special.md", configuration: configuration) == .definition(.command, .custom))
        #expect(try role(".claude/agents/other.md", configuration: configuration) == .definition(.agent, .claudeCode))
        #expect(try role("ai/skills/pdf/SKILL.md", configuration: configuration) == .definition(.skill, .claudeCode))
    }

    @Test func builtInLocationsCanBeTurnedOff() throws {
        let configuration = "agents:\n  builtin-paths: false\n  paths: [\"ai/*.md\"]\n"
        #expect(try role(".claude/agents/reviewer.md", configuration: configuration) == .markdown)
        #expect(try role("ai/reviewer.md", configuration: configuration) == .definition(.agent, .custom))
    }

    // MARK: - Claude Code plugins

    @Test func aPluginsDefaultFoldersHoldItsDefinitions() throws {
        let (found, problems) = try roles([
            "tools/review/agents/security.md",
            "tools/review/agents/nested/style.md",
            "tools/review/commands/review.md",
            "tools/review/skills/audit/SKILL.md",
            "tools/review/skills/audit/checklist.md",
            "tools/review/README.md",
            "tools/other/agents/x.md",
        ], manifests: ["tools/review/.claude-plugin/plugin.json": #"{"name": "review"}"#])
        #expect(problems.isEmpty)
        #expect(found["tools/review/agents/security.md"] == .definition(.agent, .claudePlugin))
        #expect(found["tools/review/agents/nested/style.md"] == .definition(.agent, .claudePlugin))
        #expect(found["tools/review/commands/review.md"] == .definition(.command, .claudePlugin))
        #expect(found["tools/review/skills/audit/SKILL.md"] == .definition(.skill, .claudePlugin))
        #expect(found["tools/review/skills/audit/checklist.md"] == .markdown)
        #expect(found["tools/review/README.md"] == .markdown)
        #expect(found["tools/other/agents/x.md"] == .markdown)
        #expect(found["tools/review/.claude-plugin/plugin.json"] == nil)
    }

    @Test func aPluginAtTheRepositoryRoot() throws {
        let (found, _) = try roles(["agents/reviewer.md", "docs/agents/x.md"], manifests: [".claude-plugin/plugin.json": "{}"])
        #expect(found["agents/reviewer.md"] == .definition(.agent, .claudePlugin))
        #expect(found["docs/agents/x.md"] == .markdown)
    }

    @Test func filesAndFoldersListedInPluginJSON() throws {
        let manifest = """
            {
              "name": "review",
              "agents": ["./custom/security.md", "./more-agents/"],
              "commands": "./cmds",
              "skills": ["./abilities"]
            }
            """
        let (found, problems) = try roles([
            "p/custom/security.md", "p/custom/other.md", "p/more-agents/a.md", "p/cmds/deploy.md", "p/cmds/sub/b.md",
            "p/abilities/pdf/SKILL.md", "p/abilities/pdf/notes.md", "p/agents/default.md",
        ], manifests: ["p/.claude-plugin/plugin.json": manifest])
        #expect(problems.isEmpty)
        #expect(found["p/custom/security.md"] == .definition(.agent, .claudePlugin))
        #expect(found["p/custom/other.md"] == .markdown)
        #expect(found["p/more-agents/a.md"] == .definition(.agent, .claudePlugin))
        #expect(found["p/cmds/deploy.md"] == .definition(.command, .claudePlugin))
        #expect(found["p/cmds/sub/b.md"] == .definition(.command, .claudePlugin))
        #expect(found["p/abilities/pdf/SKILL.md"] == .definition(.skill, .claudePlugin))
        #expect(found["p/abilities/pdf/notes.md"] == .markdown)
        #expect(found["p/agents/default.md"] == .definition(.agent, .claudePlugin))
    }

    @Test func aMarketplaceListsPluginsByRelativeSource() throws {
        let marketplace = """
            {
              "name": "team",
              "owner": {"name": "Team"},
              "plugins": [
                {"name": "review", "source": "./plugins/review"},
                {"name": "deploy", "source": "./plugins/deploy/"},
                {"name": "remote", "source": {"source": "github", "repo": "acme/remote"}},
                {"name": "url", "source": "https://github.com/acme/url.git"},
                {"name": "broken"},
                "not an object"
              ]
            }
            """
        let (found, problems) = try roles([
            "plugins/review/agents/a.md", "plugins/deploy/commands/ship.md", "plugins/remote/agents/r.md",
            "https:/github.com/acme/url.git/agents/u.md",
        ], manifests: [".claude-plugin/marketplace.json": marketplace])
        #expect(problems.isEmpty)
        #expect(found["plugins/review/agents/a.md"] == .definition(.agent, .claudePlugin))
        #expect(found["plugins/deploy/commands/ship.md"] == .definition(.command, .claudePlugin))
        #expect(found["plugins/remote/agents/r.md"] == .markdown)
        #expect(found["https:/github.com/acme/url.git/agents/u.md"] == .markdown)
    }

    @Test func aMarketplacePluginRootPrefixesBareSources() throws {
        let marketplace = #"{"metadata": {"pluginRoot": "./plugins"}, "plugins": [{"name": "a", "source": "formatter"}]}"#
        let (found, _) = try roles(["plugins/formatter/agents/fmt.md", "formatter/agents/fmt.md"],
                                   manifests: ["market/.claude-plugin/marketplace.json": marketplace])
        #expect(found["plugins/formatter/agents/fmt.md"] == .markdown, "sources are relative to the marketplace's folder")
        let (nested, _) = try roles(["market/plugins/formatter/agents/fmt.md"],
                                    manifests: ["market/.claude-plugin/marketplace.json": marketplace])
        #expect(nested["market/plugins/formatter/agents/fmt.md"] == .definition(.agent, .claudePlugin))
        #expect(found["formatter/agents/fmt.md"] == .markdown)
    }

    @Test func aStrictFalseMarketplaceEntryListsItsFilesInline() throws {
        let marketplace = """
            {
              "plugins": [{
                "name": "security",
                "source": "./",
                "strict": false,
                "agents": ["./reviewers/security.md"],
                "commands": ["./scripts/audit.md"]
              }]
            }
            """
        let (found, problems) = try roles(["reviewers/security.md", "reviewers/style.md", "scripts/audit.md"],
                                          manifests: [".claude-plugin/marketplace.json": marketplace])
        #expect(problems.isEmpty)
        #expect(found["reviewers/security.md"] == .definition(.agent, .claudePlugin))
        #expect(found["reviewers/style.md"] == .markdown)
        #expect(found["scripts/audit.md"] == .definition(.command, .claudePlugin))
    }

    @Test func builtInLocationsWinOverPluginFolders() throws {
        let (found, _) = try roles([".claude/agents/x.md"], manifests: [".claude-plugin/plugin.json": #"{"agents": "./.claude/agents"}"#])
        #expect(found[".claude/agents/x.md"] == .definition(.agent, .claudeCode))
    }

    @Test func anInvalidPluginManifestIsReportedAndItsDefaultFoldersStillRead() throws {
        let manifest = "{\n  \"name\": \"review\"\n  \"agents\": [\"./x.md\"]\n}\n"
        let (found, problems) = try roles(["p/agents/a.md", "p/x.md"], manifests: ["p/.claude-plugin/plugin.json": manifest])
        #expect(found["p/agents/a.md"] == .definition(.agent, .claudePlugin))
        #expect(found["p/x.md"] == .markdown)
        let problem = try #require(problems.first)
        #expect(problems.count == 1)
        #expect(problem.path == "p/.claude-plugin/plugin.json")
        #expect(problem.message.hasPrefix("plugin manifest is not valid JSON"))
        #expect(problem.message.hasSuffix("Claude Code cannot load it, and tierlint finds its agents only in the default folders"))
        #expect(problem.line == 3)
    }

    /// Claude Code reads manifests with JSON.parse, which rejects a trailing comma.
    @Test func aTrailingCommaMakesAManifestInvalid() throws {
        let manifest = "{\n  \"name\": \"review\",\n  \"agents\": [\"./x.md\",]\n}\n"
        let (_, problems) = try roles(["p/x.md"], manifests: ["p/.claude-plugin/plugin.json": manifest])
        #expect(problems.map(\.line) == [3])
    }

    @Test func anInvalidMarketplaceDeclaresNoPlugins() throws {
        let (found, problems) = try roles(["plugins/a/agents/x.md"], manifests: [".claude-plugin/marketplace.json": "{ plugins: [] }"])
        #expect(found["plugins/a/agents/x.md"] == .markdown)
        #expect(problems.map(\.path) == [".claude-plugin/marketplace.json"])
    }

    @Test func aManifestThatIsNotAnObjectIsReported() throws {
        let (found, problems) = try roles(["p/agents/a.md"], manifests: ["p/.claude-plugin/plugin.json": "[1, 2]"])
        #expect(problems == [ParseProblem(
            path: "p/.claude-plugin/plugin.json", line: 1, column: 1, message: "plugin manifest must be a JSON object")])
        #expect(found["p/agents/a.md"] == .definition(.agent, .claudePlugin))
    }

    @Test func manifestProblemsAreParseErrorFindings() throws {
        let findings = try lint([
            SourceFile(path: "p/.claude-plugin/plugin.json", text: "{ nope"),
            SourceFile(path: "p/agents/a.md", text: "---\nmodel: sonnet\n---\n"),
        ]).findings
        #expect(findings.map(\.rule.slug) == ["parse-error"])
        #expect(findings.first?.path == "p/.claude-plugin/plugin.json")
    }

    @Test func excludedManifestsAreNotRead() throws {
        let configuration = try ConfigurationLoader.load("exclude: [vendor/]\n")
        let selector = FileSelector(configuration: configuration)
        #expect(selector.manifestPaths(in: ["vendor/p/.claude-plugin/plugin.json", "p/.claude-plugin/plugin.json", "p/plugin.json"])
            == ["p/.claude-plugin/plugin.json"])
    }

    @Test func manifestPathsJoinAndNormalise() {
        #expect(PluginManifest.owner(of: "a/b/.claude-plugin/plugin.json") == "a/b")
        #expect(PluginManifest.owner(of: ".claude-plugin/plugin.json") == "")
        #expect(PluginManifest.relative("./agents/x.md") == "agents/x.md")
        #expect(PluginManifest.relative("./") == "")
        #expect(PluginManifest.relative("././cmds//") == "cmds")
        #expect(PluginManifest.join("p", "../shared/agents") == "shared/agents")
        #expect(PluginManifest.join("", "./a/./b") == "a/b")
    }
}
