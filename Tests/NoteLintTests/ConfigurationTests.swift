import Foundation
import NoteLint
import XCTest

/// `.notelint.yml`: parsing, errors with their line, nearest-file lookup, overrides, and the effect of
/// each key on real findings.
final class ConfigurationTests: XCTestCase {
  private func parse(_ text: String) throws -> Configuration {
    try Configuration.parse(text, path: ".notelint.yml", folder: "/project")
  }

  private func parseError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ConfigError? {
    do {
      _ = try parse(text)
      XCTFail("expected an error for:\n\(text)", file: file, line: line)
      return nil
    } catch let error as ConfigError {
      return error
    } catch {
      XCTFail("unexpected \(error)", file: file, line: line)
      return nil
    }
  }

  func testEveryKeyParses() throws {
    let configuration = try parse(
      """
      version: 1
      language: it
      fail-on: error
      sprint-length: 10
      pact-word-budget: 450
      date-order: month-first
      include: ["docs/**", "notes/**"]
      exclude: archive/
      roster:
        people: [Marco Rossi]
        handles: ["@giulia"]
        roles: [data steward]
      rules:
        vague-phrasing: off
        vague-time: error
        missing-owner: { severity: info, options: { strict: true } }
      lexicon:
        it:
          accept: [a breve termine]
          reject: [in qualche modo]
        en:
          reject: [going forward]
      overrides:
        - files: ["minutes/**"]
          language: en
          rules:
            governance: off
      """)
    let base = configuration.base
    XCTAssertEqual(base.language, .fixed(.italian))
    XCTAssertEqual(base.failOn, .error)
    XCTAssertEqual(base.sprintLengthDays, 10)
    XCTAssertEqual(base.maxPactWords, 450)
    XCTAssertEqual(base.dateOrder, .monthFirst)
    XCTAssertEqual(base.roster, ["Marco Rossi", "@giulia", "data steward"])
    XCTAssertEqual(base.accept[.italian], ["a breve termine"])
    XCTAssertEqual(base.reject[.english], ["going forward"])
    XCTAssertEqual(configuration.include.map(\.pattern), ["docs/**", "notes/**"])
    XCTAssertEqual(configuration.exclude.map(\.pattern), ["archive/"])
    XCTAssertEqual(configuration.overrides.count, 1)

    var settings = EffectiveSettings(options: LintOptions(today: testToday))
    settings.apply(base)
    // A rule id wins over its category within one layer, whatever the order.
    XCTAssertFalse(settings.disabled.contains("vague-time"))
    XCTAssertTrue(settings.disabled.contains("vague-quantity"))
    XCTAssertEqual(settings.severities["vague-time"], .error)
    XCTAssertEqual(settings.severities["missing-owner"], .info)
    XCTAssertEqual(settings.parameters["missing-owner"], ["strict": "true"])
    XCTAssertEqual(settings.ruleOptions.sprintLengthDays, 10)
    XCTAssertEqual(settings.ruleOptions.roster, ["Marco Rossi", "@giulia", "data steward"])
  }

  func testErrorsNameTheLineAndTheReason() {
    let cases: [(String, Int?, String)] = [
      ("rules:\n  vage-time: off\n", 2, "unknown rule or category 'vage-time' (did you mean 'vague-time'?)"),
      ("rules:\n  vague-time: loud\n", 2, "must be on, off, error, warning, info or a mapping"),
      ("language: klingon\n", 1, "'klingon' is not a language"),
      ("fail-on: sometimes\n", 1, "'fail-on' must be error, warning, info or none"),
      ("sprint-length: -3\n", 1, "'sprint-length' must be a whole number"),
      ("roster:\n  people: [Marco]\n  teams: [x]\n", 3, "unknown key 'teams'"),
      ("languag: it\n", 1, "unknown key 'languag' (did you mean 'language'?)"),
      ("rules: [a, b]\n", 1, "'rules' must be a mapping"),
      ("rules:\n  vague-time: [on\n", 3, "invalid YAML"),
      ("a: 1\na: 2\n", 1, "duplicate key 'a'"),
      ("overrides:\n  - language: it\n", 2, "needs 'files:'"),
      ("overrides:\n  - files: x\n    include: y\n", 3, "not allowed inside overrides"),
      ("lexicon:\n  fr:\n    accept: [x]\n", 2, "'fr' under 'lexicon' is not a language"),
      ("lexicon:\n  it:\n    allow: [x]\n", 3, "unknown key 'allow'"),
      ("- just\n- a list\n", 1, "must be a mapping"),
    ]
    for (text, line, reason) in cases {
      guard let error = parseError(text) else { continue }
      XCTAssertEqual(error.line, line, text)
      XCTAssertTrue(error.reason.contains(reason), "\(error.reason) for:\n\(text)")
      XCTAssertEqual(error.description.split(separator: "\n").count, 1)
      XCTAssertTrue(error.description.hasPrefix(".notelint.yml:"), error.description)
    }
  }

  func testEmptyFileAndStarterConfigurationParse() throws {
    XCTAssertEqual(try parse("").base, ConfigLayer())
    XCTAssertEqual(try parse("# only comments\n").base, ConfigLayer())
    for language in [nil, Language.italian] {
      let starter = try parse(StarterConfiguration.text(language: language))
      XCTAssertEqual(starter.base.failOn, .warning)
      XCTAssertEqual(starter.base.sprintLengthDays, 14)
      XCTAssertEqual(starter.base.language, language.map { .fixed($0) } ?? .detect)
      XCTAssertEqual(starter.exclude.map(\.pattern), ["archive/**"])
    }
  }

