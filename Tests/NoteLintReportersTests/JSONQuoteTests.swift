import Foundation
import NoteLintReporters
import XCTest

/// `JSONWriter.quote` escapes what JSON requires and leaves the rest byte for byte; the result parses
/// back to the original string.
final class JSONQuoteTests: XCTestCase {
  func testQuotesParseBackToTheOriginal() throws {
    let samples = [
      "plain text", "«Perché» — città", "quote \" and \\ backslash", "line\nbreak\r\ttab",
      "bell\u{07} nul\u{0} esc\u{1B}",
      "emoji 🧭 and \u{2028} separator", "",
    ]
    for sample in samples {
      let quoted = JSONWriter.quote(sample)
      let parsed = try JSONSerialization.jsonObject(with: Data("[\(quoted)]".utf8)) as? [String]
      XCTAssertEqual(parsed, [sample], quoted)
    }
    XCTAssertEqual(JSONWriter.quote("a\u{01}b"), "\"a\\u0001b\"")
    XCTAssertEqual(JSONWriter.quote("x\"y"), "\"x\\\"y\"")
    XCTAssertEqual(JSONWriter.quote("città"), "\"città\"")
  }
}
