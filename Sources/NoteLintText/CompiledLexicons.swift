/// The lexicons of every language compiled at build time into one binary resource, so that a run
/// reads phrase hashes instead of expanding and tokenizing thousands of entries at start-up.
///
/// Layout (little-endian): magic `NLLX`, format version (u32), lexicon count (u32); each lexicon:
/// language code and name (strings), the byte length of the rest of the lexicon (u32, so that a
/// reader can index the file and decode only the lexicons a run uses), phrase count and exception
/// count (u32), then each phrase:
/// text and suggestion (strings; suggestion length `0xFFFF_FFFF` for none), hash count (u32) and
/// the hashes (u64). A string is its UTF-8 length (u32) and bytes.
public enum CompiledLexicons {
  public static let formatVersion: UInt32 = 2
  private static let magic: [UInt8] = Array("NLLX".utf8)
  private static let noString: UInt32 = 0xFFFF_FFFF

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
      body.u32(UInt32(entry.lexicon.phrases.count))
      body.u32(UInt32(entry.lexicon.exceptions.count))
      for phrase in entry.lexicon.phrases + entry.lexicon.exceptions {
        body.string(phrase.text)
        body.string(phrase.suggestion)
        body.u32(UInt32(phrase.hashes.count))
        for hash in phrase.hashes { body.u64(hash) }
      }
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

  /// Decodes the lexicon whose body is at `range` of `bytes` (from `index`).
  public static func lexicon(named name: String, in bytes: [UInt8], at range: Range<Int>) -> Lexicon? {
    guard range.lowerBound >= 0, range.upperBound <= bytes.count else { return nil }
    return bytes.withUnsafeBufferPointer { whole in
      var reader = Reader(buffer: UnsafeBufferPointer(rebasing: whole[range]))
      guard let phraseCount = reader.u32(), let exceptionCount = reader.u32() else { return nil }
      var phrases: [Phrase] = []
      var exceptions: [Phrase] = []
      phrases.reserveCapacity(Int(phraseCount))
      exceptions.reserveCapacity(Int(exceptionCount))
      for position in 0..<(Int(phraseCount) + Int(exceptionCount)) {
        guard let text = reader.string(), let suggestion = reader.optionalString(), let hashCount = reader.u32(),
          Int(hashCount) <= reader.remaining / 8
        else { return nil }
        var hashes: [UInt64] = []
        hashes.reserveCapacity(Int(hashCount))
        for _ in 0..<hashCount {
          guard let hash = reader.u64() else { return nil }
          hashes.append(hash)
        }
        let phrase = Phrase(text: text, hashes: hashes, suggestion: suggestion)
        if position < Int(phraseCount) { phrases.append(phrase) } else { exceptions.append(phrase) }
      }
      guard reader.remaining == 0 else { return nil }
      return Lexicon(name: name, phrases: phrases, exceptions: exceptions)
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
      for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func u64(_ value: UInt64) {
      for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> shift)) }
    }

    mutating func string(_ value: String?) {
      guard let value else {
        u32(CompiledLexicons.noString)
        return
      }
      u32(UInt32(value.utf8.count))
      bytes.append(contentsOf: value.utf8)
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

    mutating func u64() -> UInt64? {
      guard let raw = take(8) else { return nil }
      return UInt64(littleEndian: UnsafeRawBufferPointer(raw).loadUnaligned(as: UInt64.self))
    }

    mutating func optionalString() -> String?? {
      guard let length = u32() else { return nil }
      if length == CompiledLexicons.noString { return .some(nil) }
      guard let raw = take(Int(length)) else { return nil }
      return .some(String(decoding: raw, as: UTF8.self))
    }

    mutating func string() -> String? {
      guard let value = optionalString() else { return nil }
      return value
    }
  }
}
