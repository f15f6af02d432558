import Foundation
import NoteLint
import XCTest

/// Scores notelint on the labelled `Corpus/` (corpus-format.md) and holds it to the quality bar.
final class CorpusTests: XCTestCase {
  static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus").path

  static let evaluation: CorpusEvaluation = {
    let linter = Linter(options: LintOptions(today: CivilDate(year: 2026, month: 11, day: 23)!))
    return CorpusEvaluator(linter: linter).evaluate(folder: corpus)
  }()

  func testCorpusIsLargeAndReadable() {
    let evaluation = Self.evaluation
    XCTAssertEqual(evaluation.errors, [])
    XCTAssertGreaterThanOrEqual(evaluation.cases, 20)
  }

  func testLineLevelCategoriesMeetTheBar() {
    let evaluation = Self.evaluation
    let report = CorpusEvaluator.render(evaluation)
    for category in Category.lineLevel {
      let score = evaluation.score(category)
      XCTAssertGreaterThanOrEqual(score.precision, 0.90, "\(category.rawValue) precision\n\(report)")
      XCTAssertGreaterThanOrEqual(score.recall, 0.85, "\(category.rawValue) recall\n\(report)")
    }
  }

  func testScoringCountsLinesPerCategory() {
    let labels = [
      CorpusLabel(file: "a.md", line: 3, category: .vaguePhrasing, rule: nil),
      CorpusLabel(file: "a.md", line: 5, category: .missingOwner, rule: nil),
    ]
    func finding(_ line: Int, _ category: NoteLintCore.Category) -> Finding {
      Finding(
        file: "a.md", start: SourcePosition(line: line, column: 1), end: SourcePosition(line: line, column: 2),
        category: category, rule: "r", severity: .warning, message: "m", suggestion: nil, checkpoints: [], excerpt: "")
    }
    let evaluation = CorpusEvaluator.score(
      cases: 1, labels: labels,
      findings: [finding(3, .vaguePhrasing), finding(3, .vaguePhrasing), finding(4, .vaguePhrasing)])
    XCTAssertEqual(evaluation.score(.vaguePhrasing).truePositives, 1)
    XCTAssertEqual(evaluation.score(.vaguePhrasing).falsePositives, 1)
    XCTAssertEqual(evaluation.score(.missingOwner).falseNegatives, 1)
    XCTAssertEqual(evaluation.overall.precision, 0.5)
  }
}
