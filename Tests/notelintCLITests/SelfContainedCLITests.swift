import Foundation
import XCTest

/// The binary alone is enough: its lexicons are embedded, and resources that cannot be used stop
/// the run (exit 2) instead of giving an empty lexicon and a silent pass.
final class SelfContainedCLITests: XCTestCase {
  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-alone-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  private let note = """
    # Weekly status

    We will improve the conversion soon.
    Somebody should update the roadmap at some point.
    The new flow will probably increase retention.

    """

  private func run(_ binary: URL, _ arguments: [String], environment: [String: String] = [:]) throws -> (
    out: String, err: String, code: Int32
  ) {
    let result = try CLIRunner.launch(binary, arguments, folder: scratch, environment: environment)
    return (result.out, result.err, result.code)
  }

  func testTheBinaryCopiedAloneIntoAnEmptyFolderFindsTheSameFindings() throws {
    let alone = scratch.appendingPathComponent("bin")
    try FileManager.default.createDirectory(at: alone, withIntermediateDirectories: true)
    let copy = alone.appendingPathComponent("notelint")
    try FileManager.default.copyItem(at: BuiltBinary.url, to: copy)
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: alone.path), ["notelint"])
    try Data(note.utf8).write(to: scratch.appendingPathComponent("status.md"))

    let copied = try run(copy, ["lint", "--format", "json", "--today", "2026-12-01", "status.md"])
    let built = try run(BuiltBinary.url, ["lint", "--format", "json", "--today", "2026-12-01", "status.md"])
    XCTAssertEqual(copied.code, 1, copied.err)
    XCTAssertEqual(copied.out, built.out)
    XCTAssertTrue(copied.out.contains("\"rule\""), copied.out)
  }

  func testAMissingResourceFolderIsAnErrorNotASilentPass() throws {
    try Data(note.utf8).write(to: scratch.appendingPathComponent("status.md"))
    let missing = scratch.appendingPathComponent("no-such-resources").path
    let result = try run(BuiltBinary.url, ["lint", "status.md"], environment: ["NOTELINT_RESOURCES": missing])
    XCTAssertEqual(result.code, 2, result.out)
    XCTAssertTrue(result.err.contains("NOTELINT_RESOURCES"), result.err)
    XCTAssertTrue(result.err.contains("no such folder"), result.err)
    XCTAssertEqual(result.out, "")
  }

  func testAResourceFolderWithoutLexiconsIsAnError() throws {
    try Data(note.utf8).write(to: scratch.appendingPathComponent("status.md"))
    let empty = scratch.appendingPathComponent("empty-resources")
    try FileManager.default.createDirectory(
      at: empty.appendingPathComponent("lexicons/it"), withIntermediateDirectories: true)
    let result = try run(
      BuiltBinary.url, ["checkpoint", "review", "."], environment: ["NOTELINT_RESOURCES": empty.path])
    XCTAssertEqual(result.code, 2, result.out)
    XCTAssertTrue(result.err.contains("no lexicon files in lexicons/it"), result.err)
  }

  func testABinaryWhoseEmbeddedLexiconsAreDamagedStopsWithExit2() throws {
    var binary = try Data(contentsOf: BuiltBinary.url)
    // The embedded tables start with the compiled format's magic and version 3: "NLLX", 3, 0, 0, 0
    // in base64.
    let marker = Data(EmbeddedMarker.tables.utf8)
    let start = try XCTUnwrap(binary.range(of: marker)?.lowerBound, "no embedded tables in the binary")
    // Change one digit well inside the tables into another: only the checksum tells.
    let target = start + 4096
    binary[target] = binary[target] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let copy = scratch.appendingPathComponent("notelint")
    try binary.write(to: copy)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: copy.path)
    try Data(note.utf8).write(to: scratch.appendingPathComponent("status.md"))
    let result = try run(copy, ["lint", "status.md"])
    XCTAssertEqual(result.code, 2, result.err)
    XCTAssertTrue(result.err.contains("checksum"), result.err)
    XCTAssertEqual(result.out, "")
  }

  func testAResourceFolderMissingOneFileIsAnError() throws {
    try Data(note.utf8).write(to: scratch.appendingPathComponent("status.md"))
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/NoteLintLanguage/Resources")
    let copy = scratch.appendingPathComponent("resources")
    try FileManager.default.copyItem(at: source, to: copy)
    // The complete copy works, and gives the embedded findings.
    let whole = try run(
      BuiltBinary.url, ["lint", "--format", "json", "status.md"], environment: ["NOTELINT_RESOURCES": copy.path])
    XCTAssertEqual(whole.code, 1, whole.err)
    XCTAssertEqual(whole.out, try run(BuiltBinary.url, ["lint", "--format", "json", "status.md"]).out)
    let first = try XCTUnwrap(
      try FileManager.default.contentsOfDirectory(atPath: copy.appendingPathComponent("lexicons/en").path).sorted()
        .first)
    try FileManager.default.removeItem(at: copy.appendingPathComponent("lexicons/en/\(first)"))
    let result = try run(BuiltBinary.url, ["lint", "status.md"], environment: ["NOTELINT_RESOURCES": copy.path])
    XCTAssertEqual(result.code, 2, result.out)
    XCTAssertTrue(result.err.contains("lexicons/en/\(first) is missing"), result.err)
  }
}

/// The start of the embedded tables as they are stored in the executable.
private enum EmbeddedMarker {
  /// base64 of "NLLX" and the format version 3 as a little-endian u32 (the digits that need no more bytes).
  static let tables = "TkxMWAMAAA"
}
