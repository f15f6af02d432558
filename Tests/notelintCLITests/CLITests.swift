import Foundation
import XCTest

/// Runs the real `notelint` binary and checks its output and exit codes.
final class CLITests: XCTestCase {
  private var binary: URL { BuiltBinary.url }

  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-cli-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  @discardableResult
  private func write(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = scratch.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(bytes).write(to: url)
    return url.path
  }

  @discardableResult
  private func write(_ name: String, _ text: String) throws -> String {
    try write(name, Array(text.utf8))
  }

  private func run(_ arguments: [String], stdin: String? = nil, environment: [String: String] = [:]) throws -> (
    out: String, err: String, code: Int32
  ) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = scratch
    var env = ProcessInfo.processInfo.environment
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = input
    try process.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try input.fileHandleForWriting.close()
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    let errData = err.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self), process.terminationStatus
    )
  }

  private let englishNote = """
    # Weekly status

    A new export of the churn data arrives soon from finance, after the quarter closes.
    Accuracy is fine on the holdout set.

    ```
    soon
    ```
    """

  func testTextOutputHasExactPositionAndExitCodeOne() throws {
    try write("status.md", englishNote)
    let result = try run(["lint", "status.md", "--today", "2026-11-23"])
    XCTAssertEqual(result.code, 1)
    XCTAssertTrue(result.out.contains("status.md:3:40: warning: "), result.out)
    XCTAssertTrue(result.out.contains("[vague-time]"), result.out)
    XCTAssertFalse(result.out.contains("status.md:7:"), "code blocks are never linted")
  }

  func testFailOnErrorExitsZeroForWarnings() throws {
    try write("status.md", englishNote)
    let result = try run(["lint", "status.md", "--fail-on", "error", "--quiet"])
    XCTAssertEqual(result.code, 0)
    XCTAssertFalse(result.out.contains("finding"), "--quiet prints no summary")
  }

  func testBadInputsAreReportedAndTheGoodFileStillLinted() throws {
    try write("good.md", englishNote)
    try write("binary.md", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x01])
    try write("latin.md", Array("Il modello sar".utf8) + [0xE0] + Array(" pronto a breve.\n".utf8))
    let result = try run(["lint", "good.md", "binary.md", "latin.md", "missing.md", "--today", "2026-11-23"])
    XCTAssertEqual(result.code, 3)
    XCTAssertTrue(result.out.contains("good.md:3:40:"), result.out)
    let errors = result.err.split(separator: "\n")
    XCTAssertTrue(errors.contains { $0.contains("binary.md") && $0.contains("binary") }, result.err)
    XCTAssertTrue(errors.contains { $0.contains("latin.md") && $0.contains("invalid UTF-8 at line 1") }, result.err)
    XCTAssertTrue(errors.contains { $0.contains("missing.md") && $0.contains("no such file") }, result.err)
  }

  func testJSONOutputFollowsTheSpecAndIsDeterministic() throws {
    try write("notes/a.md", englishNote)
    try write("notes/b.md", "# Verbale\n\nIl modello sarà pronto a breve, con alcune colonne in più.\n")
    let first = try run(["lint", "notes", "--format", "json", "--today", "2026-11-23"])
    let second = try run(["lint", "notes", "--format", "json", "--today", "2026-11-23", "--jobs", "1"])
    XCTAssertEqual(first.out, second.out)
    let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(first.out.utf8)) as? [String: Any])
    XCTAssertEqual(json["today"] as? String, "2026-11-23")
    let files = try XCTUnwrap(json["files"] as? [[String: Any]])
    XCTAssertEqual(files.map { $0["path"] as? String }, ["notes/a.md", "notes/b.md"])
    XCTAssertEqual(files.map { $0["language"] as? String }, ["en", "it"])
    let findings = try XCTUnwrap(json["findings"] as? [[String: Any]])
    let italian = try XCTUnwrap(findings.first { ($0["file"] as? String) == "notes/b.md" })
    XCTAssertEqual(italian["line"] as? Int, 3)
    XCTAssertEqual(italian["column"] as? Int, 24)
    XCTAssertEqual(italian["category"] as? String, "vague-phrasing")
    XCTAssertTrue((italian["message"] as? String)?.contains("«a breve»") ?? false)
    let summary = try XCTUnwrap(json["summary"] as? [String: Any])
    XCTAssertEqual(summary["files"] as? Int, 2)
    XCTAssertEqual(summary["findings"] as? Int, findings.count)
  }

  func testStandardInputWithFilename() throws {
    let result = try run(
      ["lint", "-", "--stdin-filename", "minutes.html", "--today", "2026-11-23"],
      stdin: "<p>We will fix the &quot;export&quot; soon.</p>\n")
    XCTAssertTrue(result.out.contains("minutes.html:1:"), result.out)
  }

  func testUsageErrorsExitTwo() throws {
    XCTAssertEqual(try run(["lint", "x.md", "--format", "yaml"]).code, 2)
    XCTAssertEqual(try run(["lint", "x.md", "--today", "23/11/2026"]).code, 2)
    XCTAssertEqual(try run(["lint"]).code, 2)
  }

  func testVersion() throws {
    let result = try run(["--version"])
    XCTAssertEqual(result.code, 0)
    XCTAssertTrue(result.out.hasPrefix("0."), result.out)
  }

  func testNoColorWhenNotATerminal() throws {
    try write("status.md", englishNote)
    let result = try run(["lint", "status.md"])
    XCTAssertFalse(result.out.contains("\u{1B}["))
  }
}
