import Foundation
import NoteLint
import XCTest

/// The one report every reporter is tested on: real notes, linted by the real engine, with the
/// characters each format must escape (quotes, `<`, `&`, `%`, `,`, `:`, `|`, backticks, accents).
enum ReporterFixture {
  static let today = "2026-11-23"

  static let english = """
    # Weekly status — "churn" & <retention>

    The churn model will be retrained soon, 100% sure: the data team | pipes, `ticks` & all.
    Accuracy is fine on the holdout set.

    - [ ] The team will send the export
    """

  static let italian = """
    # Verbale — riunione dell'8 ottobre

    Il modello sarà pronto a breve, con alcune colonne in più.

    - [ ] Il team preparerà i dati di training
    """

  static let clean = "# Decisions\n\nMarco sends the scoring file by 2026-12-04.\n"

  /// Lints the notes under display paths with spaces, commas and colons (as given on a command line).
  static func report() throws -> LintReport {
    let linter = Linter(options: LintOptions(today: CivilDate.parseISO(today)!))
    let outcomes = [
      linter.lint(bytes: Array(english.utf8), path: "notes/weekly status, v2.md"),
      linter.lint(bytes: Array(italian.utf8), path: "note/verbale: ottobre.md"),
      linter.lint(bytes: Array(clean.utf8), path: "notes/decisions.md"),
      linter.lint(bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00], path: "notes/image.md"),
    ]
    let report = Linter.report(outcomes, today: CivilDate.parseISO(today)!)
    XCTAssertFalse(report.findings.isEmpty)
    XCTAssertEqual(report.errors.count, 1)
    return report
  }
}
