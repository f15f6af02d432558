import Foundation
import XCTest

/// The servers end to end: Python clients in Tests/e2e drive the built binary over pipes.
final class ServerCLITests: XCTestCase {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("e2e")

  /// Runs a script with the binary's path; skips only when python3 itself is missing.
  static func runPython(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
    // The python3 on PATH, as `.ci/run`'s `python3 -m pip install` uses.
    guard let python = which("python3") else { throw XCTSkip("python3 is not available") }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [scripts.appendingPathComponent(script).path, BuiltBinary.url.path] + arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }

  static func which(_ name: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let candidate = "\(folder)/\(name)"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
  }

  func testLanguageServerEndToEnd() throws {
    let result = try Self.runPython("lsp_e2e.py")
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.output.contains("all checks passed"), result.output)
  }

  /// A 10 MB note: while it is linted, a hover, a pull and an edit of another note are answered
  /// first; edits of the large note during its lint publish only the last text's diagnostics.
  func testLanguageServerAnswersOtherRequestsDuringALargeLint() throws {
    let result = try Self.runPython("lsp_large_e2e.py")
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.output.contains("all checks passed"), result.output)
  }

  /// Needs the official MCP Python SDK (`pip install mcp`, installed by .ci/run): without it the
  /// test fails rather than skips.
  func testModelContextProtocolServerEndToEnd() throws {
    let result = try Self.runPython("mcp_e2e.py")
    XCTAssertNotEqual(result.status, 77, "install the MCP Python SDK: python3 -m pip install mcp\n" + result.output)
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.output.contains("all checks passed"), result.output)
  }
}

/// Headless Neovim (Debian's `neovim`, installed by .ci/run) as the editor: its diagnostics, in byte
/// columns, must be the CLI's findings. Skips when `nvim` is not installed.
final class NeovimCLITests: XCTestCase {
  func testNeovimShowsTheFindingsAtTheirWords() throws {
    guard let nvim = ServerCLITests.which("nvim") else {
      throw XCTSkip("nvim is not installed (apt-get install neovim)")
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-nvim-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let text = "# Stato 🚀\n\n🚀 We will probably fix the data soon.\n"
    try text.write(to: folder.appendingPathComponent("status.md"), atomically: true, encoding: .utf8)
    let out = folder.appendingPathComponent("diagnostics.json")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: nvim)
    process.arguments = [
      "--headless", "-u", "NONE", "-i", "NONE", "-n", "-c",
      "luafile \(ServerCLITests.scripts.appendingPathComponent("nvim_e2e.lua").path)", "status.md",
    ]
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NOTELINT_BINARY"] = BuiltBinary.url.path
    environment["NOTELINT_NVIM_OUT"] = out.path
    environment["NOTELINT_TODAY"] = "2026-12-07"
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    let data = try Data(contentsOf: out)
    let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    XCTAssertEqual(json["found"] as? Bool, true)
    let diagnostics = try XCTUnwrap(json["diagnostics"] as? [[String: Any]])
    // The CLI's findings, their scalar columns turned into byte columns of the line.
    let lint = try BuiltBinary.run(["lint", "--format", "json", "--today", "2026-12-07", "status.md"], in: folder)
    let report = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(lint.out.utf8)) as? [String: Any])
    let findings = try XCTUnwrap(report["findings"] as? [[String: Any]])
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    func byteColumn(_ line: Int, _ column: Int) -> Int {
      String(String.UnicodeScalarView(lines[line - 1].unicodeScalars.prefix(column - 1))).utf8.count
    }
    let expected = findings.map { finding -> String in
      let line = finding["line"] as! Int
      let endLine = finding["endLine"] as! Int
      return
        "\(finding["rule"]!) \(line - 1):\(byteColumn(line, finding["column"] as! Int))-\(endLine - 1):\(byteColumn(endLine, finding["endColumn"] as! Int))"
    }.sorted()
    let got = diagnostics.map { "\($0["code"]!) \($0["lnum"]!):\($0["col"]!)-\($0["end_lnum"]!):\($0["end_col"]!)" }
      .sorted()
    XCTAssertFalse(expected.isEmpty)
    XCTAssertEqual(got, expected)
    XCTAssertTrue(got.contains("unverified-hypothesis 2:8-2:21"), "\(got)")
  }
}
