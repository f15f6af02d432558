import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintText
import XCTest

final class CompiledLexiconTests: XCTestCase {
  /// The resource text files of the source tree (the build embeds them in the executable).
  private var sourceFolder: URL {
    URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/NoteLintLanguage/Resources")
  }

  func testTheBuildsCompiledLexiconsEqualTheTextFiles() throws {
    let folder = sourceFolder
    XCTAssertNil(LanguageResources.problem)
    XCTAssertTrue(LanguageResources.usesCompiledLexicons, "the build did not embed the compiled lexicons")
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
    let folder = sourceFolder
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

  func testEmbeddedTablesRoundTripAndAreRejectedWhenDamaged() throws {
    var bytes: [UInt8] = Array("NLLX".utf8) + [3, 0, 0, 0, 0, 0, 0, 0]
    bytes += (0...255).map { UInt8($0) }
    // Every length, whatever its remainder by 3, round-trips; the literal is plain base64.
    for length in [0, 1, 2, 3, 4, 5, bytes.count] {
      let prefix = Array(bytes.prefix(length))
      let literal = EmbeddedBytes.literal(prefix)
      XCTAssertTrue(
        literal.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || "0123456789+/=".unicodeScalars.contains($0) })
      XCTAssertEqual(literal.utf8.count, (length + 2) / 3 * 4)
      XCTAssertEqual(Array(literal.utf8).withUnsafeBufferPointer { EmbeddedBytes.decode($0, count: length) }, prefix)
    }
    XCTAssertEqual(EmbeddedBytes.literal(Array("Man".utf8)), "TWFu")
    XCTAssertEqual(EmbeddedBytes.literal(Array("Ma".utf8)), "TWE=")
    var utf8 = Array(EmbeddedBytes.literal(bytes).utf8)
    let checksum = EmbeddedBytes.checksum(bytes)
    // One digit changed into another fails the checksum; a short literal or a stray byte fails the decoding.
    utf8[5] = utf8[5] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let damaged = utf8.withUnsafeBufferPointer {
      LanguageResources.embeddedTables($0, count: bytes.count, checksum: checksum)
    }
    guard case .failure(let error) = damaged else { return XCTFail("damaged tables were accepted") }
    XCTAssertTrue(error.message.contains("checksum"), error.message)
    XCTAssertNil(Array(utf8.dropLast(4)).withUnsafeBufferPointer { EmbeddedBytes.decode($0, count: bytes.count) })
    utf8[9] = UInt8(ascii: "*")
    XCTAssertNil(utf8.withUnsafeBufferPointer { EmbeddedBytes.decode($0, count: bytes.count) })
  }

  func testEmbeddedTextsRoundTripAndAreRejectedWhenDamaged() throws {
    let files = [(path: "lexicons/it/a.txt", text: "perché\n# nota\n"), (path: "names/en.txt", text: "")]
    let archive = EmbeddedBytes.archive(files)
    let index = try XCTUnwrap(EmbeddedBytes.unarchive(archive))
    XCTAssertEqual(index.keys.sorted(), ["lexicons/it/a.txt", "names/en.txt"])
    XCTAssertEqual(index["lexicons/it/a.txt"].flatMap { EmbeddedBytes.text($0, in: archive) }, "perché\n# nota\n")
    XCTAssertEqual(index["names/en.txt"].flatMap { EmbeddedBytes.text($0, in: archive) }, "")
    XCTAssertNil(EmbeddedBytes.unarchive(Array(archive.dropLast())))
    var utf8 = Array(EmbeddedBytes.literal(archive).utf8)
    let checksum = EmbeddedBytes.checksum(archive)
    let good = utf8.withUnsafeBufferPointer {
      LanguageResources.embeddedTexts($0, count: archive.count, checksum: checksum)
    }
    XCTAssertEqual(try good.get().index.count, 2)
    utf8[3] = utf8[3] == UInt8(ascii: "A") ? UInt8(ascii: "B") : UInt8(ascii: "A")
    let damaged = utf8.withUnsafeBufferPointer {
      LanguageResources.embeddedTexts($0, count: archive.count, checksum: checksum)
    }
    guard case .failure(let error) = damaged else { return XCTFail("damaged texts were accepted") }
    XCTAssertTrue(error.message.contains("checksum"), error.message)
  }

  func testTheEmbeddedTextsAreTheResourceFiles() throws {
    for language in Language.allCases {
      for path in ["lexicons/\(language.rawValue)/abbreviations.txt", "names/\(language.rawValue).txt"] {
        let onDisk = try String(contentsOf: sourceFolder.appendingPathComponent(path), encoding: .utf8)
        XCTAssertEqual(LanguageResources.text(of: path), onDisk, path)
      }
    }
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
