import Testing
@testable import TierlintCore

private func codes(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.line):\($0.rule.code)" }
}

/// Inline suppressions: where each form applies, and that an unused one is reported.
@Suite struct SuppressionTests {
    static let sprint = """
        ## Sprint 5: Reporting

        | # | Ticket | Model |
        |---|--------|-------|
        | 5.1 | Create reports table | opus |
        | 5.2 | Implement OAuth login | sonnet |
        | 5.3 | Design report engine | opus |
        | 5.4 | Design cache | opus |
        | 5.5 | Research options | opus |
        | 5.6 | Design report API | opus |
        """

    @Test func withoutSuppressionsTheSprintHasThreeFindings() throws {
        #expect(codes(try lint("docs/backlog.md", Self.sprint)) == ["1:TL004", "5:TL006", "6:TL003"])
    }

    @Test func aCommentInARowCoversThatTicket() throws {
        let text = Self.sprint
            .replacingOccurrences(of: "Create reports table |", with: "Create reports table <!-- tierlint-disable overkill: holds PII, ADR-12 --> |")
            .replacingOccurrences(of: "| 5.2 | Implement OAuth login | sonnet |", with: "| 5.2 | Implement OAuth login | sonnet | <!-- tierlint-disable TL003: appsec reviewed -->")
        #expect(codes(try lint("docs/backlog.md", text)) == ["1:TL004"])
    }

    @Test func aCommentAboveATableCoversTheTableAndItsSection() throws {
        let text = Self.sprint.replacingOccurrences(
            of: "## Sprint 5: Reporting\n\n",
            with: "## Sprint 5: Reporting\n\n<!-- tierlint-disable distribution, overkill, security-tier: research sprint, signed off -->\n")
        #expect(codes(try lint("docs/backlog.md", text)) == [])
        // It does not reach the next section.
        let next = text + "\n\n## Sprint 6\n\n| # | Ticket | Model |\n|---|---|---|\n| 6.1 | Create audit table | opus |\n"
        #expect(codes(try lint("docs/backlog.md", next)) == ["17:TL006"])
    }

    @Test func aTableCommentCoversTheDistributionStatedUnderIt() throws {
        let text = """
            <!-- tierlint-disable distribution-mismatch: copied from the planning doc -->
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create users table | haiku |

            Distribution: 2 haiku (100%)
            """
        #expect(codes(try lint("docs/backlog.md", text)) == [])
    }

    @Test func aFileCommentCoversTheFile() throws {
        let text = "<!-- tierlint-disable-file overkill, distribution, security-tier: archived sprint -->\n\n" + Self.sprint
        #expect(codes(try lint("docs/backlog.md", text)) == [])
    }

    @Test func aLongReasonMayWrap() throws {
        let text = "<!--\ntierlint-disable-file overkill, distribution, security-tier:\n  archived sprint, kept for the record\n-->\n\n" + Self.sprint
        #expect(codes(try lint("docs/backlog.md", text)) == [])
    }

    @Test func commentsShownAsCodeAreNotSuppressions() throws {
        let text = """
            ```markdown
            <!-- tierlint-disable-file overkill: an example in the docs -->
            ```

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Document `<!-- tierlint-disable overkill: x -->` usage | opus |
            | 2 | Create users table | opus |
            """
        #expect(codes(try lint("docs/backlog.md", text)) == ["7:TL006", "8:TL006"])
    }

