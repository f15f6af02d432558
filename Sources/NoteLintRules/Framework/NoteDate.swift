import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// The note's own date and where it was read: the reference of its relative and partial dates.
///
/// Sources, first found wins: the front matter (`date:`, `data:`, `start:`, `inizio:`), the body (the
/// title or one of the first headings — "Weekly sync 4 March 2019", "Verbale della riunione del
/// 12/03/2019", a W3C scribe page's date header — or a `Date:`/`Data:` field line near the top), the
/// HTML `<title>`, an HTML `<meta name="date">`, a `YYYY-MM-DD` in the file name, else today. A date
/// in the body or the title counts only with its year written (a heading "Sprint review 4 March"
/// says nothing of the year).
public struct NoteDate: Sendable, Equatable {
  public enum Source: String, Sendable {
    case frontMatter
    case body
    case title
    case meta
    case fileName
    case today
  }

  public var date: CivilDate
  public var source: Source

  public init(date: CivilDate, source: Source) {
    self.date = date
    self.source = source
  }

  /// How many blocks from the top may hold the note's date (title, heading, field line).
  static let headBlocks = 12

  /// The note's date, or `today` (source `.today`) when the note says none.
  public static func of(_ document: Document, today: CivilDate) -> NoteDate {
    found(document) ?? NoteDate(date: today, source: .today)
  }

  /// The note's date when the note itself gives one (never `.today`).
  public static func found(_ document: Document) -> NoteDate? {
    if let value = document.frontMatter?.value("date", "data", "start", "inizio"),
      let date = CivilDate.parseISO(String(value.prefix(10))) ?? dated(value)
    {
      return NoteDate(date: date, source: .frontMatter)
    }
    if let date = bodyDate(document) { return NoteDate(date: date, source: .body) }
    if let title = document.title, let date = dated(title) { return NoteDate(date: date, source: .title) }
    if let value = document.metaDate,
      let date = CivilDate.parseISO(String(value.prefix(10))) ?? dated(value)
    {
      return NoteDate(date: date, source: .meta)
    }
    if let date = fileNameDate(document.source.path) { return NoteDate(date: date, source: .fileName) }
    return nil
  }

  /// The field labels that introduce the note's date on a line of its own.
  static let fieldLabels: Set<String> = [
    "date", "data", "meeting date", "data riunione", "data della riunione", "when",
  ]

  /// A heading among the first blocks, or a `Date:` field line, that holds a date with its year.
  static func bodyDate(_ document: Document) -> CivilDate? {
    var headings = 0
    for block in document.blocks.prefix(headBlocks) {
      let text = block.text.string
      if block.kind.isHeading {
        headings += 1
        if headings <= 3, let date = dated(text) { return date }
        continue
      }
      guard block.kind != .code else { continue }
      for line in text.split(whereSeparator: \.isNewline).prefix(4) {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let label = trim(line[..<colon]).lowercased()
          .filter { $0 != "*" && $0 != "_" }
        guard fieldLabels.contains(label) else { continue }
        let value = String(line[line.index(after: colon)...])
        if let date = CivilDate.parseISO(String(trim(value).prefix(10))) ?? dated(value) {
          return date
        }
      }
    }
    return nil
  }

  /// The first date written with its year in `text` (a day, not a period or a cadence).
  static func dated(_ text: String) -> CivilDate? {
    let scalars = Array(text.unicodeScalars).map(Folding.fold)
    // The reference does not matter: only dates with their year written are taken.
    let context = DateContext(reference: CivilDate(daysSinceEpoch: 0))
    for expression in DateParser().find(in: scalars, context: context) where expression.kind == .absolute {
      guard let date = expression.due else { continue }
      let written = String(String.UnicodeScalarView(scalars[expression.range]))
      if hasYear(written, year: date.year) { return date }
    }
    return nil
  }

  /// Whether the year of `year` is written in `text` (four digits, or two after `/`, `.`, `-` or `'`).
  static func hasYear(_ text: String, year: Int) -> Bool {
    if text.contains(String(year)) { return true }
    let short = String(format2(year % 100))
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 3 else { return false }
    let tail = String(String.UnicodeScalarView(scalars.suffix(2)))
    let separator = scalars[scalars.count - 3]
    return tail == short && "/.-'".unicodeScalars.contains(separator)
  }

  static func trim<S: StringProtocol>(_ text: S) -> String {
    String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
  }

  private static func format2(_ value: Int) -> String {
    value < 10 ? "0\(value)" : String(value)
  }

  /// A `YYYY-MM-DD` in the last component of the path.
  static func fileNameDate(_ path: String) -> CivilDate? {
    let last = lastComponent(path)
    let bytes = Array(last.utf8)
    if bytes.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) {
      // ASCII without a carriage return (the usual name): one character a byte, no grapheme breaking.
      var index = 0
      while index + 10 <= bytes.count {
        if bytes[index + 4] == UInt8(ascii: "-"), bytes[index + 7] == UInt8(ascii: "-"),
          let date = CivilDate.parseISO(String(decoding: bytes[index..<(index + 10)], as: UTF8.self))
        {
          return date
        }
        index += 1
      }
      return nil
    }
    let name = Array(last)
    var index = 0
    while index + 10 <= name.count {
      // `YYYY-MM-DD`: no string is built where the dashes are missing.
      if name[index + 4] == "-", name[index + 7] == "-",
        let date = CivilDate.parseISO(String(name[index..<(index + 10)]))
      {
        return date
      }
      index += 1
    }
    return nil
  }

  /// The last component of a path, as `path.split(separator: "/").last` gives it: an ASCII path
  /// (the usual one, where every byte is a character) is split on its bytes, without breaking the
  /// whole path into characters.
  private static func lastComponent(_ path: String) -> Substring {
    guard path.utf8.allSatisfy({ $0 < 0x80 }) else { return path.split(separator: "/").last ?? "" }
    return path.utf8.split(separator: UInt8(ascii: "/")).last.map { Substring($0) } ?? ""
  }
}
