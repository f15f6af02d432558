import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// The fields a one-page pact can have.
public enum PactFieldKind: String, Sendable, CaseIterable {
  case problem
  case decision
  case data
  case owner
  case deadline
  case start
  case kpi
  case baseline
  case target
  case technicalCheckpoint = "technical-checkpoint"
  case businessCheckpoint = "business-checkpoint"
  case checkpoints
  case review
  case phases
  case trigger
  case sprintLength = "sprint-length"

  /// The five fields every pact must have.
  public static let required: [PactFieldKind] = [.problem, .decision, .data, .owner, .deadline]

  /// Fields whose value is a list of sub-entries ("Data: Tomasz", "Technical, 2 Dec — Aisha").
  var isContainer: Bool {
    self == .phases || self == .checkpoints || self == .trigger || self == .review
  }

  public var localizedName: Localized {
    switch self {
    case .problem: return Localized(en: "problem", it: "problema")
    case .decision: return Localized(en: "decision", it: "decisione")
    case .data: return Localized(en: "data", it: "dati")
    case .owner: return Localized(en: "owner", it: "responsabile")
    case .deadline: return Localized(en: "deadline", it: "scadenza")
    case .start: return Localized(en: "start", it: "inizio")
    case .kpi: return Localized(en: "KPI", it: "KPI")
    case .baseline: return Localized(en: "baseline", it: "baseline")
    case .target: return Localized(en: "target", it: "target")
    case .technicalCheckpoint: return Localized(en: "technical checkpoint", it: "checkpoint tecnico")
    case .businessCheckpoint: return Localized(en: "business checkpoint", it: "checkpoint di business")
    case .checkpoints: return Localized(en: "checkpoints", it: "checkpoint")
    case .review: return Localized(en: "numbers review", it: "revisione dei numeri")
    case .phases: return Localized(en: "phase owners", it: "responsabili per fase")
    case .trigger: return Localized(en: "triggers", it: "trigger")
    case .sprintLength: return Localized(en: "sprint length", it: "durata sprint")
    }
  }
}

/// A piece of text in a block: a token range and the line it starts on.
public struct TextSpan: Sendable {
  public var block: Int
  public var tokens: Range<Int>
  public var line: Int
}

extension TextSpan {
  /// The span to report for an entry: the field's label line when the entry sits on it.
  func label(in field: PactField) -> TextSpan {
    if let label = field.label, label.line == line, label.block == block { return label }
    return self
  }
}

/// One field of a pact: where its label is and the pieces of its value.
public struct PactField: Sendable {
  public var kind: PactFieldKind
  public var line: Int
  /// The value: the rest of the label's line, or the lines/items/cells below a heading.
  public var entries: [TextSpan]
  /// The label's own line or heading ("**Checkpoint tecnico (2026-12-02):**" carries a date).
  public var label: TextSpan?
}

/// A one-page project pact, read from a document.
public struct Pact: Sendable {
  public var titleLine: Int
  public var fields: [PactField]
  public var words: Int
  public var start: CivilDate?
  public var sprintLengthDays: Int

  public func fields(_ kind: PactFieldKind) -> [PactField] { fields.filter { $0.kind == kind } }
  public func field(_ kind: PactFieldKind) -> PactField? { fields.first { $0.kind == kind } }
}

/// Reads the fields of a pact from any of the forms teams write them in: headings, `Name:` lines
/// (bold or not), definition-like paragraphs, and two-column tables, in Markdown and HTML.
struct PactExtractor {
  let document: Document
  let blocks: [TextAnalysis]
  let language: Language

  /// Field names of both languages: lexicon and, per phrase, its kind.
  private static let names: [(lexicon: Lexicon, kinds: [PactFieldKind])] = Language.allCases.map { language in
    var phrases: [Phrase] = []
    var kinds: [PactFieldKind] = []
    let tokenizer = LanguageResources.sharedTokenizer
    var seen = Set<[UInt64]>()
    for line in LanguageResources.lines(of: "lexicons/\(language.rawValue)/pact-fields.txt") {
      guard let colon = line.firstIndex(of: ":"), let kind = PactFieldKind(rawValue: String(line[..<colon])) else {
        continue
      }
      for name in line[line.index(after: colon)...].split(separator: ",") {
        let phrase = name.split(separator: " ").joined(separator: " ")
        let hashes = Lexicon.phraseHashes(phrase, tokenizer: tokenizer)
        guard !hashes.isEmpty, seen.insert(hashes).inserted else { continue }
        phrases.append(Phrase(text: phrase, hashes: hashes, suggestion: nil))
        kinds.append(kind)
      }
    }
    return (Lexicon(name: "pact-fields", phrases: phrases, exceptions: []), kinds)
  }

