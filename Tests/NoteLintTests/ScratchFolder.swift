import Foundation
import NoteLint
import XCTest

/// A temporary folder for one test, removed afterwards; the test's current folder while it runs
/// (relative paths, as a user gives them).
final class ScratchFolder {
  let url: URL
  var path: String { url.path }
  private let previous: String

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-engine-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    previous = FileManager.default.currentDirectoryPath
    _ = FileManager.default.changeCurrentDirectoryPath(url.path)
  }

  deinit {
    _ = FileManager.default.changeCurrentDirectoryPath(previous)
    try? FileManager.default.removeItem(at: url)
  }

  @discardableResult
  func write(_ relative: String, _ text: String) throws -> String {
    let file = url.appendingPathComponent(relative)
    try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: file)
    return relative
  }

  func read(_ relative: String) throws -> String {
    try String(contentsOf: url.appendingPathComponent(relative), encoding: .utf8)
  }

  /// Runs git in the folder (for tests that need a repository).
  @discardableResult
  func git(_ arguments: String...) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["git", "-c", "user.email=test@example.com", "-c", "user.name=Test"] + arguments
    process.currentDirectoryURL = url
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " "))")
    return String(decoding: data, as: UTF8.self)
  }
}

let testToday = CivilDate(year: 2026, month: 11, day: 23)!

/// A linter with configuration files, as the CLI builds it.
func configuredLinter(cache: ResultCache? = nil, configPath: String? = nil) throws -> Linter {
  Linter(
    options: LintOptions(today: testToday), configuration: try ConfigurationResolver(configPath: configPath),
    cache: cache)
}
