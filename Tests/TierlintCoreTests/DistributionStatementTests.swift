import Testing
@testable import TierlintCore

/// The ways backlogs state their distribution, read against a table of 1 haiku, 2 sonnet and
/// 1 opus.
@Suite struct DistributionStatementTests {
    let table = """
        ## Sprint 1

        | # | Ticket | Model |
        |---|--------|-------|
        | 1 | Create users table | haiku |
        | 2 | Implement UserService | sonnet |
        | 3 | Build UserCard component | sonnet |
        | 4 | Design user permissions model | opus |

        """

    func mismatches(_ statement: String) throws -> [String] {
        try lint("docs/backlog.md", table + statement + "\n", rules: [DistributionMismatchRule()]).map(\.message)
    }

    @Test(arguments: [
        "Distribution: 1 haiku (25%) | 2 sonnet (50%) | 1 opus (25%)",
        "Distribution: 1 haiku / 2 sonnet",
        "Distribution: 1 haiku + 2 sonnet + 1 opus = 4",
        "Distribution: 1 haiku (25 %)",
        "Distribution: haiku 1 (25%), sonnet 2 (50%), opus 1 (25%) of 4 tickets",
        "Distribution (target: 40% haiku): 1 haiku (25%) | 2 sonnet (50%) | 1 opus (25%)",
        "**Distribution:** 1 haiku · 2 sonnet · 1 opus",
        "Distribution: 1 claude-haiku-4-5, 2 claude-sonnet-4-5, 1 claude-opus-4-6",
        "Distribution: 1x haiku | 2x sonnet | 1x opus",
        "Distribution: haiku ×1, sonnet ×2",
        "\nDistribution: 1 haiku (25%) |\n2 sonnet (50%) | 1 opus (25%)",
    ])
    func aTrueStatementInAnyFormIsAccepted(statement: String) throws {
        #expect(try mismatches(statement).isEmpty)
    }

    @Test func aSlipBetweenBulletsIsCaught() throws {
        let found = try mismatches("Distribution: 3 haiku (75%) • 0 sonnet • 1 opus")
        #expect(found.count == 2)
        #expect(found.first?.contains("states 3 haiku (75%)") == true)
    }

    @Test func aStatementWrittenAsAListIsRead() throws {
        let found = try mismatches("Distribution:\n\n- 3 haiku\n- 0 sonnet\n- 1 opus")
        #expect(found.count == 2)
    }

    @Test func aStatementWrittenAsATableRowIsRead() throws {
        let text = table.replacing("| 4 | Design user permissions model | opus |\n", with: "| 4 | Design user permissions model | opus |\n| **Distribution** | 2 haiku | 0 sonnet |\n")
        let found = try lint("docs/backlog.md", text, rules: [DistributionMismatchRule()])
        #expect(found.count == 2, "\(found.map(\.message))")
        #expect(found.map(\.position) == ["docs/backlog.md:9:22", "docs/backlog.md:9:32"])
    }

    @Test func aStatementUnderASectionsLastTableMaySpeakForTheSection() throws {
        let split = """
            ## Sprint 1

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create users table | haiku |
            | 2 | Implement UserService | sonnet |

            | # | Ticket | Model |
            |---|--------|-------|
            | 3 | Build UserCard component | sonnet |
            | 4 | Design user permissions model | opus |

            Distribution: 1 haiku (25%) | 2 sonnet (50%) | 1 opus (25%)

            """
        #expect(try lint("docs/backlog.md", split, rules: [DistributionMismatchRule()]).isEmpty)
    }

    @Test func aLongLineIsNotAStatementAndCostsLittle() throws {
        let entries = (0..<20_000).map { "\($0) haiku" }.joined(separator: " | ")
        #expect(try mismatches("Distribution: " + entries).count <= DistributionStatement.maximumEntries)
    }

    /// A sprint split into subsections states one distribution after its last table: it is
    /// true of the sprint, not of the last subsection, and judged against the sprint when wrong.
    @Test func aStatementAfterSubsectionsSpeaksForTheSprint() throws {
        let sprint = """
            ## Sprint 2

            ### Backend

            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Create users table | haiku |

            ### Frontend

            | # | Ticket | Model |
            |---|--------|-------|
            | 2 | Build UserCard component | sonnet |
            | 3 | Build UserList component | sonnet |
            | 4 | Build UserPage component | sonnet |

            """
        let rule = [DistributionMismatchRule()]
        #expect(try lint("docs/backlog.md", sprint + "Distribution: 1 haiku (25%) | 3 sonnet (75%)\n", rules: rule).isEmpty)
        #expect(try lint("docs/backlog.md", sprint + "Distribution: 0 haiku | 3 sonnet\n", rules: rule).isEmpty)
        let wrong = try lint("docs/backlog.md", sprint + "Distribution: 2 haiku | 2 sonnet\n", rules: rule)
        #expect(wrong.map(\.message) == [
            "the distribution states 2 haiku, but the tables under \"Sprint 2\" have 1 of their 4 tickets (25%) on haiku",
            "the distribution states 2 sonnet, but the tables under \"Sprint 2\" have 3 of their 4 tickets (75%) on sonnet",
        ])
    }

    /// Each finding points at the entry it is about: on the line it is written on, and at
    /// its own number when two entries state the same one.
    @Test func findingsPointAtTheirEntryOnItsOwnLine() throws {
        func positions(_ statement: String) throws -> [String] {
            try lint("docs/backlog.md", table + "\n" + statement + "\n", rules: [DistributionMismatchRule()]).map { "\($0.line):\($0.column)" }
        }
        #expect(try positions("Distribution: 2x haiku | 1x sonnet") == ["10:15", "10:26"])
        #expect(try positions("Distribution: 2 haiku | 2 sonnet | 2 opus") == ["10:15", "10:36"])
        #expect(try positions("Distribution: 1 haiku (25%) |\n3 sonnet (75%) | 1 opus (25%)") == ["11:1"])
        #expect(try positions("**Distribution:**\n\n- 1 haiku\n- 3 sonnet\n- 2 opus") == ["13:3", "14:3"])
    }
}
