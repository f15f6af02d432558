import Foundation
import XCTest

/// The pull-request recipe: `--changed-since REF` lints the notes changed since the branch left
/// REF, whatever the names, and a pull request that deletes a note or touches none is not an error.
final class ChangedSinceCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws {
    cli = try CLIRunner("changed")
    try cli.git("init", "-q", "-b", "main")
    try cli.git("commit", "-q", "--allow-empty", "-m", "init")
    let clean = "# Status\n\nThe model shipped on 2026-11-20.\n"
    for name in ["notes/a.md", "notes/b.md", "notes/old name.md", "notes/keep.MD"] { try cli.write(name, clean) }
    try cli.git("add", ".")
    try cli.git("commit", "-q", "-m", "notes")
    try cli.git("checkout", "-q", "-b", "feature")
  }

  override func tearDownWithError() throws { cli.remove() }

  private let vague = "# Status\n\nWe will ship the model soon.\n"

  func testNoNoteChangedIsExitZeroWithAMessage() throws {
    try cli.write("src/main.txt", "code\n")
    try cli.git("add", ".")
    try cli.git("commit", "-q", "-m", "code only")
    let result = try cli.notelint(["lint", "--changed-since", "main", "--format", "github"])
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertEqual(result.out, "")
    XCTAssertTrue(result.err.contains("no notes changed since main"), result.err)
  }

  func testDeletedRenamedAndSpacedNotes() throws {
    try cli.git("rm", "-q", "notes/b.md")
    try cli.git("mv", "notes/old name.md", "notes/new name.md")
    try cli.write("notes/new name.md", vague)
    try cli.write("notes/ünïcode draft.md", vague)
    try cli.git("add", ".")
    try cli.git("commit", "-q", "-m", "change")
    try cli.write("notes/a.md", vague)  // not committed yet: still a change of the branch
    let result = try cli.notelint(["lint", "--changed-since", "main", "--format", "json"])
    XCTAssertEqual(result.code, 1, result.err)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    let files = (object["files"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
    XCTAssertEqual(files, ["notes/a.md", "notes/new name.md", "notes/ünïcode draft.md"])
    XCTAssertEqual((object["errors"] as? [Any])?.count, 0)

    // Within a folder and from a subfolder; an excluded note is left out, as in a pre-commit run.
    try cli.write(".notelint.yml", "exclude: [\"notes/a.md\"]\n")
    let sub = try cli.notelint(["lint", "--changed-since", "main", "-q", "."], in: "notes")
    XCTAssertEqual(
      sub.out.split(separator: "\n").map { String($0.prefix(while: { $0 != ":" })) }.sorted(),
      ["new name.md", "ünïcode draft.md"].flatMap { [$0, $0] })
  }

  func testAnUnknownRefIsAUsageError() throws {
    let result = try cli.notelint(["lint", "--changed-since", "no-such-branch"])
    XCTAssertEqual(result.code, 2)
    XCTAssertTrue(result.err.contains("--changed-since no-such-branch: not a commit"), result.err)
    XCTAssertEqual(try cli.notelint(["lint", "--changed-since", "main", "--staged"]).code, 2)
  }
}
