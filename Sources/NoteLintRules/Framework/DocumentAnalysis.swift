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
    let noteDate = Self.noteDate(document)
    let context = DateContext(
      reference: noteDate ?? options.today, order: options.dateOrder,
      sprintLengthDays: options.sprintLengthDays)
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
    // Items under a heading of done work ("Attività svolte", "Completed") report, they do not plan.
    for index in items.indices where reader.sectionOf[items[index].block]?.kind == "done" {
      items[index].done = true
    }
    self.actionItems = items
    self.itemStatements = items.map { item in
      var extra = ["src=\(item.source.rawValue)"]
      if item.hasOwner { extra.append("owner") }
      if item.speakerOwned { extra.append("owner=speaker") }
      if item.diffuseOwner != nil { extra.append("diffuse") }
      if item.hasDeadline { extra.append("date") }
      if item.vagueDeadline != nil { extra.append("vaguedate") }
      if item.blocks.count > 1 { extra.append("multi") }
      return reader.read(block: item.block, tokens: item.tokens, extra: extra)
    }
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

  /// The note's own date: front matter `date:`/`data:`/`start:`/`inizio:`, else a date in the file
  /// name (the reference for relative dates).
  public static func noteDate(_ document: Document) -> CivilDate? {
    if let value = document.frontMatter?.value("date", "data", "start", "inizio"),
      let date = CivilDate.parseISO(String(value.prefix(10)))
    {
      return date
    }
    let last = lastComponent(document.source.path)
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
