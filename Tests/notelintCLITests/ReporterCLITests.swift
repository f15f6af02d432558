import Foundation
import XCTest

/// `notelint lint --format …` for every reporter, through the real binary.
final class ReporterCLITests: XCTestCase {
  private var scratch: URL!

  private var binary: URL { BuiltBinary.url }

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-reporters-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try write(
      "notes/status.md", "# Weekly status\n\nThe churn model will be retrained soon, 100% sure: <maybe> & more.\n")
    try write("notes/verbale.md", "# Verbale\n\nIl modello sarà pronto a breve, con alcune colonne in più.\n")
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  private func write(_ name: String, _ text: String) throws {
    let url = scratch.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }

  private func lint(_ format: String, _ extra: [String] = []) throws -> (out: String, code: Int32) {
    let process = Process()
    process.executableURL = binary
    process.arguments = ["lint", "notes", "--today", "2026-11-23", "--format", format] + extra
    process.currentDirectoryURL = scratch
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  func testEveryFormatIsAvailableAndDeterministic() throws {
    for format in ["text", "json", "sarif", "github", "checkstyle", "junit", "markdown", "html"] {
      let first = try lint(format)
      XCTAssertEqual(first.code, 1, "findings at warning level: \(format)")
      XCTAssertFalse(first.out.isEmpty, format)
      XCTAssertEqual(first.out, try lint(format, ["--jobs", "1"]).out, "deterministic: \(format)")
    }
  }

  func testSARIFFromTheCommandLine() throws {
    let output = try lint("sarif").out
    let log = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any])
    XCTAssertEqual(log["version"] as? String, "2.1.0")
    let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
    let results = try XCTUnwrap(run["results"] as? [[String: Any]])
    XCTAssertFalse(results.isEmpty)
    let uris = Set(
      results.compactMap {
        (($0["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]).flatMap {
          ($0["artifactLocation"] as? [String: Any])?["uri"] as? String
        }
      })
    XCTAssertEqual(uris, ["notes/status.md", "notes/verbale.md"])
  }

  func testGitHubAndXMLFormats() throws {
    let github = try lint("github").out
    XCTAssertTrue(
      github.split(separator: "\n").allSatisfy {
        $0.hasPrefix("::warning ") || $0.hasPrefix("::error ") || $0.hasPrefix("::notice ")
      }, github)
    XCTAssertTrue(github.contains("::warning file=notes/status.md,line=3,col="), github)
    for format in ["checkstyle", "junit"] {
      let output = try lint(format).out
      XCTAssertTrue(output.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), format)
      XCTAssertNoThrow(try XMLParserCheck.parse(output), format)
    }
    let html = try lint("html").out
    XCTAssertTrue(html.contains("<h2><code>notes/status.md</code>"), html)
    let markdown = try lint("markdown").out
    XCTAssertTrue(markdown.contains("### `notes/verbale.md`"), markdown)
  }
}

/// Well-formedness with Foundation's SAX parser.
enum XMLParserCheck {
  struct Failure: Error { var message: String }

  static func parse(_ text: String) throws {
    #if canImport(FoundationXML)
      let parser = FoundationXMLParser(data: Data(text.utf8))
    #else
      let parser = XMLParser(data: Data(text.utf8))
    #endif
    guard parser.parse() else { throw Failure(message: parser.parserError.map { "\($0)" } ?? "not well-formed") }
  }
}

#if canImport(FoundationXML)
  import FoundationXML
  typealias FoundationXMLParser = FoundationXML.XMLParser
#endif
