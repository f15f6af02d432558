import ArgumentParser
import Foundation
import NoteLint

enum ActionFormatOption: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case csv
  case markdown
  case ics

  var value: ActionFormat { ActionFormat(rawValue: rawValue) ?? .text }
}

/// Options shared by `actions` and `digest`: configuration, the due-soon window, links.
struct ActionOptions: ParsableArguments {
  @Option(name: .long, help: "Use this configuration file for every note instead of the nearest .notelint.yml.")
  var config: String?

  @Option(name: .long, help: "An open item due within this many days is 'due soon' (default 7).")
  var soon: Int = 7

  @Option(
    name: .long,
    help: "Prefix that turns a note's path into a link, e.g. https://git.example.com/team/notes/blob/main/")
  var linkBase: String?

  func validate() throws {
    guard soon >= 0 else { throw ValidationError("--soon must be 0 or more days") }
  }

  func resolver() throws -> ConfigurationResolver {
    do {
      return try ConfigurationResolver(configPath: config)
    } catch {
      throw Output.fail(String(describing: error))
    }
  }
}

struct ActionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "List every action item (open and done) with its owner, deadline and problems.",
    discussion: """
      Owners are normalised to roster handles when the configuration's roster or the note's front \
      matter (team:, owners:) maps them. Deadlines are resolved against the note's date, overdue and \
      due-soon against --today. Each item has a stable id (file and normalised text). Formats: text, \
      json, csv, markdown, ics (one VTODO per dated open item, for calendar apps).
      """)

  @Argument(help: "Files or folders (folders recursively).")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @OptionGroup var actionOptions: ActionOptions

  @Option(name: .long, help: "Output format: text, json, csv, markdown or ics.")
  var format: ActionFormatOption = .text

  @Option(name: .long, help: "Only items this person owns (name, handle or roster name); - for items with no owner.")
  var owner: String?

  @Flag(name: .long, help: "Only open items.")
  var open = false

  @Flag(name: .long, help: "Only overdue items (with --due-within: either).")
  var overdue = false

  @Option(name: .long, help: "Only open items due within this period from --today: 7d, 2w or a number of days.")
  var dueWithin: String?

  @Flag(name: .long, help: "Only items with at least one problem.")
  var problemsOnly = false

  @Flag(name: .long, help: "CSV: start with a UTF-8 byte order mark (for Excel).")
  var bom = false

  @Option(name: .long, help: "Write to this file (atomically) instead of standard output.")
  var output: String?

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one file or folder") }
    if let dueWithin, ActionFilter.parseDays(dueWithin) == nil {
      throw ValidationError("--due-within must be a number of days such as 7d, 2w or 10, not '\(dueWithin)'")
    }
  }

  func run() throws {
    let options = try common.lintOptions()
    let resolver = try actionOptions.resolver()
    let extractor = ActionExtractor(options: options, configuration: resolver, soonDays: actionOptions.soon)
    let progress = Output.stderrIsTerminal ? ProgressLine() : nil
    var extraction = extractor.extract(paths: paths, progress: progress?.callback)
    progress?.finish()
    if let error = resolver.error { throw Output.fail(String(describing: error)) }
    let filter = ActionFilter(
      owner: owner, openOnly: open, overdue: overdue, dueWithinDays: dueWithin.flatMap(ActionFilter.parseDays),
      problemsOnly: problemsOnly)
    extraction.records = extraction.records.filter(filter.matches)
    for error in extraction.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    let renderer = ActionRenderer(
      today: options.today, soonDays: actionOptions.soon, linkBase: actionOptions.linkBase, byteOrderMark: bom)
    let text = renderer.render(extraction, format: format.value)
    if let output {
      try Output.refuseWritingOverNotes([output], notes: FileDiscovery(configuration: resolver).discover(paths).files)
      try Output.refuseWritingOverInputs([output], inputs: resolver.loadedPaths, what: "the configuration")
      try Output.deliver(text, to: output)
    } else {
      Output.writeStdout(text)
    }
    if !extraction.errors.isEmpty { throw ExitCode(3) }
  }
}
