import Foundation
import NoteLintCore
import NoteLintText

/// The lexicons and name lists of one language, loaded once per process from the resource files
/// `Resources/lexicons/<lang>/*.txt` and `Resources/names/<lang>.txt`.
///
/// The build compiles the lexicon files into tables embedded in the executable (the CompileLexicons
/// plugin, `EmbeddedResources`): loading a language copies its ready phrase tables, a few hundred
/// microseconds. With `NOTELINT_RESOURCES` the text files there are compiled at start-up instead.
/// Resources that cannot be used are a `problem`, never empty lexicons.
public final class LanguageResources: Sendable {
  public let language: Language
  public let tokenizer: Tokenizer
  private let lexicons: [String: Lexicon]

  private init(language: Language, tokenizer: Tokenizer) {
    self.language = language
    self.tokenizer = tokenizer
    var lexicons: [String: Lexicon] = [:]
    if let compiled = Self.compiled {
      for (name, range) in compiled.index[language.rawValue] ?? [:] {
        if let lexicon = CompiledLexicons.lexicon(named: name, in: compiled.bytes, at: range) {
          lexicons[name] = lexicon.withFilterBit(Self.filterBits[Self.filterKey(language, name)] ?? 0)
        }
      }
    } else if let folder = Self.resourceFolder {
      for lexicon in LexiconSource.compile(resources: folder, language: language, tokenizer: tokenizer) {
        lexicons[lexicon.name] = lexicon
      }
    }
    self.lexicons = lexicons
  }

  /// The compiled lexicons of the build and their index; nil when `NOTELINT_RESOURCES` names
  /// another folder, or when they cannot be used (then `problem` says why).
  private static var compiled: (bytes: [UInt8], index: [String: [String: Range<Int>]])? { loaded.compiled }

  /// Why the lexicons and name lists cannot be used, as a one-line message; nil when they loaded.
  /// A run must stop (exit 2) on a problem: without its lexicons notelint would find nothing.
  public static var problem: String? { loaded.problem }

  private static let loaded:
    (
      compiled: (bytes: [UInt8], index: [String: [String: Range<Int>]])?,
      texts: (bytes: [UInt8], index: [String: Range<Int>]), problem: String?
    ) = {
      if let folder = resourceFolder { return (nil, ([], [:]), folderProblem(folder)) }
      let tables = EmbeddedResources.tables.withUTF8Buffer {
        embeddedTables($0, count: EmbeddedResources.tablesCount, checksum: EmbeddedResources.tablesChecksum)
      }
      let texts = EmbeddedResources.texts.withUTF8Buffer {
        embeddedTexts($0, count: EmbeddedResources.textsCount, checksum: EmbeddedResources.textsChecksum)
      }
      switch (tables, texts) {
      case (.success(let tables), .success(let texts)): return (tables, texts, nil)
      case (.failure(let error), _), (_, .failure(let error)): return (nil, ([], [:]), error.message)
      }
    }()

  /// A resource that cannot be used.
  public struct ResourceError: Error, Equatable {
    public let message: String
  }

  /// The compiled tables embedded in the executable, from their string literal's UTF-8, checked
  /// against their length and checksum, with their index.
  public static func embeddedTables(_ utf8: UnsafeBufferPointer<UInt8>, count: Int, checksum: UInt64) -> Result<
    (bytes: [UInt8], index: [String: [String: Range<Int>]]), ResourceError
  > {
    guard let bytes = EmbeddedBytes.decode(utf8, count: count), EmbeddedBytes.checksum(bytes) == checksum else {
      return .failure(ResourceError(message: "the lexicons embedded in notelint are damaged (checksum mismatch)"))
    }
    guard let index = CompiledLexicons.index(bytes), !index.isEmpty else {
      return .failure(
        ResourceError(message: "the lexicons embedded in notelint are not of format \(CompiledLexicons.formatVersion)"))
    }
    return .success((bytes, index))
  }

  /// The resource text files embedded in the executable (`EmbeddedBytes.archive`), checked against
  /// their length and checksum.
  public static func embeddedTexts(_ utf8: UnsafeBufferPointer<UInt8>, count: Int, checksum: UInt64) -> Result<
    (bytes: [UInt8], index: [String: Range<Int>]), ResourceError
  > {
    guard let bytes = EmbeddedBytes.decode(utf8, count: count), EmbeddedBytes.checksum(bytes) == checksum,
      let index = EmbeddedBytes.unarchive(bytes)
    else {
      return .failure(
        ResourceError(message: "the resource files embedded in notelint are damaged (checksum mismatch)"))
    }
    guard index.keys.contains(where: { $0.hasPrefix("lexicons/") }) else {
      return .failure(ResourceError(message: "no lexicon files are embedded in notelint"))
    }
    return .success((bytes, index))
  }

