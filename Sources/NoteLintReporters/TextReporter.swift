import NoteLintCore

/// `path:line:col: severity: message [rule]`, one finding a line, then a summary line.
public struct TextReporter: Reporter {
  public var color: Bool
  public var summary: Bool

  public init(color: Bool = false, summary: Bool = true) {
    self.color = color
    self.summary = summary
  }

  private func paint(_ text: String, _ code: String) -> String {
    color ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  /// One finding's line, with its line break.
  public func line(_ finding: Finding) -> String {
    let severity: String
    switch finding.severity {
    case .error: severity = paint("error", "1;31")
    case .warning: severity = paint("warning", "33")
    case .info: severity = paint("info", "36")
    }
    let file = DisplayText.escapingControls(finding.file)
    let location = paint("\(file):\(finding.line):\(finding.column):", "1")
    return "\(location) \(severity): \(finding.message) \(paint("[\(finding.rule)]", "2"))\n"
  }

  /// Appends the lines of `findings` to `output` as UTF-8, byte for byte the same as `line`, without
  /// building a String per finding (the streaming path prints every finding of a scan through here).
  public func append(_ findings: [Finding], to output: inout [UInt8]) {
    guard !color else {
      for finding in findings { output.append(contentsOf: line(finding).utf8) }
      return
    }
    var lastFile: String?
    var escapedFile: [UInt8] = []
    for finding in findings {
      if finding.file != lastFile {
        lastFile = finding.file
        escapedFile = Array(DisplayText.escapingControls(finding.file).utf8)
      }
      output.append(contentsOf: escapedFile)
      output.append(UInt8(ascii: ":"))
      Self.appendDecimal(finding.line, to: &output)
      output.append(UInt8(ascii: ":"))
      Self.appendDecimal(finding.column, to: &output)
      output.append(UInt8(ascii: ":"))
      output.append(UInt8(ascii: " "))
      Self.appendUTF8(finding.severity.rawValue, to: &output)
      output.append(UInt8(ascii: ":"))
      output.append(UInt8(ascii: " "))
      Self.appendUTF8(finding.message, to: &output)
      output.append(UInt8(ascii: " "))
      output.append(UInt8(ascii: "["))
      Self.appendUTF8(finding.rule, to: &output)
      output.append(UInt8(ascii: "]"))
      output.append(UInt8(ascii: "\n"))
    }
  }

  /// A string's bytes, copied from its storage in one go.
  private static func appendUTF8(_ text: String, to output: inout [UInt8]) {
    var text = text
    text.withUTF8 { output.append(contentsOf: $0) }
  }

  private static func appendDecimal(_ value: Int, to output: inout [UInt8]) {
    guard value >= 0 else {
      output.append(contentsOf: String(value).utf8)
      return
    }
    let start = output.count
    var rest = value
    repeat {
      output.append(UInt8(ascii: "0") + UInt8(rest % 10))
      rest /= 10
    } while rest > 0
    output[start...].reverse()
  }

  public func render(_ report: LintReport) -> String {
    var output = ""
    for finding in report.findings { output += line(finding) }
    if summary {
      let files = report.files.count
      let total = report.findings.count
      var line = "\(total) finding\(total == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")"
      line += " (\(report.count(.error)) errors, \(report.count(.warning)) warnings, \(report.count(.info)) infos)"
      if !report.errors.isEmpty {
        line += "; \(report.errors.count) file\(report.errors.count == 1 ? "" : "s") could not be read"
      }
      output += line + "\n"
    }
    return output
  }
}
