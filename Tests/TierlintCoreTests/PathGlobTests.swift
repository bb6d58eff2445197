import Testing
@testable import TierlintCore

/// Path patterns as `.gitignore` writes them, used by `exclude`, `backlogs.paths` and
/// definition locations.
@Suite struct PathGlobTests {
    private func expect(_ pattern: String, matches: [String], notMatches: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        let glob = PathGlob(pattern)
        for path in matches {
            #expect(glob.matches(path), "\(pattern) should match \(path)", sourceLocation: sourceLocation)
        }
        for path in notMatches {
            #expect(!glob.matches(path), "\(pattern) should not match \(path)", sourceLocation: sourceLocation)
        }
    }

    @Test func doubleStarMatchesAnyNumberOfFolders() {
        expect("**/.claude/agents/**/*.md",
               matches: [".claude/agents/a.md", "x/.claude/agents/a.md", "x/y/z/.claude/agents/sub/deeper/a.md"],
               notMatches: [".claude/agents/a.txt", ".claude/agentsx/a.md", "claude/agents/a.md", ".claude/a.md"])
        expect("a/**/b.md", matches: ["a/b.md", "a/x/b.md", "a/x/y/b.md"], notMatches: ["b.md", "x/a/b.md", "a/xb.md"])
        expect("docs/**", matches: ["docs/a.md", "docs/a/b/c.md"], notMatches: ["other/a.md", "xdocs/a.md"])
        expect("**", matches: ["a.md", "a/b/c.md"], notMatches: [])
    }

    /// For symbolic links to folders: could files inside the folder match, through the part of
    /// the pattern that names folders (not a leading `**`, which reaches into every folder)?
    @Test func matchesInsideAFolderItNames() {
        let agents = PathGlob("**/.claude/agents/**/*.md")
        for folder in [".claude", ".claude/agents", ".claude/agents/team", "x/.claude/agents", "x/.claude"] {
            #expect(agents.matchesInside(folder), "\(folder)")
        }
        for folder in ["vendor", "vendor/lib", ".claude/commands", ".claude/agentsx", ""] {
            #expect(!agents.matchesInside(folder), "\(folder)")
        }
        let cursor = PathGlob("**/.cursor/agents/*.md")
        #expect(cursor.matchesInside(".cursor/agents"))
        #expect(!cursor.matchesInside(".cursor/agents/nested"))
        #expect(PathGlob("agents/**/*.md").matchesInside("agents"))
        #expect(!PathGlob("agents/**/*.md").matchesInside("x/agents"))
        #expect(!PathGlob("*.agent.md").matchesInside("anything"))
        #expect(PathGlob("{prompts,flows}/").matchesInside("flows"))
    }

    @Test func starMatchesWithinOneSegment() {
        expect("docs/*.md", matches: ["docs/a.md", "docs/.hidden.md", "docs/.md"], notMatches: ["docs/a/b.md", "x/docs/a.md", "docs/a.mdx"])
        expect("docs/*", matches: ["docs/a.md"], notMatches: ["docs/a/b.md"])
        expect("docs/back*log.md", matches: ["docs/backlog.md", "docs/back-2025-log.md"], notMatches: ["docs/back/log.md"])
    }

    @Test func questionMarkMatchesOneCharacter() {
        expect("v?.md", matches: ["v1.md", "docs/v2.md", "vé.md"], notMatches: ["v10.md", "v.md"])
        expect("a?b", matches: ["axb"], notMatches: ["a/b"])
    }

    @Test func bracesAreAlternatives() {
        expect("docs/{backlog,plan}.md", matches: ["docs/backlog.md", "docs/plan.md"], notMatches: ["docs/other.md", "docs/{backlog,plan}.md"])
        expect("*.{md,markdown}", matches: ["a.md", "x/a.markdown"], notMatches: ["a.txt"])
        expect("{a,{b,c}}.md", matches: ["a.md", "b.md", "c.md"], notMatches: ["d.md"])
        expect("{,draft-}plan.md", matches: ["plan.md", "draft-plan.md"], notMatches: ["final-plan.md"])
        expect("{docs,notes}/**/*.md", matches: ["docs/a.md", "notes/x/y.md"], notMatches: ["src/a.md"])
    }

    @Test func braceExpansionIsCapped() {
        let pattern = String(repeating: "{a,b}", count: 12)
        #expect(PathGlob.expandBraces(pattern).count == 256)
        #expect(PathGlob.expandBraces("no-braces") == ["no-braces"])
        #expect(PathGlob.expandBraces("{unclosed") == ["{unclosed"])
    }

    @Test func aPatternWithoutASlashMatchesANameAtAnyDepth() {
        expect("*.md", matches: ["README.md", "docs/a/b.md"], notMatches: ["README.txt"])
        expect("CHANGELOG.md", matches: ["CHANGELOG.md", "packages/x/CHANGELOG.md"], notMatches: ["CHANGELOG.md.bak"])
    }

    @Test func aPatternWithASlashIsAnchoredAtTheRoot() {
        expect("docs/backlog.md", matches: ["docs/backlog.md"], notMatches: ["x/docs/backlog.md"])
        expect("/docs/backlog.md", matches: ["docs/backlog.md"], notMatches: ["x/docs/backlog.md"])
        expect("./docs/backlog.md", matches: ["docs/backlog.md"], notMatches: ["x/docs/backlog.md"])
    }

    @Test func aTrailingSlashMatchesEverythingUnderTheFolder() {
        expect("vendor/", matches: ["vendor/a.md", "vendor/x/y/z.md"], notMatches: ["vendor.md", "vendors/a.md"])
        expect("docs/archive/", matches: ["docs/archive/2024/q1.md"], notMatches: ["docs/archived.md", "docs/a.md"])
    }

    @Test func matchingIsCaseSensitiveAsGitIs() {
        expect("*.md", matches: ["a.md"], notMatches: ["A.MD"])
        expect("SKILL.md", matches: ["x/SKILL.md"], notMatches: ["x/skill.md"])
    }

    @Test func redundantSlashesInPathsAreIgnored() {
        expect("docs/*.md", matches: ["docs//a.md", "/docs/a.md"], notMatches: [])
    }

    @Test func thePatternIsItsDescription() {
        #expect(PathGlob("docs/**/*.md").description == "docs/**/*.md")
        #expect(PathGlob("a/*") == PathGlob("a/*"))
    }

    @Test func pathologicalPatternsStayFast() {
        let long = String(repeating: "a", count: 2_000)
        #expect(!PathGlob(String(repeating: "*a", count: 50) + "b").matches(long))
        let deep = Array(repeating: "a", count: 500).joined(separator: "/")
        #expect(!PathGlob(String(repeating: "**/", count: 50) + "b").matches(deep))
        #expect(Wildcard.matches(Array("*a*a*a*a*a*b"), Array(long)) == false)
        #expect(Wildcard.matches(Array("a*"), Array(long)))
    }
}
