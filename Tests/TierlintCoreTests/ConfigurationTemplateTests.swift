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
        for key in ConfigurationLoader.topKeys {
            #expect(text.contains("\n# \(key):") || text.contains("\n\(key):"), "\(key) is missing")
        }
        for rule in RuleRegistry.all {
            #expect(text.contains("#   \(rule.description.slug):"), "\(rule.description.slug) is missing")
        }
    }

    /// Every key the loader accepts, read from its own lists of allowed keys, is written in
    /// the template within its section, under every preset: a key added to the loader and
    /// forgotten here fails this test.
    @Test(arguments: Preset.names)
    func everyKeyTheLoaderAcceptsIsDocumentedInItsSection(preset: String) throws {
        let lines = try ConfigurationTemplate.render(preset: preset).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        /// The lines of a section: from its key to the next key at its level (top level), or to
        /// the next rule's summary (a rule's options).
        func region(_ section: String) -> [String] {
            if section.isEmpty { return lines.filter { !$0.hasPrefix("#  ") } }
            let parts = section.split(separator: ".").map { $0.replacing("[]", with: "") }
            let isRule = parts[0] == "rules"
            let name = isRule ? parts[1] : parts[0].replacing("extra-", with: "")
            let opening = isRule ? "#   \(name):" : "# \(name):"
            guard let start = lines.firstIndex(where: { $0 == opening || $0.hasPrefix(opening + " ") }) else { return [] }
            // What introduces a section (its comments) is part of it too.
            var first = start
            while first > 0, lines[first - 1].hasPrefix("# "), !lines[first - 1].contains(":") || lines[first - 1].hasPrefix("#   ") {
                first -= 1
            }
            let rest = lines[(start + 1)...]
            let end = rest.firstIndex { line in
                isRule ? line.hasPrefix("# TL") : (line.isEmpty || (line.hasPrefix("# ") && !line.hasPrefix("#  ") && line.dropFirst(2).first?.isLowercase == true))
            } ?? lines.count
            return Array(lines[first..<end])
        }
        for (section, keys) in ConfigurationLoader.allowedKeys {
            let text = region(section)
            #expect(!text.isEmpty, "no section \(section) in the template")
            for key in keys where section != "" || key != "preset" {
                let written = text.contains { line in
                    ["# \(key):", " \(key):", "{\(key):", "- \(key):", ",\(key):"].contains { line.contains($0) }
                        || (section.isEmpty && line.hasPrefix("\(key):"))
                }
                #expect(written, "`\(key)` of \(section.isEmpty ? "the top level" : section) is not in the \(preset) template")
            }
        }
    }
}
