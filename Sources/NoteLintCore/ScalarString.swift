#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension String {
  /// A string from Unicode scalars, encoded straight into UTF-8 storage.
  ///
  /// `String(String.UnicodeScalarView(scalars))` and `UnicodeScalarView.append(contentsOf:)` take a
  /// generic path of thousands of instructions a call; this one writes the bytes in one pass.
  @inlinable
  public init<C: Collection>(scalars: C) where C.Element == Unicode.Scalar {
    var capacity = 0
    for scalar in scalars { capacity += UTF8.width(scalar) }
    guard capacity > 0 else {
      self = ""
      return
    }
    self.init(unsafeUninitializedCapacity: capacity) { buffer in
      UTF8Writer.write(scalars, to: buffer)
    }
  }
}

/// Encodes scalars as UTF-8 into a buffer sized with `UTF8.width`.
public enum UTF8Writer {
  /// Writes `scalars` at the start of `buffer`; returns the number of bytes written.
  @inlinable
  public static func write<C: Collection>(_ scalars: C, to buffer: UnsafeMutableBufferPointer<UInt8>)
    -> Int where C.Element == Unicode.Scalar
  {
    var position = 0
    for scalar in scalars {
      let value = scalar.value
      switch value {
      case 0..<0x80:
        buffer[position] = UInt8(value)
        position += 1
      case 0x80..<0x800:
        buffer[position] = UInt8(0xC0 | (value >> 6))
        buffer[position + 1] = UInt8(0x80 | (value & 0x3F))
        position += 2
      case 0x800..<0x10000:
        buffer[position] = UInt8(0xE0 | (value >> 12))
        buffer[position + 1] = UInt8(0x80 | ((value >> 6) & 0x3F))
        buffer[position + 2] = UInt8(0x80 | (value & 0x3F))
        position += 3
      default:
        buffer[position] = UInt8(0xF0 | (value >> 18))
        buffer[position + 1] = UInt8(0x80 | ((value >> 12) & 0x3F))
        buffer[position + 2] = UInt8(0x80 | ((value >> 6) & 0x3F))
        buffer[position + 3] = UInt8(0x80 | (value & 0x3F))
        position += 4
      }
    }
    return position
  }
}

extension Unicode.Scalar {
  /// `properties.isWhitespace`, with ASCII answered without the Unicode property tables.
  @inlinable
  public var isWhitespaceFast: Bool {
    let value = self.value
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    return properties.isWhitespace
  }
}

extension Array where Element == Unicode.Scalar {
  /// The scalars of a NUL-terminated UTF-8 C string (as cmark-gfm and libxml2 return them), decoded
  /// in one pass; invalid sequences become U+FFFD, like `String(cString:)`.
  @inlinable
  public init(utf8CString pointer: UnsafePointer<CChar>) {
    let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
    let count = strlen(pointer)
    var valid = true
    self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
      var index = 0
      var written = 0
      while index < count {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
          buffer[written] = Unicode.Scalar(UInt8(lead))
          index += 1
        } else {
          // Well-formed multi-byte sequences only; anything else goes to the standard decoder.
          let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC2 ? 2 : 0
          guard length > 0, index + length <= count else {
            valid = false
            break
          }
          var value = lead & (0x7F >> UInt32(length))
          for offset in 1..<length {
            let byte = UInt32(bytes[index + offset])
            guard byte & 0xC0 == 0x80 else {
              valid = false
              break
            }
            value = value << 6 | (byte & 0x3F)
          }
          guard valid, let scalar = Unicode.Scalar(value),
            value >= (length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000)
          else {
            valid = false
            break
          }
          buffer[written] = scalar
          index += length
        }
        written += 1
      }
      initialized = written
    }
    if valid { return }
    self = []
    var iterator = UnsafeBufferPointer(start: bytes, count: count).makeIterator()
    var decoder = UTF8()
    while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar): append(scalar)
      case .error: append("\u{FFFD}")
      case .emptyInput: return
      }
    }
  }
}
