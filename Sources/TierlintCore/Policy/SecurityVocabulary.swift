import TierlintMarkdown

/// The words that make a ticket or agent security or payment work (seed 000: "Security/payment
/// related: always opus"). Words match whole words and their inflections, never inside other
/// words: "auth" matches "Auth", "OAuth2" and "AuthService" but not "author".
///
/// A term is written as:
/// - `word`: the word and its regular inflections (`secret`, `secrets`; `encrypt`, `encrypted`,
///   `encrypting`, `encryption`);
/// - `stem*`: any word starting with the stem (`cryptograph*`);
/// - `two words`: the words in sequence (`access control`, `credit card`);
/// - `Name`: a capitalised name matches only as written (`Stripe` the company, not a zebra
///   stripe).
///
/// Generic terms ("security", "secure") name a concern every agent claims to care about
/// ("focus on performance, security and maintainability"); in a long description they say
/// little, so callers can leave them out there and count them only in names and titles.
public struct SecurityVocabulary: Sendable, Equatable {
    public private(set) var terms: [String] = []
    /// Phrases whose words are not security words there ("dependency injection").
    public private(set) var exceptions: [String] = []
    public private(set) var genericTerms: [String] = []

    private var words: Set<String> = []
    /// Capitalised names, matched with their case.
    private var names: Set<String> = []
    private var genericWords: Set<String> = []
    private var stems: [String] = []
    /// Phrases by each inflection of their first word; each phrase word with its inflections,
    /// computed once.
    private var phrases: [String: [[Set<String>]]] = [:]
    private var exceptionPhrases: [[String]] = []

    public init(terms: [String], exceptions: [String] = [], genericTerms: [String] = []) {
        for term in terms { add(term) }
        for exception in exceptions { addException(exception) }
        for term in genericTerms { addGeneric(term) }
    }

    public mutating func add(_ term: String) {
        let written = term.trimmingSpaces()
        if let first = written.first, first.isUppercase, written.dropFirst().allSatisfy({ $0.isLowercase }) {
            guard !terms.contains(written) else { return }
            terms.append(written)
            names.formUnion([written, written + "s"])
            return
        }
        let normalized = written.lowercased()
        guard !normalized.isEmpty, !terms.contains(normalized) else { return }
        terms.append(normalized)
        let parts = normalized.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        if parts.count > 1 {
            let phrase = parts.map(Inflection.forms)
            for first in phrase[0] { phrases[first, default: []].append(phrase) }
        } else if normalized.hasSuffix("*") {
            stems.append(String(normalized.dropLast()))
        } else {
            words.formUnion(Inflection.forms(of: normalized))
        }
    }

    public mutating func addGeneric(_ term: String) {
        let normalized = term.lowercased().trimmingSpaces()
        guard !normalized.isEmpty, !genericTerms.contains(normalized) else { return }
        genericTerms.append(normalized)
        genericWords.formUnion(Inflection.forms(of: normalized))
    }

    public mutating func addException(_ phrase: String) {
        let words = Self.words(of: phrase)
        guard !words.isEmpty, !exceptionPhrases.contains(words) else { return }
        exceptions.append(phrase)
        exceptionPhrases.append(words)
    }

    public mutating func remove(_ term: String) {
        let normalized = term.lowercased().trimmingSpaces()
        self = SecurityVocabulary(
            terms: terms.filter { $0.lowercased() != normalized }, exceptions: exceptions,
            genericTerms: genericTerms.filter { $0 != normalized })
    }

