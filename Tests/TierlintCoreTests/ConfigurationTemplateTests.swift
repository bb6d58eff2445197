import Testing
@testable import TierlintCore

/// `tierlint init`'s file documents every key with its value under the preset: spelled out,
/// it loads back to the same configuration.
@Suite struct ConfigurationTemplateTests {
    @Test(arguments: Preset.names)
    func everyKeySpelledOutLoadsBackToThePreset(preset: String) throws {
        let active = try ConfigurationTemplate.activeText(preset: preset)
        let loaded = try ConfigurationLoader.load(active, file: "spelled-out.yml")
        let again = ConfigurationTemplate.render(loaded).compactMap { line -> String? in
            if case .key(let text) = line { text } else { nil }
        }.joined(separator: "\n") + "\n"
        #expect(again == active)
    }

    /// The keys, not the preset, carry the policy: one preset spelled out under another's name
    /// still reads as the first.
    @Test(arguments: Preset.names)
    func spelledOutKeysOverrideTheirPreset(preset: String) throws {
        let other = Preset.names.first { $0 != preset }!
        let active = try ConfigurationTemplate.activeText(preset: preset)
        let swapped = active.replacing("preset: \(preset)\n", with: "preset: \(other)\n")
        let loaded = try ConfigurationLoader.load(swapped)
        let again = ConfigurationTemplate.render(loaded).compactMap { line -> String? in
            if case .key(let text) = line { text } else { nil }
        }.joined(separator: "\n") + "\n"
        #expect(again == swapped)
    }

    @Test(arguments: Preset.names)
    func theTemplateItselfLoadsAsThePreset(preset: String) throws {
        let text = try ConfigurationTemplate.render(preset: preset)
        let loaded = try ConfigurationLoader.load(text)
        #expect(loaded.preset == preset)
        // Only `preset:` is active; every other line is a comment or blank.
        let active = text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(active == ["preset: \(preset)"])
    }

    @Test func everyTopLevelKeyAndRuleIsDocumented() throws {
        let text = try ConfigurationTemplate.render(preset: "finops")
        for key in ConfigurationLoader.topKeys where key != "extra-patterns" {
            #expect(text.contains("\n# \(key):") || text.contains("\n\(key):"), "\(key) is missing")
        }
        for rule in RuleRegistry.all {
            #expect(text.contains("#   \(rule.description.slug):"), "\(rule.description.slug) is missing")
        }
    }
}
