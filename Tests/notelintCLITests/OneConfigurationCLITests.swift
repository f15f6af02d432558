import Foundation
import XCTest

/// Every command reads notes with the same configuration as `lint`: discovery, `--config`,
/// overrides, disabled rules, exclude; `config show` prints what a file gets; checkpoint writes
/// files, fails on a threshold and keeps quiet like lint.
final class OneConfigurationCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws { cli = try CLIRunner("oneconfig") }
  override func tearDownWithError() throws { cli.remove() }

  private let note = """
    # Sync

    - [ ] Marco to send the scoring file by 2026-11-10
    - [ ] Somebody should update the roadmap soon.

    """
  private let today = ["--today", "2026-11-23"]

  private func writeProject(config: String) throws {
    try cli.write("notes/a.md", note)
    try cli.write("archive/old.md", note)
    try cli.write(".notelint.yml", config)
  }

  /// The rule ids of a JSON report (lint's findings or checkpoint's alerts), with their file.
  private func rules(_ json: String, key: String) throws -> [String] {
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    if key == "findings" {
      let findings = try XCTUnwrap(object["findings"] as? [[String: Any]])
      return findings.map { "\($0["file"] ?? ""):\($0["rule"] ?? "")" }.sorted()
    }
    let documents = try XCTUnwrap(object["documents"] as? [[String: Any]])
    return documents.flatMap { document in
      ((document["alerts"] as? [[String: Any]]) ?? []).map { "\(document["path"] ?? ""):\($0["rule"] ?? "")" }
    }.sorted()
  }

  func testCheckpointUsesTheConfigurationLikeLint() throws {
    try writeProject(config: "exclude: [\"archive/**\"]\nrules:\n  overdue-item: off\n  vague-deadline: error\n")
    let gate = try cli.notelint(["checkpoint", "technical", "--format", "json", "--max-per-file", "0"] + today + ["."])
    let alerts = try rules(gate.out, key: "documents")
    XCTAssertEqual(alerts, ["./notes/a.md:diffuse-owner", "./notes/a.md:vague-deadline"], gate.out)
    // The severity from the configuration makes vague-deadline blocking: exit 1.
    XCTAssertEqual(gate.code, 1, gate.err)
    let lint = try cli.notelint(["lint", "--format", "json"] + today + ["."])
    XCTAssertEqual(try rules(lint.out, key: "findings"), alerts)

    // --config names another file for every note.
    try cli.write("ci/strict.yml", "rules:\n  missing-owner: off\n")
    let explicit = try cli.notelint(
      ["checkpoint", "technical", "--format", "json", "--config", "ci/strict.yml"] + today + ["notes"])
    XCTAssertEqual(try rules(explicit.out, key: "documents"), ["notes/a.md:overdue-item", "notes/a.md:vague-deadline"])
  }

  func testCheckpointOutputFailOnAndQuiet() throws {
    try writeProject(config: "rules:\n  overdue-item: off\n")
    let shown = try cli.notelint(["checkpoint", "technical", "--format", "html"] + today + ["notes"])
    XCTAssertEqual(shown.code, 0, shown.err)  // warnings only: nothing blocking
    let written = try cli.notelint(
      ["checkpoint", "technical", "--format", "html", "--output", "gate.html"] + today + ["notes"])
    XCTAssertEqual(written.out, "")
    XCTAssertTrue(written.err.contains("wrote gate.html"), written.err)
    XCTAssertEqual(try cli.read("gate.html"), shown.out)
    XCTAssertEqual(written.code, 0)
    XCTAssertEqual(
      try cli.notelint(["checkpoint", "technical", "--output", "gate.txt", "-q"] + today + ["notes"]).err, "")

    XCTAssertEqual(
      try cli.notelint(["checkpoint", "technical", "--fail-on", "warning", "-q"] + today + ["notes"]).code, 1)
    XCTAssertEqual(
      try cli.notelint(["checkpoint", "technical", "--fail-on", "info", "-q"] + today + ["notes"]).code, 1)
    try cli.write(".notelint.yml", "")
    XCTAssertEqual(try cli.notelint(["checkpoint", "technical", "-q"] + today + ["notes"]).code, 1)
    XCTAssertEqual(try cli.notelint(["checkpoint", "technical", "--fail-on", "none"] + today + ["notes"]).code, 0)

    // Never over a note or the configuration.
    let overNote = try cli.notelint(["checkpoint", "technical", "--output", "notes/a.md"] + today + ["notes"])
    XCTAssertEqual(overNote.code, 2)
    XCTAssertTrue(overNote.err.contains("never writes over a note"), overNote.err)
    XCTAssertEqual(try cli.read("notes/a.md"), note)
  }

  func testABrokenConfigurationStopsEveryCommandWithExit2() throws {
    try writeProject(config: "rules:\n  vage-time: off\n")
    let expected = ".notelint.yml:2: unknown rule or category 'vage-time'"
    let commands: [[String]] = [
      ["lint", "notes"], ["checkpoint", "technical", "notes"], ["actions", "notes"],
      ["digest", "--out", "digests", "notes"], ["eval", "notes"], ["config", "show", "notes/a.md"],
    ]
    for command in commands {
      let result = try cli.notelint(command)
      XCTAssertEqual(result.code, 2, "\(command): \(result.out)\(result.err)")
      XCTAssertTrue(result.err.contains(expected), "\(command): \(result.err)")
    }
    // --config too, for eval and checkpoint.
    try cli.write(".notelint.yml", "")
    try cli.write("bad.yml", "language: klingon\n")
    for command in [["eval", "notes"], ["checkpoint", "review", "notes"]] {
      let result = try cli.notelint(command + ["--config", "bad.yml"])
      XCTAssertEqual(result.code, 2, "\(command)")
      XCTAssertTrue(result.err.contains("bad.yml:1: 'klingon' is not a language"), result.err)
    }
  }

  func testEvalScoresWithTheConfiguration() throws {
    try cli.write("corpus/a.md", "# Sync\n\nWe will improve the conversion soon.\n")
    try cli.write("corpus/a.md.expected", "3 vague-phrasing\n")
    let plain = try cli.notelint(["eval", "--summary-only", "corpus"])
    try cli.write(".notelint.yml", "rules:\n  vague-phrasing: off\n")
    let configured = try cli.notelint(["eval", "--summary-only", "corpus"])
    XCTAssertNotEqual(plain.out, configured.out)
    try cli.write("empty.yml", "")
    let explicit = try cli.notelint(["eval", "--summary-only", "--config", "empty.yml", "corpus"])
    XCTAssertEqual(explicit.out, plain.out)
  }

  func testConfigShowPrintsTheEffectiveSettingsOfAFile() throws {
    try writeProject(
      config: """
        language: it
        exclude: ["archive/**"]
        roster: [Marco Rossi]
        rules:
          vague-quantity: off
          governance: warning
        overrides:
          - files: ["notes/**"]
            language: en
            rules:
              missing-owner: error

        """)
    let shown = try cli.notelint(["config", "show", "notes/a.md"])
    XCTAssertEqual(shown.code, 0, shown.err)
    let lines = Set(shown.out.split(separator: "\n").map { String($0) })
    for expected in [
      "configuration: \".notelint.yml\"", "  - {entry: 1, files: [\"notes/**\"]}", "language: \"en\"", "linted: true",
      "roster: [\"Marco Rossi\"]",
    ] {
      XCTAssertTrue(lines.contains(expected), "\(expected) in\n\(shown.out)")
    }
    XCTAssertTrue(shown.out.contains("\n  vague-quantity:               off\n"), shown.out)
    XCTAssertTrue(shown.out.contains("\n  missing-owner:                error\n"), shown.out)
    XCTAssertTrue(shown.out.contains("\n  pact-missing-kpi:             warning\n"), shown.out)

    let archived = try cli.notelint(["config", "show", "archive/old.md"])
    XCTAssertTrue(archived.out.contains("language: \"it\"\n"), archived.out)
    XCTAssertTrue(archived.out.contains("linted: false"), archived.out)
    XCTAssertFalse(archived.out.contains("overrides-applied"), archived.out)

    // Outside any configuration: the built-in defaults; the output is YAML a configuration reader takes.
    let outside = try CLIRunner("oneconfig-outside")
    defer { outside.remove() }
    try outside.write("n.md", note)
    let defaults = try outside.notelint(["config", "show", "n.md", "--pre-commit"])
    XCTAssertTrue(defaults.out.contains("configuration: null"), defaults.out)
    XCTAssertTrue(defaults.out.contains("\n  overdue-item:                 off"), defaults.out)
    XCTAssertTrue(defaults.out.contains("\n  vague-time:                   warning\n"), defaults.out)
  }
}
