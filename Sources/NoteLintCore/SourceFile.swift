/// A 1-based position in the original file: `column` counts Unicode scalars.
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
  public var line: Int
  public var column: Int

  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }

  public static func < (lhs: SourcePosition, rhs: SourcePosition) -> Bool {
    (lhs.line, lhs.column) < (rhs.line, rhs.column)
  }

  public var description: String { "\(line):\(column)" }
}

/// The character encoding a file was decoded from.
public enum TextEncoding: String, Sendable {
  case utf8 = "UTF-8"
  case utf16LE = "UTF-16LE"
  case utf16BE = "UTF-16BE"
  case latin1 = "ISO-8859-1"
  case latin9 = "ISO-8859-15"
  case windows1252 = "windows-1252"
}

/// A decoded source file: its text as Unicode scalars and an index from scalar offsets to lines.
///
/// Lines end at LF, CRLF or a lone CR, as CommonMark and HTML parsers count them.
public struct SourceFile: Sendable {
  /// The path as the user gave it (relative paths stay relative).
  public let path: String
  public let scalars: [Unicode.Scalar]
  /// Scalar offset where each line starts; `lineStarts[0] == 0`.
  public let lineStarts: [Int]
  public let encoding: TextEncoding
  /// Whether the bytes started with a byte-order mark.
  public let hadBOM: Bool
  /// The scalars as UTF-8, for parsers that read bytes: the file's own bytes (without a BOM) when
  /// it was UTF-8, otherwise encoded anew on each access.
  public var utf8: [UInt8] { utf8Bytes ?? TextDecoder.utf8Bytes(scalars) }
  private let utf8Bytes: [UInt8]?

  /// `utf8`, when given, must be exactly `scalars` encoded as UTF-8.
  public init(
    path: String, scalars: [Unicode.Scalar], encoding: TextEncoding = .utf8, hadBOM: Bool = false,
    utf8: [UInt8]? = nil
  ) {
    self.path = path
    self.scalars = scalars
    self.encoding = encoding
    self.hadBOM = hadBOM
    self.utf8Bytes = utf8
    var starts = [0]
    scalars.withUnsafeBufferPointer { scalars in
      var index = 0
      let count = scalars.count
      while index < count {
        let value = scalars[index].value
        if value > 0x0D {
          index += 1
          continue
        }
        if value == 0x0A {
          starts.append(index + 1)
        } else if value == 0x0D {
          if index + 1 < count, scalars[index + 1].value == 0x0A {
            index += 1
          }
          starts.append(index + 1)
        }
        index += 1
      }
    }
    self.lineStarts = starts
  }

  /// Decodes `text` directly (for tests and standard input already in memory).
  public init(path: String, text: String) {
    self.init(path: path, scalars: Array(text.unicodeScalars))
  }

  public var lineCount: Int { lineStarts.count }

  /// The position of a scalar offset (clamped into the file).
  public func position(ofOffset offset: Int) -> SourcePosition {
    let clamped = max(0, min(offset, scalars.count))
    var low = 0
    var high = lineStarts.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if lineStarts[mid] <= clamped {
        low = mid
      } else {
        high = mid - 1
      }
    }
    return SourcePosition(line: low + 1, column: clamped - lineStarts[low] + 1)
  }

  /// The scalar offset of a 1-based line and scalar column. A column past the end of the line gives
  /// the offset of its line ending (the line never spills into the next one).
  public func offset(line: Int, column: Int) -> Int {
    guard line >= 1 else { return 0 }
    guard line <= lineStarts.count else { return scalars.count }
    return min(lineStarts[line - 1] + max(column, 1) - 1, lineRange(line).upperBound)
  }

  /// Scalar range of a 1-based line, without its line terminator.
  public func lineRange(_ line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return scalars.count..<scalars.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : scalars.count
    while end > start, scalars[end - 1].value == 0x0A || scalars[end - 1].value == 0x0D {
      end -= 1
    }
    return start..<end
  }

  /// The text of a 1-based line, without its terminator.
  public func lineText(_ line: Int) -> String {
    String(scalars: scalars[lineRange(line)])
  }
}
