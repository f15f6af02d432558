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
    var writer = Writer()
    writer.bytes.append(contentsOf: magic)
    writer.u32(formatVersion)
    writer.u32(UInt32(entries.count))
    for entry in entries {
      writer.string(entry.language)
      writer.string(entry.lexicon.name)
      var body = Writer()
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
      var reader = Reader(buffer: buffer)
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
      var reader = Reader(buffer: UnsafeBufferPointer(rebasing: whole[range]))
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

  private struct Writer {
    var bytes: [UInt8] = []

    mutating func u32(_ value: UInt32) {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    mutating func string(_ value: String) {
      u32(UInt32(value.utf8.count))
      bytes.append(contentsOf: value.utf8)
    }

    mutating func array<T: FixedWidthInteger>(_ values: [T]) {
      u32(UInt32(values.count))
      for value in values { withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) } }
    }

    mutating func table(_ table: PhraseTable) {
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

  private struct Reader {
    let buffer: UnsafeBufferPointer<UInt8>
    var position = 0

    var remaining: Int { buffer.count - position }

    mutating func take(_ count: Int) -> UnsafeBufferPointer<UInt8>? {
      guard count >= 0, count <= remaining else { return nil }
      defer { position += count }
      return UnsafeBufferPointer(rebasing: buffer[position..<position + count])
    }

    mutating func u32() -> UInt32? {
      guard let raw = take(4) else { return nil }
      return UInt32(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(as: UInt32.self))
    }

    mutating func string() -> String? {
      guard let length = u32(), let raw = take(Int(length)) else { return nil }
      return String(decoding: raw, as: UTF8.self)
    }

    /// An array stored as its count and its little-endian elements, copied in one go.
    mutating func array<T: FixedWidthInteger>(of type: T.Type) -> [T]? {
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

    mutating func table() -> PhraseTable? {
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
}
