import NoteLintCore

/// GitLab Code Quality (`artifacts: reports: codequality`): a JSON array of issues, each with a
/// description, the rule as `check_name`, a fingerprint, a severity (`info`, `minor`, `major`;
/// unreadable files `critical`) and a location (`path`, `lines.begin`). The fingerprint is the same
/// across edits elsewhere in the note (file, rule, normalised excerpt and its occurrence, never the
/// line), so GitLab tells new issues of a merge request from old ones. Paths are the report's, with
/// no `./`: give the scan the paths from the repository root (the CLI does).
public struct CodeQualityReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    let out = JSONWriter()
    var occurrences: [String: Int] = [:]
    var issues: [(description: String, check: String, fingerprint: String, severity: String, path: String, line: Int)] =
      []
    for finding in report.findings {
      let path = Self.path(finding.file)
      let base = finding.rule + "\u{1F}" + path + "\u{1F}" + StableHash.normalize(finding.excerpt)
      let occurrence = occurrences[base, default: 0]
      occurrences[base] = occurrence + 1
      let fingerprint = StableHash.hex(base) + StableHash.hex(base + "\u{1F}\(occurrence)")
      issues.append(
        (finding.fullMessage, finding.rule, fingerprint, Self.severity(finding.severity), path, finding.line))
    }
    for error in report.errors {
      let path = Self.path(error.path)
      let fingerprint = StableHash.hex("unreadable\u{1F}" + path) + StableHash.hex(path + "\u{1F}" + error.reason)
      issues.append(("cannot be read: \(error.reason)", "unreadable", fingerprint, "critical", path, 1))
    }
    out.array(issues) { issue in
      out.object {
        out.field("description", issue.description)
        out.field("check_name", issue.check)
        out.field("fingerprint", issue.fingerprint)
        out.field("severity", issue.severity)
        out.key("location")
        out.object {
          out.field("path", issue.path)
          out.key("lines")
          out.object { out.field("begin", issue.line) }
        }
      }
    }
    return out.text + "\n"
  }

  static func severity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "major"
    case .warning: return "minor"
    case .info: return "info"
    }
  }

  static func path(_ path: String) -> String {
    var path = path
    while path.hasPrefix("./") { path.removeFirst(2) }
    return path
  }
}
