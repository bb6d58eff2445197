import TierlintMarkdown
/// The known models and the tier each belongs to, loaded from the bundled `models.yml`
/// and extended or overridden by the `models:` list of `.tierlint.yml`.
public struct ModelCatalog: Sendable {
    /// A catalog entry: a name as people write it and the tier it runs on.
    public struct Entry: Sendable, Equatable {
        public var name: String
        public var tier: Tier
        /// The list price, when the catalog has one.
        public var price: Price?

        public init(name: String, tier: Tier, price: Price? = nil) {
            self.name = name
            self.tier = tier
            self.price = price
        }

        /// The same model: a name and its tier. Its price is a fact about it, not its identity.
        public static func == (lhs: Entry, rhs: Entry) -> Bool {
            lhs.name == rhs.name && lhs.tier == rhs.tier
        }
    }

    /// The date the bundled catalog was last checked against the vendors' model lists.
    public let asOf: String
    /// The date its prices were last checked.
    public var pricesAsOf = ""
    /// Each tier's price, used for a model the catalog has no price for (seed 001's table).
    public var tierPrices: [String: Price] = [:]
    /// Tiers from cheapest to most capable.
    public let tiers: [Tier]
    private var entries: [String: Entry]
    private var families: [(pattern: [Character], tier: Tier)]

    init(asOf: String, tiers: [Tier], entries: [String: Entry], families: [(pattern: [Character], tier: Tier)]) {
        self.asOf = asOf
        self.tiers = tiers
        self.entries = entries
        self.families = families
    }

    /// The catalog shipped inside tierlint.
    public static let bundled: ModelCatalog = {
        let text = String(decoding: PackageResources.models_yml, as: UTF8.self)
        do {
            return try ModelCatalog.load(yaml: text, file: "models.yml (bundled)")
        } catch {
            // The bundled file is tested; reaching this is a build defect, not a user error.
            fatalError("the bundled model catalog is invalid: \(error)")
        }
    }()

    public func tier(named name: String) -> Tier? {
        // Tier names are stored as keys; rules mostly ask with one ("opus").
        if let exact = tiers.first(where: { $0.name == name }) { return exact }
        let key = ModelName.key(name)
        return tiers.first { $0.name == key }
    }

    /// Resolves a model name as written in a backlog cell or a frontmatter field.
    public func resolve(_ written: String) -> ModelResolution {
        let key = ModelName.key(written)
        if key == "inherit" { return .inherit }
        let forms = ModelName.candidates(key)
        for form in forms {
            if let entry = entries[form] { return .known(entry) }
        }
        for form in forms {
            let characters = Array(form)
            if let family = families.first(where: { Wildcard.matches($0.pattern, characters) }) {
                return .known(Entry(name: form, tier: family.tier))
            }
        }
        // Measure the misspelling without its decorations: "anthropic/claude-sonet-4-5" is one
        // letter from claude-sonnet-4-5 once its provider is set aside.
        return .unknown(closest: closestName(to: forms.last ?? key))
    }

    /// The known name nearest to a misspelt one, when one is near enough to be a likely typo.
    func closestName(to key: String) -> String? {
        guard !key.isEmpty, key.count <= 64 else { return nil }
        // Short names are close to many others by chance ("rl" is two edits from "o1").
        let allowed = key.count <= 4 ? 1 : max(2, key.count / 3)
        var best: (distance: Int, name: String)?
        for (candidate, entry) in entries where abs(candidate.count - key.count) <= allowed {
            let distance = EditDistance.between(key, candidate)
            if best == nil || distance < best!.distance || (distance == best!.distance && entry.name < best!.name) {
                best = (distance, entry.name)
            }
        }
        guard let best, best.distance <= allowed else { return nil }
        return best.name
    }

    /// A copy with entries added or replaced; a later entry for the same name wins.
    public func adding(_ newEntries: [(names: [String], tier: Tier, price: Price?)]) -> ModelCatalog {
        var copy = self
        for entry in newEntries {
            guard let primary = entry.names.first else { continue }
            for name in entry.names {
                copy.entries[ModelName.key(name)] = Entry(name: primary, tier: entry.tier, price: entry.price)
            }
        }
        return copy
    }

    /// A copy in which `name` costs `price`: a tier's name sets the tier's price (what its
    /// models without a price of their own cost), a model's name that model's, under every alias.
    /// `nil` when the name is neither.
    public func pricing(_ name: String, at price: Price) -> ModelCatalog? {
        var copy = self
        if let tier = tier(named: name) {
            copy.tierPrices[tier.name] = price
            return copy
        }
        guard case .known(let entry) = resolve(name) else { return nil }
        var found = false
        for (key, value) in entries where value.name == entry.name && value.tier == entry.tier {
            copy.entries[key]?.price = price
            found = true
        }
        // A name only a family pattern knows becomes an entry of its own.
        if !found { copy.entries[ModelName.key(entry.name)] = Entry(name: entry.name, tier: entry.tier, price: price) }
        return copy
    }

