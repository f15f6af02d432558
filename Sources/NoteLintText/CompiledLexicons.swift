import NoteLintCore

/// The lexicons of every language compiled at build time into one binary resource, so that a run
/// loads ready phrase tables instead of expanding and tokenizing thousands of entries at start-up.
///
/// Layout (little-endian): magic `NLLX`, format version (u32), lexicon count (u32); each lexicon:
/// language code and name (strings), the byte length of its body (u32: a reader indexes the file
/// and decodes only the lexicons a run uses), then the body: the phrase table and the exception
/// table, each as arrays (u32 element count, then the elements): hashes, hash starts, text bytes,
/// text starts, suggestion bytes, suggestion starts, index keys, index starts, index counts,
/// index values, number-first phrases. A string is its UTF-8 length (u32) and bytes.
public enum CompiledLexicons {
  public static let formatVersion: UInt32 = 3
  /// The pseudo-language under which the first-name lists are stored, one lexicon a language.
  public static let namesKey = "names"
  private static let magic: [UInt8] = Array("NLLX".utf8)

  /// One compiled lexicon and the language folder it came from.
  public struct Entry: Sendable {
    public var language: String
    public var lexicon: Lexicon

    public init(language: String, lexicon: Lexicon) {
      self.language = language
      self.lexicon = lexicon
    }
  }

  public static func encode(_ entries: [Entry]) -> [UInt8] {
    var writer = BinaryWriter()
    writer.bytes.append(contentsOf: magic)
    writer.u32(formatVersion)
    writer.u32(UInt32(entries.count))
    for entry in entries {
      writer.string(entry.language)
      writer.string(entry.lexicon.name)
      var body = BinaryWriter()
      body.table(entry.lexicon.table)
      body.table(entry.lexicon.exceptionTable)
      writer.u32(UInt32(body.bytes.count))
      writer.bytes.append(contentsOf: body.bytes)
    }
    return writer.bytes
  }

  /// Where each lexicon's body is in `bytes`, by language code and name; nil when the data is not
  /// a compiled lexicon file of this version.
  public static func index(_ bytes: [UInt8]) -> [String: [String: Range<Int>]]? {
    bytes.withUnsafeBufferPointer { buffer in
      var reader = BinaryReader(buffer: buffer)
      guard reader.take(magic.count).map(Array.init) == magic, reader.u32() == formatVersion,
        let count = reader.u32()
      else { return nil }
      var result: [String: [String: Range<Int>]] = [:]
      for _ in 0..<count {
        guard let language = reader.string(), let name = reader.string(), let length = reader.u32(),
          reader.take(Int(length)) != nil
        else { return nil }
        result[language, default: [:]][name] = (reader.position - Int(length))..<reader.position
      }
      return reader.remaining == 0 ? result : nil
    }
  }

  /// Decodes the lexicon whose body is at `range` of `bytes` (from `index`): its arrays are copied
  /// as they are, nothing is rebuilt.
  public static func lexicon(named name: String, in bytes: [UInt8], at range: Range<Int>) -> Lexicon? {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { whole in
      var reader = BinaryReader(buffer: UnsafeBufferPointer(rebasing: whole[range]))
      guard let table = reader.table(), let exceptions = reader.table(), reader.remaining == 0 else { return nil }
      return Lexicon(name: name, table: table, exceptionTable: exceptions)
    }
  }

  /// Every lexicon in `bytes`; nil when the data is not a compiled lexicon file of this version.
  public static func decode(_ bytes: [UInt8]) -> [Entry]? {
    guard let index = index(bytes) else { return nil }
    var entries: [Entry] = []
    for (language, lexicons) in index.sorted(by: { $0.key < $1.key }) {
      for (name, range) in lexicons.sorted(by: { $0.key < $1.key }) {
        guard let lexicon = lexicon(named: name, in: bytes, at: range) else { return nil }
        entries.append(Entry(language: language, lexicon: lexicon))
      }
    }
    return entries
  }

}

extension BinaryWriter {
  fileprivate mutating func table(_ table: PhraseTable) {
    array(table.hashes)
    array(table.hashStarts)
    array(table.textBytes)
    array(table.textStarts)
    array(table.suggestionBytes)
    array(table.suggestionStarts)
    array(table.index.keys)
    array(table.index.starts)
    array(table.index.counts)
    array(table.index.values)
    array(table.numberFirst)
  }
}

extension BinaryReader {
  fileprivate mutating func table() -> PhraseTable? {
    guard let hashes = array(of: UInt64.self), let hashStarts = array(of: Int32.self),
      let textBytes = array(of: UInt8.self), let textStarts = array(of: Int32.self),
      let suggestionBytes = array(of: UInt8.self), let suggestionStarts = array(of: Int32.self),
      let keys = array(of: UInt64.self), let starts = array(of: Int32.self), let counts = array(of: Int32.self),
      let values = array(of: Int32.self), let numberFirst = array(of: Int32.self),
      let index = TokenIndex(keys: keys, starts: starts, counts: counts, values: values)
    else { return nil }
    return PhraseTable(
      hashes: hashes, hashStarts: hashStarts, textBytes: textBytes, textStarts: textStarts,
      suggestionBytes: suggestionBytes, suggestionStarts: suggestionStarts, index: index, numberFirst: numberFirst)
  }
}

