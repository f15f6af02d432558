import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// An assumption, belief or prediction the note neither backs with evidence nor plans to verify.
public struct UnverifiedHypothesisRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "unverified-hypothesis",
    name: Localized(en: "Unverified hypothesis", it: "Ipotesi non verificata"),
    category: .unverifiedHypothesis, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en:
        "An assumption or expectation (we assume, probably, should be enough, it seems) with no evidence and no plan to check it.",
      it:
        "Un'ipotesi o un'aspettativa (ipotizziamo, probabilmente, dovrebbe bastare, sembra che) senza prove né un piano di verifica."
    ),
    rationale: Localized(
      en:
        "Untested assumptions are where AI projects stall: the technical checkpoint must know which beliefs still need data.",
      it:
        "Le ipotesi non verificate sono il punto in cui i progetti di IA si fermano: il checkpoint tecnico deve sapere quali convinzioni aspettano ancora i dati."
    ),
    triggering: [
      RuleExample(.english, "↓We assume that twelve months of CRM history are enough for the model.\n"),
      RuleExample(.english, "The new sequence ↓will raise conversion by 20%.\n"),
      RuleExample(.italian, "↓Ipotizziamo che dodici mesi di storico CRM bastino per il modello.\n"),
      RuleExample(.italian, "Il nuovo modello ↓porterà il 15% di vendite in più.\n"),
    ],
    nonTriggering: [
      // A hedged proposal, not a claim about the world.
      RuleExample(.english, "We should probably wait for the vendor's answer before changing the schema.\n"),
      RuleExample(.italian, "Dovremmo probabilmente aspettare la risposta del fornitore prima di cambiare.\n"),
      RuleExample(.english, "We assume twelve months of history are enough: to be validated by @anna by 2026-12-01.\n"),
      RuleExample(.english, "Twelve months of history are enough (measured on the 2025 pilot).\n"),
      RuleExample(.italian, "Ipotizziamo che dodici mesi bastino: da verificare entro il 5/12 (Marco).\n"),
      RuleExample(.italian, "Dodici mesi di storico bastano, come verificato sul pilota 2025.\n"),
      RuleExample(.english, "Marco should send the deck to the sales team by Friday.\n"),
      RuleExample(.english, "**Ana:** Ok, I will raise that in the chairs call.\n"),
      // An opinion that recommends is a proposal, not a claim.
      RuleExample(.english, "I think it needs more incubation before a task force.\n"),
      // An opinion marker that opens a proposal is not a claim (categories.md §6).
      RuleExample(.english, "I think we should skip the meeting on 6 November.\n"),
      RuleExample(.italian, "Penso che sarebbe meglio rinviare il rilascio al 4/12.\n"),
      // A rating in a risk table is a value, not a claim.
      RuleExample(
        .english, "| Risk | Likelihood |\n| --- | --- |\n| The CRM export breaks after the upgrade | Likely |\n"),
      RuleExample(
        .italian, "| Rischio | Probabilità |\n| --- | --- |\n| Il fornitore consegna in ritardo | Probabile |\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let analysis = context.analysis
    let markers = context.resources.lexicon("hypothesis-markers")
    let predictions = context.resources.lexicon("prediction-verbs")
    let backing = Backing(context)
    var findings: [Finding] = []
    for index in analysis.blocks.indices where analysis.isProse(index) {
      // "| Likely | High |": a rating in a table cell states no claim (the row's risk is the claim,
      // and a register is the plan to watch it).
      if context.document.blocks[index].kind == .tableCell, Self.isRating(analysis.blocks[index]) { continue }
      var candidates: [(match: PhraseMatch, prediction: Bool)] = analysis.matches(markers, block: index).map {
        ($0, false)
      }
      let predicted = analysis.matches(predictions, block: index)
      if !predicted.isEmpty { candidates += predicted.map { ($0, true) } }
      // Modals outside the matches above; which tokens those cover is worked out at the first modal.
      let tokens = analysis.blocks[index].tokens
      let listed = candidates.count
      let modals = Self.modals
      var covered: [Bool]?
      for position in tokens.indices where modals.contains(tokens[position].hash) {
        if listed > 0 {
          if covered == nil {
            var flags = [Bool](repeating: false, count: tokens.count)
            for candidate in candidates[..<listed] { for position in candidate.match.tokens { flags[position] = true } }
            covered = flags
          }
          if covered?[position] == true { continue }
        }
        if Self.isEpistemicModal(analysis.blocks[index], at: position, context) {
          candidates.append((PhraseMatch(tokens: position..<(position + 1), phrase: -1), false))
        }
      }
      guard !candidates.isEmpty else { continue }
      let text = analysis.blocks[index]
      var flaggedSentences = Set<Int>()
      candidates.sort { $0.match.tokens.lowerBound < $1.match.tokens.lowerBound }
      // Per sentence, once (a sentence can hold thousands of candidates): a number, evidence or a plan.
      var numbered: [Int: Bool] = [:]
      var backed: [Int: Bool] = [:]
      for (match, isPrediction) in candidates {
        let sentenceNumber = Int(text.sentenceOfToken[match.tokens.lowerBound])
        guard !flaggedSentences.contains(sentenceNumber) else { continue }
        let sentence = text.sentence(containing: match.tokens.lowerBound)
        if text.isQuestion(sentence) { continue }
        // A predicted effect counts with a number ("will raise conversion by 20%") and without one
        // ("this will slow the review down", categories.md §6); the model weighs which.
        var hasNumber = false
        if isPrediction {
          hasNumber = numbered[sentenceNumber] ?? text.hasNumber(sentence)
          numbered[sentenceNumber] = hasNumber
        }
        let supported =
          backed[sentenceNumber]
          ?? isBacked(
            context, block: index, sentence: sentence, children: analysis.children[index] ?? [], backing: backing)
        backed[sentenceNumber] = supported
        if supported { continue }
        flaggedSentences.insert(sentenceNumber)
        let range = text.scalarRange(match.tokens)
        let phrase = text.text.string(range)
        var extra = [
          isPrediction ? "hyp=prediction" : match.phrase < 0 ? "hyp=modal" : "hyp=marker",
          "hm=\(String(scalars: text.folded[range]))",
        ]
        let around = Self.contextFeatures(text, match: match.tokens, sentence: sentence)
        // "I think we should skip the meeting", "I think it would be good to…": a proposal, not a
        // claim about facts (categories.md §6).
        if !isPrediction, match.phrase >= 0,
          match.tokens.contains(where: { Self.opinionVerbs.contains(tokens[$0].hash) }),
          Self.opensProposal(text, after: match.tokens.upperBound, in: sentence)
        {
          continue
        }
        extra.append(contentsOf: around)
        if nextTurnAnswers(context, block: index) { extra.append("hyp=answered") }
        if analysis.actionItem(block: index, token: match.tokens.lowerBound) != nil { extra.append("in_item") }
        if isPrediction { extra.append(hasNumber ? "pred=number" : "pred=qualitative") }
        // "We will deliver the report": without a number, a future verb in an action item commits;
        // it predicts nothing.
        if isPrediction, !hasNumber, analysis.actionItem(block: index, token: match.tokens.lowerBound) != nil {
          continue
        }
        // "I will raise that in the chairs call": the speaker commits; a person predicts no effect.
        if isPrediction, !hasNumber, match.tokens.lowerBound > sentence.lowerBound,
          Self.firstSingular.contains(tokens[match.tokens.lowerBound - 1].hash)
        {
          continue
        }
        var finding =
          context.finding(
            Self.description, block: index, range: range,
            message: isPrediction
              ? Localized(
                en: "“\(phrase)” states a predicted effect as fact, with no source.",
                it: "«\(phrase)» presenta un effetto previsto come un fatto, senza fonte.")
              : Localized(
                en: "“\(phrase)” marks a hypothesis with no evidence and no plan to verify it.",
                it: "«\(phrase)» introduce un'ipotesi senza prove e senza un piano di verifica."),
            suggestion: Localized(
              en:
                "Cite the evidence (link, “measured on …”) or plan the check: “to be validated by @name by {date}”.",
              it:
                "Cita la fonte (link, «misurato su …») o pianifica la verifica: «da validare entro il {date} (@nome)»."
            ),
            excerpt: Excerpt.make(text.text.string(text.scalarRange(sentence))))
        finding.features = analysis.statements.read(block: index, tokens: sentence, extra: extra).features
        findings.append(finding)
      }
    }
    return findings
  }

  private static let proposalFollowers = TokenSet(
    [
      "would", "should", "it'd", "we", "better", "best", "good", "great", "fine", "ok", "okay", "sarebbe", "meglio",
      "bene", "utile", "opportuno", "potremmo", "dovremmo", "possiamo", "conviene", "let's", "to", "di",
    ].map(TokenHash.hash))
  /// Words that, right after an opinion marker, make it a proposal or a preference: "I think it
  /// would be good to…", "I think we should skip…", "penso che sarebbe meglio…".
  private static let proposalWords = TokenSet(
    [
      "would", "it'd", "sarebbe", "opportuno", "potremmo", "dovremmo", "conviene",
      "let's", "converrebbe", "preferirei", "preferisco", "prefer",
      // "I think it needs more incubation", "penso che occorra…": a recommendation.
      "needs", "need", "must", "bisogna", "occorre", "occorra", "andrebbe", "servirebbe",
      // "I think another option is…": a proposal.
      "option", "alternative", "opzione", "alternativa",
    ].map(TokenHash.hash))
  private static let opinionVerbs = TokenSet(
    [
      "think", "believe", "feel", "guess", "penso", "pensiamo", "credo", "crediamo", "ritengo", "riteniamo", "pensa",
      "ritiene", "crede", "thinks", "believes", "feels",
    ].map(TokenHash.hash))
  private static let comparatives = TokenSet(["better", "best", "meglio"].map(TokenHash.hash))
  private static let weProposals = TokenSet(["should", "could", "can", "need"].map(TokenHash.hash))

  /// Whether the first words after an opinion marker make a proposal, not a claim.
  static func opensProposal(_ text: TextAnalysis, after start: Int, in sentence: Range<Int>) -> Bool {
    let tokens = text.tokens
    var words: [Int] = []
    var position = start
    while position < sentence.upperBound, words.count < 4 {
      if tokens[position].kind == .word { words.append(position) }
      position += 1
    }
    for (order, word) in words.enumerated() {
      if proposalWords.contains(tokens[word].hash) { return true }
      // "probably better to focus on…", "meglio di no": advice; "it works better with…" is a claim.
      if order + 1 < words.count, comparatives.contains(tokens[word].hash),
        ["to", "di", "if", "se", "off"].contains(text.foldedString(tokens[words[order + 1]]))
      {
        return true
      }
      // "I think we should…"
      if order + 1 < words.count, text.foldedString(tokens[word]) == "we",
        weProposals.contains(tokens[words[order + 1]].hash)
      {
        return true
      }
    }
    return false
  }

  private static let negations = TokenSet(["not", "non", "never", "mai", "no"].map(TokenHash.hash))
  private static let firstSingular = TokenSet(["i", "io"].map(TokenHash.hash))
  private static let firstPerson = TokenSet(["i", "we", "io", "noi"].map(TokenHash.hash))

  /// What stands around a marker: a proposal after "I think" ("I think it would be good to…"),
  /// the first person before it, a negation.
  static func contextFeatures(_ text: TextAnalysis, match: Range<Int>, sentence: Range<Int>) -> [String] {
    var features: [String] = []
    let tokens = text.tokens
    var after = match.upperBound
    var seen = 0
    while after < sentence.upperBound, seen < 3 {
      if tokens[after].kind == .word {
        if proposalFollowers.contains(tokens[after].hash) {
          features.append("hyp=proposal")
          break
        }
        seen += 1
      }
      after += 1
    }
    if match.lowerBound > sentence.lowerBound, firstPerson.contains(tokens[match.lowerBound - 1].hash) {
      features.append("hyp=firstperson")
    }
    if match.lowerBound == sentence.lowerBound { features.append("hyp=initial") }
    return features
  }

  /// Whether the block after this one is another speaker's turn (a claim answered in the meeting).
  private func nextTurnAnswers(_ context: LintContext, block: Int) -> Bool {
    let turns = context.analysis.transcript.turns
    guard let own = turns[block], let next = turns[block + 1] else { return false }
    return next.speaker != own.speaker && !next.label.isEmpty
  }

  private static let modals = TokenSet(["should", "dovrebbe", "dovrebbero"].map(TokenHash.hash))
  private static let passiveAuxiliaries = TokenSet(
    ["be", "essere", "have", "avere", "venire"].map(TokenHash.hash))
  private static let persons = TokenSet(["we", "i", "you", "noi", "io", "tu", "voi"].map(TokenHash.hash))

  /// "the model should cope with it", "il modello dovrebbe reggere": a modal of probability. With a
  /// person as subject ("Marco should send", "il PM dovrebbe inviare") it is an obligation instead.
  static func isEpistemicModal(_ text: TextAnalysis, at position: Int, _ context: LintContext) -> Bool {
    let tokens = text.tokens
    guard modals.contains(tokens[position].hash), position + 1 < tokens.count, tokens[position + 1].kind == .word,
      !passiveAuxiliaries.contains(tokens[position + 1].hash)
    else { return false }
    // The subject: the words since the start of the clause.
    // (Five words back are enough to know it is more than four: a long run of words stays linear.)
    var start = position
    while start > 0, position - start <= 4, tokens[start - 1].kind == .word || tokens[start - 1].kind == .mention,
      text.sentenceOfToken[start - 1] == text.sentenceOfToken[position]
    {
      start -= 1
    }
    guard start < position, position - start <= 4 else { return false }
    for index in start..<position {
      let token = tokens[index]
      if token.kind == .mention || persons.contains(token.hash) { return false }
      if token.isCapitalized, LanguageResources.firstNames.contains(token.hash) { return false }
    }
    let roles = context.resources.lexicon("roles")
    if !roles.matches(in: tokens, range: start..<position).isEmpty { return false }
    let groups = context.resources.lexicon("diffuse-owners")
    if let match = groups.matches(in: tokens, range: start..<position).first,
      text.foldedString(tokens[match.tokens.lowerBound]) != "it"
    {
      return false
    }
    return true
  }

  /// The lexicons that back a hypothesis, of both languages (looked up once per document).
  private struct Backing {
    let evidence: [Lexicon]
    let verification: [Lexicon]
    let ownerLabels: [Lexicon]

    init(_ context: LintContext) {
      evidence = UnverifiedHypothesisRule.lexicons("evidence-markers", context)
      verification = UnverifiedHypothesisRule.lexicons("verification-verbs", context)
      ownerLabels = UnverifiedHypothesisRule.lexicons("owner-labels", context)
    }
  }

  /// A cell of at most three words with no verb of its own: "Likely", "Very unlikely", "Probabile".
  static func isRating(_ text: TextAnalysis) -> Bool {
    var words = 0
    for token in text.tokens where token.kind == .word || token.kind == .number {
      words += 1
      if words > 3 { return false }
    }
    return words > 0
  }

  /// Evidence or a verification plan in the sentence, the rest of a list item, or its sub-items.
  private func isBacked(
    _ context: LintContext, block index: Int, sentence: Range<Int>, children: [Int], backing: Backing
  ) -> Bool {
    let analysis = context.analysis
    let document = context.document
    var scopes: [(block: Int, range: Range<Int>)] = [(index, sentence)]
    if document.blocks[index].kind == .listItem || document.blocks[index].kind == .tableCell {
      scopes = [(index, 0..<analysis.blocks[index].tokens.count)]
      for child in children {
        scopes.append((child, 0..<analysis.blocks[child].tokens.count))
      }
    }
    func found(_ lexicons: [Lexicon], _ scope: (block: Int, range: Range<Int>)) -> Bool {
      lexicons.contains { !analysis.matches($0, block: scope.block, range: scope.range).isEmpty }
    }
    // The next speaker's turn (categories.md §6):
    // "Archiving should cut the bill by a third." — "**Ingrid:** Let's check that against the
    // billing export." A check the next speaker takes on has that speaker as its owner.
    let turns = analysis.transcript.turns
    if let own = turns[index], let following = turns[index + 1], following.speaker != own.speaker,
      !following.label.isEmpty
    {
      let block = analysis.blocks[index + 1]
      let first = block.sentence(containing: min(following.label.upperBound, max(block.tokens.count - 1, 0)))
      // "I have not looked at the numbers" takes no check on.
      let negated = block.tokens[first].contains { token in
        token.kind == .word && (Self.negations.contains(token.hash) || block.foldedHasSuffix(token, "n't"))
      }
      if !block.tokens.isEmpty, !negated, found(backing.verification, (index + 1, first)) {
        return true
      }
    }
    for scope in scopes {
      let text = analysis.blocks[scope.block]
      let scalarRange = text.scalarRange(scope.range)
      if document.blocks[scope.block].links.contains(where: { $0.range.overlaps(scalarRange) }) { return true }
      if text.tokens[scope.range].contains(where: { $0.kind == .url }) { return true }
      if found(backing.evidence, scope) { return true }
      guard found(backing.verification, scope) else { continue }
      // A plan: a check with an owner or a date.
      let hasOwner =
        text.tokens[scope.range].contains { token in
          token.kind == .mention
            || (token.kind == .word && token.isCapitalized && LanguageResources.firstNames.contains(token.hash))
        } || found(backing.ownerLabels, scope)
      let folded = Array(text.folded[scalarRange])
      let hasDate = !DateParser().find(in: folded, context: analysis.dateContext).isEmpty
      if hasOwner || hasDate { return true }
    }
    return false
  }

  fileprivate static func lexicons(_ name: String, _ context: LintContext) -> [Lexicon] {
    let other: Language = context.language == .italian ? .english : .italian
    return [context.resources.lexicon(name), LanguageResources.shared(other).lexicon(name)]
  }
}
