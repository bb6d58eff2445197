import Foundation
@testable import TierlintCore

/// What the parser handed on, as plain values.
struct ParsedLog {
    var records: [ExecutionRecord] = []
    var problems: [(line: Int, column: Int, message: String)] = []
    var lines = 0
}

private struct CollectingSink: ExecutionSink {
    var log = ParsedLog()

    mutating func execution(_ execution: RawExecution) {
        log.records.append(ExecutionRecord(
            line: execution.line, timestamp: execution.timestamp, agent: String(decoding: execution.agent, as: UTF8.self),
            model: String(decoding: execution.model, as: UTF8.self), inputTokens: execution.inputTokens,
            outputTokens: execution.outputTokens, status: execution.status, loggedCost: execution.cost,
            retry: execution.retry, escalated: execution.escalated))
    }

    mutating func problem(line: Int, column: Int, message: String) {
        log.problems.append((line, column, message))
    }
}

/// Parses a log fed in chunks of `chunk` bytes (the whole text at once by default).
func parseLog(_ text: String, chunk: Int? = nil) -> ParsedLog {
    var parser = ExecutionLogParser()
    var sink = CollectingSink()
    let bytes = Array(text.utf8)
    let size = max(1, chunk ?? bytes.count)
    var start = 0
    while start < bytes.count {
        let end = min(bytes.count, start + size)
        bytes[start..<end].withUnsafeBytes { parser.feed($0, into: &sink) }
        start = end
    }
    parser.finish(into: &sink)
    sink.log.lines = parser.line
    return sink.log
}

/// A spend report of logs given as text, with the agents of `repository` (files by path) to
/// hold them to; `nil` checks no drift.
func spendReport(
    _ logs: [(path: String, text: String)], repository: [String: String]? = nil, configuration: String? = nil,
    options: SpendOptions = SpendOptions()
) throws -> SpendReport {
    var files = (repository ?? [:]).sorted { $0.key < $1.key }.map { SourceFile(path: $0.key, text: $0.value) }
    if let configuration { files.append(SourceFile(path: ".tierlint.yml", text: configuration)) }
    let run = try LintRun(source: MemorySource(files))
    let declared = repository == nil ? nil
        : try run.context().definitions.filter { $0.kind == .agent }.map { DeclaredAgent($0, path: $0.path) }
    let spend = SpendRun(configuration: run.configuration, options: options)
    for log in logs { spend.add(log.path, text: log.text) }
    return spend.report(declaredAgents: declared, agentSource: "memory", toolVersion: "test")
}

func spendReport(_ text: String, options: SpendOptions = SpendOptions(), configuration: String? = nil) throws -> SpendReport {
    try spendReport([("executions.jsonl", text)], configuration: configuration, options: options)
}

/// One JSON Lines record with seed 001's fields.
func record(
    _ timestamp: String, _ agent: String, _ model: String, input: Int, output: Int, status: String = "success",
    extra: String = ""
) -> String {
    "{\"timestamp\": \"\(timestamp)\", \"agent\": \"\(agent)\", \"model\": \"\(model)\", \"task\": \"work\", "
        + "\"input_tokens\": \(input), \"output_tokens\": \(output), \"status\": \"\(status)\"\(extra)}"
}

func dollars(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX"))!
}
