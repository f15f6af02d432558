import Foundation
import NoteLint
import XCTest

/// Confidence on findings: the `min-confidence:` key, its precedence, the results cache and the
/// threshold tables of `notelint eval`.
final class ConfidenceTests: XCTestCase {
  private let note = """
    # Weekly status

    - [ ] We should improve the dashboard soon.
    - [ ] Marco sends the report by 2026-11-02.

    The new cache will probably halve the load time.
    """

  private func linter(minConfidence: Double? = nil, cache: ResultCache? = nil) throws -> Linter {
    var options = LintOptions(today: testToday)
    options.minConfidence = minConfidence
    return Linter(options: options, configuration: try ConfigurationResolver(), cache: cache)
  }

  func testMinConfidenceKeyParsesAndRejectsValuesOutsideZeroToOne() throws {
    let configuration = try Configuration.parse("min-confidence: 0.65\n", path: ".notelint.yml", folder: "/p")
    XCTAssertEqual(configuration.base.minConfidence, 0.65)
    for bad in ["1.5", "-0.1", "high", "nan"] {
      XCTAssertThrowsError(try Configuration.parse("min-confidence: \(bad)\n", path: ".notelint.yml", folder: "/p")) {
        let error = $0 as? ConfigError
        XCTAssertEqual(error?.line, 1)
        XCTAssertTrue(error?.reason.contains("'min-confidence' must be a number from 0 to 1") ?? false, "\(bad)")
      }
    }
  }

  func testThresholdDropsLowJudgementsButKeepsGovernance() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/status.md", note)
    let all = try linter(minConfidence: 0).lint(files: ["notes/status.md"])[0].findings
    let judgements = all.filter { $0.category != .governance }
    XCTAssertFalse(judgements.isEmpty)
    XCTAssertTrue(judgements.allSatisfy { ($0.confidence ?? -1) >= 0 && ($0.confidence ?? 2) <= 1 })
    let governance = all.filter { $0.category == .governance }
    XCTAssertEqual(governance.map(\.rule), ["overdue-item"])
    XCTAssertNil(governance[0].confidence)

