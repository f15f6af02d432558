import Foundation
import NoteLint
import XCTest

@testable import NoteLintServers

final class ServerUnitTests: XCTestCase {
  func testSettingsApplyNestedOrFlatAndRefuseBadValuesWhole() throws {
    var settings = LanguageServerSettings()
    try settings.apply(JSONValue.parse(#"{"notelint":{"today":"2026-12-07","minConfidence":0.7,"language":"it"}}"#))
    XCTAssertEqual(settings.today, CivilDate.parseISO("2026-12-07"))
    XCTAssertEqual(settings.minConfidence, 0.7)
    XCTAssertEqual(settings.language, .italian)
    // A bad value changes nothing, not even the good keys beside it.
    XCTAssertThrowsError(try settings.apply(JSONValue.parse(#"{"language":"en","minConfidence":2}"#)))
    XCTAssertEqual(settings.language, .italian)
    try settings.apply(JSONValue.parse(#"{"language":"auto","today":null,"minConfidence":null}"#))
    XCTAssertEqual(settings, LanguageServerSettings())
  }

  func testLintPathOfSavedAndUnsavedDocuments() {
    XCTAssertEqual(
      LanguageServer.lintPath(uri: "file:///tmp/n%20otes/a.md", languageId: "markdown", root: nil), "/tmp/n otes/a.md")
    XCTAssertEqual(
      LanguageServer.lintPath(uri: "untitled:Untitled-1", languageId: "markdown", root: "/w"), "/w/Untitled-1")
    XCTAssertEqual(
      LanguageServer.lintPath(uri: "untitled:Untitled-2", languageId: "html", root: "/w"), "/w/Untitled-2.html")
  }

  func testPathsAreConfinedToTheRootsThroughSymbolicLinks() throws {
    let base = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-roots-\(UUID().uuidString)")
    let root = base.appendingPathComponent("root")
    let outside = base.appendingPathComponent("outside")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: base) }
    try "# a\n".write(to: root.appendingPathComponent("a.md"), atomically: true, encoding: .utf8)
    try "# b\n".write(to: outside.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
    try FileManager.default.createSymbolicLink(
      at: root.appendingPathComponent("link.md"), withDestinationURL: outside.appendingPathComponent("b.md"))
    // A sibling whose name starts with the root's is not inside it.
    try FileManager.default.createDirectory(at: base.appendingPathComponent("root2"), withIntermediateDirectories: true)
    let server = try MCPServer(roots: [root.path])
    XCTAssertTrue(try server.confine("a.md").hasSuffix("/root/a.md"))
    for path in ["link.md", "../outside/b.md", outside.appendingPathComponent("b.md").path, "../root2"] {
      XCTAssertThrowsError(try server.confine(path), path) { error in
        XCTAssertTrue((error as? RPCError)?.message.contains("outside the roots") == true, "\(error)")
      }
    }
    XCTAssertThrowsError(try server.confine("missing.md"))
    XCTAssertThrowsError(try MCPServer(roots: ["/no/such/dir"]))
  }
}
