import Foundation
import Testing
@testable import TierlintCore

/// The report's figures: executions folded by each key, the tier mix, seed 000's indicators
/// against their targets, and the month's projection against a budget.
@Suite struct SpendReportTests {
    /// Six runs over five weeks. Their costs, by seed 001's formula:
    ///   architect opus 10,000/2,000: 10,000 × 15 / 1M + 2,000 × 75 / 1M = 0.15 + 0.15 = $0.30
    ///   tester haiku 1,000/1,000:     1,000 × 0.80 / 1M + 1,000 × 4 / 1M = 0.0008 + 0.004 = $0.0048 (twice)
    ///   tester sonnet 1,000/1,000:    1,000 × 3 / 1M + 1,000 × 15 / 1M = 0.003 + 0.015 = $0.018
    ///   reviewer sonnet 2,000/1,000:  2,000 × 3 / 1M + 1,000 × 15 / 1M = 0.006 + 0.015 = $0.021 (twice)
    /// In all $0.30 + $0.0096 + $0.018 + $0.042 = $0.3696.
    static let log = [
        record("2026-03-02T09:00:00Z", "architect", "opus", input: 10_000, output: 2_000),
        record("2026-03-02T10:00:00Z", "tester", "haiku", input: 1_000, output: 1_000, status: "failure"),
        record("2026-03-02T10:05:00Z", "tester", "haiku", input: 1_000, output: 1_000, extra: ", \"retry\": true"),
        record("2026-03-03T10:05:00Z", "tester", "sonnet", input: 1_000, output: 1_000, extra: ", \"escalated\": true"),
        record("2026-03-09T10:00:00Z", "reviewer", "claude-sonnet-4-5-20250929", input: 2_000, output: 1_000),
        record("2026-04-01T08:00:00Z", "reviewer", "sonnet", input: 2_000, output: 1_000),
    ].joined(separator: "\n")

    private func rows(_ grouping: SpendGrouping) throws -> [String] {
        var options = SpendOptions()
        options.grouping = grouping
        return try spendReport(Self.log, options: options).rows.map { "\($0.key) \($0.executions) \($0.cost)" }
    }

    @Test func byAgentMostExpensiveFirst() throws {
        // reviewer: 2 × $0.021; tester: 2 × $0.0048 + $0.018.
        #expect(try rows(.agent) == ["architect 1 0.3", "reviewer 2 0.042", "tester 3 0.0276"])
    }

    @Test func byModelUnderTheCatalogsName() throws {
        // The dated ID is claude-sonnet-4-5; `sonnet` is the tier's alias, a model name of its own.
        #expect(try rows(.model) == ["opus 1 0.3", "sonnet 2 0.039", "claude-sonnet-4-5 1 0.021", "haiku 2 0.0096"])
    }

    @Test func byTierCheapestFirst() throws {
        #expect(try rows(.tier) == ["haiku 2 0.0096", "sonnet 3 0.06", "opus 1 0.3"])
    }

    @Test func byDayWeekAndMonthInOrder() throws {
        #expect(try rows(.day) == ["2026-03-02 3 0.3096", "2026-03-03 1 0.018", "2026-03-09 1 0.021", "2026-04-01 1 0.021"])
        // 2026-03-02 is the Monday of ISO week 10; 2026-04-01 a Wednesday of week 14.
        #expect(try rows(.week) == ["2026-W10 4 0.3276", "2026-W11 1 0.021", "2026-W14 1 0.021"])
        #expect(try rows(.month) == ["2026-03 5 0.3486", "2026-04 1 0.021"])
    }

    @Test func totalsSharesAndTheTierMix() throws {
        let report = try spendReport(Self.log)
        #expect(report.total.cost == dollars("0.3696"))
        #expect(report.total.executions == 6)
        #expect(report.total.inputTokens == 17_000)
        #expect(report.total.outputTokens == 7_000)
        #expect(report.rows.first?.costShare.map { ($0 * 10_000).rounded() / 10_000 } == 0.8117, "0.30 / 0.3696")
        #expect(report.tiers.map(\.tier) == ["haiku", "sonnet", "opus"])
        #expect(report.tiers.map(\.executions) == [2, 3, 1])
        #expect(report.tiers.last?.executionShare == 1.0 / 6.0)
        #expect(report.firstExecution.map(LogTime.isoText) == "2026-03-02T09:00:00Z")
        #expect(report.lastExecution.map(LogTime.isoText) == "2026-04-01T08:00:00Z")
    }

