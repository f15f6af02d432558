import Foundation
import XCTest

/// Digest files for every owner: non-ASCII and very long names, and "new" that counts every new
/// item, also one that is due soon.
final class DigestNamesCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws { cli = try CLIRunner("digestnames") }
  override func tearDownWithError() throws { cli.remove() }

  private func digestFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: cli.url("digest").path).filter { !$0.hasPrefix(".") }.sorted()
  }

  func testNonASCIIAndVeryLongOwnerNamesGetTheirOwnFiles() throws {
    let long = String(repeating: "Bartholomew", count: 30)
    try cli.write(".notelint.yml", "roster: [Søren, Łukasz, 张伟, \(long)]\n")
    try cli.write(
      "notes/sync.md",
      """
      # Sync

      - [ ] Søren to send the scoring file by 2026-11-25
      - [ ] Łukasz to update the roadmap by 2026-11-26
      - [ ] 张伟 to check the export by 2026-11-27
      - [ ] \(long) to book the room by 2026-11-27

      """)
    let result = try cli.notelint(["digest", "--out", "digest", "--today", "2026-11-23", "notes"])
    XCTAssertEqual(result.code, 0, result.err)
    let files = try digestFiles()
    XCTAssertTrue(files.contains("søren.md"), "\(files)")
    XCTAssertTrue(files.contains("łukasz.md"), "\(files)")
    XCTAssertTrue(files.contains("张伟.md"), "\(files)")
    let longFile = try XCTUnwrap(files.first { $0.hasPrefix("bartholomew") }, "\(files)")
    XCTAssertLessThanOrEqual(longFile.utf8.count, 70)
    XCTAssertTrue(try cli.read("digest/\(longFile)").contains("due 27 November 2026"))
    XCTAssertEqual(files.count, 4)
  }

  func testANewItemDueSoonCountsAsNew() throws {
    try cli.write("notes/sync.md", "# Sync\n\n- [ ] Marco to send the scoring file by 2026-12-20\n")
    XCTAssertEqual(try cli.notelint(["digest", "--out", "digest", "--today", "2026-11-23", "notes"]).code, 0)
    try cli.write(
      "notes/sync.md",
      "# Sync\n\n- [ ] Marco to send the scoring file by 2026-12-20\n- [ ] Marco to book the room by 2026-11-26\n")
    let second = try cli.notelint(["digest", "--out", "digest", "--today", "2026-11-24", "notes"])
    XCTAssertTrue(second.out.contains("marco.md: 0 overdue, 1 due soon, 1 new"), second.out)
    let marco = try cli.read("digest/marco.md")
    XCTAssertTrue(marco.contains("1 new since 23 November 2026"), marco)
    XCTAssertTrue(marco.contains("book the room by 2026-11-26** — due 26 November 2026, in 2 days"), marco)
    XCTAssertTrue(marco.contains(" · **new**"), marco)
    XCTAssertFalse(marco.contains("## New since"), "listed once, under due soon: \(marco)")
  }

  func testAFullNameInAnOwnerColumnIsOneOwner() throws {
    try cli.write(
      "notes/sync.md",
      "# Sync\n\n| Action | Owner | Due |\n|---|---|---|\n| Send the scoring file | Marco Rossi | 2026-11-25 |\n")
    for roster in ["", "roster: [Marco Rossi]\n"] {
      try cli.write(".notelint.yml", roster)
      try? FileManager.default.removeItem(at: cli.url("digest"))
      let result = try cli.notelint(["digest", "--out", "digest", "--today", "2026-11-23", "notes"])
      XCTAssertEqual(result.code, 0, result.err)
      XCTAssertEqual(try digestFiles(), ["marco-rossi.md"], "roster: \(roster)")
      let digest = try cli.read("digest/marco-rossi.md")
      XCTAssertEqual(digest.components(separatedBy: "Send the scoring file").count - 1, 1, digest)
      XCTAssertTrue(result.out.hasSuffix("1 action item in 1 file\n"), result.out)
      let actions = try cli.notelint(["actions", "--format", "csv", "--today", "2026-11-23", "notes"])
      XCTAssertTrue(actions.out.contains(",Marco Rossi,"), actions.out)
    }
  }
}
