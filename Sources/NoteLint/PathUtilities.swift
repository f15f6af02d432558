import Foundation

/// Lexical path helpers (no symlink resolution: paths stay as the user wrote them).
public enum PathUtilities {
  public static func join(_ folder: String, _ name: String) -> String {
    if folder.isEmpty { return name }
    return folder.hasSuffix("/") ? folder + name : folder + "/" + name
  }

  /// The absolute, normalised form of a path (`.` and `..` resolved lexically against the current folder).
  public static func absolute(_ path: String, from base: String? = nil) -> String {
    let full = path.hasPrefix("/") ? path : join(base ?? currentDirectory, path)
    let bytes = Array(full.utf8)
    guard bytes.allSatisfy({ $0 < 0x80 }) else { return absoluteByCharacters(full) }
    // An ASCII path, on its bytes: the components kept, as ranges.
    var kept: [Range<Int>] = []
    var start = 0
    for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: "/") {
      let length = end - start
      if length == 2, bytes[start] == UInt8(ascii: "."), bytes[start + 1] == UInt8(ascii: ".") {
        if !kept.isEmpty { kept.removeLast() }
      } else if length > 0, !(length == 1 && bytes[start] == UInt8(ascii: ".")) {
        kept.append(start..<end)
      }
      start = end + 1
    }
    var result: [UInt8] = []
    result.reserveCapacity(bytes.count + 1)
    if kept.isEmpty { result.append(UInt8(ascii: "/")) }
    for range in kept {
      result.append(UInt8(ascii: "/"))
      result.append(contentsOf: bytes[range])
    }
    return String(decoding: result, as: UTF8.self)
  }

  /// `absolute` for other paths: split by characters (a slash carrying a combining mark is not a
  /// separator).
  private static func absoluteByCharacters(_ full: String) -> String {
    var parts: [Substring] = []
    for part in full.split(separator: "/", omittingEmptySubsequences: true) {
      if part == "." { continue }
      if part == ".." {
        if !parts.isEmpty { parts.removeLast() }
        continue
      }
      parts.append(part)
    }
    return "/" + parts.joined(separator: "/")
  }

  /// The current folder, from `getcwd` (`FileManager.currentDirectoryPath` costs tens of thousands of
  /// instructions a call, and this is asked once a file).
  public static var currentDirectory: String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    guard getcwd(&buffer, buffer.count) != nil else { return FileManager.default.currentDirectoryPath }
    return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
  }

  /// The parent folder of an absolute path; nil for `/`.
  public static func parent(_ path: String) -> String? {
    guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// `path` relative to `folder` (both absolute), or nil when it is not inside it.
  public static func relative(_ path: String, to folder: String) -> String? {
    if folder == "/" { return String(path.dropFirst()) }
    // On the bytes: file names are compared as the file system stores them (and counting
    // characters costs more than the rest of a walk).
    let bytes = path.utf8
    guard bytes.count >= folder.utf8.count, bytes.starts(with: folder.utf8) else { return nil }
    let end = bytes.index(bytes.startIndex, offsetBy: folder.utf8.count)
    if end == bytes.endIndex { return "" }
    guard bytes[end] == UInt8(ascii: "/") else { return nil }
    return String(path[bytes.index(after: end)...])
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
