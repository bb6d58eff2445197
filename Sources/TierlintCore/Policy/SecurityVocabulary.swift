import TierlintMarkdown
/// The words that make a ticket or agent security or payment work (seed 000: "Security/payment
/// related: always opus"). Words match whole words and their inflections, never inside other
/// words: "auth" matches "Auth", "OAuth2" and "AuthService" but not "author".
///
/// A term is written as:
/// - `word`: the word and its regular inflections (`secret`, `secrets`; `encrypt`, `encrypted`,
///   `encrypting`, `encryption`);
/// - `stem*`: any word starting with the stem (`cryptograph*`);
/// - `two words`: the words in sequence (`access control`, `credit card`).
public struct SecurityVocabulary: Sendable, Equatable {
    public private(set) var terms: [String]
    /// Phrases whose words are not security words there ("dependency injection").
    public private(set) var exceptions: [String] = []
    private var exceptionPhrases: [[String]] = []
    private var words: Set<String> = []
    private var stems: [String] = []
    private var phrases: [[String]] = []

    public init(terms: [String], exceptions: [String] = []) {
        self.terms = []
        for term in terms { add(term) }
        for exception in exceptions { addException(exception) }
    }

    public mutating func addException(_ phrase: String) {
        let words = Self.words(of: phrase)
        guard !words.isEmpty, !exceptionPhrases.contains(words) else { return }
        exceptions.append(phrase)
        exceptionPhrases.append(words)
    }

    private static func words(of phrase: String) -> [String] {
        phrase.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    public mutating func add(_ term: String) {
        let normalized = term.lowercased().trimmingSpaces()
        guard !normalized.isEmpty, !terms.contains(normalized) else { return }
        terms.append(normalized)
        let parts = normalized.split(whereSeparator: { $0 == " " || $0 == "-" || $0 == "_" }).map(String.init)
        if parts.count > 1 {
            phrases.append(parts)
        } else if normalized.hasSuffix("*") {
            stems.append(String(normalized.dropLast()))
        } else {
            words.formUnion(Self.inflections(of: normalized))
        }
    }

    public mutating func remove(_ term: String) {
        let normalized = term.lowercased().trimmingSpaces()
        let remaining = terms.filter { $0 != normalized }
        self = SecurityVocabulary(terms: remaining, exceptions: exceptions)
    }

    /// The security words found in `text`, as written, in order and without repeats.
    public func matches(in text: String) -> [String] {
        let tokens = WordTokens(text)
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
            if isMatch(token.lowercased) {
                record(token.written)
                continue
            }
            if let part = token.parts.first(where: { isMatch($0.lowercased) }) {
                record(part.written)
                continue
            }
            for phrase in phrases where index + phrase.count <= tokens.words.count {
                let candidate = tokens.words[index..<(index + phrase.count)]
                if zip(candidate, phrase).allSatisfy({ Self.inflections(of: $1).contains($0.lowercased) }) {
                    record(candidate.map(\.written).joined(separator: " "))
                }
            }
        }
        return found
    }

    private func isMatch(_ word: String) -> Bool {
        words.contains(word) || stems.contains { word.hasPrefix($0) }
    }

    /// A word's regular inflections: plural, past, gerund, agent noun and -ion forms,
    /// with a digit suffix allowed (`oauth2`, `sha256`).
    static func inflections(of word: String) -> Set<String> {
        var forms: Set<String> = [word, word + "s", word + "es", word + "ed", word + "d", word + "ing", word + "er", word + "ers"]
        forms.insert(word + "ion")
        forms.insert(word + "ions")
        if word.hasSuffix("e") {
            let stem = String(word.dropLast())
            forms.formUnion([stem + "ing", stem + "ion", stem + "ions"])
        }
        if word.hasSuffix("y") {
            let stem = String(word.dropLast())
            forms.formUnion([stem + "ies", stem + "ied"])
        }
        for digit in 0...9 { forms.insert(word + String(digit)) }
        return forms
    }

    public static let `default` = SecurityVocabulary(terms: defaultTerms, exceptions: [
        "dependency injection", "constructor injection", "property injection", "setter injection", "field injection",
        "secret santa", "author",
    ])

    static let defaultTerms = [
        // Identity and access.
        "auth", "authn", "authz", "authenticat*", "authoriz*", "authoris*", "oauth*", "sso", "saml", "oidc", "openid",
        "login", "log in", "logout", "signin", "sign in", "signup", "sign up", "password", "passwd", "passphrase",
        "passkey", "webauthn", "mfa", "2fa", "totp", "otp", "credential", "secret", "api key", "access token",
        "refresh token", "bearer token", "session token", "jwt", "permission", "rbac", "abac", "acl", "access control",
        "privilege", "impersonat*", "keycloak", "cognito", "auth0",
        // Cryptography and transport.
        "encrypt", "decrypt", "crypto", "cryptograph*", "tls", "ssl", "mtls", "certificate", "x509", "hash password",
        "hmac", "signing key", "private key", "kms", "secure",
        // Sensitive data.
        "pii", "phi", "gdpr", "hipaa", "sensitive data", "personal data",
        // Payments.
        "payment", "billing", "credit card", "card number", "pci", "stripe", "checkout", "invoice", "refund",
        "payout",
        // Vulnerabilities and review.
        "security", "vulnerability", "vulnerabilities", "cve", "xss", "csrf", "xsrf", "ssrf", "injection",
        "exploit", "pentest", "penetration test", "threat model", "sanitiz*", "sanitis*",
    ]
}

/// Words of free text, with each word's camel-case parts (`OAuthProvider` → `O`, `Auth`,
/// `Provider`), so identifiers in titles are read as the words they are made of.
struct WordTokens {
    struct Part {
        var written: String
        var lowercased: String
    }

    struct Word {
        var written: String
        var lowercased: String
        var parts: [Part]
    }

    var words: [Word] = []

    init(_ text: String) {
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if !current.isEmpty {
                words.append(Self.word(current))
                current = ""
            }
        }
        if !current.isEmpty { words.append(Self.word(current)) }
    }

    private static func word(_ text: String) -> Word {
        Word(written: text, lowercased: text.lowercased(), parts: camelParts(text))
    }

    /// `JWTValidator` → `JWT`, `Validator`; `oauth2Client` → `oauth2`, `Client`.
    static func camelParts(_ text: String) -> [Part] {
        let characters = Array(text)
        var parts: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if !current.isEmpty, let previous = current.last {
                let next = index + 1 < characters.count ? characters[index + 1] : nil
                let lowerToUpper = previous.isLowercase && character.isUppercase
                let acronymEnd = previous.isUppercase && character.isUppercase && (next?.isLowercase ?? false)
                if lowerToUpper || acronymEnd {
                    parts.append(current)
                    current = ""
                }
            }
            current.append(character)
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count > 1 else { return [] }
        return parts.map { Part(written: $0, lowercased: $0.lowercased()) }
    }
}
