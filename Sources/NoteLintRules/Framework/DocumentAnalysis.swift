import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// Everything computed once per document and shared by all rules: the language, each block's
/// tokens and sentences, and (built on those) the action items.
public final class DocumentAnalysis: Sendable {
  public let document: Document
  public let language: Language
  public let resources: LanguageResources
  /// One analysis per block; empty for code blocks.
  public let blocks: [TextAnalysis]
  /// For each block, the union of its tokens' filters: a lexicon whose bit is not in it has no
  /// match in the block (see `Lexicon.mayMatch(filter:)`).
  public let blockFilters: [UInt64]
  /// For each block, whether it is prose (see `isProse`).
  private let prose: [Bool]
  /// The nested list items of each list item that has some, in document order.
  let children: [Int: [Int]]
  public let actionItems: [ActionItem]
  /// The statement each action item makes (same order as `actionItems`).
  public let itemStatements: [Statement]
  /// Speaker turns (transcripts, scribe minutes).
  public let transcript: Transcript
  /// Reads the statement of any sentence or item of the document.
  public let statements: StatementReader
  /// The pact read from the document (fields found even in a note; `kind` says whether it is one).
  public let pact: Pact
  public let kind: DocumentKind
  /// The note's own date (front matter, file name), else today: relative dates resolve against it.
  public let dateContext: DateContext
  /// The note's own date and where it was read (`.today` when the note gives none).
  public let noteDateSource: NoteDate
  /// For each block, the indices of the action items that include it.
  private let actionsByBlock: [Int: [Int]]
  /// For each block whose own items cover ranges of its tokens that do not overlap: those items
  /// sorted by their first token, so that `actionItem(block:token:)` is a binary search (a paragraph
  /// can hold thousands of sentence-level items).
  private let disjointItemsByBlock: [Int: (whole: Int?, own: [Int])]

