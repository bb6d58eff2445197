/// Index formats git can write and the libgit2 tierlint is built on (1.5) cannot read: a split
/// index (`core.splitIndex`, extension 'link') and a sparse index (`index.sparse`, extension
/// 'sdir'). Reading the index another way would mean running git or implementing the formats,
/// so the error says exactly how to go back to the plain format, which git reads just as well.
enum IndexFormat {
    static func isUnsupported(_ error: GitError) -> Bool {
        error.message.contains("unsupported mandatory extension")
    }

    static func advice(for error: GitError) -> GitError {
        let message: String
        if error.message.contains("'link'") {
            // `--no-split-index` alone is undone by the next index write while the config
            // still asks for a split index, so both are needed.
            message = "this repository's index is split (core.splitIndex), a format the libgit2 tierlint is built on "
                + "cannot read (\(error.message)); turn splitting off and rewrite the index as one file with: "
                + "git config core.splitIndex false && git update-index --no-split-index"
        } else if error.message.contains("'sdir'") {
            // `git sparse-checkout init --sparse-index` sets index.sparse in the worktree's own
            // config, where `git config index.sparse false` does not reach; this command sets
            // it where it is and expands the index, keeping the sparse-checkout patterns.
            message = "this repository's index is a sparse index (index.sparse), a format the libgit2 tierlint is built "
                + "on cannot read (\(error.message)); expand it to a full index, keeping your sparse checkout, with: "
                + "git sparse-checkout init --no-sparse-index"
        } else {
            message = "this repository's index uses a format the libgit2 tierlint is built on cannot read "
                + "(\(error.message)); `tierlint check --rev HEAD` still checks commits, but the index cannot be "
                + "checked until git writes it in the plain format"
        }
        return GitError(message, call: error.call, code: error.code, errorClass: error.errorClass)
    }
}
