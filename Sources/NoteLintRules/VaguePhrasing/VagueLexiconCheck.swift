import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// The shared check behind the word-list rules of `vague-phrasing`: match one lexicon in every
/// prose block and report each match the conditions let through.
struct VagueLexiconCheck: Sendable {
  enum Condition: Sendable {
    /// Always a finding.
    case always
    /// Only when the sentence has no number, amount or named KPI, and is not a question.
    case unmeasured
    /// Only when the sentence is not a question.
    case statement
  }

  let lexicon: String
  let condition: Condition
  /// What inside an open action item is the deadline rules' business.
  enum Leave: Sendable {
    case none
    /// Every match (vague times: inside an item they are its missing deadline).
    case all
    /// Only a match that stands as the item's deadline ("Due: TBD").
    case deadline
  }

  let leave: Leave
  /// A quantifier (categories.md §6): not vague inside a hypothetical ("if you have a lot of
  /// tests…"), nor "various" after a definite article ("le varie sedi" = all the offices); other
  /// quantifiers after an article are left to the model (`vp=article`).
  var quantifier = false
  /// A time word in a report of past work ("Successivamente sono state mostrate…", "it was
  /// abandoned after a while") times nothing still to happen: not a finding (categories.md §6).
  var skipReports = false
  let message: @Sendable (String) -> Localized
  let suggestion: Localized

  private static let ordinalWords = TokenSet(
    [
      "sprint", "settimana", "week", "wk", "w", "q", "h", "fase", "phase", "step", "v", "version", "versione",
      "release",
      "sett", "wave", "ondata", "giorno", "day", "pagina", "page", "punto", "point", "item", "ticket", "jira", "slide",
    ]
    .map(TokenHash.hash))

  /// A number that measures: not a year, not a sprint or version number.
  static func hasMeasure(_ text: TextAnalysis, _ range: Range<Int>) -> Bool {
    for index in range where text.tokens[index].kind == .number {
      let token = text.tokens[index]
      let digits = text.folded[token.range]
      if digits.count == 4, let year = Int(String(scalars: digits)), year >= 1990, year <= 2100 {
        continue
      }
      if index > range.lowerBound, ordinalWords.contains(text.tokens[index - 1].hash) { continue }
      return true
    }
    return false
  }