  public init(document: Document, language: Language? = nil, options: RuleOptions) {
    self.document = document
    let tokenizer = LanguageResources.sharedTokenizer
    let blocks = document.blocks.map { block in
      TextAnalysis(text: block.kind == .code ? MappedText() : block.text, tokenizer: tokenizer)
    }
    self.blocks = blocks
    let filters = blocks.map { Lexicon.filter(of: $0.tokens) }
    self.blockFilters = filters
    self.prose = document.blocks.map(Self.isProse)
    var children: [Int: [Int]] = [:]
    for child in document.blocks.indices {
      if let parent = document.blocks[child].list?.parent { children[parent, default: []].append(child) }
    }
    self.children = children
    let configured =
      language
      ?? document.frontMatter?.value("lang", "language", "lingua").flatMap(
        LanguageDetector.parse)
    let detected = configured ?? LanguageDetector.detect(blocks)
    self.language = detected
    self.resources = LanguageResources.shared(detected)
    let found = NoteDate.found(document)
    let noteDate = found?.date
    self.noteDateSource = found ?? NoteDate(date: options.today, source: .today)
    let context = DateContext(
      reference: noteDate ?? options.today, order: Self.dateOrder(document, blocks: blocks, options: options),
      sprintLengthDays: Self.sprintLength(document) ?? options.sprintLengthDays,
      sprintOne: Self.sprintStart(document))
    self.dateContext = context
    let detector = ActionDetector(
      document: document, blocks: blocks, blockFilters: filters, resources: resources, dateContext: context,
      configuredRoster: options.roster)
    let lexicons = ActionLexicons.shared(detected)
    let transcript = Transcript(
      document: document, blocks: blocks, roster: detector.roster,
      fieldLabels: lexicons.ownerLabels + lexicons.deadlineLabels + lexicons.actionPrefixes + lexicons.fieldLabels)
    self.transcript = transcript
    let reader = StatementReader(
      document: document, blocks: blocks, transcript: transcript, language: detected,
      actionHeadings: lexicons.actionHeadings, decisionMarkers: lexicons.decisionMarkers,
      doneHeadings: lexicons.doneHeadings)
    self.statements = reader
    var items = detector.detect(transcript: transcript)
    // One statement per item, read once: the rules, the model and the done marks below use it.
    let statements = items.map { item in
      var extra = ["src=\(item.source.rawValue)"]
      if item.hasOwner { extra.append("owner") }
      if item.speakerOwned { extra.append("owner=speaker") }
      if item.diffuseOwner != nil { extra.append("diffuse") }
      if item.hasDeadline { extra.append("date") }
      if item.vagueDeadline != nil { extra.append("vaguedate") }
      if item.blocks.count > 1 { extra.append("multi") }
      return reader.read(block: item.block, tokens: item.tokens, extra: extra)
    }
    self.itemStatements = statements
    // Items under a heading of done work ("Attività svolte", "Completed") report, they do not plan.
    for index in items.indices where reader.sectionOf[items[index].block]?.kind == "done" {
      items[index].done = true
    }
    // "Sono state mostrate le funzionalità implementate:", "We reviewed:": a list introduced by a
    // report of past work lists what was done.
    var leadIns: [Int: Bool] = [:]
    for index in items.indices
    where !items[index].done && items[index].source != .task && items[index].source != .commitment {
      guard document.blocks[items[index].block].kind == .listItem else { continue }
      var probe = items[index].block - 1
      while probe >= 0, document.blocks[probe].kind == .listItem { probe -= 1 }
      guard probe >= 0, document.blocks[probe].kind == .paragraph else { continue }
      let isReport =
        leadIns[probe]
        ?? {
          let text = blocks[probe]
          guard let last = text.tokens.last(where: { $0.kind != .placeholder }), last.kind == .punctuation,
            text.text.scalars[Int(last.start)] == ":"
          else { return false }
          let sentence = text.sentence(containing: text.tokens.count - 1)
          return reader.read(block: probe, tokens: sentence).kind == .report
        }()
      leadIns[probe] = isReport
      if isReport { items[index].done = true }
    }
    // Items written in the past tense report done work, like `- [x]` (categories.md §6): "Amara
    // interviewed four teams", "Lukas did not finish the proposal; it moves to this meeting".
    // An unchecked box says the work is open ("- [ ] worked example for the date picker").
    for index in items.indices
    where !items[index].done && items[index].source != .commitment
      && items[index].source != .task
    {
      if statements[index].kind == .report {
        items[index].done = true
      }
    }
    // "(done 12 Nov)", "fatto il 3 marzo": an item whose dates say when it was done, and none when it is due.
    for index in items.indices where !items[index].done {
      let roles = items[index].deadlines.map { expression in
        let block =
          ([items[index].block] + items[index].blocks).first { blocks[$0].folded.count >= expression.range.upperBound }
          ?? items[index].block
        return DateRoles.role(of: expression, in: blocks[block].folded)
      }
      if roles.contains(.completion), !roles.contains(.deadline) { items[index].done = true }
    }
    self.actionItems = items
    var byBlock: [Int: [Int]] = [:]
    for (position, item) in items.enumerated() {
      for block in item.blocks { byBlock[block, default: []].append(position) }
    }
    self.actionsByBlock = byBlock
    var disjoint: [Int: (whole: Int?, own: [Int])] = [:]
    for (block, positions) in byBlock {
      let own = positions.filter { items[$0].block == block && !items[$0].tokens.isEmpty }
        .sorted { items[$0].tokens.lowerBound < items[$1].tokens.lowerBound }
      if zip(own, own.dropFirst()).allSatisfy({ items[$0].tokens.upperBound <= items[$1].tokens.lowerBound }) {
        // The first item that covers the whole block: one of another block, or without tokens.
        let whole = positions.first { items[$0].block != block || items[$0].tokens.isEmpty }
        disjoint[block] = (whole, own)
      }
    }
    self.disjointItemsByBlock = disjoint
    let extractor = PactExtractor(document: document, blocks: blocks, language: detected)
    self.pactReader = extractor
    let pact = extractor.extract(options: options, noteDate: noteDate)
    self.pact = pact
    self.kind = PactRecognizer.kind(of: document, pact: pact)
    // Without the configured roster, as before: only the note's own front matter names people here.
    self.ownerProbe = ActionDetector(
      document: document, blocks: blocks, blockFilters: filters, resources: resources, dateContext: context)
  }

  /// The owner logic of the action detector, for rules that judge owners elsewhere (phases, triggers).
  let ownerProbe: ActionDetector

  /// Tools for reading pact fields (dates, text).
  let pactReader: PactExtractor

  /// The matches of a lexicon in a block (or a range of it), with no look-up at all in a block
  /// where none of its phrases can start.
  public func matches(_ lexicon: Lexicon, block: Int, range: Range<Int>? = nil) -> [PhraseMatch] {
    guard lexicon.mayMatch(filter: blockFilters[block]) else { return [] }
    return lexicon.matches(in: blocks[block].tokens, range: range)
  }

