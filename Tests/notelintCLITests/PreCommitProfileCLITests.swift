import Foundation
import XCTest

/// A pre-commit run does not depend on the calendar: an open item that became overdue with time
/// never blocks a commit, unless the configuration or the command line asks for it.
final class PreCommitProfileCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws { cli = try CLIRunner("precommit") }
  override func tearDownWithError() throws { cli.remove() }

  /// An item with an owner and a deadline: nothing is wrong with it but the date.
  private let note = "# Sync\n\n- [ ] Marco to send the scoring file by 2026-11-10\n"

  private func rules(_ result: CLIRunner.Result) -> [String] {
    result.out.split(separator: "\n").compactMap { line in
      guard let open = line.lastIndex(of: "["), line.hasSuffix("]") else { return nil }
      return String(line[line.index(after: open)..<line.index(before: line.endIndex)])
    }
  }

  func testOverdueItemIsOffInStagedAndPreCommitRunsAndOnElsewhere() throws {
    try cli.git("init", "-q")
    try cli.write("notes/sync.md", note)
    try cli.git("add", "notes/sync.md")
    let today = ["--today", "2026-11-23"]

    let nightly = try cli.notelint(["lint"] + today + ["notes"])
    XCTAssertEqual(rules(nightly), ["overdue-item"], nightly.out)
    XCTAssertEqual(nightly.code, 1)

    let staged = try cli.notelint(["lint", "--staged"] + today)
    XCTAssertEqual(rules(staged), [], staged.out)
    XCTAssertEqual(staged.code, 0, staged.err)
    let named = try cli.notelint(["lint", "--pre-commit"] + today + ["notes/sync.md"])
    XCTAssertEqual(named.code, 0, named.out)

    // The command line wins both ways.
    XCTAssertEqual(rules(try cli.notelint(["lint", "--staged", "--calendar-rules"] + today)), ["overdue-item"])
    XCTAssertEqual(rules(try cli.notelint(["lint", "--no-calendar-rules"] + today + ["notes"])), [])

    // The configuration keeps them in pre-commit runs; an override can turn them off again.
    try cli.write(".notelint.yml", "pre-commit-calendar-rules: on\n")
    XCTAssertEqual(rules(try cli.notelint(["lint", "--staged"] + today)), ["overdue-item"])
    try cli.write(
      ".notelint.yml",
      "pre-commit-calendar-rules: on\noverrides:\n  - files: [\"notes/**\"]\n    pre-commit-calendar-rules: off\n")
    XCTAssertEqual(rules(try cli.notelint(["lint", "--staged"] + today)), [])
    // Checkpoints are not pre-commit runs.
    let gate = try cli.notelint(["checkpoint", "technical"] + today + ["notes"])
    XCTAssertTrue(gate.out.contains("overdue-item"), gate.out)
  }

  func testABadValueIsAConfigurationError() throws {
    try cli.write(".notelint.yml", "pre-commit-calendar-rules: sometimes\n")
    try cli.write("a.md", note)
    let result = try cli.notelint(["lint", "a.md"])
    XCTAssertEqual(result.code, 2, result.out)
    XCTAssertTrue(result.err.contains(".notelint.yml:1: 'pre-commit-calendar-rules' must be on or off"), result.err)
  }

  func testTheInstalledHookAndThePreCommitHooksFileUseTheProfile() throws {
    let hooks = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(".pre-commit-hooks.yaml")
    let text = try String(contentsOf: hooks, encoding: .utf8)
    let entries = text.split(separator: "\n").filter { $0.contains("entry:") }
    XCTAssertEqual(entries.count, 2)
    XCTAssertTrue(entries.allSatisfy { $0.contains("--pre-commit") }, "\(entries)")
  }
}
