import NoteLintCore

/// GitHub Actions workflow commands, one annotation a finding:
/// `::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`.
/// Infos become `::notice`; files that could not be read become `::error` on the file.
public struct GitHubReporter: Reporter {
  public init() {}

  public static func command(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "notice"
    }
  }

  public func render(_ report: LintReport) -> String {
    var output = ""
    for error in report.errors {
      output +=
        "::error file=\(Self.property(Self.repositoryPath(error.path))),title=\(Self.property("notelint: unreadable file"))::"
      output += Self.data("\(error.path): \(error.reason)") + "\n"
    }
    for finding in report.findings {
      let properties = [
        "file=" + Self.property(Self.repositoryPath(finding.file)),
        "line=\(finding.line)",
        "col=\(finding.column)",
        "endLine=\(max(finding.line, finding.endLine))",
        "endColumn=\(finding.endColumn)",
        "title=" + Self.property(Self.title(finding)),
      ]
      output += "::\(Self.command(finding.severity)) \(properties.joined(separator: ","))::"
      output += Self.data(finding.fullMessage) + "\n"
    }
    return output
  }

  /// A path as GitHub matches it to the pull request's files: without `./` (as SARIF writes it).
  static func repositoryPath(_ path: String) -> String {
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }

  /// `notelint: vague-time (vague-phrasing)`; the category only when it is not the rule's own name.
  public static func title(_ finding: Finding) -> String {
    let category = finding.category.rawValue
    return "notelint: \(finding.rule)" + (category == finding.rule ? "" : " (\(category))")
  }

  /// The message part of a command: `%`, CR and LF are percent-encoded.
  public static func data(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "%": result += "%25"
      case "\r": result += "%0D"
      case "\n": result += "%0A"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A property value: as `data`, plus `:` and `,`, which separate properties.
  public static func property(_ text: String) -> String {
    var result = ""
    for scalar in data(text).unicodeScalars {
      switch scalar {
      case ":": result += "%3A"
      case ",": result += "%2C"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }
}
