import ArgumentParser
import Foundation
import NoteLintServers

struct LspCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lsp",
    abstract: "Run a Language Server Protocol server on standard input and output (for editors).",
    discussion: """
      Diagnostics on open, change (debounced) and save, pull diagnostics, hover explanations and \
      "suppress here" code actions. Each note uses the nearest .notelint.yml, read again at each lint. \
      Settings (initializationOptions or workspace/didChangeConfiguration, under "notelint"): today, \
      minConfidence, language.
      """)

  @Option(name: .long, help: "Milliseconds from the last edit to the lint (default 200).")
  var debounce: Int = 200

  func validate() throws {
    guard (0...10_000).contains(debounce) else { throw ValidationError("--debounce must be 0 to 10000 milliseconds") }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let server = LanguageServer(
      writer: RPCWriter(descriptor: STDOUT_FILENO), debounce: Double(debounce) / 1000)
    throw ExitCode(server.serve(input: STDIN_FILENO))
  }
}
