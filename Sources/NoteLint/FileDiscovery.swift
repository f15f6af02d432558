import Foundation
import NoteLintCore

/// Turns the paths a user gives into the list of notes to lint: folders are walked recursively
/// (sorted, hidden folders skipped, symlink loops detected, `.gitignore` and `.notelintignore`
/// honoured, configuration `include`/`exclude` applied); files given by name are always linted unless
/// `forceExclude` applies the same exclusions to them.
public struct FileDiscovery: Sendable {
  public static let extensions: Set<String> = ["md", "markdown", "html", "htm"]

  /// Honour `.gitignore` and `.notelintignore` files.
  public var honourIgnoreFiles: Bool
  /// Where `include`/`exclude` come from; nil: no configuration.
  public var configuration: ConfigurationResolver?
  /// Apply ignore files and `exclude` to files named on the command line too.
  public var forceExclude: Bool

  /// Follow symbolic links inside a walked folder whose target is outside it (default: not
  /// followed, with a notice: a committed link to `~/.netrc` must not put its text in a report).
  public var followExternalSymlinks: Bool
  /// What discovery skipped and says so (one line each, path first), in walk order.
  public let notices = NoticeLog()

  public init(
    honourIgnoreFiles: Bool = true, configuration: ConfigurationResolver? = nil, forceExclude: Bool = false,
    followExternalSymlinks: Bool = false
  ) {
    self.honourIgnoreFiles = honourIgnoreFiles
    self.configuration = configuration
    self.forceExclude = forceExclude
    self.followExternalSymlinks = followExternalSymlinks
  }

  /// Lines discovery reports without failing the run (a link left unfollowed).
  public final class NoticeLog: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    private var seen = Set<String>()

    public var all: [String] {
      lock.lock()
      defer { lock.unlock() }
      return lines
    }

