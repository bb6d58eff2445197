import Foundation
import TestSupport
import Testing
@testable import TierlintCore

/// The official SARIF 2.1.0 schema, kept beside the checkout in ../shared/schemas.
private let schemaPath: String? = {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let candidates: [String?] = [
        ProcessInfo.processInfo.environment["TIERLINT_SARIF_SCHEMA"],
        root.deletingLastPathComponent().appendingPathComponent("shared/schemas/sarif-schema-2.1.0.json").path,
    ]
    return candidates.compactMap { $0 }.first { FileManager.default.fileExists(atPath: $0) }
}()

private func sarif(_ input: ReportInput) throws -> JSONValue {
    try JSONValue.parse(SARIFReporter().report(input))
}

@Suite struct SARIFReporterTests {
    @Test(.enabled(if: schemaPath != nil, "the SARIF schema is not at ../shared/schemas/sarif-schema-2.1.0.json; set TIERLINT_SARIF_SCHEMA"))
    func theReportValidatesAgainstTheOfficialSchema() throws {
        let validator = try JSONSchemaValidator(schemaFile: schemaPath!)
        for findings in [[], [ReportFixtures.security, ReportFixtures.unknown, ReportFixtures.note, ReportFixtures.tricky]] {
            let violations = validator.violations(of: try sarif(ReportFixtures.input(findings)))
            #expect(violations.isEmpty, "\(violations.prefix(10))")
        }
        // Without a root on disk (an in-memory check) there is no %SRCROOT% to record.
        #expect(validator.violations(of: try sarif(ReportFixtures.input([ReportFixtures.security], root: nil))).isEmpty)
    }

    @Test(.enabled(if: schemaPath != nil, "the SARIF schema is not at ../shared/schemas/sarif-schema-2.1.0.json"))
    func theValidatorRejectsBrokenReports() throws {
        // The schema test can fail: the same validator rejects what GitHub would reject.
        let validator = try JSONSchemaValidator(schemaFile: schemaPath!)
        let good = SARIFReporter().report(ReportFixtures.input([ReportFixtures.security]))
        for (broken, why) in [
            (good.replacingOccurrences(of: #""version":"2.1.0""#, with: #""version":"2.0""#), "an unknown version"),
            (good.replacingOccurrences(of: #""level":"error""#, with: #""level":"fatal""#), "an unknown level"),
            (good.replacingOccurrences(of: #""startLine":5"#, with: #""startLine":0"#), "line 0"),
            (good.replacingOccurrences(of: #""uri":"docs/backlog.md""#, with: #""uri":"docs/back log.md""#), "a space in a URI"),
            (good.replacingOccurrences(of: #""ruleId":"TL003","#, with: #""ruleId":"TL003","surprise":1,"#), "an unknown property"),
        ] {
            #expect(broken != good, "the replacement for \(why) found nothing to replace")
            #expect(!validator.violations(of: try JSONValue.parse(broken)).isEmpty, "\(why) passed the schema")
        }
    }

    @Test func theDriverDescribesEveryRule() throws {
        let report = try sarif(ReportFixtures.input([]))
        #expect(report["version"]?.string == "2.1.0")
        let driver = try #require(report["runs"]?[0]?["tool"]?["driver"])
        #expect(driver["name"]?.string == "tierlint")
        #expect(driver["version"]?.string == "9.8.7")
        let rules = try #require(driver["rules"]?.array)
        #expect(rules.compactMap { $0["id"]?.string } == RuleRegistry.all.map(\.description.code))
        let security = try #require(rules.first { $0["id"]?.string == "TL003" })
        #expect(security["name"]?.string == "security-tier")
        #expect(security["shortDescription"]?["text"]?.string == SecurityTierRule().description.summary)
        #expect(security["fullDescription"]?["text"]?.string?.contains(SecurityTierRule().description.explanation) == true)
        #expect(security["help"]?["markdown"]?.string?.contains("tierlint explain security-tier") == true)
        #expect(security["defaultConfiguration"]?["level"]?.string == "error")
        let overkill = try #require(rules.first { $0["id"]?.string == "TL006" })
        #expect(overkill["defaultConfiguration"]?["level"]?.string == "warning")
    }

    @Test func eachResultHasItsRuleLevelMessageAndRelativeLocation() throws {
        let report = try sarif(ReportFixtures.input([ReportFixtures.security, ReportFixtures.note]))
        let run = try #require(report["runs"]?[0])
        #expect(run["originalUriBaseIds"]?["%SRCROOT%"]?["uri"]?.string == "file:///work/repo/")
        #expect(run["columnKind"]?.string == "unicodeCodePoints")
        let results = try #require(run["results"]?.array)
        #expect(results.count == 2)
        let first = results[0]
        #expect(first["ruleId"]?.string == "TL003")
        let index = try #require(first["ruleIndex"]?.number)
        #expect(run["tool"]?["driver"]?["rules"]?[Int(index)]?["id"]?.string == "TL003")
        #expect(first["level"]?.string == "error")
        #expect(first["message"]?["text"]?.string == ReportFixtures.security.message)
        let location = try #require(first["locations"]?[0]?["physicalLocation"])
        #expect(location["artifactLocation"]?["uri"]?.string == "docs/backlog.md")
        #expect(location["artifactLocation"]?["uriBaseId"]?.string == "%SRCROOT%")
        #expect(location["region"]?["startLine"]?.number == 5)
        #expect(location["region"]?["startColumn"]?.number == 27)
        #expect(results[1]["level"]?.string == "note", "info findings are SARIF notes")
    }

    @Test func pathsArePercentEncodedURIs() {
        #expect(SARIFReporter.percentEncoded("docs/back log.md") == "docs/back%20log.md")
        #expect(SARIFReporter.percentEncoded("docs/100%,\"x\"#?.md") == "docs/100%25%2C%22x%22%23%3F.md")
        #expect(SARIFReporter.percentEncoded("docs/é.md") == "docs/%C3%A9.md")
        #expect(SARIFReporter.directoryURI("/work/my repo") == "file:///work/my%20repo/")
    }

    @Test func fingerprintsSurviveMovedLinesAndTellRepeatsApart() throws {
        func fingerprints(_ findings: [Finding]) throws -> [String] {
            try #require(try sarif(ReportFixtures.input(findings))["runs"]?[0]?["results"]?.array)
                .map { $0["partialFingerprints"]?["tierlint/v1"]?.string ?? "" }
        }
        var moved = ReportFixtures.security
        moved.line += 40
        moved.column = 3
        #expect(try fingerprints([ReportFixtures.security]) == fingerprints([moved]))
        var other = ReportFixtures.security
        other.subject = "ticket 5.2"
        let pair = try fingerprints([ReportFixtures.security, other])
        #expect(pair[0] != pair[1])
        // Two findings about the same ticket by the same rule are still two alerts.
        let twins = try fingerprints([ReportFixtures.security, moved])
        #expect(twins[0] != twins[1])
        #expect(pair[0].count == 16)
    }
}
