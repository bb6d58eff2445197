import Foundation
import Testing
@testable import TierlintCore

/// Execution logs as JSON Lines or CSV: seed 001's fields by their many names, unknown fields
/// ignored, and every line that is not a record reported where it goes wrong, never stopping
/// the read.
@Suite struct ExecutionLogParserTests {
    @Test func aJSONLinesRecordWithSeed001sFields() throws {
        let log = parseLog("""
            {"timestamp": "2026-03-16T14:23:45Z", "agent": "test-engineer", "model": "haiku", "task": "Generate tests for user auth module", "input_tokens": 1250, "output_tokens": 3400, "cost": 0.0146, "status": "success"}

            """)
        #expect(log.problems.isEmpty)
        let record = try #require(log.records.first)
        #expect(record.line == 1)
        #expect(record.timestamp == Int64(LogTime.days(year: 2026, month: 3, day: 16)) * 86_400 + 14 * 3600 + 23 * 60 + 45)
        #expect(record.agent == "test-engineer")
        #expect(record.model == "haiku")
        #expect(record.inputTokens == 1250)
        #expect(record.outputTokens == 3400)
        #expect(record.status == .success)
        #expect(record.loggedCost == Money("0.0146"))
        #expect(!record.retry && !record.escalated)
    }

    @Test func unknownFieldsAreIgnoredWhateverTheyHold() {
        let log = parseLog("""
            {"id": 7, "trace": {"spans": [{"name": "a}\\"]"}, [1, 2]]}, "timestamp": "2026-03-16", "agent": "a", "tags": [], "model": "sonnet", "input_tokens": 10, "output_tokens": 20, "ok": null, "latency_ms": 1.5e3}
            """)
        #expect(log.problems.isEmpty, "\(log.problems)")
        #expect(log.records.map(\.model) == ["sonnet"])
    }

    @Test func fieldNamesAreReadInTheirUsualSpellings() {
        let log = parseLog("""
            {"createdAt": "2026-03-16T10:00:00Z", "agentName": "a", "model_id": "opus", "promptTokens": 5, "completion_tokens": 6, "outcome": "FAILED", "retry_count": 2, "escalated_from": "sonnet", "cost_usd": "$0.50"}
            """)
        #expect(log.problems.isEmpty, "\(log.problems)")
        let record = log.records.first
        #expect(record?.inputTokens == 5)
        #expect(record?.outputTokens == 6)
        #expect(record?.status == .failure)
        #expect(record?.retry == true)
        #expect(record?.escalated == true)
        #expect(record?.loggedCost == Money("0.5"))
    }

    @Test(arguments: [
        ("2026-03-16", "2026-03-16T00:00:00Z"),
        ("2026-03-16T14:23:45Z", "2026-03-16T14:23:45Z"),
        ("2026-03-16T14:23:45.123456Z", "2026-03-16T14:23:45Z"),
        ("2026-03-16 14:23:45", "2026-03-16T14:23:45Z"),
        ("2026-03-16T14:23", "2026-03-16T14:23:00Z"),
        ("2026-03-16T14:23:45+01:00", "2026-03-16T13:23:45Z"),
        ("2026-03-16T00:30:00.5-0530", "2026-03-16T06:00:00Z"),
        // A zone can move a time to another UTC day.
        ("2026-03-01T01:00:00+02:00", "2026-02-28T23:00:00Z"),
        ("2024-02-29T12:00:00Z", "2024-02-29T12:00:00Z"),
    ])
    func timestampsAreISO8601WithOrWithoutFractionsAndZones(written: String, utc: String) throws {
        let seconds = try #require(LogTime.parse(written))
        #expect(LogTime.isoText(seconds) == utc)
    }

    @Test(arguments: ["2026-02-30", "2026-13-01", "16/03/2026", "2026-03-16T25:00:00Z", "2026-03-16T14:23:45 PST", "2026-03-16Z", ""])
    func notATimestamp(_ written: String) {
        #expect(LogTime.parse(written) == nil)
    }