/// How the build embeds binary data in the executable: a Swift source with the bytes in a string
/// literal, in base64 (plain ASCII: nothing to escape, a third larger), with its length and checksum.
public enum EmbeddedBytes {
  /// A checksum of `bytes`: FNV-1a over 8-byte little-endian words, then the tail bytes.
  public static func checksum(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    let prime: UInt64 = 0x100_0000_01b3
    let words = bytes.count / 8
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      for index in 0..<words {
        hash = (hash ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))) &* prime
      }
    }
    for index in (words * 8)..<bytes.count { hash = (hash ^ UInt64(bytes[index])) &* prime }
    return hash
  }

  public static func checksum(_ bytes: [UInt8]) -> UInt64 {
    bytes.withUnsafeBufferPointer { checksum($0) }
  }

  private static let alphabet: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

  /// Each ASCII byte's value in base64; 0xFF for a byte that is not a base64 digit (nor `=`, 0).
  private static let values: [UInt8] = {
    var table = [UInt8](repeating: 0xFF, count: 256)
    for (value, digit) in alphabet.enumerated() { table[Int(digit)] = UInt8(value) }
    table[Int(UInt8(ascii: "="))] = 0
    return table
  }()

  /// The Swift string-literal body (without quotes) that `decode` turns back into `bytes`.
  public static func literal(_ bytes: [UInt8]) -> String {
    var out: [UInt8] = []
    out.reserveCapacity((bytes.count + 2) / 3 * 4)
    var index = 0
    while index < bytes.count {
      let available = min(3, bytes.count - index)
      let group =
        UInt32(bytes[index]) << 16 | UInt32(available > 1 ? bytes[index + 1] : 0) << 8
        | UInt32(available > 2 ? bytes[index + 2] : 0)
      for digit in 0..<4 {
        out.append(digit <= available ? alphabet[Int(group >> UInt32(18 - 6 * digit) & 0x3F)] : UInt8(ascii: "="))
      }
      index += 3
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The bytes of a literal made by `literal`, given its UTF-8; nil when it is not base64 of `count`
  /// bytes. A literal damaged into other base64 digits is told by `checksum`. Four digits at a time
  /// (one load, four table look-ups, no branch): about 1 ms for the 2 MB of the lexicons.
  public static func decode(_ utf8: UnsafeBufferPointer<UInt8>, count: Int) -> [UInt8]? {
    guard count >= 0, utf8.count == (count + 2) / 3 * 4 else { return nil }
    let groups = utf8.count / 4
    var invalid: UInt8 = 0
    var work = [UInt8](repeating: 0, count: groups * 3)
    values.withUnsafeBufferPointer { values in
      work.withUnsafeMutableBufferPointer { out in
        guard let source = utf8.baseAddress, let target = out.baseAddress else { return }
        let raw = UnsafeRawPointer(source)
        let table = values.baseAddress!
        for group in 0..<groups {
          let word = raw.loadUnaligned(fromByteOffset: 4 * group, as: UInt32.self)
          let a = UInt32(table[Int(word & 0xFF)])
          let b = UInt32(table[Int(word >> 8 & 0xFF)])
          let c = UInt32(table[Int(word >> 16 & 0xFF)])
          let d = UInt32(table[Int(word >> 24)])
          let joined = a << 18 | b << 12 | c << 6 | d
          invalid |= UInt8(truncatingIfNeeded: (a | b | c | d) & 0x80)
          target[3 * group] = UInt8(truncatingIfNeeded: joined >> 16)
          target[3 * group + 1] = UInt8(truncatingIfNeeded: joined >> 8)
          target[3 * group + 2] = UInt8(truncatingIfNeeded: joined)
        }
      }
    }
    guard invalid == 0 else { return nil }
    work.removeLast(work.count - count)
    return work
  }
}

extension EmbeddedBytes {
  /// Text files as one blob: each file's relative path, a NUL, its text, a NUL.
  public static func archive(_ files: [(path: String, text: String)]) -> [UInt8] {
    var bytes: [UInt8] = []
    for file in files {
      bytes += file.path.utf8
      bytes.append(0)
      bytes += file.text.utf8
      bytes.append(0)
    }
    return bytes
  }

  /// Where each file's text is in an `archive`, by relative path; nil when the blob is not one (an
  /// odd number of parts, a missing final NUL, a path that is not UTF-8). The texts are checked as
  /// they are read (`text(_:in:)`).
  public static func unarchive(_ bytes: [UInt8]) -> [String: Range<Int>]? {
    guard bytes.isEmpty || bytes.last == 0 else { return nil }
    var files: [String: Range<Int>] = [:]
    var start = 0
    var path: String?
    for index in bytes.indices where bytes[index] == 0 {
      if let name = path {
        files[name] = start..<index
        path = nil
      } else {
        guard index > start, let name = String(validating: bytes[start..<index], as: UTF8.self) else { return nil }
        path = name
      }
      start = index + 1
    }
    return path == nil ? files : nil
  }

  /// The text at `range` of an archive; nil when it is not UTF-8.
  public static func text(_ range: Range<Int>, in bytes: [UInt8]) -> String? {
    String(validating: bytes[range], as: UTF8.self)
  }
}
