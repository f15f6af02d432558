import NoteLint
import XCTest

/// Suppression comments in Markdown and HTML, applied as one mask after the rules run.
final class SuppressionTests: XCTestCase {
  private let linter = Linter(options: LintOptions(today: testToday))

  private func lint(_ text: String, path: String = "note.md") -> [Finding] {
    let format: DocumentFormat = path.hasSuffix(".html") ? .html : .markdown
    return linter.lint(Linter.parse(SourceFile(path: path, text: text), format: format)).findings
  }

  private func summary(_ findings: [Finding]) -> [String] {
    findings.map { "\($0.line):\($0.rule)" }
  }

  func testEachKindInMarkdown() {
    let findings = lint(
      """
      # Status

      <!-- notelint-disable-next-line vague-time -->
      We ship in the coming weeks.
      We ship in the coming weeks.

      <!-- notelint-disable vague-phrasing -->
      Results arrive in the coming weeks, with some gains.
      <!-- notelint-enable vague-phrasing -->

      Results arrive in the coming weeks.
      """)
    XCTAssertEqual(summary(findings), ["5:vague-time", "11:vague-time"])
  }

  func testEachKindInHTML() {
    let findings = lint(
      """
      <html><body>
      <h1>Status</h1>
      <!-- notelint-disable-file vague-time -->
      <p>We ship in the coming weeks.</p>
      <!-- notelint-disable-next-line -->
      <p>Results arrive with some gains.</p>
      <p>Results arrive with some gains.</p>
      </body></html>
      """, path: "status.html")
    XCTAssertEqual(summary(findings), ["7:vague-quantity"])
  }

  func testEnableOfOneRuleInsideADisableAll() {
    let findings = lint(
      """
      # Status

      <!-- notelint-disable -->
      We ship in the coming weeks, with some gains.
      <!-- notelint-enable vague-quantity -->
      We ship in the coming weeks, with some gains.
      <!-- notelint-enable -->
      We ship in the coming weeks.
      """)
    XCTAssertEqual(summary(findings), ["6:vague-quantity", "8:vague-time"])
  }

  func testUnusedUnknownAndMalformedSuppressionsAreReported() {
    let findings = lint(
      """
      # Status

      <!-- notelint-disable-next-line missing-owner, vague-tim -->
      The model ships on 2026-12-04.

      <!-- notelint-disable-file -->
      <!-- notelint-disable-line -->
      """)
    // The mask never hides its own reports: a disable-file of every rule does not silence them.
    XCTAssertEqual(
      summary(findings),
      ["3:unused-suppression", "3:unused-suppression", "6:unused-suppression", "7:unused-suppression"])
    XCTAssertTrue(findings.allSatisfy { $0.severity == .info && $0.category == .governance })
    XCTAssertTrue(findings.contains { $0.message.contains("“missing-owner”") }, "\(findings.map(\.message))")
    XCTAssertTrue(findings.contains { $0.message.contains("did you mean “vague-time”") })
    XCTAssertTrue(findings.contains { $0.message.contains("“notelint-disable-line” is not a notelint directive") })
    XCTAssertEqual(findings[0].excerpt, "<!-- notelint-disable-next-line missing-owner, vague-tim -->")
  }

  func testUnusedSuppressionMessagesFollowTheNoteLanguage() {
    let findings = lint("# Stato\n\n<!-- notelint-disable-next-line vague-time -->\nIl modello esce il 04/12/2026.\n")
    XCTAssertEqual(
      findings.map(\.message), ["«vague-time» in questo commento notelint-disable-next-line non sopprime nulla."])
  }

  func testEngineRuleExamples() {
    for example in EngineRules.unusedSuppression.triggering {
      let found = lint(example.cleanText).filter { $0.rule == "unused-suppression" }
      XCTAssertEqual(found.map { SourcePosition(line: $0.line, column: $0.column) }, example.markedPositions)
    }
    for example in EngineRules.unusedSuppression.nonTriggering {
      XCTAssertEqual(lint(example.cleanText), [], example.text)
    }
  }

  /// SwiftLint's trick: every rule's own triggering examples, wrapped in a suppression by rule id and
  /// by category, report nothing from that rule and leave no unused suppression.
  func testEveryRuleCanBeSuppressedByIdAndByCategory() {
    for rule in RuleRegistry.all {
      let description = rule.description
      for example in description.triggering {
        let today = example.today.flatMap(CivilDate.parseISO) ?? testToday
        let exampleLinter = Linter(options: LintOptions(language: example.language, today: today))
        for name in [description.id, description.category.rawValue] {
          var placements = [example.cleanText + "\n\n<!-- notelint-disable-file \(name) -->\n"]
          if !example.cleanText.hasPrefix("---") {
            // Not above front matter, which must open the file.
            placements.append("<!-- notelint-disable-file \(name) -->\n" + example.cleanText)
          }
          for wrapped in placements {
            let path = example.format == .html ? "example.html" : "example.md"
            let findings = exampleLinter.lint(
              Linter.parse(SourceFile(path: path, text: wrapped), format: example.format)
            )
            .findings
            XCTAssertEqual(
              findings.filter { $0.rule == description.id || $0.rule == "unused-suppression" }.map(\.message), [],
              "\(description.id) suppressed by \(name) in:\n\(wrapped)")
          }
        }
      }
    }
  }

  func testSuppressionsDoNotChangeTheCorpusScore() {
    // The unused-suppression category is governance: not one of the line-level categories scored.
    XCTAssertFalse(Category.lineLevel.contains(EngineRules.unusedSuppression.category))
  }
}
