import Foundation
import NoteLint
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// Hostile input through the engine: odd sizes and shapes, encodings, line endings, scalars that
/// are not characters, files that vanish or cannot be opened, names that are not UTF-8. Each case
/// checks the exact outcome: the finding's line and column, or one error naming the file and why.
final class HostileInputTests: XCTestCase {
  private let linter = Linter(options: LintOptions(today: testToday))

  private func lint(_ bytes: [UInt8], _ path: String) -> FileOutcome {
    linter.lint(bytes: bytes, path: path)
  }

  private func lint(_ text: String, _ path: String) -> FileOutcome {
    lint(Array(text.utf8), path)
  }

  /// `line:column-endLine:endColumn` of each `vague-time` finding ("soon", "later").
  private func vagueTimes(_ outcome: FileOutcome, file: StaticString = #filePath, line: UInt = #line) -> [String] {
    XCTAssertNil(outcome.error, "\(outcome.error?.line ?? "")", file: file, line: line)
    return outcome.findings.filter { $0.rule == "vague-time" }.map {
      "\($0.line):\($0.column)-\($0.endLine):\($0.endColumn)"
    }
  }

  // MARK: - Sizes and shapes

  func testEmptyAndWhitespaceOnlyNotesAreLintedWithoutFindings() {
    let cases: [(String, String)] = [
      ("empty.md", ""), ("empty.html", ""), ("blank.md", " \n\t\n  \r\n\r\r \u{A0}\n"),
      ("blank.html", "  \n\t\n"), ("newlines.md", String(repeating: "\n", count: 1000)),
      ("bom-only.md", "\u{FEFF}"),
    ]
    for (path, text) in cases {
      let outcome = lint(text, path)
      XCTAssertNil(outcome.error, path)
      XCTAssertEqual(outcome.summary?.path, path)
      XCTAssertEqual(outcome.findings.map(\.rule), [], path)
    }
  }

  func testTwoHundredThousandLinesKeepExactLineNumbers() {
    var text = ""
    text.reserveCapacity(800_000)
    for index in 1...200_000 {
      if index % 40_000 == 0 {
        text += "We ship soon.\n"
      } else {
        text += index % 2 == 0 ? "ok\n" : "\n"
      }
    }
    let outcome = lint(text, "lines.md")
    XCTAssertEqual(
      vagueTimes(outcome),
      [
        "40000:9-40000:13", "80000:9-80000:13", "120000:9-120000:13", "160000:9-160000:13",
        "200000:9-200000:13",
      ])
  }

  func testTenThousandNestedListsAndBlockQuotes() {
    let depth = 10_000
    let cases: [(String, String, Int)] = [
      ("lists.md", String(repeating: "- ", count: depth), 2 * depth + 9),
      ("ordered.md", String(repeating: "1. ", count: depth), 3 * depth + 9),
      ("quotes.md", String(repeating: "> ", count: depth), 2 * depth + 9),
      ("mixed.md", String(repeating: "> - ", count: depth / 2), 2 * depth + 9),
    ]
    for (path, prefix, column) in cases {
      // The nested line, then a paragraph after a blank line that closes every container.
      let outcome = lint(prefix + "We ship soon.\n\nWe ship soon.\n", path)
      XCTAssertEqual(vagueTimes(outcome), ["1:\(column)-1:\(column + 4)", "3:9-3:13"], path)
    }
    // Indented lists, one level a line (quadratic in bytes, so 1,000 levels here).
    var indented = ""
    for level in 0..<1_000 { indented += String(repeating: "  ", count: level) + "- item\n" }
    indented += "\nWe ship soon.\n"
    XCTAssertEqual(vagueTimes(lint(indented, "indented.md")), ["1002:9-1002:13"])
  }

