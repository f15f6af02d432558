import XCTest

@testable import NoteLintCore

final class SourceFileTests: XCTestCase {
  func testLineStartsWithEveryLineEnding() {
    let source = SourceFile(path: "a.md", text: "lf\ncrlf\r\ncr\rlast")
    XCTAssertEqual(source.lineStarts, [0, 3, 9, 12])
    XCTAssertEqual(source.lineCount, 4)
    XCTAssertEqual((1...4).map(source.lineText), ["lf", "crlf", "cr", "last"])
    XCTAssertEqual(source.lineRange(2), 3..<7)
  }

  func testTrailingAndEmptyLines() {
    let source = SourceFile(path: "a.md", text: "one\n\n\r\n\rend\n")
    XCTAssertEqual(source.lineCount, 6)
    XCTAssertEqual((1...6).map(source.lineText), ["one", "", "", "", "end", ""])
    XCTAssertEqual(SourceFile(path: "e.md", text: "").lineCount, 1)
    XCTAssertEqual(SourceFile(path: "e.md", text: "\r").lineCount, 2)
    XCTAssertEqual(SourceFile(path: "e.md", text: "\r\r\n").lineCount, 3)
  }

  func testLineRangeOutOfBounds() {
    let source = SourceFile(path: "a.md", text: "ab\ncd")
    XCTAssertEqual(source.lineRange(0), 5..<5)
    XCTAssertEqual(source.lineRange(3), 5..<5)
    XCTAssertEqual(source.lineText(9), "")
  }

  func testPositionOfOffsetCountsScalars() {
    let source = SourceFile(path: "a.md", text: "è😀x\r\n中e\u{301}z")
    XCTAssertEqual(source.position(ofOffset: 0), SourcePosition(line: 1, column: 1))
    XCTAssertEqual(source.position(ofOffset: 2), SourcePosition(line: 1, column: 3))
    XCTAssertEqual(source.position(ofOffset: 3), SourcePosition(line: 1, column: 4))
    XCTAssertEqual(source.position(ofOffset: 5), SourcePosition(line: 2, column: 1))
    XCTAssertEqual(source.position(ofOffset: 8), SourcePosition(line: 2, column: 4))
    // Clamped into the file.
    XCTAssertEqual(source.position(ofOffset: -4), SourcePosition(line: 1, column: 1))
    XCTAssertEqual(source.position(ofOffset: 99), SourcePosition(line: 2, column: 5))
  }

  func testOffsetOfLineAndColumn() {
    let source = SourceFile(path: "a.md", text: "abc\r\nde\rf")
    XCTAssertEqual(source.offset(line: 1, column: 1), 0)
    XCTAssertEqual(source.offset(line: 1, column: 3), 2)
    XCTAssertEqual(source.offset(line: 2, column: 2), 6)
    XCTAssertEqual(source.offset(line: 3, column: 1), 8)
    // A column past the end of a line stops at its line ending, not in the next line.
    XCTAssertEqual(source.offset(line: 1, column: 40), 3)
    XCTAssertEqual(source.offset(line: 2, column: 9), 7)
    XCTAssertEqual(source.offset(line: 1, column: 0), 0)
    XCTAssertEqual(source.offset(line: 0, column: 5), 0)
    XCTAssertEqual(source.offset(line: 9, column: 1), 9)
  }

  func testRoundTrips() {
    let text = "Perché\r\n\tè 😀 ok\rmixed\n\n中文 e\u{301}\r\n"
    let source = SourceFile(path: "a.md", text: text)
    let scalars = Array(text.unicodeScalars)
    for offset in 0...scalars.count {
      // The LF of a CRLF belongs to the line ending that starts at the CR.
      if offset > 0, offset < scalars.count, scalars[offset] == "\n", scalars[offset - 1] == "\r" {
        continue
      }
      let position = source.position(ofOffset: offset)
      XCTAssertEqual(
        source.offset(line: position.line, column: position.column), offset, "offset \(offset)")
    }
    for line in 1...source.lineCount {
      let length = source.lineRange(line).count
      for column in 1...(length + 1) {
        let offset = source.offset(line: line, column: column)
        XCTAssertEqual(
          source.position(ofOffset: offset), SourcePosition(line: line, column: column))
        if column <= length {
          XCTAssertEqual(scalars[offset], Array(source.lineText(line).unicodeScalars)[column - 1])
        }
      }
    }
  }

  func testPositionsOrderAndDescription() {
    XCTAssertLessThan(SourcePosition(line: 1, column: 9), SourcePosition(line: 2, column: 1))
    XCTAssertLessThan(SourcePosition(line: 2, column: 1), SourcePosition(line: 2, column: 2))
    XCTAssertEqual(SourcePosition(line: 3, column: 7).description, "3:7")
  }

  func testInitFromScalarsKeepsEncoding() {
    let source = SourceFile(
      path: "p.html", scalars: Array("x\ny".unicodeScalars), encoding: .windows1252, hadBOM: false)
    XCTAssertEqual(source.encoding, .windows1252)
    XCTAssertEqual(source.lineStarts, [0, 2])
  }
}
