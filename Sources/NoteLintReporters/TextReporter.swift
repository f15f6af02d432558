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
