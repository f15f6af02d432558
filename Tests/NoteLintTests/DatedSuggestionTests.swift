import Foundation
import NoteLint
import XCTest

/// Suggestions give an example date a week after `--today`, written as the note's language writes
/// dates, never a fixed date that has already passed.
final class DatedSuggestionTests: XCTestCase {
  private func suggestions(_ text: String, path: String, today: CivilDate) -> [String] {
    let linter = Linter(options: LintOptions(today: today))
    return linter.lint(bytes: Array(text.utf8), path: path).findings.compactMap(\.suggestion)
  }

  func testTheExampleDateFollowsToday() {
    let english = suggestions(
      "- [ ] Send the report soon\n", path: "en.md", today: CivilDate(year: 2026, month: 12, day: 7)!)
    XCTAssertTrue(english.contains { $0.contains("by 2026-12-14") }, "\(english)")
    let later = suggestions(
      "- [ ] Send the report soon\n", path: "en.md", today: CivilDate(year: 2027, month: 3, day: 30)!)
    XCTAssertTrue(later.contains { $0.contains("by 2027-04-06") }, "\(later)")
    let italian = suggestions(
      "- [ ] Inviare il report a breve\n", path: "it.md", today: CivilDate(year: 2026, month: 12, day: 7)!)
    XCTAssertTrue(italian.contains { $0.contains("entro il 14/12/2026") }, "\(italian)")
    for text in english + later + italian { XCTAssertFalse(text.contains("{date}"), text) }
  }
}
