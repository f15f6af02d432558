import ArgumentParser
import Foundation

// Usage errors exit with 2 (not ArgumentParser's 64), as the README documents.
do {
  var command = try NoteLintCommand.parseAsRoot()
  try command.run()
} catch {
  let code = NoteLintCommand.exitCode(for: error)
  if code == .success {
    Output.writeStdout(NoteLintCommand.fullMessage(for: error) + "\n")
    exit(0)
  }
  if let exitCode = error as? ExitCode {
    exit(exitCode.rawValue)
  }
  Output.writeStderr("notelint: \(NoteLintCommand.message(for: error))\n")
  Output.writeStderr(NoteLintCommand.usageString().isEmpty ? "" : "Run 'notelint --help' for usage.\n")
  exit(2)
}
