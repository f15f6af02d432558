import Foundation

/// JSON-RPC 2.0 error codes (and the LSP ones).
public enum RPCErrorCode {
  public static let parseError = -32700
  public static let invalidRequest = -32600
  public static let methodNotFound = -32601
  public static let invalidParams = -32602
  public static let internalError = -32603
  public static let serverNotInitialized = -32002
  public static let requestCancelled = -32800
}

public struct RPCError: Error, Sendable {
  public var code: Int
  public var message: String

  public init(_ code: Int, _ message: String) {
    self.code = code
    self.message = message
  }

  public static func invalidParams(_ message: String) -> RPCError { RPCError(RPCErrorCode.invalidParams, message) }
}

/// One incoming JSON-RPC message, classified.
public enum RPCMessage: Sendable {
  case request(id: JSONValue, method: String, params: JSONValue?)
  case notification(method: String, params: JSONValue?)
  case response(id: JSONValue, result: JSONValue?, error: JSONValue?)
  /// Not a JSON-RPC message: the error to answer with (id null unless one could be read).
  case invalid(id: JSONValue, error: RPCError)

  /// Classifies a message's bytes.
  public static func parse(_ data: Data) -> RPCMessage {
    guard let value = JSONValue.parse(data) else {
      return .invalid(id: .null, error: RPCError(RPCErrorCode.parseError, "parse error: the message is not JSON"))
    }
    return classify(value)
  }

  public static func classify(_ value: JSONValue) -> RPCMessage {
    guard let object = value.object else {
      return .invalid(id: .null, error: RPCError(RPCErrorCode.invalidRequest, "invalid request: not a JSON object"))
    }
    let id = object["id"]
    if let id, !Self.isValidID(id) {
      return .invalid(
        id: .null, error: RPCError(RPCErrorCode.invalidRequest, "invalid request: id must be a number or a string"))
    }
    if object["jsonrpc"]?.string != "2.0" {
      return .invalid(
        id: id ?? .null, error: RPCError(RPCErrorCode.invalidRequest, "invalid request: jsonrpc must be \"2.0\""))
    }
    // `"params": null` is read as no params (several clients send it for shutdown and exit).
    let params = object["params"].flatMap { $0.isNull ? nil : $0 }
    if let params, params.object == nil, params.array == nil {
      return .invalid(
        id: id ?? .null,
        error: RPCError(RPCErrorCode.invalidRequest, "invalid request: params must be an object or an array"))
    }
    if let method = object["method"] {
      guard let name = method.string else {
        return .invalid(
          id: id ?? .null, error: RPCError(RPCErrorCode.invalidRequest, "invalid request: method must be a string"))
      }
      if let id { return .request(id: id, method: name, params: params) }
      return .notification(method: name, params: params)
    }
    if let id, object["result"] != nil || object["error"] != nil {
      return .response(id: id, result: object["result"], error: object["error"])
    }
    return .invalid(id: id ?? .null, error: RPCError(RPCErrorCode.invalidRequest, "invalid request: no method"))
  }

  static func isValidID(_ id: JSONValue) -> Bool {
    switch id {
    case .int, .string: return true
    case .double(let value): return value.rounded() == value
    default: return false
    }
  }

  public static func response(id: JSONValue, result: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "id": id, "result": result]
  }

  public static func errorResponse(id: JSONValue, error: RPCError) -> JSONValue {
    ["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.code), "message": .string(error.message)]]
  }

  public static func notification(method: String, params: JSONValue) -> JSONValue {
    ["jsonrpc": "2.0", "method": .string(method), "params": params]
  }
}

/// Splits an LSP byte stream (`Content-Length: N\r\n\r\n`, then N bytes) into messages. Feed it
/// bytes as they arrive; it returns complete messages and keeps the rest. A malformed header yields an error item and resynchronises on the next header.
public struct RPCFrameReader: Sendable {
  public enum Item: Sendable, Equatable {
    case message(Data)
    case malformed(String)
  }

  /// The largest message accepted (bytes); a larger one is skipped with an error.
  public let maxMessageSize: Int
  private var buffer: [UInt8] = []
  private var start = 0
  /// Bytes still to skip of a message over the limit.
  private var skipping = 0

