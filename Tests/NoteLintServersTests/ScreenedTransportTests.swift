import Foundation
import MCP
import NoteLint
import XCTest

@testable import NoteLintServers

/// `notelint mcp`'s SDK server behind `ScreenedTransport`, driven over the SDK's in-memory transport.
final class ScreenedTransportTests: XCTestCase {
  func testBadLinesEarlyRequestsAndTheOrderAfterInitialize() async throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-screen-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: root) }
    let (client, serverSide) = await InMemoryTransport.createConnectedPair()
    let server = try await MCPServer(roots: [root.path]).makeServer()
    try await client.connect()
    try await server.start(transport: ScreenedTransport(serverSide))
    let initialize =
      #"{"jsonrpc":"2.0","id":2,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"#
      + #""clientInfo":{"name":"t","version":"1"}}}"#
    let lines = [
      "{oops", "[1]", #"{"jsonrpc":"2.0","id":1.5,"method":"ping"}"#,
      #"{"jsonrpc":"2.0","id":7,"method":"ping","params":[1]}"#, #"{"jsonrpc":"2.0","id":1,"method":"tools/list"}"#,
      initialize,
      // Right behind initialize: answered after it, and as an initialized server.
      #"{"jsonrpc":"2.0","id":3,"method":"tools/list"}"#,
    ]
    for line in lines { try await client.send(Data(line.utf8)) }
    var answers = await client.receive().makeAsyncIterator()
    var got: [JSONValue] = []
    for _ in 0..<7 {
      let next = try await answers.next()
      let data = try XCTUnwrap(next, "the server closed its stream")
      got.append(try XCTUnwrap(JSONValue.parse(data)))
    }
    XCTAssertEqual(got.map { $0["id"] ?? .null }, [.null, .null, .null, 7, 1, 2, 3])
    XCTAssertEqual(got.map { $0["error"]?["code"]?.int }, [-32700, -32600, -32600, -32600, -32002, nil, nil])
    XCTAssertEqual(got[5]["result"]?["protocolVersion"], "2025-06-18")
    XCTAssertEqual(
      got[6]["result"]?["tools"]?.array?.compactMap { $0["name"]?.string },
      ["lint_note", "checkpoint", "action_items", "explain_rule"])
    await server.stop()
  }
}
