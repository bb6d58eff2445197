import Foundation

/// What the parser hands on, one line at a time: an execution, or why a line is not one.
protocol ExecutionSink {
    mutating func execution(_ execution: RawExecution)
    mutating func problem(line: Int, column: Int, message: String)
}

/// An execution as the parser read it, before the names are interned. The byte pointers are
/// valid only during the `ExecutionSink.execution` call.
struct RawExecution {
    var line: Int
    var timestamp: Int64
    var agent: UnsafeBufferPointer<UInt8>
    var model: UnsafeBufferPointer<UInt8>
    var inputTokens: Int
    var outputTokens: Int
    var status: ExecutionStatus
    var cost: Money?
    var retry: Bool
    var escalated: Bool
    /// The record's text, and where in it the agent, the model and the cost are, to point at them.
    var record: UnsafeBufferPointer<UInt8>
    var agentOffset: Int
    var modelOffset: Int
    var costOffset: Int

    /// The line and character column of a byte of the record (a CSV record may span lines).
    func position(_ offset: Int) -> (line: Int, column: Int) {
        ExecutionLogParser.position(of: offset, in: record, firstLine: line)
    }
}

/// Reads execution logs as JSON Lines (one object per line) or CSV (a header row naming the
/// columns, then records; quoted fields may hold commas, quotes and line breaks), fed in chunks
/// of any size. The format is told by the first line that is not blank. Works on bytes: a line
/// becomes no String unless it is reported.
///
/// A line that is not a record is reported with its line and column and skipped; the lines after
/// it are read as usual.
///
/// A struct, not a class: its state is touched for every byte, and a class's stored properties
/// would each pay for a run-time exclusivity check.
struct ExecutionLogParser {
    /// A longer line is reported and skipped, so that a file without line breaks cannot make
    /// the parser hold it whole.
    static let maximumLineLength = 1 << 20

    private enum Format {
        case undetermined
        case jsonLines
        case csv(columns: [LogField?])
        /// A CSV header without the columns a record needs: its records are skipped, once reported.
        case unusable
    }

    /// Lines read so far.
    private(set) var line = 0
    /// Lines skipped because their file's CSV header cannot be used.
    private(set) var unusableLines = 0
    private var format = Format.undetermined
    private var carry: [UInt8] = []
    private var skippingLongLine = false
    /// A CSV record whose quoted field goes on past the end of its line.
    private var pending: [UInt8] = []
    private var pendingLine = 0
    private var keys = LogKeyTable()
    /// Names with JSON escapes or doubled CSV quotes, decoded; never longer than a line.
    private let scratch = Scratch()
    private var agentScratch: UnsafeMutableBufferPointer<UInt8> { scratch.agent }
    private var modelScratch: UnsafeMutableBufferPointer<UInt8> { scratch.model }

