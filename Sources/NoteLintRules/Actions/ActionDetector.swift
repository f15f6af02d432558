import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// Finds the action items of a document (categories.md §2) and, for each, its owner and deadline
/// candidates. Runs once per document; the owner, deadline and overdue rules read its result.
struct ActionDetector {
  let document: Document
  let blocks: [TextAnalysis]
  /// For each block, the union of its tokens' filters (see `Lexicon.mayMatch(filter:)`).
  let blockFilters: [UInt64]
  let resources: LanguageResources
  let dateParser = DateParser()
  let dateContext: DateContext
  var roster: TokenSet
  /// The lexicons the detector reads, of both languages.
  let lexicons: ActionLexicons

  init(
    document: Document, blocks: [TextAnalysis], blockFilters: [UInt64], resources: LanguageResources,
    dateContext: DateContext, configuredRoster: [String] = []
  ) {
    self.document = document
    self.blocks = blocks
    self.blockFilters = blockFilters
    self.resources = resources
    self.dateContext = dateContext
    self.lexicons = ActionLexicons.shared(resources.language)
    var roster = TokenSet()
    let listed = document.frontMatter?.list("team", "owners", "roster", "people", "persone") ?? []
    for entry in listed + configuredRoster {
      for word in entry.split(whereSeparator: { !$0.isLetter && $0 != "'" && $0 != "@" }) {
        roster.insert(TokenHash.hash(word.hasPrefix("@") ? String(word.dropFirst()) : String(word)))
      }
    }
    // "Attendees: Ana, ben, Chidi" / "Presenti: …": the people at the meeting are the roster too.
    let attendeeLabels = [
      resources.lexicon("attendee-labels"),
      LanguageResources.shared(
        resources.language == .italian ? .english : .italian
      ).lexicon("attendee-labels"),
    ]
    for index in document.blocks.indices
    where document.blocks[index].kind == .paragraph
      || document.blocks[index].kind == .listItem
    {
      roster.formUnion(Self.attendees(blocks[index], labels: attendeeLabels))
    }
    self.roster = roster
  }

  private static let listJoiners = TokenSet(["and", "e", "ed", "with", "con"].map(TokenHash.hash))

  /// The names of an attendee field ("Present: Ana, ben (chair), Chidi"): every word after the
  /// label's colon outside brackets, but the joiners.
  static func attendees(_ text: TextAnalysis, labels: [Lexicon]) -> TokenSet {
    var names = TokenSet()
    guard let first = text.tokens.firstIndex(where: { $0.kind == .word }), first <= 2 else { return names }
    for lexicon in labels {
      guard let match = lexicon.firstMatch(in: text.tokens, at: first, limit: min(text.tokens.count, first + 4)),
        match.tokens.upperBound < text.tokens.count
      else { continue }
      let colon = text.tokens[match.tokens.upperBound]
      guard colon.kind == .punctuation, text.text.scalars[Int(colon.start)] == ":" else { continue }
      var depth = 0
      for token in text.tokens[(match.tokens.upperBound + 1)...] {
        if token.kind == .punctuation {
          let scalar = text.text.scalars[Int(token.start)]
          if scalar == "(" || scalar == "[" { depth += 1 }
          if scalar == ")" || scalar == "]" { depth = max(0, depth - 1) }
          continue
        }
        guard depth == 0, token.kind == .word || token.kind == .mention, !listJoiners.contains(token.hash) else {
          continue
        }
        names.insert(token.hash)
      }
      break
    }
    return names
  }

  /// The matches of a lexicon in a block (or a range of it); none at once where the block's
  /// filter shows that no phrase of it can start.
  @inline(__always)
  private func matches(_ lexicon: Lexicon, _ block: Int, range: Range<Int>? = nil) -> [PhraseMatch] {
    guard lexicon.mayMatch(filter: blockFilters[block]) else { return [] }
    return lexicon.matches(in: blocks[block].tokens, range: range)
  }

  /// The match of a lexicon that starts at `position` and comes first in `position..<limit`.
  @inline(__always)
  private func firstMatch(_ lexicon: Lexicon, _ block: Int, at position: Int, limit: Int) -> PhraseMatch? {
    guard lexicon.mayMatch(filter: blockFilters[block]) else { return nil }
    return lexicon.firstMatch(in: blocks[block].tokens, at: position, limit: limit)
  }

  func detect(transcript: Transcript? = nil) -> [ActionItem] {
    var detector = self
    detector.transcript = transcript
    // The note's speakers are its people: "amara to send the schema" is owned by the speaker amara.
    for turn in transcript?.turns.values ?? [:].values where !turn.label.isEmpty {
      for word in turn.speaker.split(whereSeparator: { !$0.isLetter && $0 != "'" }) {
        detector.roster.insert(TokenHash.hash(String(word)))
      }
    }
    return detector.detectItems()
  }

  /// Speaker turns of the document, when the caller read them.
  var transcript: Transcript?

  private func detectItems() -> [ActionItem] {
    var items: [ActionItem] = []
    let pseudoHeadings = document.blocks.indices.map { document.blocks[$0].kind == .paragraph && isPseudoHeading($0) }
    let sections = actionSections(pseudoHeadings: pseudoHeadings)
    let forms = sectionsHeaded(by: lexicons.formHeadings)
    let topics = sectionsHeaded(by: lexicons.topicHeadings)
    // Under a heading that asks a question ("Come gestire l'inoltro?"), the list items are the
    // options of its answer; a sentence there may still commit.
    var askedHeadings: [Int: Bool] = [:]
    let answers = document.blocks.indices.map { index -> Bool in
      guard let heading = document.blocks[index].section else { return false }
      if let known = askedHeadings[heading] { return known }
      let asked = isQuestion(blocks[heading], 0..<blocks[heading].tokens.count)
      askedHeadings[heading] = asked
      return asked
    }
    var consumed = [Bool](repeating: false, count: document.blocks.count)
    // Tables: rows under an action section, or tables with owner/deadline columns.
    for table in document.tables {
      guard let firstCell = table.header.first else { continue }
      let columns = tableColumns(table)
      let inSection = sections[firstCell]
      // An action table: under an action section, with both owner and deadline columns, or with
      // an action column ("Azione", "Task"). A risk log with only an owner column is not one.
      let actionColumn = table.header.contains { isActionHeading($0) }
      let decisionColumn = table.header.contains { cell in
        lexicons.decisionMarkers.contains { startsWith($0, cell) }
      }
      let strongDeadline =
        columns.deadline.map { !Self.weakDateHeaders.contains(blocks[table.header[$0]].tokens.first?.hash ?? 0) }
        ?? false
      guard inSection || (columns.owner != nil && strongDeadline && !decisionColumn) || actionColumn else {
        items.append(contentsOf: cellItems(table: table, columns: columns))
        continue
      }
      for (rowIndex, row) in table.rows.enumerated().dropFirst() {
        for cell in row { consumed[cell] = true }
        if let item = tableItem(table: table, rowIndex: rowIndex, columns: columns) { items.append(item) }
      }
      for cell in table.header { consumed[cell] = true }
    }
    for index in document.blocks.indices where !consumed[index] {
      let text = blocks[index]
      switch document.blocks[index].kind {
      case .listItem:
        guard let list = document.blocks[index].list else { continue }
        if let parent = list.parent, isMergedSubItem(parent: parent, child: index, items: items, sections: sections) {
          if let position = items.lastIndex(where: { $0.block == parent }) {
            merge(subItem: index, into: &items[position])
          }
          continue
        }
        // "- Meanwhile:", "- Announce:": a label for what follows, not an item (categories.md §6);
        // "- **Location:** Teams": a field.
        if isLeadLabel(index) || isField(index) || isNavigation(index) { continue }
        // Requirements, scope and attendance lists: only an explicit "Action: …" is an item there.
        if forms[index] || (topics[index] || answers[index]) && list.task == .none {
          if let prefixed = prefixItem(index) { items.append(prefixed) }
          continue
        }
        if list.task != .none {
          // A box beside a name ("- [ ] Wei Liu (Unit Coordinator)") is a form field: attendance.
          if isNameOnly(index) { continue }
          items.append(
            makeItem(block: index, tokens: 0..<text.tokens.count, source: .task, done: list.task == .checked))
        } else if sections[index] {
          if isMeetingOrDecision(index) { continue }
          items.append(makeItem(block: index, tokens: 0..<text.tokens.count, source: .section, done: isDone(index)))
        } else if let prefixed = prefixItem(index) {
          items.append(prefixed)
        } else if hasCommitment(text, block: index, range: 0..<text.tokens.count) {
          var item = makeItem(block: index, tokens: 0..<text.tokens.count, source: .commitment, done: false)
          // A long item whose later sentence commits ("The labs run on Docker. Need accounts on the
          // other platforms."): reported where that sentence starts.
          if text.sentences.count > 1,
            let committing = text.sentences.first(where: { hasCommitment(text, block: index, range: $0) }),
            committing != text.sentences[0]
          {
            item.start = document.blocks[index].text.position(at: Int(text.tokens[committing.lowerBound].start))
          }
          items.append(item)
        } else if let source = workItemSource(index) {
          items.append(makeItem(block: index, tokens: 0..<text.tokens.count, source: source, done: isDone(index)))
        }
      case .paragraph:
        // Under an action section only list items and table rows are actions by position; a
        // paragraph there ("Nota: …", "Prossimo comitato: …") must commit to something itself.
        if pseudoHeadings[index] { continue }
        if let prefixed = prefixItem(index) {
          items.append(prefixed)
          continue
        }
        if forms[index] || topics[index] { continue }
        for sentence in text.sentences
        where hasFewWords(index, limit: 1, numbers: false) == false && !isListLeadIn(index, sentence)
          && hasCommitment(text, block: index, range: sentence)
        {
          items.append(makeItem(block: index, tokens: sentence, source: .commitment, done: false))
        }
      default:
        continue
      }
    }
    return items
  }

