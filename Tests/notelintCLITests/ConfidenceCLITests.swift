import Foundation
import XCTest

/// Confidence through the real binary: JSON and SARIF carry it, `--min-confidence` and
/// `min-confidence:` drop judgements and change the exit code, merge keeps it, eval sweeps thresholds.
final class ConfidenceCLITests: XCTestCase {
  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-conf-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  private func write(_ name: String, _ text: String) throws {
    let url = scratch.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  private func run(_ arguments: [String]) throws -> (out: String, err: String, code: Int32) {
    try BuiltBinary.run(arguments, in: scratch)
  }

  private func findings(_ json: String) throws -> [[String: Any]] {
    let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
    return object?["findings"] as? [[String: Any]] ?? []
  }

  private let judgements = """
    # Weekly status

    We should improve the dashboard soon.
    The new cache will probably halve the load time.
    """

  private let overdue = "# Actions\n\n- [ ] Marco sends the report by 2026-11-02.\n"

  func testJSONAndSARIFCarryConfidence() throws {
    try write("status.md", judgements)
    let json = try run(["lint", "status.md", "--today", "2026-12-07", "--format", "json", "--min-confidence", "0"])
    XCTAssertEqual(json.code, 1, json.err)
    let found = try findings(json.out)
    XCTAssertFalse(found.isEmpty)
    var values: [Double] = []
    for finding in found {
      let value = try XCTUnwrap(finding["confidence"] as? Double, "\(finding)")
      XCTAssertTrue((0...1).contains(value))
      values.append(value)
    }
    // Three decimals in the bytes.
    let printed = json.out.split(separator: "\n").filter { $0.contains("\"confidence\"") }
    XCTAssertEqual(printed.count, found.count)
    for line in printed {
      let number = line.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)
      XCTAssertEqual(number.split(separator: ".").last?.count, 3, String(line))
    }

    let sarif = try run(["lint", "status.md", "--today", "2026-12-07", "--format", "sarif", "--min-confidence", "0"])
    let object = try JSONSerialization.jsonObject(with: Data(sarif.out.utf8)) as? [String: Any]
    let runs = try XCTUnwrap(object?["runs"] as? [[String: Any]])
    let results = try XCTUnwrap(runs.first?["results"] as? [[String: Any]])
    XCTAssertEqual(results.count, found.count)
    for result in results {
      let rank = try XCTUnwrap(result["rank"] as? Double)
      let confidence = try XCTUnwrap((result["properties"] as? [String: Any])?["confidence"] as? Double)
      XCTAssertEqual(rank, (confidence * 1000).rounded() / 10, accuracy: 0.05)
    }
    XCTAssertEqual(
      results.compactMap { ($0["properties"] as? [String: Any])?["confidence"] as? Double }.sorted(), values.sorted())

    // Text output is unchanged: no confidence in it.
    let text = try run(["lint", "status.md", "--today", "2026-12-07", "--min-confidence", "0"])
    XCTAssertFalse(text.out.contains("confidence"), text.out)
  }

  func testMinConfidenceDropsJudgementsAndSetsTheExitCode() throws {
    try write("status.md", judgements)
    let all = try findings(
      try run(["lint", "status.md", "--today", "2026-12-07", "--format", "json", "--min-confidence", "0"]).out)
    let values = all.compactMap { $0["confidence"] as? Double }.sorted()
    let highest = try XCTUnwrap(values.last)
    let lowest = try XCTUnwrap(values.first)
    XCTAssertLessThan(lowest, highest, "the note's judgements should differ in confidence")

    let some = try run([
      "lint", "status.md", "--today", "2026-12-07", "--format", "json", "--min-confidence", String(highest),
    ])
    XCTAssertEqual(some.code, 1)
    let kept = try findings(some.out)
    XCTAssertEqual(kept.count, values.filter { $0 >= highest }.count)

    let above = try run(["lint", "status.md", "--today", "2026-12-07", "--min-confidence", "1"])
    if highest < 1 {
      XCTAssertEqual(above.code, 0, above.out)
      XCTAssertFalse(above.out.contains("status.md:"), above.out)
    }

    let bad = try run(["lint", "status.md", "--min-confidence", "1.5"])
    XCTAssertEqual(bad.code, 2)
    XCTAssertTrue(bad.err.contains("--min-confidence must be a number from 0 to 1"), bad.err)

    // checkpoint and actions take it too.
    XCTAssertEqual(try run(["actions", "status.md", "--today", "2026-12-07", "--min-confidence", "0.5"]).code, 0)
    XCTAssertNotEqual(
      try run(["checkpoint", "technical", "status.md", "--today", "2026-12-07", "--min-confidence", "0.5"]).code, 2)
  }