    /// Room to decode names into, allocated once per parser and freed with it.
    private final class Scratch {
        let agent = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ExecutionLogParser.maximumLineLength)
        let model = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: ExecutionLogParser.maximumLineLength)

        deinit {
            agent.deallocate()
            model.deallocate()
        }
    }

    init() {}

    // MARK: - Lines

    mutating func feed<Sink: ExecutionSink>(_ chunk: UnsafeRawBufferPointer, into sink: inout Sink) {
        guard let raw = chunk.baseAddress, !chunk.isEmpty else { return }
        let base = raw.assumingMemoryBound(to: UInt8.self)
        let count = chunk.count
        var start = 0
        while start < count {
            guard let found = memchr(base + start, 0x0A, count - start) else {
                // The rest is the start of a line the next chunk ends.
                let rest = count - start
                if !skippingLongLine {
                    if carry.count + rest > Self.maximumLineLength {
                        tooLong(&sink)
                    } else {
                        carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: rest))
                    }
                }
                return
            }
            let end = UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
            if skippingLongLine {
                skippingLongLine = false
                line += 1
            } else if carry.isEmpty {
                lineEnded(UnsafeBufferPointer(start: base + start, count: end - start), &sink)
            } else if carry.count + (end - start) > Self.maximumLineLength {
                tooLong(&sink)
                skippingLongLine = false
                line += 1
            } else {
                carry.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
                let whole = carry
                carry.removeAll(keepingCapacity: true)
                whole.withUnsafeBufferPointer { lineEnded($0, &sink) }
            }
            start = end + 1
        }
    }

    /// The end of the file: its last line may have no line break.
    mutating func finish<Sink: ExecutionSink>(into sink: inout Sink) {
        if skippingLongLine {
            skippingLongLine = false
            line += 1
        } else if !carry.isEmpty {
            let whole = carry
            carry.removeAll()
            whole.withUnsafeBufferPointer { lineEnded($0, &sink) }
        }
        if !pending.isEmpty {
            sink.problem(line: pendingLine, column: 1, message: "a quoted field opened on this line never closes; the record is skipped")
            pending.removeAll()
        }
    }

    private mutating func tooLong<Sink: ExecutionSink>(_ sink: inout Sink) {
        sink.problem(
            line: line + 1, column: 1,
            message: "the line is longer than \(ByteCount(Self.maximumLineLength)); it is skipped")
        carry.removeAll(keepingCapacity: true)
        skippingLongLine = true
    }

    private mutating func lineEnded<Sink: ExecutionSink>(_ text: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
        line += 1
        var text = text
        if text.count > Self.maximumLineLength {
            sink.problem(line: line, column: 1, message: "the line is longer than \(ByteCount(Self.maximumLineLength)); it is skipped")
            return
        }
        if let last = text.last, last == 0x0D { text = UnsafeBufferPointer(rebasing: text.dropLast()) }
        if line == 1, text.count >= 3, text[0] == 0xEF, text[1] == 0xBB, text[2] == 0xBF {
            text = UnsafeBufferPointer(rebasing: text.dropFirst(3))
        }
        if !pending.isEmpty {
            pending.append(0x0A)
            pending.append(contentsOf: text)
            guard Self.quotesBalance(pending) else {
                if pending.count > Self.maximumLineLength {
                    sink.problem(line: pendingLine, column: 1, message: "a quoted field opened on this line runs on for over \(ByteCount(Self.maximumLineLength)); the record is skipped")
                    pending.removeAll()
                }
                return
            }
            let record = pending
            pending.removeAll(keepingCapacity: true)
            if case .csv(let columns) = format {
                record.withUnsafeBufferPointer { csvRecord($0, line: pendingLine, columns: columns, &sink) }
            }
            return
        }
        guard let first = text.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        switch format {
        case .undetermined:
            if text[first] == UInt8(ascii: "{") {
                format = .jsonLines
                jsonRecord(text, &sink)
            } else {
                csvHeader(text, &sink)
            }
        case .jsonLines:
            jsonRecord(text, &sink)
        case .csv(let columns):
            if Self.quotesBalance(text) {
                csvRecord(text, line: line, columns: columns, &sink)
            } else {
                pending.append(contentsOf: text)
                pendingLine = line
            }
        case .unusable:
            unusableLines += 1
        }
    }

    private static func quotesBalance(_ bytes: some Collection<UInt8>) -> Bool {
        var open = false
        for byte in bytes where byte == UInt8(ascii: "\"") { open.toggle() }
        return !open
    }

    /// The line and character column of a byte of a record that starts on `firstLine`.
    static func position(of offset: Int, in record: UnsafeBufferPointer<UInt8>, firstLine: Int) -> (line: Int, column: Int) {
        var line = firstLine, column = 1
        for index in 0..<min(offset, record.count) {
            let byte = record[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    // MARK: - Fields

    /// The fields of one record as they are read.
    private struct Fields {
        var timestamp: Int64?
        var agent: UnsafeBufferPointer<UInt8>?
        var model: UnsafeBufferPointer<UInt8>?
        var inputTokens: Int?
        var outputTokens: Int?
        var status: ExecutionStatus?
        var success: Bool?
        var cost: Money?
        var retry = false
        var escalated = false
        var agentOffset = 0
        var modelOffset = 0
        var costOffset = 0
    }

    /// A field's value as written: a string's content (with escapes still in it when
    /// `escaped`), a number's text, or a literal.
    private enum Value {
        case text(UnsafeBufferPointer<UInt8>, escaped: Bool)
        case number(UnsafeBufferPointer<UInt8>)
        case bool(Bool)
        case null
        case composite
    }

    /// Stores one field; returns why the value does not fit, if it does not.
    private func assign(_ field: LogField, _ value: Value, offset: Int, to fields: inout Fields) -> String? {
        switch field {
        case .timestamp:
            switch value {
            case .text(let text, _):
                guard let seconds = LogTime.parse(text) else {
                    return "`\(field.name)` is \(Self.quote(text)), not an ISO 8601 date or time such as 2026-03-16T14:23:45Z"
                }
                fields.timestamp = seconds
            case .number(let text):
                // Seconds since 1970, or milliseconds when too large to be seconds.
                guard let number = Self.integer(text) else { return "`\(field.name)` is \(Self.quote(text)), not a date or time" }
                fields.timestamp = Int64(number >= 100_000_000_000 ? number / 1000 : number)
            case .null: fields.timestamp = nil
            default: return "`\(field.name)` must be a date or time, such as 2026-03-16T14:23:45Z"
            }
        case .agent, .model:
            switch value {
            case .text(let text, let escaped):
                let scratch = field == .agent ? agentScratch : modelScratch
                let name = Self.trimmed(escaped ? decode(text, into: scratch) : text)
                if name.isEmpty { break }
                if field == .agent {
                    fields.agent = name
                    fields.agentOffset = offset
                } else {
                    fields.model = name
                    fields.modelOffset = offset
                }
            case .null: break
            default: return "`\(field.name)` must be a name in quotes"
            }
        case .task:
            break
        case .inputTokens, .outputTokens:
            let count: Int
            switch value {
            case .number(let text), .text(let text, false):
                guard let number = Self.integer(Self.trimmed(text)) else {
                    return "`\(field.name)` is \(Self.quote(text)), not a whole number of tokens"
                }
                count = number
            case .null: return nil
            default: return "`\(field.name)` must be a whole number of tokens"
            }
            if field == .inputTokens { fields.inputTokens = count } else { fields.outputTokens = count }
        case .status:
            switch value {
            case .text(let text, _): fields.status = ExecutionStatus.read(Self.trimmed(text))
            case .bool(let flag): fields.success = flag
            case .null: break
            default: return "`\(field.name)` must be a word such as success or failure"
            }
        case .success:
            switch value {
            case .bool(let flag): fields.success = flag
            case .text(let text, _), .number(let text):
                guard let flag = Self.flag(Self.trimmed(text)) else { return "`\(field.name)` is \(Self.quote(text)), not true or false" }
                fields.success = flag
            case .null: break
            case .composite: return "`\(field.name)` must be true or false"
            }
        case .cost:
            switch value {
            case .number(let text), .text(let text, false):
                var amount = Self.trimmed(text)
                // `0.0246 (calculated)`, as seed 001 writes it: the note is not part of the amount.
                if let open = amount.firstIndex(of: UInt8(ascii: "(")) {
                    amount = Self.trimmed(UnsafeBufferPointer(rebasing: amount[..<open]))
                }
                if amount.isEmpty { return nil }
                guard let money = Money.parse(amount), money.picodollars >= 0 else {
                    return "`\(field.name)` is \(Self.quote(text)), not an amount of dollars such as 0.0146"
                }
                fields.cost = money
                fields.costOffset = offset
            case .null: break
            default: return "`\(field.name)` must be an amount of dollars such as 0.0146"
            }
        case .retry, .escalated:
            let flag: Bool
            switch value {
            case .bool(let value): flag = value
            case .null: flag = false
            case .number(let text), .text(let text, false):
                // A count of retries, a flag, or (escalated_from) the model it escalated from.
                let trimmed = Self.trimmed(text)
                if let parsed = Self.flag(trimmed) {
                    flag = parsed
                } else if let number = Self.integer(trimmed) {
                    flag = number > 0
                } else {
                    flag = field == .escalated && !trimmed.isEmpty
                }
            case .text: flag = true
            case .composite: return "`\(field.name)` must be true or false"
            }
            if field == .retry { fields.retry = fields.retry || flag } else { fields.escalated = fields.escalated || flag }
        }
        return nil
    }

    /// Hands a complete record on, or says which fields it lacks.
    private func emit<Sink: ExecutionSink>(_ fields: Fields, record: UnsafeBufferPointer<UInt8>, line: Int, _ sink: inout Sink) {
        var missing: [LogField] = []
        if fields.timestamp == nil { missing.append(.timestamp) }
        if fields.agent == nil { missing.append(.agent) }
        if fields.model == nil { missing.append(.model) }
        if fields.inputTokens == nil { missing.append(.inputTokens) }
        if fields.outputTokens == nil { missing.append(.outputTokens) }
        guard missing.isEmpty, let timestamp = fields.timestamp, let agent = fields.agent, let model = fields.model,
              let input = fields.inputTokens, let output = fields.outputTokens
        else {
            let names = missing.map { "`\($0.name)`" }
            sink.problem(line: line, column: 1, message: "the record has no \(Self.list(names)); it is skipped")
            return
        }
        // A status that says neither success nor failure gives way to a `success` flag.
        var status = fields.status ?? .unknown
        if status == .unknown, let success = fields.success { status = success ? .success : .failure }
        sink.execution(RawExecution(
            line: line, timestamp: timestamp, agent: agent, model: model, inputTokens: input, outputTokens: output,
            status: status,
            cost: fields.cost, retry: fields.retry, escalated: fields.escalated, record: record,
            agentOffset: fields.agentOffset, modelOffset: fields.modelOffset, costOffset: fields.costOffset))
    }

    // MARK: - JSON Lines

    private mutating func jsonRecord<Sink: ExecutionSink>(_ text: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
        let line = self.line
        func fail(_ offset: Int, _ message: String) {
            let column = Self.position(of: offset, in: text, firstLine: line).column
            sink.problem(line: line, column: column, message: message)
        }
        let count = text.count
        var index = 0
        Self.skipSpace(text, &index)
        guard index < count, text[index] == UInt8(ascii: "{") else {
            fail(index, "the line is not a JSON object; every line of a JSON Lines log is one `{...}` record")
            return
        }
        index += 1
        keys.startLine()
        var fields = Fields()
        Self.skipSpace(text, &index)
        if index < count, text[index] == UInt8(ascii: "}") {
            index += 1
        } else {
            while true {
                Self.skipSpace(text, &index)
                guard index < count else { return fail(index, "the JSON object is not closed; the line ends inside it") }
                guard text[index] == UInt8(ascii: "\"") else { return fail(index, "expected a key in double quotes") }
                let keyStart = index + 1
                guard let (keyEnd, keyEscaped) = Self.stringEnd(text, from: index) else {
                    return fail(index, "the line ends inside a string; was it cut off while being written?")
                }
                index = keyEnd + 1
                let key = UnsafeBufferPointer(rebasing: text[keyStart..<keyEnd])
                Self.skipSpace(text, &index)
                guard index < count, text[index] == UInt8(ascii: ":") else { return fail(index, "expected `:` after the key") }
                index += 1
                Self.skipSpace(text, &index)
                let valueStart = index
                guard let value = Self.value(text, at: &index) else {
                    let message = if valueStart >= count {
                        "the line ends where a value should be; was it cut off while being written?"
                    } else if text[valueStart] == UInt8(ascii: "\"") || index >= count {
                        "the line ends inside a value; was it cut off while being written?"
                    } else {
                        "invalid JSON value: expected a string, a number, true, false, null, an object or a list"
                    }
                    return fail(valueStart, message)
                }
                let field = keyEscaped ? LogField.named(key) : keys.field(key)
                if let field, let problem = assign(field, value, offset: valueStart, to: &fields) {
                    return fail(valueStart, problem)
                }
                Self.skipSpace(text, &index)
                guard index < count else { return fail(index, "the JSON object is not closed; the line ends inside it") }
                if text[index] == UInt8(ascii: ",") {
                    index += 1
                    continue
                }
                guard text[index] == UInt8(ascii: "}") else { return fail(index, "expected `,` or `}` after a value") }
                index += 1
                break
            }
        }
        Self.skipSpace(text, &index)
        guard index == count else { return fail(index, "text after the end of the JSON object") }
        emit(fields, record: text, line: line, &sink)
    }

    /// Moves `index` past spaces and tabs. Not a closure over `index`: a captured variable is
    /// boxed, and checked on every access.
    private static func skipSpace(_ text: UnsafeBufferPointer<UInt8>, _ index: inout Int) {
        while index < text.count, text[index] == 0x20 || text[index] == 0x09 || text[index] == 0x0D { index += 1 }
    }

    /// The index of the quote closing the string that opens at `start`, and whether it holds escapes.
    private static func stringEnd(_ text: UnsafeBufferPointer<UInt8>, from start: Int) -> (Int, Bool)? {
        let count = text.count
        // Most strings hold no backslash: find the closing quote with memchr, and make sure.
        if start + 1 < count, let base = text.baseAddress,
           let quote = memchr(base + start + 1, 0x22, count - start - 1) {
            let end = UnsafeRawPointer(quote).assumingMemoryBound(to: UInt8.self) - base
            if memchr(base + start + 1, 0x5C, end - start - 1) == nil { return (end, false) }
        }
        var index = start + 1
        var escaped = false
        while index < count {
            let byte = text[index]
            if byte == UInt8(ascii: "\"") { return (index, escaped) }
            if byte == UInt8(ascii: "\\") {
                escaped = true
                index += 2
            } else {
                index += 1
            }
        }
        return nil
    }

    /// Reads one JSON value at `index` and moves past it; nested objects and arrays are
    /// skipped whole. `nil` when it is not a value.
    private static func value(_ text: UnsafeBufferPointer<UInt8>, at index: inout Int) -> Value? {
        let count = text.count
        guard index < count else { return nil }
        let start = index
        switch text[index] {
        case UInt8(ascii: "\""):
            guard let (end, escaped) = stringEnd(text, from: index) else { return nil }
            index = end + 1
            return .text(UnsafeBufferPointer(rebasing: text[(start + 1)..<end]), escaped: escaped)
        case UInt8(ascii: "-"), 0x30...0x39:
            index += 1
            while index < count {
                switch text[index] {
                case 0x30...0x39, UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                    index += 1
                    continue
                default: break
                }
                break
            }
            return .number(UnsafeBufferPointer(rebasing: text[start..<index]))
        case UInt8(ascii: "t"): return literal("true", .bool(true))
        case UInt8(ascii: "f"): return literal("false", .bool(false))
        case UInt8(ascii: "n"): return literal("null", .null)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            while index < count {
                switch text[index] {
                case UInt8(ascii: "\""):
                    guard let (end, _) = stringEnd(text, from: index) else { return nil }
                    index = end
                case UInt8(ascii: "{"), UInt8(ascii: "["):
                    depth += 1
                case UInt8(ascii: "}"), UInt8(ascii: "]"):
                    depth -= 1
                    if depth == 0 {
                        index += 1
                        return .composite
                    }
                default: break
                }
                index += 1
            }
            return nil
        default:
            return nil
        }

        func literal(_ word: StaticString, _ value: Value) -> Value? {
            let length = word.utf8CodeUnitCount
            guard index + length <= count, memcmp(text.baseAddress! + index, word.utf8Start, length) == 0 else { return nil }
            index += length
            return value
        }
    }

    /// A JSON string's content with its escapes resolved, written into `scratch`.
    private func decode(_ text: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var written = 0
        var index = 0
        func put(_ byte: UInt8) {
            scratch[written] = byte
            written += 1
        }
        func hex4(_ at: Int) -> UInt32? {
            guard at + 4 <= text.count else { return nil }
            var value: UInt32 = 0
            for byte in text[at..<(at + 4)] {
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: return nil
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while index < text.count {
            let byte = text[index]
            guard byte == UInt8(ascii: "\\"), index + 1 < text.count else {
                put(byte)
                index += 1
                continue
            }
            let escape = text[index + 1]
            index += 2
            switch escape {
            case UInt8(ascii: "n"): put(0x0A)
            case UInt8(ascii: "t"): put(0x09)
            case UInt8(ascii: "r"): put(0x0D)
            case UInt8(ascii: "b"): put(0x08)
            case UInt8(ascii: "f"): put(0x0C)
            case UInt8(ascii: "u"):
                guard var scalar = hex4(index) else { put(escape); continue }
                index += 4
                // A surrogate pair spells one character past U+FFFF.
                if (0xD800..<0xDC00).contains(scalar), index + 6 <= text.count, text[index] == UInt8(ascii: "\\"),
                   text[index + 1] == UInt8(ascii: "u"), let low = hex4(index + 2), (0xDC00..<0xE000).contains(low) {
                    scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    index += 6
                }
                for unit in String(Character(Unicode.Scalar(scalar) ?? "\u{FFFD}")).utf8 { put(unit) }
            default: put(escape)
            }
        }
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(scratch)[0..<written])
    }

    // MARK: - CSV

    /// One field of a CSV record: where its content is, and whether it doubles quotes.
    private struct CSVField {
        var content: UnsafeBufferPointer<UInt8>
        var offset: Int
        var doubledQuotes: Bool
    }

    /// Splits a record into fields, calling `body` with each; returns the field count, or the
    /// offset and reason where the record stops being CSV.
    private static func csvFields(
        _ text: UnsafeBufferPointer<UInt8>, _ body: (Int, CSVField) -> String?
    ) -> Result<Int, CSVError> {
        let count = text.count
        var index = 0
        var column = 0
        while true {
            var field: CSVField
            if index < count, text[index] == UInt8(ascii: "\"") {
                let start = index + 1
                var doubled = false
                index = start
                while true {
                    guard index < count else { return .failure(CSVError(offset: start - 1, message: "a quoted field is not closed")) }
                    if text[index] == UInt8(ascii: "\"") {
                        if index + 1 < count, text[index + 1] == UInt8(ascii: "\"") {
                            doubled = true
                            index += 2
                            continue
                        }
                        break
                    }
                    index += 1
                }
                field = CSVField(content: UnsafeBufferPointer(rebasing: text[start..<index]), offset: start, doubledQuotes: doubled)
                index += 1
                guard index == count || text[index] == UInt8(ascii: ",") else {
                    return .failure(CSVError(offset: index, message: "text after a quoted field's closing quote; quote the whole field"))
                }
            } else {
                let start = index
                while index < count, text[index] != UInt8(ascii: ",") { index += 1 }
                field = CSVField(content: UnsafeBufferPointer(rebasing: text[start..<index]), offset: start, doubledQuotes: false)
            }
            if let problem = body(column, field) { return .failure(CSVError(offset: field.offset, message: problem)) }
            column += 1
            guard index < count else { return .success(column) }
            index += 1
        }
    }

    private struct CSVError: Error {
        var offset: Int
        var message: String
    }

    private mutating func csvHeader<Sink: ExecutionSink>(_ text: UnsafeBufferPointer<UInt8>, _ sink: inout Sink) {
        var columns: [LogField?] = []
        var names: [String] = []
        let result = Self.csvFields(text) { _, field in
            let name = Self.trimmed(field.content)
            names.append(String(decoding: name, as: UTF8.self))
            let logField = LogField.named(name)
            // A repeated column is read once, at its first place.
            columns.append(columns.contains { $0 == logField && $0 != nil } ? nil : logField)
            return nil
        }
        if case .failure(let error) = result {
            format = .unusable
            let column = Self.position(of: error.offset, in: text, firstLine: line).column
            sink.problem(line: line, column: column, message: "the CSV header cannot be read (\(error.message)); the file's records are skipped")
            return
        }
        let missing = LogField.required.filter { !columns.contains($0) }
        guard missing.isEmpty else {
            format = .unusable
            let looksLikeData = names.contains { LogTime.parse($0) != nil }
            sink.problem(
                line: line, column: 1,
                message: (looksLikeData ? "the first line is not a header: " : "")
                    + "a CSV log starts with a header naming its columns, and this one has no "
                    + Self.list(missing.map { "`\($0.name)`" }) + " column; the file's records are skipped")
            return
        }
        format = .csv(columns: columns)
    }

    private mutating func csvRecord<Sink: ExecutionSink>(
        _ text: UnsafeBufferPointer<UInt8>, line: Int, columns: [LogField?], _ sink: inout Sink
    ) {
        var fields = Fields()
        // A value that does not fit is reported only when the record has the header's fields:
        // otherwise an unquoted comma has shifted the values, and that is what to fix.
        var misfit: CSVError?
        let result = Self.csvFields(text) { column, field in
            guard misfit == nil, column < columns.count, let logField = columns[column] else { return nil }
            var content = field.content
            if field.doubledQuotes {
                let scratch = logField == .agent ? agentScratch : modelScratch
                content = Self.undoubleQuotes(content, into: scratch)
            }
            let trimmed = Self.trimmed(content)
            if trimmed.isEmpty { return nil }
            if let problem = assign(logField, .text(content, escaped: false), offset: field.offset, to: &fields) {
                misfit = CSVError(offset: field.offset, message: problem)
            }
            return nil
        }
        func report(_ error: CSVError) {
            let position = Self.position(of: error.offset, in: text, firstLine: line)
            sink.problem(line: position.line, column: position.column, message: error.message)
        }
        switch result {
        case .failure(let error):
            report(error)
        case .success(let count) where count != columns.count:
            sink.problem(
                line: line, column: 1,
                message: "the record has \(count) fields where the header has \(columns.count); quote a field that holds a comma")
        case .success:
            if let misfit { return report(misfit) }
            emit(fields, record: text, line: line, &sink)
        }
    }

    private static func undoubleQuotes(_ text: UnsafeBufferPointer<UInt8>, into scratch: UnsafeMutableBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var written = 0
        var index = 0
        while index < text.count {
            scratch[written] = text[index]
            written += 1
            index += text[index] == UInt8(ascii: "\"") && index + 1 < text.count && text[index + 1] == UInt8(ascii: "\"") ? 2 : 1
        }
        return UnsafeBufferPointer(rebasing: UnsafeBufferPointer(scratch)[0..<written])
    }

    // MARK: - Values

    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        var start = 0, end = text.count
        while start < end, text[start] == 0x20 || text[start] == 0x09 { start += 1 }
        while end > start, text[end - 1] == 0x20 || text[end - 1] == 0x09 { end -= 1 }
        return UnsafeBufferPointer(rebasing: text[start..<end])
    }

    /// A non-negative whole number below 10¹⁵ (`1250`, `1_250`); `nil` for anything else.
    static func integer(_ text: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !text.isEmpty, text.count <= 20 else { return nil }
        var value = 0
        var digits = 0
        for byte in text {
            if byte >= 0x30, byte <= 0x39 {
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            } else if byte != UInt8(ascii: "_") {
                return nil
            }
        }
        guard digits > 0, digits <= 15 else { return nil }
        return value
    }

    private static func flag(_ text: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard text.count <= 5 else { return nil }
        switch String(decoding: text, as: UTF8.self).lowercased() {
        case "true", "yes", "y", "t": return true
        case "false", "no", "n", "f", "": return false
        default: return nil
        }
    }

    private static func quote(_ text: UnsafeBufferPointer<UInt8>) -> String {
        let string = String(decoding: text.prefix(60), as: UTF8.self)
        return "\"" + string + (text.count > 60 ? "…" : "") + "\""
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: ""
        case 1: items[0]
        default: items.dropLast().joined(separator: ", ") + " or " + items.last!
        }
    }
}