  func testFiveThousandDeepHTMLNesting() {
    let depth = 5_000
    let head = "<html><body>"
    let cases: [(String, String, String)] = [
      (
        "divs.html", String(repeating: "<div>", count: depth) + "<p>",
        "</p>" + String(repeating: "</div>", count: depth)
      ),
      ("lists.html", String(repeating: "<ul><li>", count: depth), String(repeating: "</li></ul>", count: depth)),
      ("spans.html", String(repeating: "<span>", count: depth), String(repeating: "</span>", count: depth)),
      ("unclosed.html", String(repeating: "<div><blockquote>", count: depth), ""),
    ]
    for (path, open, close) in cases {
      let prefix = head + open
      let outcome = lint(prefix + "We ship soon." + close + "</body></html>\n", path)
      let column = prefix.unicodeScalars.count + 9
      XCTAssertEqual(vagueTimes(outcome), ["1:\(column)-1:\(column + 4)"], path)
    }
  }

  // MARK: - Bytes that are not text

  func testNULBytesMakeABinaryFile() {
    let binary = InputError.binary.description
    XCTAssertEqual(lint(Array("We ship".utf8) + [0] + Array(" soon.\n".utf8), "nul.md").error?.reason, binary)
    XCTAssertEqual(lint([0, 0, 0, 0], "zeros.html").error?.reason, binary)
    XCTAssertEqual(lint([0xEF, 0xBB, 0xBF, 0x41, 0x00], "bom-nul.md").error?.reason, binary)
    XCTAssertEqual(lint([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00], "utf16-nul.md").error?.reason, binary)
    let outcome = lint([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00], "image.md")
    XCTAssertEqual(outcome.error?.line, "image.md: \(binary)")
    XCTAssertNil(outcome.summary)
  }

  func testInvalidUTF8NamesTheLine() {
    let cases: [(String, [UInt8], Int)] = [
      ("stray.md", Array("ok\r\nok\n".utf8) + [0xFF] + Array(" x\n".utf8), 3),
      ("truncated.md", Array("ok\n".utf8) + [0xE2, 0x82], 2),
      ("overlong.md", [0xC0, 0x80], 1),
      ("surrogate.md", Array("a\rb\r".utf8) + [0xED, 0xA0, 0x80], 3),
      ("beyond.md", [0xF4, 0x90, 0x80, 0x80], 1),
      ("undeclared.html", Array("<p>caff".utf8) + [0xE8, 0x0A], 1),
    ]
    for (path, bytes, line) in cases {
      XCTAssertEqual(lint(bytes, path).error?.reason, InputError.invalidUTF8(line: line).description, path)
    }
  }

  // MARK: - Encodings, line endings, scalars