  // MARK: - Sections

  /// For each block, whether it lies in an action section: under an action heading (until a heading
  /// of the same or a higher level), or right after a paragraph that is only an action label
  /// ("**Next steps:**"). `pseudoHeadings`: for each block, whether it is a paragraph that
  /// `isPseudoHeading`.
  private func actionSections(pseudoHeadings: [Bool]) -> [Bool] {
    var result = [Bool](repeating: false, count: document.blocks.count)
    var activeLevel: Int?
    var pseudoActive = false
    for index in document.blocks.indices {
      if let level = document.blocks[index].headingLevel {
        pseudoActive = false
        if let active = activeLevel, level > active {
          continue
        }
        activeLevel = isActionHeading(index) ? level : nil
        continue
      }
      if pseudoHeadings[index] {
        pseudoActive = true
        continue
      }
      if document.blocks[index].kind == .paragraph, pseudoActive {
        pseudoActive = false
      }
      if activeLevel != nil || pseudoActive {
        result[index] = true
      }
    }
    return result
  }

  /// For each block, whether its nearest heading opens a section whose items are not work, matched
  /// at the heading's first word: requirements, scope or attendance (`form-headings`); an agenda,
  /// lessons learned or open questions (`topic-headings`).
  private func sectionsHeaded(by headings: [Lexicon]) -> [Bool] {
    var known: [Int: Bool] = [:]
    return document.blocks.indices.map { index in
      guard let heading = document.blocks[index].section else { return false }
      if let answer = known[heading] { return answer }
      let tokens = blocks[heading].tokens
      var first = 0
      while first < tokens.count, tokens[first].kind != .word { first += 1 }
      let answer =
        first < tokens.count
        && headings.contains { lexicon in
          lexicon.matches(in: tokens, range: first..<min(tokens.count, first + 6)).contains {
            $0.tokens.lowerBound == first
          }
        }
      known[heading] = answer
      return answer
    }
  }

  /// Whether a block's tokens hold between 1 and `limit` tokens of the given kinds (counting
  /// stops past the limit).
  private func hasFewWords(_ index: Int, limit: Int, numbers: Bool) -> Bool {
    var count = 0
    for token in blocks[index].tokens where token.kind == .word || numbers && token.kind == .number {
      count += 1
      if count > limit { return false }
    }
    return count > 0
  }

  private func isActionHeading(_ index: Int) -> Bool {
    guard hasFewWords(index, limit: 8, numbers: true) else { return false }
    return lexicons.actionHeadings.contains { !matches($0, index).isEmpty }
  }

  /// A paragraph that is only an action-section label, like `**Next steps:**` or `Prossimi passi`.
  private func isPseudoHeading(_ index: Int) -> Bool {
    guard hasFewWords(index, limit: 5, numbers: false) else { return false }
    let tokens = blocks[index].tokens
    for lexicon in lexicons.actionHeadings {
      for match in matches(lexicon, index) where match.tokens.lowerBound <= 1 {
        if !tokens[match.tokens.upperBound...].contains(where: { $0.kind == .word || $0.kind == .number }) {
          return true
        }
      }
    }
    return false
  }

  // MARK: - Item kinds

  private func isMeetingOrDecision(_ index: Int) -> Bool {
    let count = blocks[index].tokens.count
    for lexicon in lexicons.meetingMarkers + lexicons.decisionMarkers {
      if let first = matches(lexicon, index, range: 0..<min(count, 6)).first, first.tokens.lowerBound <= 1 {
        return true
      }
    }
    return false
  }

  private func isDone(_ index: Int) -> Bool {
    // "(done)", "✅", "— fatto" at the very end of an item.
    let text = blocks[index]
    guard let position = text.tokens.lastIndex(where: { $0.kind == .word || $0.kind == .symbol }) else {
      return false
    }
    let last = text.tokens[position]
    if last.length == 1, text.text.scalars[Int(last.start)] == "\u{2705}" { return true }
    return lexicons.doneMarkers.contains { firstMatch($0, index, at: position, limit: text.tokens.count) != nil }
  }

  private static let infinitiveEndings: [[Unicode.Scalar]] = ["are", "ere", "ire", "arsi", "ersi", "irsi"].map {
    Array($0.unicodeScalars)
  }
  private static let nominalEndings: [[Unicode.Scalar]] = [
    "zione", "zioni", "mento", "menti", "tura", "sione", "aggio", "tion", "ment", "ing",
  ].map { Array($0.unicodeScalars) }
  private static let workNouns = TokenSet(
    [
      "stesura", "revisione", "verifica", "analisi", "continuazione", "correzione", "test", "review", "draft",
      "update", "setup", "creazione", "definizione", "studio", "ricerca", "scelta", "rilascio", "release",
    ].map(TokenHash.hash))

  /// A list item that names work to do by its first word: an infinitive or imperative ("Aggiornare
  /// il piano", "Review the glossary") or a noun of action ("Stesura del manuale"). The statement
  /// model weighs where it stands (a decisions list, a list of plans, a report of done work).
  private func workItemSource(_ index: Int) -> ActionSource? {
    // "Decisione di utilizzare Scala": a choice, not work (categories.md §6).
    if isMeetingOrDecision(index) { return nil }
    let text = blocks[index]
    // "Copertura dello score: 99,1%", "Formazione: da decidere": a label and its value, not work.
    if text.tokens.prefix(10).contains(where: {
      $0.kind == .punctuation && text.text.scalars[Int($0.start)] == ":"
    }) {
      return nil
    }
    let words = text.tokens.indices.filter { text.tokens[$0].kind == .word }
    guard words.count >= 2, let first = words.first, first <= 2 else { return nil }
    let token = text.tokens[first]
    let folded = text.folded[token.range]
    func ends(_ endings: [[Unicode.Scalar]]) -> Bool {
      endings.contains { $0.count + 2 <= folded.count && folded.suffix($0.count).elementsEqual($0) }
    }
    // "Send the deck", "Read up on…": an English imperative takes an object or a particle next;
    // "Send date stays 1 December" is a statement about a send date.
    for lexicon in lexicons.taskVerbs {
      guard let match = lexicon.firstMatch(in: text.tokens, at: first, limit: first + 3) else { continue }
      let next = match.tokens.upperBound
      if resources.language == .italian { return .imperative }
      guard next < text.tokens.count else { continue }
      let after = text.tokens[next]
      if Self.objectStarts.contains(after.hash) || after.isCapitalized || after.kind == .mention {
        return .imperative
      }
    }
    if resources.language == .italian, folded.count >= 5, ends(Self.infinitiveEndings) { return .imperative }
    if Self.workNouns.contains(token.hash) || folded.count >= 6 && ends(Self.nominalEndings) { return .nominal }
    return nil
  }

  /// An item of at most three words that ends with a colon: the label of the items under it.
  private func isLeadLabel(_ index: Int) -> Bool {
    let text = blocks[index]
    guard let last = text.tokens.last(where: { $0.kind != .placeholder }), last.kind == .punctuation,
      text.text.scalars[Int(last.start)] == ":"
    else { return false }
    // "Use the poll to:" stops mid-clause: its sub-items complete it, so it is an item itself and
    // they are part of it (categories.md §6), unlike a label such as "Meanwhile:".
    if let beforeColon = text.tokens.last(where: { $0.kind == .word }),
      Self.clauseOpeners.contains(beforeColon.hash), children(of: index)
    {
      return false
    }
    // With items under it, a longer lead-in ("- adozione nei punti vendita:") is a label too.
    return hasFewWords(index, limit: children(of: index) ? 5 : 3, numbers: false)
  }

  /// "Additionally, we will continue to rely on:" right before a list: the sentence introduces the
  /// items, which say themselves whether they are work.
  private func isListLeadIn(_ index: Int, _ sentence: Range<Int>) -> Bool {
    let text = blocks[index]
    guard sentence.upperBound == text.tokens.count, index + 1 < document.blocks.count,
      document.blocks[index + 1].kind == .listItem,
      let last = text.tokens[sentence].last(where: { $0.kind != .placeholder }), last.kind == .punctuation
    else { return false }
    return text.text.scalars[Int(last.start)] == ":"
  }

  /// Words that leave a clause open before a colon: "to:", "per:", "di:".
  private static let clauseOpeners = TokenSet(["to", "for", "into", "per", "di", "da", "a"].map(TokenHash.hash))

  private func children(of index: Int) -> Bool {
    index + 1 < document.blocks.count && document.blocks[index + 1].list?.parent == index
  }

