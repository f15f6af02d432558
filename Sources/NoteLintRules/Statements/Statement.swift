import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// What a sentence or an item says (the statement model of issue 13): a task, a proposal, a
/// question, a request, a report of past work, a prediction, a requirement on the product, meeting
/// logistics, a label or field, or a plain statement.
public enum StatementKind: String, Sendable, CaseIterable {
  case task
  case proposal
  case question
  case request
  case report
  case prediction
  case requirement
  case logistics
  case label
  case statement
}

/// The features of one sentence or item that a linguist would read to tell what it says: its
/// subject, the class of its verb, tense and mood, negation, question form, hedges, where it sits
/// (section, list, table, speaker turn). They are named strings, so that the weights learned from
/// labelled notes (`ConfidenceModel`) read them and a developer can print them.
public struct Statement: Sendable {
  public var kind: StatementKind
  public var features: [String]
}

/// Reads statements of one document. Built once per document by `DocumentAnalysis`.
public struct StatementReader: Sendable {
  let document: Document
  let blocks: [TextAnalysis]
  let transcript: Transcript
  /// For each block, the folded words of its section's heading and what the section is for.
  let sectionOf: [Int: SectionInfo]
  let language: Language

  struct SectionInfo: Sendable {
    var kind: String
    var words: [String]
    /// `sec=<kind>` and `h=<word>` for each word, built once per section.
    var features: [String] = []
  }

  /// `lang=<code>`, built once per document.
  let languageFeature: String

  init(
    document: Document, blocks: [TextAnalysis], transcript: Transcript, language: Language,
    actionHeadings: [Lexicon], decisionMarkers: [Lexicon], doneHeadings: [Lexicon]
  ) {
    self.document = document
    self.blocks = blocks
    self.transcript = transcript
    self.language = language
    self.languageFeature = "lang=\(language.rawValue)"
    var sections: [Int: SectionInfo] = [:]
    var cache: [Int: SectionInfo] = [:]
    for index in document.blocks.indices {
      guard let heading = document.blocks[index].section else { continue }
      if let known = cache[heading] {
        sections[index] = known
        continue
      }
      let text = blocks[heading]
      let tokens = text.tokens
      func has(_ lexicons: [Lexicon]) -> Bool {
        lexicons.contains { !$0.matches(in: tokens, range: 0..<min(tokens.count, 10)).isEmpty }
      }
      let kind =
        has(doneHeadings) ? "done" : has(actionHeadings) ? "action" : has(decisionMarkers) ? "decision" : "other"
      var words: [String] = []
      for token in tokens where token.kind == .word && token.length >= 4 && words.count < 3 {
        words.append(text.foldedString(token))
      }
      let info = SectionInfo(kind: kind, words: words, features: ["sec=\(kind)"] + words.map { "h=\($0)" })
      cache[heading] = info
      sections[index] = info
    }
    self.sectionOf = sections
  }

  // MARK: - Word classes (folded)

  private static func set(_ words: [String]) -> TokenSet { TokenSet(words.map(TokenHash.hash)) }

