import Foundation
import XCTest

/// The real `notelint` binary in scratch folders and git repositories, as a new user runs it:
/// configuration, init, --staged, the hook, --output, shards and merge, baseline, cache.
final class WorkflowCLITests: XCTestCase {
  private var binary: String { BuiltBinary.url.path }

  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-flow-\(UUID().uuidString)")
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

  private func read(_ name: String) throws -> String {
    try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
  }

  private func exists(_ name: String) -> Bool {
    FileManager.default.fileExists(atPath: scratch.appendingPathComponent(name).path)
  }

  @discardableResult
  private func run(_ executable: String, _ arguments: [String], in folder: String = "") throws -> (
    out: String, err: String, code: Int32
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.currentDirectoryURL = folder.isEmpty ? scratch : scratch.appendingPathComponent(folder)
    var environment = ProcessInfo.processInfo.environment
    environment["NOTELINT"] = binary
    environment["GIT_CONFIG_GLOBAL"] = "/dev/null"
    process.environment = environment
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read standard error on another thread: a chatty child could fill one pipe while we wait on the other.
    let errData = DataBox()
    let errReader = DispatchQueue(label: "stderr")
    let errHandle = err.fileHandleForReading
    errReader.async { errData.data = errHandle.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    errReader.sync {}
    return (
      String(decoding: outData, as: UTF8.self), String(decoding: errData.data, as: UTF8.self), process.terminationStatus
    )
  }

  @discardableResult
  private func notelint(_ arguments: String..., in folder: String = "") throws -> (
    out: String, err: String, code: Int32
  ) {
    try run(binary, arguments, in: folder)
  }

  @discardableResult
  private func git(_ arguments: String...) throws -> (out: String, err: String, code: Int32) {
    try run("/usr/bin/git", ["-c", "user.email=test@example.com", "-c", "user.name=Test"] + arguments)
  }

  private let vague = "# Status\n\nThe model ships in the coming weeks, with some gains.\n"
  private let clean = "# Status\n\nThe model shipped on 2026-11-20.\n"

  func testInvalidConfigurationStopsWithOneLineNamingFileLineAndReason() throws {
    try write(".notelint.yml", "language: en\nrules:\n  vage-time: off\n")
    try write("notes/a.md", vague)
    let result = try notelint("lint", "notes")
    XCTAssertEqual(result.code, 2)
    XCTAssertEqual(result.out, "")
    XCTAssertEqual(
      result.err, "notelint: .notelint.yml:3: unknown rule or category 'vage-time' (did you mean 'vague-time'?)\n")
    try write("ci.yml", "fail-on: [x\n")
    let explicit = try notelint("lint", "notes", "--config", "ci.yml")
    XCTAssertEqual(explicit.code, 2)
    XCTAssertTrue(explicit.err.hasPrefix("notelint: ci.yml:2: invalid YAML"), explicit.err)
    XCTAssertEqual(explicit.err.split(separator: "\n").count, 1)
  }

  func testInitWritesAStarterThatLintsAndNeverOverwritesWithoutForce() throws {
    let first = try notelint("init", "--language", "it")
    XCTAssertEqual(first.code, 0, first.err)
    let starter = try read(".notelint.yml")
    XCTAssertTrue(starter.contains("language: it"))
    try write("notes/a.md", "# Stato\n\nIl modello sarà pronto a breve.\n")
    XCTAssertEqual(try notelint("lint", "notes", "-q").code, 1)

    try write(".notelint.yml", "# mine\n")
    let again = try notelint("init")
    XCTAssertEqual(again.code, 2)
    XCTAssertTrue(again.err.contains("already exists"), again.err)
    XCTAssertEqual(try read(".notelint.yml"), "# mine\n")
    XCTAssertEqual(try notelint("init", "--force").code, 0)
    XCTAssertTrue(try read(".notelint.yml").contains("version: 1"))
  }

  func testFailOnComesFromConfigurationAndTheCommandLineWins() throws {
    try write("notes/a.md", vague)
    try write(".notelint.yml", "fail-on: none\n")
    XCTAssertEqual(try notelint("lint", "notes", "-q").code, 0)
    XCTAssertEqual(try notelint("lint", "notes", "-q", "--fail-on", "warning").code, 1)
    try write(".notelint.yml", "overrides:\n  - files: [\"notes/**\"]\n    rules:\n      vague-phrasing: info\n")
    XCTAssertEqual(try notelint("lint", "notes", "-q").code, 0)
    XCTAssertEqual(try notelint("lint", "notes", "-q", "--fail-on", "info").code, 1)
  }

  func testStagedLintsTheIndexAndReportsTheRealPaths() throws {
    try git("init", "-q")
    try write("notes/a.md", vague)
    try write("notes/untracked.md", vague)
    try write("notes/data.txt", "soon")
    try git("add", "notes/a.md", "notes/data.txt")
    // The work tree differs from the index: only the staged content counts.
    try write("notes/a.md", clean)
    let staged = try notelint("lint", "--staged", "--today", "2026-11-23")
    XCTAssertEqual(staged.code, 1, staged.err)
    XCTAssertTrue(staged.out.contains("notes/a.md:3:17: warning: "), staged.out)
    XCTAssertFalse(staged.out.contains("untracked"), staged.out)
    XCTAssertEqual(try notelint("lint", "notes/a.md", "-q").code, 0)

    // From a subfolder the path is relative to it.
    try FileManager.default.createDirectory(
      at: scratch.appendingPathComponent("sub"), withIntermediateDirectories: true)
    let fromSub = try notelint("lint", "--staged", "--format", "json", in: "sub")
    XCTAssertTrue(fromSub.out.contains("\"file\": \"../notes/a.md\""), fromSub.out)

    // Stage the clean version: nothing left; a staged exclusion is honoured.
    try git("add", "notes/a.md")
    XCTAssertEqual(try notelint("lint", "--staged", "-q").code, 0)
    try write("archive/old.md", vague)
    try git("add", "archive/old.md")
    XCTAssertEqual(try notelint("lint", "--staged", "-q").code, 1)
    try write(".notelintignore", "archive/\n")
    XCTAssertEqual(try notelint("lint", "--staged", "-q").code, 0)
  }

  func testHookNeverOverwritesSilently() throws {
    try git("init", "-q")
    let hook = ".git/hooks/pre-commit"
    let earlier = "#!/bin/sh\necho earlier hook ran >&2\n"
    try write(hook, earlier)
    chmod(scratch.appendingPathComponent(hook).path, 0o755)

    let refused = try notelint("hook", "install")
    XCTAssertEqual(refused.code, 2)
    XCTAssertTrue(refused.err.contains("--chain") && refused.err.contains("--force"), refused.err)
    XCTAssertEqual(try read(hook), earlier)

    let chained = try notelint("hook", "install", "--chain")
    XCTAssertEqual(chained.code, 0, chained.err)
    XCTAssertEqual(try read(".git/hooks/pre-commit.before-notelint"), earlier)
    XCTAssertTrue(try read(hook).contains("notelint lint --staged") || read(hook).contains("lint --staged"))

    // A commit of a vague note is stopped; both hooks ran.
    try write("notes/a.md", vague)
    try git("add", "notes/a.md")
    let blocked = try git("commit", "-q", "-m", "vague")
    XCTAssertNotEqual(blocked.code, 0)
    XCTAssertTrue(blocked.err.contains("earlier hook ran"), blocked.err)
    XCTAssertTrue(blocked.err.contains("notes/a.md:3:"), blocked.err)
    try write("notes/a.md", clean)
    try git("add", "notes/a.md")
    XCTAssertEqual(try git("commit", "-q", "-m", "clean").code, 0)

    // Reinstalling updates notelint's own hook; uninstall puts the earlier one back.
    XCTAssertTrue(try notelint("hook", "install").out.contains("updated"))
    XCTAssertEqual(try notelint("hook", "uninstall").code, 0)
    XCTAssertEqual(try read(hook), earlier)

    let forced = try notelint("hook", "install", "--force")
    XCTAssertEqual(forced.code, 0, forced.err)
    XCTAssertEqual(try read(".git/hooks/pre-commit.notelint-backup"), earlier)
  }

  func testOutputFileMatchesStandardOutput() throws {
    try write("notes/a.md", vague)
    let printed = try notelint("lint", "notes", "--format", "json", "--today", "2026-11-23")
    let written = try notelint("lint", "notes", "--format", "json", "--today", "2026-11-23", "--output", "out.json")
    XCTAssertEqual(written.code, printed.code)
    XCTAssertEqual(written.out, "")
    XCTAssertEqual(try read("out.json"), printed.out)
    let names = try FileManager.default.contentsOfDirectory(atPath: scratch.path)
    XCTAssertFalse(names.contains { $0.contains(".tmp-") }, "\(names)")
  }

  func testShardsMergeToTheBytesOfOneRun() throws {
    for index in 0..<30 {
      try write("notes/\(index % 4)/n\(index).md", index % 3 == 0 ? clean : vague)
    }
    let whole = try notelint("lint", "notes", "--format", "json", "--today", "2026-11-23")
    var files: [String] = []
    for index in 1...3 {
      let part = try notelint(
        "lint", "notes", "--format", "json", "--today", "2026-11-23", "--shard", "\(index)/3", "--output",
        "shard-\(index).json")
      XCTAssertNotEqual(part.code, 2, part.err)
      files.append("shard-\(index).json")
    }
    let merged = try run(binary, ["merge"] + files)
    XCTAssertEqual(merged.code, 0, merged.err)
    XCTAssertEqual(merged.out, whole.out)
    let text = try run(binary, ["merge", "--format", "text", "--fail-on", "warning"] + files)
    XCTAssertEqual(text.code, 1)
    XCTAssertTrue(text.out.contains("notes/0/n4.md:3:"), text.out)
    XCTAssertEqual(try notelint("lint", "notes", "--shard", "4/3").code, 2)
    let bad = try run(binary, ["merge", "notes/0/n0.md"])
    XCTAssertEqual(bad.code, 2)
    XCTAssertTrue(bad.err.contains("notes/0/n0.md: is not a notelint JSON report"), bad.err)
  }

  func testBaselineReportsOnlyNewFindings() throws {
    try write("notes/a.md", vague)
    let recorded = try notelint("lint", "notes", "--write-baseline", "baseline.json")
    XCTAssertEqual(recorded.code, 0, recorded.err)
    let quiet = try notelint("lint", "notes", "--baseline", "baseline.json")
    XCTAssertEqual(quiet.code, 0)
    XCTAssertEqual(quiet.out, "")
    XCTAssertTrue(quiet.err.contains("2 known in the baseline"), quiet.err)
    // Lines above shift the known findings; one new finding is reported.
    try write(
      "notes/a.md", "# Status\n\nBackground: see the dashboard.\n\n" + vague.dropFirst(10) + "\nResults arrive soon.\n")
    let later = try notelint("lint", "notes", "--baseline", "baseline.json")
    XCTAssertEqual(later.code, 1)
    XCTAssertEqual(later.out, "notes/a.md:7:16: warning: “soon” is not a date: nobody can check it. [vague-time]\n")
    let broken = try notelint("lint", "notes", "--baseline", "notes/a.md")
    XCTAssertEqual(broken.code, 2)
    XCTAssertTrue(broken.err.hasPrefix("notelint: notes/a.md: is not a notelint baseline"), broken.err)
  }

  func testCacheIsReusedAndACorruptCacheIsRebuilt() throws {
    for index in 0..<6 { try write("notes/n\(index).md", vague) }
    let cold = try notelint("lint", "notes", "--cache-path", "cache", "--today", "2026-11-23")
    XCTAssertTrue(cold.err.contains("cache: 0 reused, 6 linted"), cold.err)
    let warm = try notelint("lint", "notes", "--cache-path", "cache", "--today", "2026-11-23")
    XCTAssertTrue(warm.err.contains("cache: 6 reused, 0 linted"), warm.err)
    XCTAssertEqual(warm.out, cold.out)
    // A different --today changes the key.
    XCTAssertTrue(
      try notelint("lint", "notes", "--cache-path", "cache", "--today", "2026-12-01").err.contains("0 reused"))

    try write("cache/results.bin", "\u{0}garbage")
    let rebuilt = try notelint("lint", "notes", "--cache-path", "cache", "--today", "2026-11-23")
    XCTAssertTrue(
      rebuilt.err.hasPrefix("notelint: info: cache cache/results.bin is corrupt; rebuilding it\n"), rebuilt.err)
    XCTAssertEqual(rebuilt.out, cold.out)
    XCTAssertTrue(
      try notelint("lint", "notes", "--cache-path", "cache", "--today", "2026-11-23").err.contains("6 reused"))
    XCTAssertTrue(exists("cache/.gitignore"))
  }

  func testClosingSummaryGoesToStandardErrorForText() throws {
    try write("notes/a.md", vague)
    try write("notes/b.md", clean)
    let result = try notelint("lint", "notes", "--today", "2026-11-23")
    XCTAssertFalse(result.out.contains("finding"), result.out)
    let lines = result.err.split(separator: "\n")
    XCTAssertTrue(
      lines.first?.hasPrefix("notelint: 2 files, 2 findings (0 errors, 2 warnings, 0 info) in ") ?? false, result.err)
    XCTAssertEqual(lines.last, "  by category: vague-phrasing 2")
    XCTAssertEqual(try notelint("lint", "notes", "--format", "json").err, "")
  }
}

/// Written by one reader thread, read after it is done.
private final class DataBox: @unchecked Sendable {
  var data = Data()
}
