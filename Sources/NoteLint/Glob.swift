/// A path pattern with gitignore semantics, matched against a path relative to the folder the
/// pattern belongs to (the folder of the `.gitignore`, `.notelintignore` or `.notelint.yml`).
///
/// - `*` matches any run of characters but `/`, `?` one character but `/`, `[a-z]` / `[!a-z]` a class;
/// - `**` as a whole segment matches any number of folders (`**/x`, `a/**/b`, `a/**`);
/// - a pattern with no `/` but a trailing one matches a name at any depth, otherwise it is anchored
///   to its folder (a leading `/` only anchors);
/// - a trailing `/` matches folders only; a leading `!` negates (ignore files); `\` escapes.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
  /// The pattern as written.
  public let pattern: String
  public let negated: Bool
  public let directoryOnly: Bool
  /// Matched against every tail of the path (a name at any depth) rather than from its start.
  let floating: Bool
  let segments: [[Unicode.Scalar]]

  /// Parses one pattern; nil for an empty pattern or a comment.
  public init?(_ text: String, allowNegation: Bool = true) {
    var scalars = Array(text.unicodeScalars)
    // Trailing spaces are ignored unless escaped.
    while let last = scalars.last, last == " " || last == "\t" || last == "\r" {
      if scalars.count >= 2, scalars[scalars.count - 2] == "\\" { break }
      scalars.removeLast()
    }
    guard !scalars.isEmpty, scalars[0] != "#" else { return nil }
    pattern = text
    var negated = false
    if allowNegation, scalars.first == "!" {
      negated = true
      scalars.removeFirst()
    }
    self.negated = negated
    var directoryOnly = false
    while scalars.last == "/" {
      directoryOnly = true
      scalars.removeLast()
    }
    self.directoryOnly = directoryOnly
    var anchored = false
    while scalars.first == "/" {
      anchored = true
      scalars.removeFirst()
    }
    if scalars.starts(with: ["."] + ["/"]) { scalars.removeFirst(2) }
    guard !scalars.isEmpty else { return nil }
    if scalars.contains("/") { anchored = true }
    let parts = scalars.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
    segments = parts
    floating = !anchored
  }

  public var description: String { pattern }

  /// Whether a relative path (segments separated by `/`) matches.
  public func matches(_ relativePath: String, isDirectory: Bool) -> Bool {
    if directoryOnly && !isDirectory { return false }
    let path = relativePath.unicodeScalars.split(separator: "/", omittingEmptySubsequences: true).map(Array.init)
    guard !path.isEmpty else { return false }
    if floating {
      // A bare name: the last segment only (its parents are checked as folders by the callers).
      return Self.matchSegments(segments[...], path[(path.count - 1)...])
    }
    return Self.matchSegments(segments[...], path[...])
  }

  /// Whether the path or one of its parent folders matches (`archive` excludes `archive/x/y.md`).
  public func matchesPathOrParent(_ relativePath: String, isDirectory: Bool) -> Bool {
    let parts = relativePath.split(separator: "/", omittingEmptySubsequences: true)
    var prefix = ""
    for (index, part) in parts.enumerated() {
      prefix = prefix.isEmpty ? String(part) : prefix + "/" + part
      let last = index == parts.count - 1
      if matches(prefix, isDirectory: last ? isDirectory : true) { return true }
    }
    return false
  }

  static func matchSegments(_ pattern: ArraySlice<[Unicode.Scalar]>, _ path: ArraySlice<[Unicode.Scalar]>) -> Bool {
    guard let head = pattern.first else { return path.isEmpty }
    if head == ["*", "*"] {
      let rest = pattern.dropFirst()
      if rest.isEmpty { return !path.isEmpty }
      var tail = path
      while true {
        if matchSegments(rest, tail) { return true }
        guard !tail.isEmpty else { return false }
        tail = tail.dropFirst()
      }
    }
    guard let first = path.first, matchSegment(head[...], first[...]) else { return false }
    return matchSegments(pattern.dropFirst(), path.dropFirst())
  }

  /// Wildcard match of one segment (`*`, `?`, classes, escapes), with backtracking on `*`.
  static func matchSegment(_ pattern: ArraySlice<Unicode.Scalar>, _ name: ArraySlice<Unicode.Scalar>) -> Bool {
    var p = pattern.startIndex
    var n = name.startIndex
    var starP: Int?
    var starN = 0
    while n < name.endIndex {
      if p < pattern.endIndex {
        let c = pattern[p]
        if c == "*" {
          starP = p
          starN = n
          p += 1
          continue
        }
        if c == "?" {
          p += 1
          n += 1
          continue
        }
        if c == "[", let (matched, next) = matchClass(pattern, p, name[n]) {
          if matched {
            p = next
            n += 1
            continue
          }
        } else {
          var literal = c
          var next = p + 1
          if c == "\\", next < pattern.endIndex {
            literal = pattern[next]
            next += 1
          }
          if literal == name[n] {
            p = next
            n += 1
            continue
          }
        }
      }
      guard let star = starP else { return false }
      p = star + 1
      starN += 1
      n = starN
    }
    while p < pattern.endIndex, pattern[p] == "*" { p += 1 }
    return p == pattern.endIndex
  }

  /// A `[...]` class at `start`: whether `scalar` is in it and the index after it (nil: not a class).
  private static func matchClass(_ pattern: ArraySlice<Unicode.Scalar>, _ start: Int, _ scalar: Unicode.Scalar)
    -> (Bool, Int)?
  {
    var index = start + 1
    var negate = false
    if index < pattern.endIndex, pattern[index] == "!" || pattern[index] == "^" {
      negate = true
      index += 1
    }
    var matched = false
    var first = true
    while index < pattern.endIndex {
      let c = pattern[index]
      if c == "]" && !first { return (matched != negate, index + 1) }
      first = false
      if index + 2 < pattern.endIndex, pattern[index + 1] == "-", pattern[index + 2] != "]" {
        if c.value <= scalar.value && scalar.value <= pattern[index + 2].value { matched = true }
        index += 3
      } else {
        if c == scalar { matched = true }
        index += 1
      }
    }
    return nil
  }
}

