import NoteLint
import NoteLintText
import XCTest

/// Runs every rule's own examples: each `↓` marker must be reported by that rule at that exact
/// line and column, and non-triggering examples must produce nothing from that rule.
final class RuleExamplesTests: XCTestCase {
  private func findings(for example: RuleExample, rule: any Rule.Type) -> [Finding] {
    let today = example.today.flatMap(CivilDate.parseISO) ?? CivilDate(year: 2026, month: 11, day: 23)!
    let linter = Linter(options: LintOptions(language: example.language, today: today))
    let path = example.format == .html ? "example.html" : "example.md"
    let source = SourceFile(path: path, text: example.cleanText)
    let document = Linter.parse(source, format: example.format)
    return linter.lint(document).findings.filter { $0.rule == rule.description.id }
  }

  func testEveryRuleHasExamplesInBothLanguages() {
    for rule in RuleRegistry.all {
      let description = rule.description
      XCTAssertFalse(description.triggering.isEmpty, "\(description.id) has no triggering example")
      XCTAssertFalse(description.nonTriggering.isEmpty, "\(description.id) has no non-triggering example")
      XCTAssertEqual(Set(description.triggering.map(\.language)), Set(Language.allCases), description.id)
      XCTAssertEqual(Set(description.nonTriggering.map(\.language)), Set(Language.allCases), description.id)
    }
  }

  func testRuleIdsAreUnique() {
    let ids = RuleRegistry.all.map { $0.description.id }
    XCTAssertEqual(ids.count, Set(ids).count)
  }

  func testTriggeringExamplesReportAtTheMarkers() {
    for rule in RuleRegistry.all {
      for example in rule.description.triggering {
        let expected = example.markedPositions
        XCTAssertFalse(expected.isEmpty, "\(rule.description.id): triggering example without ↓ marker")
        let found = findings(for: example, rule: rule).map { SourcePosition(line: $0.line, column: $0.column) }
        XCTAssertEqual(found, expected, "\(rule.description.id) on:\n\(example.text)")
      }
    }
  }

  func testNonTriggeringExamplesReportNothing() {
    for rule in RuleRegistry.all {
      for example in rule.description.nonTriggering {
        let found = findings(for: example, rule: rule)
        XCTAssertEqual(found.map(\.message), [], "\(rule.description.id) on:\n\(example.text)")
      }
    }
  }

  func testMessagesComeInTheLanguageOfTheNote() {
    for rule in RuleRegistry.all {
      for example in rule.description.triggering {
        var other = example
        other.language = example.language == .italian ? .english : .italian
        let native = findings(for: example, rule: rule)
        let foreign = findings(for: other, rule: rule)
        guard let first = native.first, let second = foreign.first else { continue }
        XCTAssertNotEqual(first.message, second.message, "\(rule.description.id) is not localized")
        let analysis = TextAnalysis(
          text: MappedText(first.message, at: SourcePosition(line: 1, column: 1)),
          tokenizer: LanguageResources.sharedTokenizer)
        XCTAssertEqual(
          LanguageDetector.detect([analysis]), example.language, "\(rule.description.id): \(first.message)")
      }
    }
  }
}
