import Foundation
import XCTest

@testable import NoteLintServers

final class JSONRPCTests: XCTestCase {
  private func frame(_ text: String) -> [UInt8] {
    Array("Content-Length: \(text.utf8.count)\r\n\r\n\(text)".utf8)
  }

  func testContentLengthFramesSplitAnywhereAndJoined() {
    let one = #"{"jsonrpc":"2.0","id":1,"method":"a","params":{"t":"è🚀"}}"#
    let two = #"{"jsonrpc":"2.0","method":"b"}"#
    let bytes = frame(one) + frame(two)
    // Every split point gives the same two messages.
    for split in 0...bytes.count {
      var reader = RPCFrameReader()
      let items = reader.feed(bytes[0..<split]) + reader.feed(bytes[split...])
      XCTAssertEqual(items, [.message(Data(one.utf8)), .message(Data(two.utf8))], "split at \(split)")
    }
  }

  func testContentLengthCountsBytesNotCharacters() {
    let body = #"{"jsonrpc":"2.0","method":"x","params":{"t":"più 🚀"}}"#
    var reader = RPCFrameReader()
    let items = reader.feed(frame(body))
    XCTAssertEqual(items, [.message(Data(body.utf8))])
    guard
      case .notification(let method, let params)? = items.first.map({ item -> RPCMessage in
        if case .message(let data) = item { return RPCMessage.parse(data) }
        return .invalid(id: .null, error: RPCError(0, ""))
      })
    else { return XCTFail("not a notification") }
    XCTAssertEqual(method, "x")
    XCTAssertEqual(params?["t"]?.string, "più 🚀")
  }

  func testMalformedHeadersAreReportedAndTheStreamRecovers() {
    var reader = RPCFrameReader()
    let good = #"{"jsonrpc":"2.0","method":"ok"}"#
    let items = reader.feed(Array("Content-Length: abc\r\n\r\n".utf8) + Array("Foo\r\n\r\n".utf8) + frame(good))
    XCTAssertEqual(items.count, 3)
    guard case .malformed(let first) = items[0], case .malformed(let second) = items[1] else {
      return XCTFail("\(items)")
    }
    XCTAssertTrue(first.contains("Content-Length"), first)
    XCTAssertTrue(second.contains("header"), second)
    XCTAssertEqual(items[2], .message(Data(good.utf8)))
  }

  func testAMessageOverTheLimitIsSkippedWhole() {
    var reader = RPCFrameReader(maxMessageSize: 10)
    let big = String(repeating: "x", count: 50)
    let good = #"{"a":1}"#
    var items = reader.feed(Array("Content-Length: 50\r\n\r\n".utf8) + Array(big.utf8.prefix(20)))
    items += reader.feed(Array(big.utf8.dropFirst(20)) + frame(good))
    XCTAssertEqual(items.count, 2)
    if case .malformed(let reason) = items[0] {
      XCTAssertTrue(reason.contains("over the limit"), reason)
    } else {
      XCTFail("\(items)")
    }
    XCTAssertEqual(items[1], .message(Data(good.utf8)))
  }

  func testClassification() {
    func classify(_ text: String) -> RPCMessage { RPCMessage.parse(Data(text.utf8)) }
    func errorCode(_ message: RPCMessage) -> Int? {
      if case .invalid(_, let error) = message { return error.code }
      return nil
    }
    XCTAssertEqual(errorCode(classify("{oops")), RPCErrorCode.parseError)
    XCTAssertEqual(errorCode(classify("[1,2]")), RPCErrorCode.invalidRequest)
    XCTAssertEqual(errorCode(classify(#"{"id":1,"method":"m"}"#)), RPCErrorCode.invalidRequest)
    XCTAssertEqual(errorCode(classify(#"{"jsonrpc":"2.0","id":{"x":1},"method":"m"}"#)), RPCErrorCode.invalidRequest)
    XCTAssertEqual(errorCode(classify(#"{"jsonrpc":"2.0","id":1,"method":7}"#)), RPCErrorCode.invalidRequest)
    XCTAssertEqual(
      errorCode(classify(#"{"jsonrpc":"2.0","id":1,"method":"m","params":3}"#)), RPCErrorCode.invalidRequest)
    if case .request(let id, let method, let params) = classify(
      #"{"jsonrpc":"2.0","id":"a","method":"m","params":null}"#)
    {
      XCTAssertEqual(id, .string("a"))
      XCTAssertEqual(method, "m")
      XCTAssertNil(params)
    } else {
      XCTFail("a request with null params")
    }
    if case .response(let id, _, _) = classify(#"{"jsonrpc":"2.0","id":3,"result":null}"#) {
      XCTAssertEqual(id, .int(3))
    } else {
      XCTFail("a response")
    }
  }

  func testJSONValueKeepsBooleansIntegersAndDoublesApart() {
    let value = JSONValue.parse(#"{"t":true,"i":3,"d":0.5,"n":null,"s":"€"}"#)
    XCTAssertEqual(value?["t"], .bool(true))
    XCTAssertEqual(value?["i"], .int(3))
    XCTAssertEqual(value?["d"], .double(0.5))
    XCTAssertEqual(value?["n"], .null)
    XCTAssertEqual(value?["s"]?.string, "€")
    XCTAssertEqual(value?.text, #"{"d":0.5,"i":3,"n":null,"s":"€","t":true}"#)
  }
}