  /// What is missing in a `NOTELINT_RESOURCES` folder: every language's lexicon files and names.
  private static func folderProblem(_ folder: URL) -> String? {
    let prefix = "NOTELINT_RESOURCES: \(folder.path)"
    var isFolder: ObjCBool = false
    guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
      return "\(prefix): no such folder"
    }
    for language in Language.allCases {
      let lexicons = folder.appendingPathComponent("lexicons/\(language.rawValue)")
      let files = (try? FileManager.default.contentsOfDirectory(atPath: lexicons.path)) ?? []
      guard files.contains(where: { $0.hasSuffix(".txt") }) else {
        return "\(prefix): no lexicon files in lexicons/\(language.rawValue)"
      }
      for file in files where file.hasSuffix(".txt") {
        guard LexiconSource.text(of: lexicons.appendingPathComponent(file)) != nil else {
          return "\(prefix): lexicons/\(language.rawValue)/\(file) cannot be read as UTF-8 text"
        }
      }
      guard
        FileManager.default.isReadableFile(atPath: folder.appendingPathComponent("names/\(language.rawValue).txt").path)
      else { return "\(prefix): names/\(language.rawValue).txt is missing" }
    }
    // Every resource file the build embeds must be there too: a list the rules read by name (the
    // pact fields, say) would otherwise be silently empty.
    let embedded = EmbeddedResources.texts.withUTF8Buffer {
      embeddedTexts($0, count: EmbeddedResources.textsCount, checksum: EmbeddedResources.textsChecksum)
    }
    if case .success(let texts) = embedded {
      for path in texts.index.keys.sorted()
      where !FileManager.default.isReadableFile(atPath: folder.appendingPathComponent(path).path) {
        return "\(prefix): \(path) is missing (this build of notelint reads it)"
      }
    }
    return nil
  }

  /// Each compiled lexicon's bit in `Token.filter`, by language and name (see `filterKey`): a bit
  /// of its own, so that a word that starts a phrase only in the other language's lexicon of the
  /// same name costs no look-up. Past 64 lexicons bits are shared, which costs look-ups, never matches.
  private static let filterBits: [String: UInt64] = {
    guard let compiled else { return [:] }
    let keys = Language.allCases.flatMap { language in
      (compiled.index[language.rawValue] ?? [:]).keys.map { filterKey(language, $0) }
    }.sorted()
    return Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, UInt64(1) << UInt64($0 % 64)) })
  }()

  private static func filterKey(_ language: Language, _ name: String) -> String {
    "\(language.rawValue)/\(name)"
  }

  /// Whether no two lexicons share a bit in `Token.filter`.
  fileprivate static var filterBitsAreDistinct: Bool { filterBits.count <= 64 }

  /// The filter every `TextAnalysis` writes into its tokens: for a token hash, the bits of the
  /// lexicons with a phrase starting with it; for numbers, also those with a phrase starting with
  /// `<num>`. One look-up a token spares every lexicon's look-up at positions it cannot match.
  public static let tokenFilter: (words: TokenMaskMap, numbers: UInt64)? = {
    guard compiled != nil else { return nil }
    var pairs: [(key: UInt64, bits: UInt64)] = []
    var numbers: UInt64 = 0
    for language in Language.allCases {
      let resources = shared(language)
      for name in resources.lexiconNames {
        let lexicon = resources.lexicon(name)
        guard lexicon.filterBit != 0 else { continue }
        let firsts = lexicon.firstTokens
        for hash in firsts.hashes { pairs.append((hash, lexicon.filterBit)) }
        if firsts.anyNumber { numbers |= lexicon.filterBit }
      }
    }
    return (TokenMaskMap(combining: pairs), numbers)
  }()

  /// Whether the lexicons are the build's compiled tables (not compiled from text at start-up).
  public static var usesCompiledLexicons: Bool { compiled != nil }

  /// A lexicon by file name (without `.txt`); empty when the file does not exist.
  public func lexicon(_ name: String) -> Lexicon {
    lexicons[name] ?? Lexicon(name: name, phrases: [], exceptions: [])
  }

  public var lexiconNames: [String] { lexicons.keys.sorted() }

  // MARK: - Shared instances

  /// Abbreviations of both languages: their final dot never ends a sentence.
  public static let sharedTokenizer: Tokenizer = {
    var hashes = TokenSet()
    for language in Language.allCases {
      hashes.formUnion(ResourceLines.hashes(text(of: "lexicons/\(language.rawValue)/abbreviations.txt") ?? ""))
    }
    return Tokenizer(abbreviations: hashes)
  }()

  private static let italian = LanguageResources(language: .italian, tokenizer: sharedTokenizer)
  private static let english = LanguageResources(language: .english, tokenizer: sharedTokenizer)

  public static func shared(_ language: Language) -> LanguageResources {
    switch language {
    case .italian: return italian
    case .english: return english
    }
  }

  /// First names of both languages' lists (hashes of the folded name).
  public static let firstNames: TokenSet = {
    var names = TokenSet()
    if let compiled, let lists = compiled.index[CompiledLexicons.namesKey] {
      for (language, range) in lists.sorted(by: { $0.key < $1.key }) {
        guard let list = CompiledLexicons.lexicon(named: language, in: compiled.bytes, at: range) else { continue }
        for phrase in 0..<list.count { names.insert(list.firstHash(phrase)) }
      }
      return names
    }
    for language in Language.allCases {
      names.formUnion(lineHashes(of: "names/\(language.rawValue).txt"))
    }
    return names
  }()

  // MARK: - Files

  /// The resource folder named by `NOTELINT_RESOURCES`, which overrides the embedded resources;
  /// nil without it.
  public static let resourceFolder: URL? = {
    guard let override = ProcessInfo.processInfo.environment["NOTELINT_RESOURCES"], !override.isEmpty else {
      return nil
    }
    return URL(fileURLWithPath: override)
  }()

  /// A resource text file by relative path (`lexicons/it/pact-fields.txt`): from the
  /// `NOTELINT_RESOURCES` folder, else embedded in the executable.
  public static func text(of relativePath: String) -> String? {
    guard let folder = resourceFolder else {
      return loaded.texts.index[relativePath].flatMap { EmbeddedBytes.text($0, in: loaded.texts.bytes) }
    }
    return try? String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
  }

  /// The folded hashes of the non-comment lines of a resource file.
  public static func lineHashes(of relativePath: String) -> [UInt64] {
    guard let text = text(of: relativePath) else { return [] }
    return ResourceLines.hashes(text)
  }

  /// The non-comment lines of a resource file.
  public static func lines(of relativePath: String) -> [String] {
    guard let text = text(of: relativePath) else { return [] }
    return text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }).compactMap { line in
      let trimmed = line.trimmingCharacters(in: " \t")
      return trimmed.isEmpty || trimmed.hasPrefix("#") ? nil : trimmed
    }
  }
}

