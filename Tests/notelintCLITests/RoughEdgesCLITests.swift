import Foundation
import XCTest

/// The rough edges a new user hits, each reproduced first: an include that matches nothing, a typo'd
/// command, GitLab Code Quality, a capped report for pull-request comments, JUnit's info findings,
/// colour control, the hook's file pattern.
final class RoughEdgesCLITests: XCTestCase {
  private var cli: CLIRunner!
  private let today = ["--today", "2026-11-23"]
  private let vague =
    "# Status\n\nWe will improve the conversion soon.\nSomebody should update the roadmap at some point.\n"

  override func setUpWithError() throws { cli = try CLIRunner("edges") }
  override func tearDownWithError() throws { cli.remove() }

  func testAnIncludeThatMatchesNothingIsAnErrorNotACleanRun() throws {
    try cli.write("notes/a.md", vague)
    try cli.write(".notelint.yml", "include: [\"doc/**\"]\n")
    let nothing = try cli.notelint(["lint"] + today + ["."])
    XCTAssertEqual(nothing.code, 2, nothing.out)
    XCTAssertTrue(
      nothing.err.contains(".notelint.yml: include 'doc/**' lets none of the files named through: nothing was linted"),
      nothing.err)
    // One glob that matches while another does not: linted, with a notice naming the dead glob.
    try cli.write(".notelint.yml", "include: [\"doc/**\", \"notes/**\"]\n")
    let partial = try cli.notelint(["lint", "-q"] + today + ["."])
    XCTAssertEqual(partial.code, 1)
    XCTAssertTrue(partial.err.contains("notice: .notelint.yml: include 'doc/**' matches no note"), partial.err)
    // A scan of one subfolder says nothing about globs for the rest of the project.
    XCTAssertFalse(try cli.notelint(["lint", "-q"] + today + ["notes"]).err.contains("notice"))
  }

  func testOverdueSaysOneDayInBothLanguages() throws {
    try cli.write(
      "notes/en.md", "# Sync\n\n- [ ] Marco to send the deck by 2026-11-22\n- [ ] Anna to fix CI by 2026-11-20\n")
    try cli.write("notes/it.md", "# Riunione\n\n- [ ] Marco invia il report entro il 22/11/2026\n")
    let result = try cli.notelint(["lint"] + today + ["notes"])
    XCTAssertTrue(result.out.contains("Overdue since 2026-11-22 (1 day):"), result.out)
    XCTAssertTrue(result.out.contains("Overdue since 2026-11-20 (3 days):"), result.out)
    XCTAssertTrue(result.out.contains("Scaduta dal 2026-11-22 (1 giorno):"), result.out)
  }

  func testATypoedCommandIsNotLintedAsAPath() throws {
    try cli.write("notes/a.md", vague)
    let typo = try cli.notelint(["chekpoint", "technical", "notes"])
    XCTAssertEqual(typo.code, 2)
    XCTAssertTrue(
      typo.err.contains("'chekpoint' is neither a command nor a file or folder (did you mean 'notelint checkpoint'?)"),
      typo.err)
    let unknown = try cli.notelint(["frobnicate"])
    XCTAssertEqual(unknown.code, 2)
    XCTAssertTrue(unknown.err.contains("commands: lint, checkpoint"), unknown.err)
    // Paths still work without `lint`: a folder named like a word, a missing file named like a file.
    try cli.write("minutes/b.md", vague)
    XCTAssertEqual(try cli.notelint(["minutes", "-q"] + today).code, 1)
    XCTAssertEqual(try cli.notelint(["missing.md", "-q"]).code, 3)
  }

