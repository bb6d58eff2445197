import Foundation

/// What a model named in a log costs, by the catalog (with `.tierlint.yml`'s `models:` and
/// `prices:` laid over it): the model's own price per million tokens, or else its tier's.
/// A model the catalog does not know, or knows without a price, is reported and not priced.
public struct SpendPricing: Sendable {
    public let catalog: ModelCatalog

    public init(catalog: ModelCatalog) {
        self.catalog = catalog
    }

    /// A model as a log writes it, resolved and priced.
    public struct PricedModel: Sendable, Equatable {
        /// As the log writes it.
        public var written: String
        /// The catalog's name for it (`claude-sonnet-4-5` for `claude-sonnet-4-5-20250929`),
        /// or the written name when the catalog does not know it.
        public var name: String
        public var tier: Tier?
        public var price: Price?
        /// Whether the price is the model's own, or its tier's.
        public var priceIsTiers = false
        /// The catalog's guess at a misspelt name.
        public var closest: String?
        /// The price per token in picodollars, when it is a whole number of them (a price
        /// per million with at most six decimals): one execution's cost in integers.
        var picodollarsPerInputToken: Int128?
        var picodollarsPerOutputToken: Int128?
    }

    public func model(_ written: String) -> PricedModel {
        var priced = PricedModel(written: written, name: written)
        switch catalog.resolve(written) {
        case .known(let entry):
            priced.name = entry.name
            priced.tier = entry.tier
            priced.price = catalog.price(of: entry)
            priced.priceIsTiers = entry.price == nil && priced.price != nil
        case .inherit:
            break
        case .unknown(let closest):
            priced.closest = closest
        }
        if let price = priced.price {
            priced.picodollarsPerInputToken = Self.picodollarsPerToken(price.input)
            priced.picodollarsPerOutputToken = Self.picodollarsPerToken(price.output)
        }
        return priced
    }

    /// Seed 001's formula, exactly: input / 1,000,000 × input price + output / 1,000,000 × output price.
    public static func cost(inputTokens: Int, outputTokens: Int, price: Price) -> Decimal {
        (Decimal(inputTokens) * price.input + Decimal(outputTokens) * price.output) / 1_000_000
    }

    /// One execution's cost in picodollars, when the price allows integers; else `nil`.
    static func cost(inputTokens: Int, outputTokens: Int, model: PricedModel) -> Money? {
        guard let input = model.picodollarsPerInputToken, let output = model.picodollarsPerOutputToken else { return nil }
        return Money(picodollars: Int128(inputTokens) * input + Int128(outputTokens) * output)
    }

    /// Dollars per million tokens as picodollars per token: × 10⁶. `nil` past six decimals.
    static func picodollarsPerToken(_ perMillion: Decimal) -> Int128? {
        var scaled = perMillion * 1_000_000
        var rounded = Decimal()
        NSDecimalRound(&rounded, &scaled, 0, .plain)
        guard rounded == scaled else { return nil }
        return Int128(NSDecimalNumber(decimal: rounded).stringValue)
    }
}

/// Names seen in a log, each given a small number once: an execution is then folded in by
/// number, and its name becomes a String only once per distinct name, not once per line.
struct NameInterner {
    private var storage: [UInt8] = []
    private var starts: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing over a power-of-two table: an index into `starts`, or -1.
    private var slots = [Int32](repeating: -1, count: 64)
    private var last: Int32 = -1

    var count: Int { starts.count }

    /// The number of a name, and whether it is new.
    mutating func intern(_ name: UnsafeBufferPointer<UInt8>) -> (id: Int32, isNew: Bool) {
        // Consecutive lines often repeat a name.
        if last >= 0, equals(last, name) { return (last, false) }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in name {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let id = slots[slot]
            if hashes[Int(id)] == hash, equals(id, name) {
                last = id
                return (id, false)
            }
            slot = (slot + 1) & mask
        }
        let id = Int32(starts.count)
        starts.append(storage.count)
        storage.append(contentsOf: name)
        hashes.append(hash)
        slots[slot] = id
        if starts.count * 2 > slots.count { grow() }
        last = id
        return (id, true)
    }

    func string(_ id: Int32) -> String {
        String(decoding: bytes(id), as: UTF8.self)
    }

    private func bytes(_ id: Int32) -> ArraySlice<UInt8> {
        let start = starts[Int(id)]
        let end = Int(id) + 1 < starts.count ? starts[Int(id) + 1] : storage.count
        return storage[start..<end]
    }

    private func equals(_ id: Int32, _ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(id)]
        let end = Int(id) + 1 < starts.count ? starts[Int(id) + 1] : storage.count
        guard end - start == name.count else { return false }
        guard let base = name.baseAddress, !name.isEmpty else { return true }
        return storage.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, name.count) == 0 }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for id in 0..<starts.count {
            var slot = Int(truncatingIfNeeded: hashes[id]) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }
}
