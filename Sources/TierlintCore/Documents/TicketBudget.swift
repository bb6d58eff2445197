/// How much ticket text one file may hand the rules. Every ticket's text is matched against
/// every task pattern and the security vocabulary, at about a microsecond and a half per
/// byte, so one 1 MB row keeps a pre-commit hook busy for seconds. (The number of rows is
/// bounded before parsing, by `MarkdownParseLimits`.) No backlog people keep is near this
/// bound; a file over it is reported, at the ticket that went over, and is not checked.
enum TicketBudget {
    /// The bytes of text the rules read, over all the file's tickets.
    static let maximumTextBytes = 256 << 10

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