  private func issues(_ json: String) throws -> [[String: Any]] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [[String: Any]], json)
  }

  func testCodeQualityReportForGitLab() throws {
    try cli.git("init", "-q")
    try cli.write("notes/a.md", vague)
    try cli.write("notes/broken.md", "# Bad\n")
    try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: cli.url("notes/broken.md").path)
    defer {
      try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: cli.url("notes/broken.md").path)
    }
    let result = try cli.notelint(["lint", "--format", "codequality"] + today + ["./notes"])
    let found = try issues(result.out)
    let unreadable = getuid() != 0  // root reads a file whatever its mode
    XCTAssertEqual(result.code, unreadable ? 3 : 1, result.err)
    XCTAssertGreaterThanOrEqual(found.count, 4)
    for issue in found {
      let location = try XCTUnwrap(issue["location"] as? [String: Any])
      let path = try XCTUnwrap(location["path"] as? String)
      XCTAssertTrue(path.hasPrefix("notes/"), path)
      XCTAssertNotNil((location["lines"] as? [String: Any])?["begin"] as? Int)
      XCTAssertTrue(["info", "minor", "major", "critical", "blocker"].contains(issue["severity"] as? String ?? ""))
      XCTAssertFalse((issue["description"] as? String ?? "").isEmpty)
      XCTAssertFalse((issue["check_name"] as? String ?? "").isEmpty)
    }
    let fingerprints = found.compactMap { $0["fingerprint"] as? String }
    XCTAssertEqual(Set(fingerprints).count, found.count, "fingerprints must be unique")
    if unreadable { XCTAssertTrue(found.contains { $0["check_name"] as? String == "unreadable" }) }

    // The same issues from a subfolder, and after a line is inserted above them.
    let fromSub = try issues(
      try cli.notelint(["lint", "--format", "codequality"] + today + ["a.md", "broken.md"], in: "notes").out)
    XCTAssertEqual(Set(fromSub.compactMap { $0["fingerprint"] as? String }), Set(fingerprints))
    try cli.write("notes/a.md", "# Status\n\nContext first.\n\n" + vague.dropFirst("# Status\n\n".count))
    let moved = try issues(try cli.notelint(["lint", "--format", "codequality"] + today + ["notes/a.md"]).out)
    XCTAssertTrue(
      Set(moved.compactMap { $0["fingerprint"] as? String }).isSubset(of: Set(fingerprints)),
      "an edit above a finding changed its fingerprint")
  }

  func testMaxFindingsCapsTheListNotTheCountsOrTheExitCode() throws {
    try cli.write("notes/a.md", vague)
    try cli.write("notes/b.md", vague)
    let full = try cli.notelint(["lint", "--format", "json"] + today + ["notes"])
    let total = (try JSONSerialization.jsonObject(with: Data(full.out.utf8)) as? [String: Any])?["findings"] as? [Any]
    let count = try XCTUnwrap(total?.count)
    XCTAssertGreaterThan(count, 4)
    let capped = try cli.notelint(["lint", "--format", "json", "--max-findings", "3"] + today + ["notes"])
    let listed =
      (try JSONSerialization.jsonObject(with: Data(capped.out.utf8)) as? [String: Any])?["findings"] as? [Any]
    XCTAssertEqual(listed?.count, 3)
    XCTAssertEqual(capped.code, 1)

    let summary = try cli.notelint(["lint", "--format", "markdown", "--max-findings", "0"] + today + ["notes"])
    XCTAssertEqual(summary.code, 1)
    XCTAssertFalse(summary.out.contains("| Line |"), summary.out)
    XCTAssertTrue(summary.out.contains("… and \(count) more findings not listed (--max-findings 0)."), summary.out)
    XCTAssertTrue(summary.out.contains("| Category |"), summary.out)
    let some = try cli.notelint(["lint", "--format", "markdown", "--max-findings", "2"] + today + ["notes"])
    XCTAssertEqual(
      some.out.components(separatedBy: "\n| ").filter { $0.hasPrefix("3:") || $0.hasPrefix("4:") }.count, 2)
    XCTAssertTrue(some.out.contains("… and \(count - 2) more findings"), some.out)
    // Text: the list is capped, the closing summary counts everything.
    let text = try cli.notelint(["lint", "--max-findings", "1"] + today + ["notes"])
    XCTAssertEqual(text.out.split(separator: "\n").count, 1)
    XCTAssertTrue(text.err.contains("\(count) findings"), text.err)
    XCTAssertEqual(try cli.notelint(["lint", "--max-findings", "-1", "notes"]).code, 2)
  }

  func testJUnitInfoFindingsAreNotFailures() throws {
    try cli.write("notes/a.md", vague)
    try cli.write(
      ".notelint.yml",
      "rules:\n  vague-phrasing: info\n  missing-owner: info\n  missing-deadline: info\n  governance: info\n")
    let result = try cli.notelint(["lint", "--format", "junit"] + today + ["notes"])
    XCTAssertEqual(result.code, 0, result.out)
    XCTAssertTrue(result.out.contains("failures=\"0\""), result.out)
    XCTAssertFalse(result.out.contains("<failure"), result.out)
    XCTAssertTrue(result.out.contains("<system-out>notes/a.md:3:1: info: "), result.out)
    // With --fail-on info they fail, as the exit code does.
    let strict = try cli.notelint(["lint", "--format", "junit", "--fail-on", "info"] + today + ["notes"])
    XCTAssertEqual(strict.code, 1)
    XCTAssertTrue(strict.out.contains("failures=\"1\"") && strict.out.contains("<failure type=\"info\""), strict.out)
  }

  func testColourIsControlledByTheFlagAndTheEnvironment() throws {
    try cli.write("a.md", vague)
    let escape = "\u{1B}["
    func coloured(_ arguments: [String], _ environment: [String: String] = [:]) throws -> Bool {
      try cli.notelint(["lint"] + arguments + ["a.md"], environment: environment).out.contains(escape)
    }
    XCTAssertFalse(try coloured([]))  // not a terminal
    XCTAssertTrue(try coloured(["--color", "always"]))
    XCTAssertTrue(try coloured([], ["FORCE_COLOR": "1"]))
    XCTAssertFalse(try coloured([], ["FORCE_COLOR": "0"]))
    XCTAssertFalse(try coloured([], ["FORCE_COLOR": "1", "NO_COLOR": "1"]))
    XCTAssertFalse(try coloured(["--color", "never"], ["FORCE_COLOR": "1"]))
    XCTAssertTrue(try coloured(["--color", "always"], ["NO_COLOR": "1", "TERM": "dumb"]))
    XCTAssertEqual(try cli.notelint(["lint", "--color", "sometimes", "a.md"]).code, 2)
  }

  func testThePreCommitHookMatchesNotesWhateverTheCase() throws {
    let hooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".pre-commit-hooks.yaml")
    let text = try String(contentsOf: hooks, encoding: .utf8)
    let patterns = text.split(separator: "\n").filter { $0.hasPrefix("  files: ") }.map { $0.dropFirst(9) }
    XCTAssertEqual(patterns.count, 2)
    for pattern in patterns {
      let regex = try NSRegularExpression(pattern: String(pattern))
      func matches(_ name: String) -> Bool {
        regex.firstMatch(in: name, range: NSRange(name.startIndex..., in: name)) != nil
      }
      XCTAssertTrue(matches("notes/Minutes.MD") && matches("a.Htm") && matches("b.markdown"), String(pattern))
      XCTAssertFalse(matches("notes.txt") || matches("md"), String(pattern))
    }
  }

  func testNotelintDoesNotLintItsOwnReports() throws {
    try cli.write("notes/a.md", vague)
    XCTAssertEqual(
      try cli.notelint(["lint", "--format", "html", "--output", "notes/report.html"] + today + ["notes"]).code, 1)
    XCTAssertEqual(
      try cli.notelint(
        ["checkpoint", "technical", "--format", "html", "--output", "notes/gate.html"] + today + ["notes"]
      )
      .code, 0)
    let again = try cli.notelint(["lint", "--format", "json"] + today + ["notes"])
    let files =
      (try JSONSerialization.jsonObject(with: Data(again.out.utf8)) as? [String: Any])?["files"] as? [[String: Any]]
    XCTAssertEqual(files?.compactMap { $0["path"] as? String }, ["notes/a.md"], again.out)
    // The checkpoint page says what it is and allows nothing external.
    let page = try cli.read("notes/gate.html")
    XCTAssertTrue(page.contains("<meta name=\"generator\" content=\"notelint "), page)
    XCTAssertTrue(page.contains("Content-Security-Policy"), page)
    // An HTML note that merely mentions notelint is still a note.
    try cli.write("notes/b.html", "<html><body><p>We ran notelint soon after the sync, somehow.</p></body></html>")
    XCTAssertTrue(try cli.notelint(["lint"] + today + ["notes/b.html"]).out.contains("notes/b.html:"))
  }

  func testAFileKeyInOverridesSuggestsFiles() throws {
    try cli.write(".notelint.yml", "overrides:\n  - file: [\"minutes/**\"]\n    language: en\n")
    try cli.write("a.md", vague)
    let result = try cli.notelint(["lint", "a.md"])
    XCTAssertEqual(result.code, 2)
    XCTAssertTrue(result.err.contains(".notelint.yml:2: unknown key 'file' (did you mean 'files'?)"), result.err)
  }

  func testForceExcludeAppliesToTheStandardInputsName() throws {
    try cli.write(".notelint.yml", "exclude: [\"drafts/**\"]\n")
    let skipped = try cli.notelint(
      ["lint", "--force-exclude", "--stdin-filename", "drafts/x.md", "-"], environment: [:], stdin: vague)
    XCTAssertEqual(skipped.code, 0, skipped.err)
    XCTAssertEqual(skipped.out, "")
    let linted = try cli.notelint(["lint", "--force-exclude", "--stdin-filename", "notes/x.md", "-"], stdin: vague)
    XCTAssertEqual(linted.code, 1, linted.err)
    XCTAssertTrue(linted.out.contains("notes/x.md:3:1:"), linted.out)
  }
}
