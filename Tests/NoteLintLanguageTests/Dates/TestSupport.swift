import NoteLintLanguage
import XCTest

/// Folds like the caller does (one scalar to one scalar): lowercase, accents stripped,
/// curly apostrophes to '.
func fold(_ text: String) -> [Unicode.Scalar] {
  text.unicodeScalars.map { scalar -> Unicode.Scalar in
    switch scalar {
    case "à", "á", "â", "ä", "À", "Á", "Â", "Ä": return "a"
    case "è", "é", "ê", "ë", "È", "É", "Ê", "Ë": return "e"
    case "ì", "í", "î", "ï", "Ì", "Í", "Î", "Ï": return "i"
    case "ò", "ó", "ô", "ö", "Ò", "Ó", "Ô", "Ö": return "o"
    case "ù", "ú", "û", "ü", "Ù", "Ú", "Û", "Ü": return "u"
    case "\u{2018}", "\u{2019}", "\u{02BC}", "\u{00B4}": return "'"
    case "\u{2010}", "\u{2011}": return "-"
    default:
      if scalar.properties.isUppercase,
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
      {
        return lower
      }
      return scalar
    }
  }
}

extension DateParser {
  /// Convenience for tests: folds `string` the way the caller does, then scans it.
  public func find(in string: String, context: DateContext) -> [DateExpression] {
    find(in: fold(string), context: context)
  }
}

func day(_ text: String) -> CivilDate {
  guard let date = CivilDate.parseISO(text) else { fatalError("bad test date \(text)") }
  return date
}

/// The folded text a match covers.
func matchedText(_ expression: DateExpression, in string: String) -> String {
  let scalars = fold(string)
  return String(String.UnicodeScalarView(scalars[expression.range]))
}

/// One table row: a sentence, the text the single expected match covers, its kind and its
/// resolved start and due ("-" for nil; `due` defaults to `start`).
struct DateCase {
  let sentence: String
  let match: String
  let kind: DateExpressionKind
  let start: String
  let due: String
  let line: UInt
}

func row(
  _ sentence: String, _ match: String, _ kind: DateExpressionKind, _ start: String,
  _ due: String? = nil,
  line: UInt = #line
) -> DateCase {
  DateCase(
    sentence: sentence, match: match, kind: kind, start: start, due: due ?? start, line: line)
}

/// Builds the expected/actual description of a match.
func describe(_ text: String, _ kind: DateExpressionKind, _ start: String, _ due: String) -> String {
  "\(text) | \(kind) | \(start) | \(due)"
}

/// Checks that every sentence has exactly the expected match; returns how many rows were checked.
@discardableResult
func check(_ cases: [DateCase], context: DateContext, file: StaticString = #filePath) -> Int {
  let parser = DateParser()
  for item in cases {
    let found = parser.find(in: item.sentence, context: context)
    let actual = found.map { expression in
      describe(
        matchedText(expression, in: item.sentence), expression.kind,
        expression.start?.description ?? "-",
        expression.due?.description ?? "-")
    }
    let expected = [
      describe(
        String(String.UnicodeScalarView(fold(item.match))), item.kind, item.start, item.due)
    ]
    XCTAssertEqual(actual, expected, "in: \(item.sentence)", file: file, line: item.line)
  }
  return cases.count
}

/// Checks that none of the sentences contains a date expression.
func checkNone(
  _ sentences: [String], context: DateContext, file: StaticString = #filePath, line: UInt = #line
) {
  let parser = DateParser()
  for sentence in sentences {
    let found = parser.find(in: sentence, context: context).map { matchedText($0, in: sentence) }
    XCTAssertEqual(found, [], "in: \(sentence)", file: file, line: line)
  }
}
