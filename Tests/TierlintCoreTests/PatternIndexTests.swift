import Testing
@testable import TierlintCore

/// The matcher tries a phrase only where a title's own words can start it; holding it against
/// trying every phrase at every word, on titles made of the presets' own words.
@Suite struct PatternIndexTests {
    @Test(arguments: Preset.names)
    func theIndexFindsWhatTryingEverythingFinds(preset: String) throws {
        let configuration = try Preset.configuration(named: preset)
        let catalog = ModelCatalog.bundled
        let indexed = TaskPatternMatcher(patterns: configuration.patterns, catalog: catalog)
        let everything = TaskPatternMatcher(patterns: configuration.patterns, catalog: catalog, indexed: false)
        let vocabulary = configuration.patterns.flatMap { $0.phrases.map(\.text) }
            .flatMap { $0.split(whereSeparator: { " |^$*".contains($0) }).map(String.init) }
            + ["the", "a", "for", "and", "SessionService", "users", "api", "security", "reviewer", "docs", "architect", "2"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let title = (0..<Int.random(in: 1..<8, using: &generator)).map { _ in vocabulary.randomElement(using: &generator)! }
                .joined(separator: " ")
            #expect(indexed.bestMatch(in: title) == everything.bestMatch(in: title), "\(title)")
            #expect(indexed.bestMatch(in: title, strongOnly: true) == everything.bestMatch(in: title, strongOnly: true), "\(title)")
            let name = title.split(separator: " ").prefix(2).joined(separator: "-")
            #expect(indexed.bestMatch(agentName: name, role: "", description: title)
                == everything.bestMatch(agentName: name, role: "", description: title), "\(name): \(title)")
        }
    }
}
