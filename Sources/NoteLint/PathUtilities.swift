import Foundation

/// Lexical path helpers (no symlink resolution: paths stay as the user wrote them).
public enum PathUtilities {
  public static func join(_ folder: String, _ name: String) -> String {
    if folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The absolute, normalised form of a path (`.` and `..` resolved lexically against the current folder).
  public static func absolute(_ path: String, from base: String = FileManager.default.currentDirectoryPath) -> String {
    let full = path.hasPrefix("/") ? path : join(base, path)
    var parts: [Substring] = []
    // An ASCII path splits on its bytes; others by characters (a slash with a combining mark on it
    // is not a separator), as before.
    let components =
      full.utf8.allSatisfy { $0 < 0x80 }
      ? full.utf8.split(separator: UInt8(ascii: "/")).map { full[$0.startIndex..<$0.endIndex] }
      : full.split(separator: "/", omittingEmptySubsequences: true)
    for part in components {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The parent folder of an absolute path; nil for `/`.
  public static func parent(_ path: String) -> String? {
    guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` relative to `folder` (both absolute), or nil when it is not inside it.
  public static func relative(_ path: String, to folder: String) -> String? {
    if folder == "/" { return String(path.dropFirst()) }
    guard path.hasPrefix(folder) else { return nil }
    let rest = path.dropFirst(folder.count)
    if rest.isEmpty { return "" }
    guard rest.first == "/" else { return nil }
    return String(rest.dropFirst())
  }

  /// A display path for an absolute path: relative to `base` when inside it, with `../` otherwise.
  public static func display(_ path: String, from base: String) -> String {
    if let inside = relative(path, to: base) { return inside.isEmpty ? "." : inside }
    let target = path.split(separator: "/")
    let origin = base.split(separator: "/")
    var common = 0
    while common < target.count, common < origin.count, target[common] == origin[common] { common += 1 }
    let ups = Array(repeating: "..", count: origin.count - common)
    return (ups + target[common...].map(String.init)).joined(separator: "/")
  }

  public static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  public static func isDirectory(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR
  }

  /// The first of `candidates` that is the same existing file as `path` (device and inode, so links
  /// and other spellings of the path count), or nil.
  public static func sameFile(as path: String, in candidates: [String]) -> String? {
    var target = stat()
    guard stat(path, &target) == 0 else { return nil }
    for candidate in candidates {
      var status = stat()
      if stat(candidate, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
        return candidate
      }
    }
    return nil
  }

  /// A file name's bytes as text: valid UTF-8 as it is, every other byte as `\xNN`.
  public static func escaped(_ bytes: [UInt8]) -> String {
    var result = ""
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
      if length > 0, index + length <= bytes.count,
        let decoded = String(validating: bytes[index..<(index + length)], as: UTF8.self)
      {
        result += decoded
        index += length
      } else {
        let hex = String(lead, radix: 16, uppercase: true)
        result += "\\x" + (hex.count < 2 ? "0" : "") + hex
        index += 1
      }
    }
    return result
  }
}
