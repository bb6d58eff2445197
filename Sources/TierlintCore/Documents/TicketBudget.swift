/// How much ticket text one file may hand the rules. Every ticket's text is matched against
/// the task patterns and the security vocabulary, at about 0.2 µs per byte on a release build
/// (a 1 MB single-line row: 0.22 s), so 2 MiB stays under a second. (The number of rows is
/// bounded before parsing, by `MarkdownParseLimits`.) No backlog people keep is near this
/// bound; a file over it is reported, at the ticket that went over, and is not checked.
enum TicketBudget {
    /// The bytes of text the rules read, over all the file's tickets.
    static let maximumTextBytes = 2 << 20

    static func problem(in backlog: Backlog) -> ParseProblem? {
        var bytes = 0
        for ticket in backlog.tickets {
            bytes += ticket.purposeText.utf8.count
            if bytes > maximumTextBytes {
                return ParseProblem(
                    path: backlog.path, line: ticket.line,
                    message: "the file's tickets hold more than \(ByteCount(maximumTextBytes)) of text by this row, more "
                        + "than tierlint checks in one file; it was not checked (shorten the cells or split the backlog)")
            }
        }
        return nil
    }
}
