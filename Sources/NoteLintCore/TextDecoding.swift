/// Why a file could not be read as text.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
  case notFound
  case isDirectoryLoop
  case binary
  case invalidUTF8(line: Int)
  case unreadable(String)
  case tooLarge(bytes: Int, limit: Int)
  case notRegularFile

  public var description: String {
    switch self {
    case .notFound: return "no such file or directory"
    case .isDirectoryLoop: return "directory loop (a symbolic link points back to a parent folder)"
    case .binary: return "binary file (contains NUL bytes), not a note"
    case .invalidUTF8(let line):
      return "invalid UTF-8 at line \(line) and no charset declared (save the file as UTF-8)"
    case .unreadable(let reason): return "cannot be read: \(reason)"
    case .tooLarge(let bytes, let limit):
      return "file of \(bytes) bytes is larger than the limit of \(limit) bytes (see --max-file-size)"
    case .notRegularFile: return "not a regular file"
    }
  }
}

/// Turns a file's bytes into Unicode scalars: BOM, UTF-8, UTF-16, and for HTML the charset that
/// `<meta charset>` declares (ISO-8859-1, Windows-1252).
public enum TextDecoder {
  public static func decode(_ bytes: [UInt8], path: String, isHTML: Bool) -> Result<SourceFile, InputError> {
    if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE {
      return .success(
        SourceFile(path: path, scalars: decodeUTF16(bytes[2...], bigEndian: false), encoding: .utf16LE, hadBOM: true))
    }
    if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF {
      return .success(
        SourceFile(path: path, scalars: decodeUTF16(bytes[2...], bigEndian: true), encoding: .utf16BE, hadBOM: true))
    }
    var body = bytes[...]
    var hadBOM = false
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      body = bytes[3...]
      hadBOM = true
    }
    if body.contains(0) {
      return .failure(.binary)
    }
    if !hadBOM, isHTML, let declared = declaredCharset(body) {
      switch declared {
      case .latin1:
        return .success(SourceFile(path: path, scalars: body.map { Unicode.Scalar($0) }, encoding: .latin1))
      case .windows1252:
        return .success(SourceFile(path: path, scalars: body.map(windows1252), encoding: .windows1252))
      default:
        break
      }
    }
    switch decodeUTF8(body) {
    case .decoded(let scalars):
      return .success(SourceFile(path: path, scalars: scalars, encoding: .utf8, hadBOM: hadBOM))
    case .invalid(let byteOffset):
      let line = body.prefix(byteOffset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
      return .failure(.invalidUTF8(line: line))
    }
  }

  /// Strict UTF-8 decoding; on failure, the byte offset of the first bad sequence.
  static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> UTF8Decoding {
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(bytes.count)
    var index = bytes.startIndex
    let end = bytes.endIndex
    while index < end {
      let byte = bytes[index]
      if byte < 0x80 {
        scalars.append(Unicode.Scalar(byte))
        index += 1
        continue
      }
      var length = 0
      var value: UInt32 = 0
      if byte & 0xE0 == 0xC0 {
        length = 2
        value = UInt32(byte & 0x1F)
      } else if byte & 0xF0 == 0xE0 {
        length = 3
        value = UInt32(byte & 0x0F)
      } else if byte & 0xF8 == 0xF0 {
        length = 4
        value = UInt32(byte & 0x07)
      } else {
        return .invalid(at: index - bytes.startIndex)
      }
      guard index + length <= end else { return .invalid(at: index - bytes.startIndex) }
      for next in 1..<length {
        let continuation = bytes[index + next]
        guard continuation & 0xC0 == 0x80 else { return .invalid(at: index - bytes.startIndex) }
        value = value << 6 | UInt32(continuation & 0x3F)
      }
      let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
      guard value >= minimum, let scalar = Unicode.Scalar(value) else {
        return .invalid(at: index - bytes.startIndex)
      }
      scalars.append(scalar)
      index += length
    }
    return .decoded(scalars)
  }

  static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [Unicode.Scalar] {
    var units: [UInt16] = []
    units.reserveCapacity(bytes.count / 2)
    var index = bytes.startIndex
    while index + 1 < bytes.endIndex {
      let first = UInt16(bytes[index])
      let second = UInt16(bytes[index + 1])
      units.append(bigEndian ? first << 8 | second : second << 8 | first)
      index += 2
    }
    return Array(String(decoding: units, as: UTF16.self).unicodeScalars)
  }

  /// The charset an HTML file declares in its first 2 KB (`<meta charset>` or http-equiv).
  public static func declaredCharset(_ bytes: ArraySlice<UInt8>) -> TextEncoding? {
    let head = bytes.prefix(2048).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    let pattern = Array("charset".utf8)
    guard head.count > pattern.count else { return nil }
    var found: Int?
    for start in 0...(head.count - pattern.count) where head[start] == pattern[0] {
      if Array(head[start..<(start + pattern.count)]) == pattern {
        found = start + pattern.count
        break
      }
    }
    guard var index = found else { return nil }
    while index < head.count, head[index] == 0x20 || head[index] == 0x3D || head[index] == 0x22 || head[index] == 0x27 {
      index += 1
    }
    var name = ""
    while index < head.count {
      let byte = head[index]
      let isNameByte = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x5F
      guard isNameByte else { break }
      name.unicodeScalars.append(Unicode.Scalar(byte))
      index += 1
    }
    switch name {
    case "utf-8", "utf8": return .utf8
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "iso-8859-15", "iso_8859-1": return .latin1
    case "windows-1252", "cp1252", "win-1252": return .windows1252
    default: return nil
    }
  }

  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
    0x0153, 0x9D, 0x017E, 0x0178,
  ]

  static func windows1252(_ byte: UInt8) -> Unicode.Scalar {
    if byte >= 0x80, byte < 0xA0 {
      return Unicode.Scalar(cp1252High[Int(byte - 0x80)]) ?? Unicode.Scalar(byte)
    }
    return Unicode.Scalar(byte)
  }

  /// UTF-8 bytes of scalars (what cmark-gfm is fed).
  public static func utf8Bytes(_ scalars: [Unicode.Scalar]) -> [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(scalars.count + scalars.count / 8)
    for scalar in scalars {
      UTF8.encode(scalar) { bytes.append($0) }
    }
    return bytes
  }
}

enum UTF8Decoding {
  case decoded([Unicode.Scalar])
  case invalid(at: Int)
}
