import Foundation
import Testing
@testable import TierlintCore

/// Executions priced from the catalog to the cent, in exact decimal. Every expected figure
/// below was worked out by hand; the arithmetic is in the comment beside it.
@Suite struct SpendPricingTests {
    private let pricing = SpendPricing(catalog: .bundled)

    private func cost(_ model: String, _ input: Int, _ output: Int, catalog: ModelCatalog = .bundled) throws -> Decimal {
        let price = try #require(SpendPricing(catalog: catalog).model(model).price, "\(model) has no price")
        return SpendPricing.cost(inputTokens: input, outputTokens: output, price: price)
    }

    @Test func seed001sExampleToTheCent() throws {
        // Seed 001: 1250 / 1,000,000 × $0.80 = $0.001; 3400 / 1,000,000 × $4 = $0.0136; total $0.0146.
        let haiku = try cost("haiku", 1250, 3400)
        #expect(haiku == dollars("0.0146"))
        #expect(SpendFormat.money(haiku) == "$0.01")
        #expect(SpendFormat.money(haiku, exact: true) == "$0.0146")
    }

    @Test func theThreeTiersAtSeed001sPrices() throws {
        // sonnet: 2000 × $3 / 1M = $0.006; 1500 × $15 / 1M = $0.0225; total $0.0285, shown $0.03 (half up).
        #expect(try cost("sonnet", 2000, 1500) == dollars("0.0285"))
        #expect(SpendFormat.money(try cost("sonnet", 2000, 1500)) == "$0.03")
        // opus, seed 001's architect totals: 156,700 × $15 / 1M = $2.3505; 89,250 × $75 / 1M = $6.69375;
        // total $9.04425, shown $9.04. (The seed's template says $10.32: its figures do not add up.)
        #expect(try cost("opus", 156_700, 89_250) == dollars("9.04425"))
        #expect(SpendFormat.money(try cost("opus", 156_700, 89_250)) == "$9.04")
        // Seed 001's test-engineer: 306,250 × $0.80 / 1M = $0.245; 833,000 × $4 / 1M = $3.332; $3.577 → $3.58.
        #expect(SpendFormat.money(try cost("haiku", 306_250, 833_000)) == "$3.58")
        // Its code-reviewer: 267,450 × $3 / 1M = $0.80235; 412,300 × $15 / 1M = $6.1845; $6.98685 → $6.99.
        #expect(SpendFormat.money(try cost("sonnet", 267_450, 412_300)) == "$6.99")
    }

    @Test func newerModelsHaveTheirOwnPrices() throws {
        // claude-haiku-4-5 at $1/$5: 10,000 × $1 / 1M = $0.01; 2,000 × $5 / 1M = $0.01; total $0.02.
        #expect(try cost("claude-haiku-4-5-20251001", 10_000, 2_000) == dollars("0.02"))
        // claude-opus-4-5 at $5/$25: 40,000 × $5 / 1M = $0.20; 8,000 × $25 / 1M = $0.20; total $0.40.
        #expect(try cost("claude-opus-4-5", 40_000, 8_000) == dollars("0.4"))
        // claude-opus-4-6 has no price of its own: opus's $15/$75. 1,000 × 15 / 1M + 1,000 × 75 / 1M = $0.09.
        #expect(try cost("claude-opus-4-6", 1_000, 1_000) == dollars("0.09"))
        // gemini-1.5-flash at $0.075/$0.30: 333 × 0.075 / 1M = $0.000024975; 333 × 0.30 / 1M = $0.0000999;
        // total $0.000124875, exact to the last digit.
        #expect(try cost("gemini-1.5-flash", 333, 333) == dollars("0.000124875"))
    }