/// Tells Italian from English by counting each language's function words.
public enum LanguageDetector {
  private static let stopwords: [Language: TokenSet] = {
    var result: [Language: TokenSet] = [:]
    for language in Language.allCases {
      let lexicon = LanguageResources.shared(language).lexicon("stopwords")
      result[language] = lexicon.singleWords
    }
    return result
  }()

  /// The stopword lists' bits in `Token.filter`, when a word token's filter alone tells whether it
  /// is a stopword: lists of single words only, each with a bit of its own. Nil otherwise.
  private static let stopwordBits: (italian: UInt64, english: UInt64)? = {
    guard LanguageResources.tokenFilter != nil, LanguageResources.filterBitsAreDistinct else { return nil }
    func bit(_ language: Language) -> UInt64? {
      let lexicon = LanguageResources.shared(language).lexicon("stopwords")
      guard lexicon.filterBit != 0, lexicon.exceptions.isEmpty, lexicon.count == lexicon.singleWords.count,
        !lexicon.firstTokens.anyNumber
      else { return nil }
      return lexicon.filterBit
    }
    guard let italian = bit(.italian), let english = bit(.english) else { return nil }
    return (italian, english)
  }()

  /// The language with more function words in `analyses`; English on a tie.
  /// (An array, not any sequence: a generic loop here cost more than the counting.)
  public static func detect(_ analyses: [TextAnalysis]) -> Language {
    var scores = (it: 0, en: 0)
    if let bits = stopwordBits {
      // Every token's filter was computed with the analysis: a test of two bits a word.
      for block in analyses.indices {
        analyses[block].tokens.withUnsafeBufferPointer { tokens in
          for token in tokens where token.kind == .word {
            scores.it &+= token.filter & bits.italian != 0 ? 1 : 0
            scores.en &+= token.filter & bits.english != 0 ? 1 : 0
          }
        }
      }
      return scores.it > scores.en ? .italian : .english
    }
    let italian = stopwords[.italian] ?? []
    let english = stopwords[.english] ?? []
    for analysis in analyses {
      for token in analysis.tokens where token.kind == .word {
        if italian.contains(token.hash) { scores.it += 1 }
        if english.contains(token.hash) { scores.en += 1 }
      }
    }
    return scores.it > scores.en ? .italian : .english
  }

  /// Parses a configured language name (`it`, `italian`, `italiano`, `en`, `english`, `inglese`).
  public static func parse(_ name: String) -> Language? {
    switch name.lowercased().trimmingCharacters(in: " ") {
    case "it", "ita", "italian", "italiano", "it-it": return .italian
    case "en", "eng", "english", "inglese", "en-us", "en-gb": return .english
    default: return nil
    }
  }
}
