import Foundation
import FuzzSupport
import NoteLint

/// One engine for every input, built once: its lexicons are the expensive part.
let linter = Linter(options: LintOptions(today: Fuzz.today, jobs: 1))

/// libFuzzer target: the whole lint of one document, as `notelint lint FILE --format json` does it:
/// decode, parse, every rule, suppressions, then the JSON and text reports. An input whose first
/// byte (after a BOM and blanks) is `<` is linted as HTML, any other as Markdown.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLint(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let bytes = Fuzz.bytes(data, size)
  let isHTML = Fuzz.looksLikeHTML(bytes)
  let path = isHTML ? "fuzz.html" : "fuzz.md"
  let outcome = linter.lint(bytes: bytes, path: path)
  if bytes.count > linter.options.maxFileSize {
    guard outcome.error != nil else { fatalError("a file over the size limit was linted") }
  } else if case .success(let source) = TextDecoder.decode(bytes, path: path, isHTML: isHTML) {
    guard outcome.error == nil else { fatalError("decoded input reported as an error: \(outcome.error!.reason)") }
    Fuzz.check(outcome.findings, source)
  } else if outcome.error == nil {
    fatalError("input that does not decode was linted")
  }
  let report = Linter.report([outcome], today: Fuzz.today)
  let json = JSONReporter().render(report)
  guard (try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil else { fatalError("invalid JSON:\n\(json)") }
  _ = TextReporter().render(report)
  return 0
}