  /// What a checkpoint asks (`checkpoint-cues.txt` of both languages), per kind: read when a line
  /// of a governance list names no checkpoint ("Weekly model check every Thursday: do the data
  /// suffice, does the model hold?").
  static let checkpointCues: [PactFieldKind: Lexicon] = {
    var phrases: [PactFieldKind: [Phrase]] = [:]
    let tokenizer = LanguageResources.sharedTokenizer
    for language in Language.allCases {
      for line in LanguageResources.lines(of: "lexicons/\(language.rawValue)/checkpoint-cues.txt") {
        guard let colon = line.firstIndex(of: ":") else { continue }
        let kind: PactFieldKind
        switch line[..<colon] {
        case "technical": kind = .technicalCheckpoint
        case "business": kind = .businessCheckpoint
        default: continue
        }
        for cue in line[line.index(after: colon)...].split(separator: ",") {
          let phrase = cue.split(separator: " ").joined(separator: " ")
          let hashes = Lexicon.phraseHashes(phrase, tokenizer: tokenizer)
          if !hashes.isEmpty {
            phrases[kind, default: []].append(Phrase(text: phrase, hashes: hashes, suggestion: nil))
          }
        }
      }
    }
    return phrases.mapValues { Lexicon(name: "checkpoint-cues", phrases: $0, exceptions: []) }
  }()

  /// A field name at the start of `range`: its kind and where the name ends.
  func label(in text: TextAnalysis, range: Range<Int>) -> (kind: PactFieldKind, end: Int)? {
    var start = range.lowerBound
    // Skip numbering ("1.", "2)") and decoration.
    while start < range.upperBound,
      text.tokens[start].kind == .punctuation || text.tokens[start].kind == .number
        || text.tokens[start].kind == .placeholder
    {
      start += 1
    }
    guard start < range.upperBound else { return nil }
    var best: (kind: PactFieldKind, end: Int)?
    for entry in Self.names {
      if let match = entry.lexicon.firstMatch(in: text.tokens, at: start, limit: range.upperBound),
        match.phrase < entry.kinds.count
      {
        if best == nil || match.tokens.upperBound > best!.end {
          best = (entry.kinds[match.phrase], match.tokens.upperBound)
        }
      }
    }
    return best
  }

  /// Whether a label is followed by a separator (":", "—") or stands alone.
  private func separatorEnd(_ text: TextAnalysis, after end: Int, range: Range<Int>) -> (isLabel: Bool, valueStart: Int)
  {
    var position = end
    // "Checkpoint tecnico (metà sprint):" — a short parenthesis between name and colon.
    if position < range.upperBound, text.text.scalars[Int(text.tokens[position].start)] == "(" {
      var close = position
      while close < range.upperBound, close - position < 8, text.text.scalars[Int(text.tokens[close].start)] != ")" {
        close += 1
      }
      if close < range.upperBound { position = close + 1 }
    }
    if position >= range.upperBound { return (true, position) }
    let token = text.tokens[position]
    if token.kind == .punctuation, ":—–=".unicodeScalars.contains(text.text.scalars[Int(token.start)]) {
      return (true, position + 1)
    }
    return (false, position)
  }

  /// Splits a block into its source lines (a paragraph of `Name: value` lines is several fields):
  /// their token ranges (`span` gives the line of one that becomes part of a field).
  private func lineUnits(_ index: Int) -> [Range<Int>] {
    let tokens = blocks[index].tokens
    var units: [Range<Int>] = []
    var start = 0
    for position in tokens.indices where position > start && tokens[position].followsLineBreak {
      units.append(start..<position)
      start = position
    }
    if start < tokens.count { units.append(start..<tokens.count) }
    return units
  }

  func span(_ block: Int, _ tokens: Range<Int>) -> TextSpan {
    let text = blocks[block]
    let line =
      tokens.isEmpty
      ? document.blocks[block].start.line : text.text.position(at: Int(text.tokens[tokens.lowerBound].start)).line
    return TextSpan(block: block, tokens: tokens, line: line)
  }

