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

  func testPhrasesSharingAFirstWordKeepLongestFirstThenFileOrder() {
    // Second tokens that are words, numbers and `<num>`: the phrase found is the same whichever
    // list it is looked up in.
    let entries = "in 2 weeks\nin <num> weeks time\nin <num>\nin 2\nin the end\nin\nby 3 days\nby <num> days"
    let lexicon = Lexicon(name: "test", text: entries, tokenizer: tokenizer)
    var folded: [Unicode.Scalar] = []
    let text = "in 2 weeks time; in 2 weeks; in 2; in 5; in the end; in theory; by 3 days; by 4 days"
    let tokens = tokenizer.tokenize(Array(text.unicodeScalars), folded: &folded)
    XCTAssertEqual(
      lexicon.matches(in: tokens).map { lexicon.text($0.phrase) },
      ["in <num> weeks time", "in 2 weeks", "in <num>", "in <num>", "in the end", "in", "by 3 days", "by <num> days"])
  }

  func testSuggestionsAndAbbreviations() {
    let lexicon = Lexicon(name: "t", text: "asap => give a date\netc.", tokenizer: tokenizer)
    XCTAssertEqual(lexicon.phrases.map(\.suggestion), ["give a date", nil])
    XCTAssertEqual(matches("etc.", "Recency, frequency etc. are in."), ["etc."])
  }
}