    @Test func seed000sIndicatorsAgainstTheirTargets() throws {
        let indicators = try spendReport(Self.log).indicators
        func indicator(_ kind: SpendReport.Indicator.Kind) throws -> SpendReport.Indicator {
            try #require(indicators.first { $0.kind == kind })
        }
        // Opus: 1 of 6 runs, 16.7%, under the 20% cap.
        #expect(try indicator(.opusShare).value == 1.0 / 6.0)
        #expect(try indicator(.opusShare).status == .met)
        // Haiku: 1 success of 2 runs with a status.
        #expect(try indicator(.haikuSuccessRate).value == 0.5)
        #expect(try indicator(.haikuSuccessRate).status == .missed)
        // A retry and an escalation: 2 of 6 runs.
        #expect(try indicator(.retryRate).value == 2.0 / 6.0)
        #expect(try indicator(.retryRate).status == .missed)
        // 4 first attempts: $0.3696 / 4 = $0.0924. Week 10: $0.3276 over 2 tasks = $0.1638;
        // week 14: $0.021 over 1 = $0.021, down 87.2%.
        let perTask = try indicator(.costPerTask)
        #expect(perTask.amount == dollars("0.0924"))
        #expect(perTask.status == .met)
        #expect(perTask.detail == "2026-W10 $0.16 → 2026-W14 $0.02 (-87.2%)")
    }

    @Test func thePolicysOpusCapIsTheTarget() throws {
        let report = try spendReport(Self.log, configuration: "rules:\n  distribution:\n    targets: {opus: {max: 10%}}\n")
        let opus = try #require(report.indicators.first { $0.kind == .opusShare })
        #expect(opus.target == "at most 10%")
        #expect(opus.status == .missed)
    }

    @Test func theWindowLeavesOutWhatIsOutsideIt() throws {
        var options = SpendOptions()
        options.since = SpendOptions.bound("2026-03-03", isEnd: false)
        options.until = SpendOptions.bound("2026-03-09", isEnd: true)
        let report = try spendReport(Self.log, options: options)
        // A date alone as --until takes in the whole day.
        #expect(report.executions == 2)
        #expect(report.outsideWindow == 4)
        #expect(report.total.cost == dollars("0.039"))
    }

    // MARK: - Budget

    private func day(_ text: String) -> Int { LogTime.day(of: LogTime.parse(text)!) }

    @Test func theProjectionRunsTheMonthsRateToItsEnd() {
        // $30 spent from Mar 2 to Mar 10 (9 days): $3.33 a day; 21 days left: 30 + 30 × 21 / 9 = $100.
        let projection = BudgetProjection.project(
            dailyCost: [day("2026-03-02"): 10, day("2026-03-03"): 20], asOf: day("2026-03-10"),
            windowStart: day("2026-03-02"), budget: 100)
        #expect(projection.monthName == "March 2026")
        #expect(projection.elapsedDays == 9)
        #expect(projection.remainingDays == 21)
        #expect(projection.spent == 30)
        #expect(projection.projected == 100)
        #expect(!projection.isOverBudget, "reaching the budget is not exceeding it")
        #expect(SpendFormat.money(projection.dailyRate) == "$3.33")
        let tighter = BudgetProjection.project(
            dailyCost: [day("2026-03-02"): 10, day("2026-03-03"): 20], asOf: day("2026-03-10"),
            windowStart: day("2026-03-02"), budget: dollars("99.99"))
        #expect(tighter.isOverBudget)
    }

    @Test func aWindowFromAnEarlierMonthCountsFromTheFirst() {
        // February's $50 is not March's: $12 over Mar 1-4 is $3 a day, 27 days left: 12 + 81 = $93.
        let projection = BudgetProjection.project(
            dailyCost: [day("2026-02-27"): 50, day("2026-03-01"): 5, day("2026-03-04"): 7], asOf: day("2026-03-04"),
            windowStart: day("2026-02-27"), budget: 500)
        #expect(projection.elapsedDays == 4)
        #expect(projection.spent == 12)
        #expect(projection.projected == 93)
    }

