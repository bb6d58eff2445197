import Testing
@testable import TierlintCore

/// The backlog of one Markdown file, read the way the linter reads it: roles from the
/// configuration, then the document loader.
private func backlog(_ text: String, path: String = "docs/backlog.md", configuration: String? = nil) throws -> Backlog? {
    let configuration = try configuration.map { try ConfigurationLoader.load($0) } ?? Configuration()
    guard let role = FileSelector(configuration: configuration).select([path], manifests: [:]).roles[path] else { return nil }
    let loader = DocumentLoader(configuration: configuration, catalog: configuration.catalog(from: .bundled))
    guard case .markdown(let backlog?, _) = loader.load(SourceFile(path: path, text: text), role: role) else { return nil }
    return backlog
}

/// The number of tickets the public linter counts in one file.
private func ticketCount(_ text: String, path: String = "docs/backlog.md", configuration: String? = nil) throws -> Int {
    try lint([SourceFile(path: path, text: text)], configuration: configuration).tickets
}

/// The tier names of each ticket's effective tier, `nil` when there is none.
private func tiers(_ backlog: Backlog?) -> [String?] {
    (backlog?.tickets ?? []).map { $0.model.effectiveTier?.name }
}

@Suite struct BacklogExtractorTests {
    // MARK: - Tickets, IDs, titles and sections

    @Test func eachBodyRowOfATableWithModelAndTicketColumnsIsATicket() throws {
        let text = """
            # Backlog

            ## Sprint 4: Session Management

            | # | Ticket | Model | Cost Tier |
            |---|--------|-------|-----------|
            | 4.1 | Create sessions table | haiku | $ |
            | 4.2 | Implement SessionService | sonnet | $$ |
            | 4.10 | Implement session state machine | opus | $$$ |
            """
        let found = try #require(try backlog(text))
        #expect(found.path == "docs/backlog.md")
        #expect(found.tables.count == 1)
        let table = found.tables[0]
        #expect(table.section == "Sprint 4: Session Management")
        #expect(table.sectionLine == 3)
        #expect(table.line == 5)
        #expect(table.endLine == 9)
        #expect(table.columns == ["#", "Ticket", "Model", "Cost Tier"])
        #expect(found.tickets.map(\.id) == ["4.1", "4.2", "4.10"])
        #expect(found.tickets.map(\.title) == ["Create sessions table", "Implement SessionService", "Implement session state machine"])
        #expect(found.tickets.map(\.line) == [7, 8, 9])
        #expect(found.tickets.allSatisfy { $0.section == "Sprint 4: Session Management" })
        #expect(tiers(found) == ["haiku", "sonnet", "opus"])
        #expect(found.tickets[0].cells["cost tier"] == "$")
        // The Model cell's position is its first character.
        #expect(found.tickets[0].model.line == 7)
        #expect(found.tickets[0].model.column == 33)

        let result = try lint([SourceFile(path: "docs/backlog.md", text: text)])
        #expect(result.tickets == 3)
        #expect(result.filesChecked == 1)
        #expect(result.findings.isEmpty)
    }

    /// Jekyll and Docusaurus pages open with YAML frontmatter; to cmark, its last key above the
    /// closing `---` is a setext heading.
    @Test func frontmatterIsNeitherASectionNorANoteAndLinesStayTrue() throws {
        let text = """
            ---
            title: Sprint plan
            sidebar_position: 2
            ---

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Add config file | haiku |

            Distribution: 1 haiku (100%)
            """
        let found = try #require(try backlog(text))
        #expect(found.tables[0].section == nil)
        #expect(found.tables[0].line == 6)
        #expect(found.tickets.map(\.line) == [8])
        #expect(found.tickets[0].model.column == 25)
        #expect(found.tables[0].notes.map(\.line) == [10])

        let withHeading = try #require(try backlog("---\r\ntitle: Plan\r\n...\r\n## Sprint 2\r\n\r\n" + Self.table))
        #expect(withHeading.tables[0].section == "Sprint 2")
        #expect(withHeading.tables[0].sectionLine == 4)
        #expect(withHeading.tickets.map(\.line) == [8])
        let withBOM = try #require(try backlog("\u{FEFF}---\ntitle: Plan\n---\n\n" + Self.table))
        #expect(withBOM.tables[0].section == nil)
        #expect(withBOM.tickets.map(\.line) == [7])
    }

