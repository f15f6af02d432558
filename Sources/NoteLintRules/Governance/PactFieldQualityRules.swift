import NoteLintCore

/// The pact's deadline is more than two sprints after its start.
public struct DeadlineBeyondTwoSprintsRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "deadline-beyond-two-sprints",
    name: Localized(en: "Deadline beyond two sprints", it: "Scadenza oltre due sprint"),
    category: .governance, severity: .warning, checkpoints: [.review],
    summary: Localized(
      en: "The pact's deadline falls more than two sprints after its start.",
      it: "La scadenza del patto cade più di due sprint dopo l'inizio."),
    rationale: Localized(
      en: "The cycle is two sprints. A longer project needs to be split so that each pact can be judged on numbers.",
      it: "Il ciclo è di due sprint. Un progetto più lungo va diviso perché ogni patto si possa giudicare sui numeri."),
    triggering: [
      RuleExample(.english, "---\ntype: pact\nstart: 2026-11-02\n---\n# Pact\n\n↓Deadline: 2027-01-29\n"),
      RuleExample(.italian, "---\ntipo: patto\ninizio: 2026-11-02\n---\n# Patto\n\n↓Scadenza: 2027-01-29\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "---\ntype: pact\nstart: 2026-11-02\n---\n# Pact\n\nDeadline: 2026-11-27\n"),
      RuleExample(.italian, "---\ntipo: patto\ninizio: 2026-11-02\n---\n# Patto\n\nScadenza: 27 novembre 2026\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, let start = support.pact.start, let field = support.pact.field(.deadline) else { return [] }
    let dues = field.entries.flatMap(support.dates).compactMap(\.due)
    guard let due = dues.max() else { return [] }
    let limit = start.adding(days: 2 * support.pact.sprintLengthDays)
    guard due > limit else { return [] }
    let days = due.daysSinceEpoch - start.daysSinceEpoch
    return [
      support.finding(
        Self.description, line: field.line,
        message: Localized(
          en:
            "The deadline \(due) is \(days) days after the start (\(start)): what can be delivered and judged within two sprints?",
          it:
            "La scadenza \(due) è \(days) giorni dopo l'inizio (\(start)): cosa si può consegnare e giudicare entro due sprint?"
        ),
        suggestion: Localized(
          en: "Split the project: set this pact's deadline by \(limit) and move the rest to the next pact.",
          it:
            "Dividi il progetto: fissa la scadenza di questo patto entro il \(limit) e sposta il resto al patto successivo."
        ))
    ]
  }
}

/// The problem is stated only in model terms.
public struct ProblemTechnicalRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "problem-technical",
    name: Localized(en: "Problem stated in technical terms", it: "Problema espresso in termini tecnici"),
    category: .governance, severity: .warning, checkpoints: [.business],
    summary: Localized(
      en:
        "The problem speaks only of model metrics or techniques (precision, recall, AUC, gradient boosting…), not of customers, euros or sales.",
      it:
        "Il problema parla solo di metriche o tecniche del modello (precision, recall, AUC, gradient boosting…), non di clienti, euro o vendite."
    ),
    rationale: Localized(
      en:
        "The problem is one business sentence. A better AUC is a means; who loses money today, and how much, is the problem.",
      it:
        "Il problema è una frase di business. Un AUC migliore è un mezzo; chi perde soldi oggi, e quanti, è il problema."
    ),
    triggering: [
      RuleExample(
        .english, "# Project pact\n\n↓Problem: the current model has precision@3 of 0.18; we want an embedding model.\n"
      ),
      RuleExample(
        .italian,
        "# Patto operativo\n\n↓Problema: il modello attuale ha una precision@3 di 0,18; vogliamo un modello basato su embedding.\n"
      ),
    ],
    nonTriggering: [
      RuleExample(
        .english,
        "# Project pact\n\nProblem: 70% of rep calls go to leads that never buy, and conversion is stuck at 2.1%.\n"),
      RuleExample(
        .italian,
        "# Patto operativo\n\nProblema: il 70% delle chiamate va a lead che non comprano e la conversione è ferma al 2,1%.\n"
      ),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    return support.pact.fields(.problem).compactMap { field in
      guard support.contains("technical-terms", field.entries), !support.isBusiness(field.entries) else { return nil }
      return support.finding(
        Self.description, line: field.line,
        message: Localized(
          en: "Which business result suffers today? The problem is stated only in model terms.",
          it: "Quale risultato di business soffre oggi? Il problema è espresso solo in termini di modello."),
        suggestion: Localized(
          en: "Rewrite it as one business sentence: who, what it costs, how much (customers, €, conversion).",
          it: "Riscrivilo come una frase di business: chi, quanto costa, quanto (clienti, €, conversione)."))
    }
  }
}

