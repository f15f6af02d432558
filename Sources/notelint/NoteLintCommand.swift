import ArgumentParser
import NoteLint

struct NoteLintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "notelint",
    abstract: "Lints project notes and one-page pacts (Markdown, HTML; Italian, English) for governance risks.",
    discussion: """
      Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; 2 usage or \
      configuration error; 3 some input could not be read or parsed (the other files are still linted).
      """,
    version: NoteLintVersion.current,
    subcommands: [
      LintCommand.self, CheckpointCommand.self, RulesCommand.self, ExplainCommand.self, EvalCommand.self,
      ActionsCommand.self, DigestCommand.self, InitCommand.self, HookCommand.self, MergeCommand.self,
      ConfigCommand.self, LspCommand.self, McpCommand.self,
    ],
    defaultSubcommand: LintCommand.self)
}

extension NoteLintCommand {
  /// The subcommand names (and ArgumentParser's `help`).
  static var commandNames: [String] {
    configuration.subcommands.map { $0._commandName } + ["help"]
  }

  /// Why a first argument that names neither a command nor an existing file or folder is refused,
  /// instead of being linted as a path: `notelint chekpoint technical notes` is a typo, not a note.
  /// Nil for options, commands, existing paths and words that look like paths (a `/` or a `.`).
  static func unknownCommand(_ word: String) -> String? {
    guard !word.isEmpty, !word.hasPrefix("-"), !commandNames.contains(word), !PathUtilities.exists(word),
      !word.contains("/"), !word.contains(".")
    else { return nil }
    let scalars = Array(word.lowercased().unicodeScalars)
    let distance = { (name: String) in RuleCatalog.editDistance(scalars, Array(name.unicodeScalars)) }
    var message = "'\(word)' is neither a command nor a file or folder"
    if let close = commandNames.filter({ $0 != "help" }).min(by: { distance($0) < distance($1) }),
      distance(close) <= (close.count <= 4 ? 1 : 2)
    {
      message += " (did you mean 'notelint \(close)'?)"
    } else {
      message += "; commands: \(commandNames.filter { $0 != "help" }.joined(separator: ", "))"
    }
    return message
  }
}
