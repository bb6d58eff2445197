import Testing
@testable import TierlintCore

/// Which words make a ticket or an agent security or payment work.
@Suite struct SecurityVocabularyTests {
    let vocabulary = SecurityVocabulary.default

    // MARK: - Words and their inflections

    @Test(arguments: [
        ("Implement OAuth login", ["OAuth", "login"]),
        ("Reset passwords", ["passwords"]),
        ("Store encrypted tokens", ["encrypted"]),
        ("Add encryption at rest", ["encryption"]),
        ("Encrypting backups", ["Encrypting"]),
        ("Decrypt exports", ["Decrypt"]),
        ("Rotate secrets", ["secrets"]),
        ("Add Stripe payment webhook", ["Stripe", "payment"]),
        ("Send invoices", ["invoices"]),
        ("Invoicing screen", ["Invoicing"]),
        ("Handle refunds", ["refunds"]),
        ("Billing page", ["Billing"]),
        ("Authentication flow", ["Authentication"]),
        ("Authorization checks", ["Authorization"]),
        ("Authorise admins", ["Authorise"]),
        ("Sanitize HTML input", ["Sanitize"]),
        ("Sanitise uploads", ["Sanitise"]),
        ("Securing the API", ["Securing"]),
        ("Fix XSS and CSRF", ["XSS", "CSRF"]),
        ("Upgrade TLS certificates", ["TLS", "certificates"]),
        ("Add OAuth2 client", ["OAuth2"]),
        ("Privileged operations", ["Privileged"]),
        ("Review permissions", ["permissions"]),
        ("Patch vulnerabilities", ["vulnerabilities"]),
        ("Store PII safely", ["PII"]),
        ("GDPR export", ["GDPR"]),
        ("Add 2FA", ["2FA"]),
        ("PASSWORD RESET", ["PASSWORD"]),
        ("Handle unauthorized responses", ["unauthorized"]),
        ("Return 401 for unauthorised calls", ["unauthorised"]),
        ("Handle unauthenticated users", ["unauthenticated"]),
        ("Deauthorize connected apps", ["Deauthorize"]),
        ("Force reauthentication after an hour", ["reauthentication"]),
        ("Passwordless magic links", ["Passwordless"]),
    ])
    func wordsAndTheirInflectionsMatch(text: String, expected: [String]) {
        #expect(vocabulary.matches(in: text) == expected)
    }

    @Test(arguments: [
        "Add author bio to profile page", "List authors", "Authority records", "Create sessions table",
        "Insecure defaults doc", "Improve logging", "Design a token bucket",
        "Update authored date", "Key results dashboard", "Cryptic error messages", "Non-refundable deposit",
    ])
    func securityWordsInsideOtherWordsDoNotMatch(text: String) {
        #expect(vocabulary.matches(in: text).isEmpty, "\(vocabulary.matches(in: text))")
    }

    @Test func eachWordIsReportedOnceAsFirstWritten() {
        #expect(vocabulary.matches(in: "Auth: auth AUTH and Auth") == ["Auth"])
    }

    // MARK: - Identifiers

    @Test(arguments: [
        ("Implement OAuthProvider", ["OAuthProvider"]),
        ("Build JWTValidator", ["JWT"]),
        ("Implement AuthService", ["Auth"]),
        ("Refactor userPasswordHash", ["Password"]),
        ("Parse SAMLResponse", ["SAML"]),
        ("Call getJWT", ["JWT"]),
        ("Add oauth2Client", ["oauth2Client"]),
        ("Wire PaymentGateway", ["Payment"]),
        ("Write SessionServiceTests", []),
        ("Render AuthorCard", []),
    ])
    func camelCaseIdentifiersAreReadAsTheirWords(text: String, expected: [String]) {
        #expect(vocabulary.matches(in: text) == expected)
    }

    @Test func camelCasePartsSplitAtCaseChangesAndAcronymEnds() {
        #expect(WordTokens.camelParts("JWTValidator").map(\.written) == ["JWT", "Validator"])
        #expect(WordTokens.camelParts("OAuthProvider").map(\.written) == ["O", "Auth", "Provider"])
        #expect(WordTokens.camelParts("session").isEmpty)
        #expect(WordTokens.camelParts("HTTP").isEmpty)
    }

    /// The doc comment of `WordTokens`: "`oauth2Client` → `oauth2`, `Client`".
    @Test func aDigitEndsALowercasePart() {
        let parts = WordTokens.camelParts("oauth2Client").map(\.written)
        let matches = vocabulary.matches(in: "Enable mfa2Enforcement")
        #expect(parts == ["oauth2", "Client"])
        #expect(matches == ["mfa2"])
    }

    // MARK: - Phrases and exceptions

