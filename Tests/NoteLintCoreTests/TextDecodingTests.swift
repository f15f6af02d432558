import XCTest

@testable import NoteLintCore

final class TextDecodingTests: XCTestCase {
  private func decode(_ bytes: [UInt8], html: Bool = false) -> Result<SourceFile, InputError> {
    TextDecoder.decode(bytes, path: html ? "note.html" : "note.md", isHTML: html)
  }

  private func text(
    _ result: Result<SourceFile, InputError>, file: StaticString = #filePath, line: UInt = #line
  )
    -> String?
  {
    switch result {
    case .success(let source): return String(String.UnicodeScalarView(source.scalars))
    case .failure(let error):
      XCTFail("unexpected error \(error)", file: file, line: line)
      return nil
    }
  }

  private func error(_ result: Result<SourceFile, InputError>) -> InputError? {
    if case .failure(let error) = result { return error }
    return nil
  }

  // MARK: UTF-8

  func testValidUTF8() throws {
    let original = "Perché 😀 中文 e\u{301}\nline two\r\n"
    let result = decode(Array(original.utf8))
    XCTAssertEqual(text(result), original)
    let source = try result.get()
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertFalse(source.hadBOM)
    XCTAssertEqual(source.path, "note.md")
    XCTAssertEqual(source.scalars.count, original.unicodeScalars.count)
  }

  func testUTF8ByteOrderMarkIsDropped() throws {
    let source = try decode([0xEF, 0xBB, 0xBF] + Array("# Titolo\n".utf8)).get()
    XCTAssertTrue(source.hadBOM)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(source.scalars.first, "#")
    XCTAssertEqual(source.lineText(1), "# Titolo")
  }

  func testInvalidUTF8ReportsItsLine() {
    let bad: [UInt8] = [0xE8]  // a Latin-1 è
    XCTAssertEqual(
      error(decode(Array("one\ntwo\nca".utf8) + bad + Array("\n".utf8))), .invalidUTF8(line: 3))
    XCTAssertEqual(error(decode(bad + Array("\n".utf8))), .invalidUTF8(line: 1))
    XCTAssertEqual(error(decode(Array("one\r\ntwo\r\nthree ".utf8) + bad)), .invalidUTF8(line: 3))
    // Lone CR line endings count as lines too.
    XCTAssertEqual(error(decode(Array("one\rtwo\rthree\rfour ".utf8) + bad)), .invalidUTF8(line: 4))
    XCTAssertEqual(error(decode(Array("a\r\n\rb\n".utf8) + bad)), .invalidUTF8(line: 4))
  }

  func testMalformedSequencesAreInvalid() {
    let cases: [[UInt8]] = [
      [0x80],  // lone continuation byte
      [0xC0, 0x80],  // overlong NUL
      [0xE0, 0x80, 0xAF],  // overlong
      [0xED, 0xA0, 0x80],  // UTF-16 surrogate
      [0xF4, 0x90, 0x80, 0x80],  // past U+10FFFF
      [0xF8, 0x88, 0x80, 0x80, 0x80],  // five-byte form
      [0xE2, 0x82],  // truncated at the end
      [0xE2, 0x28, 0xA1],  // bad continuation
      [0xFF],
    ]
    for bytes in cases {
      XCTAssertEqual(error(decode(Array("ok\n".utf8) + bytes)), .invalidUTF8(line: 2), "\(bytes)")
    }
    XCTAssertEqual(text(decode([0xF0, 0x9F, 0x98, 0x80, 0xEF, 0xBF, 0xBD])), "😀\u{FFFD}")
  }

