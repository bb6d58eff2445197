import Testing
@testable import TierlintCore

/// Reads a workflow command back the way the Actions runner does: the command name, the
/// properties up to `::` split at `,` and `=`, then the data; each value unescaped.
private func parseCommand(_ line: String) -> (command: String, properties: [String: String], data: String)? {
    guard line.hasPrefix("::"), let end = line.dropFirst(2).range(of: "::") else { return nil }
    let head = line[line.index(line.startIndex, offsetBy: 2)..<end.lowerBound]
    let data = String(line[end.upperBound...])
    let parts = head.split(separator: " ", maxSplits: 1)
    var properties: [String: String] = [:]
    for pair in parts.count > 1 ? parts[1].split(separator: ",") : [] {
        let keyValue = pair.split(separator: "=", maxSplits: 1)
        guard keyValue.count == 2 else { return nil }
        properties[String(keyValue[0])] = unescape(String(keyValue[1]))
    }
    return (String(parts[0]), properties, unescape(data))
}

private func unescape(_ text: String) -> String {
    text.replacingOccurrences(of: "%0D", with: "\r").replacingOccurrences(of: "%0A", with: "\n")
        .replacingOccurrences(of: "%3A", with: ":").replacingOccurrences(of: "%2C", with: ",")
        .replacingOccurrences(of: "%25", with: "%")
}

@Suite struct GitHubReporterTests {
    @Test func eachFindingIsAnAnnotationThenTheSummary() {
        let output = GitHubReporter().report(ReportFixtures.input([ReportFixtures.security, ReportFixtures.unknown, ReportFixtures.note]))
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(lines[0] == "::error file=docs/backlog.md,line=5,col=27,title=TL003 security-tier::\(ReportFixtures.security.message)")
        #expect(lines[1].hasPrefix("::warning file=.claude/agents/review.md,line=3,col=8,title=TL002 unknown-model::"))
        #expect(lines[2] == "::notice file=docs/backlog.md,line=1,col=1,title=TL012 uniform-sprint::a note")
        #expect(lines[3] == "Found 1 error, 1 warning, 1 note in 2 files; checked 3 files (4 tickets, 0 agents).")
    }

    @Test func commasColonsPercentSignsAndNewlinesAreEscaped() throws {
        let output = GitHubReporter().report(ReportFixtures.input([ReportFixtures.tricky]))
        let line = try #require(output.split(separator: "\n").first.map(String.init))
        #expect(line == "::warning file=docs/weird%2C name%3A 100%25 \"sure\" <b>&amp;.md,line=3,col=8,title=TL002 unknown-model::"
            + "line one, with: colons%0Aline two 100%25 done%0D%0Aquote \" apos ' <tag> & amp | pipe ` tick \u{07} bell 漢字 🚀")
        // Only the final newline ends the command, and the runner reads every value back whole.
        #expect(output.split(separator: "\n").count == 2)
        let parsed = try #require(parseCommand(line))
        #expect(parsed.command == "warning")
        #expect(parsed.properties["file"] == ReportFixtures.tricky.path)
        #expect(parsed.properties["line"] == "3")
        #expect(parsed.properties["col"] == "8")
        #expect(parsed.data == ReportFixtures.tricky.message)
    }

    @Test func escapingFollowsTheToolkit() {
        #expect(GitHubReporter.escapeData("50% a:b,c\r\n") == "50%25 a:b,c%0D%0A")
        #expect(GitHubReporter.escapeProperty("50% a:b,c\r\n") == "50%25 a%3Ab%2Cc%0D%0A")
        // Escaping the escape character first keeps `%0A` written in a message from turning into a newline.
        #expect(unescape(GitHubReporter.escapeData("literal %0A")) == "literal %0A")
    }
}
