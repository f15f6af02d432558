import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintText
import XCTest

final class CompiledLexiconTests: XCTestCase {
  func testTheBuildsCompiledLexiconsEqualTheTextFiles() throws {
    let folder = try XCTUnwrap(LanguageResources.resourceFolder)
    XCTAssertTrue(LanguageResources.usesCompiledLexicons, "the build did not compile lexicons.bin")
    for language in Language.allCases {
      let resources = LanguageResources.shared(language)
      let fromText = LexiconSource.compile(resources: folder, language: language, tokenizer: resources.tokenizer)
      XCTAssertGreaterThan(fromText.count, 20, "lexicon files of \(language)")
      XCTAssertEqual(resources.lexiconNames, fromText.map(\.name).sorted())
      for expected in fromText {
        let loaded = resources.lexicon(expected.name)
        XCTAssertFalse(loaded.isEmpty, "\(language) \(expected.name)")
        XCTAssertEqual(loaded.phrases, expected.phrases, "\(language) \(expected.name)")
        XCTAssertEqual(loaded.exceptions, expected.exceptions, "\(language) \(expected.name)")
      }
    }
  }

  func testTheCompiledFirstNamesEqualTheNameLists() throws {
    let folder = try XCTUnwrap(LanguageResources.resourceFolder)
    var fromText = TokenSet()
    for language in Language.allCases {
      let file = folder.appendingPathComponent("names/\(language.rawValue).txt")
      fromText.formUnion(ResourceLines.hashes(try String(contentsOf: file, encoding: .utf8)))
    }
    XCTAssertGreaterThan(fromText.count, 1000)
    XCTAssertEqual(LanguageResources.firstNames, fromText)
    XCTAssertTrue(LanguageResources.firstNames.contains(TokenHash.hash("Giulia")))
  }

  func testTheTokenFilterNeverHidesAMatch() throws {
    XCTAssertNotNil(LanguageResources.tokenFilter)
    let text = """
      Il team farà il rilascio a breve, entro 3 giorni o forse più avanti: probabilmente basterà.
      We will improve conversion soon; the model should be enough, within 2 weeks, TBD by the team.
      """
    var mapped = MappedText()
    for (offset, scalar) in text.unicodeScalars.enumerated() { mapped.append(scalar, line: 1, column: offset + 1) }
    let analysis = TextAnalysis(text: mapped, tokenizer: LanguageResources.sharedTokenizer)
    XCTAssertTrue(analysis.tokens.contains { $0.filter != .max }, "the analysis wrote no filter")
    var unfiltered = analysis.tokens
    for index in unfiltered.indices { unfiltered[index].filter = .max }
    var matched = 0
    for language in Language.allCases {
      let resources = LanguageResources.shared(language)
      for name in resources.lexiconNames {
        let lexicon = resources.lexicon(name)
        XCTAssertNotEqual(lexicon.filterBit, 0, name)
        let expected = lexicon.matches(in: unfiltered)
        XCTAssertEqual(lexicon.matches(in: analysis.tokens), expected, "\(language) \(name)")
        matched += expected.count
      }
    }
    XCTAssertGreaterThan(matched, 10)
  }

  func testEncodingRoundTripsAndRejectsDamagedData() throws {
    let tokenizer = Tokenizer()
    let entries = [
      CompiledLexicons.Entry(
        language: "it", lexicon: Lexicon(name: "a", text: "a breve => una data\n!a breve termine", tokenizer: tokenizer)
      ),
      CompiledLexicons.Entry(
        language: "en", lexicon: Lexicon(name: "b", text: "{soon,shortly}\nwithin <num> days", tokenizer: tokenizer)),
    ]
    let bytes = CompiledLexicons.encode(entries)
    let decoded = try XCTUnwrap(CompiledLexicons.decode(bytes))
    XCTAssertEqual(decoded.map(\.language), ["en", "it"])
    XCTAssertEqual(decoded[1].lexicon.phrases, entries[0].lexicon.phrases)
    XCTAssertEqual(decoded[1].lexicon.exceptions.map(\.text), ["a breve termine"])
    XCTAssertEqual(decoded[0].lexicon.phrases.map(\.text), ["soon", "shortly", "within <num> days"])
    XCTAssertNil(CompiledLexicons.decode(Array(bytes.dropLast(3))))
    XCTAssertNil(CompiledLexicons.decode(Array("NLLX".utf8) + [9, 0, 0, 0]))
    XCTAssertNil(CompiledLexicons.decode([]))
  }
}
