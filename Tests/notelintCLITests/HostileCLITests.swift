import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// The real binary on a folder holding the whole hostile battery: every command and output format
/// must end (no read may block), exit 3, name each bad file once on one line with its reason, lint
/// every other file with exact positions, and keep JSON, SARIF and XML outputs well-formed.
final class HostileCLITests: XCTestCase {
  /// The scratch folder, made once for the class: the commands run in it on `battery/`.
  nonisolated(unsafe) private static var root: URL!
  private var root: URL { Self.root }
  private static let isRoot = getuid() == 0

  private static let deep = Array(repeating: String(repeating: "a", count: 200), count: 18).joined(separator: "/")
  private static let longName = String(repeating: "n", count: 250) + ".md"
  private static let tooDeep = Array(repeating: String(repeating: "b", count: 250), count: 3)

  override class func setUp() {
    super.setUp()
    root = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-hostile-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    makeBattery(at: root.appendingPathComponent("battery").path)
  }

  override class func tearDown() {
    RawFiles.removeTree(root.path)
    super.tearDown()
  }

  /// Writes the battery; names and expectations are in `good` and `expectedErrors`.
  private static func makeBattery(at battery: String) {
    func put(_ path: String, _ bytes: [UInt8]) { RawFiles.write(battery, path, bytes) }
    func put(_ path: String, _ text: String) { RawFiles.write(battery, path, text) }
    for (source, target) in [
      ("en/kickoff-notes-2026-11-02.md", "good/kickoff.md"), ("it/verbale-2026-11-12.md", "good/verbale.md"),
      ("it/patto-propensione-upsell.md", "good/patto.md"), ("it/patto-churn-prepagato.html", "good/patto.html"),
    ] {
      put(target, SampleCorpus.bytes(source))
      put(target + ".expected", SampleCorpus.bytes(source + ".expected"))
    }
    let status = "# Status\n\nWe ship soon.\n\nAlso later, perhaps.\n"
    // Shapes.
    put("shapes/empty.md", "")
    put("shapes/blank.md", " \n\t\n  \r\n")
    put(
      "shapes/nested.md",
      String(repeating: "- ", count: 5_000) + String(repeating: "> ", count: 5_000) + "x\n\nWe ship soon.\n")
    put(
      "shapes/deep.html",
      "<html><body>" + String(repeating: "<div>", count: 5_000) + "<p>We ship soon.</p>"
        + String(repeating: "</div>", count: 5_000) + "</body></html>\n")
    put("shapes/lines.md", String(repeating: "ok\n\n", count: 5_000) + "We ship soon.\n")
    // Encodings, line endings, scalars.
    put("encodings/utf16le.md", [0xFF, 0xFE] + status.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
    put("encodings/utf16be.md", [0xFE, 0xFF] + status.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    put(
      "encodings/latin1.html",
      "<html><head><meta charset=\"iso-8859-1\"></head><body>\n<p>Caffè à più We ship soon.</p>\n</body></html>\n"
        .unicodeScalars.map { UInt8($0.value) })
    put("encodings/crlf.md", status.replacingOccurrences(of: "\n", with: "\r\n"))
    put("encodings/cr.md", status.replacingOccurrences(of: "\n", with: "\r"))
    put("encodings/tabs.md", "# S\n\nA\tB\tWe ship soon.\n")
    put(
      "encodings/unicode.md",
      "# S\n\nZ\u{200B}W\u{200D} e\u{301} \u{1F600}\u{1F468}\u{200D}\u{1F469} \u{5E9}\u{5DC}\u{5D5}\u{5DD} We ship soon.\n"
    )
    // Names.
    put("names/two\nlines.md", "We ship soon.\n")
    put("names/tab\there.md", "We ship soon.\n")
    RawFiles.write(
      battery, RawFiles.components("bad"), Array("caf".utf8) + [0xE9] + Array(".md".utf8), Array("x\n".utf8))
    put("long/\(deep)/\(longName)", "We ship soon.\n")
    put("long/\(deep)/\(tooDeep.joined(separator: "/"))/far.md", "We ship soon.\n")
    // Bad files.
    put("bad/nul.md", Array("We ship".utf8) + [0] + Array(" soon.\n".utf8))
    put("bad/invalid.md", Array("ok\n".utf8) + [0xFF] + Array("\n".utf8))
    put("bad/locked.md", "We ship soon.\n")
    chmod(battery + "/bad/locked.md", 0)
    let huge = open(battery + "/bad/huge.md", O_CREAT | O_WRONLY, 0o644)
    ftruncate(huge, 9 << 20)
    close(huge)
    mkfifo(battery + "/bad/fifo.md", 0o644)
    symlink("/dev/null", battery + "/bad/null.md")
    symlink("/dev/zero", battery + "/bad/zero.md")
    symlink("..", battery + "/bad/loop")
    symlink("self.md", battery + "/bad/self.md")
    symlink("missing.md", battery + "/bad/broken.md")
  }

  /// The notes that must be linted.
  private var good: Set<String> {
    var paths: Set<String> = [
      "good/kickoff.md", "good/verbale.md", "good/patto.md", "good/patto.html", "shapes/empty.md", "shapes/blank.md",
      "shapes/nested.md", "shapes/deep.html", "shapes/lines.md", "encodings/utf16le.md", "encodings/utf16be.md",
      "encodings/latin1.html", "encodings/crlf.md", "encodings/cr.md", "encodings/tabs.md", "encodings/unicode.md",
      "names/two\nlines.md", "names/tab\there.md", "long/\(Self.deep)/\(Self.longName)",
    ]
    if Self.isRoot { paths.insert("bad/locked.md") }
    return Set(paths.map { "battery/" + $0 })
  }

  /// One error line per bad file (control characters of paths escaped).
  private var expectedErrors: [String] {
    var errors = [
      "bad/broken.md: broken symbolic link",
      "bad/caf\\xE9.md: name is not valid UTF-8 (undecodable bytes shown as \\xNN): rename it to lint it",
      "bad/fifo.md: not a regular file",
      "bad/huge.md: file of 9437184 bytes is larger than the limit of 8388608 bytes (see --max-file-size)",
      "bad/invalid.md: invalid UTF-8 at line 2 and no charset declared (save the file as UTF-8)",
      "bad/loop: directory loop (a symbolic link points back to a parent folder)",
      "bad/nul.md: binary file (contains NUL bytes), not a note",
      "bad/null.md: not a regular file",
      "bad/self.md: too many levels of symbolic links",
      "bad/zero.md: not a regular file",
      "long/\(Self.deep)/\(Self.tooDeep[0])/\(Self.tooDeep[1]): cannot resolve folder: path too long for the system (over 4096 bytes, or a name over 255)",
    ]
    if !Self.isRoot { errors.append("bad/locked.md: cannot be read: permission denied") }
    return errors.map { "battery/" + $0 }.sorted()
  }

  /// Errors found while walking folders: what commands that do not read every note (eval) report.
  private var discoveryErrors: [String] {
    expectedErrors.filter { ["broken.md", "caf", "loop", "self.md", "long/"].contains(where: $0.contains) }
  }

  private func run(_ arguments: [String], stdin: [UInt8] = [], file: StaticString = #filePath, line: UInt = #line)
    throws -> BinaryRun
  {
    try Notelint.run(arguments, in: root, stdin: stdin, file: file, line: line)
  }

  /// The checks every command shares: exit 3, each bad file named once on its own line.
  private func assertSurvived(
    _ result: BinaryRun, _ what: String, file: StaticString = #filePath, line: UInt = #line
  ) {
    XCTAssertEqual(result.code, 3, "\(what): \(result.stderr.prefix(2_000))", file: file, line: line)
    XCTAssertEqual(result.errors.sorted(), expectedErrors, what, file: file, line: line)
    // Nothing but error lines and the closing summary on standard error.
    for errLine in result.errLines where !errLine.hasPrefix("notelint: error: ") {
      XCTAssertTrue(
        errLine.hasPrefix("notelint: ") && errLine.contains("unreadable") || errLine.hasPrefix("  by category: "),
        "\(what): \(errLine)", file: file, line: line)
    }
  }

  // MARK: - lint

  func testLintSurvivesTheBatteryInEveryFormat() throws {
    let json = try run(["lint", "battery", "--format", "json", "--today", "2026-11-23"])
    assertSurvived(json, "lint --format json")
    let report = try XCTUnwrap(parseJSON(json.stdout, "lint --format json") as? [String: Any])
    let files = try XCTUnwrap(report["files"] as? [[String: Any]]).compactMap { $0["path"] as? String }
    XCTAssertEqual(Set(files), good)
    let errors = try XCTUnwrap(report["errors"] as? [[String: Any]])
    XCTAssertEqual(
      errors.map { "\($0["file"] as? String ?? ""): \($0["reason"] as? String ?? "")" }.count, expectedErrors.count)
    let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
    func positions(_ path: String) -> [String] {
      findings.filter { $0["file"] as? String == "battery/" + path && $0["rule"] as? String == "vague-time" }.map {
        "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)"
      }
    }
    for path in ["encodings/crlf.md", "encodings/cr.md", "encodings/utf16le.md", "encodings/utf16be.md"] {
      XCTAssertEqual(positions(path), ["3:9", "5:6"], path)
    }
    XCTAssertEqual(positions("encodings/latin1.html"), ["2:24"])
    XCTAssertEqual(positions("encodings/tabs.md"), ["3:13"])
    XCTAssertEqual(positions("encodings/unicode.md"), ["3:27"])
    XCTAssertEqual(positions("shapes/nested.md"), ["3:9"])
    XCTAssertEqual(positions("shapes/deep.html"), ["1:25024"])
    XCTAssertEqual(positions("shapes/lines.md"), ["10001:9"])
    XCTAssertEqual(positions("names/two\nlines.md"), ["1:9"])
    XCTAssertEqual(positions("long/\(Self.deep)/\(Self.longName)"), ["1:9"])
    XCTAssertEqual(positions("shapes/empty.md") + positions("shapes/blank.md"), [])

    let text = try run(["lint", "battery", "--today", "2026-11-23"])
    assertSurvived(text, "lint")
    XCTAssertEqual(text.stdout, try run(["lint", "battery", "--today", "2026-11-23", "--jobs", "1"]).stdout)
    let lines = text.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
    XCTAssertEqual(lines.count, findings.count)
    for line in lines {
      XCTAssertTrue(line.hasPrefix("battery/") && line.hasSuffix("]") && line.contains(": "), String(line))
    }
    XCTAssertTrue(
      lines.contains("battery/encodings/crlf.md:3:9: warning: “soon” is not a date: nobody can check it. [vague-time]"))
    XCTAssertTrue(lines.contains { $0.hasPrefix("battery/names/two\\x0Alines.md:1:9: warning: ") })
    XCTAssertTrue(lines.contains { $0.hasPrefix("battery/names/tab\\x09here.md:1:9: warning: ") })
    XCTAssertTrue(text.errLines.contains { $0.hasPrefix("notelint: \(good.count) files, \(findings.count) findings") })

    for format in ["sarif", "github", "checkstyle", "junit", "markdown", "html"] {
      let result = try run(["lint", "battery", "--format", format, "--today", "2026-11-23"])
      assertSurvived(result, "lint --format \(format)")
      XCTAssertTrue(result.stdout.contains("crlf.md"), format)
      switch format {
      case "sarif":
        let sarif = try XCTUnwrap(parseJSON(result.stdout, "SARIF") as? [String: Any])
        let runs = try XCTUnwrap(sarif["runs"] as? [[String: Any]])
        XCTAssertEqual((runs.first?["results"] as? [Any])?.count, findings.count)
      case "checkstyle", "junit":
        XCTAssertTrue(isWellFormedXML(result.stdout), "\(format): \(result.stdout.prefix(500))")
      case "github":
        XCTAssertTrue(result.stdout.contains("::warning file=battery/encodings/crlf.md,line=3,col=9,"))
        for line in result.stdout.split(separator: "\n") { XCTAssertTrue(line.hasPrefix("::"), String(line)) }
      case "html":
        XCTAssertTrue(result.stdout.hasSuffix("</html>\n"))
      default:
        break
      }
    }
  }

  func testCacheBaselineOutputAndMergeSurviveTheBattery() throws {
    let cold = try run(["lint", "battery", "--cache-path", "cache", "--format", "json", "--today", "2026-11-23"])
    assertSurvived(cold, "lint --cache-path (cold)")
    let warm = try run(["lint", "battery", "--cache-path", "cache", "--format", "json", "--today", "2026-11-23"])
    assertSurvived(warm, "lint --cache-path (warm)")
    XCTAssertEqual(warm.stdout, cold.stdout)
    let cache = try Data(contentsOf: root.appendingPathComponent("cache/results.bin"))
    XCTAssertEqual(Array(cache.prefix(4)), Array("NLRC".utf8), "the cache")

    let recorded = try run(["lint", "battery", "--write-baseline", "baseline.json", "--today", "2026-11-23"])
    assertSurvived(recorded, "--write-baseline")
    let known = try run(["lint", "battery", "--baseline", "baseline.json", "--today", "2026-11-23"])
    assertSurvived(known, "--baseline")
    XCTAssertEqual(known.stdout, "")

    let written = try run(["lint", "battery", "--format", "json", "--output", "report.json", "--today", "2026-11-23"])
    assertSurvived(written, "--output")
    XCTAssertEqual(try Data(contentsOf: root.appendingPathComponent("report.json")), Data(cold.out))
    let merged = try run(["merge", "report.json", "--format", "sarif"])
    XCTAssertEqual(merged.code, 3, merged.stderr)
    XCTAssertNotNil(parseJSON(merged.stdout, "merged SARIF"))
  }

  func testStandardInputWithHostileBytes() throws {
    let nul = try run(["lint", "-", "--stdin-filename", "in.md"], stdin: Array("We ship".utf8) + [0, 0])
    XCTAssertEqual(nul.code, 3)
    XCTAssertEqual(nul.errors, ["in.md: binary file (contains NUL bytes), not a note"])
    let invalid = try run(["lint", "-", "--stdin-filename", "in.md"], stdin: [0x41, 0x0D, 0xC3, 0x28])
    XCTAssertEqual(invalid.errors, ["in.md: invalid UTF-8 at line 2 and no charset declared (save the file as UTF-8)"])
    let text = "<p>x</p>\r<p>We ship soon.</p>\r"
    let utf16 = try run(
      ["lint", "-", "--stdin-filename", "in.html", "--format", "json", "--today", "2026-11-23"],
      stdin: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
    XCTAssertEqual(utf16.code, 1, utf16.stderr)
    let findings = (parseJSON(utf16.stdout, "stdin JSON") as? [String: Any])?["findings"] as? [[String: Any]]
    XCTAssertEqual(findings?.map { "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0)" }, ["2:12"])
    let large = try run(["lint", "-", "--max-file-size", "10"], stdin: Array(repeating: 0x41, count: 11))
    XCTAssertEqual(large.errors, ["<stdin>.md: larger than the limit of 10 bytes (see --max-file-size)"])
    // An endless stream is cut at the limit, not read to its end.
    let endless = try Notelint.run(
      ["lint", "-", "--max-file-size", "1000", "--stdin-filename", "zero.md"], in: root, stdinPath: "/dev/zero",
      timeout: 60)
    XCTAssertEqual(endless.code, 3)
    XCTAssertEqual(endless.errors, ["zero.md: larger than the limit of 1000 bytes (see --max-file-size)"])
  }

  // MARK: - The other commands

  func testCheckpointActionsDigestAndEvalSurviveTheBattery() throws {
    for (gate, formats) in [
      ("technical", ["text", "markdown", "json", "html"]), ("business", ["json"]), ("review", ["json"]),
    ] {
      for format in formats {
        let result = try run(["checkpoint", gate, "battery", "--format", format, "--today", "2026-11-23"])
        assertSurvived(result, "checkpoint \(gate) --format \(format)")
        XCTAssertTrue(result.stdout.contains("patto"), "checkpoint \(gate) \(format)")
        if format == "json" { XCTAssertNotNil(parseJSON(result.stdout, "checkpoint \(gate) JSON")) }
      }
    }
    for format in ["text", "json", "csv", "markdown", "ics"] {
      let result = try run(["actions", "battery", "--format", format, "--today", "2026-11-23"])
      assertSurvived(result, "actions --format \(format)")
      XCTAssertTrue(result.stdout.contains("kickoff.md"), "actions \(format)")
      if format == "json" {
        let actions = (parseJSON(result.stdout, "actions JSON") as? [String: Any])?["actions"] as? [Any]
        XCTAssertGreaterThan(actions?.count ?? 0, 5)
      }
    }
    let digest = try run(["digest", "battery", "--out", "digests", "--today", "2026-11-23"])
    assertSurvived(digest, "digest")
    XCTAssertTrue(digest.stdout.contains("wrote digests/"), digest.stdout)
    XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("digests/_unassigned.md").path))

    let evaluation = try run(["eval", "battery", "--today", "2026-11-23"])
    XCTAssertEqual(evaluation.code, 3, evaluation.stderr)
    XCTAssertTrue(evaluation.stdout.hasPrefix("notelint eval: 4 labelled cases"), evaluation.stdout)
    let evalErrors = evaluation.stdout.split(separator: "\n").filter { $0.hasPrefix("error: ") }.map {
      String($0.dropFirst("error: ".count))
    }
    XCTAssertEqual(evalErrors.sorted(), discoveryErrors)
  }

  func testNothingBlocksOnAFIFOWhereNotelintReadsOrWrites() throws {
    // A FIFO as the configuration, the baseline, the cache, the digest state and a digest file.
    let folder = root.appendingPathComponent("fifos")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("out"), withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      at: folder.appendingPathComponent("cache"), withIntermediateDirectories: true)
    RawFiles.write(folder.path, "notes/a.md", "- [ ] We ship the deck soon.\n")
    for name in ["config.yml", "baseline.json", "cache/results.bin", "out/state.json", "out/_unassigned.md"] {
      XCTAssertEqual(mkfifo(folder.appendingPathComponent(name).path, 0o644), 0, name)
    }
    func run(_ arguments: [String]) throws -> BinaryRun {
      try Notelint.run(arguments + ["--today", "2026-11-23"], in: folder, timeout: 60)
    }
    let config = try run(["lint", "notes", "--config", "config.yml"])
    XCTAssertEqual(config.code, 2)
    XCTAssertEqual(config.errLines, ["notelint: config.yml: cannot be read: not a regular file"])
    let baseline = try run(["lint", "notes", "--baseline", "baseline.json"])
    XCTAssertEqual(baseline.code, 2)
    XCTAssertEqual(baseline.errLines, ["notelint: baseline.json: cannot be read: not a regular file"])
    let cache = try run(["lint", "notes", "--cache-path", "cache", "-q"])
    XCTAssertEqual(cache.code, 2)
    // The FIFO is neither read nor replaced by a regular file.
    XCTAssertEqual(
      cache.errLines,
      [
        "notelint: info: cache cache/results.bin cannot be read; rebuilding it",
        "notelint: error: cache: cache/results.bin: cannot be written: is a FIFO: notelint writes only regular files or new names",
      ])
    let state = try run(["digest", "notes", "--out", "out", "--state", "out/state.json"])
    XCTAssertEqual(state.code, 2)
    XCTAssertEqual(state.errLines, ["notelint: out/state.json: digest state: not a regular file"])
    let digest = try run(["digest", "notes", "--out", "out", "--state", "state.json"])
    XCTAssertEqual(digest.code, 3)
    XCTAssertEqual(
      digest.errors, ["out/_unassigned.md: exists and was not written by notelint digest: left untouched"])
  }

  // MARK: - Size limit

  func testFiftyMegabyteLineIsSkippedByDefaultAndLintedWhenTheLimitIsRaised() throws {
    let folder = root.appendingPathComponent("big")
    let count = 50 << 20
    var line = [UInt8](repeating: UInt8(ascii: "a"), count: count + 8)
    line[0] = UInt8(ascii: "`")
    line.replaceSubrange((count + 1)..<(count + 8), with: Array("` soon\n".utf8))
    RawFiles.write(folder.path, "one-line.md", line)
    RawFiles.write(folder.path, "small.md", "We ship soon.\n")
    let size = count + 8
    let skipped = try Notelint.run(["lint", ".", "--today", "2026-11-23"], in: folder)
    XCTAssertEqual(skipped.code, 3)
    XCTAssertEqual(
      skipped.errors,
      ["./one-line.md: file of \(size) bytes is larger than the limit of 8388608 bytes (see --max-file-size)"])
    XCTAssertTrue(skipped.stdout.hasPrefix("./small.md:1:9: warning: "), skipped.stdout)
    // The exact size in the message comes from stat: reading stops one chunk past the limit, so a
    // size found by reading could not be the file's.
    // The other commands refuse it from its size too, without reading it.
    for arguments in [["actions", "."], ["checkpoint", "business", "."], ["digest", ".", "--out", "../big-digest"]] {
      let result = try Notelint.run(arguments + ["--today", "2026-11-23"], in: folder)
      XCTAssertEqual(result.code, 3, arguments.joined(separator: " "))
      XCTAssertEqual(result.errors.count, 1, result.stderr)
      XCTAssertTrue(result.errors.first?.hasPrefix("./one-line.md: file of \(size) bytes is larger") ?? false)
    }
    let raised = try Notelint.run(
      ["lint", "one-line.md", "--max-file-size", "60000000", "--format", "json", "--today", "2026-11-23"], in: folder)
    XCTAssertEqual(raised.code, 1, raised.stderr)
    let findings = (parseJSON(raised.stdout, "JSON") as? [String: Any])?["findings"] as? [[String: Any]]
    XCTAssertEqual(
      findings?.map { "\($0["line"] as? Int ?? 0):\($0["column"] as? Int ?? 0):\($0["rule"] as? String ?? "")" },
      ["1:\(count + 4):vague-time"])
  }

  func testStagedBlobsOverTheLimitAreNeverLoaded() throws {
    let folder = root.appendingPathComponent("staged")
    RawFiles.write(folder.path, "notes/a.md", "We ship soon.\n")
    let size = 12 << 20
    RawFiles.write(folder.path, "notes/big.md", [UInt8](repeating: UInt8(ascii: "x"), count: size))
    // A git in front of the real one records what `cat-file --batch` is asked to load.
    let realGit = try XCTUnwrap(
      (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":").map { "\($0)/git" }.first {
        FileManager.default.isExecutableFile(atPath: $0)
      })
    let log = folder.appendingPathComponent("loaded.log").path
    RawFiles.write(
      folder.path, "bin/git",
      "#!/bin/sh\nif [ \"$3\" = cat-file ] && [ \"$4\" = --batch ]; then tee -a '\(log)' | '\(realGit)' \"$@\"; "
        + "else exec '\(realGit)' \"$@\"; fi\n")
    chmod(folder.appendingPathComponent("bin/git").path, 0o755)
    let environment = [
      "GIT_CONFIG_GLOBAL": "/dev/null",
      "PATH": folder.appendingPathComponent("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
    ]
    func git(_ command: String) throws -> String {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: realGit)
      process.arguments = ["-C", folder.path] + command.split(separator: " ").map(String.init)
      process.environment = environment
      let out = Pipe()
      process.standardOutput = out
      try process.run()
      let data = out.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      XCTAssertEqual(process.terminationStatus, 0, command)
      return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    _ = try git("init -q")
    _ = try git("add notes")
    let result = try Notelint.run(["lint", "--staged", "--today", "2026-11-23"], in: folder, environment: environment)
    XCTAssertEqual(result.code, 3, result.stderr)
    XCTAssertEqual(
      result.errors,
      ["notes/big.md: file of \(size) bytes is larger than the limit of 8388608 bytes (see --max-file-size)"])
    XCTAssertTrue(result.stdout.hasPrefix("notes/a.md:1:9: warning: "), result.stdout)
    let loaded = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    XCTAssertTrue(loaded.contains(try git("rev-parse :notes/a.md")), loaded)
    XCTAssertFalse(loaded.contains(try git("rev-parse :notes/big.md")), "the blob over the limit was loaded")
  }
}

/// Hostile text in every field of the structured outputs (issue 18): control characters, CR/LF,
/// delimiters and formula prefixes in items, roster names, handles, e-mails and `--link-base` are
/// escaped by each format's one escaping function, checked by parsing the output back.
final class HostileOutputCLITests: XCTestCase {
  private var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-inject-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    RawFiles.removeTree(root.path)
  }

  private func run(_ arguments: [String]) throws -> BinaryRun {
    try Notelint.run(arguments, in: root)
  }

  private static let nasties = ["=SUM(A1)", "+cmd|' /C calc'!A0", "-2+3", "@SUM(1)", "\t=1", "a,b;c\\d\"e", "x\u{7}y"]

  private func writeNote() {
    var note = "---\nteam:\n"
    for (index, nasty) in Self.nasties.enumerated() {
      let yaml = nasty.unicodeScalars.map {
        $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? String($0) : String(format: "\\x%02X", $0.value)
      }.joined()
      note += "  - {name: \"Person\(index) \(yaml)\", handle: \"\(yaml)h\(index)\", "
      note += "email: \"p\(index)@x.org\\r\\nBEGIN:VTODO\\r\\nSUMMARY:injected\"}\n"
    }
    note += "---\n\n# Actions\n\n"
    for (index, nasty) in Self.nasties.enumerated() {
      note += "- [ ] Person\(index) to send \(nasty) the report by 2026-12-\(10 + index)\n"
    }
    RawFiles.write(root.path, "notes/a.md", note)
  }

  func testCSVCellsParseBackAndNoCellStartsAFormula() throws {
    writeNote()
    let csv = try run(["actions", "notes", "--format", "csv", "--today", "2026-12-01"])
    XCTAssertEqual(csv.code, 0, csv.stderr)
    let file = root.appendingPathComponent("out.csv")
    try Data(csv.out).write(to: file)
    let script = """
      import csv, re, sys
      rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
      header, body = rows[0], rows[1:]
      assert len(body) == 7, len(body)
      for row in body:
          assert len(row) == len(header), row
          for cell in row:
              if cell and cell[0] in "=+-@\\t\\r" and not re.fullmatch(r"-[0-9]+", cell):
                  print("formula cell:", repr(cell)); sys.exit(1)
      print("ok")
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    do { try process.run() } catch { throw XCTSkip("python3 is not available: \(error)") }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, text)
  }

  func testICSHasNoInjectedLinesAndJSONParses() throws {
    writeNote()
    let ics = try run([
      "actions", "notes", "--format", "ics", "--today", "2026-12-01", "--link-base", "https://h/\r\nBEGIN:VEVENT\r\nX:",
    ])
    XCTAssertEqual(ics.code, 0, ics.stderr)
    let unfolded = ics.stdout.replacingOccurrences(of: "\r\n ", with: "")
    let lines = unfolded.components(separatedBy: "\r\n").filter { !$0.isEmpty }
    let names = Set([
      "BEGIN", "END", "VERSION", "PRODID", "CALSCALE", "METHOD", "X-WR-CALNAME", "UID", "DTSTAMP", "DTSTART", "DUE",
      "SUMMARY", "DESCRIPTION", "STATUS", "CATEGORIES", "URL", "ATTENDEE",
    ])
    for line in lines {
      let name = String(line.prefix { $0 != ":" && $0 != ";" })
      XCTAssertTrue(names.contains(name), line)
      XCTAssertFalse(line.unicodeScalars.contains { $0.value < 0x20 }, line)
    }
    XCTAssertEqual(lines.filter { $0 == "BEGIN:VTODO" }.count, 7)
    XCTAssertEqual(lines.filter { $0.hasPrefix("BEGIN:") }.count, 8)
    XCTAssertFalse(unfolded.contains("\r\nSUMMARY:injected"))
    for command in [
      ["actions", "notes", "--format", "json", "--today", "2026-12-01"],
      ["lint", "notes", "--format", "json", "--today", "2026-12-01"],
      ["lint", "notes", "--format", "sarif", "--today", "2026-12-01"],
    ] {
      let result = try run(command)
      XCTAssertTrue([0, 1].contains(result.code), result.stderr)
      XCTAssertNotNil(try? JSONSerialization.jsonObject(with: Data(result.out)), "\(command)")
    }
  }

  /// Numbers past what the options can mean are usage errors, never an arithmetic trap.
  func testOverflowingNumericOptionsAreUsageErrors() throws {
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    for command in [
      ["lint", "notes", "--max-file-size", "9223372036854775807"], ["lint", "notes", "--jobs", "9223372036854775807"],
      ["actions", "notes", "--due-within", "1537228672809129301w"],
    ] {
      let result = try run(command)
      XCTAssertEqual(result.code, 2, "\(command): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("must be"), result.stderr)
    }
  }

  /// A symbolic link inside the walked folder to a note outside it is not followed (a notice says
  /// so) unless `--follow-external-symlinks`; a link to a note inside is linted as before.
  func testSymlinksLeavingTheTreeAreNotFollowedByDefault() throws {
    RawFiles.write(root.path, "outside/secret.md", "The secret ships soon.\n")
    RawFiles.write(root.path, "notes/a.md", "Fine.\n")
    RawFiles.write(root.path, "notes/sub/b.md", "We ship later.\n")
    XCTAssertEqual(symlink("../outside/secret.md", root.appendingPathComponent("notes/secret.md").path), 0)
    XCTAssertEqual(symlink("../outside", root.appendingPathComponent("notes/out").path), 0)
    XCTAssertEqual(symlink("sub/b.md", root.appendingPathComponent("notes/inner.md").path), 0)
    let plain = try run(["lint", "notes", "--format", "json"])
    XCTAssertEqual(plain.code, 1, plain.stderr)
    XCTAssertFalse(plain.stdout.contains("secret ships"), plain.stdout)
    XCTAssertTrue(plain.stdout.contains("notes/inner.md"), plain.stdout)
    XCTAssertTrue(plain.stderr.contains("notes/secret.md: symbolic link to outside"), plain.stderr)
    XCTAssertTrue(plain.stderr.contains("notes/out: symbolic link to outside"), plain.stderr)
    let followed = try run(["lint", "notes", "--format", "json", "--follow-external-symlinks"])
    XCTAssertEqual(followed.code, 1, followed.stderr)
    XCTAssertTrue(followed.stdout.contains("notes/secret.md"), followed.stdout)
    XCTAssertTrue(followed.stdout.contains("notes/out/secret.md"), followed.stdout)
  }

  /// A tree 1,500 folders deep is walked (one stat a folder; it was a readlink per component) and
  /// its deepest note linted.
  func testDeepTreeIsWalked() throws {
    let depth = 1_500
    let deep = Array(repeating: "a", count: depth).joined(separator: "/")
    RawFiles.write(root.path, "deep/" + deep + "/n.md", "We ship soon.\n")
    let result = try run(["lint", "deep", "--format", "json"])
    XCTAssertEqual(result.code, 1, result.stderr)
    XCTAssertTrue(result.stdout.contains(deep + "/n.md"), String(result.stdout.prefix(300)))
  }

  /// Low items: `eval` on an empty folder, a configuration over 1 MiB, `merge` of a report with a
  /// negative line or `endLine: 0` — each a usage error with an accurate message.
  func testLowItemsGiveAccurateUsageErrors() throws {
    try FileManager.default.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    let eval = try run(["eval", "empty"])
    XCTAssertEqual(eval.code, 2, eval.stderr)
    XCTAssertTrue(eval.stderr.contains("no labelled notes"), eval.stderr)
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    RawFiles.write(root.path, "big.yml", "version: 1\n" + String(repeating: "#", count: 1 << 20) + "\n")
    let big = try run(["lint", "notes", "--config", "big.yml"])
    XCTAssertEqual(big.code, 2, big.stderr)
    XCTAssertTrue(big.stderr.contains("over the limit of 1 MiB"), big.stderr)
    XCTAssertFalse(big.stderr.contains("--max-file-size"), big.stderr)
    let alternations = String(repeating: "{a,b,c,d}", count: 20)
    RawFiles.write(root.path, "alt.yml", "version: 1\nlexicon:\n  en:\n    reject:\n      - \"\(alternations)\"\n")
    let alt = try run(["lint", "notes", "--config", "alt.yml"])
    XCTAssertEqual(alt.code, 2, alt.stderr)
    XCTAssertTrue(alt.stderr.contains("alt.yml:5: ") && alt.stderr.contains("at most 1000"), alt.stderr)
    let report = try run(["lint", "notes", "--format", "json", "--today", "2026-12-01"])
    XCTAssertEqual(report.code, 1, report.stderr)
    for (key, value) in [("\"line\":1,", "\"line\":-3,"), ("\"endLine\":1,", "\"endLine\":0,")] {
      let text = report.stdout.replacingOccurrences(of: " ", with: "")
      XCTAssertTrue(text.contains(key), String(text.prefix(400)))
      RawFiles.write(root.path, "bad.json", text.replacingOccurrences(of: key, with: value))
      let merged = try run(["merge", "bad.json"])
      XCTAssertEqual(merged.code, 2, merged.stderr)
      XCTAssertTrue(merged.stderr.contains("lines and columns start at 1"), merged.stderr)
    }
  }

  /// A link to a file that never has data (`/proc/kmsg`: a "regular" file that says try again)
  /// ends at once with exit 3 naming it, instead of waiting forever.
  func testAFileThatWouldBlockIsAnErrorNotAHang() throws {
    guard FileManager.default.fileExists(atPath: "/proc/kmsg") else { throw XCTSkip("no /proc/kmsg here") }
    XCTAssertEqual(symlink("/proc/kmsg", root.appendingPathComponent("kmsg.md").path), 0)
    let result = try Notelint.run(["lint", "kmsg.md"], in: root, timeout: 20)
    XCTAssertFalse(result.killed)
    XCTAssertEqual(result.code, 3, result.stderr)
    XCTAssertTrue(result.stderr.contains("kmsg.md: cannot be read"), result.stderr)
  }
}