    @Test func epochSecondsAndMillisecondsAreTimesToo() {
        let log = parseLog("""
            {"timestamp": 1773671025, "agent": "a", "model": "haiku", "input_tokens": 1, "output_tokens": 1}
            {"timestamp": 1773671025000, "agent": "a", "model": "haiku", "input_tokens": 1, "output_tokens": 1}
            """)
        #expect(log.records.map { LogTime.isoText($0.timestamp) } == ["2026-03-16T14:23:45Z", "2026-03-16T14:23:45Z"])
    }

    @Test func escapedNamesAreDecoded() {
        let log = parseLog(#"{"timestamp": "2026-03-16", "agent": "r\u00e9viseur \"senior\"", "model": "claude-sonnet-4-5", "input_tokens": 1, "output_tokens": 1}"#)
        #expect(log.records.map(\.agent) == ["réviseur \"senior\""])
    }

    /// Each bad line is reported with its line and the column where it goes wrong, and the
    /// lines after it are read as usual.
    @Test func malformedLinesAreReportedAndSkipped() {
        let good = record("2026-03-16T09:00:00Z", "a", "haiku", input: 1, output: 1)
        let log = parseLog([
            good,
            #"{"timestamp": "2026-03-16T09:01:00Z", "agent": "a", "model": "haiku", "input_tok"#,
            #"{"timestamp": "2026-03-16T09:02:00Z", "agent": "a", "model": "haiku", "input_tokens": -3, "output_tokens": 1}"#,
            #"{"timestamp": "yesterday", "agent": "a", "model": "haiku", "input_tokens": 1, "output_tokens": 1}"#,
            #"{"agent": "a", "model": "haiku", "input_tokens": 1}"#,
            "timestamp,agent,model",
            #"{"timestamp": "2026-03-16", "agent": "a", "model": "haiku", "input_tokens": 1, "output_tokens": 1} trailing"#,
            #"{"timestamp": "2026-03-16", "agent": "a", "model": "haiku", "input_tokens": 1 "output_tokens": 1}"#,
            good,
        ].joined(separator: "\n"))
        #expect(log.records.map(\.line) == [1, 9])
        #expect(log.problems.map { "\($0.line):\($0.column)" } == ["2:71", "3:87", "4:15", "5:1", "6:1", "7:100", "8:79"])
        #expect(log.problems[0].message.contains("cut off"))
        #expect(log.problems[1].message == "`input_tokens` is \"-3\", not a whole number of tokens")
        #expect(log.problems[2].message.contains("not an ISO 8601 date or time"))
        #expect(log.problems[3].message == "the record has no `timestamp` or `output_tokens`; it is skipped")
        #expect(log.problems[4].message.contains("not a JSON object"))
        #expect(log.problems[5].message.contains("text after the end"))
        #expect(log.problems[6].message.contains("expected `,` or `}`"))
    }

    @Test func columnsCountCharactersNotBytes() {
        let log = parseLog(#"{"agent": "réviseur", "timestamp": "hier", "model": "haiku", "input_tokens": 1, "output_tokens": 1}"#)
        #expect(log.problems.map(\.column) == [36])
    }

    @Test func csvWithQuotedCommasQuotesAndLineBreaks() throws {
        let log = parseLog("""
            Timestamp,Agent,Model,Task,Input Tokens,Output Tokens,Status,Cost,Notes\r
            2026-03-16T14:23:45Z,test-engineer,haiku,"Generate tests, then run them",1250,3400,success,0.0146,\r
            2026-03-16T14:25:00Z,"code ""senior"" reviewer",sonnet,"Review the diff:
            auth, sessions",2000,1500,failure,,"multi
            line
            note"\r
            2026-03-16T14:30:00Z,test-engineer,haiku,Write fixtures,10,20,success,,\r

            """)
        #expect(log.problems.isEmpty, "\(log.problems)")
        #expect(log.records.map(\.line) == [2, 3, 7], "a record is numbered by the line it starts on")
        #expect(log.records.map(\.agent) == ["test-engineer", "code \"senior\" reviewer", "test-engineer"])
        #expect(log.records.map(\.status) == [.success, .failure, .success])
        #expect(log.records[0].loggedCost == Money("0.0146"))
        #expect(log.records[1].loggedCost == nil)
        #expect(log.lines == 7)
    }

    @Test func aCSVRecordWithAnUnquotedCommaIsReportedNotShifted() {
        let log = parseLog("""
            timestamp,agent,model,task,input_tokens,output_tokens
            2026-03-16,a,haiku,Generate tests, then run them,1250,3400
            2026-03-16,a,haiku,"Generate tests, then run them",1250,3400
            2026-03-16,a,haiku,x,many,3400
            """)
        #expect(log.records.map(\.line) == [3])
        #expect(log.problems.map { "\($0.line):\($0.column)" } == ["2:1", "4:22"])
        #expect(log.problems[0].message == "the record has 7 fields where the header has 6; quote a field that holds a comma")
    }

    @Test func aCSVHeaderWithoutTheNeededColumnsSkipsTheFileOnce() {
        let log = parseLog("""
            2026-03-16,a,haiku,10,20
            2026-03-16,a,haiku,10,20
            2026-03-16,a,haiku,10,20
            """)
        #expect(log.records.isEmpty)
        #expect(log.problems.count == 1)
        #expect(log.problems.first?.message.hasPrefix("the first line is not a header") == true)
    }

    @Test func anUnclosedQuotedFieldIsReportedWhereItOpens() {
        let log = parseLog("timestamp,agent,model,input_tokens,output_tokens\n2026-03-16,\"a,haiku,1,2\n2026-03-16,a,haiku,1,2\n")
        #expect(log.records.isEmpty)
        #expect(log.problems.map(\.line) == [2])
    }

    /// A chunk may end anywhere: inside a line, a string, a character.
    @Test(arguments: [1, 2, 3, 7, 64, 4096])
    func chunkEdgesChangeNothing(size: Int) {
        let text = """
            \u{FEFF}{"timestamp": "2026-03-16T14:23:45Z", "agent": "réviseur", "model": "haiku", "input_tokens": 1250, "output_tokens": 3400}\r
            {"timestamp": "2026-03-16T14:23:46Z", "agent": "a", "model": "opus", "input_tokens": 1, "output_tokens": 2}
            not json
            {"timestamp": "2026-03-17", "agent": "b", "model": "sonnet", "input_tokens": 3, "output_tokens": 4}
            """
        let whole = parseLog(text)
        let chunked = parseLog(text, chunk: size)
        #expect(whole.records.count == 3)
        #expect(chunked.records == whole.records)
        #expect(chunked.problems.map { "\($0.line):\($0.column) \($0.message)" } == whole.problems.map { "\($0.line):\($0.column) \($0.message)" })
    }

    @Test func anOverlongLineIsSkippedWithoutBeingHeld() {
        let long = String(repeating: "x", count: ExecutionLogParser.maximumLineLength + 10)
        let text = record("2026-03-16", "a", "haiku", input: 1, output: 1) + "\n" + long + "\n"
            + record("2026-03-16", "b", "haiku", input: 1, output: 1) + "\n"
        for chunk in [nil, 65_536] {
            let log = parseLog(text, chunk: chunk)
            #expect(log.records.map(\.line) == [1, 3])
            #expect(log.problems.map(\.line) == [2])
        }
    }

    @Test func statusesAndFlagsInTheirUsualSpellings() {
        let statuses = ["success", "OK", "completed", "failed", "error", "timeout", "running", ""]
        let log = parseLog(statuses.map { record("2026-03-16", "a", "haiku", input: 1, output: 1, status: $0) }.joined(separator: "\n"))
        #expect(log.records.map(\.status) == [.success, .success, .success, .failure, .failure, .failure, .unknown, .unknown])
        let flags = parseLog([
            #"{"timestamp": "2026-03-16", "agent": "a", "model": "m", "input_tokens": 1, "output_tokens": 1, "retry": "yes", "escalated": false, "success": false}"#,
            #"{"timestamp": "2026-03-16", "agent": "a", "model": "m", "input_tokens": 1, "output_tokens": 1, "retries": 0, "escalated": 1, "status": "running", "success": true}"#,
        ].joined(separator: "\n"))
        #expect(flags.records.map(\.retry) == [true, false])
        #expect(flags.records.map(\.escalated) == [false, true])
        #expect(flags.records.map(\.status) == [.failure, .success])
    }
}
