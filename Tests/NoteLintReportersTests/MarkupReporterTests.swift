import Foundation
import NoteLint
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Checkstyle, JUnit and HTML, on the shared fixture, read back with real XML and HTML parsers.
final class MarkupReporterTests: XCTestCase {
  private func xml(_ text: String) throws -> XMLDocument {
    try XMLDocument(data: Data(text.utf8), options: [])
  }

  private func attribute(_ element: XMLElement, _ name: String) -> String? {
    element.attribute(forName: name)?.stringValue
  }

  func testCheckstyle() throws {
    let report = try ReporterFixture.report()
    let output = CheckstyleReporter().render(report)
    XCTAssertEqual(output, CheckstyleReporter().render(try ReporterFixture.report()))
    let root = try XCTUnwrap(try xml(output).rootElement())
    XCTAssertEqual(root.name, "checkstyle")
    let files = root.elements(forName: "file")
    XCTAssertEqual(files.compactMap { attribute($0, "name") }, report.allPaths)
    let byFile = Dictionary(grouping: report.findings, by: \.file)
    for file in files {
      let path = try XCTUnwrap(attribute(file, "name"))
      let errors = file.elements(forName: "error")
      if path == "notes/image.md" {
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(attribute(errors[0], "source"), "notelint.unreadable")
        continue
      }
      let findings = byFile[path] ?? []
      XCTAssertEqual(errors.count, findings.count, path)
      for (error, finding) in zip(errors, findings) {
        XCTAssertEqual(attribute(error, "line"), String(finding.line))
        XCTAssertEqual(attribute(error, "column"), String(finding.column))
        XCTAssertEqual(attribute(error, "severity"), finding.severity.rawValue)
        XCTAssertEqual(attribute(error, "message"), finding.fullMessage, "escaped text reads back exactly")
        XCTAssertEqual(attribute(error, "source"), "notelint.\(finding.category.rawValue).\(finding.rule)")
      }
    }
  }

  func testJUnit() throws {
    let report = try ReporterFixture.report()
    let output = JUnitReporter().render(report)
    XCTAssertEqual(output, JUnitReporter().render(try ReporterFixture.report()))
    let root = try XCTUnwrap(try xml(output).rootElement())
    XCTAssertEqual(root.name, "testsuites")
    let suite = try XCTUnwrap(root.elements(forName: "testsuite").first)
    let cases = suite.elements(forName: "testcase")
    XCTAssertEqual(cases.compactMap { attribute($0, "name") }, report.allPaths, "one testcase per file")
    XCTAssertEqual(attribute(suite, "tests"), String(report.allPaths.count))
    let byFile = Dictionary(grouping: report.findings, by: \.file)
    XCTAssertEqual(attribute(suite, "failures"), String(byFile.count))
    XCTAssertEqual(attribute(suite, "errors"), "1")
    for testcase in cases {
      let path = try XCTUnwrap(attribute(testcase, "name"))
      let failures = testcase.elements(forName: "failure")
      let findings = byFile[path] ?? []
      XCTAssertEqual(failures.count, findings.count, "one failure per finding in \(path)")
      for (failure, finding) in zip(failures, findings) {
        XCTAssertEqual(attribute(failure, "type"), finding.severity.rawValue)
        XCTAssertEqual(
          attribute(failure, "message"), "\(finding.line):\(finding.column) \(finding.rule): \(finding.message)")
        XCTAssertTrue(failure.stringValue?.contains(finding.fullMessage) ?? false)
      }
      if path == "notes/image.md" {
        XCTAssertEqual(testcase.elements(forName: "error").count, 1)
      }
      if path == "notes/decisions.md" {
        XCTAssertEqual(testcase.childCount, 0, "a clean file is a passing testcase")
      }
    }
  }

  func testHTMLIsSelfContainedAndEscaped() throws {
    let report = try ReporterFixture.report()
    let output = HTMLReporter().render(report)
    XCTAssertEqual(output, HTMLReporter().render(try ReporterFixture.report()))
    XCTAssertTrue(output.hasPrefix("<!DOCTYPE html>"))
    for external in ["<script", "<link", "src=", "href=", "url(", "@import", "http://", "https://"] {
      XCTAssertFalse(output.contains(external), "no external asset: \(external)")
    }
    XCTAssertTrue(output.contains("Content-Security-Policy"))
    // Read the page back with the same libxml2 HTML parser notelint uses for notes.
    let document = Linter.parse(SourceFile(path: "report.html", text: output), format: .html)
    let texts = document.blocks.map { $0.text.string }
    for finding in report.findings {
      XCTAssertTrue(texts.contains { $0.contains(finding.message) }, "message reads back: \(finding.message)")
    }
    XCTAssertTrue(
      texts.contains { $0.contains("“The churn model will be retrained soon") }, texts.joined(separator: "\n"))
    XCTAssertTrue(output.contains("100% sure: the data team | pipes, … &amp; all."), "note text is escaped")
    XCTAssertFalse(output.contains("<retention>"))
    XCTAssertTrue(output.contains("<td lang=\"it\">"), "Italian messages are marked as Italian")
    XCTAssertTrue(output.contains("<li><code>notes/decisions.md</code></li>"))
  }

  func testXMLEscaping() {
    XCTAssertEqual(
      Escape.xml("a<b & \"c\" 'd'\u{1}\n", attribute: true), "a&lt;b &amp; &quot;c&quot; &apos;d&apos;\u{FFFD}&#10;")
    XCTAssertEqual(Escape.html("<p class='x'>"), "&lt;p class=&#39;x&#39;&gt;")
  }
}
