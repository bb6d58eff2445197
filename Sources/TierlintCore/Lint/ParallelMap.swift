import Dispatch

/// `map` spread over the cores when there is enough work to be worth it; the order of the
/// results is the order of the input.
enum ParallelMap {
    static func map<Input: Sendable, Output: Sendable>(
        _ inputs: [Input], minimumCount: Int = 16, _ transform: @Sendable (Input) -> Output
    ) -> [Output] {
        guard inputs.count >= minimumCount else { return inputs.map(transform) }
        let results = ResultSlots<Output>(count: inputs.count)
        inputs.withUnsafeBufferPointer { buffer in
            let source = UnsafeSendable(buffer)
            DispatchQueue.concurrentPerform(iterations: inputs.count) { index in
                results.store(transform(source.value[index]), at: index)
            }
        }
        return results.values()
    }
}

/// One slot per result, each written by exactly one iteration. The storage is allocated once,
/// so concurrent writes to different slots never touch shared Swift state.
private final class ResultSlots<Output>: @unchecked Sendable {
    private let slots: UnsafeMutableBufferPointer<Output?>

    init(count: Int) {
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil)
    }

    deinit {
        slots.deinitialize()
        slots.deallocate()
    }

    func store(_ value: Output, at index: Int) {
        slots[index] = value
    }

    func values() -> [Output] {
        slots.map { $0! }
    }
}

private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
