import NoteLintCore
import XCTest

/// The raw text of a test file, with positions computed straight from the string (independently of
/// `SourceFile`): lines end at LF, CRLF or a lone CR; columns count Unicode scalars from 1.
struct RawSource {
  let scalars: [Unicode.Scalar]
  /// The scalars of each line, without its terminator.
  let lines: [[Unicode.Scalar]]

  init(_ text: String) {
    scalars = Array(text.unicodeScalars)
    var lines: [[Unicode.Scalar]] = [[]]
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "\r" || scalar == "\n" {
        if scalar == "\r", index + 1 < scalars.count, scalars[index + 1] == "\n" { index += 1 }
        lines.append([])
      } else {
        lines[lines.count - 1].append(scalar)
      }
      index += 1
    }
    self.lines = lines
  }

  /// Where the `occurrence`-th (1-based) appearance of `needle` starts, searched line by line.
  func position(of needle: String, occurrence: Int = 1) -> SourcePosition? {
    let pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty else { return nil }
    var seen = 0
    for (lineIndex, line) in lines.enumerated() where line.count >= pattern.count {
      for column in 0...(line.count - pattern.count)
      where Array(line[column..<(column + pattern.count)]) == pattern {
        seen += 1
        if seen == occurrence { return SourcePosition(line: lineIndex + 1, column: column + 1) }
      }
    }
    return nil
  }

  /// The scalar at a position, if the position is inside a line.
  func scalar(at position: SourcePosition) -> Unicode.Scalar? {
    guard position.line >= 1, position.line <= lines.count else { return nil }
    let line = lines[position.line - 1]
    guard position.column >= 1, position.column <= line.count else { return nil }
    return line[position.column - 1]
  }
}

extension MappedText {
  /// Scalar offset of the `occurrence`-th (1-based) appearance of `needle` in the text.
  func offset(of needle: String, occurrence: Int = 1) -> Int? {
    let pattern = Array(needle.unicodeScalars)
    guard !pattern.isEmpty, pattern.count <= scalars.count else { return nil }
    var seen = 0
    for start in 0...(scalars.count - pattern.count)
    where Array(scalars[start..<(start + pattern.count)]) == pattern {
      seen += 1
      if seen == occurrence { return start }
    }
    return nil
  }
}

/// Asserts that `needle`, found in the block text, maps to where it really is in the raw source:
/// its first scalar to the position of `sourceNeedle` (the needle itself unless given), and when the
/// text is written as is in the source, every scalar of it to the same scalar in the source, in order.
func assertMapped(
  _ text: MappedText, _ needle: String, occurrence: Int = 1, in raw: RawSource,
  source sourceNeedle: String? = nil,
  sourceOccurrence: Int = 1, file: StaticString = #filePath, line: UInt = #line
) {
  guard let offset = text.offset(of: needle, occurrence: occurrence) else {
    XCTFail("\"\(needle)\" not in the text \"\(text.string)\"", file: file, line: line)
    return
  }
  guard let expected = raw.position(of: sourceNeedle ?? needle, occurrence: sourceOccurrence) else {
    XCTFail("\"\(sourceNeedle ?? needle)\" not in the source", file: file, line: line)
    return
  }
  XCTAssertEqual(
    text.position(at: offset), expected, "start of \"\(needle)\"", file: file, line: line)
  guard sourceNeedle == nil else { return }
  var previous: SourcePosition?
  for (step, scalar) in needle.unicodeScalars.enumerated() where scalar != "\n" {
    let position = text.position(at: offset + step)
    XCTAssertEqual(
      raw.scalar(at: position), scalar, "scalar \(step) of \"\(needle)\" maps to \(position)",
      file: file, line: line)
    if let previous {
      XCTAssertLessThan(
        previous, position, "\"\(needle)\" runs backwards at scalar \(step)", file: file, line: line
      )
    }
    previous = position
  }
}

/// Every visible scalar of every prose block maps onto the same scalar of the source (or onto the
/// `&` of the character reference it was decoded from), and positions never run backwards.
func assertTextMapsToSource(
  _ document: Document, _ raw: RawSource, file: StaticString = #filePath, line: UInt = #line
) {
  for (index, block) in document.blocks.enumerated() where block.kind != .code {
    var previous: SourcePosition?
    for offset in 0..<block.text.count {
      let scalar = block.text.scalars[offset]
      let position = block.text.position(at: offset)
      if let previous, position < previous {
        XCTFail(
          "block \(index) \"\(block.text.string)\": scalar \(offset) runs backwards", file: file,
          line: line)
      }
      previous = position
      if scalar.properties.isWhitespace || scalar == MappedText.placeholder { continue }
      let actual = raw.scalar(at: position)
      if actual != scalar && actual != "&" {
        XCTFail(
          "block \(index) \"\(block.text.string)\": \"\(scalar)\" at \(offset) maps to \(position) holding "
            + "\(actual.map { "\"\($0)\"" } ?? "nothing")", file: file, line: line)
        return
      }
    }
  }
}
