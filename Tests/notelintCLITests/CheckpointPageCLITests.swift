import Foundation
import XCTest

/// The checkpoint page and texts as a reader sees them: paths that tell two `verbale.md` apart, a
/// legend, a chart that fits a phone and stays short on many notes, words in the singular for one.
final class CheckpointPageCLITests: XCTestCase {
  private var cli: CLIRunner!
  private let today = ["--today", "2026-11-23"]
  private let overdue = "# Verbale\n\n- [ ] Marco invia il file di scoring entro il 10/11/2026\n"

  override func setUpWithError() throws { cli = try CLIRunner("gatepage") }
  override func tearDownWithError() throws { cli.remove() }

  private func svg(_ page: String) throws -> String {
    let start = try XCTUnwrap(page.range(of: "<svg"), page)
    let end = try XCTUnwrap(page.range(of: "</svg>"), page)
    return String(page[start.lowerBound..<end.upperBound])
  }

  func testChartLabelsLegendAndWidth() throws {
    try cli.write("team-a/verbale.md", overdue)
    try cli.write("team-b/verbale.md", overdue)
    let page = try cli.notelint(["checkpoint", "technical", "--format", "html"] + today + ["team-a", "team-b"]).out
    let chart = try svg(page)
    XCTAssertTrue(chart.contains(">team-a/verbale.md</text>"), chart)
    XCTAssertTrue(chart.contains(">team-b/verbale.md</text>"), chart)
    XCTAssertTrue(chart.contains("width=\"100%\""), chart)
    XCTAssertTrue(page.contains("class=\"legend\""), page)
    XCTAssertTrue(page.contains("2 documents"), page)
  }

  func testManyNotesKeepTheChartShortAndTheTableWhole() throws {
    for index in 1...40 { try cli.write(String(format: "notes/n%02d.md", index), overdue) }
    let page = try cli.notelint(["checkpoint", "technical", "--format", "html"] + today + ["notes"]).out
    let chart = try svg(page)
    XCTAssertEqual(chart.components(separatedBy: "fill=\"#d92d20\"").count - 1, 30)
    XCTAssertTrue(page.contains("the 30 documents with most alerts, of 40 with any"), page)
    XCTAssertEqual(page.components(separatedBy: "<tr><td><a href=").count - 1, 40)
  }

  func testOneOfAThingIsSingular() throws {
    try cli.write("notes/verbale.md", overdue)
    let text = try cli.notelint(["checkpoint", "technical"] + today + ["notes"]).out
    XCTAssertTrue(text.contains("= 1 bloccante, 0 da discutere"), text)
    XCTAssertTrue(text.contains("technical: 1 blocking, 0 to discuss in 1 document\n"), text)
    let page = try cli.notelint(["checkpoint", "technical", "--format", "html"] + today + ["notes"]).out
    XCTAssertTrue(page.contains("· 1 document ·"), page)
  }

  func testGitHubAnnotationsHaveNoDotSlash() throws {
    try cli.write("notes/verbale.md", overdue)
    let result = try cli.notelint(["lint", "--format", "github"] + today + ["./notes"])
    XCTAssertTrue(result.out.contains("file=notes/verbale.md,"), result.out)
    XCTAssertFalse(result.out.contains("file=./"), result.out)
  }
}
