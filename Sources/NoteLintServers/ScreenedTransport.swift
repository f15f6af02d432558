import Foundation
import Logging
import MCP

/// The SDK's transport (here `StdioTransport`) with the JSON-RPC checks of our RPC layer in front of
/// the SDK's `Server`, for what the SDK does not do itself:
/// - a line that is not JSON is answered `-32700` with id null, one that is not a request object (an
///   array among them: protocol 2025-06-18 has no batches) `-32600`; the SDK would answer both `-32700`
///   with an id of its own invention;
/// - before `initialize` only `ping` is served (other requests get `-32002`, not initialized), and the
///   lines after `initialize` wait until it is answered: the SDK handles requests concurrently, so a
///   request sent right behind `initialize` could otherwise be answered first or run uninitialized;
/// - when the input ends, the stream the server reads ends only once every request has its answer, so
///   that the process does not exit with answers still unsent.
public actor ScreenedTransport: Transport {
  enum Phase { case waiting, initializing, ready }

  private let inner: any Transport
  public nonisolated let logger: Logger
  private var phase = Phase.waiting
  /// Resumed when `initialize` is answered.
  private var initialized: CheckedContinuation<Void, Never>?
  /// The ids of requests handed to the server and not answered yet (a count per id).
  private var pending: [JSONValue: Int] = [:]
  private var inputEnded = false
  private let stream: AsyncThrowingStream<Data, any Error>
  private let continuation: AsyncThrowingStream<Data, any Error>.Continuation

  public init(
    _ inner: some Transport,
    logger: Logger = Logger(label: "notelint.mcp", factory: { _ in SwiftLogNoOpLogHandler() })
  ) {
    self.inner = inner
    self.logger = logger
    (stream, continuation) = AsyncThrowingStream<Data, any Error>.makeStream()
  }

  public func connect() async throws {
    try await inner.connect()
    let lines = await inner.receive()
    Task { await self.pump(lines) }
  }

  public func disconnect() async {
    continuation.finish()
    await inner.disconnect()
  }

  public func receive() -> AsyncThrowingStream<Data, any Error> { stream }

  public func send(_ data: Data) async throws {
    // After the write, even a failed one (the client gone): the request is answered, and when the
    // input has ended and it was the last one, the server's stream ends with its answer written.
    defer {
      if case .response(let id, _, let error) = RPCMessage.parse(data) {
        if phase == .initializing {
          phase = error == nil ? .ready : .waiting
          initialized?.resume()
          initialized = nil
        }
        answered(id)
      }
    }
    try await inner.send(data)
  }

  private func pump(_ lines: AsyncThrowingStream<Data, any Error>) async {
    do {
      for try await line in lines {
        await screen(line)
        if phase == .initializing {
          await withCheckedContinuation { initialized = $0 }
        }
      }
    } catch {
      logger.error("input error", metadata: ["error": "\(error)"])
    }
    inputEnded = true
    finishIfDone()
  }

  private func screen(_ line: Data) async {
    switch RPCMessage.parse(line) {
    case .invalid(let id, let error):
      await reply(id: id, error)
    case .request(let id, let method, let params):
      if case .double(let number) = id, number.rounded() != number || abs(number) >= 1e15 {
        return await reply(
          id: id, RPCError(RPCErrorCode.invalidRequest, "invalid request: id must be an integer or a string"))
      }
      if let params, params.object == nil {
        return await reply(id: id, RPCError(RPCErrorCode.invalidRequest, "invalid request: params must be an object"))
      }
      switch (phase, method) {
      case (.waiting, "initialize"): phase = .initializing
      case (.waiting, "ping"), (.ready, _): break
      default:
        return await reply(
          id: id, RPCError(RPCErrorCode.serverNotInitialized, "the server is not initialized (send initialize first)"))
      }
      pending[Self.key(id), default: 0] += 1
      continuation.yield(line)
    case .notification(let method, let params):
      // A cancelled request gets no answer (the SDK drops it): it is no longer pending.
      if method == "notifications/cancelled", let id = params?["requestId"] { answered(id) }
      continuation.yield(line)
    case .response:
      continuation.yield(line)
    }
  }

  /// An id as the SDK writes it back (1.0 and 1 are one id).
  static func key(_ id: JSONValue) -> JSONValue {
    if case .double(let number) = id, number.rounded() == number, abs(number) < 1e15 { return .int(Int(number)) }
    return id
  }

  private func answered(_ id: JSONValue) {
    let key = Self.key(id)
    guard let count = pending[key] else { return }
    pending[key] = count > 1 ? count - 1 : nil
    finishIfDone()
  }

  private func finishIfDone() {
    if inputEnded && pending.isEmpty { continuation.finish() }
  }

  private func reply(id: JSONValue, _ error: RPCError) async {
    do {
      try await inner.send(RPCMessage.errorResponse(id: id, error: error).serialized)
    } catch {
      logger.error("write error", metadata: ["error": "\(error)"])
    }
  }
}
