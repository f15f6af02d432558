import Foundation
import XCTest

/// Identities that survive a `cd`: the same scan run from the repository root, from a subfolder
/// and from outside the repository (absolute paths) gives the same baseline matches, the same
/// action ids, the same digest state and the same links.
final class RootRelativeCLITests: XCTestCase {
  private var cli: CLIRunner!
  private let today = ["--today", "2026-11-23"]

  override func setUpWithError() throws {
    cli = try CLIRunner("roots")
    try cli.write("repo/.keep", "")
    try cli.git("init", "-q", "repo")
    try cli.write(
      "repo/notes/sync.md",
      "# Sync\n\n- [ ] Marco to send the scoring file by 2026-11-25\n- [ ] Somebody should update the roadmap soon.\n")
    try cli.write("repo/notes/team/retro.md", "# Retro\n\nWe will improve the onboarding at some point.\n")
    try cli.write("repo/notes/sub/.keep", "")
  }

  override func tearDownWithError() throws { cli.remove() }

  /// The same notes seen from three working folders, each with its own spelling of the paths.
  private var views: [(folder: String, notes: String, repo: String)] {
    let absolute = cli.url("repo").path
    return [
      ("repo", "./notes", "."),
      ("repo/notes/sub", "..", "../.."),
      ("", absolute + "/notes", absolute),
    ]
  }

  private func ids(_ json: String) throws -> [String] {
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any], json)
    let actions = try XCTUnwrap(object["actions"] as? [[String: Any]])
    return actions.compactMap { $0["id"] as? String }.sorted()
  }

  func testABaselineMatchesFromEveryFolderAndSpelling() throws {
    let written = try cli.notelint(["lint", "--write-baseline", "baseline.json"] + today + ["notes"], in: "repo")
    XCTAssertEqual(written.code, 0, written.err)
    let baseline = cli.url("repo/baseline.json").path
    for view in views {
      let result = try cli.notelint(
        ["lint", "--baseline", baseline, "--format", "json"] + today + [view.notes], in: view.folder)
      XCTAssertEqual(result.code, 0, "from \(view.folder): \(result.out)")
      XCTAssertTrue(result.out.contains("\"findings\": []"), "from \(view.folder): \(result.out)")
    }
    // A new finding is still new from anywhere.
    try cli.write("repo/notes/team/retro.md", "# Retro\n\nWe will improve the onboarding at some point, somehow.\n")
    for view in views {
      let result = try cli.notelint(["lint", "--baseline", baseline, "-q"] + today + [view.notes], in: view.folder)
      XCTAssertEqual(result.code, 1, "from \(view.folder): \(result.out)")
    }
  }

  func testActionIdsDigestStateAndLinksDoNotDependOnTheFolder() throws {
    var seen: [[String]] = []
    let base = "https://git.example.com/team/notes/blob/main/"
    for view in views {
      let result = try cli.notelint(
        ["actions", "--format", "json", "--link-base", base] + today + [view.notes], in: view.folder)
      XCTAssertEqual(result.code, 0, result.err)
      seen.append(try ids(result.out))
      let calendar = try cli.notelint(
        ["actions", "--format", "ics", "--link-base", base] + today + [view.notes], in: view.folder)
      XCTAssertTrue(calendar.out.contains("URL:\(base)notes/sync.md#L3"), "from \(view.folder): \(calendar.out)")
      XCTAssertFalse(calendar.out.contains(cli.root.path), "a local path leaked from \(view.folder)")
      XCTAssertTrue(calendar.out.contains("DESCRIPTION:notes/sync.md:3"), calendar.out)
    }
    XCTAssertEqual(seen[0].count, 3)
    XCTAssertEqual(seen[1], seen[0])
    XCTAssertEqual(seen[2], seen[0])

    // The digest's "new since the last run" survives the change of folder.
    let state = cli.url("state.json").path
    let digests = cli.url("digests").path
    let first = try cli.notelint(["digest", "--out", digests, "--state", state] + today + ["notes"], in: "repo")
    XCTAssertEqual(first.code, 0, first.err)
    for view in views.dropFirst() {
      let again = try cli.notelint(
        ["digest", "--out", digests, "--state", state, "--today", "2026-11-24", view.notes], in: view.folder)
      XCTAssertEqual(again.code, 0, again.err)
      let wrote = again.out.split(separator: "\n").filter { $0.hasPrefix("wrote ") }
      XCTAssertFalse(wrote.isEmpty, again.out)
      for line in wrote { XCTAssertTrue(line.hasSuffix(", 0 new"), "from \(view.folder): \(line)") }
      XCTAssertFalse(try cli.read("digests/marco.md").contains(cli.root.path))
    }
  }

  func testOutsideAnyRepositoryTheConfigurationFolderIsTheRoot() throws {
    let plain = try CLIRunner("roots-plain")
    defer { plain.remove() }
    try plain.write("project/.notelint.yml", "language: en\n")
    try plain.write("project/notes/a.md", "# Sync\n\n- [ ] Marco to send the scoring file by 2026-11-25\n")
    let fromProject = try plain.notelint(["actions", "--format", "json"] + today + ["notes"], in: "project")
    let fromNotes = try plain.notelint(["actions", "--format", "json"] + today + ["."], in: "project/notes")
    let fromAbove = try plain.notelint(["actions", "--format", "json"] + today + ["project/notes/a.md"])
    XCTAssertEqual(try ids(fromProject.out).count, 1)
    XCTAssertEqual(try ids(fromNotes.out), try ids(fromProject.out))
    XCTAssertEqual(try ids(fromAbove.out), try ids(fromProject.out))
  }
}
