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