  /// A `Label: value` line whose label is a field of minutes (date, location, status, esito…).
  private func isField(_ index: Int) -> Bool {
    let text = blocks[index]
    guard let first = text.tokens.firstIndex(where: { $0.kind == .word }), first <= 2 else { return false }
    for lexicon in lexicons.fieldLabels {
      guard let match = firstMatch(lexicon, index, at: first, limit: min(text.tokens.count, first + 6)) else {
        continue
      }
      var next = match.tokens.upperBound
      // "Location / Platform:" — a second label after a slash.
      while next < text.tokens.count,
        text.tokens[next].kind != .punctuation
          || text.text.scalars[Int(text.tokens[next].start)] == "/"
      {
        next += 1
        if next - match.tokens.upperBound > 3 { return false }
      }
      if next < text.tokens.count, text.text.scalars[Int(text.tokens[next].start)] == ":" { return true }
    }
    return false
  }

  /// Whether an item is only a name, a role in brackets or a handle: every word outside brackets
  /// capitalised, at most five of them (an attendance list made of task boxes).
  private func isNameOnly(_ index: Int) -> Bool {
    let text = blocks[index]
    var depth = 0
    var words = 0
    for token in text.tokens {
      if token.kind == .punctuation {
        let scalar = text.text.scalars[Int(token.start)]
        if scalar == "(" || scalar == "[" { depth += 1 }
        if scalar == ")" || scalar == "]" { depth = max(0, depth - 1) }
        continue
      }
      guard depth == 0 else { continue }
      if token.kind == .mention {
        words += 1
        continue
      }
      // "Anneke de Wit", "Ludwig van Beethoven": a particle inside a name.
      if token.kind == .word, words > 0, Self.nameParticles.contains(token.hash) { continue }
      guard token.kind == .word, token.isCapitalized else { return false }
      words += 1
    }
    return words > 0 && words <= 5
  }

  private static let nameParticles = TokenSet(
    ["de", "van", "von", "der", "den", "di", "da", "del", "della", "dos", "du", "le", "bin", "ten", "ter", "af"]
      .map(TokenHash.hash))

  /// `Action: …`, `TODO: …`, `Azione: …` at the start of a block.
  private func prefixItem(_ index: Int) -> ActionItem? {
    let text = blocks[index]
    for lexicon in lexicons.actionPrefixes {
      if let match = firstMatch(lexicon, index, at: 0, limit: min(text.tokens.count, 5)) {
        var end = match.tokens.upperBound
        if end < text.tokens.count, text.tokens[end].kind == .punctuation { end += 1 }
        let prefixText = lexicon.text(match.phrase)
        if !prefixText.hasSuffix(":"), !(end > match.tokens.upperBound) { continue }
        var item = makeItem(block: index, tokens: 0..<text.tokens.count, source: .prefix, done: false)
        if item.owners.isEmpty, item.diffuseOwner == nil, let owner = assignee(text, block: index, from: end) {
          item.owners = [owner]
        }
        return item
      }
    }
    return nil
  }

  /// "ACTION: oskar to comment on the PR", "ACTION: chairs to schedule it": in an explicit action
  /// line, the one to three words before "to" name who acts, whatever their case (chat handles are
  /// often lower case). A diffuse subject ("we", "someone") or a function word is not one.
  private func assignee(_ text: TextAnalysis, block: Int, from start: Int) -> String? {
    let tokens = text.tokens
    var position = start
    while position < tokens.count, tokens[position].kind == .punctuation || tokens[position].kind == .placeholder {
      position += 1
    }
    var words: [Int] = []
    while position < tokens.count, words.count <= 4 {
      let token = tokens[position]
      if token.kind == .word, text.foldedString(token) == "to" { break }
      guard
        token.kind == .word || token.kind == .mention
          || token.kind == .punctuation && [",", "&", "/", "_", ".", "-"].contains(text.text.scalars[Int(token.start)])
      else { return nil }
      if token.kind != .punctuation { words.append(position) }
      position += 1
    }
    guard position < tokens.count, text.foldedString(tokens[position]) == "to", let first = words.first,
      let last = words.last, words.count <= 4, position + 1 < tokens.count, tokens[position + 1].kind == .word,
      text.foldedString(tokens[position + 1]) != "be"  // "ACTION: the schedule to be announced": passive
    else { return nil }
    let span = first..<(last + 1)
    for lexicon in lexicons.diffuseOwners where !matches(lexicon, block, range: span).isEmpty { return nil }
    if words.contains(where: {
      ActionLexicons.commonWords.contains(tokens[$0].hash) && !isName(text, tokens[$0])
        && !["and", "e"].contains(text.foldedString(tokens[$0]))
    }) {
      return nil
    }
    let scalars = text.text.scalars
    return String(String.UnicodeScalarView(scalars[Int(tokens[first].start)..<Int(tokens[last].end)]))
  }

  /// A list item that is only links to places of the same page (`<a href="#t1">Topic</a>`): a table
  /// of contents, not work.
  private func isNavigation(_ index: Int) -> Bool {
    let block = document.blocks[index]
    let anchors = block.links.filter { $0.url.hasPrefix("#") }
    guard !anchors.isEmpty else { return false }
    let text = blocks[index]
    return text.tokens.allSatisfy { token in
      token.kind == .punctuation || token.kind == .placeholder
        || anchors.contains { $0.range.contains(Int(token.start)) }
    }
  }

  /// "Data", "Date", "When": a date column that may record when something happened, not a due date.
  private static let weakDateHeaders = TokenSet(
    ["data", "date", "when", "quando", "giorno", "day"].map(TokenHash.hash))

  private static let interrogatives = TokenSet(
    ["come", "quando", "se", "chi", "cosa", "perche", "quanto", "how", "when", "whether", "if", "what", "why", "who"]
      .map(TokenHash.hash))

  /// Whether a sentence commits to future work or states an obligation: a marker of the lexicon
  /// ("we need to", "bisogna", "verrà inviato"), or a future verb whose subject is a person, a
  /// role or a group ("Marco will send", "Giulia invierà", "il team preparerà").
  private func hasCommitment(_ text: TextAnalysis, block index: Int, range: Range<Int>) -> Bool {
    // A question asks; it does not commit (categories.md §6): "does nosec need to be specified?"
    if isQuestion(text, range) { return false }
    for lexicon in lexicons.commitmentMarkers {
      for match in matches(lexicon, index, range: range) {
        if isIndirectQuestion(text, before: match.tokens.lowerBound, from: range.lowerBound) { continue }
        // "you would need to", "we may not need to", "it probably needs to": a hedge or a
        // hypothetical, not a commitment.
        if isHedged(text, before: match.tokens.lowerBound, from: range.lowerBound) { continue }
        // "we will not add an inverse property": a choice, not work.
        if match.tokens.upperBound < range.upperBound,
          Self.negations.contains(text.tokens[match.tokens.upperBound].hash)
        {
          continue
        }
        // "we should see an uplift": an expectation, not an obligation.
        if match.tokens.upperBound < range.upperBound,
          Self.modals.contains(text.tokens[match.tokens.upperBound - 1].hash),
          Self.epistemicFollowers.contains(text.tokens[match.tokens.upperBound].hash)
        {
          continue
        }
        // "we will probably discard it", "that should probably be in the WG": hedged right after.
        if match.tokens.upperBound < range.upperBound, Self.hedges.contains(text.tokens[match.tokens.upperBound].hash) {
          continue
        }
        // "users need to be able to…", "l'utente dovrà poter…": a requirement on the product.
        // "we need to discuss X", "dobbiamo parlarne": a topic for a meeting (categories.md §6).
        if let next = nextWord(text, after: match.tokens.upperBound, in: range),
          Self.abilityOrAgenda.contains(text.tokens[next].hash)
            || text.foldedString(text.tokens[next]) == "be"
              && nextWord(text, after: next + 1, in: range).map({
                text.foldedString(text.tokens[$0]) == "able"
              }) == true
        {
          continue
        }
        // "Da verificare." / "To be checked." stand alone; "i clienti da chiamare" does not oblige;
        // "Esito della verifica: da verificare" is a field's placeholder (categories.md §6).
        // "Need accounts on…", "plan to build…", "Serve un account…": a bare need only where a
        // clause starts ("users need accounts", "il servizio serve i clienti" are not).
        if Self.bareObligationStarts.contains(text.tokens[match.tokens.lowerBound].hash)
          || isBareNeed(text, match.tokens),
          !startsClause(text, at: match.tokens.lowerBound, from: range.lowerBound)
            || isFieldValue(text, at: match.tokens.lowerBound, from: range.lowerBound)
        {
          continue
        }
        if isProductRequirement(text, block: index, marker: match.tokens, from: range.lowerBound) { continue }
        // "If the project goal cannot be met…", "se il test fallisce dovremo…": the marker sits in a
        // condition that opens the sentence (before its first comma), not in a commitment.
        if isInOpeningCondition(text, at: match.tokens.lowerBound, from: range.lowerBound) { continue }
        // "we will have another meeting before TPAC": scheduling, not work (categories.md §6).
        if isMeetingScheduling(text, after: match.tokens.upperBound, in: range) { continue }
        // "Si è deciso di usare TimescaleDB", "we decided to keep SQLite": a choice, not work
        // (categories.md §6); "si è deciso di chiedere…" commits to work.
        if match.tokens.contains(where: { Self.decisionWords.contains(text.tokens[$0].hash) }),
          let next = nextWord(text, after: match.tokens.upperBound, in: range),
          Self.choiceVerbs.contains(text.tokens[next].hash)
        {
          continue
        }
        return true
      }
    }
    return hasFutureWithSubject(text, block: index, range: range)
  }