  func testNULBytesMeanBinary() {
    XCTAssertEqual(error(decode(Array("text".utf8) + [0x00] + Array("more".utf8))), .binary)
    XCTAssertEqual(error(decode([0xEF, 0xBB, 0xBF, 0x41, 0x00])), .binary)
    XCTAssertEqual(
      error(decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00], html: true)),
      .binary)
    // NUL wins over invalid UTF-8.
    XCTAssertEqual(error(decode([0xE8, 0x00])), .binary)
    // A NUL character in UTF-16 text.
    XCTAssertEqual(error(decode([0xFF, 0xFE, 0x41, 0x00, 0x00, 0x00])), .binary)
  }

  func testEmptyInput() throws {
    let source = try decode([]).get()
    XCTAssertTrue(source.scalars.isEmpty)
    XCTAssertEqual(source.lineCount, 1)
  }

  // MARK: UTF-16

  private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
    var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
    for unit in text.utf16 {
      bytes +=
        bigEndian
        ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
    }
    return bytes
  }

  func testUTF16WithByteOrderMarks() throws {
    let original = "Più 😀 avanti\r\nriga due\n"
    let little = try decode(utf16(original, bigEndian: false)).get()
    XCTAssertEqual(little.encoding, .utf16LE)
    XCTAssertTrue(little.hadBOM)
    XCTAssertEqual(String(String.UnicodeScalarView(little.scalars)), original)
    let big = try decode(utf16(original, bigEndian: true), html: true).get()
    XCTAssertEqual(big.encoding, .utf16BE)
    XCTAssertEqual(String(String.UnicodeScalarView(big.scalars)), original)
    XCTAssertEqual(big.lineText(2), "riga due")
  }

  func testUTF16BrokenSurrogateBecomesReplacement() {
    // A high surrogate followed by a letter.
    XCTAssertEqual(text(decode([0xFF, 0xFE, 0x3D, 0xD8, 0x41, 0x00])), "\u{FFFD}A")
  }

  // MARK: Declared charsets (HTML only)

  func testLatin1Declared() throws {
    let bytes =
      Array("<meta charset=\"ISO-8859-1\"><p>Perch".utf8) + [0xE9, 0x20, 0xE0, 0xF9, 0xC8]
      + Array("</p>".utf8)
    let source = try decode(bytes, html: true).get()
    XCTAssertEqual(source.encoding, .latin1)
    XCTAssertEqual(text(.success(source)), "<meta charset=\"ISO-8859-1\"><p>Perché àùÈ</p>")
    // The same bytes as Markdown are not decoded through a declaration.
    XCTAssertEqual(error(decode(bytes)), .invalidUTF8(line: 1))
  }

  func testLatin1IsReadAsWindows1252() throws {
    let bytes = Array("<meta charset=latin1>".utf8) + [0x92, 0x80, 0x93, 0x94, 0xA0, 0xFF]
    let source = try decode(bytes, html: true).get()
    XCTAssertEqual(source.encoding, .latin1)
    XCTAssertEqual(text(.success(source)), "<meta charset=latin1>\u{2019}€\u{201C}\u{201D}\u{A0}ÿ")
  }

  func testWindows1252Declared() throws {
    let head = "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
    let bytes =
      Array(head.utf8) + [0x93, 0x41, 0x94, 0x20, 0x80, 0x35, 0x96, 0x85, 0x9C, 0x8A, 0x81]
    let source = try decode(bytes, html: true).get()
    XCTAssertEqual(source.encoding, .windows1252)
    XCTAssertEqual(text(.success(source)), head + "\u{201C}A\u{201D} €5\u{2013}\u{2026}œŠ\u{81}")
  }

  func testLatin9Declared() throws {
    let bytes = Array("<meta charset=\"iso-8859-15\">".utf8) + [0xA4, 0xA6, 0xBD, 0xE8]
    let source = try decode(bytes, html: true).get()
    XCTAssertEqual(source.encoding, .latin9)
    XCTAssertEqual(text(.success(source)), "<meta charset=\"iso-8859-15\">€Šœè")
  }

  func testDeclaredUTF8AndUnknownCharsets() {
    let utf8 = Array("<meta charset=utf-8><p>Perché</p>".utf8)
    XCTAssertEqual(text(decode(utf8, html: true)), "<meta charset=utf-8><p>Perché</p>")
    XCTAssertEqual(
      error(decode(Array("<meta charset=utf-8>\n".utf8) + [0xE8], html: true)),
      .invalidUTF8(line: 2))
    XCTAssertEqual(
      error(decode(Array("<meta charset=shift_jis>".utf8) + [0xE8], html: true)),
      .invalidUTF8(line: 1))
  }

  func testDeclarationFarDownIsIgnored() {
    let bytes =
      Array(String(repeating: " ", count: 3000).utf8) + Array("<meta charset=latin1>".utf8) + [0xE8]
    XCTAssertEqual(error(decode(bytes, html: true)), .invalidUTF8(line: 1))
  }

  func testDeclaredCharsetParsing() {
    func charset(_ text: String) -> TextEncoding? {
      TextDecoder.declaredCharset(Array(text.utf8)[...])
    }
    XCTAssertEqual(charset("<META CHARSET=\"WINDOWS-1252\">"), .windows1252)
    XCTAssertEqual(charset("<meta charset = 'iso-8859-1' />"), .latin1)
    XCTAssertEqual(
      charset("<meta content=\"text/html;charset=cp1252\" http-equiv=\"content-type\">"),
      .windows1252)
    XCTAssertEqual(charset("<meta charset=utf-8>"), .utf8)
    XCTAssertEqual(charset("<meta charset=latin-9>"), .latin9)
    XCTAssertNil(charset("<meta charset=koi8-r>"))
    XCTAssertNil(charset("<p>no declaration</p>"))
    XCTAssertNil(charset("charset"))
    // A first `charset` word that names nothing does not hide the real declaration.
    XCTAssertEqual(
      charset("<!-- the charset is below --><meta charset=windows-1252>"), .windows1252)
  }

  func testByteOrderMarkWinsOverDeclaration() throws {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("<meta charset=latin1>è".utf8)
    let source = try decode(bytes, html: true).get()
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(source.scalars.last, "è")
  }

  func testUTF8BytesRoundTrip() {
    let text = "a è 😀 中 \r\n"
    XCTAssertEqual(TextDecoder.utf8Bytes(Array(text.unicodeScalars)), Array(text.utf8))
  }

  func testErrorDescriptions() {
    XCTAssertTrue(InputError.invalidUTF8(line: 7).description.contains("line 7"))
    XCTAssertTrue(InputError.binary.description.contains("binary"))
    XCTAssertTrue(InputError.tooLarge(bytes: 10, limit: 5).description.contains("10"))
  }
}
