import NoteLintLanguage
import XCTest

final class RobustnessTests: XCTestCase {
  func testEmptyAndTrivialInput() {
    let parser = DateParser()
    XCTAssertEqual(parser.find(in: [Unicode.Scalar](), context: monday), [])
    XCTAssertEqual(parser.find(in: "   ", context: monday), [])
    XCTAssertEqual(parser.find(in: "entro", context: monday), [])
    XCTAssertEqual(parser.find(in: "4/", context: monday), [])
    XCTAssertEqual(parser.find(in: "Q", context: monday), [])
  }

  func testRangesAreScalarOffsets() {
    let found = DateParser().find(in: "🚀 Già: entro venerdì, poi Q1 2027.", context: monday)
    XCTAssertEqual(found.map(\.range), [7..<20, 26..<33])
    XCTAssertEqual(found.map(\.kind), [.period, .period])
  }

  func testSeveralExpressionsInOrder() {
    let text = "Kickoff 4/12, review every Monday, ship by end of Q1 2027 (sprint 3)."
    let found = DateParser().find(in: text, context: monday)
    XCTAssertEqual(
      found.map { matchedText($0, in: text) },
      ["4/12", "every monday", "by end of q1 2027", "sprint 3"])
    XCTAssertEqual(found.map(\.kind), [.absolute, .recurring, .period, .period])
  }

  /// Random mixes of keywords, numbers and punctuation never crash and always give ordered,
  /// non-overlapping, in-bounds ranges with start ≤ due.
  func testFuzz() {
    let pieces = [
      "entro", "il", "by", "the", "end", "of", "fine", "next", "prossimo", "week", "settimana", "Q",
      "q1", "H",
      "w", "sprint", "dicembre", "dec", "may", "venerdì", "friday", "every", "ogni", "in", "tra",
      "a", "4", "12",
      "31", "2026", "2027", "53", "0", "999999999999", "/", ".", "-", "'", ",", "#", "%", "€", "°",
      "th", "st",
      "l'", "anno", "mese", "giorni", "days", "2-3", "dal", "al", "e", "from", "to", "EOD",
      "within", "un",
      "tutti", "i", "lunedì", "1st", "quarter", "of", "first", "half", "🙂", "\n", "x",
    ]
    var state: UInt64 = 0x9E37_79B9_7F4A_7C15
    func next() -> Int {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: state >> 33)
    }
    let contexts = [
      monday,
      DateContext(reference: day("2026-12-31"), order: .monthFirst, sprintOne: day("2026-01-05")),
      DateContext(reference: day("2028-02-29"), sprintLengthDays: 0, sprintOne: day("2030-01-01")),
    ]
    let parser = DateParser()
    for round in 0..<3000 {
      var text = ""
      for _ in 0..<(next() % 12 + 1) {
        text += pieces[next() % pieces.count]
        if next() % 3 != 0 { text += " " }
      }
      let scalars = fold(text)
      let found = parser.find(in: scalars, context: contexts[round % contexts.count])
      var previousEnd = 0
      for expression in found {
        XCTAssertGreaterThanOrEqual(expression.range.lowerBound, previousEnd, text)
        XCTAssertLessThanOrEqual(expression.range.upperBound, scalars.count, text)
        XCTAssertFalse(expression.range.isEmpty, text)
        if let start = expression.start, let due = expression.due {
          XCTAssertLessThanOrEqual(start, due, text)
        }
        if expression.kind == .recurring {
          XCTAssertNil(expression.start, text)
          XCTAssertNil(expression.due, text)
        }
        previousEnd = expression.range.upperBound
      }
    }
  }
}