  /// The date order of a note: `date-order` in its front matter, else the configured month-first,
  /// else month-first when the note says `lang: en-US` or writes a date that only reads month-first
  /// (`12/25/2026`) and none that only reads day-first; day-first otherwise.
  static func dateOrder(_ document: Document, blocks: [TextAnalysis], options: RuleOptions) -> DateOrder {
    if let value = document.frontMatter?.value("date-order", "date_order", "ordine-date")?.lowercased() {
      if ["month-first", "mdy", "us"].contains(value) { return .monthFirst }
      if ["day-first", "dmy"].contains(value) { return .dayFirst }
    }
    if options.dateOrder == .monthFirst { return .monthFirst }
    if let lang = document.frontMatter?.value("lang", "language", "locale")?.lowercased(),
      lang == "en-us" || lang == "en_us"
    {
      return .monthFirst
    }
    var monthFirst = false
    for block in document.blocks where block.kind != .code {
      switch NumericDateOrder.evidence(in: block.text.scalars) {
      case .dayFirst: return .dayFirst
      case .monthFirst: monthFirst = true
      case nil: break
      }
    }
    return monthFirst ? .monthFirst : .dayFirst
  }

  /// `sprint.length-days` / `sprint-length` in the front matter.
  static func sprintLength(_ document: Document) -> Int? {
    guard let value = document.frontMatter?.value("sprint.length-days", "sprint.length", "sprint-length"),
      let days = Int(value), (1...366).contains(days)
    else { return nil }
    return days
  }

  /// The first day of sprint 1: `sprint.start` in the front matter is the start of sprint
  /// `sprint.number` (1 unless given).
  static func sprintStart(_ document: Document) -> CivilDate? {
    guard let value = document.frontMatter?.value("sprint.start", "sprint-start", "sprint.inizio"),
      let start = CivilDate.parseISO(String(value.prefix(10)))
    else { return nil }
    let number = document.frontMatter?.value("sprint.number", "sprint.numero").flatMap { Int($0) } ?? 1
    let length = sprintLength(document) ?? 14
    return CivilDate(daysSinceEpoch: start.daysSinceEpoch - (number - 1) * length)
  }

  /// The note's own date when the note gives one (front matter, body, title, meta, file name).
  public static func noteDate(_ document: Document) -> CivilDate? {
    NoteDate.found(document)?.date
  }

  /// The deadline of an item among its dates (`DateRoles.deadline`): not a completion, "since" or
  /// absence date. Each date is read in the first of the item's blocks whose text holds its range.
  public func deadline(of item: ActionItem) -> DateExpression? {
    DateRoles.deadline(
      among: item.deadlines.map { expression in
        let block =
          ([item.block] + item.blocks).first { blocks[$0].folded.count >= expression.range.upperBound } ?? item.block
        return (expression, blocks[block].folded)
      })
  }

  /// The action item that covers a token of a block, if any.
  public func actionItem(block: Int, token: Int) -> ActionItem? {
    guard let candidates = actionsByBlock[block] else { return nil }
    guard let (whole, own) = disjointItemsByBlock[block] else {
      for position in candidates {
        let item = actionItems[position]
        if item.block != block || item.tokens.contains(token) || item.tokens.isEmpty { return item }
      }
      return nil
    }
    // The first in document order of the item that covers the whole block and the one that covers the token.
    var low = 0
    var high = own.count
    while low < high {
      let middle = (low + high) / 2
      if actionItems[own[middle]].tokens.upperBound <= token { low = middle + 1 } else { high = middle }
    }
    let covering = low < own.count && actionItems[own[low]].tokens.contains(token) ? own[low] : nil
    guard let position = [whole, covering].compactMap({ $0 }).min() else { return nil }
    return actionItems[position]
  }

  /// Whether a block's text is prose that line-level rules read (not code, not a heading, not a
  /// table header cell).
  public func isProse(_ index: Int) -> Bool {
    prose[index]
  }

  private static func isProse(_ block: Block) -> Bool {
    switch block.kind {
    case .code, .heading: return false
    case .tableCell: return !(block.cell?.isHeader ?? false)
    case .paragraph, .listItem: return true
    }
  }
}