/// A phase (data, model, adoption, campaign) with no single owner.
public struct PhaseWithoutOwnerRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "phase-without-owner",
    name: Localized(en: "Phase without owner", it: "Fase senza responsabile"),
    category: .governance, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "A phase of the pact (data, model, adoption, campaign) owned by nobody, a placeholder or a whole department.",
      it:
        "Una fase del patto (dati, modello, adozione, campagna) senza responsabile, con un segnaposto o affidata a un reparto intero."
    ),
    rationale: Localized(
      en: "Hand-offs between phases are where projects stall; each one needs a person who answers for it.",
      it: "I passaggi tra le fasi sono dove i progetti si fermano; ognuno ha bisogno di una persona che ne risponda."),
    triggering: [
      RuleExample(.english, "# Project pact\n\nPhases:\n- Data: Tomasz\n- ↓Adoption: TBD\n"),
      RuleExample(.italian, "# Patto operativo\n\nFasi:\n- dati: Luca\n- ↓adozione nel call center: da definire\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nPhases:\n- Data: Tomasz\n- Adoption: Wei\n"),
      RuleExample(.italian, "# Patto operativo\n\nFasi:\n- dati: Luca\n- adozione: Federica\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    var lines = Set<Int>()
    var findings: [Finding] = []
    for field in support.pact.fields(.phases) {
      for entry in field.entries {
        for piece in support.pieces(entry) where !lines.contains(piece.line) {
          let value = support.valueAfterLabel(piece)
          guard !support.namesPerson(value) else { continue }
          lines.insert(piece.line)
          findings.append(
            support.finding(
              Self.description, span: piece,
              message: Localized(
                en: "Who owns “\(support.text(piece))”? Name one person, not a team or a placeholder.",
                it: "Chi è responsabile di «\(support.text(piece))»? Indica una persona, non un team o un segnaposto."),
              suggestion: Localized(
                en: "Write the phase as “<phase>: <name>”.", it: "Scrivi la fase come «<fase>: <nome>».")))
        }
      }
    }
    return findings
  }
}

