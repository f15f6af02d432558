import ArgumentParser
import Foundation
import NoteLintServers
import Synchronization

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
      server = try MCPServer(roots: roots)
    } catch {
      throw Output.fail("--root \(error.message)")
    }
    // The SDK's server is asynchronous; this command (like the others) is not.
    let done = DispatchSemaphore(value: 0)
    let failure = Mutex<String?>(nil)
    Task {
      do {
        try await server.serve()
      } catch {
        failure.withLock { $0 = "\(error)" }
      }
      done.signal()
    }
    done.wait()
    if let message = failure.withLock({ $0 }) { throw Output.fail("mcp: \(message)", code: 3) }
  }
}
