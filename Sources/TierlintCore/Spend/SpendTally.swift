import Foundation

/// Where something was first seen in the logs: which file (by number), line and column.
struct LogOrigin: Sendable, Equatable {
    var file: Int
    var line: Int
    var column: Int
}

/// The executions of one bucket (an agent, a model, a day), folded in one at a time. Tokens are
/// kept per model, since each model has its own price: the bucket's cost is worked out once at
/// the end, exactly, from the token sums (price is linear in tokens, so this is the sum of the
/// executions' costs without a Decimal operation per execution).
struct SpendTally: Sendable {
    /// Tokens and runs of one model inside the bucket.
    struct ModelUse: Sendable {
        var model: Int32
        var executions = 0
        var inputTokens = 0
        var outputTokens = 0
        /// Runs not flagged as escalations: the ones held to the declared tier.
        var unescalated = 0
        var firstUnescalated: LogOrigin?
    }

    var executions = 0
    var successes = 0
    var failures = 0
    /// Runs flagged as a retry or an escalation: a task run again.
    var reruns = 0
    var escalations = 0
    var uses: [ModelUse] = []
    var first: LogOrigin?

    /// Runs that are a task's first attempt: the tasks, for the cost per task.
    var tasks: Int { executions - reruns }

    mutating func add(_ execution: RawExecution, model: Int32) {
        executions += 1
        switch execution.status {
        case .success: successes += 1
        case .failure: failures += 1
        case .unknown: break
        }
        if execution.retry || execution.escalated { reruns += 1 }
        if execution.escalated { escalations += 1 }
        let index = useIndex(model)
        uses[index].executions += 1
        uses[index].inputTokens += execution.inputTokens
        uses[index].outputTokens += execution.outputTokens
        if !execution.escalated { uses[index].unescalated += 1 }
    }

    /// `add`, and where the bucket and its model were first seen (for the findings about them).
    mutating func add(_ execution: RawExecution, model: Int32, file: Int, at offset: Int, modelOffset: Int) {
        add(execution, model: model)
        if first == nil {
            let position = execution.position(offset)
            first = LogOrigin(file: file, line: position.line, column: position.column)
        }
        if !execution.escalated {
            let index = useIndex(model)
            if uses[index].firstUnescalated == nil {
                let position = execution.position(modelOffset)
                uses[index].firstUnescalated = LogOrigin(file: file, line: position.line, column: position.column)
            }
        }
    }

    private mutating func useIndex(_ model: Int32) -> Int {
        // A bucket holds a handful of models: a scan beats hashing.
        for index in uses.indices where uses[index].model == model { return index }
        uses.append(ModelUse(model: model))
        return uses.count - 1
    }

    mutating func merge(_ other: SpendTally) {
        executions += other.executions
        successes += other.successes
        failures += other.failures
        reruns += other.reruns
        escalations += other.escalations
        for use in other.uses {
            let index = useIndex(use.model)
            uses[index].executions += use.executions
            uses[index].inputTokens += use.inputTokens
            uses[index].outputTokens += use.outputTokens
            uses[index].unescalated += use.unescalated
            if uses[index].firstUnescalated == nil { uses[index].firstUnescalated = use.firstUnescalated }
        }
        if first == nil { first = other.first }
    }

    var inputTokens: Int { uses.reduce(0) { $0 + $1.inputTokens } }
    var outputTokens: Int { uses.reduce(0) { $0 + $1.outputTokens } }

    /// The exact cost of the bucket's priced runs, and how many runs had no price.
    func cost(_ models: [SpendPricing.PricedModel]) -> (cost: Decimal, unpriced: Int) {
        var cost = Decimal(0)
        var unpriced = 0
        for use in uses {
            guard let price = models[Int(use.model)].price else {
                unpriced += use.executions
                continue
            }
            cost += SpendPricing.cost(inputTokens: use.inputTokens, outputTokens: use.outputTokens, price: price)
        }
        return (cost, unpriced)
    }
}
