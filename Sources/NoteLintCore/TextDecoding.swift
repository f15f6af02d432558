/// Why a file could not be read as text.
public enum InputError: Error, Sendable, Equatable, CustomStringConvertible {
  case notFound
  case isDirectoryLoop
  case binary
  case invalidUTF8(line: Int)
  case unreadable(String)
  case tooLarge(bytes: Int, limit: Int)
  /// Over the limit, with no size to give (standard input, a file that grew while it was read).
  case overLimit(limit: Int)
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
      return
        "file of \(bytes) bytes is larger than the limit of \(limit) bytes (see --max-file-size)"
    case .overLimit(let limit): return "larger than the limit of \(limit) bytes (see --max-file-size)"
    case .notRegularFile: return "not a regular file"
    }
  }
}

/// Turns a file's bytes into Unicode scalars: BOM, UTF-8, UTF-16, and for HTML the charset that
/// `<meta charset>` declares (ISO-8859-1, Windows-1252).
public enum TextDecoder {
  public static func decode(_ bytes: [UInt8], path: String, isHTML: Bool) -> Result<
    SourceFile, InputError
  > {
    if bytes.count >= 2,
      (bytes[0] == 0xFF && bytes[1] == 0xFE) || (bytes[0] == 0xFE && bytes[1] == 0xFF)
    {
      let bigEndian = bytes[0] == 0xFE
      let scalars = decodeUTF16(bytes[2...], bigEndian: bigEndian)
      if scalars.contains("\u{0}") { return .failure(.binary) }
      return .success(
        SourceFile(
          path: path, scalars: scalars, encoding: bigEndian ? .utf16BE : .utf16LE, hadBOM: true))
    }
    var body = bytes[...]
    var hadBOM = false
    if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
      body = bytes[3...]
      hadBOM = true
    }
    // A NUL byte makes a file binary. The UTF-8 decoder looks for it as it goes; HTML, which may
    // declare another charset, is checked first.
    if isHTML, body.contains(0) {
      return .failure(.binary)
    }
    if !hadBOM, isHTML, let declared = declaredCharset(body) {
      switch declared {
      case .latin1, .windows1252:
        // As browsers do (WHATWG Encoding), ISO-8859-1 is read as Windows-1252: its 0x80–0x9F
        // are C1 control codes that no note means, while Windows-1252 has quotes and € there.
        return .success(SourceFile(path: path, scalars: body.map(windows1252), encoding: declared))
      case .latin9:
        return .success(SourceFile(path: path, scalars: body.map(latin9), encoding: .latin9))
      default:
        break
      }
    }
    switch decodeUTF8(body) {
    case .decoded(let scalars):
      return .success(
        SourceFile(
          path: path, scalars: scalars, encoding: .utf8, hadBOM: hadBOM, utf8: hadBOM ? Array(body) : bytes))
    case .invalid(let byteOffset):
      if body[(body.startIndex + byteOffset)...].contains(0) { return .failure(.binary) }
      return .failure(.invalidUTF8(line: lineNumber(ofByte: byteOffset, in: body)))
    case .binary:
      return .failure(.binary)
    }
  }

  /// The 1-based line of a byte offset; lines end at LF, CRLF or a lone CR, as in `SourceFile`.
  static func lineNumber(ofByte offset: Int, in bytes: ArraySlice<UInt8>) -> Int {
    var line = 1
    var index = bytes.startIndex
    let end = bytes.startIndex + min(offset, bytes.count)
    while index < end {
      let byte = bytes[index]
      if byte == 0x0A {
        line += 1
      } else if byte == 0x0D, index + 1 >= bytes.endIndex || bytes[index + 1] != 0x0A {
        line += 1
      }
      index += 1
    }
    return line
  }

  /// Strict UTF-8 decoding; on failure, the byte offset of the first bad sequence.
  static func decodeUTF8(_ bytes: ArraySlice<UInt8>) -> UTF8Decoding {
    var invalidAt: Int?
    var binary = false
    let scalars = bytes.withUnsafeBufferPointer { input in
      [Unicode.Scalar](unsafeUninitializedCapacity: input.count) { output, initialized in
        var index = 0
        var written = 0
        let end = input.count
        defer { initialized = written }
        while index < end {
          let byte = input[index]
          if byte < 0x80 {
            if byte == 0 {
              binary = true
              return
            }
            output[written] = Unicode.Scalar(byte)
            written += 1
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
            invalidAt = index
            return
          }
          guard index + length <= end else {
            invalidAt = index
            return
          }
          for next in 1..<length {
            let continuation = input[index + next]
            guard continuation & 0xC0 == 0x80 else {
              invalidAt = index
              return
            }
            value = value << 6 | UInt32(continuation & 0x3F)
          }
          let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
          guard value >= minimum, let scalar = Unicode.Scalar(value) else {
            invalidAt = index
            return
          }
          output[written] = scalar
          written += 1
          index += length
        }
      }
    }
    if binary { return .binary }
    if let invalidAt { return .invalid(at: invalidAt) }
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
    // The first `charset` followed by a name this decoder knows.
    for start in 0...(head.count - pattern.count) where head[start] == pattern[0] {
      guard Array(head[start..<(start + pattern.count)]) == pattern else { continue }
      var index = start + pattern.count
      while index < head.count,
        head[index] == 0x20 || head[index] == 0x09 || head[index] == 0x3D || head[index] == 0x22
          || head[index] == 0x27
      {
        index += 1
      }
      var name = ""
      while index < head.count {
        let byte = head[index]
        let isNameByte =
          (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D
          || byte == 0x5F
        guard isNameByte else { break }
        name.unicodeScalars.append(Unicode.Scalar(byte))
        index += 1
      }
      if let encoding = encoding(named: name) { return encoding }
    }
    return nil
  }

  static func encoding(named name: String) -> TextEncoding? {
    switch name {
    case "utf-8", "utf8", "unicode-1-1-utf-8": return .utf8
    case "iso-8859-1", "iso8859-1", "iso88591", "latin1", "latin-1", "iso_8859-1", "l1", "us-ascii",
      "ascii":
      return .latin1
    case "iso-8859-15", "iso8859-15", "iso885915", "iso_8859-15", "latin9", "latin-9", "l9":
      return .latin9
    case "windows-1252", "cp1252", "win-1252", "x-cp1252": return .windows1252
    default: return nil
    }
  }

  /// ISO-8859-15 differs from ISO-8859-1 in eight places (€, Š, š, Ž, ž, Œ, œ, Ÿ).
  static func latin9(_ byte: UInt8) -> Unicode.Scalar {
    switch byte {
    case 0xA4: return "\u{20AC}"
    case 0xA6: return "\u{0160}"
    case 0xA8: return "\u{0161}"
    case 0xB4: return "\u{017D}"
    case 0xB8: return "\u{017E}"
    case 0xBC: return "\u{0152}"
    case 0xBD: return "\u{0153}"
    case 0xBE: return "\u{0178}"
    default: return Unicode.Scalar(byte)
    }
  }

  private static let cp1252High: [UInt32] = [
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0x8D,
    0x017D, 0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122,
    0x0161, 0x203A,
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
    var capacity = 0
    for scalar in scalars { capacity += UTF8.width(scalar) }
    return [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
      initialized = UTF8Writer.write(scalars, to: buffer)
    }
  }
}

enum UTF8Decoding {
  case decoded([Unicode.Scalar])
  case invalid(at: Int)
  /// A NUL byte before any invalid sequence.
  case binary
}
