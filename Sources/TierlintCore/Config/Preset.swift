/// The policies tierlint ships, one per seed philosophy, chosen with `preset:` in
/// `.tierlint.yml`. Each is a `.tierlint.yml` of its own, bundled, read by the same checked
/// loader as the user's file, which is then laid over it.
public enum Preset {
    public static let defaultName = "finops"
    public static let names = ["finops", "containment", "coding-heavy"]

    /// One line per preset, for `tierlint init --help` and the README.
    public static let summaries: [String: String] = [
        "finops": "seeds 000 and 001: cheapest capable tier, opus under 20%, security on opus (default)",
        "containment": "seed 002: planning on the reasoning tier, implementation on the execution tier",
        "coding-heavy": "seed 003: code on opus, dialogue and copy on sonnet, micro-tasks on the cheapest tier",
    ]

    /// The preset's own file, comments and all.
    public static func text(named name: String) -> String? {
        switch name {
        case "finops": String(decoding: PackageResources.finops_yml, as: UTF8.self)
        case "containment": String(decoding: PackageResources.containment_yml, as: UTF8.self)
        case "coding-heavy": String(decoding: PackageResources.coding_heavy_yml, as: UTF8.self)
        default: nil
        }
    }

    private static let finops = Result { try load("finops") }
    private static let containment = Result { try load("containment") }
    private static let codingHeavy = Result { try load("coding-heavy") }

    /// The configuration a preset describes, read once per process.
    public static func configuration(named name: String) throws -> Configuration {
        switch name {
        case "finops": try finops.get()
        case "containment": try containment.get()
        case "coding-heavy": try codingHeavy.get()
        default:
            throw ConfigurationError(
                file: ConfigurationLoader.fileName, line: nil, key: "preset",
                message: "no preset named \"\(name)\"; presets are \(names.joined(separator: ", "))")
        }
    }

    private static func load(_ name: String) throws -> Configuration {
        var configuration = Configuration()
        configuration.preset = name
        guard let text = text(named: name), let root = try YAMLDocument.root(text, file: "preset \(name)") else {
            return configuration
        }
        try ConfigurationLoader.apply(root, to: &configuration, catalog: .bundled, allowPreset: false)
        return configuration
    }
}
