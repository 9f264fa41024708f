import Foundation

/// Who may read and change a new project. Its files hold every answer and draft, so a project
/// is its owner's alone unless it is made for a group: then the directory is setgid (files made
/// in it later, such as SQLite's `-wal` and `-shm`, take its group) and group members may write.
public enum ProjectAccess: Equatable, Sendable {
    /// Directory 0700, files 0600.
    case owner
    /// Directory 2770 and files 0660, both of this group.
    case group(String)

    public var directoryMode: mode_t {
        switch self {
        case .owner: 0o700
        case .group: 0o2770
        }
    }

    public var fileMode: mode_t {
        switch self {
        case .owner: 0o600
        case .group: 0o660
        }
    }

    /// The group's id, or an error that says what to do.
    public func groupId(for path: String) throws -> gid_t? {
        guard case .group(let name) = self else { return nil }
        guard let entry = getgrnam(name) else {
            throw StoreError.cannotCreate(path, "there is no group named \(name) (see `getent group`)")
        }
        return entry.pointee.gr_gid
    }

    /// Gives `path` this access: its group (when shared) and its mode.
    public func apply(to path: String, isDirectory: Bool) throws {
        if let gid = try groupId(for: path), chown(path, uid_t.max, gid) != 0 {
            let reason = errno == EPERM ? "you are not a member of that group" : String(cString: strerror(errno))
            throw StoreError.cannotCreate(path, "cannot give it the group \(groupName): \(reason)")
        }
        // chmod after chown: changing the group clears the setgid bit on some systems.
        if chmod(path, isDirectory ? directoryMode : fileMode) != 0 {
            throw StoreError.cannotCreate(path, "cannot set its permissions: \(String(cString: strerror(errno)))")
        }
    }

    var groupName: String {
        if case .group(let name) = self { return name }
        return ""
    }
}
