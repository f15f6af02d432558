import ArgumentParser
import NoteLint

struct CheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "The alert list for one governance gate: technical, business or review.",
    discussion: "Exit code 1 when the gate has blocking alerts.")

  enum Gate: String, ExpressibleByArgument, CaseIterable {
    case technical
    case business
    case review

    var value: Checkpoint {
      switch self {
      case .technical: return .technical
      case .business: return .business
      case .review: return .review
      }
    }
  }

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text
    case markdown
    case json
    case html
  }

  @Argument(help: "The gate: technical (mid-sprint), business (end of sprint) or review (every two sprints).")
  var gate: Gate

  @Argument(help: "Files or folders.")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @Option(name: .long, help: "Output format: text, markdown, json or html.")
  var format: Format = .text

  @Option(name: .long, help: "Alerts shown per document (0 for all).")
  var maxPerFile: Int = 5

  func run() throws {
    guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
    guard maxPerFile >= 0 else { throw ValidationError("--max-per-file must be 0 or more") }
    let linter = Linter(options: try common.lintOptions())
    let report = linter.run(paths: paths)
    for error in report.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    let gateReport = GateReport(report: report, gate: gate.value, maxPerFile: maxPerFile)
    switch format {
    case .text: Output.writeStdout(gateReport.text())
    case .markdown: Output.writeStdout(gateReport.markdown())
    case .json: Output.writeStdout(gateReport.json())
    case .html: Output.writeStdout(gateReport.htmlPage())
    }
    if !report.errors.isEmpty { throw ExitCode(3) }
    if gateReport.blocking > 0 { throw ExitCode(1) }
  }
}