    @Test func aFrontmatterCommentCoversTheAgent() throws {
        let agent = """
            ---
            name: login-copy
            description: Writes the copy of the login page.
            model: haiku  # tierlint-disable security-tier: copy only, reviewed by appsec
            ---
            """
        #expect(codes(try lint(".claude/agents/login-copy.md", agent)) == [])
        let bodyComment = """
            ---
            name: login-copy
            description: Writes the copy of the login page.
            model: haiku
            ---
            <!-- tierlint-disable security-tier: copy only -->
            Write the copy.
            """
        #expect(codes(try lint(".claude/agents/login-copy.md", bodyComment)) == [])
        #expect(codes(try lint(".claude/agents/login-copy.md", bodyComment.replacingOccurrences(of: "<!--", with: "`<!--").replacingOccurrences(of: "-->", with: "-->`")))
            == ["4:TL003"])
    }

    @Test func aYAMLCommentCoversTheEntryBelowIt() throws {
        let agents = """
            # Agents of the pipeline.
            agents:
              # tierlint-disable security-tier: formats auth logs only
              auth-log-formatter:
                model: haiku
                description: Formats authentication logs.
              token-checker:
                model: haiku
                description: Validates OAuth tokens.
            """
        #expect(codes(try lint("agents.yml", agents)) == ["8:TL003"])
        let trailing = agents.replacingOccurrences(of: "  token-checker:", with: "  token-checker:  # tierlint-disable TL003: sandbox only")
        #expect(codes(try lint("agents.yml", trailing)) == [])
        let wholeFile = "# tierlint-disable-file security-tier: a sandbox\n" + agents
        #expect(codes(try lint("agents.yml", wholeFile)).filter { $0.hasSuffix("TL003") } == [])
    }

    @Test func unusedSuppressionsAreReported() throws {
        let text = """
            <!-- tierlint-disable uniform-sprint: stale -->
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create users table <!-- tierlint-disable overkill, owner-default: partly stale --> | opus |
            | 2 | Create roles table <!-- tierlint-disable overkil: typo --> | haiku |
            | 3 | Create audit table <!-- tierlint-disable: no rules --> | haiku |
            """
        let findings = try lint("docs/backlog.md", text)
        #expect(codes(findings) == ["1:TL018", "4:TL018", "5:TL018", "6:TL018"], "\(findings.map(\.message))")
        #expect(findings[0].message.contains("no uniform-sprint finding is covered by it"))
        #expect(findings[0].column == 6)
        #expect(findings[1].message.hasPrefix("the suppression of owner-default is unused"))
        #expect(findings[2].message.contains("no rule is named \"overkil\""))
        #expect(findings[3].message.contains("names no rule"))
    }

    @Test func aSuppressionOfARuleThatIsOffIsUnused() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create users table <!-- tierlint-disable overkill: x --> | opus |\n"
        let findings = try lint("docs/backlog.md", text, configuration: "rules:\n  overkill: off\n")
        #expect(findings.map(\.message) == ["this suppression is unused: overkill is turned off in .tierlint.yml; remove it"])
        // And it can itself be turned off.
        #expect(try lint("docs/backlog.md", text, configuration: "rules:\n  overkill: off\n  unused-suppression: off\n").isEmpty)
    }

    @Test func aCommentFollowedByNoTableAppliesToNothing() throws {
        let findings = try lint("docs/notes.md", "<!-- tierlint-disable overkill: x -->\n\nJust prose.\n")
        #expect(findings.map(\.rule.code) == ["TL018"])
        #expect(findings.first?.message.contains("followed by no table") == true)
    }

    @Test func aSuppressionWithoutAReasonStillAppliesButIsReported() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create users table <!-- tierlint-disable overkill --> | opus |\n"
        let findings = try lint("docs/backlog.md", text)
        #expect(codes(findings) == ["3:TL019"])
        // In YAML a reason may follow ` -- ` too.
        let agent = "---\nname: login-copy\nmodel: haiku # tierlint-disable security-tier -- copy only\n---\n"
        #expect(try lint(".claude/agents/login-copy.md", agent).isEmpty)
    }

    @Test func aRowCommentGitHubWouldShowAsTextIsNoComment() throws {
        // `--` inside an inline comment makes it text on GitHub (CommonMark 0.29), so it is
        // part of the title and silences nothing.
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create users table <!-- tierlint-disable overkill -- x --> | opus |\n"
        #expect(SuppressionExtractor.htmlComments(inRow: "| 1 | a <!-- x -- y --> | b |").isEmpty)
        #expect(SuppressionExtractor.htmlComments(inRow: "| 1 | a <!-- x: y --> | b |").map(\.column) == [13])
        #expect(try lint("docs/backlog.md", text).allSatisfy { $0.rule.code != "TL018" })
    }

    @Test func directivesAreReadExactly() {
        #expect(SuppressionDirective.all(in: " tierlint-disable overkill, TL003: a reason: with a colon ", endsAtLineEnd: false)
            == [SuppressionDirective(rules: ["overkill", "TL003"], reason: "a reason: with a colon", isFileWide: false, offset: 1)])
        #expect(SuppressionDirective.all(in: "tierlint-disable-file distribution", endsAtLineEnd: true)
            == [SuppressionDirective(rules: ["distribution"], reason: nil, isFileWide: true, offset: 0)])
        #expect(SuppressionDirective.all(in: "tierlint-disabled overkill", endsAtLineEnd: true).isEmpty)
        #expect(SuppressionDirective.all(in: "tierlint-disable-next-line overkill", endsAtLineEnd: true).isEmpty)
        #expect(SuppressionDirective.all(in: "not-tierlint-disable overkill", endsAtLineEnd: true).isEmpty)
    }

    @Test func yamlCommentsStartOutsideQuotes() {
        func start(_ line: String) -> Int? { SuppressionExtractor.commentStart(line).map { line.distance(from: line.startIndex, to: $0) } }
        #expect(start("model: haiku # note") == 13)
        #expect(start("# own line") == 0)
        #expect(start("description: \"a # in quotes\" # real") == 29)
        #expect(start("url: http://x/#anchor") == nil)
    }
}

