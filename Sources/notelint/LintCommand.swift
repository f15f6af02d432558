import ArgumentParser
import Foundation
import NoteLint

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint notes and report vague phrasing, missing owners and deadlines, unverified hypotheses.")

  @Argument(help: "Files or folders to lint (folders recursively: .md, .markdown, .html, .htm); - for standard input.")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @Option(name: .long, help: "Display name and type for standard input (e.g. notes/minutes.md).")
  var stdinFilename: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: OutputFormatOption = .text

  @Option(name: .long, help: "Exit with 1 when a finding is at or above this severity: error, warning or info.")
  var failOn: SeverityOption = .warning

  @Flag(name: .shortAndLong, help: "Print only the findings: no summary line.")
  var quiet = false

  func run() throws {
    let options = try common.lintOptions()
    let linter = Linter(options: options)
    var report: LintReport
    let stdinRequested = paths.contains("-")
    let filePaths = paths.filter { $0 != "-" }
    if paths.isEmpty {
      throw ValidationError("give at least one file or folder to lint, or - for standard input")
    }
    report = linter.run(paths: filePaths)
    if stdinRequested {
      let name = stdinFilename ?? "<stdin>.md"
      let bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
      let outcome = linter.lint(bytes: bytes, path: name)
      var outcomes = [outcome]
      outcomes.append(
        contentsOf: report.files.map { file in
          FileOutcome(summary: file, findings: report.findings.filter { $0.file == file.path }, error: nil)
        })
      report = Linter.report(outcomes, extraErrors: report.errors, today: options.today)
    }
    try Output.emit(report, format: format.value, quiet: quiet)
    throw ExitCode(Output.exitCode(report, failOn: failOn.value))
  }
}
