import Foundation
import Testing
@testable import TierlintCore

/// The catalog's prices: exact decimals, per model or per tier, overridable in the policy.
@Suite struct PriceTests {
    private func price(_ name: String, catalog: ModelCatalog = .bundled) -> Price? {
        guard case .known(let entry) = catalog.resolve(name) else { return nil }
        return catalog.price(of: entry)
    }

    @Test func modelsHaveTheirOwnPricesAndTierNamesSeed001s() {
        #expect(price("claude-haiku-4-5") == Price(input: 1, output: 5))
        #expect(price("claude-3-haiku-20240307") == Price(input: Decimal(string: "0.25")!, output: Decimal(string: "1.25")!))
        #expect(price("anthropic/claude-opus-4-5") == Price(input: 5, output: 25))
        // Seed 001's table for the tier names.
        #expect(price("haiku") == Price(input: Decimal(string: "0.80")!, output: 4))
        #expect(price("sonnet") == Price(input: 3, output: 15))
        #expect(price("opus") == Price(input: 15, output: 75))
        // A model without a price of its own costs its tier's.
        #expect(price("claude-opus-4-6") == Price(input: 15, output: 75))
        #expect(price("fable") == nil)
        #expect(ModelCatalog.bundled.pricesAsOf == "2025-10-01")
    }

    @Test func blendedPricesAreExact() {
        // (3 × 0.80 + 4) / 4 = 1.6, with no floating-point residue.
        #expect(price("haiku")?.blended == Decimal(string: "1.6"))
        #expect(price("sonnet")?.blended == Decimal(string: "6"))
    }

    @Test func thePolicyCanPriceAModel() throws {
        let configuration = try ConfigurationLoader.load("""
            models:
              - {name: my-local-llm, tier: haiku, price: {input: 0, output: 0.10}}
              - {name: claude-haiku-4-5, tier: haiku, price: ["1.10", 5.5]}
            """)
        let catalog = configuration.catalog(from: .bundled)
        #expect(price("my-local-llm", catalog: catalog) == Price(input: 0, output: Decimal(string: "0.1")!))
        #expect(price("claude-haiku-4-5", catalog: catalog) == Price(input: Decimal(string: "1.1")!, output: Decimal(string: "5.5")!))
    }

    /// `prices:` sets a price without restating the model's tier: a model's name prices it
    /// under every alias, a tier's name prices the tier's models that have no price of their own.
    @Test func pricesOverrideAModelOrATier() throws {
        let configuration = try ConfigurationLoader.load("""
            prices:
              claude-sonnet-4-5: [2.5, 12]
              haiku: {input: 1, output: 5}
              my-llm: [0, "0.10"]
              claude-opus-4-7: [5, 25]
            models:
              - {name: my-llm, tier: haiku}
            """)
        let catalog = configuration.catalog(from: .bundled)
        #expect(price("claude-sonnet-4-5-20250929", catalog: catalog) == Price(input: Decimal(string: "2.5")!, output: 12))
        #expect(price("haiku", catalog: catalog) == Price(input: 1, output: 5))
        #expect(price("claude-3-5-haiku", catalog: catalog) == Price(input: Decimal(string: "0.8")!, output: 4), "its own price stays")
        // A model only a family pattern knows, priced by name.
        #expect(price("claude-opus-4-7", catalog: catalog) == Price(input: 5, output: 25))
        #expect(price("claude-opus-4-6", catalog: catalog) == Price(input: 15, output: 75))
        // `models:` may come after `prices:`.
        #expect(price("my-llm", catalog: catalog) == Price(input: 0, output: Decimal(string: "0.1")!))
        #expect(configuration.prices.count == 4)
    }

    @Test func aPriceForANameNobodyKnowsIsAnErrorAtItsLine() throws {
        let error = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader.load("prices:\n  sonnet: [3, 15]\n  gpt-9-ultra: [1, 2]\n")
        }
        #expect(error.line == 3)
        #expect(error.message.contains("no model or tier named \"gpt-9-ultra\""))
        let bad = try #require(throws: ConfigurationError.self) {
            try ConfigurationLoader.load("prices:\n  sonnet: [3]\n")
        }
        #expect(bad.line == 2)
    }

    @Test func aBadPriceIsAConfigurationError() {
        for bad in ["price: 3", "price: [3]", "price: [three, 15]", "price: {input: 3}", "price: [-1, 2]"] {
            #expect(throws: ConfigurationError.self, "\(bad)") {
                try ConfigurationLoader.load("models:\n  - {name: x, tier: haiku, \(bad.replacingOccurrences(of: "price: ", with: "price: "))}\n")
            }
        }
    }
}