    func add(_ line: String) {
      lock.lock()
      defer { lock.unlock() }
      if seen.insert(line).inserted { lines.append(line) }
    }
  }

  /// A folder's identity: device and inode, symlinks followed (one `stat`, whatever the depth).
  struct FolderID: Hashable {
    var device: UInt64
    var inode: UInt64
  }

  public static func isNote(_ path: String) -> Bool {
    extensions.contains(pathExtension(path))
  }

  public static func isHTML(_ path: String) -> Bool {
    let ext = pathExtension(path)
    return ext == "html" || ext == "htm"
  }

  /// The lowercased extension of a path's last component, as `NSString.pathExtension` finds it
  /// (trailing slashes ignored, none for a name that only starts with a dot), without Foundation's
  /// path normalisation, which costs tens of thousands of instructions a call.
  static func pathExtension(_ path: String) -> String {
    var bytes = path.utf8[...]
    while bytes.count > 1, bytes.last == UInt8(ascii: "/") { bytes = bytes.dropLast() }
    let name = bytes.lastIndex(of: UInt8(ascii: "/")).map { bytes[bytes.index(after: $0)...] } ?? bytes
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
    return String(decoding: name[name.index(after: dot)...], as: UTF8.self).lowercased()
  }

  /// The files to lint, in a stable order, and the paths that could not be used.
  public func discover(_ paths: [String]) -> (files: [String], errors: [FileError]) {
    var files: [String] = []
    var errors: [FileError] = []
    let base = FileManager.default.currentDirectoryPath
    for path in paths {
      var status = stat()
      guard lstat(path, &status) == 0 || stat(path, &status) == 0 else {
        errors.append(FileError(path: path, reason: FileReader.reason(errno: errno)))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(FileError(path: path, reason: "broken symbolic link"))
        continue
      }
      let absolute = PathUtilities.absolute(path, from: base)
      if isDirectory.boolValue {
        var visited = Set<FolderID>()
        let stack = honourIgnoreFiles ? IgnoreStack.forFolder(absolute) : IgnoreStack()
        var tree = absolute
        if let resolved = realpath(path, nil) {
          tree = String(cString: resolved)
          free(resolved)
        }
        walk(path, absolute: absolute, tree: tree, stack: stack, visited: &visited, files: &files, errors: &errors)
      } else if !forceExclude || !isExcluded(file: absolute) {
        files.append(path)
      }
    }
    var unique = Set<String>()
    files = files.filter { unique.insert($0).inserted }
    return (files, errors)
  }

  /// Whether a file (absolute path) is ruled out by an ignore file (its own patterns or a parent
  /// folder's, from the repository root down) or by its configuration's `include`/`exclude`.
  public func isExcluded(file absolute: String) -> Bool {
    if let configuration = configuration?.configuration(forFile: absolute),
      !configuration.admits(absolutePath: absolute)
    {
      return true
    }
    guard honourIgnoreFiles, let folder = PathUtilities.parent(absolute) else { return false }
    // From the repository root (or the file's folder outside one) down to the file.
    var chain: [String] = []
    var current: String? = folder
    var root: String?
    while let path = current {
      chain.append(path)
      if PathUtilities.exists(PathUtilities.join(path, ".git")) {
        root = path
        break
      }
      current = PathUtilities.parent(path)
    }
    let folders = root == nil ? [folder] : Array(chain.reversed())
    var stack = IgnoreStack()
    for (index, path) in folders.enumerated() {
      if index > 0, stack.isIgnored(absolutePath: path, isDirectory: true) { return true }
      stack = stack.entering(path)
    }
    return stack.isIgnored(absolutePath: absolute, isDirectory: false)
  }

  private func walk(
    _ folder: String, absolute: String, tree: String, stack: IgnoreStack, visited: inout Set<FolderID>,
    files: inout [String], errors: inout [FileError]
  ) {
    // Device and inode (symlinks followed) identify a folder: meeting it again on the way down is a
    // loop. One stat per folder, not a realpath (a readlink per component: quadratic in depth).
    var folderStatus = stat()
    guard stat(folder, &folderStatus) == 0 else {
      errors.append(FileError(path: folder, reason: "cannot resolve folder: \(FileReader.reason(errno: errno))"))
      return
    }
    let real = FolderID(device: UInt64(folderStatus.st_dev), inode: UInt64(folderStatus.st_ino))
    guard visited.insert(real).inserted else {
      errors.append(FileError(path: folder, reason: InputError.isDirectoryLoop.description))
      return
    }
    defer { visited.remove(real) }
    let entries: [FolderEntry]
    switch Self.list(folder) {
    case .success(let listed): entries = listed
    case .failure(let error):
      errors.append(error)
      return
    }
    for entry in entries {
      if entry.name.first == UInt8(ascii: ".") { continue }
      guard let name = String(validating: entry.name, as: UTF8.self) else {
        // A String cannot hold the name, so the file cannot be opened through one: say so rather
        // than skip it in silence (other entries of the folder are still linted).
        if entry.type == DT_DIR || Self.isNote(String(decoding: entry.name, as: UTF8.self))
          || Self.isFolder(raw: Array(folder.utf8) + [UInt8(ascii: "/")] + entry.name)
        {
          let display = folder.hasSuffix("/") ? folder : folder + "/"
          errors.append(FileError(path: display + PathUtilities.escaped(entry.name), reason: Self.invalidName))
        }
        continue
      }
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      let childAbsolute = PathUtilities.join(absolute, name)
      var isDirectory = entry.type == DT_DIR
      if entry.type == DT_LNK || entry.type == DT_UNKNOWN {
        // Follow a symbolic link; one that cannot be followed is reported when it looks like a note.
        var status = stat()
        guard stat(path, &status) == 0 else {
          let failure = errno
          if Self.isNote(path) {
            let reason = failure == ENOENT ? "broken symbolic link" : FileReader.reason(errno: failure)
            errors.append(FileError(path: path, reason: reason))
          }
          continue
        }
        isDirectory = (status.st_mode & S_IFMT) == S_IFDIR
        // Only links to folders and regular files leak text; a link to a device or FIFO goes on to
        // be reported as "not a regular file" (never opened).
        let isRegular = (status.st_mode & S_IFMT) == S_IFREG
        if entry.type == DT_LNK, !followExternalSymlinks, isDirectory || (isRegular && Self.isNote(path)),
          !Self.resolves(path, inside: tree)
        {
          // A link to a folder that holds the tree is a loop; any other target is outside.
          if isDirectory, let real = Self.realPath(path), real == "/" || tree.hasPrefix(real + "/") {
            errors.append(FileError(path: path, reason: InputError.isDirectoryLoop.description))
          } else {
            notices.add(
              "\(path): symbolic link to outside \(tree), not followed (--follow-external-symlinks to follow it)")
          }
          continue
        }
      }
      if isDirectory {
        if stack.isIgnored(absolutePath: childAbsolute, isDirectory: true) { continue }
        if let configuration = configuration?.configuration(forFolder: childAbsolute),
          configuration.excludesFolder(absolutePath: childAbsolute)
        {
          continue
        }
        let inner = honourIgnoreFiles ? stack.entering(childAbsolute) : stack
        walk(
          path, absolute: childAbsolute, tree: tree, stack: inner, visited: &visited, files: &files, errors: &errors)
      } else if Self.isNote(path) {
        if stack.isIgnored(absolutePath: childAbsolute, isDirectory: false) { continue }
        if let configuration = configuration?.configuration(forFile: childAbsolute),
          !configuration.admits(absolutePath: childAbsolute)
        {
          continue
        }
        files.append(path)
      }
    }
  }

  /// Whether a path's real location (symlinks resolved) is `tree` or inside it.
  static func resolves(_ path: String, inside tree: String) -> Bool {
    guard let real = realPath(path) else { return false }
    return real == tree || real.hasPrefix(tree == "/" ? "/" : tree + "/")
  }

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  static let invalidName = "name is not valid UTF-8 (undecodable bytes shown as \\xNN): rename it to lint it"

  /// One entry of a folder as `readdir` gives it: the name's bytes and the type the file system
  /// reports (`DT_UNKNOWN` when it does not say).
  struct FolderEntry {
    var name: [UInt8]
    var type: UInt8
  }

  /// The entries of a folder, sorted by name bytes; names stay bytes, since a file name need not
  /// be UTF-8 (Foundation would turn such a name into one that no longer opens the file).
  static func list(_ folder: String) -> Result<[FolderEntry], FileError> {
    func failure(_ code: Int32) -> Result<[FolderEntry], FileError> {
      .failure(FileError(path: folder, reason: "cannot list folder: \(FileReader.reason(errno: code))"))
    }
    guard let stream = opendir(folder) else { return failure(errno) }
    defer { closedir(stream) }
    var entries: [FolderEntry] = []
    while true {
      errno = 0
      guard let entry = readdir(stream) else {
        if errno != 0 { return failure(errno) }
        break
      }
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        Array(raw.prefix(while: { $0 != 0 }))
      }
      entries.append(FolderEntry(name: name, type: entry.pointee.d_type))
    }
    entries.sort { $0.name.lexicographicallyPrecedes($1.name) }
    return .success(entries)
  }

  /// Whether a path given as bytes (not necessarily UTF-8) is a folder, symbolic links followed.
  static func isFolder(raw path: [UInt8]) -> Bool {
    var status = stat()
    let found = (path + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { stat($0.baseAddress!, &status) == 0 }
    }
    return found && (status.st_mode & S_IFMT) == S_IFDIR
  }
}
