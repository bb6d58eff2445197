import Foundation
import TierlintCore

/// A progress line on standard error for a run that takes more than a second, on a
/// terminal only: `tierlint: checking files… 1,234 of 5,000`. It is erased when the run ends,
/// so the report that follows is untouched.
final class ProgressLine: @unchecked Sendable {
    private let progress: CheckProgress
    private let lock = NSLock()
    private var finished = false
    private var shown = false

    private init(progress: CheckProgress) {
        self.progress = progress
    }

    /// Starts watching `run` when standard error is a terminal; `nil` otherwise.
    static func start(for run: inout LintRun) -> ProgressLine? {
        guard isatty(STDERR_FILENO) != 0, ProcessInfo.processInfo.environment["TERM"] != "dumb" else { return nil }
        let progress = CheckProgress()
        run.progress = progress
        let line = ProgressLine(progress: progress)
        let watcher = Thread { line.watch() }
        watcher.stackSize = 1 << 16
        watcher.start()
        return line
    }

    private func watch() {
        let start = Date()
        while true {
            Thread.sleep(forTimeInterval: 0.1)
            lock.lock()
            defer { lock.unlock() }
            if finished { return }
            guard Date().timeIntervalSince(start) >= 1 else { continue }
            let total = progress.total, done = progress.done
            let text = total == 0 ? "tierlint: reading the repository…"
                : done >= total ? "tierlint: judging the sets and sections…"
                : "tierlint: reading files… \(done / 2) of \(total / 2)"
            FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
            shown = true
        }
    }

    func stop() {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
