import Foundation

/// The identity of a note: its path from the project's root, the same whatever the working folder
/// or the spelling (`notes/a.md`, `./notes/a.md`, `/home/me/project/notes/a.md`, `../a.md` from
/// `notes/sub`). The root is the git work tree above the note (a folder holding `.git`), else the
/// folder of the note's configuration; outside both, the current folder (then the path as given,
/// absolute, when the note is not inside it). Baselines, action ids, digest state and links use it.
/// Each folder is resolved once; safe to use from several threads.
public final class ProjectRoots: @unchecked Sendable {
  private let configuration: ConfigurationResolver?
  private let lock = NSLock()
  /// By lexical folder: its real path and the git root above it.
  private var folders: [String: (real: String, root: String?)] = [:]
  private var realFolders: [String: String] = [:]

  public init(configuration: ConfigurationResolver? = nil) {
    self.configuration = configuration
  }

  /// The note's path from its root (never empty, never with `./`).
  public func identity(_ path: String) -> String {
    let absolute = PathUtilities.absolute(path)
    guard let folder = PathUtilities.parent(absolute) else { return absolute }
    let name = String(absolute[absolute.index(after: absolute.lastIndex(of: "/")!)...])
    let resolved = resolve(folder)
    let file = PathUtilities.join(resolved.real, name)
    if let root = resolved.root, let inside = PathUtilities.relative(file, to: root), !inside.isEmpty {
      return inside
    }
    if let configured = configuration?.configuration(forFile: absolute),
      let inside = PathUtilities.relative(file, to: real(configured.folder)), !inside.isEmpty
    {
      return inside
    }
    if let inside = PathUtilities.relative(file, to: real(PathUtilities.currentDirectory)), !inside.isEmpty {
      return inside
    }
    return absolute
  }

  /// The real path of a folder and the git work tree above it (cached).
  private func resolve(_ folder: String) -> (real: String, root: String?) {
    lock.lock()
    if let known = folders[folder] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let realFolder = real(folder)
    var root: String?
    var candidate: String? = realFolder
    while let current = candidate {
      if PathUtilities.exists(PathUtilities.join(current, ".git")) {
        root = current
        break
      }
      candidate = PathUtilities.parent(current)
    }
    lock.lock()
    folders[folder] = (realFolder, root)
    lock.unlock()
    return (realFolder, root)
  }

  /// A folder's real path (symbolic links resolved); the folder itself when it does not exist.
  private func real(_ folder: String) -> String {
    lock.lock()
    if let known = realFolders[folder] {
      lock.unlock()
      return known
    }
    lock.unlock()
    var result = folder
    if let resolved = realpath(folder, nil) {
      result = String(cString: resolved)
      free(resolved)
    }
    lock.lock()
    realFolders[folder] = result
    lock.unlock()
    return result
  }
}