  private static let hedges = TokenSet(
    [
      "would", "could", "might", "may", "probably", "likely", "maybe", "perhaps", "forse", "probabilmente", "potrebbe",
      "potremmo", "potrebbero", "i'd", "we'd", "you'd", "they'd", "it'd", "eventually", "eventualmente",
    ].map(TokenHash.hash))

  /// A hedge among the two words before a marker or inside its first words.
  private func isHedged(_ text: TextAnalysis, before position: Int, from start: Int) -> Bool {
    var probe = position - 1
    var words = 0
    while probe >= start, words < 2 {
      if text.tokens[probe].kind == .word {
        if Self.hedges.contains(text.tokens[probe].hash) { return true }
        words += 1
      }
      probe -= 1
    }
    return position + 1 < text.tokens.count && Self.hedges.contains(text.tokens[position + 1].hash)
  }

  /// Whether a range (a sentence, or a whole item) ends with a question mark.
  private func isQuestion(_ text: TextAnalysis, _ range: Range<Int>) -> Bool {
    for sentence in text.sentences where sentence.overlaps(range) {
      if text.isQuestion(sentence.clamped(to: range)) { return true }
    }
    return false
  }

  /// "come verranno presentati", "whether it will be sent": reported questions, not commitments.
  private func isIndirectQuestion(_ text: TextAnalysis, before position: Int, from start: Int) -> Bool {
    var probe = position - 1
    while probe >= max(start, position - 2) {
      if Self.interrogatives.contains(text.tokens[probe].hash) { return true }
      probe -= 1
    }
    return false
  }

  static let modals = TokenSet(["should", "dovrebbe", "dovrebbero", "dovremmo"].map(TokenHash.hash))
  static let epistemicFollowers = TokenSet(
    ["see", "get", "reach", "hit", "land", "notice", "have", "expect", "vedere", "avere", "arrivare", "bastare"]
      .map(TokenHash.hash))

  private static let bareObligationStarts = TokenSet(["da"].map(TokenHash.hash))
  /// One-word needs ("Need accounts…", "Serve un account…"); "need to", "serve un follow-up" commit
  /// wherever they stand.
  private static let bareNeedWords = TokenSet(["need", "needs", "serve", "servono"].map(TokenHash.hash))
  /// Phrases of need or plan whose first word says it: "plan to", "help is needed", "necessità di",
  /// "lavoro da fare".
  private static let bareNeedStarts = TokenSet(
    ["plan", "help", "necessità", "necessita", "lavoro"].map(TokenHash.hash))
  private static let bisognoHash = TokenHash.hash("bisogno")

  /// A marker that is a bare need or plan, taken only where a clause starts (the need-and-plan
  /// entries of `commitment-markers`); not "ci occuperemo" or "c'è da", which commit anywhere.
  private func isBareNeed(_ text: TextAnalysis, _ match: Range<Int>) -> Bool {
    let first = text.tokens[match.lowerBound].hash
    if Self.bareNeedWords.contains(first) { return match.count == 1 }
    if Self.bareNeedStarts.contains(first) { return true }
    // "c'è bisogno di", "ci sarà bisogno di".
    return match.contains { text.tokens[$0].hash == Self.bisognoHash }
  }

  /// Whether a bare obligation follows a label's colon ("Esito: da verificare").
  private func isFieldValue(_ text: TextAnalysis, at position: Int, from start: Int) -> Bool {
    var probe = position - 1
    while probe >= start, text.tokens[probe].kind == .placeholder { probe -= 1 }
    guard probe > start, text.tokens[probe].kind == .punctuation,
      text.text.scalars[Int(text.tokens[probe].start)] == ":"
    else { return false }
    return text.tokens[start..<probe].contains { $0.kind == .word }
  }

  /// "Il prodotto dovrà gestire l'autenticazione", "users must be able to…": an obligation whose
  /// subject is the product or its users, with an active verb, is a requirement on the product,
  /// not work (categories.md §6). "The dashboard must be updated" (a passive of work) stays a task.
  private func isProductRequirement(_ text: TextAnalysis, block: Int, marker: Range<Int>, from start: Int) -> Bool {
    let tokens = text.tokens
    guard
      Self.obligations.contains(tokens[marker.lowerBound].hash)
        || marker.count > 1
          && Self.obligations.contains(tokens[marker.lowerBound + 1].hash)
    else { return false }
    // A passive of work after the marker: "dovrà essere aggiornato", "must be sent".
    if let next = nextWord(text, after: marker.upperBound, in: start..<tokens.count),
      ["be", "essere", "venire"].contains(text.foldedString(tokens[next]))
    {
      return false
    }
    if marker.contains(where: { ["be", "essere"].contains(text.foldedString(tokens[$0])) }) { return false }
    // The subject: the words of the clause before the marker, at most four.
    var first = marker.lowerBound
    var words = 0
    while first > start, words < 4 {
      let token = tokens[first - 1]
      if token.kind == .punctuation, [":", ";", ",", "—", "–", "("].contains(text.text.scalars[Int(token.start)]) {
        break
      }
      if token.kind == .word { words += 1 }
      first -= 1
    }
    guard first < marker.lowerBound else { return false }
    return lexicons.productNouns.contains { lexicon in
      matches(lexicon, block, range: first..<marker.lowerBound).contains { $0.tokens.upperBound == marker.lowerBound }
    }
  }

  private static let decisionWords = TokenSet(
    [
      "deciso", "decided", "resolved", "stabilito", "concordato", "agreed", "chose", "scelto", "intend", "intends",
      "intendiamo",
    ].map(TokenHash.hash))

  private static let conditionOpeners = TokenSet(
    ["if", "unless", "se", "qualora", "whether", "should"].map(TokenHash.hash))

  /// Whether a position lies in a conditional clause that opens its sentence: "If X, …" up to the
  /// first comma.
  private func isInOpeningCondition(_ text: TextAnalysis, at position: Int, from start: Int) -> Bool {
    let sentence = text.sentence(containing: position)
    var first = max(sentence.lowerBound, start)
    while first < position, text.tokens[first].kind != .word { first += 1 }
    guard first < position, Self.conditionOpeners.contains(text.tokens[first].hash),
      text.foldedString(text.tokens[first]) != "should" || first == sentence.lowerBound
    else { return false }
    return !text.tokens[first..<position].contains {
      $0.kind == .punctuation && [",", ";", ":", "—"].contains(text.text.scalars[Int($0.start)])
    }
  }

  private static let meetingVerbs = TokenSet(
    ["have", "hold", "meet", "avere", "fare", "tenere", "organize", "organise", "riunirci", "vederci", "incontrarci"]
      .map(TokenHash.hash))
  private static let meetingNouns = TokenSet(
    [
      "meeting", "meetings", "call", "sync", "session", "riunione", "incontro", "chiamata", "call", "seduta", "again",
    ].map(TokenHash.hash))

  /// "we will have another meeting", "we'll meet again", "faremo una riunione": the marker's verb
  /// holds a meeting.
  private func isMeetingScheduling(_ text: TextAnalysis, after position: Int, in range: Range<Int>) -> Bool {
    guard let verb = nextWord(text, after: position, in: range), Self.meetingVerbs.contains(text.tokens[verb].hash)
    else { return false }
    var probe = verb + 1
    var words = 0
    while probe < range.upperBound, words < 3 {
      if text.tokens[probe].kind == .word {
        if Self.meetingNouns.contains(text.tokens[probe].hash) { return true }
        words += 1
      }
      probe += 1
    }
    return false
  }
  private static let choiceVerbs = TokenSet(
    [
      "usare", "utilizzare", "adottare", "escludere", "mantenere", "tenere", "scegliere", "preferire", "restare",
      "rimanere", "use", "adopt", "keep", "exclude", "choose", "stick", "stay", "remain", "go", "retain", "prefer",
      "leave", "lasciare",
      "not", "non",
    ].map(TokenHash.hash))
  private static let obligations = TokenSet(
    [
      "must", "should", "shall", "need", "needs", "has", "have", "will", "dovrà", "dovra", "dovranno", "deve", "devono",
      "dovrebbe", "dovrebbero",
    ].map(TokenHash.hash))

  /// The verbs after a marker that make it a requirement on the product or a topic for a meeting.
  private static let abilityOrAgenda = TokenSet(
    [
      "poter", "potere", "discuss", "discutere", "discuterne", "parlarne", "talk", "chat", "revisit", "debate",
    ].map(TokenHash.hash))

  /// The first word token at or after `position` in `range`.
  private func nextWord(_ text: TextAnalysis, after position: Int, in range: Range<Int>) -> Int? {
    var probe = position
    while probe < range.upperBound {
      if text.tokens[probe].kind == .word { return probe }
      if text.tokens[probe].kind == .punctuation { return nil }
      probe += 1
    }
    return nil
  }

  /// Whether a token opens a sentence or a clause (after `:`, `—`, `;`, `(`).
  private func startsClause(_ text: TextAnalysis, at position: Int, from start: Int) -> Bool {
    var probe = position - 1
    while probe >= start, text.tokens[probe].kind == .placeholder { probe -= 1 }
    if probe < start { return true }
    if text.sentenceOfToken[probe] != text.sentenceOfToken[position] { return true }
    let previous = text.tokens[probe]
    guard previous.kind == .punctuation else { return false }
    switch text.text.scalars[Int(previous.start)] {
    case ":", ";", "—", "–", "-", "(": return true
    default: return false
    }
  }

