import Foundation
import XCTest

/// The README's pre-commit snippet on a fresh project: pre-commit clones this repository at a
/// commit, runs its `notelint` hook (the built binary on PATH) on the staged notes whatever the
/// case of their extension, blocks a vague note and lets an overdue item through (the pre-commit
/// profile). Skipped when `pre-commit` is not installed (`.ci/run` installs it).
final class PreCommitFrameworkCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws { cli = try CLIRunner("precommitfw") }
  override func tearDownWithError() throws { cli.remove() }

  private func which(_ tool: String) -> String? {
    for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
      let path = "\(folder)/\(tool)"
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
  }

  func testTheHookFromAClonePinnedToACommit() throws {
    guard let preCommit = which("pre-commit") else { throw XCTSkip("pre-commit is not installed") }
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent()
    let head = try cli.run(
      URL(fileURLWithPath: "/usr/bin/git"), ["-C", repository.path, "rev-parse", "HEAD"]
    ).out.trimmingCharacters(in: .whitespacesAndNewlines)
    guard head.count == 40 else { throw XCTSkip("the repository is not a git clone: no commit to pin") }
    // The built notelint alone on PATH, as the README installs it.
    try FileManager.default.createDirectory(at: cli.url("bin"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: BuiltBinary.url, to: cli.url("bin/notelint"))
    let environment = [
      "PATH": cli.url("bin").path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? ""),
      "PRE_COMMIT_HOME": cli.url("cache").path,
    ]
    try cli.git("init", "-q", "project")
    try cli.write(
      "project/.pre-commit-config.yaml",
      "repos:\n  - repo: \(repository.path)\n    rev: \(head)\n    hooks:\n      - id: notelint\n")
    try cli.write("project/notes/Sync.MD", "# Sync\n\nWe will improve the conversion soon.\n")
    try cli.git("add", ".", in: "project")
    let blocked = try cli.run(URL(fileURLWithPath: preCommit), ["run"], in: "project", environment: environment)
    XCTAssertEqual(blocked.code, 1, blocked.out + blocked.err)
    XCTAssertTrue(blocked.out.contains("notes/Sync.MD:3:"), blocked.out)

    // A note whose only problem is the calendar does not block a commit.
    try cli.write("project/notes/Sync.MD", "# Sync\n\n- [ ] Marco to send the scoring file by 2026-11-10\n")
    try cli.git("add", ".", in: "project")
    let passed = try cli.run(URL(fileURLWithPath: preCommit), ["run"], in: "project", environment: environment)
    XCTAssertEqual(passed.code, 0, passed.out + passed.err)
  }
}
