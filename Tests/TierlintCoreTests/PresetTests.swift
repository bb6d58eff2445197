import Testing
import TierlintCore

/// Each preset is a `.tierlint.yml` read by the checked loader; each must load, and `preset:`
/// chooses it.
@Suite struct PresetTests {
    @Test(arguments: Preset.names)
    func everyPresetLoads(name: String) throws {
        let configuration = try Preset.configuration(named: name)
        #expect(configuration.preset == name)
        #expect(!configuration.patterns.isEmpty)
        #expect(configuration.security.minimumTier == "opus")
        #expect(configuration.critical.minimumTier == "sonnet")
    }

    @Test func finopsIsTheDefaultAndCapsOpus() throws {
        let configuration = try ConfigurationLoader.load("")
        #expect(configuration.preset == "finops")
        #expect(configuration.distribution.targets.map(\.tier) == ["opus"])
        #expect(configuration.distribution.recommended == ["haiku": 0.40, "sonnet": 0.45, "opus": 0.15])
        #expect(configuration.roles.map(\.role) == ["DB Architect", "Backend Lead", "Frontend Lead", "QA Lead", "DevOps Lead"])
    }

    @Test func aPresetIsChosenAndItsKeysCanBeOverridden() throws {
        let configuration = try ConfigurationLoader.load("preset: coding-heavy\nrules:\n  distribution:\n    targets: {opus: {max: 60%}}\n")
        #expect(configuration.preset == "coding-heavy")
        #expect(configuration.distribution.targets.first?.maximum == 0.60)
        #expect(configuration.roles.isEmpty)
    }

    @Test func anUnknownPresetNamesTheKnownOnes() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load("preset: thrifty\n") }
        do {
            _ = try ConfigurationLoader.load("preset: thrifty\n")
        } catch let error as ConfigurationError {
            #expect(error.line == 1)
            #expect(error.message.contains("finops, containment, coding-heavy"))
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func extraPatternsAddToThePresets() throws {
        let text = """
            extra-patterns:
              - name: Translate strings
                match: ["translate * strings"]
                tier: haiku
            """
        let configuration = try ConfigurationLoader.load(text)
        #expect(configuration.patterns.last?.name == "Translate strings")
        #expect(configuration.patterns.count == (try Preset.configuration(named: "finops")).patterns.count + 1)
    }
}