  private static let toHash = TokenHash.hash("to")
  // Suffixes as scalar arrays: `hasFutureWithSubject` tests them on many words (most Italian
  // words end in "o"), and walking a String's scalars cost more than the comparison.
  private static let negatedSuffix = Array("n't".unicodeScalars)
  private static let willSuffix = Array("'ll".unicodeScalars)
  private static let firstPluralFutureSuffix = Array("remo".unicodeScalars)
  private static let thirdPluralFutureSuffix = Array("ranno".unicodeScalars)
  private static let englishFuture = TokenSet(["will", "shall"].map(TokenHash.hash))
  private static let firstPersonPlural = TokenSet(["we", "noi"].map(TokenHash.hash))

  private static let negations = TokenSet(["not", "never", "non", "mai", "no"].map(TokenHash.hash))
  private static let wishVerbs = TokenSet(
    ["would", "like", "wants", "want", "vorrebbe", "vuole", "asked", "chiede", "ha", "has", "had"].map(TokenHash.hash))

  private static let youHash = TokenHash.hash("you")
  /// After "to", a determiner makes it a preposition ("Contributors to the project").
  private static let determiners = TokenSet(
    ["the", "a", "an", "our", "their", "his", "her", "its", "this", "that", "these", "those", "my", "your"].map(
      TokenHash.hash))

  private static let openers = TokenSet(
    [
      "if", "when", "once", "unless", "while", "since", "although", "though", "because", "whether", "se", "quando",
      "qualora", "mentre", "poiché", "poiche", "perché", "perche", "benché", "benche", "sebbene", "appena", "finché",
    ].map(TokenHash.hash))

  /// At most three words that do not open a subordinate clause: "In addition", "Next week", "Dopo la demo".
  private func isShortOpener(_ text: TextAnalysis, _ span: Range<Int>) -> Bool {
    var words = 0
    for position in span where text.tokens[position].kind == .word || text.tokens[position].kind == .number {
      if words == 0, Self.openers.contains(text.tokens[position].hash) { return false }
      words += 1
      if words > 3 { return false }
    }
    return words > 0
  }

  private func hasFutureWithSubject(_ text: TextAnalysis, block: Int, range: Range<Int>) -> Bool {
    let tokens = text.tokens
    let scalars = text.text.scalars
    let negations = Self.negations
    let englishFuture = Self.englishFuture
    let toHash = Self.toHash
    var clauseStart = range.lowerBound
    var position = range.lowerBound
    while position < range.upperBound {
      let token = tokens[position]
      if token.kind == .punctuation {
        switch text.text.scalars[Int(token.start)] {
        case ":", ";", "—", "–", "(": clauseStart = position + 1
        case ",":
          // "In addition, the group will…", "Next week, we will…": a short opener before the
          // subject; not a condition ("If it rains, we will…").
          if isShortOpener(text, clauseStart..<position) { clauseStart = position + 1 }
        default: break
        }
      }
      guard token.kind == .word else {
        position += 1
        continue
      }
      let hasScalars = token.end > token.start
      let last: Unicode.Scalar = hasScalars ? text.folded[Int(token.end) - 1] : " "
      let original: Unicode.Scalar = hasScalars ? scalars[Int(token.end) - 1] : " "
      let isFuture = englishFuture.contains(token.hash)
      // Only a future auxiliary, "to", or a word ending like "-'ll", "-rà", "-ranno" or "-remo" can
      // commit (see the tests below): any other word is passed over on its last scalar.
      guard
        isFuture || token.hash == toHash || last == "l" || last == "o" || original == "\u{E0}"
          || original == "\u{300}"
      else {
        position += 1
        continue
      }
      let next = position + 1 < range.upperBound ? tokens[position + 1] : nil
      if next.map({ negations.contains($0.hash) }) == true
        || last == "t" && text.foldedHasSuffix(token, Self.negatedSuffix)
      {
        position += 1
        continue
      }
      // "we will probably discard it": hedged right after the auxiliary, a prediction.
      let hedged = next.map { Self.hedges.contains($0.hash) } ?? false
      if isFuture {
        // "we will have another meeting before TPAC": scheduling, not work (categories.md §6).
        // "with roll, you will fit to the width": the generic "you" describes, it does not commit.
        if !hedged, isSubject(text, block: block, clauseStart..<position, strict: false),
          !isMeetingScheduling(text, after: position + 1, in: range),
          !(position == clauseStart + 1 && tokens[clauseStart].hash == Self.youHash)
        {
          return true
        }
        // "the draft will be published": a passive future commits to work, with no owner.
        if let next, next.hash == Self.beHash, position + 2 < range.upperBound,
          isParticiple(text, tokens[position + 2])
        {
          return true
        }
      } else if last == "l" && text.foldedHasSuffix(token, Self.willSuffix) {
        if text.foldedHasPrefix(token, "we'") || text.foldedHasPrefix(token, "i'"), !hedged,
          !isMeetingScheduling(text, after: position + 1, in: range)
        {
          return true
        }
      } else if token.hash == toHash, let next, next.kind == .word, position > clauseStart,
        !Self.determiners.contains(next.hash)
      {
        // "Marco to send the deck" (minutes style): the subject stands right before "to"; "Agent
        // to interpret the question" describes what a product part does.
        if isSubject(text, block: block, clauseStart..<position, strict: true),
          !lexicons.productNouns.contains(where: { !matches($0, block, range: clauseStart..<position).isEmpty })
        {
          return true
        }
      } else if token.length >= 4, isFutureEnding(text, token, last: last, original: original) {
        if position > clauseStart, negations.contains(tokens[position - 1].hash) {
          position += 1
          continue
        }
        if isSubject(text, block: block, clauseStart..<position, strict: false) { return true }
        // "come verranno presentati": a reported question.
        if isIndirectQuestion(text, before: position, from: clauseStart) {
          position += 1
          continue
        }
        // "quando il primo sarà usato": a condition, not a commitment.
        if tokens[clauseStart..<position].contains(where: { Self.subordinators.contains($0.hash) }) {
          position += 1
          continue
        }
        // "si contatterà l'ufficio acquisti": impersonal; "verrà aggiunta la data": passive.
        if position > clauseStart, tokens[position - 1].hash == Self.siHash { return true }
        if Self.italianPassiveAuxiliaries.contains(token.hash), let next, next.kind == .word,
          isParticiple(text, next)
        {
          return true
        }
      } else if token.length >= 6, last == "o", text.foldedHasSuffix(token, Self.firstPluralFutureSuffix),
        position == clauseStart
          || Self.firstPersonPlural.contains(tokens[position - 1].hash)
      {
        // "Invieremo il report": the verb carries the (diffuse) subject "noi".
        return true
      }
      position += 1
    }
    return false
  }

  private static let subordinators = TokenSet(
    ["quando", "se", "qualora", "finché", "appena", "when", "if", "once", "until", "unless", "whether"].map(
      TokenHash.hash))
  private static let objectStarts = TokenSet(
    [
      "the", "a", "an", "our", "their", "my", "your", "his", "her", "its", "this", "that", "these", "those", "all",
      "up", "on", "with", "to", "for", "out", "it", "them", "him", "back", "in", "into", "over", "through", "and",
      "new", "any", "each", "every", "more", "some", "what", "how", "which", "who", "whether", "if",
    ].map(TokenHash.hash))
  private static let beHash = TokenHash.hash("be")
  private static let siHash = TokenHash.hash("si")
  private static let italianPassiveAuxiliaries = TokenSet(
    ["verrà", "verra", "verranno", "sarà", "sara", "saranno"].map(TokenHash.hash))
  private static let participleEndings: [[Unicode.Scalar]] =
    ([
      "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite", "uto", "uta", "uti", "ute", "esso", "essa", "essi",
      "esse", "olto", "olta", "ed", "en",
    ]
    // Irregular Italian participles by their stem: "aggiunta", "scritto", "chiesto", "previsto".
    + [
      "giunt", "critt", "fatt", "mess", "pres", "chiest", "dett", "risolt", "propost", "corrett", "tradott",
      "prodott", "ridott", "condott", "discuss", "conces", "compost", "previst", "apert", "offert", "copert", "scelt",
      "raccolt", "inclus", "esclus", "chius", "decis", "divis", "diffus", "sospes", "assunt", "svolt", "coinvolt",
      "rivolt", "rimoss", "sottopost", "predispost", "espost",
    ].flatMap { stem in ["o", "a", "i", "e"].map { stem + $0 } }).map { Array($0.unicodeScalars) }

  /// A past participle by its ending ("published", "written", "aggiunta", "fornito").
  private func isParticiple(_ text: TextAnalysis, _ token: Token) -> Bool {
    guard token.kind == .word, token.length >= 4 else { return false }
    return Self.participleEndings.contains { text.foldedHasSuffix(token, $0) }
  }

  /// An Italian future ending: "-rà" (either spelling of the accent) or "-ranno". `last` and
  /// `original`: the token's last scalar, folded and as written.
  @inline(__always)
  private func isFutureEnding(_ text: TextAnalysis, _ token: Token, last: Unicode.Scalar, original: Unicode.Scalar)
    -> Bool
  {
    if original == "\u{E0}" || original == "\u{300}" {
      if text.originalHasSuffix(token, "rà") || text.originalHasSuffix(token, "ra\u{300}") { return true }
    }
    return last == "o" && text.foldedHasSuffix(token, Self.thirdPluralFutureSuffix)
  }

