import NoteLintCore
import NoteLintText
import XCTest

@testable import NoteLintLanguage

final class SentenceTests: XCTestCase {
  let tokenizer = Tokenizer(
    abbreviations: Set(["etc.", "ecc.", "dott.", "vs."].map(TokenHash.hash)))

  private func analysis(_ text: String) -> TextAnalysis {
    TextAnalysis(
      text: MappedText(text, at: SourcePosition(line: 1, column: 1)), tokenizer: tokenizer)
  }

  /// Each sentence as the source text it covers.
  private func sentences(_ text: String) -> [String] {
    let analysis = analysis(text)
    return analysis.sentences.map { analysis.text.string(analysis.scalarRange($0)) }
  }

  func testSplitsAtFullStopsExclamationsAndQuestions() {
    XCTAssertEqual(
      sentences("First one. Second one! Third one? Fourth"),
      ["First one.", "Second one!", "Third one?", "Fourth"])
  }

  func testClosingMarksStayWithTheirSentence() {
    XCTAssertEqual(
      sentences("Really?! Yes... \"Quoted.\" (Aside.) Next"),
      ["Really?!", "Yes...", "\"Quoted.\"", "(Aside.)", "Next"])
    XCTAssertEqual(sentences("Ha detto «basta.» Poi"), ["Ha detto «basta.»", "Poi"])
    XCTAssertEqual(sentences("Wait… then"), ["Wait…", "then"])
  }

  func testParagraphBreaksSplit() {
    XCTAssertEqual(sentences("no stop here\n\nnew paragraph"), ["no stop here", "new paragraph"])
    XCTAssertEqual(sentences("one line\nnext line"), ["one line\nnext line"])
  }

  func testAbbreviationsDoNotSplit() {
    XCTAssertEqual(
      sentences("Files, logs, etc. are kept. Done."), ["Files, logs, etc. are kept.", "Done."])
    XCTAssertEqual(
      sentences("Ask the dott. Rossi, e.g. today. Then"),
      ["Ask the dott. Rossi, e.g. today.", "Then"])
    XCTAssertEqual(sentences("A vs. B is open."), ["A vs. B is open."])
  }

  func testDotsInsideWordsAndNumbersDoNotSplit() {
    XCTAssertEqual(sentences("It costs 3.5% more. Ok"), ["It costs 3.5% more.", "Ok"])
    XCTAssertEqual(
      sentences("See example.com for details. Then"), ["See example.com for details.", "Then"])
    XCTAssertEqual(sentences("Release v2.0 is out. Then"), ["Release v2.0 is out.", "Then"])
    XCTAssertEqual(sentences("Open report.pdf now"), ["Open report.pdf now"])
  }

  func testSentenceOfTokenAndScalarRanges() {
    let analysis = analysis("We ship. They test.")
    XCTAssertEqual(analysis.sentences, [0..<3, 3..<6])
    XCTAssertEqual(analysis.sentenceOfToken, [0, 0, 0, 1, 1, 1])
    XCTAssertEqual(analysis.sentence(containing: 4), 3..<6)
    XCTAssertEqual(analysis.sentence(containing: 99), 6..<6)
    XCTAssertEqual(analysis.scalarRange(3..<6), 9..<19)
    XCTAssertEqual(analysis.scalarRange(2..<2), 0..<0)
    XCTAssertEqual(analysis.originalString(analysis.tokens[3]), "They")
    XCTAssertEqual(analysis.foldedString(analysis.tokens[3]), "they")
  }

  func testIsQuestion() {
    let analysis = analysis("Is it done? It is. Why not?) Go! Who")
    XCTAssertEqual(analysis.sentences.map(analysis.isQuestion), [true, false, true, false, false])
    let empty = self.analysis("")
    XCTAssertTrue(empty.sentences.isEmpty)
  }

  func testHasNumber() {
    let analysis = analysis(
      "Reduce costs by 10%. Reduce costs a lot. Costs 1.200 €. Due 3rd March. Tre giorni.")
    XCTAssertEqual(analysis.sentences.map(analysis.hasNumber), [true, false, true, true, false])
  }

  func testPositionsOfSentencesFollowTheText() {
    var text = MappedText()
    text.append(contentsOf: ArraySlice("One.".unicodeScalars), at: SourcePosition(line: 4, column: 3))
    text.append("\n", line: 4, column: 7)
    text.append(contentsOf: ArraySlice("Two words.".unicodeScalars), at: SourcePosition(line: 5, column: 1))
    let analysis = TextAnalysis(text: text, tokenizer: tokenizer)
    XCTAssertEqual(analysis.sentences.count, 2)
    let second = analysis.scalarRange(analysis.sentences[1])
    XCTAssertEqual(text.position(at: second.lowerBound), SourcePosition(line: 5, column: 1))
    XCTAssertTrue(analysis.tokens[analysis.sentences[1].lowerBound].followsLineBreak)
  }
}
