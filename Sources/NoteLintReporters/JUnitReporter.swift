import NoteLintCore

/// JUnit XML for CI test dashboards: one `<testcase>` per file, one `<failure>` per finding that
/// fails the run (`fails`: by default warnings and errors), an `<error>` for a file that could not be
/// read. Findings that do not fail the run (info, or below `--fail-on`) are listed in the test
/// case's `<system-out>`: a dashboard stays green when the exit code is 0.
public struct JUnitReporter: Reporter {
  public var fails: @Sendable (Finding) -> Bool

  public init(fails: @escaping @Sendable (Finding) -> Bool = { $0.severity >= .warning }) {
    self.fails = fails
  }

  public func render(_ report: LintReport) -> String {
    let byFile = report.findingsByFile
    let paths = report.allPaths
    let unreadable = Dictionary(grouping: report.errors, by: \.path)
    let failing = paths.filter { path in
      (byFile[path] ?? []).contains(where: fails) && unreadable[path] == nil
    }.count
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
      var notes = ""
      for finding in findings {
        var body = "\(finding.file):\(finding.line):\(finding.column): \(finding.severity.rawValue): "
        body += "\(finding.fullMessage) [\(finding.rule)]\n"
        guard fails(finding) else {
          notes += body
          continue
        }
        let summary = "\(finding.line):\(finding.column) \(finding.rule): \(finding.message)"
        output +=
          "      <failure type=\"\(finding.severity.rawValue)\" message=\"\(Escape.xml(summary, attribute: true))\">"
        body += "category: \(finding.category.rawValue)\n"
        if !finding.excerpt.isEmpty { body += "excerpt: \(finding.excerpt)\n" }
        output += Escape.xml(body) + "</failure>\n"
      }
      if !notes.isEmpty { output += "      <system-out>" + Escape.xml(notes) + "</system-out>\n" }
      output += "    </testcase>\n"
    }
    output += "  </testsuite>\n"
    output += "</testsuites>\n"
    return output
  }
}