  /// Whether the tokens before a verb are a subject that can act: a name, a handle, a role or a
  /// group. `strict`: the tokens must be the subject and nothing else ("Marco to send").
  private func isSubject(_ text: TextAnalysis, block: Int, _ span: Range<Int>, strict: Bool) -> Bool {
    let words = span.filter { text.tokens[$0].kind == .word || text.tokens[$0].kind == .mention }
    guard let first = words.first, let last = words.last, words.count <= (strict ? 2 : 3) else { return false }
    if words.contains(where: {
      Self.interrogatives.contains(text.tokens[$0].hash) || Self.wishVerbs.contains(text.tokens[$0].hash)
    }) {
      return false
    }
    if Self.firstPersonPlural.contains(text.tokens[first].hash) { return words.count == 1 }
    let head = text.tokens[first]
    if head.kind == .mention || isName(text, head) || isPlausibleName(text, first) {
      // "Marco", "Marco Rossi", "@anna"
      return !strict || words.count == 1 || text.tokens[last].isCapitalized
    }
    let range = first..<(last + 1)
    for group in [lexicons.roles, lexicons.diffuseOwners] {
      for lexicon in group {
        for match in matches(lexicon, block, range: span) where match.tokens.lowerBound <= first + 1 {
          if isPronounIT(text, match) { continue }
          if !strict || match.tokens.upperBound >= range.upperBound { return true }
        }
      }
    }
    return false
  }

  /// "it" in a diffuse-owner list means the IT department only when written IT.
  private func isPronounIT(_ text: TextAnalysis, _ match: PhraseMatch) -> Bool {
    guard match.tokens.count == 1 else { return false }
    let token = text.tokens[match.tokens.lowerBound]
    let start = Int(token.start)
    return token.length == 2 && text.folded[start] == "i" && text.folded[start + 1] == "t" && !token.isAllCaps
  }

  /// A capitalised word our name lists do not know, in a place only a person stands: at the start
  /// followed by ":" / "—" / "to", or alone in brackets, or after a dash at the end ("— Femi").
  private func isPlausibleName(_ text: TextAnalysis, _ position: Int) -> Bool {
    let tokens = text.tokens
    let token = tokens[position]
    guard token.kind == .word, token.isCapitalized, !token.isAllCaps || token.length <= 3, token.length >= 2,
      !Self.notNames.contains(token.hash), !ActionLexicons.commonWords.contains(token.hash),
      !DateParser.isCalendarWord(token.hash)
    else { return false }
    // Names are letters only ("R4", "Reverse-ETL" are not), and do not end like abstract nouns
    // or adverbs ("Additionally,"; known names such as Emily are found by `isName` first).
    let folded = text.folded[token.range]
    if folded.count >= 6, folded.suffix(2).elementsEqual(["l", "y"]) { return false }
    guard folded.allSatisfy({ Tokenizer.isLetter($0) || $0 == "'" }),
      !Self.nounEndings.contains(where: { ending in
        ending.count <= folded.count && folded.suffix(ending.count).elementsEqual(ending)
      })
    else { return false }
    // Reject accented endings: "Sarà" is a verb, not "Sara".
    if let last = text.text.scalars[Int(token.end) - 1].properties.isLowercase
      ? text.text.scalars[Int(token.end) - 1] : nil,
      "àèéìòù".unicodeScalars.contains(last)
    {
      return false
    }
    var after = position + 1
    if after < tokens.count, tokens[after].kind == .word, tokens[after].isCapitalized { after += 1 }  // surname
    let nextText = after < tokens.count ? text.text.string(tokens[after].range) : ""
    let previousText = position > 0 ? text.text.string(tokens[position - 1].range) : ""
    if previousText == "(" {
      // "(Kofi)", "(Kofi, by 4/12)" — but not "(Cerved, camere di commercio, ecc.)".
      if nextText == ")" { return true }
      guard nextText == ",", after + 1 < tokens.count else { return false }
      let following = tokens[after + 1]
      return following.kind == .number || ["by", "entro", "due", "scadenza"].contains(text.foldedString(following))
    }
    if [":", "—", "–", ")", ","].contains(nextText) || after >= tokens.count { return true }
    if ["—", "–", "-", "@", ":"].contains(previousText) { return true }
    if nextText.lowercased() == "to" || nextText.lowercased() == "will" { return true }
    return false
  }

  private static let honorifics = TokenSet(
    [
      "prof", "prof.ssa", "profssa", "professor", "professoressa", "dott", "dott.ssa", "dottssa", "dr", "ing", "avv",
      "sig", "sig.ra", "sigra", "mr", "mrs", "ms", "dottor", "dottoressa", "ingegner", "ssa", "ra",
    ].map(TokenHash.hash))

  /// The first words of an item as its subject: "SensoriNord invia lo schema", "Fiore pubblica il
  /// verbale" (a capitalised word our lists do not know, then a verb in the present), or a chat
  /// handle before a dash ("sven — write to the vendor").
  private func isSubjectOfItem(_ text: TextAnalysis, _ position: Int, range: Range<Int>) -> Bool {
    let tokens = text.tokens
    let token = tokens[position]
    guard token.kind == .word, position + 1 < range.upperBound, !ActionLexicons.commonWords.contains(token.hash),
      !DateParser.isCalendarWord(token.hash), token.length >= 2,
      // "Verrà aggiunta": a verb with an accented ending, not a name.
      !"àèéìòùÀÈÉÌÒÙ".unicodeScalars.contains(text.text.scalars[Int(token.end) - 1])
    else { return false }
    let next = tokens[position + 1]
    if !token.isCapitalized {
      // A handle: lower case, letters, digits or "_", then a dash.
      guard next.kind == .punctuation, ["—", "–"].contains(text.text.scalars[Int(next.start)]) else { return false }
      return !lexicons.taskVerbs.contains { $0.firstMatch(in: tokens, at: position, limit: position + 1) != nil }
    }
    // A capitalised word that is not a verb or noun of action itself, then a present-tense verb.
    guard !token.isAllCaps, next.kind == .word, !next.isCapitalized, next.length >= 4,
      !ActionLexicons.commonWords.contains(next.hash)
    else { return false }
    let folded = text.folded[token.range]
    if Self.nounEndings.contains(where: { $0.count <= folded.count && folded.suffix($0.count).elementsEqual($0) }) {
      return false
    }
    if lexicons.taskVerbs.contains(where: { $0.firstMatch(in: tokens, at: position, limit: position + 1) != nil }) {
      return false
    }
    // Italian only: "invia", "trasmette", "pubblica", "sente" (third person present, unaccented:
    // "difficoltà" is a noun). An English capitalised word before "-s" is as often an imperative
    // ("Develop vocabularies").
    guard resources.language == .italian else { return false }
    let verb = text.folded[next.range]
    let original = text.text.scalars[Int(next.end) - 1]
    guard let last = verb.last, last == "a" || last == "e", original == "a" || original == "e" else { return false }
    return !Self.endsLikeInfinitiveOrNoun(verb)
  }

  private static func endsLikeInfinitiveOrNoun(_ folded: ArraySlice<Unicode.Scalar>) -> Bool {
    for ending in ["are", "ere", "ire", "zione", "mente", "anza", "enza", "ura", "ista"] {
      let scalars = Array(ending.unicodeScalars)
      if scalars.count < folded.count, folded.suffix(scalars.count).elementsEqual(scalars) { return true }
    }
    return false
  }

  private static let nounEndings: [[Unicode.Scalar]] = [
    "zione", "zioni", "enza", "enze", "anza", "anze", "mento", "menti", "ita", "ismo", "aggio", "tura", "ture",
    "tion", "tions", "ment", "ments", "ness", "ity", "ance", "ence", "ing", "ship", "ies", "ism", "ure",
  ].map { Array($0.unicodeScalars) }

  private static let notNames = TokenSet(
    [
      "note", "nota", "next", "todo", "action", "azione", "status", "stato", "owner", "responsabile", "due",
      "scadenza", "deadline", "done", "fatto", "risk", "rischio", "decision", "decisione", "update", "aggiornamento",
      "problem", "problema", "goal", "obiettivo", "target", "baseline", "kpi", "data", "dati", "model", "modello",
      "team", "marketing", "sales", "vendite", "ops", "finance", "legal", "crm", "bi", "it", "pm", "ceo", "cto",
      "cfo", "q1", "q2", "q3", "q4", "ok", "tbd", "tbc", "na", "n/a", "yes", "no", "si", "sì", "open", "aperto",
      "closed", "chiuso", "blocked", "bloccato", "wip", "pending", "info", "fyi", "nb", "ps",
      // Verbs that take "to" ("Seems to work", "Needs to be checked"): not a name before "to".
      "seems", "seem", "needs", "wants", "plans", "tends", "happens", "appears", "hopes", "expects", "likes", "used",
      "ought", "got", "wanted", "needed", "planned", "decided", "agreed", "started", "continues", "going", "trying",
      "remains", "starts", "begins", "helps", "aims", "hoping", "want", "need", "plan", "try", "remember", "forgot",
      // Adjectives before "to" ("Ready to merge", "Able to…").
      "ready", "able", "unable", "likely", "unlikely", "supposed", "free", "happy", "glad", "eager", "willing",
    ].map(TokenHash.hash))

