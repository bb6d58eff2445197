/// Files that pass and fail the policy, for the hook tests.
public enum Fixture {
    public static let goodBacklog = """
        ## Sprint 1: Sessions

        | # | Ticket | Model |
        |---|--------|-------|
        | 1.1 | Create sessions table | haiku |
        | 1.2 | Implement SessionService | sonnet |

        """

    /// Security work on sonnet: a TL003 error.
    public static let badBacklog = """
        ## Sprint 1: Sessions

        | # | Ticket | Model |
        |---|--------|-------|
        | 1.1 | Create sessions table | haiku |
        | 1.2 | Implement OAuth login | sonnet |

        """

    public static let goodAgent = """
        ---
        name: builder
        description: Implements features from a design.
        model: sonnet
        ---
        Build what the ticket asks.

        """

    public static let agentWithoutModel = """
        ---
        name: builder
        description: Implements features from a design.
        ---
        Build what the ticket asks.

        """
}
