import CGit2

/// Where a config value was set.
public enum ConfigLevel: Sendable, Equatable {
    case system, global, local, worktree, app, other

    init(_ level: git_config_level_t) {
        switch level {
        case GIT_CONFIG_LEVEL_SYSTEM, GIT_CONFIG_LEVEL_PROGRAMDATA: self = .system
        case GIT_CONFIG_LEVEL_XDG, GIT_CONFIG_LEVEL_GLOBAL: self = .global
        case GIT_CONFIG_LEVEL_LOCAL: self = .local
        case GIT_CONFIG_LEVEL_APP: self = .app
        default: self = .other
        }
    }
}
