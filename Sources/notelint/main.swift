import ArgumentParser
import Foundation
import NoteLint

// Usage errors exit with 2 (not ArgumentParser's 64), as the README documents.
if let first = CommandLine.arguments.dropFirst().first, let problem = NoteLintCommand.unknownCommand(first) {
  Output.writeStderr("notelint: \(problem)\nRun 'notelint --help' for usage.\n")
  exit(2)
}
do {
  var command = try NoteLintCommand.parseAsRoot()
  // Without its lexicons and name lists notelint would find nothing: never a silent pass.
  if let problem = LanguageResources.problem {
    Output.writeStderr("notelint: \(problem)\n")
    exit(2)
  }
  try command.run()
} catch let exitCode as ExitCode {
  // A command's own exit code: its output is already written (nothing more, not even a newline).
  exit(exitCode.rawValue)
} catch {
  let code = NoteLintCommand.exitCode(for: error)
  if code == .success {
    Output.writeStdout(NoteLintCommand.fullMessage(for: error) + "\n")
    exit(0)
  }
  Output.writeStderr("notelint: \(NoteLintCommand.message(for: error))\n")
  Output.writeStderr(NoteLintCommand.usageString().isEmpty ? "" : "Run 'notelint --help' for usage.\n")
  exit(2)
}
