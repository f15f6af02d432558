import Foundation
import NoteLintCore

/// The lexicon text files of a resource folder (`lexicons/<lang>/*.txt`), compiled from text: at
/// build time into `CompiledLexicons`, or at run time when `NOTELINT_RESOURCES` points elsewhere.
public enum LexiconSource {
  /// The tokenizer of every lexicon and note: it knows the abbreviations of all languages.
  public static func tokenizer(resources: URL) -> Tokenizer {
    var hashes = TokenSet()
    for language in Language.allCases {
      let file = resources.appendingPathComponent("lexicons/\(language.rawValue)/abbreviations.txt")
      hashes.formUnion(ResourceLines.hashes(text(of: file) ?? ""))
    }
    return Tokenizer(abbreviations: hashes)
  }

  /// Every lexicon of one language, sorted by name.
  public static func compile(resources: URL, language: Language, tokenizer: Tokenizer) -> [Lexicon] {
    let folder = resources.appendingPathComponent("lexicons/\(language.rawValue)")
    guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
    return files.sorted().filter { $0.hasSuffix(".txt") }.map { file in
      let text = Self.text(of: folder.appendingPathComponent(file)) ?? ""
      return Lexicon(name: String(file.dropLast(4)), text: text, tokenizer: tokenizer)
    }
  }

  /// A UTF-8 resource file's text.
  public static func text(of file: URL) -> String? {
    try? String(contentsOf: file, encoding: .utf8)
  }
}