  /// Whether a nested item belongs to its parent action item (details such as "Owner: Marco").
  private func isMergedSubItem(parent: Int, child: Int, items: [ActionItem], sections: [Bool]) -> Bool {
    guard let item = items.last(where: { $0.block == parent }), item.source != .commitment else { return false }
    return document.blocks[child].list?.task == TaskState.none
  }

  private func merge(subItem index: Int, into item: inout ActionItem) {
    item.blocks.append(index)
    let extra = makeItem(block: index, tokens: 0..<blocks[index].tokens.count, source: item.source, done: false)
    if item.owners.isEmpty {
      item.owners = extra.owners
      if item.diffuseOwner == nil { item.diffuseOwner = extra.diffuseOwner }
    }
    item.deadlines.append(contentsOf: extra.deadlines)
    if item.vagueDeadline == nil { item.vagueDeadline = extra.vagueDeadline }
  }

  // MARK: - Tables

  struct Columns {
    var owner: Int?
    var deadline: Int?
    var status: Int?
  }

  private func tableColumns(_ table: Table) -> Columns {
    var columns = Columns()
    for (position, cell) in table.header.enumerated() {
      let text = blocks[cell]
      let words = text.tokens.filter { $0.kind == .word }
      guard !words.isEmpty, words.count <= 4 else { continue }
      if columns.owner == nil, lexicons.ownerLabels.contains(where: { startsWith($0, cell) }) {
        columns.owner = position
      } else if columns.deadline == nil, lexicons.deadlineLabels.contains(where: { startsWith($0, cell) }) {
        columns.deadline = position
      } else if columns.status == nil, ["status", "stato"].contains(text.foldedString(words[0])) {
        columns.status = position
      }
    }
    return columns
  }

  /// The work a table holds when it is not an action table (a risk register, a status table): the
  /// cell of a mitigation column ("Mitigation", "Contromisure") that opens with an imperative or an
  /// infinitive, the work that answers the row's risk (categories.md §6), and a cell whose sentence
  /// commits ("We will meet the client weekly").
  /// At most one item per row, reported on the row's line; the row's owner, deadline and status
  /// columns count for it.
  private func cellItems(table: Table, columns: Columns) -> [ActionItem] {
    let mitigation = table.header.firstIndex { cell in
      hasFewWords(cell, limit: 4, numbers: false) && lexicons.mitigationHeadings.contains { startsWith($0, cell) }
    }
    var items: [ActionItem] = []
    for (rowIndex, row) in table.rows.enumerated().dropFirst() {
      for (position, cell) in row.enumerated()
      where position != columns.owner && position != columns.deadline && position != columns.status {
        let text = blocks[cell]
        guard !text.tokens.isEmpty else { continue }
        var found: ActionItem?
        if position == mitigation, !isField(cell), workItemSource(cell) == .imperative {
          // "Ask the supplier for a weekly extract", "Chiedere al fornitore…": work to do. A measure
          // already in place ("Vincolo rigido sul margine") or a placeholder ("Da valutare") is not.
          found = makeItem(block: cell, tokens: 0..<text.tokens.count, source: .mitigation, done: false)
        } else if !hasFewWords(cell, limit: 3, numbers: false),
          let sentence = text.sentences.first(where: { hasCommitment(text, block: cell, range: $0) })
        {
          found = makeItem(block: cell, tokens: sentence, source: .commitment, done: false)
        }
        guard var item = found else { continue }
        if let owner = columns.owner, owner < row.count { addOwners(of: row[owner], wholeCellIsOwner: true, to: &item) }
        if let deadline = columns.deadline, deadline < row.count {
          item.deadlines.append(contentsOf: dates(in: blocks[row[deadline]]))
        }
        item.done = isDoneRow(row, columns)
        if rowIndex < table.rowLines.count, document.blocks[cell].start.line != table.rowLines[rowIndex] {
          item.start = SourcePosition(line: table.rowLines[rowIndex], column: 1)
        }
        items.append(item)
        break
      }
    }
    return items
  }

  private func startsWith(_ lexicon: Lexicon, _ block: Int) -> Bool {
    firstMatch(lexicon, block, at: 0, limit: blocks[block].tokens.count) != nil
  }

  private func tableItem(table: Table, rowIndex: Int, columns: Columns) -> ActionItem? {
    let row = table.rows[rowIndex]
    guard let first = row.first else { return nil }
    guard row.contains(where: { !blocks[$0].tokens.isEmpty }) else { return nil }
    // The action text is every cell but the owner and deadline cells.
    var item = ActionItem(
      block: first, blocks: row, tokens: 0..<blocks[first].tokens.count, start: document.blocks[first].start,
      source: .tableRow, done: isDoneRow(row, columns), owners: [], diffuseOwner: nil, deadlines: [],
      vagueDeadline: nil,
      text: row.map { Excerpt.make(document.blocks[$0].text.scalars) }.filter { !$0.isEmpty }.joined(separator: " | "))
    if rowIndex < table.rowLines.count {
      item.start = SourcePosition(line: table.rowLines[rowIndex], column: 1)
      item.start =
        document.blocks[first].start.line == table.rowLines[rowIndex] ? document.blocks[first].start : item.start
    }
    for (position, cell) in row.enumerated() {
      let text = blocks[cell]
      if position == columns.owner {
        addOwners(of: cell, wholeCellIsOwner: true, to: &item)
      } else if position == columns.deadline {
        item.deadlines.append(contentsOf: dates(in: text))
        if item.vagueDeadline == nil { item.vagueDeadline = vagueTime(in: text, block: cell, deadlineCell: true) }
      } else if position != columns.status {
        if columns.owner == nil { addOwners(of: cell, wholeCellIsOwner: false, to: &item) }
        if columns.deadline == nil {
          item.deadlines.append(contentsOf: dates(in: text))
          if item.vagueDeadline == nil { item.vagueDeadline = vagueTime(in: text, block: cell, deadlineCell: false) }
        }
      }
    }
    return item
  }

  /// Whether the row's status cell says the work is done.
  private func isDoneRow(_ row: [Int], _ columns: Columns) -> Bool {
    guard let status = columns.status, status < row.count else { return false }
    return lexicons.doneMarkers.contains { !matches($0, row[status]).isEmpty }
  }

  /// The owners a table cell names, added to the item (the first diffuse group is kept).
  private func addOwners(of cell: Int, wholeCellIsOwner: Bool, to item: inout ActionItem) {
    let found = owners(in: blocks[cell], block: cell, wholeCellIsOwner: wholeCellIsOwner)
    item.owners.append(contentsOf: found.owners)
    if item.diffuseOwner == nil { item.diffuseOwner = found.diffuse }
  }

  // MARK: - Owners and deadlines

  private func makeItem(block index: Int, tokens range: Range<Int>, source: ActionSource, done: Bool) -> ActionItem {
    let text = blocks[index]
    let blockText = document.blocks[index].text
    // The item starts at its first token (after a list marker or checkbox).
    let start =
      range.lowerBound < text.tokens.count
      ? blockText.position(at: Int(text.tokens[range.lowerBound].start)) : document.blocks[index].start
    // The speaker's label of a paragraph turn ("Giulia:", "<dario>") names who speaks, not who
    // acts: "Roberta: dobbiamo ottimizzare i backup" is the group's (categories.md §6). In a list
    // ("- Marta: first baseline model by Friday") the label is the owner.
    var ownerRange = range
    if document.blocks[index].kind == .paragraph, let turn = transcript?.turns[index], !turn.label.isEmpty,
      turn.label.upperBound > range.lowerBound
    {
      ownerRange = min(turn.label.upperBound, range.upperBound)..<range.upperBound
    }
    var found = owners(in: text, block: index, range: ownerRange, wholeCellIsOwner: false)
    var speakerOwned = false
    if found.owners.isEmpty, let turn = transcript?.turns[index], isFirstPersonSingular(text, range) {
      // "**Ana:** I will send it", "<ana> sure, I'll do it": the speaker owns it.
      found = ([turn.speaker], nil)
      speakerOwned = true
    }
    let scalars = blockText.scalars
    let scalarRange = text.scalarRange(range).clamped(to: 0..<scalars.count)
    var item = ActionItem(
      block: index, blocks: [index], tokens: range, start: start, source: source, done: done, owners: found.owners,
      diffuseOwner: found.diffuse, deadlines: dates(in: text, range: range),
      vagueDeadline: vagueTime(in: text, block: index, range: range, deadlineCell: false),
      text: Excerpt.make(scalars[scalarRange]))
    item.speakerOwned = speakerOwned
    return item
  }

  private static let lowerIHash = TokenHash.hash("i")
  private static let firstSingular = TokenSet(
    ["i", "i'll", "i'm", "i've", "i'd", "io", "me", "mi", "posso", "farò", "faccio", "let's"].map(TokenHash.hash))

