import NoteLintCore

/// JUnit XML for CI test dashboards: one `<testcase>` per file (it passes when the file has no
/// finding), one `<failure>` per finding, an `<error>` for a file that could not be read.
public struct JUnitReporter: Reporter {
  public init() {}

  public func render(_ report: LintReport) -> String {
    let byFile = report.findingsByFile
    let paths = report.allPaths
    let unreadable = Dictionary(grouping: report.errors, by: \.path)
    let failing = paths.filter { !(byFile[$0] ?? []).isEmpty && unreadable[$0] == nil }.count
    let errored = paths.filter { unreadable[$0] != nil }.count
    let counts = "tests=\"\(paths.count)\" failures=\"\(failing)\" errors=\"\(errored)\" skipped=\"0\""
    var output = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    output += "<testsuites name=\"notelint\" \(counts)>\n"
    output += "  <testsuite name=\"notelint\" \(counts)>\n"
    output += "    <properties>\n"
    output +=
      "      <property name=\"notelint.version\" value=\"\(Escape.xml(report.toolVersion, attribute: true))\"/>\n"
    output += "      <property name=\"notelint.today\" value=\"\(Escape.xml(report.today, attribute: true))\"/>\n"
    output += "    </properties>\n"
    for path in paths {
      let findings = byFile[path] ?? []
      let errors = unreadable[path] ?? []
      let name = Escape.xml(path, attribute: true)
      let opening = "    <testcase classname=\"notelint\" name=\"\(name)\" file=\"\(name)\""
      if findings.isEmpty, errors.isEmpty {
        output += opening + "/>\n"
        continue
      }
      output += opening + ">\n"
      for error in errors {
        output += "      <error type=\"unreadable\" message=\"\(Escape.xml(error.reason, attribute: true))\">"
        output += Escape.xml("\(error.path): \(error.reason)") + "</error>\n"
      }
      for finding in findings {
        let summary = "\(finding.line):\(finding.column) \(finding.rule): \(finding.message)"
        output +=
          "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Escape.xml(summary, attribute: true))\">"
        var body = "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
        body += "\(finding.fullMessage) [\(finding.rule)]\n"
        body += "category: \(finding.category.rawValue)\n"
        if !finding.excerpt.isEmpty { body += "excerpt: \(finding.excerpt)\n" }
        output += Escape.xml(body) + "</failure>\n"
      }
      output += "    </testcase>\n"
    }
    output += "  </testsuite>\n"
    output += "</testsuites>\n"
    return output
  }
}
