import NoteLintCore

/// Checkstyle XML (the format Jenkins' warnings plugin, reviewdog and many dashboards read): one
/// `<file>` per linted file, one `<error>` per finding; unreadable files get one error each.
public struct CheckstyleReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    let byFile = report.findingsByFile
    var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<checkstyle version=\"4.3\">\n"
    let unreadable = Dictionary(grouping: report.errors, by: \.path)
    for path in report.allPaths {
      let findings = byFile[path] ?? []
      let errors = unreadable[path] ?? []
      if findings.isEmpty, errors.isEmpty {
        output += "  <file name=\"\(Escape.xml(path, attribute: true))\"/>\n"
        continue
      }
      output += "  <file name=\"\(Escape.xml(path, attribute: true))\">\n"
      for error in errors {
        output += "    <error line=\"1\" severity=\"error\" message=\"\(Escape.xml(error.reason, attribute: true))\""
        output += " source=\"notelint.unreadable\"/>\n"
      }
      for finding in findings {
        output += "    <error line=\"\(finding.line)\" column=\"\(finding.column)\""
        output += " severity=\"\(finding.severity.rawValue)\""
        output += " message=\"\(Escape.xml(finding.fullMessage, attribute: true))\""
        output +=
          " source=\"\(Escape.xml("notelint.\(finding.category.rawValue).\(finding.rule)", attribute: true))\"/>\n"
      }
      output += "  </file>\n"
    }
    output += "</checkstyle>\n"
    return output
  }
}
