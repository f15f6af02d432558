/// Hashes that are the same on every machine and every run (Swift's `Hasher` is seeded per process).
public enum ContentHash {
  /// FNV-1a, 64 bits.
  public static func fnv1a<S: Sequence>(_ bytes: S, seed: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64
  where S.Element == UInt8 {
    var hash = seed
    for byte in bytes {
      hash ^= UInt64(byte)
      hash &*= 0x0000_0100_0000_01B3
    }
    return hash
  }

  public static func fnv1a(_ text: String) -> UInt64 { fnv1a(text.utf8) }

  /// A 128-bit digest (two independent 64-bit lanes over 8-byte words, each finalised with a strong
  /// mixer), as 32 hex digits: content keys of the results cache. A warm run hashes every note, so
  /// the bytes go in eight at a time.
  public static func digest(_ parts: [[UInt8]]) -> String {
    var first: UInt64 = 0xcbf2_9ce4_8422_2325
    var second: UInt64 = 0x8422_2325_cbf2_9ce4
    @inline(__always) func absorb(_ word: UInt64) {
      first = (first ^ word) &* 0x9E37_79B9_7F4A_7C15
      first = (first << 27) | (first >> 37)
      second = (second ^ word) &* 0xC2B2_AE3D_27D4_EB4F
      second = (second << 31) | (second >> 33)
    }
    for part in parts {
      // The length first, so that ["ab", "c"] and ["a", "bc"] differ.
      absorb(UInt64(part.count))
      part.withUnsafeBytes { raw in
        var offset = 0
        while offset + 8 <= raw.count {
          absorb(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
          offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < raw.count {
          tail |= UInt64(raw[offset]) << shift
          shift += 8
          offset += 1
        }
        if shift > 0 { absorb(tail) }
      }
    }
    return hex(mix(first)) + hex(mix(second ^ first))
  }

  static func mix(_ value: UInt64) -> UInt64 {
    var z = value
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }

  static func hex(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }
}

/// `--shard K/N`: the files whose path hash falls in bucket K (1-based) of N.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
  public var index: Int
  public var count: Int

  public init?(index: Int, count: Int) {
    guard count >= 1, index >= 1, index <= count else { return nil }
    self.index = index
    self.count = count
  }

  /// Parses `K/N` (1 ≤ K ≤ N).
  public init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
    self.init(index: index, count: count)
  }

  public var description: String { "\(index)/\(count)" }

  /// Whether a file belongs to this shard: FNV-1a of its path (as given, without a leading `./`) modulo N.
  public func contains(_ path: String) -> Bool {
    var key = Substring(path)
    while key.hasPrefix("./") { key = key.dropFirst(2) }
    return Int(ContentHash.fnv1a(key.utf8) % UInt64(count)) == index - 1
  }

  public func select(_ paths: [String]) -> [String] { paths.filter(contains) }
}