    // A threshold between the judgements' values keeps exactly those at or above it.
    let values = Set(judgements.compactMap(\.confidence)).sorted()
    let middle = values[values.count / 2]
    let some = try linter(minConfidence: middle).lint(files: ["notes/status.md"])[0].findings
    XCTAssertEqual(
      some.filter { $0.category != .governance }.map(\.rule), judgements.filter { $0.confidence! >= middle }.map(\.rule)
    )
    let none = try linter(minConfidence: 1).lint(files: ["notes/status.md"])[0].findings
    XCTAssertEqual(none.map(\.rule), ["overdue-item"])
  }

  func testConfigurationThresholdAppliesAndCommandLineWins() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/status.md", note)
    try scratch.write("notes/.notelint.yml", "min-confidence: 1\n")
    let configured = try linter().lint(files: ["notes/status.md"])[0].findings
    XCTAssertEqual(configured.map(\.rule), ["overdue-item"])
    let overridden = try linter(minConfidence: 0).lint(files: ["notes/status.md"])[0].findings
    XCTAssertGreaterThan(overridden.count, 1)
  }

  func testResultsCacheKeepsConfidenceAndKeysOnTheThreshold() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/status.md", note)
    let cold = ResultCache(folder: ".notelint-cache")
    cold.load()
    let first = try linter(minConfidence: 0, cache: cold).lint(files: ["notes/status.md"])[0].findings
    try cold.save()
    let warm = ResultCache(folder: ".notelint-cache")
    XCTAssertNil(warm.load())
    let second = try linter(minConfidence: 0, cache: warm).lint(files: ["notes/status.md"])[0].findings
    XCTAssertEqual([warm.hits, warm.misses], [1, 0])
    XCTAssertEqual(second.map(\.confidence), first.map(\.confidence))
    XCTAssertTrue(second.contains { $0.confidence != nil })
    // Another threshold is another result: the cached one is not reused.
    let stricter = try linter(minConfidence: 1, cache: warm).lint(files: ["notes/status.md"])[0].findings
    XCTAssertEqual(warm.misses, 1)
    XCTAssertEqual(stricter.map(\.rule), ["overdue-item"])
  }

  func testFindingInitClampsAndRoundsARulesConfidence() {
    func make(_ value: Double?) -> Finding {
      Finding(
        file: "a.md", start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2),
        category: .vaguePhrasing, rule: "vague-time", severity: .warning, message: "m", suggestion: nil,
        checkpoints: [], excerpt: "x", confidence: value)
    }
    XCTAssertEqual(make(0.12345).confidence, 0.123)
    XCTAssertEqual(make(1.7).confidence, 1)
    XCTAssertEqual(make(-2).confidence, 0)
    XCTAssertNil(make(nil).confidence)
    XCTAssertEqual(make(nil).effectiveConfidence, 1)
  }

  /// A labelled folder scored from one unfiltered run: each threshold's figures equal those of a
  /// run linted at that threshold, and groups split the files.
  func testEvalThresholdsMatchRunsAtEachThreshold() throws {
    let scratch = try ScratchFolder()
    try scratch.write("corpus/en-status.md", note)
    try scratch.write("corpus/en-status.md.expected", "3 vague-phrasing\n3 missing-owner\n6 unverified-hypothesis\n")
    try scratch.write(
      "corpus/it-stato.md", "# Stato\n\n- [ ] Bisogna migliorare la dashboard presto.\n\nForse il modello regge.\n")
    try scratch.write("corpus/it-stato.md.expected", "3 missing-owner\n3 missing-deadline\n")
    let run = CorpusEvaluator(linter: try linter()).run(folder: "corpus")
    XCTAssertEqual(run.files.count, 2)
    for threshold in CorpusEvaluator.sweepThresholds {
      let direct = CorpusEvaluator(linter: try linter(minConfidence: threshold)).evaluate(folder: "corpus")
      let swept = run.evaluation(threshold: threshold)
      for category in Category.allCases {
        XCTAssertEqual(swept.score(category), direct.score(category), "\(category) at \(threshold)")
      }
    }
    let table = CorpusEvaluator.renderThresholds(run, current: 0.55)
    let lines = table.split(separator: "\n")
    XCTAssertEqual(lines.count, 2 + CorpusEvaluator.sweepThresholds.count + 1, table)
    XCTAssertTrue(lines.contains { $0.hasPrefix("0.550 *") }, table)
    XCTAssertTrue(lines[1].hasSuffix("line-level"), table)
    let zero = run.evaluation(threshold: 0)
    let cell = { (score: CorpusScore) in
      [score.precision, score.recall, score.f1].map { CorpusEvaluator.format($0, places: 2) }.joined(separator: "/")
    }
    XCTAssertTrue(lines[2].hasPrefix("0.000 "))
    XCTAssertTrue(lines[2].contains(cell(zero.score(.missingOwner))), table)

    let groups = CorpusEvaluator.prefixGroups(run)
    XCTAssertEqual(groups.keys.sorted(), ["en", "it"])
    let english = run.evaluation(threshold: 0, files: groups["en"])
    XCTAssertEqual(english.cases, 1)
    XCTAssertEqual(
      english.score(.missingOwner).truePositives
        + run.evaluation(threshold: 0, files: groups["it"])
        .score(.missingOwner).truePositives, zero.score(.missingOwner).truePositives)
    let rendered = CorpusEvaluator.renderGroups(run, groups: groups, threshold: 0, title: "prefix")
    XCTAssertTrue(rendered.contains("\nit "), rendered)
    XCTAssertTrue(rendered.contains("\nall "), rendered)
  }

  func testSourcesTableChoosesItsColumn() throws {
    let scratch = try ScratchFolder()
    try scratch.write("sources.tsv", "name\tcommit\trepo\nen-a.md\tabc\tteam/one\nit-b.md\tdef\tteam/two\n")
    XCTAssertEqual(
      try CorpusEvaluator.sources(tsv: "sources.tsv").get(), ["en-a.md": "team/one", "it-b.md": "team/two"])
    XCTAssertEqual(try CorpusEvaluator.sources(tsv: "sources.tsv", column: "commit").get()["it-b.md"], "def")
    guard case .failure(let error) = CorpusEvaluator.sources(tsv: "sources.tsv", column: "owner") else {
      return XCTFail("a missing column is an error")
    }
    XCTAssertEqual(error.path, "sources.tsv")
    guard case .failure = CorpusEvaluator.sources(tsv: "missing.tsv") else { return XCTFail("unreadable") }
  }
}