    private static func words(of phrase: String) -> [String] {
        phrase.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// The security words found in `text`, as written, in order and without repeats.
    /// `includeGeneric: false` leaves out the generic terms.
    public func matches(in text: String, includeGeneric: Bool = true) -> [String] {
        let tokens = WordTokens(text)
        guard !tokens.words.isEmpty else { return [] }
        var found: [String] = []
        func record(_ word: String) {
            if !found.contains(where: { $0.lowercased() == word.lowercased() }) { found.append(word) }
        }
        var excused = Set<Int>()
        for phrase in exceptionPhrases where phrase.count <= tokens.words.count {
            for start in 0...(tokens.words.count - phrase.count)
            where zip(tokens.words[start..<(start + phrase.count)], phrase).allSatisfy({ $0.lowercased == $1 }) {
                excused.formUnion(start..<(start + phrase.count))
            }
        }
        for (index, token) in tokens.words.enumerated() where !excused.contains(index) {
            if names.contains(token.written) || isMatch(token.lowercased, includeGeneric: includeGeneric) {
                record(token.written)
                continue
            }
            if let part = token.parts.first(where: {
                names.contains($0.written) || isMatch($0.lowercased, includeGeneric: includeGeneric)
            }) {
                record(part.written)
                continue
            }
            for phrase in phrases[token.lowercased] ?? [] where index + phrase.count <= tokens.words.count {
                let candidate = tokens.words[index..<(index + phrase.count)]
                if zip(candidate, phrase).allSatisfy({ $1.contains($0.lowercased) }) {
                    record(candidate.map(\.written).joined(separator: " "))
                }
            }
        }
        return found
    }

    private func isMatch(_ word: String, includeGeneric: Bool) -> Bool {
        words.contains(word) || (includeGeneric && genericWords.contains(word)) || stems.contains { word.hasPrefix($0) }
    }

    public static let `default` = SecurityVocabulary(
        terms: defaultTerms,
        exceptions: [
            "dependency injection", "constructor injection", "property injection", "setter injection", "field injection",
            "secret santa", "author", "git checkout", "actions checkout", "checkout action", "checkout step",
        ],
        genericTerms: ["security", "secure"])

    static let defaultTerms = [
        // Identity and access.
        "auth", "authn", "authz", "authenticat*", "authoriz*", "authoris*", "oauth*", "sso", "saml", "oidc", "openid",
        // Negated and prefixed forms, which the stems above do not reach ("unauthorized" starts with "un").
        "unauthenticat*", "unauthoriz*", "unauthoris*", "deauthenticat*", "deauthoriz*", "deauthoris*",
        "reauthenticat*", "reauthoriz*", "reauthoris*",
        "login", "logout", "signin", "sign in", "signup", "sign up", "password", "passwordless", "passwd", "passphrase",
        "passkey", "webauthn", "mfa", "2fa", "totp", "one time password", "credential", "secret", "api key",
        // Credentials named "token"; a bare "token" is not one, since backlogs count LLM tokens ("Reduce token usage").
        "api token", "access token", "refresh token", "bearer token", "auth token", "session token",
        "jwt", "permission", "rbac", "abac", "acl", "access control",
        "privilege", "impersonat*", "keycloak", "cognito", "auth0",
        // Cryptography and transport.
        "encrypt", "decrypt", "crypto", "cryptograph*", "tls", "ssl", "mtls", "certificate", "x509", "hash password",
        "hmac", "signing key", "private key", "kms",
        // Sensitive data.
        "pii", "phi", "gdpr", "hipaa", "sensitive data", "personal data",
        // Payments.
        "payment", "billing", "credit card", "card number", "pci", "Stripe", "PayPal", "Braintree", "Adyen", "checkout",
        "invoice", "refund",
        "payout",
        // Vulnerabilities and review.
        "vulnerability", "vulnerabilities", "cve", "xss", "csrf", "xsrf", "ssrf", "injection",
        "exploit", "pentest", "penetration test", "threat model", "sanitiz*", "sanitis*",
    ]
}

/// Words of free text. A word that mixes case is also read as its camel-case parts
/// (`OAuthProvider` → `O`, `Auth`, `Provider`), so identifiers in titles are read as the words
/// they are made of. Works on Unicode scalars, with a fast path for ASCII.
struct WordTokens {
    struct Part {
        var written: String
        var lowercased: String
    }

    struct Word {
        var written: String
        var lowercased: String
        var mixedCase: Bool

        var parts: [Part] { mixedCase ? WordTokens.camelParts(written) : [] }
    }

    var words: [Word] = []

    init(_ text: String) {
        var current = String.UnicodeScalarView()
        var hasUpper = false, hasLower = false
        func flush() {
            guard !current.isEmpty else { return }
            let written = String(current)
            words.append(Word(written: written, lowercased: written.lowercased(), mixedCase: hasUpper && hasLower))
            current = String.UnicodeScalarView()
            hasUpper = false
            hasLower = false
        }
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                let value = scalar.value
                if value >= 0x61 && value <= 0x7A {
                    hasLower = true
                } else if value >= 0x41 && value <= 0x5A {
                    hasUpper = true
                } else if !(value >= 0x30 && value <= 0x39) {
                    flush()
                    continue
                }
                current.append(scalar)
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if scalar.properties.isUppercase { hasUpper = true } else if scalar.properties.isLowercase { hasLower = true }
                current.append(scalar)
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                current.append(scalar)
            } else {
                flush()
            }
        }
        flush()
    }

    /// `JWTValidator` → `JWT`, `Validator`; `oauth2Client` → `oauth2`, `Client`.
    static func camelParts(_ text: String) -> [Part] {
        // A part starts only at a capital after the first letter: "Implement" is one word.
        guard text.unicodeScalars.dropFirst().contains(where: {
            $0.isASCII ? ($0.value >= 0x41 && $0.value <= 0x5A) : $0.properties.isUppercase
        }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        for (index, scalar) in scalars.enumerated() {
            if let previous = current.last {
                let next = index + 1 < scalars.count ? scalars[index + 1] : nil
                let lowerToUpper = (previous.properties.isLowercase || previous.properties.numericType != nil)
                    && scalar.properties.isUppercase
                let acronymEnd = previous.properties.isUppercase && scalar.properties.isUppercase
                    && (next?.properties.isLowercase ?? false)
                if lowerToUpper || acronymEnd {
                    parts.append(String(current))
                    current = String.UnicodeScalarView()
                }
            }
            current.append(scalar)
        }
        if !current.isEmpty { parts.append(String(current)) }
        guard parts.count > 1 else { return [] }
        return parts.map { Part(written: $0, lowercased: $0.lowercased()) }
    }
}
