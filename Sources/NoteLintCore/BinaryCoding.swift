/// Little-endian binary records for the files notelint writes for itself (compiled lexicons, the
/// results cache): integers, length-prefixed UTF-8 strings and arrays copied in one go.
public struct BinaryWriter {
  public var bytes: [UInt8] = []

  public init() {}

  public mutating func u8(_ value: UInt8) { bytes.append(value) }

  public mutating func u32(_ value: UInt32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }

  public mutating func string(_ value: String) {
    u32(UInt32(value.utf8.count))
    bytes.append(contentsOf: value.utf8)
  }

  /// A string or none (length `0xFFFF_FFFF`).
  public mutating func optionalString(_ value: String?) {
    guard let value else { return u32(BinaryReader.none) }
    string(value)
  }

  /// An array as its count and its elements.
  public mutating func array<T: FixedWidthInteger>(_ values: [T]) {
    u32(UInt32(values.count))
    for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
  }
}

/// Reads what `BinaryWriter` wrote; every read returns nil rather than read past the end.
public struct BinaryReader {
  static let none: UInt32 = 0xFFFF_FFFF
  public let buffer: UnsafeBufferPointer<UInt8>
  public private(set) var position = 0

  public init(buffer: UnsafeBufferPointer<UInt8>) {
    self.buffer = buffer
  }

  public var remaining: Int { buffer.count - position }

  public mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
    guard count >= 0, count <= remaining else { return nil }
    defer { position += count }
    return UnsafeBufferPointer(rebasing: buffer[position..<position + count])
  }

  public mutating func u8() -> UInt8? { take(1)?.first }

  public mutating func u32() -> UInt32? {
    guard let raw = take(4) else { return nil }
    return UInt32(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(as: UInt32.self))
  }

  public mutating func string() -> String? {
    guard let length = u32(), length != Self.none, let raw = take(Int(length)) else { return nil }
    return String(decoding: raw, as: UTF8.self)
  }

  /// `.some(nil)` for a stored none, nil when the data ends.
  public mutating func optionalString() -> String?? {
    guard let length = u32() else { return nil }
    if length == Self.none { return .some(nil) }
    guard let raw = take(Int(length)) else { return nil }
    return .some(String(decoding: raw, as: UTF8.self))
  }

  /// An array stored as its count and its little-endian elements, copied in one go.
  public mutating func array<T: FixedWidthInteger>(of type: T.Type) -> [T]? {
    guard let count = u32(), Int(count) <= remaining / MemoryLayout<T>.size,
      let raw = take(Int(count) * MemoryLayout<T>.size)
    else { return nil }
    return [T](unsafeUninitializedCapacity: Int(count)) { elements, initialized in
      UnsafeMutableRawBufferPointer(elements).copyMemory(from: UnsafeRawBufferPointer(raw))
      #if _endian(big)
        for index in 0..<Int(count) { elements[index] = T(littleEndian: elements[index]) }
      #endif
      initialized = Int(count)
    }
  }
}
