import ArgumentParser
import Foundation
import NoteLint

struct MergeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "merge",
    abstract: "Combine the JSON reports of shards (notelint lint --shard K/N --format json) into one report.",
    discussion: """
      The merged JSON is byte-identical to one unsharded run over the same files with the same options. \
      Exit codes: 0, or 1 with --fail-on when a finding reaches it; 2 when a report cannot be used; 3 when \
      a report lists unreadable files.
      """)

  @Argument(help: "The JSON reports to merge.")
  var reports: [String] = []

  @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormatOption = .json

  @Option(name: .long, help: "Write the merged report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(name: .long, help: "Exit with 1 when a finding is at or above this severity (default: none).")
  var failOn: FailOnOption = .none

  func validate() throws {
    if reports.isEmpty { throw ValidationError("give the JSON reports to merge") }
  }

  func run() throws {
    let report: LintReport
    switch ReportMerger.merge(paths: reports) {
    case .success(let merged): report = merged
    case .failure(let error): throw Output.fail(error.line)
    }
    try Output.refuseWritingOverInputs([output], inputs: reports, what: "the report")
    try Output.deliver(Output.render(report, format: format.value, color: output == nil && Output.useColor), to: output)
    throw ExitCode(Output.exitCode(report, override: failOn.value))
  }
}
