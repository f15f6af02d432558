import Foundation
import NoteLintCore
import NoteLintText

/// The lexicons and name lists of one language, loaded once per process from the resource files
/// `Resources/lexicons/<lang>/*.txt` and `Resources/names/<lang>.txt`.
///
/// The build compiles the lexicon files into `lexicons.bin` (the CompileLexicons plugin): loading
/// a language copies its ready phrase tables, a few hundred microseconds. With `NOTELINT_RESOURCES`
/// the text files there are compiled at start-up instead.
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
  /// another folder or the file is missing or unreadable.
  private static let compiled: (bytes: [UInt8], index: [String: [String: Range<Int>]])? = {
    guard !hasResourceOverride, let file = Bundle.module.url(forResource: "lexicons", withExtension: "bin"),
      let bytes = readWhole(file.path)
    else { return nil }
    guard let index = CompiledLexicons.index(bytes) else { return nil }
    return (bytes, index)
  }()

  /// A file's bytes, read straight into their array (`Data` and a copy to `[UInt8]` touch the
  /// 1.5 MB of tables twice, in a run that lints one note).
  private static func readWhole(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return nil }
    let size = Int(status.st_size)
    var complete = true
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      initialized = 0
      while initialized < size {
        let count = read(descriptor, buffer.baseAddress! + initialized, size - initialized)
        if count < 0, errno == EINTR { continue }
        guard count > 0 else {
          complete = false
          return
        }
        initialized += count
      }
    }
    return complete ? bytes : nil
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

  /// Whether the lexicons come from the build's `lexicons.bin` (not compiled from text at start-up).
  public static var usesCompiledLexicons: Bool { compiled != nil }

  /// A lexicon by file name (without `.txt`); empty when the file does not exist.
  public func lexicon(_ name: String) -> Lexicon {
    lexicons[name] ?? Lexicon(name: name, phrases: [], exceptions: [])
  }

  public var lexiconNames: [String] { lexicons.keys.sorted() }

  // MARK: - Shared instances

  /// Abbreviations of both languages: their final dot never ends a sentence.
  public static let sharedTokenizer: Tokenizer = {
    guard let folder = resourceFolder else { return Tokenizer() }
    return LexiconSource.tokenizer(resources: folder)
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

  /// Where the resource folders are: `NOTELINT_RESOURCES`, else the bundle SwiftPM built.
  public static let resourceFolder: URL? = {
    if let override = ProcessInfo.processInfo.environment["NOTELINT_RESOURCES"], !override.isEmpty {
      return URL(fileURLWithPath: override)
    }
    return Bundle.module.resourceURL
  }()

  private static var hasResourceOverride: Bool {
    !(ProcessInfo.processInfo.environment["NOTELINT_RESOURCES"] ?? "").isEmpty
  }

  /// The folded hashes of the non-comment lines of a resource file.
  public static func lineHashes(of relativePath: String) -> [UInt64] {
    guard let folder = resourceFolder,
      let text = try? String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
    else { return [] }
    return ResourceLines.hashes(text)
  }

  /// The non-comment lines of a resource file.
  public static func lines(of relativePath: String) -> [String] {
    guard let folder = resourceFolder,
      let text = try? String(contentsOf: folder.appendingPathComponent(relativePath), encoding: .utf8)
    else { return [] }
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
