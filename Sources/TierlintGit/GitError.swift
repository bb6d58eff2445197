import CGit2

/// A failure in git: libgit2's own message, the call that failed, and, where there is one,
/// what the user can do about it.
public struct GitError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var call: String?
    public var code: Int32
    /// libgit2's error class (`GIT_ERROR_CONFIG`, ...), 0 when not from libgit2.
    public var errorClass: Int32

    public init(_ message: String, call: String? = nil, code: Int32 = -1, errorClass: Int32 = 0) {
        self.message = message
        self.call = call
        self.code = code
        self.errorClass = errorClass
    }

    /// The error libgit2 recorded for the call that just returned `code`.
    static func last(_ call: String, code: Int32) -> GitError {
        if let error = git_error_last(), let text = error.pointee.message {
            return GitError(String(cString: text), call: call, code: code, errorClass: error.pointee.klass)
        }
        return GitError("\(call) failed with code \(code)", call: call, code: code)
    }

    public var description: String { message }

    /// No repository contains the folder (and none is named by GIT_DIR).
    public var isNotARepository: Bool {
        code == GIT_ENOTFOUND.rawValue && errorClass == GIT_ERROR_REPOSITORY.rawValue
    }
}

/// Runs a libgit2 call and throws its error when it returns a negative code.
@discardableResult
func check(_ call: String, _ body: () -> Int32) throws -> Int32 {
    let code = body()
    if code < 0 { throw GitError.last(call, code: code) }
    return code
}
