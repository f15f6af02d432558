import ArgumentParser
import Foundation
import NoteLintServers

struct McpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "mcp",
    abstract: "Run a Model Context Protocol server on standard input and output (for AI assistants).",
    discussion: """
      Tools: lint_note, checkpoint, action_items, explain_rule; resources: notelint://rules and \
      notelint://rules/ID. Only files inside the --root folders are read (symbolic links resolved).
      """)

  @Option(name: .customLong("root"), help: "A folder the server may read (repeat for several).")
  var roots: [String] = []

  func validate() throws {
    if roots.isEmpty { throw ValidationError("give at least one --root folder") }
  }

  func run() throws {
    signal(SIGPIPE, SIG_IGN)
    let server: MCPServer
    do {
      server = try MCPServer(writer: RPCWriter(descriptor: STDOUT_FILENO, framing: .newline), roots: roots)
    } catch {
      throw Output.fail("--root \(error.message)")
    }
    server.serve(input: STDIN_FILENO)
  }
}