  func run(_ description: RuleDescription, _ context: LintContext) -> [Finding] {
    let analysis = context.analysis
    let lexicon = context.resources.lexicon(self.lexicon)
    guard !lexicon.isEmpty else { return [] }
    let kpiNames = context.resources.lexicon("kpi-names")
    // A quantifier inside a vague time ("at some point") belongs to that phrase: the time rules judge it.
    let vagueTimes = quantifier ? context.resources.lexicon("vague-time") : nil
    let talk = quantifier ? context.resources.lexicon("discourse-nouns") : nil
    var findings: [Finding] = []
    // A block where no phrase of the lexicon can start (most of them) is skipped on one test.
    for index in analysis.blocks.indices
    where lexicon.mayMatch(filter: analysis.blockFilters[index]) && analysis.isProse(index) {
      let matches = lexicon.matches(in: analysis.blocks[index].tokens)
      guard !matches.isEmpty else { continue }
      let text = analysis.blocks[index]
      let times = vagueTimes.map { analysis.matches($0, block: index) } ?? []
      // Per sentence, once: whether the condition lets its matches through, and its excerpt (a
      // sentence can hold thousands of matches).
      var sentences: [Int: (passes: Bool, excerpt: String)] = [:]
      for match in matches {
        let sentence = text.sentence(containing: match.tokens.lowerBound)
        let judged =
          sentences[sentence.lowerBound]
          ?? (
            passes(analysis, index, sentence, kpiNames), Excerpt.make(text.text.scalars[text.scalarRange(sentence)])
          )
        sentences[sentence.lowerBound] = judged
        guard judged.passes else { continue }
        if !times.isEmpty, times.contains(where: { $0.tokens.overlaps(match.tokens) }) { continue }
        if quantifier, Self.isHypothetical(text, match: match.tokens, sentence: sentence) { continue }
        // "(explains some invalid constructs)": the scribe's aside on what a speaker did.
        if quantifier, let turn = analysis.transcript.turns[index],
          Self.isAside(text, sentence.clamped(to: turn.label.upperBound..<sentence.upperBound))
        {
          continue
        }
        // "le varie sedi", "nei vari sprint", "the various teams": all of them, not an amount (§6).
        if quantifier, Self.isDefiniteVarious(text, match: match.tokens, sentence: sentence) { continue }
        // "è stata un po' complicata", "were quite autonomous": the degree of a quality told, not an
        // amount (categories.md §6: vague only when the sentence gives an amount the reader needs).
        if quantifier, Self.isDegreeOfQuality(text, match: match.tokens, sentence: sentence) { continue }
        // "some open issues, like direction", "alcuni rischi: …": the detail follows (§6).
        if quantifier, Self.hasDetailAfter(text, match: match.tokens, sentence: sentence) { continue }
        // "Ci ha illustrato diverse modalità. Ad esempio, …": the next sentence gives the detail.
        if quantifier, Self.nextSentenceGivesExample(text, after: sentence) { continue }
        // "Successivamente, l'LLM risponde": a connective that orders the steps told, not a time.
        if skipReports, Self.isConnective(text, match: match.tokens, sentence: sentence),
          analysis.actionItem(block: index, token: match.tokens.lowerBound) == nil
        {
          continue
        }
        let isOpenItem = analysis.actionItem(block: index, token: match.tokens.lowerBound).map { !$0.done } ?? false
        if let item = analysis.actionItem(block: index, token: match.tokens.lowerBound), !item.done {
          switch leave {
          case .none: break
          case .all: continue
          case .deadline:
            if let vague = item.vagueDeadline, vague.block == index, vague.tokens.overlaps(match.tokens) { continue }
          }
        }
        let range = text.scalarRange(match.tokens)
        let phrase = text.text.string(range)
        var advice = suggestion
        if let specific = lexicon.suggestion(match.phrase) {
          advice = Localized(en: specific, it: specific)
        }
        var finding = context.finding(
          description, block: index, range: range, message: message(phrase), suggestion: advice,
          excerpt: judged.excerpt)
        var extra = ["vp=\(String(scalars: text.folded[range]))"]
        extra.append(contentsOf: Self.contextFeatures(text, match: match.tokens, sentence: sentence))
        if analysis.actionItem(block: index, token: match.tokens.lowerBound) != nil { extra.append("in_item") }
        let statement = analysis.statements.read(block: index, tokens: sentence, extra: extra)
        // "it was parked for later", "rimandato a dopo": a deferral with no date, past or not.
        if skipReports, statement.kind == .report,
          match.tokens.lowerBound == 0 || !Self.deferrals.contains(text.tokens[match.tokens.lowerBound - 1].hash)
        {
          continue
        }
        // "I had some doubts", "sono state poste alcune domande": how the talk went, not an amount
        // the reader needs (a narrative aside, categories.md §6); "we need some feedback" asks for one.
        if let talk, statement.kind != .task, !isOpenItem,
          Self.quantifiesTalk(text, match: match.tokens, sentence: sentence, talk)
        {
          continue
        }
        finding.features = statement.features
        findings.append(finding)
      }
    }
    return findings
  }

  /// Whether the quantifier counts things said ("some doubts", "alcune domande"), right after it or
  /// after one more word ("a few minor comments", "alcuni piccoli dubbi").
  static func quantifiesTalk(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>, _ talk: Lexicon) -> Bool {
    var position = match.upperBound
    var words = 0
    while position < sentence.upperBound, words < 2 {
      let token = text.tokens[position]
      guard token.kind == .word else { return false }
      if talk.contains(word: token.hash) { return true }
      words += 1
      position += 1
    }
    return false
  }

