import Foundation
import NoteLint
import XCTest

/// GitHub annotations and Markdown, on the shared fixture.
final class TextFormatReporterTests: XCTestCase {
  func testGitHubAnnotations() throws {
    let report = try ReporterFixture.report()
    let output = GitHubReporter().render(report)
    XCTAssertEqual(output, GitHubReporter().render(try ReporterFixture.report()))
    let lines = output.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    XCTAssertEqual(lines.count, report.findings.count + report.errors.count)
    XCTAssertEqual(
      lines.first,
      "::error file=notes/image.md,title=notelint%3A unreadable file::notes/image.md: \(report.errors[0].reason)")
    for (line, finding) in zip(lines.dropFirst(), report.findings) {
      let command = GitHubReporter.command(finding.severity)
      let file = finding.file.replacingOccurrences(of: ",", with: "%2C").replacingOccurrences(of: ":", with: "%3A")
      let expected =
        "::\(command) file=\(file),line=\(finding.line),col=\(finding.column),endLine=\(finding.endLine),"
        + "endColumn=\(finding.endColumn),title=\(GitHubReporter.property(GitHubReporter.title(finding)))::"
      XCTAssertTrue(line.hasPrefix(expected), "\(line)\nexpected prefix \(expected)")
      // Properties and message are split at the first "::"; the message has no raw line break.
      let message = line.components(separatedBy: "::").dropFirst(2).joined(separator: "::")
      XCTAssertEqual(message, GitHubReporter.data(finding.fullMessage))
    }
    XCTAssertTrue(output.contains("file=notes/weekly status%2C v2.md,"), output)
    XCTAssertTrue(output.contains("file=note/verbale%3A ottobre.md,"), output)
  }

  func testStreamedTextBytesEqualTheTextLines() throws {
    let report = try ReporterFixture.report()
    XCTAssertFalse(report.findings.isEmpty)
    var findings = report.findings
    // A control character in a path is escaped the same way on both paths.
    findings[0].file = "notes/odd\u{7}name.md"
    findings[findings.count - 1].line = 1_234_567
    let reporter = TextReporter(summary: false)
    var bytes: [UInt8] = []
    reporter.append(findings, to: &bytes)
    XCTAssertEqual(String(decoding: bytes, as: UTF8.self), findings.map(reporter.line).joined())
    XCTAssertTrue(String(decoding: bytes, as: UTF8.self).hasPrefix("notes/odd\\x07name.md:"))
    let colored = TextReporter(color: true, summary: false)
    var coloredBytes: [UInt8] = []
    colored.append(findings, to: &coloredBytes)
    XCTAssertEqual(String(decoding: coloredBytes, as: UTF8.self), findings.map(colored.line).joined())
  }

  func testGitHubEscaping() {
    XCTAssertEqual(GitHubReporter.data("100% sure\r\nnext"), "100%25 sure%0D%0Anext")
    XCTAssertEqual(GitHubReporter.property("a:b,c%\n"), "a%3Ab%2Cc%25%0A")
  }

  func testMarkdownTablesParseBackToTheFindings() throws {
    let report = try ReporterFixture.report()
    let output = MarkdownReporter().render(report)
    XCTAssertEqual(output, MarkdownReporter().render(try ReporterFixture.report()))
    // Read the report back with the same cmark-gfm parser notelint uses.
    let document = Linter.parse(SourceFile(path: "report.md", text: output), format: .markdown)
    let byFile = Dictionary(grouping: report.findings, by: \.file)
    let tables = document.tables.filter { table in
      table.header.first.map { document.blocks[$0].text.string } == "Line"
    }
    XCTAssertEqual(tables.count, byFile.count, "one table per file with findings")
    let files = report.allPaths.filter { byFile[$0] != nil }
    for (table, file) in zip(tables, files) {
      let findings = byFile[file] ?? []
      XCTAssertEqual(table.rows.count, findings.count + 1, file)
      for (row, finding) in zip(table.rows.dropFirst(), findings) {
        XCTAssertEqual(row.count, 4, "escaped pipes keep the columns")
        let cells = row.map { document.blocks[$0].text.string }
        XCTAssertEqual(cells[0], "\(finding.line):\(finding.column)")
        // The rule is a code span, which notelint's parser masks like any code.
        XCTAssertEqual(cells[2], String(MappedText.placeholder))
        XCTAssertEqual(cells[3], finding.fullMessage, "the message reads back exactly")
      }
    }
    for finding in report.findings {
      XCTAssertTrue(
        output.contains("| `\(finding.rule)` | \(Escape.markdownCell(finding.fullMessage)) |"), finding.rule)
    }
    XCTAssertTrue(output.contains("### `note/verbale: ottobre.md`"), output)
    XCTAssertTrue(output.contains("**Could not be read:**"), output)
    XCTAssertTrue(output.contains("1 file without findings."), output)
  }

  func testMarkdownCellEscaping() {
    XCTAssertEqual(Escape.markdownCell("a | b <i> & `c`\nd"), "a \\| b &lt;i&gt; &amp; \\`c\\`<br>d")
  }
}
