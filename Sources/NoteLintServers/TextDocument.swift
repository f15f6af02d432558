import Foundation

/// An LSP position: 0-based line, 0-based character offset in UTF-16 code units.
public struct LSPPosition: Sendable, Hashable, Comparable {
  public var line: Int
  public var character: Int

  public init(line: Int, character: Int) {
    self.line = line
    self.character = character
  }

  public static func < (lhs: LSPPosition, rhs: LSPPosition) -> Bool {
    (lhs.line, lhs.character) < (rhs.line, rhs.character)
  }

  public var json: JSONValue { ["line": .int(line), "character": .int(character)] }

  public init?(_ json: JSONValue?) {
    guard let line = json?["line"]?.int, let character = json?["character"]?.int, line >= 0, character >= 0 else {
      return nil
    }
    self.init(line: line, character: character)
  }
}

public struct LSPRange: Sendable, Hashable {
  public var start: LSPPosition
  public var end: LSPPosition

  public init(start: LSPPosition, end: LSPPosition) {
    self.start = start
    self.end = end
  }

  public var json: JSONValue { ["start": start.json, "end": end.json] }

  public init?(_ json: JSONValue?) {
    guard let start = LSPPosition(json?["start"]), let end = LSPPosition(json?["end"]), start <= end else {
      return nil
    }
    self.init(start: start, end: end)
  }

  public func contains(_ position: LSPPosition) -> Bool { start <= position && position <= end }

  public func overlaps(_ other: LSPRange) -> Bool { start <= other.end && other.start <= end }
}

/// The text of an open document, with LSP's line and UTF-16 arithmetic. Lines end at `\n`, `\r\n`
/// or `\r`, as in LSP and in notelint's `SourceFile`.
public struct TextDocument: Sendable {
  public private(set) var text: String
  /// UTF-16 offset where each line starts.
  private var lineStarts: [Int] = [0]

  public init(_ text: String) {
    self.text = text
    index()
  }

  private mutating func index() {
    var starts = [0]
    var offset = 0
    var previousCR = false
    for unit in text.utf16 {
      offset += 1
      if unit == 0x0A {
        if previousCR { starts[starts.count - 1] = offset } else { starts.append(offset) }
        previousCR = false
      } else if unit == 0x0D {
        starts.append(offset)
        previousCR = true
      } else {
        previousCR = false
      }
    }
    lineStarts = starts
  }

  public var lineCount: Int { lineStarts.count }

  /// The UTF-16 offset of a position, clamped to the document (past the end of a line: its end).
  public func offset(of position: LSPPosition) -> Int {
    let total = text.utf16.count
    guard position.line < lineStarts.count else { return total }
    let start = lineStarts[position.line]
    let end = lineEnd(position.line)
    return min(start + position.character, end)
  }

  /// The UTF-16 offset where line `line` (0-based) ends, before its line break.
  private func lineEnd(_ line: Int) -> Int {
    let utf16 = text.utf16
    var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : utf16.count
    let startIndex = utf16.startIndex
    while end > lineStarts[line] {
      let unit = utf16[utf16.index(startIndex, offsetBy: end - 1)]
      if unit == 0x0A || unit == 0x0D { end -= 1 } else { break }
    }
    return end
  }

  /// Replaces a range (UTF-16 positions) with new text, as `didChange` with a range does.
  /// An offset inside a surrogate pair is moved to the pair's start.
  public mutating func apply(range: LSPRange, text replacement: String) {
    let lowerOffset = offset(of: range.start)
    let from = scalarIndex(utf16Offset: lowerOffset)
    let to = scalarIndex(utf16Offset: max(offset(of: range.end), lowerOffset))
    var scalars = text.unicodeScalars
    scalars.replaceSubrange(from..<to, with: replacement.unicodeScalars)
    text = String(scalars)
    index()
  }

  /// The scalar index at a UTF-16 offset; inside a surrogate pair, the pair's start.
  private func scalarIndex(utf16Offset offset: Int) -> String.Index {
    let utf16 = text.utf16
    let index = utf16.index(utf16.startIndex, offsetBy: offset)
    if let aligned = index.samePosition(in: text.unicodeScalars) { return aligned }
    if offset > 0, let aligned = utf16.index(index, offsetBy: -1).samePosition(in: text.unicodeScalars) {
      return aligned
    }
    // Not reached for valid strings; walk to be safe.
    var units = 0
    var scalarIndex = text.unicodeScalars.startIndex
    while scalarIndex < text.unicodeScalars.endIndex {
      let width = text.unicodeScalars[scalarIndex].utf16.count
      if units + width > offset { break }
      units += width
      scalarIndex = text.unicodeScalars.index(after: scalarIndex)
    }
    return scalarIndex
  }

  public mutating func replaceAll(_ replacement: String) {
    text = replacement
    index()
  }

  /// The LSP position of a notelint position: 1-based line, 1-based column in Unicode scalars
  /// (an end column is the scalar after the last one).
  public func position(line: Int, column: Int) -> LSPPosition {
    let zeroLine = max(0, line - 1)
    guard zeroLine < lineStarts.count else {
      let last = lineStarts.count - 1
      return LSPPosition(line: last, character: lineEnd(last) - lineStarts[last])
    }
    let utf16 = text.utf16
    let start = utf16.index(utf16.startIndex, offsetBy: lineStarts[zeroLine])
    let end = utf16.index(utf16.startIndex, offsetBy: lineEnd(zeroLine))
    var units = 0
    var remaining = max(0, column - 1)
    for scalar in text.unicodeScalars[start..<end] {
      if remaining == 0 { break }
      units += scalar.utf16.count
      remaining -= 1
    }
    return LSPPosition(line: zeroLine, character: units)
  }

  /// The leading spaces and tabs of a line (0-based).
  public func indentation(ofLine line: Int) -> String {
    guard line < lineStarts.count else { return "" }
    let utf16 = text.utf16
    var index = utf16.index(utf16.startIndex, offsetBy: lineStarts[line])
    var out = ""
    while index < utf16.endIndex, utf16[index] == 0x20 || utf16[index] == 0x09 {
      out.append(utf16[index] == 0x20 ? " " : "\t")
      index = utf16.index(after: index)
    }
    return out
  }
}
