import NoteLintCore

/// The stable JSON of `json-output.md`, keys in a fixed order, byte-for-byte deterministic.
public struct JSONReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    let out = JSONWriter()
    out.object {
      out.key("tool")
      out.object {
        out.field("name", "notelint")
        out.field("version", report.toolVersion)
      }
      out.field("today", report.today)
      out.key("files")
      out.array(report.files) { file in
        out.object {
          out.field("path", file.path)
          out.field("language", file.language.rawValue)
          out.field("kind", file.kind.rawValue)
        }
      }
      out.key("findings")
      out.array(report.findings) { finding in
        out.object {
          out.field("file", finding.file)
          out.field("line", finding.line)
          out.field("column", finding.column)
          out.field("endLine", finding.endLine)
          out.field("endColumn", finding.endColumn)
          out.field("category", finding.category.rawValue)
          out.field("rule", finding.rule)
          out.field("severity", finding.severity.rawValue)
          out.field("message", finding.message)
          if let suggestion = finding.suggestion {
            out.field("suggestion", suggestion)
          }
          out.key("checkpoints")
          out.array(finding.checkpoints) { out.value($0.rawValue) }
          out.field("excerpt", finding.excerpt)
          if let confidence = finding.confidence {
            // Three decimals, as the model rounds them: the same bytes on every run.
            out.key("confidence")
            out.raw(JSONWriter.decimal(confidence, places: 3))
          }
          if let features = finding.features {
            out.key("features")
            out.array(features) { out.value($0) }
          }
        }
      }
      out.key("errors")
      out.array(report.errors) { error in
        out.object {
          out.field("file", error.path)
          out.field("reason", error.reason)
        }
      }
      out.key("summary")
      out.object {
        out.field("files", report.files.count)
        out.field("findings", report.findings.count)
        out.field("errors", report.count(.error))
        out.field("warnings", report.count(.warning))
        out.field("infos", report.count(.info))
        out.field("unreadable", report.errors.count)
      }
    }
    return out.text + "\n"
  }
}

/// A small JSON writer with two-space indentation and stable key order.
public final class JSONWriter {
  public private(set) var text = ""
  private var depth = 0
  private var needsComma: [Bool] = []
  private var afterKey = false

  public init() {}

  private func prefix() {
    if afterKey {
      afterKey = false
      return
    }
    if let last = needsComma.last {
      if last { text += "," }
      text += "\n" + String(repeating: "  ", count: depth)
      needsComma[needsComma.count - 1] = true
    }
  }

  public func object(_ body: () -> Void) {
    prefix()
    text += "{"
    depth += 1
    needsComma.append(false)
    body()
    let hadItems = needsComma.removeLast()
    depth -= 1
    if hadItems { text += "\n" + String(repeating: "  ", count: depth) }
    text += "}"
  }

  public func array<S: Sequence>(_ items: S, _ body: (S.Element) -> Void) {
    prefix()
    text += "["
    depth += 1
    needsComma.append(false)
    for item in items { body(item) }
    let hadItems = needsComma.removeLast()
    depth -= 1
    if hadItems { text += "\n" + String(repeating: "  ", count: depth) }
    text += "]"
  }

  public func key(_ name: String) {
    prefix()
    text += Self.quote(name) + ": "
    afterKey = true
  }

  public func value(_ string: String) {
    prefix()
    text += Self.quote(string)
  }

  /// A literal written as it stands (a number already formatted).
  public func raw(_ literal: String) {
    prefix()
    text += literal
  }

  /// A number in [0, 1000) with a fixed count of decimals, without Foundation's formatter.
  public static func decimal(_ value: Double, places: Int) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((max(0, value) * Double(scale)).rounded())
    let fraction = String(scaled % scale)
    return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  public func value(_ number: Int) {
    prefix()
    text += String(number)
  }

  public func value(_ flag: Bool) {
    prefix()
    text += flag ? "true" : "false"
  }

  public func null() {
    prefix()
    text += "null"
  }

  public func field(_ name: String, _ flag: Bool) {
    key(name)
    value(flag)
  }

  /// A string field, or `null` when there is no value.
  public func field(_ name: String, _ string: String?) {
    key(name)
    if let string { value(string) } else { null() }
  }

  public func field(_ name: String, _ string: String) {
    key(name)
    value(string)
  }

  public func field(_ name: String, _ number: Int) {
    key(name)
    value(number)
  }

  public static func quote(_ string: String) -> String {
    // Most strings need no escape: one scan of the UTF-8, then one copy.
    let utf8 = string.utf8
    if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
      return "\"" + string + "\""
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(utf8.count + 16)
    bytes.append(UInt8(ascii: "\""))
    let hexDigits = Array("0123456789abcdef".utf8)
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
      case UInt8(ascii: "\\"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
      case UInt8(ascii: "\n"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
      case UInt8(ascii: "\r"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
      case UInt8(ascii: "\t"): bytes += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
      case 0..<0x20:
        bytes += Array("\\u00".utf8)
        bytes.append(hexDigits[Int(byte >> 4)])
        bytes.append(hexDigits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
    return String(decoding: bytes, as: UTF8.self)
  }
}