/// `include`, `exclude` and `per-path-ignores` in .tierlint.yml.
@Suite struct PathConfigurationTests {
    static let files = [
        SourceFile(path: "docs/backlog.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create users table | opus |\n"),
        SourceFile(path: "docs/archive/old.md", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | Implement OAuth login | haiku |\n"),
    ]

    @Test func perPathIgnoresSilenceRulesForMatchingPaths() throws {
        let result = try lint(Self.files, configuration: "per-path-ignores:\n  \"docs/archive/**\": [security-tier]\n  \"*.md\": TL006\n")
        #expect(result.findings.isEmpty, "\(result.findings.map(\.message))")
        #expect(result.filesChecked == 2)
    }

    @Test func includeNarrowsAndExcludeWins() throws {
        let included = try lint(Self.files, configuration: "include: [\"docs/archive/**\"]\n")
        #expect(included.findings.map(\.path) == ["docs/archive/old.md"])
        #expect(included.filesChecked == 1)
        let both = try lint(Self.files, configuration: "include: [\"docs/**\"]\nexclude: [\"docs/archive/\"]\n")
        #expect(both.findings.map(\.path) == ["docs/backlog.md"])
    }

    @Test func anUnknownRuleInAnIgnoreIsAConfigurationError() throws {
        #expect(throws: ConfigurationError.self) {
            try lint(Self.files, configuration: "per-path-ignores:\n  \"docs/**\": [overkil]\n")
        }
    }
}

/// What the review of the CI surfaces found about suppressions.
@Suite struct SuppressionPlacementTests {
    @Test func visibleHTMLTextIsNoSuppression() throws {
        let text = """
            <p>Note: to silence a ticket, write tierlint-disable security-tier: reason in a comment.</p>

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Implement password reset | sonnet |
            """
        #expect(codes(try lint("docs/backlog.md", text)) == ["5:TL003"])
        #expect(SuppressionExtractor.htmlComments(inBlock: "<p>a</p><!-- b -->").map(\.text) == [" b "])
    }

    @Test func suppressionsWorkInCRLFFiles() throws {
        let row = "| # | Ticket | Model |\r\n|---|---|---|\r\n| 1 | Implement password reset <!-- tierlint-disable security-tier: x --> | sonnet |\r\n"
        #expect(try lint("docs/backlog.md", row).isEmpty)
        let agent = "---\r\nname: login-copy\r\ndescription: Writes login copy.\r\nmodel: haiku\r\n# tierlint-disable security-tier: copy only\r\n---\r\n"
        #expect(try lint(".claude/agents/login-copy.md", agent).isEmpty)
        let yaml = "agents:\r\n  # tierlint-disable security-tier: sandbox\r\n  auth-a:\r\n    model: haiku\r\n    description: Checks OAuth tokens.\r\n"
        #expect(try lint("agents.yml", yaml).isEmpty)
    }

    @Test func aHashInABlockScalarIsText() throws {
        let agent = """
            ---
            name: reviewer
            description: |
              Reviews authentication code.
              # tierlint-disable security-tier: this is text
            model: sonnet
            ---
            """
        #expect(codes(try lint(".claude/agents/reviewer.md", agent)) == ["6:TL003"])
        #expect(SuppressionExtractor.blankingBlockScalars(["a: |", "  # x", "b: 1 # y"]) == ["a: |", "", "b: 1 # y"])
    }

    @Test func aCommentAboveAnyTableOfASectionCoversTheSection() throws {
        let text = """
            ## Sprint 9

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Implement SessionService | sonnet |
            | 2 | Implement SessionRepository | sonnet |

            <!-- tierlint-disable distribution: research sprint -->
            | # | Ticket | Model |
            |---|--------|-------|
            | 3 | Design cache | opus |
            | 4 | Design queue | opus |
            | 5 | Research storage | opus |
            """
        #expect(codes(try lint("docs/backlog.md", text)) == [])
    }

    @Test func aCommentAboveAListOfAgentsCoversNone() throws {
        let yaml = """
            # tierlint-disable security-tier: only the reviewer
            agents:
              auth-reviewer:
                model: haiku
                description: Reviews OAuth flows.
              token-checker:
                model: haiku
                description: Validates OAuth tokens.
            """
        let findings = try lint("agents.yml", yaml)
        #expect(codes(findings) == ["1:TL018", "4:TL003", "7:TL003"], "\(findings.map(\.message))")
        #expect(findings[0].message.contains("holds 2 models"))
    }

    @Test func anUnchangedAgentMayExcuseItsSetButIsNotReported() throws {
        var files = (1...6).map { index in
            SourceFile(path: ".claude/agents/a\(index).md", text: "---\nname: a\(index)\ndescription: Builds things.\nmodel: \(index <= 3 ? "opus" : "sonnet")\n---\n")
        }
        files[0] = SourceFile(path: ".claude/agents/a1.md", text: "---\nname: a1\ndescription: Builds things.\nmodel: opus # tierlint-disable distribution: a1 is our architect\n---\n")
        // A pre-commit check of a2 alone: a1 is read for the set, and its suppression counts.
        let run = try LintRun(source: MemorySource(files, checked: [".claude/agents/a2.md"]))
        #expect(try run.lint().findings.isEmpty)
        // Without it, the set is reported at the changed file, under the set's identity.
        files[0] = SourceFile(path: ".claude/agents/a1.md", text: "---\nname: a1\ndescription: Builds things.\nmodel: opus\n---\n")
        let findings = try LintRun(source: MemorySource(files, checked: [".claude/agents/a2.md"])).lint().findings
        #expect(findings.map(\.path) == [".claude/agents/a2.md"])
        #expect(findings.first?.identity.path == "agent set:")
    }
}