    static let table = "| # | Ticket | Model |\n|---|--------|-------|\n| 1 | Add config file | haiku |\n"

    @Test func aPageThatOpensWithARuleKeepsItsContent() throws {
        // Not frontmatter: the block between the rules is a heading and a table, not a mapping.
        let text = "---\n## Sprint 3\n\n" + Self.table + "---\n"
        let found = try #require(try backlog(text))
        #expect(found.tables[0].section == "Sprint 3")
        #expect(found.tickets.map(\.line) == [6])
        // An empty block is frontmatter too.
        let empty = try #require(try backlog("---\n---\n" + Self.table))
        #expect(empty.tables[0].section == nil)
        #expect(empty.tickets.map(\.line) == [5])
    }

    @Test func theSectionIsTheNearestHeadingAboveTheTableAtAnyLevel() throws {
        let text = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 0.1 | Write README | haiku |

            # Project

            Some intro.

            ## Sprint 1

            ### Notes on **Sprint 1**

            | # | Ticket | Model |
            |---|--------|-------|
            | 1.1 | Add config file | haiku |

            Sprint `2`: Auth
            ===============

            | # | Ticket | Model |
            |---|--------|-------|
            | 2.1 | Build login page | opus |

            | # | Ticket | Model |
            |---|--------|-------|
            | 2.2 | Build logout page | opus |
            """
        let found = try #require(try backlog(text))
        #expect(found.tables.map(\.section) == [nil, "Notes on Sprint 1", "Sprint 2: Auth", "Sprint 2: Auth"])
        #expect(found.tables.map(\.sectionLine) == [nil, 11, 17, 17])
        #expect(found.tickets.map(\.section) == [nil, "Notes on Sprint 1", "Sprint 2: Auth", "Sprint 2: Auth"])
    }

    @Test func aTicketWithoutAnIDIsNamedByItsTitle() throws {
        let text = """
            | Task | Model |
            |------|-------|
            | Create sessions table | TBD |
            | Write README | haiku |
            """
        let found = try #require(try backlog(text))
        #expect(found.tickets.map(\.id) == [nil, nil])
        #expect(found.tickets.first?.subject == "ticket \"Create sessions table\"")
        let findings = try lint("docs/backlog.md", text)
        #expect(findings.map(\.message) == [
            "ticket \"Create sessions table\" has the placeholder \"TBD\" for a model; choose one of haiku, sonnet, opus",
        ])
    }

    @Test func findingsNameTheTicketByIDAndTitle() throws {
        let findings = try lint("docs/backlog.md", """
            | # | Ticket | Model |
            |---|--------|-------|
            | 4.1 | Create sessions table | n/a |
            | 4.2 | Implement SessionService |  |
            | 4.3 | Write README | haiku |
            """)
        #expect(findings.map(\.message) == [
            "ticket 4.1 \"Create sessions table\" has the placeholder \"n/a\" for a model; choose one of haiku, sonnet, opus",
            "ticket 4.2 \"Implement SessionService\" has an empty Model cell; choose one of haiku, sonnet, opus",
        ])
        #expect(findings.map(\.subject) == ["ticket 4.1", "ticket 4.2"])
        #expect(findings.map(\.position) == ["docs/backlog.md:3:33", "docs/backlog.md:4:36"])
    }

    /// Seed 000, mistake 3 ("No Model Specified"): a sprint planned without models is the
    /// backlog the missing-model rule exists for.
    @Test func aTableWhoseModelsAreAllPlaceholdersIsStillABacklog() throws {
        let text = """
            ## Sprint 5

            | # | Ticket | Model |
            |---|--------|-------|
            | 5.1 | Create sessions table | TBD |
            | 5.2 | Build SessionPage component |  |
            """
        #expect(try ticketCount(text) == 2)
        #expect(try lint("docs/backlog.md", text).map(\.rule.slug) == ["missing-model", "missing-model"])
    }

    @Test func aTableWhoseModelsAreAllMisspeltIsStillABacklog() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create sessions table | sonet |\n"
        #expect(try lint("docs/backlog.md", text).map(\.suggestion) == ["sonnet"])
    }

    @Test func headerNamesMatchIgnoringCaseEmphasisPunctuationAndPlurals() throws {
        let text = """
            | **ID** | User Story: | Owner | Labels | Suggested Model |
            |--------|-------------|-------|--------|-----------------|
            | S-1 | Export report as CSV | Backend Lead | feature, export | sonnet |
            | S-2 | Write docs | | docs | HAIKU |
            """
        let found = try #require(try backlog(text))
        #expect(found.tickets.map(\.id) == ["S-1", "S-2"])
        #expect(found.tickets.map(\.title) == ["Export report as CSV", "Write docs"])
        #expect(found.tickets.map(\.owner) == ["Backend Lead", nil])
        #expect(found.tickets.map(\.labels) == [["feature, export"], ["docs"]])
        #expect(tiers(found) == ["sonnet", "haiku"])
    }

    @Test(arguments: ["Model", "AI Model", "LLM", "Model Tier", "Agent Model", "Assigned Model", "Models", "*model*"])
    func everyDefaultModelColumnNameIsRecognised(header: String) throws {
        #expect(try ticketCount("| # | Ticket | \(header) |\n|---|---|---|\n| 1 | Add config file | haiku |\n") == 1)
    }

    @Test(arguments: ["Ticket", "Task", "Title", "Summary", "Story", "Issue", "Item", "Work Item", "Tasks", "**Ticket**", "Ticket:"])
    func everyDefaultTicketColumnNameIsRecognised(header: String) throws {
        #expect(try ticketCount("| # | \(header) | Model |\n|---|---|---|\n| 1 | Add config file | haiku |\n") == 1)
    }

    @Test func pluralsEndingInIesMatchTheirSingular() throws {
        let count = try ticketCount("| # | User Stories | Model |\n|---|---|---|\n| 1 | Add config file | haiku |\n")
        #expect(count == 1)
    }

    @Test func emptyRowsAreNotTickets() throws {
        let found = try #require(try backlog("""
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Add config file | haiku |
            |   |        |       |
            | 2 | Add env template | haiku |
            """))
        #expect(found.tickets.map(\.id) == ["1", "2"])
    }

    /// A row that sums up the table is no ticket, whatever it writes in the Model column.
    @Test(arguments: [
        "| | Total | 4 |", "| **Total** | | 4 tickets |", "| Σ | | 2 haiku, 2 sonnet |", "| | **Totals:** | |",
        "| | Subtotal (backend) | 3 |", "| Sum | | 4 |", "| | Total tickets | sonnet |",
    ])
    func aTotalRowIsNotATicket(row: String) throws {
        let text = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Add config file | haiku |
            | 2 | Implement SessionService | sonnet |
            \(row)
            """
        let found = try #require(try backlog(text))
        #expect(found.tickets.map(\.id) == ["1", "2"])
        #expect(try lint("docs/backlog.md", text).isEmpty)
    }