/// The patterns of one ignore file (`.gitignore`, `.notelintignore`), relative to its folder.
public struct IgnoreFile: Sendable {
  /// Absolute folder the patterns are relative to.
  public let folder: String
  public let patterns: [Glob]

  public init(folder: String, text: String) {
    self.folder = folder
    self.patterns = text.split(whereSeparator: { $0 == "\n" }).compactMap { Glob(String($0)) }
  }

  /// Reads `name` in `folder`; nil when there is none.
  public static func load(folder: String, name: String) -> IgnoreFile? {
    let path = PathUtilities.join(folder, name)
    guard case .success(let bytes) = FileReader.read(path, maxSize: 1 << 20) else { return nil }
    return IgnoreFile(folder: folder, text: String(decoding: bytes, as: UTF8.self))
  }

  /// nil when no pattern matches, else whether the last matching pattern ignores the path.
  public func decision(absolutePath: String, isDirectory: Bool) -> Bool? {
    guard let relative = PathUtilities.relative(absolutePath, to: folder) else { return nil }
    var result: Bool?
    for pattern in patterns where pattern.matches(relative, isDirectory: isDirectory) {
      result = !pattern.negated
    }
    return result
  }
}

/// The ignore files in force in one folder: those of its parents (up to the repository root) first.
public struct IgnoreStack: Sendable {
  public private(set) var files: [IgnoreFile] = []

  public init(files: [IgnoreFile] = []) {
    self.files = files
  }

  public static let fileNames = [".gitignore", ".notelintignore"]

  /// The stack for a folder entered during a walk.
  public func entering(_ folder: String) -> IgnoreStack {
    var copy = self
    for name in Self.fileNames {
      if let file = IgnoreFile.load(folder: folder, name: name) { copy.files.append(file) }
    }
    return copy
  }

  /// The ignore files from the repository root (the nearest parent with `.git`) down to `folder`,
  /// `folder` included; outside a repository, only `folder`'s own.
  public static func forFolder(_ folder: String) -> IgnoreStack {
    var chain: [String] = []
    var current = folder
    var root: String?
    while true {
      chain.append(current)
      if PathUtilities.exists(PathUtilities.join(current, ".git")) {
        root = current
        break
      }
      guard let parent = PathUtilities.parent(current) else { break }
      current = parent
    }
    var stack = IgnoreStack()
    for path in (root == nil ? [folder] : chain.reversed()) {
      stack = stack.entering(path)
    }
    return stack
  }

  /// Whether a path is ignored: the last matching pattern of the deepest file that has one wins.
  public func isIgnored(absolutePath: String, isDirectory: Bool) -> Bool {
    var ignored = false
    for file in files {
      if let decision = file.decision(absolutePath: absolutePath, isDirectory: isDirectory) { ignored = decision }
    }
    return ignored
  }
}