  /// Whether a speaker speaks of themselves as the one who acts: "I", "I'll", "io", a verb in the
  /// first person singular future ("invierò").
  private func isFirstPersonSingular(_ text: TextAnalysis, _ range: Range<Int>) -> Bool {
    var words = 0
    for position in range where text.tokens[position].kind == .word {
      let token = text.tokens[position]
      // In an Italian note a lower-case "i" is the article ("i backup"), not "I".
      if Self.firstSingular.contains(token.hash),
        token.hash != Self.lowerIHash || token.isCapitalized || resources.language == .english
      {
        return true
      }
      if token.length >= 4, text.originalHasSuffix(token, "rò") { return true }
      words += 1
      if words > 12 { break }
    }
    return false
  }

  private func dates(in text: TextAnalysis, range: Range<Int>? = nil) -> [DateExpression] {
    let scalarRange = range.map { text.scalarRange($0) } ?? 0..<text.folded.count
    guard !scalarRange.isEmpty else { return [] }
    let slice = Array(text.folded[scalarRange])
    return dateParser.find(in: slice, context: dateContext).map { expression in
      var shifted = expression
      let offset = scalarRange.lowerBound
      shifted.range = (expression.range.lowerBound + offset)..<(expression.range.upperBound + offset)
      return shifted
    }
  }

  /// A vague time in the item (soon, a breve), or a placeholder where a deadline goes ("Due: TBD",
  /// a "TBD" in the deadline column). `deadlineCell`: the text is a deadline column's cell.
  private func vagueTime(in text: TextAnalysis, block: Int, range: Range<Int>? = nil, deadlineCell: Bool)
    -> (text: String, block: Int, tokens: Range<Int>)?
  {
    for lexicon in lexicons.vagueTime {
      if let match = matches(lexicon, block, range: range).first {
        return (text.text.string(text.scalarRange(match.tokens)), block, match.tokens)
      }
    }
    for lexicon in lexicons.placeholder {
      for match in matches(lexicon, block, range: range) {
        let labelled = deadlineCell || followsDeadlineLabel(text, block: block, match.tokens.lowerBound)
        if labelled { return (text.text.string(text.scalarRange(match.tokens)), block, match.tokens) }
      }
    }
    return nil
  }

  private func followsDeadlineLabel(_ text: TextAnalysis, block: Int, _ position: Int) -> Bool {
    var probe = position - 1
    while probe >= 0, text.tokens[probe].kind == .punctuation { probe -= 1 }
    guard probe >= 0 else { return false }
    for lexicon in lexicons.deadlineLabels {
      for match in matches(lexicon, block, range: max(0, probe - 3)..<(probe + 1))
      where match.tokens.upperBound == probe + 1 {
        return true
      }
    }
    return false
  }

  private static let articles = TokenSet(
    ["the", "il", "lo", "la", "l'", "i", "gli", "le", "a", "an", "our", "il nostro", "la nostra"].map(TokenHash.hash))

  private func isName(_ text: TextAnalysis, _ token: Token) -> Bool {
    guard token.kind == .word, token.isCapitalized || token.isAllCaps == false && roster.contains(token.hash) else {
      return token.kind == .word && roster.contains(token.hash)
    }
    return LanguageResources.firstNames.contains(token.hash) || roster.contains(token.hash)
  }

  /// How far after a position a lexicon is read for a phrase that starts there: far longer than any
  /// phrase (six tokens), so the first match is the one the rest of the item gives. Reading the
  /// rest of the item at every owner slot was quadratic in the item's length.
  private static let phraseWindow = 32

  private static func window(_ position: Int, _ end: Int) -> Range<Int> {
    position..<max(position, min(end, position + phraseWindow))
  }

  /// A group standing at `position`: "we", "the team", "il marketing" ("it" only as IT).
  private func diffuseMatch(_ text: TextAnalysis, block: Int, at position: Int, range: Range<Int>) -> PhraseMatch? {
    for lexicon in lexicons.diffuseOwners {
      if let match = firstMatch(
        lexicon, block, at: position, limit: Self.window(position, range.upperBound).upperBound),
        !isPronounIT(text, match)
      {
        return match
      }
    }
    return nil
  }

  /// Whether a span names one accountable person or role (not a group, not a placeholder).
  func namesPerson(_ text: TextAnalysis, block: Int, range: Range<Int>) -> Bool {
    !owners(in: text, block: block, range: range, wholeCellIsOwner: false).owners.isEmpty
  }

  /// Owners of an item: handles, labelled owners, names and roles in the position of the one who acts.
  private func owners(
    in text: TextAnalysis, block: Int, range: Range<Int>? = nil, wholeCellIsOwner: Bool
  ) -> (owners: [String], diffuse: (text: String, block: Int, tokens: Range<Int>)?) {
    let range = range ?? 0..<text.tokens.count
    guard !range.isEmpty else { return ([], nil) }
    let tokens = text.tokens
    var owners: [String] = []
    var diffuse: (text: String, block: Int, tokens: Range<Int>)?
    let scalars = text.text.scalars
    // Positions where an owner may stand: the start, after a label, inside brackets, after a dash.
    // One flag per position of the range (and one past it), read in source order below.
    var isSlot = [Bool](repeating: false, count: range.count + 1)
    var first = range.lowerBound
    while first < range.upperBound, tokens[first].kind == .punctuation || tokens[first].kind == .placeholder {
      first += 1
    }
    isSlot[first - range.lowerBound] = true
    if wholeCellIsOwner {
      for position in range where tokens[position].kind == .word { isSlot[position - range.lowerBound] = true }
    }
    for position in range {
      let token = tokens[position]
      if token.kind == .mention {
        owners.append(text.originalString(token))
        continue
      }
      if token.kind == .punctuation, position + 1 < range.upperBound {
        switch scalars[Int(token.start)] {
        case "(", "[", "–", "—", "-", ":", "/", ",": isSlot[position + 1 - range.lowerBound] = true
        default: break
        }
      }
      // Sentence starts inside the item.
      if position > range.lowerBound, text.sentenceOfToken[position] != text.sentenceOfToken[position - 1] {
        isSlot[position - range.lowerBound] = true
      }
    }
    for lexicon in lexicons.ownerLabels {
      for match in matches(lexicon, block, range: range) {
        var next = match.tokens.upperBound
        // "Responsabile: Marco" but not "parlare con il responsabile del call center".
        if match.tokens.count == 1 {
          guard next < range.upperBound, tokens[next].kind == .punctuation else { continue }
          switch scalars[Int(tokens[next].start)] {
          case ":", "=", "-", "–", "—": break
          default: continue
          }
        }
        while next < range.upperBound, tokens[next].kind == .punctuation { next += 1 }
        if next < range.upperBound { isSlot[next - range.lowerBound] = true }
      }
    }
    // Skip articles in front of a slot: "il data scientist", "the PM".
    // In source order: the owners and the diffuse group found first must not depend on anything else.
    for slot in range.lowerBound...range.upperBound where isSlot[slot - range.lowerBound] {
      var position = slot
      if position < range.upperBound, Self.articles.contains(tokens[position].hash) { position += 1 }
      // "La prof.ssa Kowalczyk trasmette…", "Dr. Lee to send…": a title before the name.
      while position + 1 < range.upperBound, Self.honorifics.contains(tokens[position].hash) {
        position += 1
        while position < range.upperBound, tokens[position].kind == .punctuation { position += 1 }
      }
      guard position < range.upperBound else { continue }
      let token = tokens[position]
      // "Sarà aggiunta…", "Verrà inviato…": the future of essere/venire, not Sara.
      let isAuxiliary =
        Self.italianPassiveAuxiliaries.contains(token.hash) && token.end > token.start
        && "àÀ".unicodeScalars.contains(text.text.scalars[Int(token.end) - 1])
      if !isAuxiliary,
        isName(text, token) || isPlausibleName(text, position)
          || slot == first && isSubjectOfItem(text, position, range: range)
      {
        // "Priya: we need to agree…": a speaker, then a group as the subject.
        if position + 2 < range.upperBound, tokens[position + 1].length == 1,
          scalars[Int(tokens[position + 1].start)] == ":",
          let group = diffuseMatch(text, block: block, at: position + 2, range: range)
        {
          if diffuse == nil { diffuse = (text.text.string(text.scalarRange(group.tokens)), block, group.tokens) }
          continue
        }
        owners.append(text.originalString(token))
        continue
      }
      var role: PhraseMatch?
      for lexicon in lexicons.roles {
        role = matches(lexicon, block, range: Self.window(slot, range.upperBound)).first
        if role != nil { break }
      }
      if let role, role.tokens.lowerBound <= position {
        owners.append(text.text.string(text.scalarRange(role.tokens)))
        continue
      }
      if diffuse == nil, let match = diffuseMatch(text, block: block, at: slot, range: range) {
        diffuse = (text.text.string(text.scalarRange(match.tokens)), block, match.tokens)
        continue
      }
      if wholeCellIsOwner, token.kind == .word, token.isCapitalized {
        // A capitalised word in an owner column is a name even if our lists do not know it,
        // unless it is a placeholder.
        let limit = Self.window(position, range.upperBound).upperBound
        let placeholder = lexicons.placeholder.contains { firstMatch($0, block, at: position, limit: limit) != nil }
        if !placeholder { owners.append(text.originalString(token)) }
      }
    }
    // Two positions can find the same owner.
    if owners.count > 1 {
      var seen = Set<String>()
      owners = owners.filter { seen.insert($0).inserted }
    }
    return (owners, owners.isEmpty ? diffuse : nil)
  }
}

extension Array {
  subscript(safe index: Int) -> Element? {
    indices.contains(index) ? self[index] : nil
  }
}