/// A campaign trigger without the model output it reacts to, the action, or the owner.
public struct TriggerIncompleteRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "trigger-incomplete",
    name: Localized(en: "Incomplete trigger", it: "Trigger incompleto"),
    category: .governance, severity: .warning, checkpoints: [.business],
    summary: Localized(
      en: "A campaign trigger that lacks the model output it reacts to, the action, or who owns it.",
      it: "Un trigger di campagna senza l'output del modello a cui reagisce, l'azione o il responsabile."),
    rationale: Localized(
      en:
        "A trigger is where the model meets revenue: \"when the model says X, Y does Z\". Missing any part, nothing happens.",
      it:
        "Il trigger è il punto in cui il modello incontra i ricavi: «quando il modello dice X, Y fa Z». Se manca un pezzo, non succede niente."
    ),
    triggering: [
      RuleExample(.english, "# Project pact\n\n↓Trigger: send sequence B to the high-propensity customers.\n"),
      RuleExample(
        .italian,
        "# Patto operativo\n\n↓Trigger: quando il modello dà una propensione alta, il call center propone l'upgrade.\n"),
    ],
    nonTriggering: [
      RuleExample(
        .english,
        "# Project pact\n\nTrigger: when the model classifies a lead as high-intent, marketing sends sequence A — owner: Chloe.\n"
      ),
      RuleExample(
        .italian,
        "# Patto operativo\n\nTrigger: quando il modello classifica un lead come caldo, il marketing invia la sequenza A — responsabile: Chiara.\n"
      ),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    var findings: [Finding] = []
    var lines = Set<Int>()
    for field in support.pact.fields(.trigger) {
      for entry in field.entries where !lines.contains(entry.line) {
        let hasOutput = support.contains("trigger-output", [entry])
        let hasAction = support.contains("trigger-action", [entry]) || hasConsequence(support, entry)
        let hasOwner = support.namesPerson(entry) || ownerAfterLabel(support, entry)
        // A trigger needs its owner, and must say at least what fires it or what follows.
        guard !hasOwner || !(hasOutput || hasAction) else { continue }
        lines.insert(entry.line)
        var missingEn: [String] = []
        var missingIt: [String] = []
        if !hasOutput {
          missingEn.append("the model output it reacts to")
          missingIt.append("l'output del modello a cui reagisce")
        }
        if !hasAction {
          missingEn.append("the action")
          missingIt.append("l'azione")
        }
        if !hasOwner {
          missingEn.append("an owner")
          missingIt.append("un responsabile")
        }
        findings.append(
          support.finding(
            Self.description, span: entry.label(in: field),
            message: Localized(
              en: "This trigger lacks \(missingEn.joined(separator: ", ")): who does what, when the model says what?",
              it: "Al trigger manca \(missingIt.joined(separator: ", ")): chi fa cosa, quando il modello dice cosa?"),
            suggestion: Localized(
              en: "Write it as “When the model <output>, <team> <action> — owner: <name>”.",
              it: "Scrivilo come «Quando il modello <output>, <team> <azione> — responsabile: <nome>».")))
      }
    }
    return findings
  }

  /// "X → Y", "when X, Y does Z": a consequence follows the condition.
  private func hasConsequence(_ support: GovernanceSupport, _ entry: TextSpan) -> Bool {
    let text = support.analysis.blocks[entry.block]
    for position in entry.tokens where text.tokens[position].kind == .punctuation {
      let scalar = text.text.scalars[Int(text.tokens[position].start)]
      guard scalar == "→" || scalar == "⇒" || scalar == "," || scalar == ">" else { continue }
      let words = text.tokens[(position + 1)..<entry.tokens.upperBound].filter { $0.kind == .word }.count
      if words >= 2 { return true }
    }
    return false
  }

  private func ownerAfterLabel(_ support: GovernanceSupport, _ entry: TextSpan) -> Bool {
    support.pieces(entry).contains { support.namesPerson(support.valueAfterLabel($0)) }
  }
}

/// A pact longer than one page.
public struct PactTooLongRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "pact-too-long",
    name: Localized(en: "Pact longer than one page", it: "Patto più lungo di una pagina"),
    category: .governance, severity: .info, checkpoints: [.review],
    summary: Localized(
      en: "The pact is longer than one page (default budget: 600 words, configurable).",
      it: "Il patto è più lungo di una pagina (limite predefinito: 600 parole, configurabile)."),
    rationale: Localized(
      en: "A pact is read in the room in two minutes. Past one page, the decisions hide in the prose.",
      it: "Un patto si legge in riunione in due minuti. Oltre una pagina le decisioni si perdono nel testo."),
    triggering: [
      RuleExample(
        .english,
        "↓# Project pact\n\n" + String(repeating: "The model scores every lead in the CRM each night. ", count: 70)),
      RuleExample(
        .italian,
        "↓# Patto operativo\n\n"
          + String(repeating: "Il modello assegna ogni notte un punteggio ai lead del CRM. ", count: 70)),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nThe model scores every lead in the CRM each night.\n"),
      RuleExample(.italian, "# Patto operativo\n\nIl modello assegna ogni notte un punteggio ai lead del CRM.\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    let budget = context.options.maxPactWords
    guard support.isPact, support.pact.words > budget else { return [] }
    return [
      support.finding(
        Self.description, line: support.pact.titleLine,
        message: Localized(
          en: "The pact has \(support.pact.words) words (budget \(budget)): what can move to an appendix?",
          it: "Il patto ha \(support.pact.words) parole (limite \(budget)): cosa si può spostare in un allegato?"),
        suggestion: Localized(
          en: "Keep the five fields, the KPI, the checkpoints and the triggers; link the rest.",
          it: "Tieni i cinque campi, il KPI, i checkpoint e i trigger; metti il resto in un link."))
    ]
  }
}
