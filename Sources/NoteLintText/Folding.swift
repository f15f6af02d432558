/// Case and accent folding, one scalar to one scalar, so folded text lines up with the original.
public enum Folding {
  private static let table: [UInt32] = {
    var table = [UInt32](repeating: 0, count: 0x250)
    for value in 0..<UInt32(0x250) {
      table[Int(value)] = computeFold(value)
    }
    return table
  }()

  private static func computeFold(_ value: UInt32) -> UInt32 {
    switch value {
    case 0x41...0x5A: return value + 0x20
    case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: return 0x61  // a
    case 0xC7, 0xE7, 0x106...0x10D: return 0x63  // c
    case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: return 0x65  // e
    case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: return 0x69  // i
    case 0xD1, 0xF1, 0x143...0x148: return 0x6E  // n
    case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: return 0x6F  // o
    case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: return 0x75  // u
    case 0xDD, 0xFD, 0xFF, 0x178: return 0x79  // y
    case 0x15A...0x161: return 0x73  // s
    case 0x179...0x17E: return 0x7A  // z
    case 0x152, 0x153: return 0x6F  // œ
    case 0xB4, 0x60: return 0x27  // acute accent, backtick → apostrophe
    case 0xAB, 0xBB: return 0x22  // « » → "
    default:
      if let scalar = Unicode.Scalar(value), scalar.properties.isUppercase,
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
      {
        return lower.value
      }
      return value
    }
  }

  @inline(__always)
  public static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
    let value = scalar.value
    if value < 0x80 {
      return value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar
    }
    if value < 0x250 { return Unicode.Scalar(table[Int(value)]) ?? scalar }
    switch value {
    case 0x2018, 0x2019, 0x201B, 0x2032, 0x02BC: return "'"
    case 0x201C, 0x201D, 0x201E: return "\""
    case 0x2010, 0x2011: return "-"
    default:
      if scalar.properties.isUppercase,
        let lower = scalar.properties.lowercaseMapping.unicodeScalars.first
      {
        return lower
      }
      return scalar
    }
  }

  /// Folds a whole string (for lexicon entries and tests).
  public static func fold(_ text: String) -> String {
    String(scalars: text.unicodeScalars.map(fold))
  }

  @inline(__always)
  public static func isCombiningMark(_ value: UInt32) -> Bool {
    (value >= 0x300 && value <= 0x36F) || (value >= 0x1AB0 && value <= 0x1AFF)
      || (value >= 0x20D0 && value <= 0x20FF)
  }
}

/// FNV-1a over folded scalars: the key of every lexicon look-up.
public enum TokenHash {
  public static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
  public static let prime: UInt64 = 0x0000_0100_0000_01B3
  /// Stands for "any number" in lexicon phrases (`<num>`).
  public static let anyNumber: UInt64 = 0x6e75_6d62_6572_2a2a

  @inline(__always)
  public static func combine(_ hash: UInt64, _ value: UInt32) -> UInt64 {
    var result = hash
    result ^= UInt64(value)
    result = result &* prime
    return result
  }

  public static func hash(_ text: String) -> UInt64 {
    hash(text.unicodeScalars)
  }

  /// The hash of scalars as they are folded (combining marks skipped).
  public static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
    var result = offsetBasis
    for scalar in scalars {
      let folded = Folding.fold(scalar).value
      if Folding.isCombiningMark(folded) { continue }
      result = combine(result, folded)
    }
    return result
  }
}
