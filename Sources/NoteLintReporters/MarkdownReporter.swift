import NoteLintCore

/// A Markdown report ready to paste into a pull request, an issue or a wiki: a summary, then one
/// GFM table per file with findings. Cell text is escaped so a note's own Markdown cannot break it.
public struct MarkdownReporter: Reporter {
  /// At most this many findings are listed (the summary still counts all of them); nil: all. With
  /// 0 the report is the summary alone, for a pull-request comment.
  public var maxFindings: Int?

  public init(maxFindings: Int? = nil) {
    self.maxFindings = maxFindings
  }

  public func render(_ report: LintReport) -> String {
    let byFile = report.findingsByFile
    var output = "## notelint report\n\n"
    output += "\(report.summaryLine) · notelint \(Escape.markdownCell(report.toolVersion))"
    output += " · today \(Escape.markdownCell(report.today))\n"
    if !report.findings.isEmpty {
      output += "\n| Category | Errors | Warnings | Infos |\n| --- | ---: | ---: | ---: |\n"
      for category in Category.allCases {
        let findings = report.findings.filter { $0.category == category }
        guard !findings.isEmpty else { continue }
        let counts = Severity.allCases.reversed().map { severity in findings.filter { $0.severity == severity }.count }
        output += "| \(category.rawValue) | " + counts.map(String.init).joined(separator: " | ") + " |\n"
      }
    }
    if !report.errors.isEmpty {
      output += "\n**Could not be read:**\n\n"
      for error in report.errors {
        output += "- `\(Self.code(error.path, inTable: false))`: \(Escape.markdownCell(error.reason))\n"
      }
    }
    let clean = report.files.filter { (byFile[$0.path] ?? []).isEmpty }.count
    var budget = maxFindings ?? Int.max
    for path in report.allPaths {
      let findings = Array((byFile[path] ?? []).prefix(max(0, budget)))
      guard !findings.isEmpty else { continue }
      budget -= findings.count
      output += "\n### `\(Self.code(path, inTable: false))`\n\n"
      output += "| Line | Severity | Rule | Message |\n| ---: | --- | --- | --- |\n"
      for finding in findings {
        output += "| \(finding.line):\(finding.column) | \(Self.icon(finding.severity)) \(finding.severity.rawValue) "
        output += "| `\(Self.code(finding.rule))` | \(Escape.markdownCell(finding.fullMessage)) |\n"
      }
    }
    if let maxFindings, report.findings.count > maxFindings {
      let left = report.findings.count - maxFindings
      output += "\n… and \(left) more finding\(left == 1 ? "" : "s") not listed (--max-findings \(maxFindings)).\n"
    }
    if clean > 0 {
      output += "\n\(clean) file\(clean == 1 ? "" : "s") without findings.\n"
    }
    return output
  }

  static func icon(_ severity: Severity) -> String {
    switch severity {
    case .error: return "🔴"
    case .warning: return "🟠"
    case .info: return "🔵"
    }
  }

  /// Text inside a code span: backticks cannot be escaped there; in a table, pipes must be.
  static func code(_ text: String, inTable: Bool = true) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "`": result += "'"
      case "|": result += inTable ? "\\|" : "|"
      case "\n", "\r": result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
