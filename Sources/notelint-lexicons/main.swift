// Build-time tool of the CompileLexicons plugin: compiles the lexicon text files of a resource
// folder into the binary file the linter loads at start-up.
//   notelint-lexicons RESOURCES-FOLDER OUTPUT-FILE
import Foundation
import NoteLintCore
import NoteLintText

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
  FileHandle.standardError.write(Data("usage: notelint-lexicons RESOURCES-FOLDER OUTPUT-FILE\n".utf8))
  exit(2)
}
let resources = URL(fileURLWithPath: arguments[1])
let tokenizer = LexiconSource.tokenizer(resources: resources)
var entries: [CompiledLexicons.Entry] = []
for language in Language.allCases {
  for lexicon in LexiconSource.compile(resources: resources, language: language, tokenizer: tokenizer) {
    entries.append(CompiledLexicons.Entry(language: language.rawValue, lexicon: lexicon))
  }
}
// The first-name lists, as one-word lexicons under the pseudo-language "names".
for language in Language.allCases {
  let file = resources.appendingPathComponent("names/\(language.rawValue).txt")
  let phrases = ResourceLines.hashes(LexiconSource.text(of: file) ?? "").map {
    Phrase(text: "", hashes: [$0], suggestion: nil)
  }
  entries.append(
    CompiledLexicons.Entry(
      language: CompiledLexicons.namesKey, lexicon: Lexicon(name: language.rawValue, phrases: phrases, exceptions: [])))
}
guard !entries.isEmpty else {
  FileHandle.standardError.write(Data("notelint-lexicons: no lexicons under \(resources.path)/lexicons\n".utf8))
  exit(1)
}
do {
  try Data(CompiledLexicons.encode(entries)).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
} catch {
  FileHandle.standardError.write(Data("notelint-lexicons: \(arguments[2]): \(error.localizedDescription)\n".utf8))
  exit(1)
}
