#ifndef TIERLINT_CGIT2_SHIM_H
#define TIERLINT_CGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>

/* git_libgit2_opts is variadic, which Swift cannot call; these wrap the calls tierlint needs. */

/* Lets repositories that use per-worktree config (extensions.worktreeConfig) open. */
static inline int tierlint_git_allow_worktree_config(void) {
    const char *extensions[] = { "worktreeconfig" };
    return git_libgit2_opts(GIT_OPT_SET_EXTENSIONS, extensions, (size_t)1);
}

static inline int tierlint_git_set_owner_validation(int enabled) {
    return git_libgit2_opts(GIT_OPT_SET_OWNER_VALIDATION, enabled);
}

#endif
