import FuzzSupport
import NoteLint

/// libFuzzer target: HTML parsing (charset detection, libxml2, alignment with the source).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let source = Fuzz.source(Fuzz.bytes(data, size), isHTML: true)
  Fuzz.check(Linter.parse(source, format: .html))
  return 0
}
