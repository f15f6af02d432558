import Foundation
import NoteLint

enum Output {
  static func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Colour only on a terminal and never with NO_COLOR set.
  static var useColor: Bool {
    if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
    return isatty(STDOUT_FILENO) == 1
  }

  static func emit(_ report: LintReport, format: OutputFormat, quiet: Bool) throws {
    for error in report.errors {
      writeStderr("notelint: error: \(error.line)\n")
    }
    let reporter: any Reporter
    switch format {
    case .text: reporter = TextReporter(color: useColor, summary: !quiet)
    default: reporter = format.reporter()
    }
    writeStdout(reporter.render(report))
  }

  /// 3 when input failed, else 1 when a finding reaches `failOn`, else 0.
  static func exitCode(_ report: LintReport, failOn: Severity) -> Int32 {
    if !report.errors.isEmpty { return 3 }
    return report.findings.contains { $0.severity >= failOn } ? 1 : 0
  }
}
