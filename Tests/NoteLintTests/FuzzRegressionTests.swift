import Foundation
import NoteLint
import XCTest

/// The inputs the fuzz targets of `.fuzz/` crashed on, and small inputs from their corpora that reach
/// unusual paths (`FuzzRegressions/`, `.md` read as Markdown, `.html` as HTML). Each one goes through
/// the whole lint and the JSON report; every block and every finding must point into the file.
final class FuzzRegressionTests: XCTestCase {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("FuzzRegressions")

  private func inputs() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.sorted()
  }

  func testEveryInputLintsAndPointsIntoTheFile() throws {
    let names = try inputs()
    XCTAssertGreaterThanOrEqual(names.count, 5, "the folder holds the regression inputs")
    let linter = Linter(options: LintOptions(today: testToday, jobs: 1))
    for name in names {
      let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent(name)))
      let isHTML = name.hasSuffix(".html")
      let outcome = linter.lint(bytes: bytes, path: name)
      let report = Linter.report([outcome], today: testToday)
      let json = JSONReporter().render(report)
      XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(json.utf8)), name)
      let source: SourceFile
      switch TextDecoder.decode(bytes, path: name, isHTML: isHTML) {
      case .success(let decoded):
        source = decoded
        XCTAssertNil(outcome.error, name)
        XCTAssertEqual(report.files.map(\.path), [name])
      case .failure:
        XCTAssertNotNil(outcome.error, "\(name): an input that does not decode is reported as an error")
        XCTAssertEqual(report.findings, [], name)
        // The parsers still get it, decoded leniently, as the fuzz targets give it to them.
        source = SourceFile(path: name, text: String(decoding: bytes, as: UTF8.self))
      }
      let document = Linter.parse(source, format: isHTML ? .html : .markdown)
      for block in document.blocks {
        assertInside(block.start.line, block.start.column, source, "\(name): block")
        XCTAssertTrue(
          block.endLine >= block.start.line && block.endLine <= source.lineCount,
          "\(name): block from \(block.start) ends on line \(block.endLine)")
        for link in block.links {
          XCTAssertTrue((0...block.text.count).contains(link.range.upperBound), "\(name): link \(link.range)")
        }
        for anchor in block.text.anchors {
          assertInside(Int(anchor.line), Int(anchor.column), source, "\(name): text of a block")
        }
      }
      for finding in outcome.findings {
        let label = "\(name): \(finding.rule) at \(finding.line):\(finding.column)"
        assertInside(finding.line, finding.column, source, label)
        assertInside(finding.endLine, finding.endColumn, source, label + " (end)")
        XCTAssertTrue((finding.line, finding.column) <= (finding.endLine, finding.endColumn), label)
        XCTAssertFalse(finding.message.isEmpty, label)
      }
    }
  }

  /// A position on an existing line, no further than just past its last scalar.
  private func assertInside(
    _ line: Int, _ column: Int, _ source: SourceFile, _ label: String, file: StaticString = #filePath,
    lineNumber: UInt = #line
  ) {
    let inside =
      line >= 1 && line <= source.lineCount && column >= 1 && column <= source.lineRange(line).count + 1
    XCTAssertTrue(
      inside, "\(label): \(line):\(column) is outside the file (\(source.lineCount) lines)", file: file,
      line: lineNumber)
  }
}