    @Test(arguments: [
        ("Add access control to admin", ["access control"]),
        ("Store credit cards", ["credit cards"]),
        ("Hash passwords with argon2", ["Hash passwords", "passwords"]),
        ("Build the sign-in page", ["sign in"]),
        ("Sign up form", ["Sign up"]),
        ("Rotate API keys", ["API keys"]),
        ("Refresh token expiry", ["Refresh token"]),
        ("Threat modeling session", ["Threat modeling"]),
        ("Mask card numbers", ["card numbers"]),
        ("Load the signing key", ["signing key"]),
        ("Anonymise personal data", ["personal data"]),
        ("Manage API tokens", ["API tokens"]),
        ("Rotate access tokens", ["access tokens"]),
        ("Implement refresh token", ["refresh token"]),
        ("Validate bearer token", ["bearer token"]),
        ("Personal access token settings", ["access token"]),
    ])
    func phrasesMatchAsWordsInSequence(text: String, expected: [String]) {
        #expect(vocabulary.matches(in: text) == expected)
    }

    @Test(arguments: ["Access the control panel", "Credit the card holder later", "Sign the in-app form", "Design a key"])
    func phraseWordsApartDoNotMatch(text: String) {
        #expect(vocabulary.matches(in: text).isEmpty, "\(vocabulary.matches(in: text))")
    }

    /// Backlogs for LLM work count tokens; a bare "token" is not a credential.
    @Test(arguments: [
        "Reduce token usage", "Count input tokens", "Track tokens per request", "Set the max tokens limit",
        "Token budget dashboard", "Stream output tokens", "Tokenize prompts",
    ])
    func tokensThatAreNotCredentialsDoNotMatch(text: String) {
        #expect(vocabulary.matches(in: text).isEmpty, "\(vocabulary.matches(in: text))")
    }

    @Test(arguments: [
        "Set up dependency injection container", "Use constructor injection", "Secret Santa gift exchange",
        "Dependency-Injection setup",
    ])
    func exceptionsAreNotSecurityWork(text: String) {
        #expect(vocabulary.matches(in: text).isEmpty, "\(vocabulary.matches(in: text))")
    }

    @Test func anExceptionOnlyExcusesItsOwnWords() {
        #expect(vocabulary.matches(in: "Fix SQL injection") == ["injection"])
        #expect(vocabulary.matches(in: "Dependency injection for the payment service") == ["payment"])
        #expect(vocabulary.matches(in: "Secret Santa and secret rotation") == ["secret"])
    }

    // MARK: - Configured vocabularies

    @Test func addingAWordAddsItsInflections() {
        var custom = vocabulary
        custom.add("ledger")
        #expect(custom.matches(in: "Reconcile ledgers") == ["ledgers"])
        #expect(custom.terms.last == "ledger")
        custom.add("LEDGER")
        #expect(custom.terms.filter { $0 == "ledger" }.count == 1)
    }

    @Test func addingAStemMatchesEveryWordStartingWithIt() {
        var custom = SecurityVocabulary(terms: ["escrow*"])
        #expect(custom.matches(in: "Escrowed funds and escrowing") == ["Escrowed", "escrowing"])
        custom.add("wire transfer")
        #expect(custom.matches(in: "Wire transfers") == ["Wire transfers"])
    }

    @Test func removingAWordStopsItMatchingButKeepsExceptions() {
        var custom = vocabulary
        custom.remove("Checkout")
        custom.remove("injection")
        #expect(custom.matches(in: "Build checkout page").isEmpty)
        #expect(custom.matches(in: "Fix SQL injection").isEmpty)
        #expect(custom.matches(in: "Payment form") == ["Payment"])
        #expect(custom.exceptions == vocabulary.exceptions)
    }

    @Test func addingAnExceptionExcusesThePhrase() {
        var custom = vocabulary
        custom.addException("billing address")
        #expect(custom.matches(in: "Add billing address field").isEmpty)
        #expect(custom.matches(in: "Billing export") == ["Billing"])
    }

    @Test func configuredWordsReachTheSecurityRule() throws {
        let backlog = """
            | # | Ticket | Model |
            |---|--------|-------|
            | 1 | Reconcile ledger | sonnet |
            | 2 | Build checkout page | sonnet |
            """
        let defaults = try lint("docs/backlog.md", backlog)
        #expect(defaults.map(\.line) == [4])
        #expect(defaults.first?.message
            == "ticket 2 \"Build checkout page\" is security work (\"checkout\") but is on sonnet; security and payment work needs opus or above")
        let configured = try lint("docs/backlog.md", backlog, configuration: """
            rules:
              security-tier:
                extra-words: [ledger]
                exclude-words: [checkout]
            """)
        #expect(configured.map(\.line) == [3])
        #expect(configured.first?.suggestion == "opus")
    }

    @Test func aLowerMinimumTierAcceptsSonnet() throws {
        let backlog = "| # | Ticket | Model |\n|---|---|---|\n| 1 | Implement OAuth login | sonnet |\n| 2 | Hash passwords | haiku |\n"
        let findings = try lint("docs/backlog.md", backlog, configuration: "rules:\n  security-tier:\n    minimum-tier: sonnet\n")
        #expect(findings.map(\.line) == [4])
        #expect(findings.first?.message.hasSuffix("needs sonnet or above") == true)
    }
}
