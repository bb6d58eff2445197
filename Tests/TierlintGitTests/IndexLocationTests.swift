import Foundation
import TestSupport
import Testing

/// Where git keeps the index it commits: git follows a symbolic link at `.git/index` (its lock
/// file code resolves it and writes through it), and so does `GIT_INDEX_FILE`.
@Suite struct IndexLocationTests {
    func repositoryWithAStagedBadAgent() throws -> TemporaryRepository {
        let repository = try TemporaryRepository()
        try repository.write(".claude/agents/builder.md", Fixture.goodAgent)
        try repository.addAll()
        try repository.commit("initial").succeeded()
        try repository.write(".claude/agents/builder.md", Fixture.agentWithoutModel)
        return repository
    }

    @Test func anIndexThatIsASymbolicLinkIsRead() throws {
        let repository = try repositoryWithAStagedBadAgent()
        let shared = repository.base + "/shared-index"
        try FileManager.default.moveItem(atPath: repository.root + "/.git/index", toPath: shared)
        try FileManager.default.createSymbolicLink(atPath: repository.root + "/.git/index", withDestinationPath: shared)
        // git writes through the link, and keeps it.
        try repository.addAll()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: repository.root + "/.git/index") == shared)

        let run = try repository.tierlint(["check", "--staged"])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains(".claude/agents/builder.md"), "\(run)")
    }

    @Test func anIndexFileNamedThroughASymbolicLinkIsRead() throws {
        let repository = try repositoryWithAStagedBadAgent()
        try repository.addAll()
        let link = repository.base + "/index-link"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: repository.root + "/.git/index")

        let run = try repository.tierlint(["check", "--staged"], environment: ["GIT_INDEX_FILE": link])
        #expect(run.status == 1, "\(run)")
        #expect(run.stdout.contains(".claude/agents/builder.md"), "\(run)")
    }
}
