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
      ActionsCommand.self, DigestCommand.self, InitCommand.self, HookCommand.self, MergeCommand.self, LspCommand.self,
      McpCommand.self,
    ],
    defaultSubcommand: LintCommand.self)
}