  func testNearestConfigurationWinsAndOverridesApplyByGlob() throws {
    let scratch = try ScratchFolder()
    try scratch.write(
      ".notelint.yml", "rules:\n  vague-time: off\noverrides:\n  - files: [\"minutes/**\"]\n    fail-on: none\n")
    try scratch.write("team/.notelint.yml", "rules:\n  vague-quantity: off\n")
    let note = "# Status\n\nThe model ships in the coming weeks, with some gains.\n"
    try scratch.write("a.md", note)
    try scratch.write("minutes/b.md", note)
    try scratch.write("team/deep/c.md", note)
    let linter = try configuredLinter()
    let report = linter.run(paths: ["."])
    func rules(_ file: String) -> [String] { report.findings.filter { $0.file == file }.map(\.rule) }
    XCTAssertEqual(rules("./a.md"), ["vague-quantity"])
    XCTAssertEqual(rules("./minutes/b.md"), ["vague-quantity"])
    // The nearest file wins whole: the root's vague-time: off does not reach team/.
    XCTAssertEqual(rules("./team/deep/c.md"), ["vague-time"])
    XCTAssertEqual(linter.settings(for: "minutes/b.md").failOn, FailThreshold.none)
    XCTAssertEqual(linter.settings(for: "a.md").failOn, .warning)
    XCTAssertEqual(linter.settings(for: "team/deep/c.md").configPath, "team/.notelint.yml")

    // --config replaces the lookup for every file.
    try scratch.write("ci.yml", "rules:\n  vague-phrasing: off\n")
    let explicit = try configuredLinter(configPath: "ci.yml").run(paths: ["."])
    XCTAssertEqual(explicit.findings, [])
  }

  func testInvalidConfigurationFoundByLookupStopsTheRun() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/.notelint.yml", "rules:\n  nonsense: off\n")
    try scratch.write("notes/a.md", "# A\n\nSoon.\n")
    try scratch.write("other/b.md", "# B\n\nSoon.\n")
    let linter = try configuredLinter()
    let scan = Scan(linter: linter, discovery: FileDiscovery(configuration: linter.configuration))
    XCTAssertThrowsError(try scan.run(ScanInput(paths: ["notes", "other"]))) { error in
      XCTAssertEqual("\(error)", "notes/.notelint.yml:2: unknown rule or category 'nonsense'")
    }
  }

  func testRosterMakesNamesOwners() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/actions.md", "# Actions\n\n- [ ] zorba sends the deck by 2026-12-04.\n")
    XCTAssertEqual(try configuredLinter().run(paths: ["notes"]).findings.map(\.rule), ["missing-owner"])
    try scratch.write(".notelint.yml", "roster:\n  people: [Zorba Quell]\n")
    XCTAssertEqual(try configuredLinter().run(paths: ["notes"]).findings.map(\.rule), [])
  }

  func testAcceptAndRejectLists() throws {
    let scratch = try ScratchFolder()
    try scratch.write(
      "notes/status.md",
      """
      # Status

      We will look at some options at some point.
      Going forward, the numbers look fine.
      """)
    let before = try configuredLinter().run(paths: ["notes"]).findings
    // "some" inside the vague time "at some point" belongs to that phrase (the item's vague
    // deadline), not a second finding: only "some options" is a vague quantity.
    XCTAssertEqual(before.map(\.rule), ["diffuse-owner", "vague-deadline", "vague-quantity"])
    try scratch.write(
      ".notelint.yml",
      """
      lexicon:
        en:
          accept: ["at some point"]
          reject: ["going forward"]
        it:
          reject: ["look fine"]
      """)
    let after = try configuredLinter().run(paths: ["notes"]).findings
    // The item's vague deadline is gone with "at some point" accepted; the Italian reject list
    // does not apply to an English note.
    XCTAssertEqual(after.map(\.rule), ["diffuse-owner", "vague-quantity", "rejected-phrase"])
    let rejected = try XCTUnwrap(after.last)
    XCTAssertEqual([rejected.line, rejected.column, rejected.endColumn], [4, 1, 14])
    XCTAssertEqual(rejected.category, .vaguePhrasing)
  }

  func testLanguageAndSeverityFromConfigurationAndCommandLineLanguageWins() throws {
    let scratch = try ScratchFolder()
    try scratch.write(".notelint.yml", "language: it\nrules:\n  vague-time: error\n")
    // Mostly English words, but the configuration says Italian: Italian lexicons and messages.
    try scratch.write("a.md", "# Status\n\nThe team reviewed the model, out a breve.\n")
    let report = try configuredLinter().run(paths: ["a.md"])
    XCTAssertEqual(report.files.map(\.language), [.italian])
    XCTAssertEqual(report.findings.map(\.severity), [.error])
    XCTAssertTrue(report.findings.first?.message.hasPrefix("«") ?? false, "\(report.findings)")
    var options = LintOptions(language: .english, today: testToday)
    options.jobs = 1
    let english = Linter(options: options, configuration: try ConfigurationResolver()).run(paths: ["a.md"])
    XCTAssertEqual(english.files.map(\.language), [.english])
  }
}