  /// "various" and "different" in both languages: after a definite article they mean "each of the".
  private static let various = TokenSet(["various", "vari", "varie", "diversi", "diverse"].map(TokenHash.hash))

  /// "le varie sedi", "nei diversi reparti", "the various teams": a definite article (or an
  /// articulated preposition) before "various" makes it "all the", not a vague amount.
  static func isDefiniteVarious(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> Bool {
    guard match.count == 1, various.contains(text.tokens[match.lowerBound].hash),
      match.lowerBound > sentence.lowerBound
    else { return false }
    return definiteArticles.contains(text.tokens[match.lowerBound - 1].hash)
  }

  private static let degreeAdverbs = TokenSet(
    ["quite", "fairly", "rather", "pretty", "somewhat", "abbastanza", "piuttosto", "alquanto"].map(TokenHash.hash))
  private static let little = TokenSet(["po", "pò", "po'", "poco"].map(TokenHash.hash))
  private static let copulas = TokenSet(
    [
      "is", "are", "was", "were", "be", "been", "being", "seems", "seemed", "looks", "looked", "felt", "è", "e'",
      "sono", "era", "erano", "stato", "stata", "stati", "state", "sembra", "sembrano", "sembrava", "risulta",
      "risultano", "siamo", "eravamo", "sarà", "saranno",
    ].map(TokenHash.hash))
  private static let fillers = TokenSet(
    ["always", "still", "also", "often", "sempre", "ancora", "anche", "spesso", "stata", "stato", "stati", "state"]
      .map(TokenHash.hash))

  /// A degree adverb ("quite", "abbastanza", "un po'") right after a copula, with no noun of amount
  /// after it ("un po' di tempo"): how good or hard something was, not a quantity.
  static func isDegreeOfQuality(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> Bool {
    let tokens = text.tokens
    let first = tokens[match.lowerBound]
    let isDegree =
      degreeAdverbs.contains(first.hash)
      || text.foldedString(first) == "un" && match.count >= 2 && little.contains(tokens[match.lowerBound + 1].hash)
    guard isDegree else { return false }
    // "un po' di tempo", "quite a lot of": an amount of something ("po'" may end in its apostrophe).
    var after = match.upperBound
    if after < sentence.upperBound, tokens[after].kind == .punctuation,
      ["'", "\u{2019}"].contains(text.text.scalars[Int(tokens[after].start)])
    {
      after += 1
    }
    if after < sentence.upperBound, tokens[after].kind == .word {
      let next = text.foldedString(tokens[after])
      if ["di", "of", "a", "un", "una", "uno"].contains(next) { return false }
    } else {
      return false
    }
    var back = match.lowerBound - 1
    var words = 0
    while back >= sentence.lowerBound, words < 3 {
      let token = tokens[back]
      if token.kind == .word {
        if copulas.contains(token.hash) { return true }
        guard fillers.contains(token.hash) else { return false }
        words += 1
      }
      back -= 1
    }
    return false
  }

  /// A time word that opens its sentence and is followed by a comma: "Successivamente, …".
  static func isConnective(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> Bool {
    var first = sentence.lowerBound
    while first < match.lowerBound, text.tokens[first].kind != .word { first += 1 }
    guard first == match.lowerBound, match.upperBound < sentence.upperBound else { return false }
    let next = text.tokens[match.upperBound]
    return next.kind == .punctuation && text.text.scalars[Int(next.start)] == ","
  }

  private static let detailMarkers = TokenSet(
    ["like", "such", "e.g", "eg", "including", "namely", "esempio", "es", "come", "tra", "cui", "ovvero", "cioè"].map(
      TokenHash.hash))

  /// Whether a list, an example or a colon follows the quantifier in its sentence.
  static func hasDetailAfter(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> Bool {
    var position = match.upperBound
    var words = 0
    while position < sentence.upperBound, words < 6 {
      let token = text.tokens[position]
      if token.kind == .punctuation, text.text.scalars[Int(token.start)] == ":" { return true }
      if token.kind == .word {
        if detailMarkers.contains(token.hash) {
          // "come" also means "how"/"as": an example only right after a comma or "ad esempio".
          let word = text.foldedString(token)
          if word != "come" && word != "tra" && word != "cui" { return true }
          if position > 0, text.tokens[position - 1].kind == .punctuation { return true }
        }
        words += 1
      }
      position += 1
    }
    return false
  }

  private static let exampleOpeners: [[String]] = [
    ["ad", "esempio"], ["per", "esempio"], ["ad", "es"], ["per", "es"], ["for", "example"], ["for", "instance"],
    ["e.g"], ["eg"], ["ovvero"], ["namely"], ["tra", "questi"], ["tra", "queste"], ["among", "them"],
  ]

  /// Whether the sentence after `sentence` in the block opens with an example marker.
  static func nextSentenceGivesExample(_ text: TextAnalysis, after sentence: Range<Int>) -> Bool {
    var words: [String] = []
    var position = sentence.upperBound
    while position < text.tokens.count, words.count < 2 {
      if text.tokens[position].kind == .word { words.append(text.foldedString(text.tokens[position])) }
      position += 1
    }
    return exampleOpeners.contains { opener in
      opener.count <= words.count && Array(words.prefix(opener.count)) == opener
    }
  }

  private static let deferrals = TokenSet(
    ["for", "to", "until", "till", "per", "a", "al", "fino", "into"].map(TokenHash.hash))
  private static let conditions = TokenSet(
    ["if", "se", "qualora", "unless", "whether", "nel", "in"].map(TokenHash.hash))

  /// Conditions that may open a whole sentence ("If all the files are updated, then…").
  private static let sentenceConditions = TokenSet(["if", "se", "qualora", "unless"].map(TokenHash.hash))
  private static let existence = TokenSet(["be", "exist", "esserci", "esistere", "essere"].map(TokenHash.hash))
  private static let possibility = TokenSet(
    ["may", "might", "could", "maybe", "perhaps", "potrebbe", "potrebbero", "forse", "magari"].map(TokenHash.hash))

  /// A sentence wholly in parentheses (after the speaker's label).
  static func isAside(_ text: TextAnalysis, _ sentence: Range<Int>) -> Bool {
    guard let first = sentence.first(where: { text.tokens[$0].kind != .placeholder }),
      let last = sentence.last(where: { text.tokens[$0].kind == .punctuation || text.tokens[$0].kind == .word }),
      text.tokens[first].kind == .punctuation, text.text.scalars[Int(text.tokens[first].start)] == "("
    else { return false }
    var position = last
    while position > first, text.tokens[position].kind == .punctuation {
      if text.text.scalars[Int(text.tokens[position].start)] == ")" { return true }
      position -= 1
    }
    return false
  }

  /// Whether a quantifier stands in a conditional clause opened earlier in its sentence ("if you
  /// have a lot of tests"), in a sentence that a condition opens ("If all the files are updated,
  /// then you lose some information"), or after a possibility ("There may be some publications").
  static func isHypothetical(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> Bool {
    let tokens = text.tokens
    var opening = 0
    for position in sentence where position < match.lowerBound && tokens[position].kind == .word {
      if sentenceConditions.contains(tokens[position].hash) {
        // "if we do this, the question is … - there are some implementations": a dash, colon or
        // semicolon closes the conditional sentence.
        let closed = (position..<match.lowerBound).contains { index in
          tokens[index].kind == .punctuation
            && [";", ":", "-", "–", "—"].contains(text.text.scalars[Int(tokens[index].start)])
        }
        if !closed { return true }
        break
      }
      opening += 1
      // "And if…", "But if…", "Ma se…": the condition may follow one connective.
      if opening >= 2 { break }
    }
    var back = match.lowerBound - 1
    var seen = 0
    // "There may be some publications", "potrebbero esserci alcuni casi": a possible existence
    // (not "this could cost a few points", which predicts an amount).
    while back >= sentence.lowerBound, seen < 3 {
      if tokens[back].kind == .word {
        if possibility.contains(tokens[back].hash), back + 1 < match.lowerBound,
          existence.contains(tokens[back + 1].hash)
        {
          return true
        }
        seen += 1
      }
      back -= 1
    }
    // The condition must open the clause the quantifier is in: at most six words before it, with
    // no comma or "then" between ("if you have a lot of tests to work on").
    var position = match.lowerBound - 1
    var words = 0
    while position >= sentence.lowerBound, words < 6 {
      let token = tokens[position]
      if token.kind == .punctuation, text.text.scalars[Int(token.start)] == "," { break }
      if token.kind == .word {
        words += 1
        if ["then", "allora", "quindi"].contains(text.foldedString(token)) { break }
      }
      if token.kind == .word, conditions.contains(token.hash) {
        let word = text.foldedString(token)
        if word == "nel" || word == "in" {
          // "nel caso in cui", "in case": a condition only with "caso"/"case" next.
          if position + 1 < match.lowerBound, ["caso", "case"].contains(text.foldedString(tokens[position + 1])) {
            return true
          }
        } else {
          return true
        }
      }
      position -= 1
    }
    return false
  }

  private static let definiteArticles = TokenSet(
    [
      "the", "these", "those", "il", "lo", "la", "i", "gli", "le", "l'", "questi", "queste",
      // Articulated prepositions: "nei vari sprint" is "in all the sprints".
      "nei", "negli", "nelle", "dei", "degli", "delle", "ai", "agli", "alle", "dai", "dagli", "dalle", "sui", "sugli",
      "sulle", "coi",
    ].map(TokenHash.hash))
  private static let examples = TokenSet(
    ["e.g", "eg", "like", "such", "including", "ad", "esempio", "es", "come", "tra", "cui", "if", "se"].map(
      TokenHash.hash))

  /// What stands around a vague phrase: a number, list or colon after it ("some risks: …"), a
  /// definite article before it ("le varie sedi"), an example or hypothetical in the sentence.
  static func contextFeatures(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> [String] {
    var features: [String] = []
    let tokens = text.tokens
    if match.lowerBound > sentence.lowerBound, definiteArticles.contains(tokens[match.lowerBound - 1].hash) {
      features.append("vp=article")
    }
    var after = match.upperBound
    var words = 0
    while after < sentence.upperBound, words < 4 {
      let token = tokens[after]
      if token.kind == .number {
        features.append("vp=number_after")
        break
      }
      if token.kind == .punctuation {
        let scalar = text.text.scalars[Int(token.start)]
        if scalar == ":" || scalar == "(" {
          features.append("vp=detail_after")
          break
        }
      } else if token.kind == .word {
        words += 1
      }
      after += 1
    }
    if match.upperBound >= sentence.upperBound - 1 { features.append("vp=final") }
    if match.lowerBound == sentence.lowerBound { features.append("vp=initial") }
    if sentence.contains(where: { examples.contains(tokens[$0].hash) }) { features.append("vp=example") }
    if hasMeasure(text, sentence) { features.append("vp=measure") }
    return features
  }

  /// Whether the condition lets the matches of a sentence through.
  private func passes(_ analysis: DocumentAnalysis, _ block: Int, _ sentence: Range<Int>, _ kpiNames: Lexicon)
    -> Bool
  {
    let text = analysis.blocks[block]
    switch condition {
    case .always: return true
    case .statement: return !text.isQuestion(sentence)
    case .unmeasured:
      return !text.isQuestion(sentence) && !Self.hasMeasure(text, sentence)
        && analysis.matches(kpiNames, block: block, range: sentence).isEmpty
    }
  }
}
