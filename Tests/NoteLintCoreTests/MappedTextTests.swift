import XCTest

@testable import NoteLintCore

final class MappedTextTests: XCTestCase {
  func testRunsOnOneLineShareOneAnchor() {
    var text = MappedText()
    text.append(contentsOf: ArraySlice("hello".unicodeScalars), at: SourcePosition(line: 3, column: 5))
    text.append(" ", line: 3, column: 10)
    text.append(contentsOf: ArraySlice("world".unicodeScalars), at: SourcePosition(line: 4, column: 2))
    XCTAssertEqual(text.string, "hello world")
    XCTAssertEqual(text.anchors.count, 2)
    XCTAssertEqual(text.position(at: 0), SourcePosition(line: 3, column: 5))
    XCTAssertEqual(text.position(at: 4), SourcePosition(line: 3, column: 9))
    XCTAssertEqual(text.position(at: 5), SourcePosition(line: 3, column: 10))
    XCTAssertEqual(text.position(at: 6), SourcePosition(line: 4, column: 2))
    XCTAssertEqual(text.position(at: 10), SourcePosition(line: 4, column: 6))
    // The end position is just after the last scalar.
    XCTAssertEqual(text.position(at: 11), SourcePosition(line: 4, column: 7))
  }

  func testGapsOnOneLineMakeNewAnchors() {
    var text = MappedText()
    text.append("a", line: 1, column: 1)
    text.append("b", line: 1, column: 5)
    text.append("c", line: 1, column: 6)
    XCTAssertEqual(text.anchors.count, 2)
    XCTAssertEqual(
      (0..<3).map(text.position(at:)),
      [.init(line: 1, column: 1), .init(line: 1, column: 5), .init(line: 1, column: 6)])
  }

  func testInitFromStringFollowsNewlines() {
    let text = MappedText("ab\ncd", at: SourcePosition(line: 2, column: 3))
    XCTAssertEqual(text.position(at: 1), SourcePosition(line: 2, column: 4))
    XCTAssertEqual(text.position(at: 2), SourcePosition(line: 2, column: 5))
    XCTAssertEqual(text.position(at: 3), SourcePosition(line: 3, column: 1))
    XCTAssertEqual(text.position(at: 4), SourcePosition(line: 3, column: 2))
  }

  func testEmptyText() {
    let text = MappedText()
    XCTAssertTrue(text.isEmpty)
    XCTAssertEqual(text.position(at: 0), SourcePosition(line: 1, column: 1))
    XCTAssertEqual(text.string, "")
  }

  func testTrimTrailingWhitespaceAndRemoveLast() {
    var text = MappedText()
    text.append(contentsOf: ArraySlice("done".unicodeScalars), at: SourcePosition(line: 1, column: 1))
    text.append(" ", line: 1, column: 9)
    text.append("\n", line: 1, column: 10)
    text.trimTrailingWhitespace()
    XCTAssertEqual(text.string, "done")
    XCTAssertEqual(text.anchors.count, 1)
    XCTAssertEqual(text.position(at: 4), SourcePosition(line: 1, column: 5))
    text.append(contentsOf: ArraySlice("xyz".unicodeScalars), at: SourcePosition(line: 2, column: 1))
    text.removeLast(3)
    XCTAssertEqual(text.string, "done")
    XCTAssertEqual(text.anchors.count, 1)
    text.append(MappedText.placeholder, line: 7, column: 7)
    XCTAssertEqual(text.position(at: 4), SourcePosition(line: 7, column: 7))
    text.removeLast(99)
    XCTAssertTrue(text.isEmpty)
    XCTAssertTrue(text.anchors.isEmpty)
    var blank = MappedText(" \n ", at: SourcePosition(line: 1, column: 1))
    blank.trimTrailingWhitespace()
    XCTAssertTrue(blank.isEmpty)
  }

  func testSubstring() {
    let text = MappedText("è 😀 x", at: SourcePosition(line: 1, column: 1))
    XCTAssertEqual(text.string(2..<3), "😀")
    XCTAssertEqual(text.string(3..<99), " x")
    XCTAssertEqual(text.count, 5)
  }
}