    /// What a model costs: its own price, or else its tier's.
    public func price(of entry: Entry) -> Price? {
        entry.price ?? tierPrices[entry.tier.name]
    }

}

public enum ModelResolution: Sendable, Equatable {
    case known(ModelCatalog.Entry)
    /// `inherit`: the agent runs on its caller's model, which may be any tier.
    case inherit
    case unknown(closest: String?)
}

extension ModelCatalog {
    /// Reads a catalog in the format of the bundled `models.yml`.
    static func load(yaml: String, file: String) throws -> ModelCatalog {
        guard let root = try YAMLDocument.root(yaml, file: file) else {
            throw ConfigurationError(file: file, line: nil, key: nil, message: "the catalog is empty")
        }
        var asOf = ""
        var pricesAsOf = ""
        var tierPrices: [String: Price] = [:]
        var tiers: [Tier] = []
        var aliasesByTier: [(String, [String])] = []
        var entries: [String: Entry] = [:]
        var families: [(pattern: [Character], tier: Tier)] = []

        func tier(_ field: YAMLField) throws -> Tier {
            let name = try field.string()
            guard let tier = tiers.first(where: { $0.name == ModelName.key(name) }) else {
                throw field.error("no tier named \"\(name)\"; tiers are \(tiers.map(\.name).joined(separator: ", "))")
            }
            return tier
        }

        for (name, field) in try root.mapping(allowedKeys: ["as-of", "prices-as-of", "tiers", "models", "families"]) {
            switch name {
            case "as-of":
                asOf = try field.string()
            case "prices-as-of":
                pricesAsOf = try field.string()
            case "tiers":
                for (rank, tierField) in try field.sequence().enumerated() {
                    var values: [String: YAMLField] = [:]
                    for (key, value) in try tierField.mapping(allowedKeys: ["name", "role", "relative-cost", "aliases", "summary", "price"]) {
                        values[key] = value
                    }
                    guard let nameField = values["name"] else { throw tierField.error("a tier needs a name") }
                    let tierName = ModelName.key(try nameField.string())
                    tiers.append(Tier(
                        name: tierName,
                        rank: rank,
                        role: try values["role"]?.string() ?? tierName,
                        relativeCost: try values["relative-cost"]?.int(in: 1...1_000_000) ?? 1,
                        summary: try values["summary"]?.string() ?? ""))
                    aliasesByTier.append((tierName, try values["aliases"]?.strings() ?? []))
                    if let price = values["price"] { tierPrices[tierName] = try Price.read(price) }
                }
            case "models":
                for modelField in try field.sequence() {
                    let model = try CatalogModelField(modelField, tier: tier)
                    for written in model.names {
                        entries[ModelName.key(written)] = Entry(name: model.names[0], tier: model.tier, price: model.price)
                    }
                }
            case "families":
                for familyField in try field.sequence() {
                    var pattern: String?
                    var familyTier: Tier?
                    for (key, value) in try familyField.mapping(allowedKeys: ["pattern", "tier"]) {
                        if key == "pattern" { pattern = try value.string() } else { familyTier = try tier(value) }
                    }
                    guard let pattern, let familyTier else { throw familyField.error("a family needs a pattern and a tier") }
                    families.append((Array(ModelName.pattern(pattern)), familyTier))
                }
            default:
                break
            }
        }
        guard !tiers.isEmpty else { throw root.error("the catalog defines no tiers") }
        // A tier's own name and aliases ("opus", "reasoning") name the tier when no model claims them.
        for (tierName, aliases) in aliasesByTier {
            guard let tier = tiers.first(where: { $0.name == tierName }) else { continue }
            for alias in [tierName] + aliases where entries[ModelName.key(alias)] == nil {
                entries[ModelName.key(alias)] = Entry(name: alias, tier: tier)
            }
        }
        var catalog = ModelCatalog(asOf: asOf, tiers: tiers, entries: entries, families: families)
        catalog.pricesAsOf = pricesAsOf
        catalog.tierPrices = tierPrices
        return catalog
    }
}

/// One `models:` entry, as written in the catalog or in `.tierlint.yml`.
struct CatalogModelField {
    /// `provider` names who serves the model; it is a note for readers and changes nothing.
    static let keys: Set<String> = ["name", "tier", "aliases", "provider", "price"]

    var names: [String]
    var tier: Tier
    var price: Price?

    init(_ field: YAMLField, tier resolveTier: (YAMLField) throws -> Tier) throws {
        var name: String?
        var aliases: [String] = []
        var tier: Tier?
        var price: Price?
        for (key, value) in try field.mapping(allowedKeys: Self.keys) {
            switch key {
            case "name": name = try value.string()
            case "aliases": aliases = try value.strings()
            case "tier": tier = try resolveTier(value)
            case "price": price = try Price.read(value)
            default: break
            }
        }
        guard let name, !name.trimmingSpaces().isEmpty else { throw field.error("a model needs a name") }
        guard let tier else { throw field.error("model \"\(name)\" needs a tier") }
        self.names = [name] + aliases
        self.tier = tier
        self.price = price
    }
}