  static let firstSingular = set(["i", "io", "i'll", "i'm", "i've", "i'd", "me", "mi"])
  static let firstPlural = set(["we", "noi", "we'll", "we're", "we've", "we'd", "let's", "lets", "our", "us"])
  static let secondPerson = set(["you", "voi", "tu", "you'll", "you're", "vi", "ti"])
  static let future = set(["will", "shall", "gonna", "'ll"])
  static let need = set([
    "need", "needs", "needed", "must", "necessary", "necessario", "necessaria", "bisogna", "occorre", "occorrono",
    "serve", "servono", "dobbiamo", "devono", "deve", "devo", "required", "requires", "necessita", "necessità",
  ])
  static let should = set(["should", "ought", "dovremmo", "dovrebbe", "dovrebbero", "dovrei"])
  static let can = set(["can", "could", "possiamo", "potremmo", "può", "puo", "potrebbe", "posso", "potrei"])
  static let would = set(["would", "vorrei", "vorremmo", "wish", "like"])
  static let might = set(["might", "may", "forse", "maybe", "perhaps", "eventually", "eventualmente"])
  static let plan = set([
    "plan", "plans", "planned", "intend", "intends", "decided", "resolved", "agreed", "deciso", "stabilito",
    "concordato", "previsto", "prevista", "previsti", "programmato", "propose", "proposed", "going",
  ])
  static let negations = set(["not", "never", "non", "mai", "no", "nobody", "nessuno", "don't", "won't", "can't"])
  static let hedges = set([
    "think", "believe", "guess", "probably", "likely", "penso", "credo", "pensiamo", "crediamo", "probabilmente",
    "sembra", "seems", "suppose", "feel", "opinion", "parere",
  ])
  static let pastAuxiliaries = set([
    "was", "were", "did", "had", "been", "has", "have", "è", "e'", "sono", "stato", "stata", "stati", "state",
    "abbiamo", "ha", "hanno", "avevamo", "era", "erano", "fu",
  ])
  /// English past forms that do not end in "-ed": "I made some changes", "we had a look".
  static let irregularPast = set([
    "made", "had", "heard", "got", "saw", "did", "went", "took", "gave", "found", "said", "told", "sent", "spent",
    "thought", "wrote", "met", "ran", "began", "came", "brought", "kept", "left", "felt", "knew", "built", "bought",
    "caught", "chose", "drew", "fell", "held", "led", "lost", "meant", "paid", "sat", "sold", "spoke", "stood",
    "taught", "won", "broke", "became",
  ])
  static let requests = set(["please", "could", "can", "would", "per", "favore", "potresti", "potete", "puoi"])
  static let thanks = set(["thanks", "thank", "grazie", "sure", "ok", "okay", "certo", "yes", "sì", "si"])
  static let logistics = set([
    "agenda", "meeting", "meetings", "call", "calls", "discuss", "discussion", "discussed", "riunione", "incontro",
    "incontri", "reconvene", "schedule", "skip", "cancel", "postpone", "rinviare", "rinviata", "discutere",
    "discussione", "forum", "list", "mailing", "chairs", "sync", "session",
  ])
  static let product = set([
    "users", "user", "utente", "utenti", "software", "system", "sistema", "app", "application", "applicazione",
    "api", "spec", "specification", "specifica", "tool", "interface", "interfaccia", "feature", "piattaforma",
    "platform", "it", "this", "that", "there", "esso", "questo", "questa", "which",
  ])
  static let conditionals = set(["if", "se", "unless", "qualora", "once", "when", "quando", "whether"])
  static let impersonal = set(["si"])
  static let passiveAuxiliaries = set([
    "be", "being", "been", "verrà", "verra", "verranno", "sarà", "sara", "saranno", "viene", "vengono", "va", "vanno",
  ])
  static let articles = set(["the", "il", "lo", "la", "l'", "i", "gli", "le"])

  private static let italianParticiple: [[Unicode.Scalar]] = [
    "ato", "ata", "ati", "ate", "ito", "ita", "iti", "ite",
    "uto", "uta", "uti", "ute", "olto", "olta", "esso", "essa", "esse", "essi",
  ].map { Array($0.unicodeScalars) }
  private static let nominalEndings: [[Unicode.Scalar]] = [
    "zione", "zioni", "mento", "menti", "tura", "ture",
    "sione", "sioni", "aggio", "tion", "tions", "ment", "ing", "ance", "ence", "ura", "isi",
  ].map { Array($0.unicodeScalars) }
  private static let infinitiveEndings: [[Unicode.Scalar]] = ["are", "ere", "ire", "arsi", "ersi", "irsi"].map {
    Array($0.unicodeScalars)
  }

  private static func ends(_ folded: ArraySlice<Unicode.Scalar>, _ endings: [[Unicode.Scalar]], minimum: Int = 2)
    -> Bool
  {
    endings.contains { $0.count + minimum <= folded.count && folded.suffix($0.count).elementsEqual($0) }
  }

  // MARK: - Reading