  func extract(options: RuleOptions, noteDate: CivilDate?) -> Pact {
    var fields: [PactField] = []
    var isTableCell = [Bool](repeating: false, count: document.blocks.count)
    // Two-column tables: | Campo | Valore |.
    for table in document.tables {
      // Tables read by their header: | KPI | Baseline | Target al 31/03/2027 |, | Ruolo | Responsabile |.
      // Each labelled column's cells are entries of that field, the header cell its label (which
      // may carry a date).
      if let columns = headerFields(table) {
        for (rowIndex, row) in table.rows.enumerated().dropFirst() {
          let line = rowIndex < table.rowLines.count ? table.rowLines[rowIndex] : document.blocks[row[0]].start.line
          for (column, kind) in columns where column < row.count && !blocks[row[column]].tokens.isEmpty {
            let header = table.rows[0][column]
            fields.append(
              PactField(
                kind: kind, line: line, entries: [span(row[column], 0..<blocks[row[column]].tokens.count)],
                label: span(header, 0..<blocks[header].tokens.count)))
          }
        }
        for row in table.rows { for cell in row { isTableCell[cell] = true } }
        continue
      }
      for (rowIndex, row) in table.rows.enumerated() where row.count >= 2 {
        let first = blocks[row[0]]
        guard let found = label(in: first, range: 0..<first.tokens.count),
          found.end >= first.tokens.count - 1
        else { continue }
        let line = rowIndex < table.rowLines.count ? table.rowLines[rowIndex] : document.blocks[row[0]].start.line
        let entries = row.dropFirst().map { span($0, 0..<blocks[$0].tokens.count) }
        fields.append(
          PactField(kind: found.kind, line: line, entries: entries, label: span(row[0], 0..<first.tokens.count)))
      }
      for row in table.rows { for cell in row { isTableCell[cell] = true } }
    }
    // Headings, label lines and the blocks under them.
    // The field whose value continues below: its heading level, or the list item that labels it.
    var open: (field: Int, level: Int?, labelItem: Int?)?
    for index in document.blocks.indices where !isTableCell[index] {
      let kind = document.blocks[index].kind
      if kind == .code { continue }
      let text = blocks[index]
      if let level = document.blocks[index].headingLevel {
        if let found = label(in: text, range: 0..<text.tokens.count),
          separatorEnd(text, after: found.end, range: 0..<text.tokens.count).valueStart >= text.tokens.count - 1
            || found.end >= text.tokens.count - 2
        {
          fields.append(
            PactField(
              kind: found.kind, line: document.blocks[index].start.line, entries: [],
              label: span(index, 0..<text.tokens.count)))
          open = (fields.count - 1, level, nil)
        } else if let current = open, current.level == nil || level <= current.level! {
          open = nil
        }
        continue
      }
      // A container labelled on a line of its own takes the list that follows (or, when the label
      // is a list item, its sub-items) and ends at the next paragraph or sibling item.
      if let current = open, current.level == nil, fields[current.field].kind.isContainer {
        let belongs: Bool
        if let labelItem = current.labelItem {
          belongs = isDescendant(index, of: labelItem)
        } else {
          belongs = kind == .listItem
        }
        if !belongs { open = nil }
      }
      for unit in lineUnits(index) {
        // Inside a container (phases, checkpoints, triggers) a list item is an entry, even when it
        // starts with a field name ("Data: Tomasz").
        if let current = open, fields[current.field].kind.isContainer, kind == .listItem,
          index != current.labelItem
        {
          fields[current.field].entries.append(span(index, unit))
          continue
        }
        if let found = label(in: text, range: unit) {
          let separator = separatorEnd(text, after: found.end, range: unit)
          if separator.isLabel {
            let labelSpan = span(index, unit)
            var field = PactField(kind: found.kind, line: labelSpan.line, entries: [], label: labelSpan)
            let labelItem = kind == .listItem ? index : nil
            if separator.valueStart < unit.upperBound {
              field.entries.append(span(index, separator.valueStart..<unit.upperBound))
              fields.append(field)
              open = field.kind.isContainer ? (fields.count - 1, nil, labelItem) : nil
            } else {
              fields.append(field)
              open = (fields.count - 1, nil, labelItem)
            }
            continue
          }
        }
        if let current = open {
          fields[current.field].entries.append(span(index, unit))
          // A label with its value below ends at the first paragraph unless it is a heading.
          if current.level == nil, kind == .paragraph, !fields[current.field].kind.isContainer {
            open = nil
          }
        }
      }
    }
    fields.sort { $0.line < $1.line }
    let titleLine = document.blocks.first { $0.kind.isHeading }?.start.line ?? 1
    var words = 0
    for (index, text) in blocks.enumerated() where document.blocks[index].kind != .code {
      words += text.tokens.reduce(0) { $0 + ($1.kind == .word || $1.kind == .number ? 1 : 0) }
    }
    var pact = Pact(
      titleLine: titleLine, fields: fields, words: words, start: nil, sprintLengthDays: options.sprintLengthDays)
    pact.start = startDate(pact, noteDate: noteDate)
    if let days = sprintLength(pact) { pact.sprintLengthDays = days }
    return pact
  }

