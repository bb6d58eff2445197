import Foundation
import TierlintCore

/// Where a report goes: standard output, or the file `--output` names.
enum ReportOutput {
    static func write(_ report: String, to path: String?) throws {
        guard let path else {
            printOut(report)
            return
        }
        do {
            try Data(report.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw CommandFailure(message: "cannot write the report to \(path): \(error.localizedDescription)")
        }
    }

    /// Inside GitHub Actions, appends a Markdown summary to the job's summary page.
    static func appendJobSummary(_ input: ReportInput) throws {
        guard let path = ProcessInfo.processInfo.environment["GITHUB_STEP_SUMMARY"], !path.isEmpty else { return }
        let summary = MarkdownReporter(maximumRows: 200).report(input) + "\n"
        guard let handle = FileHandle(forWritingAtPath: path) ?? createdHandle(path) else {
            throw CommandFailure(message: "cannot write the job summary to \(path) (GITHUB_STEP_SUMMARY)")
        }
        defer { try? handle.close() }
        handle.seekToEndOfFile()
        handle.write(Data(summary.utf8))
    }

    private static func createdHandle(_ path: String) -> FileHandle? {
        guard FileManager.default.createFile(atPath: path, contents: nil) else { return nil }
        return FileHandle(forWritingAtPath: path)
    }
}
