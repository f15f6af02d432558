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
    var count = 0
    while pointer[count] != 0 { count += 1 }
    self = []
    guard count > 0 else { return }
    reserveCapacity(count)
    let bytes = UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self)
    var index = 0
    var allASCII = true
    while index < count {
      let byte = bytes[index]
      if byte >= 0x80 {
        allASCII = false
        break
      }
      append(Unicode.Scalar(byte))
      index += 1
    }
    if allASCII { return }
    let buffer = UnsafeBufferPointer(start: bytes + index, count: count - index)
    var iterator = buffer.makeIterator()
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
