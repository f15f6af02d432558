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

  /// Needs the official MCP Python SDK (`pip install mcp`, installed by .ci/run): without it the
  /// test fails rather than skips.
  func testModelContextProtocolServerEndToEnd() throws {
    let result = try Self.runPython("mcp_e2e.py")
    XCTAssertNotEqual(result.status, 77, "install the MCP Python SDK: python3 -m pip install mcp\n" + result.output)
    XCTAssertEqual(result.status, 0, result.output)
    XCTAssertTrue(result.output.contains("all checks passed"), result.output)
  }
}
