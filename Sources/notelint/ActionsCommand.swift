import ArgumentParser
import NoteLint

struct ActionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "actions",
    abstract: "List every action item found (open and done) with its owner and deadline.")

  @Argument(help: "Files or folders.")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @Flag(name: .long, help: "Only open items.")
  var open = false

  func run() throws {
    guard !paths.isEmpty else { throw ValidationError("give at least one file or folder") }
    let options = try common.lintOptions()
    let extractor = ActionExtractor(options: options)
    let result = extractor.extract(paths: paths)
    for error in result.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    var out = ""
    for record in result.records where !(open && record.done) {
      let owners = record.owners.isEmpty ? (record.diffuseOwner.map { "~\($0)" } ?? "-") : record.owners.joined(separator: ", ")
      let due = record.due ?? record.deadlineText ?? "-"
      out += "\(record.file):\(record.line): [\(record.done ? "x" : " ")] \(record.text)\n"
      out += "    owner: \(owners)  due: \(due)  source: \(record.source)\n"
    }
    Output.writeStdout(out)
    if !result.errors.isEmpty { throw ExitCode(3) }
  }
}
