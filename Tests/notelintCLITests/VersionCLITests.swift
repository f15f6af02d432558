import Foundation
import XCTest

/// One version everywhere: `--version`, the JSON and SARIF reports, and a CHANGELOG section for it.
final class VersionCLITests: XCTestCase {
  private var cli: CLIRunner!

  override func setUpWithError() throws { cli = try CLIRunner("version") }
  override func tearDownWithError() throws { cli.remove() }

  func testTheVersionIsTheSameEverywhere() throws {
    let version = try cli.notelint(["--version"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
    XCTAssertNotNil(version.range(of: #"^[0-9]+\.[0-9]+\.[0-9]+$"#, options: .regularExpression), version)
    try cli.write("a.md", "# Status\n\nWe will ship soon.\n")
    let json = try cli.notelint(["lint", "--format", "json", "a.md"]).out
    let tool = (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["tool"] as? [String: Any]
    XCTAssertEqual(tool?["version"] as? String, version)
    let sarif = try cli.notelint(["lint", "--format", "sarif", "a.md"]).out
    XCTAssertTrue(sarif.contains("\"version\": \"\(version)\""), sarif)
    let changelog = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("CHANGELOG.md")
    let text = try String(contentsOf: changelog, encoding: .utf8)
    XCTAssertTrue(text.contains("\n## \(version)\n"), "CHANGELOG.md has no section for \(version)")
  }
}
