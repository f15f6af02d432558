import ArgumentParser
import Foundation
import NoteLint

struct CheckpointCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "checkpoint",
    abstract: "The alert list for one governance gate: technical, business or review.",
    discussion: """
      Each note uses the nearest .notelint.yml above it (or --config), as lint does: disabled rules, \
      severities, include/exclude, overrides, language and roster apply. Exit code 1 when the gate has \
      an alert at or above --fail-on (default: error, the blocking alerts).
      """)

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

  @OptionGroup var configOption: ConfigOption

  @Option(name: .long, help: "Output format: text, markdown, json or html.")
  var format: Format = .text

  @Option(name: .long, help: "Alerts shown per document (0 for all).")
  var maxPerFile: Int = 5

  @Option(name: .long, help: "Write the alert list to this file (atomically) instead of standard output.")
  var output: String?

  @Option(
    name: .long,
    help:
      "Exit with 1 when the gate has an alert at or above this severity: error (the blocking alerts, default), warning, info or none."
  )
  var failOn: FailOnOption = .error

  @Flag(name: .shortAndLong, help: "No progress and no closing line on standard error (errors are still printed).")
  var quiet = false

  @Flag(name: .long, help: "Do not honour .gitignore and .notelintignore.")
  var noIgnore = false

  func run() throws {
    guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
    guard maxPerFile >= 0 else { throw ValidationError("--max-per-file must be 0 or more") }
    let resolver = try configOption.resolver()
    let linter = Linter(options: try common.lintOptions(), configuration: resolver)
    let discovery = FileDiscovery(honourIgnoreFiles: !noIgnore, configuration: resolver)
    let progress = !quiet && Output.stderrIsTerminal ? ProgressLine() : nil
    let result: ScanResult
    do {
      result = try Scan(linter: linter, discovery: discovery).run(
        ScanInput(paths: paths), progress: progress?.callback)
    } catch {
      progress?.finish()
      throw Output.fail("\(error)")
    }
    progress?.finish()
    let report = result.report
    for notice in discovery.notices.all {
      Output.writeStderr("notelint: notice: \(notice)\n")
    }
    for error in report.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    let gateReport = GateReport(report: report, gate: gate.value, maxPerFile: maxPerFile)
    let text: String
    switch format {
    case .text: text = gateReport.text()
    case .markdown: text = gateReport.markdown()
    case .json: text = gateReport.json()
    case .html: text = gateReport.htmlPage()
    }
    try Output.refuseWritingOverNotes([output], notes: report.files.map(\.path) + report.errors.map(\.path))
    try Output.refuseWritingOverInputs([output], inputs: resolver.loadedPaths, what: "the configuration")
    try Output.deliver(text, to: output)
    if let output, !quiet, !Output.writesToStandardOutput(output) {
      Output.writeStderr(
        "notelint: wrote \(output): \(gate.rawValue) gate, \(gateReport.blocking) blocking, \(gateReport.others) to discuss\n"
      )
    }
    if !report.errors.isEmpty { throw ExitCode(3) }
    let threshold = failOn.value
    let failing = report.findings.contains { $0.checkpoints.contains(gate.value) && threshold.fails($0.severity) }
    if failing { throw ExitCode(1) }
  }
}
