import Foundation
import XCTest

/// Runs the built `notelint` (and git) in a scratch folder of its own, for the tests of one
/// workflow: files written and read by relative path, any working folder, any environment.
final class CLIRunner {
  let root: URL

  init(_ label: String) throws {
    // The real path: tests compare paths that git and notelint print.
    let base = URL(fileURLWithPath: FileManager.default.temporaryDirectory.path).resolvingSymlinksInPath()
    root = base.appendingPathComponent("notelint-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  func remove() { try? FileManager.default.removeItem(at: root) }

  func url(_ name: String) -> URL { name.isEmpty ? root : root.appendingPathComponent(name) }

  func write(_ name: String, _ text: String) throws {
    let target = url(name)
    try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: target)
  }

  func read(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }

  func exists(_ name: String) -> Bool { FileManager.default.fileExists(atPath: url(name).path) }

  struct Result {
    var out: String
    var err: String
    var code: Int32
  }

  @discardableResult
  func run(
    _ executable: URL, _ arguments: [String], in folder: String = "", environment: [String: String] = [:],
    stdin: String? = nil
  ) throws -> Result {
    try Self.launch(executable, arguments, folder: url(folder), environment: environment, stdin: stdin)
  }

  /// Runs `executable` in `folder` with the test environment (no user git config, no colour or
  /// resource overrides, then `environment`) and returns what it printed and its exit code.
  static func launch(
    _ executable: URL, _ arguments: [String], folder: URL, environment: [String: String] = [:],
    stdin: String? = nil
  ) throws -> Result {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var env = ProcessInfo.processInfo.environment
    env["GIT_CONFIG_GLOBAL"] = "/dev/null"
    for key in ["NOTELINT_RESOURCES", "NO_COLOR", "FORCE_COLOR"] { env[key] = nil }
    for (key, value) in environment { env[key] = value }
    process.environment = env
    let out = Pipe()
    let err = Pipe()
    process.standardOutput = out
    process.standardError = err
    let input = Pipe()
    process.standardInput = stdin == nil ? FileHandle.nullDevice : input
    try process.run()
    if let stdin {
      input.fileHandleForWriting.write(Data(stdin.utf8))
      try input.fileHandleForWriting.close()
    }
    let errData = ErrorData()
    let reader = DispatchQueue(label: "stderr")
    let handle = err.fileHandleForReading
    reader.async { errData.data = handle.readDataToEndOfFile() }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    reader.sync {}
    return Result(
      out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData.data, as: UTF8.self),
      code: process.terminationStatus)
  }

  @discardableResult
  func notelint(
    _ arguments: [String], in folder: String = "", environment: [String: String] = [:], stdin: String? = nil
  ) throws -> Result {
    try run(BuiltBinary.url, arguments, in: folder, environment: environment, stdin: stdin)
  }

  @discardableResult
  func git(_ arguments: String..., in folder: String = "") throws -> Result {
    try run(
      URL(fileURLWithPath: "/usr/bin/git"), ["-c", "user.email=test@example.com", "-c", "user.name=Test"] + arguments,
      in: folder)
  }
}

private final class ErrorData: @unchecked Sendable {
  var data = Data()
}