    @Test func totalsAreExactWhereFloatingPointDrifts() throws {
        // Ten gpt-4.1-nano runs of one input token each: 10 × (1 × $0.10 / 1M) = $0.000001, exactly.
        let report = try spendReport((0..<10).map { record("2026-03-16T10:0\($0):00Z", "a", "gpt-4.1-nano", input: 1, output: 0) }
            .joined(separator: "\n"))
        #expect(report.total.cost == dollars("0.000001"))
        var floating = 0.0
        for _ in 0..<10 { floating += 1 * 0.10 / 1_000_000 }
        #expect(floating != 0.000001, "the same sum in Double is off")
    }

    @Test func aPriceFromThePolicyWins() throws {
        let configuration = try ConfigurationLoader.load("prices:\n  claude-sonnet-4-5: [2, 10]\n  opus: [10, 50]\n")
        let catalog = configuration.catalog(from: .bundled)
        // 1,000,000 × $2 / 1M + 100,000 × $10 / 1M = $2 + $1 = $3.
        #expect(try cost("claude-sonnet-4-5-20250929", 1_000_000, 100_000, catalog: catalog) == 3)
        // opus's tier price: 10,000 × $10 / 1M + 10,000 × $50 / 1M = $0.10 + $0.50 = $0.60.
        #expect(try cost("claude-opus-4-6", 10_000, 10_000, catalog: catalog) == dollars("0.6"))
        // A model with its own price keeps it: claude-opus-4-5 at $5/$25.
        #expect(try cost("claude-opus-4-5", 10_000, 10_000, catalog: catalog) == dollars("0.3"))
    }

    @Test func anUnknownModelIsNotPricedAndNotACrash() {
        let unknown = pricing.model("gpt-9-ultra")
        #expect(unknown.price == nil)
        #expect(unknown.tier == nil)
        let misspelt = pricing.model("claude-sonet-4-5")
        #expect(misspelt.closest == "claude-sonnet-4-5")
        // A known model without a price (fable has none) is not priced either.
        #expect(pricing.model("fable").price == nil)
        #expect(pricing.model("fable").tier?.name == "fable")
    }

    @Test func oneExecutionsCostInIntegersAgreesWithDecimal() throws {
        for (model, input, output) in [("haiku", 1250, 3400), ("gemini-1.5-flash", 333, 333), ("opus", 156_700, 89_250)] {
            let priced = pricing.model(model)
            let exact = try #require(SpendPricing.cost(inputTokens: input, outputTokens: output, model: priced))
            #expect(exact.decimal == (try cost(model, input, output)))
        }
        // Past six decimals a price per token is not a whole number of picodollars.
        #expect(SpendPricing.picodollarsPerToken(dollars("0.0000001")) == nil)
        #expect(SpendPricing.picodollarsPerToken(dollars("0.075")) == 75_000)
    }

    @Test(arguments: [
        ("0.0146", "0.0146"), ("$12", "12"), ("1.46e-2", "0.0146"), ("12.5E+1", "125"), ("0.1234567890129", "0.123456789012"),
    ])
    func loggedAmounts(_ written: String, _ value: String) throws {
        #expect(try #require(Money(written)).decimal == dollars(value))
    }

    @Test(arguments: ["", "$", "1.2.3", "12 dollars", "e5", "0x10"])
    func notAnAmount(_ written: String) {
        #expect(Money(written) == nil)
    }

    @Test func moneyIsRoundedOnlyToBeShownHalfAwayFromZero() {
        #expect(SpendFormat.money(dollars("0.005")) == "$0.01")
        #expect(SpendFormat.money(dollars("0.0049")) == "$0.00")
        #expect(SpendFormat.money(dollars("1234567.565")) == "$1,234,567.57")
        #expect(SpendFormat.money(dollars("-0.8")) == "-$0.80")
        #expect(SpendFormat.money(dollars("3"), exact: true) == "$3.00")
        #expect(SpendFormat.perMillion(dollars("0.8")) == "$0.80")
        #expect(SpendFormat.perMillion(dollars("0.075")) == "$0.075")
    }
}
