import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import TierlintCore

/// An XML document parsed by Foundation's XMLParser into elements with attributes.
private final class XMLElements: NSObject, XMLParserDelegate {
    struct Element {
        var name: String
        var attributes: [String: String]
        var depth: Int
        var text = ""
    }

    var elements: [Element] = []
    private var open: [Int] = []

    static func parse(_ text: String) throws -> [Element] {
        let parser = XMLParser(data: Data(text.utf8))
        let collector = XMLElements()
        parser.delegate = collector
        guard parser.parse() else {
            throw parser.parserError ?? NSError(domain: "XML", code: 1)
        }
        return collector.elements
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
        elements.append(Element(name: name, attributes: attributes, depth: open.count))
        open.append(elements.count - 1)
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        open.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if let last = open.last { elements[last].text += string }
    }
}

@Suite struct JUnitReporterTests {
    @Test func aSuitePerFileAFailurePerErrorOrWarningAndAPassForCleanFiles() throws {
        let xml = JUnitReporter().report(ReportFixtures.input([ReportFixtures.security, ReportFixtures.note, ReportFixtures.unknown]))
        let elements = try XMLElements.parse(xml)
        let root = try #require(elements.first)
        #expect(root.name == "testsuites")
        #expect(root.attributes["tests"] == "4")
        #expect(root.attributes["failures"] == "2")
        let suites = elements.filter { $0.name == "testsuite" }
        #expect(suites.map { $0.attributes["name"] ?? "" } == [".claude/agents/review.md", "docs/backlog.md", "docs/clean.md"])
        #expect(suites.map { $0.attributes["failures"] ?? "" } == ["1", "1", "0"])
        let failures = elements.filter { $0.name == "failure" }
        #expect(failures.map { $0.attributes["type"] ?? "" } == ["warning", "error"])
        #expect(failures[1].attributes["message"] == ReportFixtures.security.message)
        #expect(failures[1].text == "docs/backlog.md:5:27: \(ReportFixtures.security.message)")
        let cases = elements.filter { $0.name == "testcase" }
        #expect(cases.count == 4)
        #expect(cases.contains { $0.attributes["classname"] == "docs/clean.md" && $0.attributes["name"] == "model policy" })
        // A note is reported, not failed.
        #expect(elements.contains { $0.name == "system-out" && $0.text.contains("a note") })
    }

    @Test func aCleanRunIsAllPasses() throws {
        let elements = try XMLElements.parse(JUnitReporter().report(ReportFixtures.input([])))
        #expect(elements.first?.attributes["failures"] == "0")
        #expect(elements.count { $0.name == "testcase" } == 3)
    }

    @Test func awkwardTextSurvivesTheRoundTrip() throws {
        let elements = try XMLElements.parse(JUnitReporter().report(ReportFixtures.input([ReportFixtures.tricky])))
        let failure = try #require(elements.first { $0.name == "failure" })
        // XML 1.0 cannot hold a bell character; everything else comes back as written.
        #expect(failure.attributes["message"] == ReportFixtures.tricky.message.replacingOccurrences(of: "\u{07}", with: "\u{FFFD}"))
        #expect(elements.contains { $0.name == "testsuite" && $0.attributes["name"] == ReportFixtures.tricky.path })
    }
}

@Suite struct CheckstyleReporterTests {
    @Test func aFileElementPerFileAndAnErrorPerFinding() throws {
        let xml = CheckstyleReporter().report(ReportFixtures.input([ReportFixtures.security, ReportFixtures.unknown, ReportFixtures.note]))
        let elements = try XMLElements.parse(xml)
        #expect(elements.first?.name == "checkstyle")
        #expect(elements.filter { $0.name == "file" }.map { $0.attributes["name"] ?? "" } == [".claude/agents/review.md", "docs/backlog.md"])
        let errors = elements.filter { $0.name == "error" }
        #expect(errors.count == 3)
        let security = try #require(errors.first { $0.attributes["source"] == "tierlint.TL003.security-tier" })
        #expect(security.attributes["line"] == "5")
        #expect(security.attributes["column"] == "27")
        #expect(security.attributes["severity"] == "error")
        #expect(security.attributes["message"] == ReportFixtures.security.message)
        #expect(errors.map { $0.attributes["severity"] ?? "" }.sorted() == ["error", "info", "warning"])
    }

    @Test func anEmptyReportIsWellFormed() throws {
        let elements = try XMLElements.parse(CheckstyleReporter().report(ReportFixtures.input([])))
        #expect(elements.map(\.name) == ["checkstyle"])
    }

    @Test func awkwardTextSurvivesTheRoundTrip() throws {
        let elements = try XMLElements.parse(CheckstyleReporter().report(ReportFixtures.input([ReportFixtures.tricky])))
        #expect(elements.first { $0.name == "file" }?.attributes["name"] == ReportFixtures.tricky.path)
        let message = elements.first { $0.name == "error" }?.attributes["message"]
        #expect(message == ReportFixtures.tricky.message.replacingOccurrences(of: "\u{07}", with: "\u{FFFD}"))
    }
}
