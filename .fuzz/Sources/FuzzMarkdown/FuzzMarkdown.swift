import FuzzSupport
import NoteLint

/// libFuzzer target: Markdown parsing (front matter, cmark-gfm, alignment with the source).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let source = Fuzz.source(Fuzz.bytes(data, size), isHTML: false)
  Fuzz.check(Linter.parse(source, format: .markdown))
  return 0
}