  func testUTF16WithByteOrderMark() {
    let text = "# Status\n\n😀 We ship soon.\n\nAlso later, perhaps.\n"
    func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
      var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
      for unit in text.utf16 {
        bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      }
      return bytes
    }
    let little = utf16(text, bigEndian: false)
    let big = utf16(text, bigEndian: true)
    // The emoji is one scalar (two UTF-16 units): "soon" starts at column 11.
    XCTAssertEqual(vagueTimes(lint(little, "le.md")), ["3:11-3:15", "5:6-5:11"])
    XCTAssertEqual(vagueTimes(lint(big, "be.md")), ["3:11-3:15", "5:6-5:11"])
    XCTAssertEqual(vagueTimes(lint(little + [0x41], "odd-length.md")), ["3:11-3:15", "5:6-5:11"])
    let html = "<html><body>\r\n<p>We ship soon.</p>\r\n</body></html>\r\n"
    XCTAssertEqual(vagueTimes(lint(utf16(html, bigEndian: false), "le.html")), ["2:12-2:16"])
  }

  func testLatin1AndWindows1252HTMLWithDeclaredCharset() {
    func latin1(_ text: String) -> [UInt8] { text.unicodeScalars.map { UInt8($0.value) } }
    let meta =
      "<html><head><meta charset=\"iso-8859-1\"></head><body>\n<p>Caffè à più We ship soon.</p>\n</body></html>\n"
    XCTAssertEqual(vagueTimes(lint(latin1(meta), "latin1.html")), ["2:24-2:28"])
    let equiv =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>\n<body><p>"
    let bytes = latin1(equiv) + [0x80] + latin1(" 5, perciò We ship soon.</p></body></html>\n")
    // € (0x80 in Windows-1252) is one scalar.
    XCTAssertEqual(vagueTimes(lint(bytes, "cp1252.html")), ["2:30-2:34"])
  }

  func testCRLFAndOldMacLineEndingsKeepLinesAndColumns() {
    let text = "# Status\n\nWe ship soon.\n\nAlso later, perhaps.\n"
    for (name, ending) in [("lf", "\n"), ("crlf", "\r\n"), ("cr", "\r")] {
      let converted = text.replacingOccurrences(of: "\n", with: ending)
      XCTAssertEqual(vagueTimes(lint(converted, "\(name).md")), ["3:9-3:13", "5:6-5:11"], name)
      let html = "<html><body>\n<p>x</p>\n<p>We ship soon.</p>\n</body></html>\n".replacingOccurrences(
        of: "\n", with: ending)
      XCTAssertEqual(vagueTimes(lint(html, "\(name).html")), ["3:12-3:16"], name)
    }
    let mixed = "# S\r\n\rWe ship soon.\n\r\nAlso later.\r"
    XCTAssertEqual(vagueTimes(lint(mixed, "mixed.md")), ["3:9-3:13", "5:6-5:11"])
  }

  func testTabsCountAsOneColumn() {
    XCTAssertEqual(vagueTimes(lint("# S\n\nA\tB\tWe ship soon.\n", "tabs.md")), ["3:13-3:17"])
    XCTAssertEqual(vagueTimes(lint("<p>\tA\t\tWe ship soon.</p>\n", "tabs.html")), ["1:16-1:20"])
  }

  func testZeroWidthCombiningEmojiAndRightToLeftColumnsCountScalars() {
    // Z, ZWSP, W, ZWJ, space, e + combining acute, space, 😀, 👨 ZWJ 👩, space, שלום, space: 18 scalars.
    let line =
      "Z\u{200B}W\u{200D} e\u{301} \u{1F600}\u{1F468}\u{200D}\u{1F469} \u{5E9}\u{5DC}\u{5D5}\u{5DD} We ship soon."
    XCTAssertEqual(vagueTimes(lint("# S\n\n" + line + "\n", "unicode.md")), ["3:27-3:31"])
    XCTAssertEqual(vagueTimes(lint("<p>" + line + "</p>\n", "unicode.html")), ["1:30-1:34"])
    // Right-to-left and bidi controls do not move columns either; a UTF-8 BOM is not a column.
    let bidi = "\u{202E}\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{202C} We ship soon.\n"
    XCTAssertEqual(vagueTimes(lint(bidi, "bidi.md")), ["1:16-1:20"])
    XCTAssertEqual(vagueTimes(lint("\u{FEFF}We ship soon.\n", "bom.md")), ["1:9-1:13"])
  }

  // MARK: - Files that misbehave on disk

  func testFilesThatDisappearOrChangeDuringAScan() throws {
    let scratch = try ScratchFolder()
    for name in ["a.md", "b.md", "c.md", "d.md", "e.md", "f.md"] { try scratch.write("notes/\(name)", "Fine.\n") }
    let linter = Linter(options: LintOptions(today: testToday, maxFileSize: 1_000, jobs: 2))
    let found = FileDiscovery().discover(["notes"])
    XCTAssertEqual(found.files.count, 6)
    // Between discovery and reading: one removed, one rewritten, one grown past the limit, one
    // replaced by a folder, one by a FIFO.
    try FileManager.default.removeItem(atPath: "notes/b.md")
    try scratch.write("notes/c.md", "We ship soon.\n")
    try scratch.write("notes/d.md", String(repeating: "x", count: 1_500))
    try FileManager.default.removeItem(atPath: "notes/e.md")
    try FileManager.default.createDirectory(atPath: "notes/e.md", withIntermediateDirectories: false)
    try FileManager.default.removeItem(atPath: "notes/f.md")
    XCTAssertEqual(mkfifo("notes/f.md", 0o644), 0)
    let report = Linter.report(linter.lint(files: found.files), today: testToday)
    XCTAssertEqual(report.files.map(\.path), ["notes/a.md", "notes/c.md"])
    XCTAssertEqual(report.findings.map { "\($0.file):\($0.line):\($0.column)" }, ["notes/c.md:1:9"])
    XCTAssertEqual(
      report.errors.map(\.line),
      [
        "notes/b.md: no such file or directory",
        "notes/d.md: \(InputError.tooLarge(bytes: 1_500, limit: 1_000).description)",
        "notes/e.md: not a regular file",
        "notes/f.md: not a regular file",
      ])
  }

  func testPermissionDenied() throws {
    if getuid() == 0 { throw XCTSkip("running as root: chmod 000 does not deny reads") }
    let scratch = try ScratchFolder()
    try scratch.write("notes/good.md", "We ship soon.\n")
    try scratch.write("notes/secret.md", "We ship soon.\n")
    try scratch.write("notes/locked/inner.md", "We ship soon.\n")
    XCTAssertEqual(chmod("notes/secret.md", 0), 0)
    XCTAssertEqual(chmod("notes/locked", 0), 0)
    defer { _ = chmod("notes/locked", 0o755) }
    let found = FileDiscovery().discover(["notes"])
    let report = Linter.report(linter.lint(files: found.files), extraErrors: found.errors, today: testToday)
    XCTAssertEqual(report.files.map(\.path), ["notes/good.md"])
    XCTAssertEqual(
      report.errors.map(\.line),
      ["notes/locked: cannot list folder: permission denied", "notes/secret.md: cannot be read: permission denied"])
  }

  func testSymbolicLinkLoopsAndBrokenLinksAreReportedOnce() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/good.md", "We ship soon.\n")
    try scratch.write("notes/sub/inner.md", "Fine.\n")
    XCTAssertEqual(symlink("..", "notes/sub/up"), 0)
    XCTAssertEqual(symlink("self.md", "notes/self.md"), 0)
    XCTAssertEqual(symlink("pong.md", "notes/ping.md"), 0)
    XCTAssertEqual(symlink("ping.md", "notes/pong.md"), 0)
    XCTAssertEqual(symlink("missing.md", "notes/broken.md"), 0)
    XCTAssertEqual(symlink("missing", "notes/broken-folder"), 0)
    let found = FileDiscovery().discover(["notes"])
    XCTAssertEqual(found.files, ["notes/good.md", "notes/sub/inner.md"])
    XCTAssertEqual(
      found.errors.map(\.line),
      [
        "notes/broken.md: broken symbolic link",
        "notes/ping.md: too many levels of symbolic links",
        "notes/pong.md: too many levels of symbolic links",
        "notes/self.md: too many levels of symbolic links",
        "notes/sub/up: \(InputError.isDirectoryLoop.description)",
      ])
  }

  func testFIFOsAndDevicesAreNeverOpenedForReading() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/good.md", "We ship soon.\n")
    XCTAssertEqual(mkfifo("notes/fifo.md", 0o644), 0)
    XCTAssertEqual(symlink("/dev/null", "notes/null.md"), 0)
    XCTAssertEqual(symlink("/dev/zero", "notes/zero.html"), 0)
    XCTAssertEqual(symlink("/dev/urandom", "notes/random.md"), 0)
    let linter = self.linter
    let done = expectation(description: "the scan ends")
    let box = ReportBox()
    // On another thread: if a read blocked, the wait below fails instead of hanging the suite.
    DispatchQueue.global().async {
      let found = FileDiscovery().discover(["notes"])
      box.report = Linter.report(linter.lint(files: found.files), extraErrors: found.errors, today: testToday)
      done.fulfill()
    }
    wait(for: [done], timeout: 60)
    let report = try XCTUnwrap(box.report)
    XCTAssertEqual(report.files.map(\.path), ["notes/good.md"])
    XCTAssertEqual(
      report.errors.map(\.line),
      [
        "notes/fifo.md: not a regular file", "notes/null.md: not a regular file", "notes/random.md: not a regular file",
        "notes/zero.html: not a regular file",
      ])
    XCTAssertEqual(FileReader.head("notes/fifo.md", count: 10), nil)
  }

  func testLargeFilesAreRefusedFromTheirSizeWithoutBeingRead() throws {
    let scratch = try ScratchFolder()
    // A sparse file of 64 GiB: reading it would take minutes and more memory than the machine has;
    // the size in the error is the exact size on disk, so it came from stat, not from reading.
    let size = 64 << 30
    let descriptor = open("huge.md", O_CREAT | O_WRONLY, 0o644)
    XCTAssertGreaterThanOrEqual(descriptor, 0)
    guard ftruncate(descriptor, off_t(size)) == 0 else {
      close(descriptor)
      throw XCTSkip("this file system has no sparse files")
    }
    close(descriptor)
    let outcome = linter.lint(file: "huge.md")
    XCTAssertEqual(
      outcome.error?.reason, InputError.tooLarge(bytes: size, limit: FileReader.defaultMaxSize).description)
    XCTAssertEqual(linter.document(file: "huge.md").map { _ in "parsed" }, .failure(outcome.error!))
    _ = scratch
  }

  func testLongPathsAndNamesNearTheLimit() throws {
    let scratch = try ScratchFolder()
    let segment = String(repeating: "a", count: 200)
    let deep = Array(repeating: segment, count: 18).joined(separator: "/")
    let name = String(repeating: "n", count: 250) + ".md"
    try FileManager.default.createDirectory(atPath: deep, withIntermediateDirectories: true)
    // Foundation refuses URLs this long: POSIX calls, relative to the current folder.
    func create(_ path: String) {
      let descriptor = open(path, O_CREAT | O_WRONLY, 0o644)
      XCTAssertGreaterThanOrEqual(descriptor, 0, path)
      XCTAssertEqual(write(descriptor, "We ship soon.\n", 14), 14)
      close(descriptor)
    }
    create(deep + "/" + name)
    // Past PATH_MAX (4096 bytes): made one folder at a time, relative to the one before.
    let tooDeep = Array(repeating: String(repeating: "b", count: 250), count: 3)
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(deep))
    for folder in tooDeep {
      XCTAssertEqual(mkdir(folder, 0o755), 0)
      XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(folder))
    }
    create("far.md")
    XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(scratch.path))
    defer {
      // FileManager cannot remove what is past PATH_MAX either: take it down from inside.
      for folder in [deep, tooDeep[0], tooDeep[1]] { _ = FileManager.default.changeCurrentDirectoryPath(folder) }
      unlink(tooDeep[2] + "/far.md")
      rmdir(tooDeep[2])
      _ = FileManager.default.changeCurrentDirectoryPath("..")
      rmdir(tooDeep[1])
      _ = FileManager.default.changeCurrentDirectoryPath(scratch.path)
    }
    let found = FileDiscovery().discover(["."])
    let report = Linter.report(linter.lint(files: found.files), extraErrors: found.errors, today: testToday)
    XCTAssertEqual(report.files.map(\.path), ["./" + deep + "/" + name])
    XCTAssertEqual(report.findings.map { "\($0.line):\($0.column)" }, ["1:9"])
    // The first folder whose path is too long is named, once; the rest of the tree is linted.
    XCTAssertEqual(report.errors.count, 1)
    let error = try XCTUnwrap(report.errors.first)
    XCTAssertTrue(error.path.hasPrefix("./" + deep + "/" + tooDeep[0]), error.path)
    XCTAssertGreaterThan(PathUtilities.absolute(error.path).utf8.count, Int(PATH_MAX))
    XCTAssertTrue(error.reason.contains("path too long"), error.reason)
  }

  func testNamesThatAreNotUTF8AreReportedEscaped() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/good.md", "We ship soon.\n")
    try scratch.write("notes/caf\u{E9}-utf8.md", "We ship soon.\n")
    try FileManager.default.createDirectory(atPath: "notes/sub", withIntermediateDirectories: true)
    func create(_ bytes: [UInt8], folder: Bool = false) {
      let path = Array("notes/".utf8) + bytes
      let result = (path + [0]).withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { pointer -> Int32 in
          if folder { return mkdir(pointer.baseAddress!, 0o755) }
          let descriptor = open(pointer.baseAddress!, O_CREAT | O_WRONLY, 0o644)
          if descriptor >= 0 {
            _ = write(descriptor, "We ship soon.\n", 14)
            close(descriptor)
          }
          return descriptor >= 0 ? 0 : -1
        }
      }
      XCTAssertEqual(result, 0, "\(bytes)")
    }
    create(Array("caf".utf8) + [0xE9] + Array(".md".utf8))  // ISO-8859-1 é
    create([0xFF, 0xFE] + Array(".html".utf8))
    create(Array("d".utf8) + [0xFC, 0x72], folder: true)  // a folder "dür" in ISO-8859-1
    create(Array("d".utf8) + [0xFC, 0x72] + Array("/inner.md".utf8))
    create(Array("image".utf8) + [0xE9] + Array(".png".utf8))  // not a note: not mentioned
    let found = FileDiscovery().discover(["notes"])
    XCTAssertEqual(found.files, ["notes/caf\u{E9}-utf8.md", "notes/good.md"])
    let reason = "name is not valid UTF-8 (undecodable bytes shown as \\xNN): rename it to lint it"
    XCTAssertEqual(
      found.errors.map(\.line),
      ["notes/caf\\xE9.md: \(reason)", "notes/d\\xFCr: \(reason)", "notes/\\xFF\\xFE.html: \(reason)"])
    // Every format renders the report; JSON and SARIF stay valid JSON.
    let report = Linter.report(linter.lint(files: found.files), extraErrors: found.errors, today: testToday)
    for format in OutputFormat.allCases {
      let text = format.reporter(color: false, rules: RuleCatalog.descriptions).render(report)
      XCTAssertTrue(text.contains("caf"), "\(format)")
      if format == .json || format == .sarif {
        XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(text.utf8)), "\(format)")
      }
    }
  }

  func testNamesWithControlCharactersStayOnOneLine() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/two\nlines.md", "We ship soon.\n")
    try scratch.write("notes/esc\u{1B}[31mred.md", "\u{0}")
    let found = FileDiscovery().discover(["notes"])
    let report = Linter.report(linter.lint(files: found.files), extraErrors: found.errors, today: testToday)
    XCTAssertEqual(report.files.map(\.path), ["notes/two\nlines.md"])
    XCTAssertEqual(report.errors.map(\.line), ["notes/esc\\x1B[31mred.md: \(InputError.binary.description)"])
    let text = TextReporter(color: false, summary: false).render(report)
    XCTAssertEqual(text.split(separator: "\n").count, 1, text)
    XCTAssertTrue(text.hasPrefix("notes/two\\x0Alines.md:1:9: warning: "), text)
  }

  // MARK: - Bounded work (issue 18)

  /// 100,000 disable/enable pairs with a finding in each region and one outside each: every
  /// finding inside is suppressed, every one outside kept (linear matching; it was quadratic).
  func testHundredThousandSuppressionPairsMatchEachFinding() throws {
    let pairs = 100_000
    guard let sample = lint("We ship soon.\n", "one.md").findings.first(where: { $0.rule == "vague-time" }) else {
      return XCTFail("no vague-time finding")
    }
    var comments: [Comment] = []
    var findings: [Finding] = []
    for pair in 0..<pairs {
      let line = pair * 4 + 1
      comments.append(
        Comment(text: " notelint-disable vague-time ", start: SourcePosition(line: line, column: 1), endLine: line))
      comments.append(
        Comment(
          text: " notelint-enable vague-time ", start: SourcePosition(line: line + 2, column: 1), endLine: line + 2))
      for findingLine in [line + 1, line + 3] {
        var finding = sample
        finding.line = findingLine
        finding.endLine = findingLine
        findings.append(finding)
      }
    }
    let mask = SuppressionMask(comments: comments.reversed())
    let source = SourceFile(path: "pairs.md", text: String(repeating: "x\n", count: pairs * 4))
    let result = mask.apply(findings.reversed(), source: source, language: .english)
    XCTAssertEqual(result.kept.count, pairs)
    XCTAssertTrue(result.kept.allSatisfy { $0.line % 4 == 0 })
    XCTAssertEqual(result.unused.count, 0)
  }

  /// A start tag with 200,000 attributes (libxml2 is quadratic in them) over several lines: the
  /// attributes past the cap are blanked before libxml2 sees them, and the text after the tag keeps
  /// its exact line and column.
  func testStartTagWithTwoHundredThousandAttributesKeepsPositions() {
    var html = "<html><body>\n<p"
    for index in 0..<200_000 {
      html += index % 1_000 == 999 ? "\n a\(index)=\"v>\"" : " a\(index)='x'"
    }
    html += ">We ship soon.</p>\n<p>Later: we ship soon.</p>\n</body></html>\n"
    let lines = 2 + 200_000 / 1_000
    let outcome = lint(html, "attributes.html")
    XCTAssertEqual(outcome.summary?.path, "attributes.html")
    let lastLine = html.split(separator: "\n", omittingEmptySubsequences: false)[lines - 1]
    let column = lastLine.unicodeScalars.count - "We ship soon.</p>".unicodeScalars.count + 9
    XCTAssertEqual(
      vagueTimes(outcome),
      ["\(lines):\(column)-\(lines):\(column + 4)", "\(lines + 1):4-\(lines + 1):9", "\(lines + 1):19-\(lines + 1):23"])
  }

  // MARK: - Hostile front matter (issue 18)

  /// Nested YAML aliases ("billion laughs") in a note's front matter: refused with one error naming
  /// the reason, in bounded time and memory; a roster of a few aliases still reads.
  func testFrontMatterAliasBombIsRefusedWithOneError() {
    var yaml = "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
    for level in 1...9 {
      let refs = Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ")
      yaml += "a\(level): &a\(level) [\(refs)]\n"
    }
    for key in ["team", "tags"] {
      let bomb = "---\n" + yaml + "\(key): *a9\n---\n\nWe ship soon.\n"
      let outcome = lint(bomb, "bomb.md")
      XCTAssertEqual(outcome.error?.path, "bomb.md", key)
      XCTAssertTrue(outcome.error?.reason.contains("front matter refused") ?? false, outcome.error?.reason ?? "")
      XCTAssertNil(outcome.summary)
    }
    let shared = "---\nlead: &lead Marco Rossi\nteam: [*lead, Giulia Bianchi]\n---\n\nWe ship soon.\n"
    XCTAssertEqual(vagueTimes(lint(shared, "shared.md")), ["6:9-6:13"])
  }
}

/// A report handed from a worker thread to the test.
private final class ReportBox: @unchecked Sendable {
  var report: LintReport?
}