    @Test func aTicketAboutTotalsIsStillATicket() throws {
        let found = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | Total revenue report | sonnet |\n| | All | |\n"))
        #expect(found.tickets.map(\.title) == ["Total revenue report"])
    }

    @Test func placeholderModelsAreStillTickets() throws {
        let found = try #require(try backlog("""
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | A | TBD |
            | 2 | B | - |
            | 3 | C | ? |
            | 4 | D | n/a |
            | 5 | E | … |
            | 6 | F | — |
            | 7 | G | **TODO** |
            | 8 | H | haiku |
            """))
        #expect(found.tickets.count == 8)
        #expect(found.tickets.prefix(7).allSatisfy { $0.model.isMissing })
    }

    // MARK: - Where a table is a table

    @Test func tablesInFencedCodeAreNotBacklogs() throws {
        #expect(try ticketCount("""
            ```markdown
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create sessions table | TBD |
            ```

            ~~~
            | # | Ticket | Model |
            |---|--------|-------|
            | 2 | Create users table | TBD |
            ~~~
            """) == 0)
    }

    @Test func tablesInIndentedCodeAreNotBacklogs() throws {
        #expect(try ticketCount("""
            An example:

                | # | Ticket | Model |
                |---|--------|-------|
                | 1 | Create sessions table | TBD |
            """) == 0)
    }

    @Test func tablesInHTMLCommentsAreNotBacklogs() throws {
        let text = """
            # Sprint 1

            <!--
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create sessions table | TBD |
            -->
            """
        #expect(try ticketCount(text) == 0)
        #expect(try lint("docs/backlog.md", text).isEmpty)
    }

    @Test func tablesInBlockQuotesAreBacklogs() throws {
        let found = try #require(try backlog("""
            > ## Sprint 9
            >
            > | # | Ticket | Model |
            > |---|--------|-------|
            > | 9.1 | Create sessions table | haiku |
            """))
        #expect(found.tickets.map(\.id) == ["9.1"])
        #expect(found.tickets.map(\.section) == ["Sprint 9"])
        #expect(found.tickets.first?.model.column == 35)
    }

    @Test func tablesInListItemsAreBacklogs() throws {
        let found = try #require(try backlog("""
            - Sprint 1:

              | # | Ticket | Model |
              |---|--------|-------|
              | 1.1 | Create sessions table | haiku |
            """))
        #expect(found.tickets.map(\.title) == ["Create sessions table"])
        #expect(found.tickets.first?.line == 5)
    }

    @Test func tablesInsideDetailsBlocksAreBacklogs() throws {
        #expect(try ticketCount("""
            <details>
            <summary>Sprint 1</summary>

            | # | Ticket | Model |
            |---|--------|-------|
            | 1.1 | Create sessions table | haiku |

            </details>
            """) == 1)
    }

    // MARK: - Cell text

    @Test func escapedPipesAndInlineCodeAreReadAsTheReaderSeesThem() throws {
        let found = try #require(try backlog("""
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Parse `a\\|b` and c\\|d | haiku |
            | 2 | Create `users` table | **sonnet** |
            | 3 | Link [docs](https://example.com) | [opus](https://example.com/opus) |
            """))
        #expect(found.tickets.map(\.title) == ["Parse a|b and c|d", "Create users table", "Link docs"])
        #expect(found.tickets.map { $0.model.writtenText } == ["haiku", "sonnet", "opus"])
        #expect(tiers(found) == ["haiku", "sonnet", "opus"])
    }

    @Test func aShortRowHasNoModelCell() throws {
        let text = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create sessions table |
            | 2 | Write README | haiku |
            """
        let ticket = try #require(try backlog(text)?.tickets.first)
        #expect(ticket.lacksModelCell)
        #expect(ticket.model.isMissing)
        let findings = try lint("docs/backlog.md", text)
        #expect(findings.map(\.rule.slug) == ["missing-model"])
        #expect(findings.first?.message.contains("has no Model cell (the row has fewer cells than the header)") == true)
        // There is no Model cell to point at: the last cell of the row stands in.
        #expect(findings.first?.position == "docs/backlog.md:3:7")
    }

    @Test func extraCellsInALongRowAreIgnored() throws {
        let found = try #require(try backlog("""
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Implement SessionService | sonnet | opus | extra |
            """))
        #expect(found.tickets.map(\.title) == ["Implement SessionService"])
        #expect(tiers(found) == ["sonnet"])
        #expect(found.tickets.first?.lacksModelCell == false)
    }

    @Test func emojiAreTextAndCountAsOneColumn() throws {
        let text = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 🚀 1 | 🔲 Build SessionPage component | 🟢 sonet |
            | 2 | Write README | haiku |
            """
        let ticket = try #require(try backlog(text)?.tickets.first)
        #expect(ticket.id == "🚀 1")
        #expect(ticket.title == "🔲 Build SessionPage component")
        let findings = try lint("docs/backlog.md", text)
        #expect(findings.map(\.rule.slug) == ["unknown-model"])
        #expect(findings.first?.position == "docs/backlog.md:3:41")
        #expect(findings.first?.suggestion == "sonnet")
    }

    // MARK: - Reference tables and named backlogs

    @Test func referenceTablesWithAModelColumnButNoTicketColumnAreNotBacklogs() throws {
        let text = """
            | Model | Relative Cost | Capability |
            |-------|---------------|------------|
            | GPT-4/Claude Opus | 10x | Best reasoning |
            | GPT-3.5/Claude Sonnet | 3x | Good for most tasks |
            | Claude Haiku | 1x | Fast, simple tasks |

            | Ticket Pattern | Model | Rationale |
            |----------------|-------|-----------|
            | Create [table] migration | haiku | Schema from spec, no logic |

            | Agent | Model | Purpose |
            |-------|-------|---------|
            | security-reviewer | sonnet-ish | Reviews auth code |
            """
        #expect(try backlog(text) == nil)
        let result = try lint([SourceFile(path: "docs/model-selection.md", text: text)])
        #expect(result.tickets == 0)
        #expect(result.findings.isEmpty)
    }

    @Test func aNamedBacklogCountsEveryTableWithAModelColumn() throws {
        let text = """
            ## Plan

            | Step | Model |
            |------|-------|
            | Scaffold the app | haiku |
            | Design the API | opus |
            """
        #expect(try ticketCount(text, path: "docs/plan.md") == 0)
        let configuration = "backlogs:\n  paths: [docs/plan.md]\n"
        #expect(try ticketCount(text, path: "docs/plan.md", configuration: configuration) == 2)
        let found = try #require(try backlog(text, path: "docs/plan.md", configuration: configuration))
        #expect(found.tickets.map(\.title) == ["Scaffold the app", "Design the API"])
        #expect(found.tickets.map(\.id) == [nil, nil])
        #expect(found.tickets.map(\.section) == ["Plan", "Plan"])
    }

    @Test func inANamedBacklogTheTitleIsTheFirstColumnThatSaysWhatTheRowIs() throws {
        let found = try #require(try backlog("""
            | ID | Owner | Type | Model | Work | Notes |
            |----|-------|------|-------|------|-------|
            | 7 | QA Lead | test | sonnet | Integration tests for checkout | - |
            """, path: "plans/q3.md", configuration: "backlogs:\n  paths: [\"plans/*.md\"]\n"))
        let ticket = try #require(found.tickets.first)
        #expect(ticket.id == "7")
        #expect(ticket.owner == "QA Lead")
        #expect(ticket.labels == ["test"])
        #expect(ticket.title == "Integration tests for checkout")
    }

    @Test func configuredColumnNamesReplaceTheDefaults() throws {
        let configuration = """
            backlogs:
              model-columns: [Modell]
              ticket-columns: [Aufgabe]
            """
        let german = "| Nr | Aufgabe | Modell |\n|---|---|---|\n| 1 | Tabelle anlegen | haiku |\n"
        #expect(try ticketCount(german, configuration: configuration) == 1)
        let english = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Create table | haiku |\n"
        #expect(try ticketCount(english, configuration: configuration) == 0)
    }

    @Test func configuredColumnNamesMayBeNonASCII() throws {
        let configuration = """
            backlogs:
              model-columns: [Modèle]
              ticket-columns: [Tâche]
            """
        let text = "| # | Tâche | Modèle |\n|---|---|---|\n| 1 | Créer la table | haiku |\n"
        // A named backlog skips the cheap pre-scan for the column name and is read in full.
        #expect(try ticketCount(text, path: "docs/plan.md", configuration: configuration + "\n  paths: [docs/plan.md]\n") == 1)
        let count = try ticketCount(text, configuration: configuration)
        #expect(count == 1)
    }

    @Test func configuredMissingValuesReplaceTheDefaults() throws {
        let found = try #require(try backlog("""
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | A | later |
            | 2 | B | Not Yet |
            | 3 | C |  |
            | 4 | D | haiku |
            """, configuration: "backlogs:\n  missing-values: [later, not yet]\n"))
        #expect(found.tickets.map(\.model.isMissing) == [true, true, true, false])
        let unknown = try lint("docs/backlog.md", "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | TBD |\n| 2 | B | haiku |\n",
                               configuration: "backlogs:\n  missing-values: [later]\n")
        #expect(unknown.map(\.rule.slug) == ["unknown-model"], "TBD is no longer a placeholder")
    }

    @Test func markdownWithoutAModelColumnIsNotRead() throws {
        let result = try lint([
            SourceFile(path: "README.md", text: "# Readme\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"),
            SourceFile(path: "notes.txt", text: "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | TBD |\n"),
        ])
        #expect(result.tickets == 0)
        #expect(result.filesChecked == 1, "only the Markdown file has a role")
        #expect(result.findings.isEmpty)
    }

    // MARK: - Model cells

    @Test(arguments: [
        ("haiku → sonnet", ["haiku", "sonnet"], "haiku"),
        ("haiku -> sonnet", ["haiku", "sonnet"], "haiku"),
        ("sonnet => opus", ["sonnet", "opus"], "sonnet"),
        ("opus, sonnet", ["opus", "sonnet"], "sonnet"),
        ("sonnet or opus", ["sonnet", "opus"], "sonnet"),
        ("haiku then sonnet", ["haiku", "sonnet"], "haiku"),
    ])
    func escalationsAndListsAreJudgedByTheirLowestModel(cell: String, names: [String], lowest: String) throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | \(cell) |\n")?.tickets.first)
        #expect(ticket.model.names.map(\.written) == names)
        #expect(ticket.model.effectiveTier?.name == lowest)
    }

    @Test func aSlashSeparatedPairIsAListOfTwoModels() throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | sonnet/opus |\n")?.tickets.first)
        #expect(ticket.model.names.map(\.written) == ["sonnet", "opus"])
        #expect(ticket.model.effectiveTier?.name == "sonnet")
    }

    @Test func aParentheticalNoteIsNotAModel() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Build checkout page | sonnet (upgrade: opus) |\n"
        let ticket = try #require(try backlog(text)?.tickets.first)
        #expect(ticket.model.effectiveTier?.name == "sonnet")
        #expect(try lint("docs/backlog.md", text, rules: [UnknownModelRule()]).isEmpty)
    }

    @Test func struckThroughTextIsNotTheModel() throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | ~~haiku~~ sonnet |\n")?.tickets.first)
        #expect(ticket.model.writtenText == "sonnet")
        #expect(ticket.model.effectiveTier?.name == "sonnet")
    }

    @Test func aStatusEmojiBeforeTheModelIsDecoration() throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | 🟢 haiku |\n")?.tickets.first)
        #expect(ticket.model.effectiveTier?.name == "haiku")
    }

    @Test func aWholeModelNameWithSpacesIsOneModel() throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | Claude Sonnet 4.5 (copilot) |\n")?.tickets.first)
        #expect(ticket.model.names.count == 1)
        #expect(ticket.model.effectiveTier?.name == "sonnet")
    }

    @Test func anEscalationWithAnUnknownModelHasNoEffectiveTier() throws {
        let text = "| # | Ticket | Model |\n|---|---|---|\n| 1 | A | haiku → sonet |\n"
        let ticket = try #require(try backlog(text)?.tickets.first)
        #expect(ticket.model.effectiveTier == nil)
        let findings = try lint("docs/backlog.md", text)
        #expect(findings.map(\.message) == ["ticket 1 names unknown model \"sonet\"; did you mean sonnet?"])
    }

    @Test func inheritInABacklogCellIsAModelChoice() throws {
        let ticket = try #require(try backlog("| # | Ticket | Model |\n|---|---|---|\n| 1 | A | inherit |\n")?.tickets.first)
        #expect(ticket.model.isInherit)
        #expect(ticket.model.effectiveTier == nil)
    }
}