    @Test func onTheLastDayTheProjectionIsTheSpend() {
        let projection = BudgetProjection.project(
            dailyCost: [day("2028-02-29"): 7], asOf: day("2028-02-29"), windowStart: day("2028-02-20"), budget: 5)
        #expect(projection.remainingDays == 0)
        #expect(projection.projected == 7)
        #expect(projection.isOverBudget)
        // A leap February has 29 days: from the 10th, 19 are left.
        #expect(BudgetProjection.project(dailyCost: [:], asOf: day("2028-02-10"), windowStart: day("2028-02-01"), budget: 1).remainingDays == 19)
    }

    @Test func anOverrunIsAFindingWithTheArithmetic() throws {
        var options = SpendOptions()
        options.budget = dollars("0.5")
        // March: $0.3486 over Mar 2-9 (8 days, the last March run's day is not the window's last
        // day, April 1st is): the month projected is April's, $0.021 on its first day, 29 left.
        let report = try spendReport(Self.log, options: options)
        let budget = try #require(report.budget)
        #expect(budget.monthName == "April 2026")
        #expect(budget.elapsedDays == 1)
        #expect(budget.projected == dollars("0.63"), "0.021 + 0.021 × 29")
        #expect(budget.isOverBudget)
        let finding = try #require(report.findings.first { $0.rule.code == "SP007" })
        #expect(finding.message == "at $0.02 a day, April 2026 is projected to cost $0.63, over the budget of $0.50 by $0.13")
    }

    @Test(arguments: [("500", "500"), ("$1,200.50/month", "1200.5"), ("500/mo", "500"), (" 80 ", "80")])
    func budgets(_ written: String, _ amount: String) {
        #expect(BudgetProjection.readBudget(written) == dollars(amount))
    }

    @Test(arguments: ["-5", "five", "500/week", "0", "", "1.2.3"])
    func notABudget(_ written: String) {
        #expect(BudgetProjection.readBudget(written) == nil)
    }

    // MARK: - Findings

    @Test func aLoggedCostIsHeldToTheCatalogsBeyondACent() throws {
        let report = try spendReport([
            // Seed 001's computed cost, and its logged one exactly a cent off: not beyond a cent.
            record("2026-03-16T14:23:45Z", "t", "haiku", input: 1250, output: 3400, extra: ", \"cost\": 0.0146"),
            record("2026-03-16T14:23:46Z", "t", "haiku", input: 1250, output: 3400, extra: ", \"cost\": \"0.0246 (calculated)\""),
            // Priced at sonnet's rates by mistake: $0.05475, off by $0.04015.
            record("2026-03-16T14:23:47Z", "t", "haiku", input: 1250, output: 3400, extra: ", \"cost\": 0.05475"),
            // An unknown model is not priced, so not compared.
            record("2026-03-16T14:23:48Z", "t", "gpt-9", input: 1250, output: 3400, extra: ", \"cost\": 9"),
        ].joined(separator: "\n"))
        let mismatches = report.findings.filter { $0.rule.code == "SP003" }
        #expect(mismatches.map { "\($0.line):\($0.column)" } == ["3:161"])
        #expect(mismatches.first?.message == "the log says this t run on haiku cost $0.05475, but 1,250 input and 3,400 output tokens cost $0.0146 at $0.80 and $4 per million")
        let unpriced = report.findings.filter { $0.rule.code == "SP002" }
        #expect(unpriced.map(\.line) == [4])
        #expect(report.total.unpriced == 1)
    }

    @Test func findingsPastTheLimitAreCountedNotListed() throws {
        var options = SpendOptions()
        options.limit = 3
        let report = try spendReport((1...10).map { "broken line \($0)" }.joined(separator: "\n") + "\n", options: options)
        #expect(report.findings.count == 1, "a CSV header that is not one skips the file once")
        let jsonLines = try spendReport("{}\n" + (1...10).map { _ in "{" }.joined(separator: "\n"), options: options)
        #expect(jsonLines.findings.count == 3)
        #expect(jsonLines.findingCounts["SP001"] == 11)
        #expect(jsonLines.skippedLines == 11)
        #expect(jsonLines.unlistedTexts == ["... and 8 more malformed-line findings (--limit lists more)"])
    }
}
