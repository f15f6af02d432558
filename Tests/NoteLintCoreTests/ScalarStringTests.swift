import XCTest

@testable import NoteLintCore

final class ScalarStringTests: XCTestCase {
  private func decode(_ bytes: [UInt8]) -> [Unicode.Scalar] {
    let terminated = bytes.map { $0 == 0 ? 0x20 : $0 } + [0]
    return terminated.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { [Unicode.Scalar](utf8CString: $0.baseAddress!) }
    }
  }

  private func reference(_ bytes: [UInt8]) -> [Unicode.Scalar] {
    let terminated = bytes.map { $0 == 0 ? 0x20 : $0 } + [0]
    return terminated.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { Array(String(cString: $0.baseAddress!).unicodeScalars) }
    }
  }

  func testCStringDecodingMatchesTheStandardLibrary() {
    let samples: [[UInt8]] = [
      [], Array("plain ASCII".utf8), Array("perché è già così — “ok” 🎯 ∑".utf8),
      [0xC3], [0xE2, 0x82], [0xF0, 0x9F, 0x8E], [0xC0, 0x80], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80],
      [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80, 0x41], [0x41, 0xC3, 0x28, 0x42],
    ]
    for sample in samples {
      XCTAssertEqual(decode(sample), reference(sample), "\(sample)")
    }
    // Random bytes, biased towards the lead and continuation ranges.
    var generator = SystemRandomNumberGenerator()
    let alphabet: [UInt8] = [
      0x41, 0x7F, 0x80, 0xBF, 0xC2, 0xC3, 0xDF, 0xE0, 0xE2, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA9, 0x9F,
    ]
    for _ in 0..<2000 {
      let sample = (0..<Int.random(in: 1...12, using: &generator)).map { _ in
        alphabet.randomElement(using: &generator)!
      }
      XCTAssertEqual(decode(sample), reference(sample), "\(sample)")
    }
  }

  func testWhitespaceFastAgreesWithTheUnicodeProperty() {
    for value in UInt32(0)..<0x3100 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      XCTAssertEqual(scalar.isWhitespaceFast, scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
    }
  }
}