  /// The statement made by a range of a block's tokens (a sentence, or a whole item).
  /// `item`: how the action detector took it, if it did; `extra`: features the caller knows.
  public func read(block: Int, tokens range: Range<Int>, extra: [String] = []) -> Statement {
    let text = blocks[block]
    let tokens = text.tokens
    var features = extra
    features.reserveCapacity(extra.count + 40)
    features.append(languageFeature)
    if document.format == .html { features.append("fmt=html") }
    if transcript.isTranscript { features.append("doc=transcript") }
    let blockInfo = document.blocks[block]
    switch blockInfo.kind {
    case .listItem:
      features.append(blockInfo.list?.task == .unchecked ? "blk=task" : "blk=list")
      if (blockInfo.list?.depth ?? 1) > 1 { features.append("blk=nested") }
    case .tableCell:
      features.append("blk=cell")
      if blockInfo.cell?.column == 0 { features.append("blk=cell0") }
    case .paragraph: features.append("blk=para")
    default: break
    }
    if blockInfo.quoteDepth > 0 { features.append("blk=quote") }
    if let section = sectionOf[block] {
      features.append(contentsOf: section.features)
    } else {
      features.append("sec=none")
    }
    var start = range.lowerBound
    if let turn = transcript.turns[block] {
      features.append(turn.label.isEmpty ? "turn=cont" : "turn")
      if !turn.label.isEmpty, turn.label.upperBound > start, turn.label.upperBound <= range.upperBound {
        start = turn.label.upperBound
      }
    }
    // Skip leading punctuation, list markers, labels' dashes.
    while start < range.upperBound, tokens[start].kind == .punctuation || tokens[start].kind == .placeholder {
      start += 1
    }
    let body = start..<range.upperBound
    let words = body.filter { tokens[$0].kind == .word || tokens[$0].kind == .mention }
    let count = words.count
    features.append(count <= 3 ? "len=1-3" : count <= 8 ? "len=4-8" : count <= 20 ? "len=9-20" : "len=21+")
    if text.isQuestion(range)
      || body.contains(where: { tokens[$0].kind == .punctuation && text.text.scalars[Int(tokens[$0].start)] == "?" })
    {
      features.append("q")
    }
    if body.contains(where: { tokens[$0].kind == .number }) { features.append("num") }
    if body.contains(where: { tokens[$0].kind == .mention }) { features.append("mention") }
    if body.contains(where: { tokens[$0].kind == .url })
      || blockInfo.links.contains(where: {
        $0.range.overlaps(text.scalarRange(body))
      })
    {
      features.append("link")
    }
    // Ends with a colon: a label or a lead-in.
    if let last = body.last(where: { tokens[$0].kind != .placeholder }), tokens[last].kind == .punctuation,
      text.text.scalars[Int(tokens[last].start)] == ":"
    {
      features.append("endcolon")
    }
    // A "Label: value" field: one or two words and a colon at the start.
    if body.count > 2,
      let colon = body.prefix(4).firstIndex(where: {
        tokens[$0].kind == .punctuation && text.text.scalars[Int(tokens[$0].start)] == ":"
      }), colon > start, colon - start <= 2
    {
      features.append("field")
    }
    // The words, up to 24, for the classes below.
    var subject = "none"
    var sawVerbClass = false
    var hasNegation = false
    var hasHedge = false
    var past = false
    var passive = false
    var modalSeen: [String] = []
    let limit = min(words.count, 24)
    for (order, position) in words.prefix(limit).enumerated() {
      let token = tokens[position]
      let hash = token.hash
      if order < 4, !sawVerbClass {
        if Self.firstSingular.contains(hash) {
          subject = "i"
        } else if Self.firstPlural.contains(hash) {
          subject = "we"
        } else if Self.secondPerson.contains(hash) {
          subject = "you"
        } else if token.kind == .mention || (token.isCapitalized && LanguageResources.firstNames.contains(hash)) {
          if subject == "none" { subject = "name" }
        } else if Self.product.contains(hash), subject == "none" {
          subject = "thing"
        } else if Self.impersonal.contains(hash), order <= 2, language == .italian {
          subject = "si"
        }
      }
      if Self.future.contains(hash) || text.foldedHasSuffix(token, "'ll") {
        modalSeen.append("will")
        sawVerbClass = true
      } else if Self.need.contains(hash) {
        modalSeen.append("need")
        sawVerbClass = true
      } else if Self.should.contains(hash) {
        modalSeen.append("should")
        sawVerbClass = true
      } else if Self.can.contains(hash) {
        modalSeen.append("can")
        sawVerbClass = true
      } else if Self.would.contains(hash) {
        modalSeen.append("would")
        sawVerbClass = true
      } else if Self.might.contains(hash) {
        modalSeen.append("might")
      } else if Self.plan.contains(hash) {
        modalSeen.append("plan")
      }
      if Self.negations.contains(hash) || text.foldedHasSuffix(token, "n't") { hasNegation = true }
      if Self.hedges.contains(hash) { hasHedge = true }
      if Self.pastAuxiliaries.contains(hash), order + 1 < limit {
        let next = tokens[words[order + 1]]
        let folded = text.folded[next.range]
        if Self.ends(folded, Self.italianParticiple) || folded.count > 4 && folded.suffix(2).elementsEqual(["e", "d"])
          || next.kind == .word && (text.foldedString(next) == "been" || text.foldedString(next) == "stato")
        {
          past = true
        }
      }
      if Self.passiveAuxiliaries.contains(hash), order + 1 < limit {
        let next = tokens[words[order + 1]]
        let folded = text.folded[next.range]
        if Self.ends(folded, Self.italianParticiple) || folded.count > 4 && folded.suffix(2).elementsEqual(["e", "d"])
          || folded.count > 4 && folded.suffix(2).elementsEqual(["e", "n"])
        {
          passive = true
        }
      }
      // "Published the draft", "Amara interviewed four teams": a past verb first or right after
      // its subject.
      if order <= 1, token.length >= 5, language == .english, text.foldedHasSuffix(token, "ed"),
        order == 0 || subject == "name" || subject == "i" || subject == "we"
          || tokens[words[0]].isCapitalized && !tokens[position].isCapitalized
      {
        past = true
      }
      // "I made some changes", "Ori: had to reduce…": an irregular past right after its subject.
      if order <= 1, language == .english, Self.irregularPast.contains(hash),
        order == 0 || subject == "name" || subject == "i" || subject == "we"
      {
        past = true
      }
    }
    features.append("subj=\(subject)")
    for modal in Set(modalSeen).sorted() { features.append("m=\(modal)") }
    if modalSeen.isEmpty { features.append("m=none") }
    if let first = modalSeen.first { features.append("m1=\(first)") }
    if !modalSeen.isEmpty { features.append("subjm=\(subject)_\(modalSeen[0])") }
    if hasNegation { features.append("neg") }
    if hasHedge { features.append("hedge") }
    if past { features.append("past") }
    if passive { features.append("passive") }
    // Italian future by its ending ("invierà", "faremo", "verranno").
    var italianFuture = false
    var impersonalVerb = false
    for position in words.prefix(limit) {
      let token = tokens[position]
      guard token.length >= 4 else { continue }
      let original = text.text.scalars[Int(token.end) - 1]
      if original == "\u{E0}", text.originalHasSuffix(token, "rà") { italianFuture = true }
      if text.foldedHasSuffix(token, "ranno") || text.foldedHasSuffix(token, "remo") { italianFuture = true }
    }
    if italianFuture { features.append("itfut") }
    if subject == "si", words.count >= 2 { impersonalVerb = true }
    if impersonalVerb { features.append("si") }
    // The first word's shape: an infinitive or imperative, a noun of action, a participle.
    if let firstWord = words.first {
      let token = tokens[firstWord]
      let folded = text.folded[token.range]
      if language == .italian, Self.ends(folded, Self.infinitiveEndings) { features.append("w0=inf") }
      if Self.ends(folded, Self.nominalEndings) { features.append("w0=nominal") }
      if Self.ends(folded, Self.italianParticiple)
        || language == .english && folded.count > 4
          && folded.suffix(2).elementsEqual(["e", "d"])
      {
        features.append("w0=participle")
      }
      if token.isCapitalized { features.append("w0=cap") }
      if order(of: firstWord, in: words) == 0, Self.articles.contains(token.hash) { features.append("w0=article") }
    }
    var lexical = Set<String>()
    for position in words.prefix(limit) {
      let hash = tokens[position].hash
      if Self.requests.contains(hash) { lexical.insert("x=request") }
      if Self.thanks.contains(hash), position - start <= 2 { lexical.insert("x=accept") }
      if Self.logistics.contains(hash) { lexical.insert("x=logistics") }
      if Self.conditionals.contains(hash) { lexical.insert("x=if") }
    }
    features.append(contentsOf: lexical.sorted())
    // `features` holds a few dozen short strings: a linear scan costs less than hashing them all.
    let kind = Self.kind(features: features, subject: subject, modals: modalSeen, past: past)
    features.append("kind=\(kind.rawValue)")
    return Statement(kind: kind, features: features)
  }

  private func order(of position: Int, in words: [Int]) -> Int { words.firstIndex(of: position) ?? -1 }

  /// A first reading of the kind from the features (the learned weights refine the judgement).
  static func kind(features: [String], subject: String, modals: [String], past: Bool) -> StatementKind {
    if features.contains("q") { return .question }
    if features.contains("field") && features.contains("len=1-3") { return .label }
    if features.contains("x=logistics") && !features.contains("sec=action") { return .logistics }
    if past && modals.isEmpty { return .report }
    if features.contains("hedge") || modals.first == "would" || modals.first == "might" { return .proposal }
    if features.contains("x=request") && subject == "you" { return .request }
    if subject == "thing" && (modals.first == "should" || modals.first == "need" || modals.first == "can") {
      return .requirement
    }
    if subject == "thing" && modals.first == "will" { return .prediction }
    if !modals.isEmpty || features.contains("itfut") || features.contains("passive") || features.contains("w0=inf") {
      return .task
    }
    return .statement
  }
}
