import NoteLintLanguage
import NoteLintText
import XCTest

final class LexiconTests: XCTestCase {
  private let tokenizer = Tokenizer(abbreviations: [TokenHash.hash("etc."), TokenHash.hash("ecc.")])

  private func matches(_ entries: String, _ text: String) -> [String] {
    let lexicon = Lexicon(name: "test", text: entries, tokenizer: tokenizer)
    var folded: [Unicode.Scalar] = []
    let scalars = Array(text.unicodeScalars)
    let tokens = tokenizer.tokenize(scalars, folded: &folded)
    return lexicon.matches(in: tokens).map { match in
      let range =
        Int(tokens[match.tokens.lowerBound].start)..<Int(tokens[match.tokens.upperBound - 1].end)
      return String(String.UnicodeScalarView(scalars[range]))
    }
  }

  func testAlternationsExpandWithTheirSpaces() {
    XCTAssertEqual(
      Lexicon.expandForTesting("{dovrebbe,dovrebbero} {bastare,essere sufficiente}"),
      [
        "dovrebbe bastare", "dovrebbe essere sufficiente", "dovrebbero bastare",
        "dovrebbero essere sufficiente",
      ])
    XCTAssertEqual(
      Lexicon.expandForTesting("significativ{o,a,i,e}"),
      ["significativo", "significativa", "significativi", "significative"])
    XCTAssertEqual(
      matches("{dovrebbe,dovrebbero} {bastare,reggere}", "Il campione dovrebbe bastare."),
      ["dovrebbe bastare"])
  }

  func testMatchingIgnoresCaseAndAccentsAndPrefersTheLongestPhrase() {
    XCTAssertEqual(matches("piu avanti\npiu", "Lo faremo PIÙ AVANTI."), ["PIÙ AVANTI"])
    XCTAssertEqual(matches("a breve\nbreve", "Rilascio a breve, in breve."), ["a breve", "breve"])
  }

  func testExceptionsDropOverlappingMatches() {
    let entries = "later\n!no later than\n!<num> {days,weeks} later"
    XCTAssertEqual(
      matches(entries, "Send it no later than Friday, or 3 days later, or later."), ["later"])
  }

  func testNumberPlaceholderMatchesAnyNumber() {
    XCTAssertEqual(
      matches("entro <num> giorni", "Consegna entro 10 giorni e entro dieci giorni."),
      ["entro 10 giorni"])
  }

  func testSuggestionsAndAbbreviations() {
    let lexicon = Lexicon(name: "t", text: "asap => give a date\netc.", tokenizer: tokenizer)
    XCTAssertEqual(lexicon.phrases.map(\.suggestion), ["give a date", nil])
    XCTAssertEqual(matches("etc.", "Recency, frequency etc. are in."), ["etc."])
  }
}