  public init(maxMessageSize: Int = 256 << 20) {
    self.maxMessageSize = maxMessageSize
  }

  public mutating func feed(_ bytes: some Collection<UInt8>) -> [Item] {
    buffer.append(contentsOf: bytes)
    var items: [Item] = []
    while let item = next() { items.append(item) }
    if start > 0 && start >= buffer.count / 2 {
      buffer.removeFirst(start)
      start = 0
    }
    return items
  }

  private mutating func next() -> Item? {
    if skipping > 0 {
      let available = min(skipping, buffer.count - start)
      start += available
      skipping -= available
      if skipping > 0 { return nil }
    }
    return nextFramed()
  }

  private mutating func nextFramed() -> Item? {
    // The header ends at the first empty line.
    let bytes = buffer[start...]
    guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: bytes) else {
      if buffer.count - start > 8192 {
        // No header end within a sane header size: drop up to the last "Content-Length" seen.
        start = buffer.count
        return .malformed("header too long or not terminated")
      }
      return nil
    }
    let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
    var length: Int?
    var problem: String?
    for field in header.components(separatedBy: "\r\n") where !field.isEmpty {
      guard let colon = field.firstIndex(of: ":") else {
        problem = "malformed header field '\(field.prefix(80))'"
        continue
      }
      let name = field[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
      let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
      if name == "content-length" {
        if let parsed = Int(value), parsed >= 0 {
          length = parsed
        } else {
          problem = "bad Content-Length '\(value.prefix(40))'"
        }
      }
    }
    let bodyStart = headerEnd + 4
    guard let length, problem == nil else {
      start = bodyStart
      return .malformed(problem ?? "no Content-Length header")
    }
    if length > maxMessageSize {
      start = bodyStart
      skipping = length
      return .malformed("message of \(length) bytes is over the limit of \(maxMessageSize)")
    }
    guard buffer.count - bodyStart >= length else { return nil }
    let body = Data(buffer[bodyStart..<(bodyStart + length)])
    start = bodyStart + length
    return .message(body)
  }

  static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>) -> Int? {
    guard haystack.count >= needle.count else { return nil }
    var index = haystack.startIndex
    let last = haystack.endIndex - needle.count
    while index <= last {
      if haystack[index] == needle[0] {
        var matched = true
        for offset in 1..<needle.count where haystack[index + offset] != needle[offset] {
          matched = false
          break
        }
        if matched { return index }
      }
      index += 1
    }
    return nil
  }

  /// The bytes of one message, framed.
  public static func frame(_ body: Data) -> Data {
    var out = Data("Content-Length: \(body.count)\r\n\r\n".utf8)
    out.append(body)
    return out
  }
}

/// Writes framed messages to a file descriptor, one whole message at a time, from any thread.
public final class RPCWriter: @unchecked Sendable {
  private let descriptor: Int32
  private let lock = NSLock()
  private var broken = false

  public init(descriptor: Int32) {
    self.descriptor = descriptor
  }

  public func send(_ message: JSONValue) {
    let data = RPCFrameReader.frame(message.serialized)
    lock.lock()
    defer { lock.unlock() }
    guard !broken else { return }
    data.withUnsafeBytes { raw in
      guard var pointer = raw.baseAddress else { return }
      var left = raw.count
      while left > 0 {
        let written = write(descriptor, pointer, left)
        if written < 0 {
          if errno == EINTR { continue }
          broken = true
          return
        }
        left -= written
        pointer += written
      }
    }
  }
}

/// Reads a descriptor until end of file, handing each framed item to `handle` (on the calling thread).
public func readMessages(descriptor: Int32, handle: (RPCFrameReader.Item) -> Bool) {
  var reader = RPCFrameReader()
  var chunk = [UInt8](repeating: 0, count: 65536)
  while true {
    let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
    if count < 0 && errno == EINTR { continue }
    if count <= 0 { break }
    for item in reader.feed(chunk[0..<count]) where !handle(item) { return }
  }
}
