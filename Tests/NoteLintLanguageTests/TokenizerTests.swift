import NoteLintCore
import NoteLintText
import XCTest

@testable import NoteLintLanguage

final class TokenizerTests: XCTestCase {
  static let abbreviations: Set<UInt64> = Set(
    ["etc.", "ecc.", "dott.", "vs.", "approx.", "Dr."].map(TokenHash.hash))
  let tokenizer = Tokenizer(abbreviations: TokenizerTests.abbreviations)

  private func tokens(_ text: String, with tokenizer: Tokenizer? = nil) -> [Token] {
    var folded: [Unicode.Scalar] = []
    return (tokenizer ?? self.tokenizer).tokenize(Array(text.unicodeScalars), folded: &folded)
  }

  /// The tokens' texts.
  private func words(_ text: String, with tokenizer: Tokenizer? = nil) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return tokens(text, with: tokenizer).map { String(String.UnicodeScalarView(scalars[$0.range])) }
  }

  private func kinds(_ text: String) -> [TokenKind] {
    tokens(text).map(\.kind)
  }

  private func pairs(_ text: String) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return tokens(text).map { "\(String(String.UnicodeScalarView(scalars[$0.range])))/\($0.kind)" }
  }

  // MARK: Words and apostrophes

  func testPlainWordsAndPunctuation() {
    XCTAssertEqual(
      pairs("Hello, world!"), ["Hello/word", ",/punctuation", "world/word", "!/punctuation"])
    XCTAssertEqual(words("  spaced\tout\nwords  "), ["spaced", "out", "words"])
    XCTAssertTrue(tokens("").isEmpty)
    XCTAssertTrue(tokens(" \n\t ").isEmpty)
  }

  func testItalianElisionsSplitAfterTheApostrophe() {
    XCTAssertEqual(words("l'IA"), ["l'", "IA"])
    XCTAssertEqual(words("dell'azienda"), ["dell'", "azienda"])
    XCTAssertEqual(words("c'è un'idea all'interno"), ["c'", "è", "un'", "idea", "all'", "interno"])
    XCTAssertEqual(words("d'accordo"), ["d'", "accordo"])
    XCTAssertEqual(kinds("l'IA"), [.word, .word])
  }

  func testEnglishCliticsStayInTheWord() {
    XCTAssertEqual(
      words("we'll see the team's plan, don't worry; I'd say they're ok and we've I'm"),
      [
        "we'll", "see", "the", "team's", "plan", ",", "don't", "worry", ";", "I'd", "say",
        "they're", "ok", "and",
        "we've", "I'm",
      ])
  }

  func testCurlyApostrophes() {
    XCTAssertEqual(
      words("l\u{2019}IA e dell\u{2019}azienda"),
      ["l\u{2019}", "IA", "e", "dell\u{2019}", "azienda"])
    XCTAssertEqual(words("we\u{2019}ll don\u{2019}t"), ["we\u{2019}ll", "don\u{2019}t"])
    // Curly and straight apostrophes hash alike.
    XCTAssertEqual(tokens("l\u{2019}IA")[0].hash, TokenHash.hash("l'"))
    XCTAssertEqual(tokens("don\u{2019}t")[0].hash, tokens("don't")[0].hash)
  }

  func testTrailingApostropheIsPunctuation() {
    XCTAssertEqual(pairs("un po' di"), ["un/word", "po/word", "'/punctuation", "di/word"])
  }

  func testHyphenatedWordsAreOneToken() {
    XCTAssertEqual(
      words("follow-up state-of-the-art e-mail Covid-19 re-"),
      [
        "follow-up", "state-of-the-art", "e-mail", "Covid-19", "re", "-",
      ])
    XCTAssertEqual(words("a - b"), ["a", "-", "b"])
  }

  // MARK: Folding and hashes

  func testAccentsAndCaseFold() {
    XCTAssertEqual(Folding.fold("Più"), "piu")
    XCTAssertEqual(Folding.fold("PERCHÉ È Così"), "perche e cosi")
    XCTAssertEqual(Folding.fold("Ça Ñandú Øre Œuvre ŠŽ"), "ca nandu ore ouvre sz")
    XCTAssertEqual(Folding.fold("\u{2018}x\u{2019} \u{201C}y\u{201D} «z»"), "'x' \"y\" \"z\"")
    XCTAssertEqual(Folding.fold("ΑΒΓ Дом"), "αβγ дом")
    var folded: [Unicode.Scalar] = []
    let scalars = Array("Più è".unicodeScalars)
    _ = tokenizer.tokenize(scalars, folded: &folded)
    XCTAssertEqual(String(String.UnicodeScalarView(folded)), "piu e")
    XCTAssertEqual(folded.count, scalars.count)
  }

  func testHashesIgnoreCaseAccentsAndCombiningMarks() {
    XCTAssertEqual(TokenHash.hash("Più"), TokenHash.hash("piu"))
    XCTAssertEqual(TokenHash.hash("pIU\u{300}"), TokenHash.hash("piu"))
    XCTAssertNotEqual(TokenHash.hash("piu"), TokenHash.hash("pio"))
    let token = tokens("Più")[0]
    XCTAssertEqual(token.hash, TokenHash.hash("piu"))
    XCTAssertEqual(tokens("perche\u{301}")[0].hash, TokenHash.hash("perché"))
    XCTAssertEqual(tokens("perche\u{301}")[0].length, 7)
  }

  func testCapitalizationFlags() {
    let flags = tokens("Marco ASAP iPhone x KPI 2024")
    XCTAssertEqual(flags.map(\.isCapitalized), [true, true, false, false, true, false])
    XCTAssertEqual(flags.map(\.isAllCaps), [false, true, false, false, true, false])
  }

  func testLineBreakFlag() {
    let flags = tokens("one two\nthree\n\nfour")
    XCTAssertEqual(flags.map(\.kind), [.word, .word, .word, .paragraphBreak, .word])
    XCTAssertEqual(flags.map(\.followsLineBreak), [false, false, true, false, true])
  }

  // MARK: Numbers and symbols

  func testNumbersKeepTheirSeparators() {
    XCTAssertEqual(pairs("1,2 milioni"), ["1,2/number", "milioni/word"])
    XCTAssertEqual(pairs("1.200 €"), ["1.200/number", "€/symbol"])
    XCTAssertEqual(pairs("3.5%"), ["3.5/number", "%/symbol"])
    XCTAssertEqual(
      pairs("$1,500.75 e £3"), ["$/symbol", "1,500.75/number", "e/word", "£/symbol", "3/number"])
    XCTAssertEqual(pairs("1.200,50€"), ["1.200,50/number", "€/symbol"])
  }

  func testNumbersEndBeforeSentencePunctuation() {
    XCTAssertEqual(pairs("costs 5."), ["costs/word", "5/number", "./punctuation"])
    XCTAssertEqual(
      pairs("1, 2, 3"), ["1/number", ",/punctuation", "2/number", ",/punctuation", "3/number"])
  }

  func testUnitsAndOrdinalsGlueToNumbers() {
    XCTAssertEqual(
      words("10k 48h 4th 2x 100ms 3 days"), ["10k", "48h", "4th", "2x", "100ms", "3", "days"])
    XCTAssertEqual(kinds("10k 48h"), [.number, .number])
    XCTAssertEqual(pairs("2024abc"), ["2024/number", "abc/word"])
  }

  // MARK: Mentions, URLs, placeholders

  func testMentions() {
    XCTAssertEqual(
      pairs("ask @marco.rossi and @team-lead_2."),
      [
        "ask/word", "@marco.rossi/mention", "and/word", "@team-lead_2/mention", "./punctuation",
      ])
    XCTAssertEqual(pairs("a @ b"), ["a/word", "@/punctuation", "b/word"])
  }

  func testURLsAndEmails() {
    XCTAssertEqual(
      pairs("see https://example.com/a?b=1. Or www.test.it, ok"),
      [
        "see/word", "https://example.com/a?b=1/url", "./punctuation", "Or/word", "www.test.it/url",
        ",/punctuation",
        "ok/word",
      ])
    XCTAssertEqual(
      pairs("(http://x.org/wiki/A_(b)) end"),
      ["(/punctuation", "http://x.org/wiki/A_(b)/url", ")/punctuation", "end/word"])
    XCTAssertEqual(
      pairs("write to marco@example.com."),
      ["write/word", "to/word", "marco@example.com/url", "./punctuation"])
    XCTAssertEqual(
      pairs("mario.rossi@azienda.it, grazie"),
      ["mario.rossi@azienda.it/url", ",/punctuation", "grazie/word"])
    XCTAssertEqual(pairs("mailto:a@b.c"), ["mailto:a@b.c/url"])
    XCTAssertEqual(pairs("HTTPS://X.ORG"), ["HTTPS://X.ORG/url"])
  }

  func testPlaceholder() {
    XCTAssertEqual(
      pairs("run \u{FFFC} now\u{FFFC}"),
      ["run/word", "\u{FFFC}/placeholder", "now/word", "\u{FFFC}/placeholder"])
  }

  // MARK: Abbreviations

  func testListedAbbreviationsKeepTheirDot() {
    XCTAssertEqual(
      words("A, B, etc. and C ecc. then"), ["A", ",", "B", ",", "etc.", "and", "C", "ecc.", "then"])
    XCTAssertEqual(
      words("Dott. Rossi vs. Bianchi, approx. 5"),
      ["Dott.", "Rossi", "vs.", "Bianchi", ",", "approx.", "5"])
    XCTAssertEqual(tokens("ETC.")[0].hash, TokenHash.hash("etc."))
    // Without the list, the dot is punctuation.
    XCTAssertEqual(words("etc. ok", with: Tokenizer()), ["etc", ".", "ok"])
    // A word that only starts like an abbreviation is not one.
    XCTAssertEqual(words("etcetera."), ["etcetera", "."])
  }

  func testDottedAbbreviationsStayWhole() {
    XCTAssertEqual(
      words("e.g. this, i.e. that, p.es. quello, U.S. and a.m."),
      [
        "e.g.", "this", ",", "i.e.", "that", ",", "p.es.", "quello", ",", "U.S.", "and", "a.m.",
      ])
    XCTAssertEqual(words("e.g.,"), ["e.g.", ","])
    // Plain sentence ends are not abbreviations.
    XCTAssertEqual(words("end.Next word."), ["end", ".", "Next", "word", "."])
  }

  func testTokenRangesAndLengths() {
    let list = tokens("ab  cde")
    XCTAssertEqual(list.map(\.range), [0..<2, 4..<7])
    XCTAssertEqual(list.map(\.length), [2, 3])
  }

  func testNonBreakingSpaceAndZeroWidthSpaceSeparate() {
    XCTAssertEqual(words("a\u{A0}b\u{200B}c\u{3000}d"), ["a", "b", "c", "d"])
  }

  func testNonLatinScripts() {
    XCTAssertEqual(pairs("中文 Дом αβ"), ["中文/word", "Дом/word", "αβ/word"])
    XCTAssertEqual(kinds("😀"), [.punctuation])
  }
}