  /// The columns of a table whose header cells name pact fields, when the table is read by its
  /// header: its first column holds no field names (else it is a `| Campo | Valore |` table), and
  /// either two header cells name fields, one of them a measure (KPI, baseline, target), or the
  /// table has two columns and one of them names the owner ("| Ruolo | Responsabile |").
  private func headerFields(_ table: Table) -> [(Int, PactFieldKind)]? {
    guard let header = table.rows.first, header.count >= 2, table.rows.count >= 2 else { return nil }
    let rowLabels = table.rows.dropFirst().contains { row in
      guard let first = row.first else { return false }
      return label(in: blocks[first], range: 0..<blocks[first].tokens.count) != nil
    }
    guard !rowLabels else { return nil }
    var columns: [(Int, PactFieldKind)] = []
    for (column, cell) in header.enumerated() {
      let text = blocks[cell]
      var start = 0
      while start < text.tokens.count, text.tokens[start].kind != .word { start += 1 }
      guard start < text.tokens.count, let found = label(in: text, range: start..<text.tokens.count) else { continue }
      switch found.kind {
      case .kpi, .baseline, .target, .owner, .deadline, .problem, .decision, .data: columns.append((column, found.kind))
      default: continue
      }
    }
    // An action table (| Attività | Responsabile | Scadenza |) lists work, not the pact's fields.
    let measures = columns.contains { $0.1 == .kpi || $0.1 == .baseline || $0.1 == .target }
    if columns.count >= 2, measures { return columns }
    if header.count == 2, columns.count == 1, columns[0].1 == .owner { return columns }
    return nil
  }

  private func isDescendant(_ index: Int, of ancestor: Int) -> Bool {
    var current = document.blocks[index].list?.parent
    while let parent = current {
      if parent == ancestor { return true }
      current = document.blocks[parent].list?.parent
    }
    return false
  }

  /// Front matter `start:`, a Start/Inizio field, else the note's own date.
  private func startDate(_ pact: Pact, noteDate: CivilDate?) -> CivilDate? {
    if let value = document.frontMatter?.value("start", "inizio", "start_date", "avvio"),
      let date = CivilDate.parseISO(String(value.prefix(10)))
    {
      return date
    }
    if let field = pact.field(.start),
      let date = dates(field, reference: noteDate ?? CivilDate(daysSinceEpoch: 0)).first?.due
    {
      return date
    }
    return noteDate
  }

  /// "sprint: 2 weeks", "durata sprint: 10 giorni" (front matter or field).
  private func sprintLength(_ pact: Pact) -> Int? {
    var candidates: [String] = []
    if let value = document.frontMatter?.value("sprint", "sprint-length", "sprint_length", "durata-sprint") {
      candidates.append(value)
    }
    if let field = pact.field(.sprintLength) { candidates.append(text(field)) }
    for candidate in candidates {
      let parts = candidate.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber })
      guard let number = parts.lazy.compactMap({ Int($0) }).first, number > 0 else { continue }
      let isWeeks = parts.contains { $0.hasPrefix("week") || $0.hasPrefix("settiman") || $0 == "w" }
      return isWeeks ? number * 7 : number
    }
    return nil
  }

  func text(_ field: PactField) -> String {
    field.entries.map { blocks[$0.block].text.string(blocks[$0.block].scalarRange($0.tokens)) }.joined(separator: " ")
  }

  func dates(_ field: PactField, reference: CivilDate) -> [DateExpression] {
    field.entries.flatMap { dates(in: $0, reference: reference) }
  }

  func dates(in span: TextSpan, reference: CivilDate) -> [DateExpression] {
    let text = blocks[span.block]
    let range = text.scalarRange(span.tokens)
    guard !range.isEmpty else { return [] }
    return DateParser().find(in: Array(text.folded[range]), context: DateContext(reference: reference))
  }
}
