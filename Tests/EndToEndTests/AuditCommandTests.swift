import Foundation
import TestSupport
import Testing

/// Headless Chromium, when this machine has it (.ci/run installs it), to render the HTML audit.
private let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
    .first { FileManager.default.isExecutableFile(atPath: $0) }

/// `tierlint audit`, the one-off look at a repository's agents and backlogs.
@Suite struct AuditCommandTests {
    private func repository() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write("docs/backlog.md", Fixture.badBacklog)
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.write(".claude/agents/lost.md", Fixture.agentWithoutModel)
        try repository.addAll()
        try repository.commit().succeeded()
        return repository
    }

    @Test func theTextAuditShowsTheMixAndExitsZeroWhateverItFinds() throws {
        let repository = try repository()
        let run = try repository.tierlint(["audit"]).succeeded()
        #expect(run.stdout.hasPrefix("tierlint audit of the worktree, finops policy\n"), "\(run)")
        #expect(run.stdout.contains("Tickets by tier"))
        #expect(run.stdout.contains("TL003 security-tier"))
        #expect(run.stdout.contains("Move ticket 1.2 \"Implement OAuth login\" from sonnet to opus: costs 7 units more"))
        // Not a terminal: no colour and no progress line.
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(run.stderr.isEmpty)
    }

    @Test func revisionAuditsTheCommitNotTheWorkingTree() throws {
        let repository = try repository()
        try repository.write("docs/backlog.md", Fixture.goodBacklog)
        let run = try repository.tierlint(["audit", "--rev", "HEAD", "--format", "json"]).succeeded()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(json["source"] as? String == "HEAD")
        #expect((json["summary"] as? [String: Int])?["errors"] == 2, "\(run.stdout)")
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.compactMap { $0["path"] as? String } == [".claude/agents/builder.md", ".claude/agents/lost.md"])
        #expect(agents.compactMap { $0["tier"] as? String } == ["sonnet", "none"])
    }

    @Test func formatsAndOutputFiles() throws {
        let repository = try repository()
        try repository.tierlint(["audit", "--format", "markdown", "--output", "audit.md"]).succeeded()
        #expect(try repository.read("audit.md").hasPrefix("# tierlint audit\n"))
        try repository.tierlint(["audit", "--format", "html", "--output", "audit.html"]).succeeded()
        #expect(try repository.read("audit.html").hasPrefix("<!DOCTYPE html>"))
        let bad = try repository.tierlint(["audit", "--format", "pdf"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown format \"pdf\""))
    }

    @Test(.enabled(if: chromium != nil, "headless Chromium is not installed (apt-get install chromium)"))
    func aRealBrowserRendersTheHTMLAudit() throws {
        let repository = try repository()
        try repository.tierlint(["audit", "--format", "html", "--output", "audit.html"]).succeeded()
        let blank = repository.base + "/blank.html"
        try "<!DOCTYPE html><html><body></body></html>".write(toFile: blank, atomically: true, encoding: .utf8)
        func screenshot(_ page: String, _ png: String) throws -> Data {
            let run = try Shell.run(
                chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=1200,1600",
                            "--screenshot=\(png)", "file://\(page)"],
                in: repository.base, environment: repository.environment.merging(["HOME": repository.home]) { $1 })
            #expect(run.status == 0, "\(run)")
            return try Data(contentsOf: URL(fileURLWithPath: png))
        }
        let rendered = try screenshot(repository.root + "/audit.html", repository.base + "/audit.png")
        let empty = try screenshot(blank, repository.base + "/blank.png")
        #expect(rendered.starts(with: [0x89, 0x50, 0x4E, 0x47]), "a PNG")
        // A page with charts, cards and tables compresses far worse than a blank one.
        #expect(rendered.count > empty.count * 5, "rendered \(rendered.count) bytes, blank \(empty.count)")
    }
}
