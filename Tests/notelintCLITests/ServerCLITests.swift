import Foundation
import XCTest

/// The servers end to end: Python clients in Tests/e2e drive the built binary over pipes.
final class ServerCLITests: XCTestCase {
  static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("e2e")

  /// Runs a script with the binary's path; skips only when python3 itself is missing.
  static func runPython(_ script: String, _ arguments: [String] = []) throws -> (status: Int32, output: String) {
    guard
      let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: FileManager.default.isExecutableFile)
        ?? which("python3")
    else {
      throw XCTSkip("python3 is not available")
    }
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
}