  func testGovernanceFindingsStayAtAnyThreshold() throws {
    try write("actions.md", overdue)
    let result = try run(["lint", "actions.md", "--today", "2026-12-07", "--min-confidence", "1", "--format", "json"])
    XCTAssertEqual(result.code, 1)
    XCTAssertEqual(try findings(result.out).compactMap { $0["rule"] as? String }, ["overdue-item"])
  }

  func testConfigurationKeyAndItsErrors() throws {
    try write("notes/status.md", judgements)
    try write("notes/.notelint.yml", "min-confidence: 1\n")
    let strict = try run(["lint", "notes", "--today", "2026-12-07"])
    XCTAssertEqual(strict.code, 0, strict.out + strict.err)
    let loose = try run(["lint", "notes", "--today", "2026-12-07", "--min-confidence", "0"])
    XCTAssertEqual(loose.code, 1, "the command line wins over the file")

    try write("notes/.notelint.yml", "min-confidence: sure\n")
    let broken = try run(["lint", "notes", "--today", "2026-12-07"])
    XCTAssertEqual(broken.code, 2)
    XCTAssertTrue(broken.err.contains(".notelint.yml:1:"), broken.err)
    XCTAssertTrue(broken.err.contains("'min-confidence' must be a number from 0 to 1"), broken.err)
  }

  func testMergeAndBaselineKeepConfidence() throws {
    try write("a/status.md", judgements)
    try write("b/actions.md", overdue)
    let whole = try run(["lint", "a", "b", "--today", "2026-12-07", "--format", "json", "--min-confidence", "0"])
    for (folder, name) in [("a", "a.json"), ("b", "b.json")] {
      let part = try run(["lint", folder, "--today", "2026-12-07", "--format", "json", "--min-confidence", "0"])
      try write(name, part.out)
    }
    let merged = try run(["merge", "a.json", "b.json"])
    XCTAssertNotEqual(merged.code, 2, merged.err)
    XCTAssertEqual(merged.out, whole.out)
    XCTAssertTrue(merged.out.contains("\"confidence\""))

    let baseline = try run([
      "lint", "a", "--today", "2026-12-07", "--min-confidence", "0", "--write-baseline", "baseline.json",
    ])
    XCTAssertNotEqual(baseline.code, 2, baseline.err)
    let stored = try String(contentsOf: scratch.appendingPathComponent("baseline.json"), encoding: .utf8)
    XCTAssertTrue(stored.contains("\"confidence\""), stored)
  }

  func testEvalPrintsThresholdsAndGroups() throws {
    try write("corpus/en-status.md", judgements)
    try write("corpus/en-status.md.expected", "3 vague-phrasing\n4 unverified-hypothesis\n")
    try write("corpus/it-stato.md", "# Stato\n\nForse il modello regge anche con più dati.\n")
    try write("corpus/it-stato.md.expected", "3 unverified-hypothesis\n")
    try write("sources.tsv", "name\trepo\nen-status.md\tteam/english\nit-stato.md\tteam/italian\n")
    let result = try run(["eval", "corpus", "--today", "2026-12-07", "--summary-only", "--min-confidence", "0.3"])
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertTrue(result.out.contains("notelint eval: 2 labelled cases"), result.out)
    XCTAssertTrue(result.out.contains("(at min-confidence 0.300)"), result.out)
    for threshold in ["0.000", "0.300 *", "0.500", "0.600", "0.700", "0.800", "0.900"] {
      XCTAssertTrue(result.out.contains("\n\(threshold) "), "\(threshold) in\n\(result.out)")
    }
    let bySource = try run(["eval", "corpus", "--today", "2026-12-07", "--summary-only", "--by-source", "sources.tsv"])
    XCTAssertEqual(bySource.code, 0, bySource.err)
    XCTAssertTrue(bySource.out.contains("\nteam/english "), bySource.out)
    XCTAssertTrue(bySource.out.contains("\nteam/italian "), bySource.out)
    let byPrefix = try run(["eval", "corpus", "--today", "2026-12-07", "--summary-only", "--group-by-prefix"])
    XCTAssertTrue(byPrefix.out.contains("\nen "), byPrefix.out)
    XCTAssertTrue(byPrefix.out.contains("\nit "), byPrefix.out)
    let missing = try run(["eval", "corpus", "--today", "2026-12-07", "--by-source", "none.tsv"])
    XCTAssertEqual(missing.code, 2)
    XCTAssertTrue(missing.err.contains("none.tsv"), missing.err)
    // Same input, same bytes.
    XCTAssertEqual(
      try run(["eval", "corpus", "--today", "2026-12-07", "--by-source", "sources.tsv"]).out,
      try run(["eval", "corpus", "--today", "2026-12-07", "--by-source", "sources.tsv"]).out)
  }
}
