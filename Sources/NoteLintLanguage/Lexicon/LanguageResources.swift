import Foundation
import NoteLintCore

/// The lexicons and name lists of one language, loaded once per process from the resource files
/// `Resources/lexicons/<lang>/*.txt` and `Resources/names/<lang>.txt`.
public final class LanguageResources: Sendable {
  public let language: Language
  public let tokenizer: Tokenizer
  private let lexicons: [String: Lexicon]

  private init(language: Language, tokenizer: Tokenizer) {
    self.language = language
    self.tokenizer = tokenizer
    var lexicons: [String: Lexicon] = [:]
    if let folder = Self.resourceFolder?.appendingPathComponent("lexicons/\(language.rawValue)"),
      let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
    {
      for file in files.sorted() where file.hasSuffix(".txt") {
        let name = String(file.dropLast(4))
        let text = (try? String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
        lexicons[name] = Lexicon(name: name, text: text, tokenizer: tokenizer)
      }
    }
    self.lexicons = lexicons
  }

  /// A lexicon by file name (without `.txt`); empty when the file does not exist.
  public func lexicon(_ name: String) -> Lexicon {
    lexicons[name] ?? Lexicon(name: name, text: "", tokenizer: tokenizer)
  }

  public var lexiconNames: [String] { lexicons.keys.sorted() }

  // MARK: - Shared instances

  /// Abbreviations of both languages: their final dot never ends a sentence.
  public static let sharedTokenizer: Tokenizer = {
    var hashes = Set<UInt64>()
    for language in Language.allCases {
      for line in lines(of: "lexicons/\(language.rawValue)/abbreviations.txt") {
        hashes.insert(TokenHash.hash(line))
      }
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
  public static let firstNames: Set<UInt64> = {
    var names = Set<UInt64>()
    for language in Language.allCases {
      for line in lines(of: "names/\(language.rawValue).txt") {
        names.insert(TokenHash.hash(line))
      }
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
  private static let stopwords: [Language: Set<UInt64>] = {
    var result: [Language: Set<UInt64>] = [:]
    for language in Language.allCases {
      let lexicon = LanguageResources.shared(language).lexicon("stopwords")
      result[language] = Set(lexicon.phrases.filter { $0.hashes.count == 1 }.map { $0.hashes[0] })
    }
    return result
  }()

  /// The language with more function words in `analyses`; English on a tie.
  public static func detect<S: Sequence>(_ analyses: S) -> Language where S.Element == TextAnalysis {
    let italian = stopwords[.italian] ?? []
    let english = stopwords[.english] ?? []
    var scores = (it: 0, en: 0)
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
