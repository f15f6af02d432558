import Foundation
import NoteLint
import XCTest

@testable import NoteLintServers

final class TextDocumentTests: XCTestCase {
  func testScalarColumnsBecomeUTF16Characters() {
    // 🚀 is one scalar and two UTF-16 units; è is one of each.
    let document = TextDocument("# Titolo\r\n🚀 è fatto\rultima\n")
    XCTAssertEqual(document.lineCount, 4)
    XCTAssertEqual(document.position(line: 2, column: 1), LSPPosition(line: 1, character: 0))
    XCTAssertEqual(document.position(line: 2, column: 2), LSPPosition(line: 1, character: 2))
    XCTAssertEqual(document.position(line: 2, column: 4), LSPPosition(line: 1, character: 4))
    // Past the end of the line: its end, before the line break.
    XCTAssertEqual(document.position(line: 2, column: 99), LSPPosition(line: 1, character: 10))
    XCTAssertEqual(document.position(line: 3, column: 3), LSPPosition(line: 2, character: 2))
  }

  func testIncrementalEditsUseUTF16Ranges() {
    var document = TextDocument("🚀 presto\nfine\n")
    // Replace "presto" (UTF-16 3..<9 on line 0) with "entro venerdì".
    document.apply(
      range: LSPRange(start: LSPPosition(line: 0, character: 3), end: LSPPosition(line: 0, character: 9)),
      text: "entro venerdì")
    XCTAssertEqual(document.text, "🚀 entro venerdì\nfine\n")
    // Insert a line across the break, and past the end of a line (clamped to it).
    document.apply(
      range: LSPRange(start: LSPPosition(line: 0, character: 50), end: LSPPosition(line: 1, character: 0)),
      text: "\nnuova\n")
    XCTAssertEqual(document.text, "🚀 entro venerdì\nnuova\nfine\n")
    // A position inside the surrogate pair moves to its start: the emoji is replaced whole.
    document.apply(
      range: LSPRange(start: LSPPosition(line: 0, character: 1), end: LSPPosition(line: 0, character: 2)), text: "X")
    XCTAssertEqual(document.text, "X entro venerdì\nnuova\nfine\n")
    XCTAssertEqual(document.lineCount, 4)
  }

  func testFindingsOfANonASCIINoteMapToTheirWords() throws {
    let text = "# Nota 🚀\n\n🚀🚀 Il team forse sistemerà i dati presto.\n"
    let linter = Linter(options: LintOptions(today: CivilDate.parseISO("2026-12-07")!))
    let outcome = linter.lint(bytes: Array(text.utf8), path: "nota.md")
    let document = TextDocument(text)
    let line = text.split(separator: "\n", omittingEmptySubsequences: false)[2]
    XCTAssertFalse(outcome.findings.isEmpty)
    for finding in outcome.findings {
      let range = LanguageServer.range(of: finding, in: document)
      // The UTF-16 range cuts out exactly the scalars the finding names.
      let scalars = Array(line.unicodeScalars)
      let expected = String(String.UnicodeScalarView(scalars[(finding.column - 1)..<(finding.endColumn - 1)]))
      let utf16 = Array(line.utf16)
      let cut = String(decoding: utf16[range.start.character..<range.end.character], as: UTF16.self)
      XCTAssertEqual(range.start.line, 2)
      XCTAssertEqual(cut, expected, finding.rule)
    }
  }
}
