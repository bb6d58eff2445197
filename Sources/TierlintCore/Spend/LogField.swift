import Foundation

/// A field of seed 001's cost tracker, by the names logs give it. Names are compared
/// without case, `_`, `-`, `.` or spaces: `input_tokens`, `inputTokens` and `Input Tokens` are one.
enum LogField: Int, CaseIterable, Sendable {
    case timestamp, agent, model, task, inputTokens, outputTokens, status, cost, retry, escalated
    /// A `success: true|false` flag, read as the status when there is no status field.
    case success

    /// The name messages use: seed 001's.
    var name: String {
        switch self {
        case .timestamp: "timestamp"
        case .agent: "agent"
        case .model: "model"
        case .task: "task"
        case .inputTokens: "input_tokens"
        case .outputTokens: "output_tokens"
        case .status: "status"
        case .cost: "cost"
        case .retry: "retry"
        case .escalated: "escalated"
        case .success: "success"
        }
    }

    /// What a record cannot be priced or placed without.
    static let required: [LogField] = [.timestamp, .agent, .model, .inputTokens, .outputTokens]

    static let aliases: [String: LogField] = {
        var table: [String: LogField] = [:]
        let names: [LogField: [String]] = [
            .timestamp: ["timestamp", "time", "ts", "date", "datetime", "started_at", "start_time", "created_at", "logged_at"],
            .agent: ["agent", "agent_name", "subagent", "subagent_type", "agent_type"],
            .model: ["model", "model_name", "model_id"],
            .task: ["task", "task_description", "description", "ticket"],
            .inputTokens: ["input_tokens", "prompt_tokens", "tokens_in", "input_token_count"],
            .outputTokens: ["output_tokens", "completion_tokens", "tokens_out", "output_token_count"],
            .status: ["status", "outcome", "result", "state"],
            .cost: ["cost", "cost_usd", "total_cost", "cost_dollars"],
            .retry: ["retry", "retried", "is_retry", "retries", "retry_count"],
            .escalated: ["escalated", "escalation", "is_escalation", "escalated_from"],
            .success: ["success", "succeeded", "ok"],
        ]
        for (field, spellings) in names {
            for spelling in spellings { table[key(Array(spelling.utf8))] = field }
        }
        return table
    }()

    /// The comparison key of a field name: lowercase ASCII letters and digits only.
    static func key(_ bytes: some Sequence<UInt8>) -> String {
        var key: [UInt8] = []
        for byte in bytes {
            switch byte {
            case 0x41...0x5A: key.append(byte + 0x20)
            case 0x61...0x7A, 0x30...0x39: key.append(byte)
            case 0x80...: key.append(byte)
            default: continue
            }
        }
        return String(decoding: key, as: UTF8.self)
    }

    static func named(_ bytes: some Sequence<UInt8>) -> LogField? {
        aliases[key(bytes)]
    }
}

/// The fields a JSON log's keys name, learnt key by key: a log repeats the same dozen keys on
/// every line, usually in the same order, so the next key is tried first and found at once.
struct LogKeyTable {
    private var keys: [[UInt8]] = []
    private var fields: [LogField?] = []
    private var next = 0

    mutating func field(_ key: UnsafeBufferPointer<UInt8>) -> LogField? {
        if next < keys.count, Self.equal(keys[next], key) {
            defer { next += 1 }
            return fields[next]
        }
        for index in keys.indices where Self.equal(keys[index], key) {
            next = index + 1
            return fields[index]
        }
        // Unbounded keys (a log that puts IDs in its keys) must not grow the table forever.
        let field = LogField.named(key)
        if keys.count < 256 {
            keys.append(Array(key))
            fields.append(field)
            next = keys.count
        }
        return field
    }

    /// Call at the start of each line: the first key comes first again.
    mutating func startLine() {
        next = 0
    }

    private static func equal(_ known: [UInt8], _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        guard known.count == key.count else { return false }
        return known.withUnsafeBufferPointer { stored in
            guard let a = stored.baseAddress, let b = key.baseAddress else { return stored.count == 0 }
            return memcmp(a, b, key.count) == 0
        }
    }
}
