import XCTest

@testable import NoteLintLanguage

/// The date rules compare `DateWord`s, so every word of every list must be in the vocabulary and
/// the tokenizer must find each one (and nothing else).
final class DateVocabularyTests: XCTestCase {
  /// Every word the lexicons and the rules' lists use, apostrophes and punctuation parts aside.
  private var listedWords: [String] {
    var lists: [[String]] = [
      Array(DateLexicon.months.keys), Array(DateLexicon.weekdays.keys),
      Array(DateLexicon.weekdayPlurals.keys), Array(DateLexicon.numberWords.keys),
      Array(DateLexicon.durationUnits.keys), Array(DateLexicon.periodUnits.keys),
      Array(DateLexicon.preModifiers.keys), Array(DateLexicon.postModifiers.keys),
      Array(DateLexicon.relativeDays.keys), Array(DateLexicon.partsOfDay),
      Array(DateLexicon.ordinalSuffixes), Array(DateLexicon.ordinals.keys),
      Array(DateLexicon.recurringWords), Array(DateLexicon.cadenceUnits),
      Array(DateLexicon.cadencePlurals), Array(DateLexicon.connectors),
      Array(DateLexicon.numberContextWords), Array(DateLexicon.dateIntroducers),
      Array(DateLexicon.moneyWords), Array(DateMatcher.starters),
      Array(DateMatcher.deadlineArticles), Array(DateMatcher.articleEndings),
      Array(DateMatcher.ofArticles), Array(DateMatcher.endAbbreviations.keys),
      Array(DateMatcher.entroUnitWords.keys), Array(DateMatcher.weekOrdinals.keys),
    ]
    lists += DateMatcher.deadlinePrefixes.map(\.0)
    lists += DateMatcher.holidayPhrases.map(\.0)
    lists += DateMatcher.partPhrases.map(\.0)
    lists += DateMatcher.eodPhrases + DateMatcher.durationTriggers + DateMatcher.fromNowPhrases
    lists += DateMatcher.multiWordCadences
    return lists.joined().compactMap { text in
      let word = text.hasSuffix("'") ? String(text.dropLast()) : text
      return word.isEmpty ? nil : word
    }
  }

  func testEveryListedWordIsInTheVocabulary() {
    let missing = listedWords.filter { DateVocabulary.shared.word($0) == nil }
    XCTAssertEqual(missing, [], "add these to DateWord")
    // Building the tables resolves the rules' own small lists too (it traps on an unknown word).
    XCTAssertTrue(DateTables.shared.starters.contains(.dicembre))
    XCTAssertFalse(DateTables.shared.starters.contains(nil))
  }

  func testSpellings() {
    XCTAssertEqual(DateWord.the.text, "the")
    XCTAssertEqual(DateWord.in.text, "in")
    XCTAssertEqual(DateWord.for.text, "for")
    XCTAssertEqual(DateWord.someWord.text, "some")
    XCTAssertEqual(DateWord.ordinalMasculine.text, "º")
    XCTAssertEqual(DateWord.ordinalFeminine.text, "ª")
    let texts = DateWord.allCases.map(\.text)
    XCTAssertEqual(Set(texts).count, texts.count)
    for text in texts {
      XCTAssertTrue(
        text.unicodeScalars.allSatisfy(DateTokenizer.isLetter)
          && text.unicodeScalars.count <= DateTokenizer.maxWordLength,
        text)
      XCTAssertEqual(text, text.lowercased(), text)
    }
  }

  /// Each vocabulary word is found by the tokenizer; longer, shorter and overlong words are not.
  func testTokenizerFindsExactlyTheVocabulary() {
    for word in DateWord.allCases {
      let text = word.text
      let tokens = DateTokenizer.tokenize(Array("(\(text) \(text)x \(String(text.dropLast()))q)".unicodeScalars))
      XCTAssertEqual(tokens.map(\.kind), [.punct, .word, .word, .word, .punct], text)
      XCTAssertEqual(tokens[1].word, word, text)
      XCTAssertNil(tokens[2].word, text)
      if DateVocabulary.shared.word(String(text.dropLast()) + "q") == nil { XCTAssertNil(tokens[3].word, text) }
    }
    let long = String(repeating: "a", count: DateTokenizer.maxWordLength + 1)
    let tokens = DateTokenizer.tokenize(Array("\(long) dicembre".unicodeScalars))
    XCTAssertEqual(tokens.map(\.kind), [.word, .word])
    XCTAssertNil(tokens[0].word)
    XCTAssertEqual(tokens[1].word, .dicembre)
  }

  /// Words outside the vocabulary are still words: after "venerdì 4" they make the number a count.
  func testUnknownWordsStayWords() {
    let parser = DateParser()
    XCTAssertTrue(parser.find(in: "venerdì 4 riunioni", context: monday).isEmpty)
    XCTAssertFalse(parser.find(in: "venerdì 4 alle 10", context: monday).isEmpty)
  }
}
