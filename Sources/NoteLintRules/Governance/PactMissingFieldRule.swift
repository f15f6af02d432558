import NoteLintCore

/// A pact lacks one of its five fields: problem, decision, data, owner, deadline.
public struct PactMissingFieldRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "pact-missing-field",
    name: Localized(en: "Pact field missing", it: "Campo del patto mancante"),
    category: .governance, severity: .error, checkpoints: [.technical, .business],
    summary: Localized(
      en:
        "A pact without one of its five fields (problem, decision, data, owner, deadline), or with only a placeholder in it.",
      it:
        "Un patto senza uno dei cinque campi (problema, decisione, dati, responsabile, scadenza), o con solo un segnaposto."
    ),
    rationale: Localized(
      en:
        "The five fields are the pact. A gate cannot judge a project whose data, owner or deadline nobody wrote down.",
      it:
        "I cinque campi sono il patto. Un checkpoint non può giudicare un progetto di cui nessuno ha scritto dati, responsabile o scadenza."
    ),
    triggering: [
      RuleExample(
        .english,
        "↓# Project pact: churn\n\nProblem: 8% of customers leave in year one, €1.1M a year.\nDecision: which customers the desk calls.\nData: TBD\nOwner: Kofi Mensah\nDeadline: 2026-12-01\n"
      ),
      RuleExample(
        .italian,
        "↓# Patto operativo: churn\n\nProblema: l'8% dei clienti se ne va nel primo anno, 1,1 M€ l'anno.\nDecisione: quali clienti chiama il servizio clienti.\nDati: CRM e ticket degli ultimi 24 mesi.\nScadenza: 2026-12-01\n"
      ),
    ],
    nonTriggering: [
      RuleExample(
        .english,
        "# Project pact: churn\n\nProblem: 8% of customers leave in year one, €1.1M a year.\nDecision: which customers the desk calls.\nData: CRM and tickets, 24 months.\nOwner: Kofi Mensah\nDeadline: 2026-12-01\n"
      ),
      RuleExample(
        .italian,
        "# Patto operativo: churn\n\nProblema: l'8% dei clienti se ne va nel primo anno, 1,1 M€ l'anno.\nDecisione: quali clienti chiama il servizio clienti.\nDati: CRM e ticket degli ultimi 24 mesi.\nResponsabile: Giulia Bianchi\nScadenza: 2026-12-01\n"
      ),
      // The owner in the front matter, the owner in a role table.
      RuleExample(
        .english,
        "---\nowner: Kofi Mensah\n---\n# Project pact: churn\n\nProblem: 8% of customers leave in year one, €1.1M a year.\nDecision: which customers the desk calls.\nData: CRM and tickets, 24 months.\nDeadline: 2026-12-01\n"
      ),
      RuleExample(
        .italian,
        "# Patto operativo: churn\n\nProblema: l'8% dei clienti se ne va nel primo anno, 1,1 M€ l'anno.\nDecisione: quali clienti chiama il servizio clienti.\nDati: CRM e ticket degli ultimi 24 mesi.\nScadenza: 2026-12-01\n\n| Ruolo | Responsabile |\n|---|---|\n| Responsabile del progetto | Giulia Bianchi |\n"
      ),
    ])

  private static let frontMatterKeys: [PactFieldKind: [String]] = [
    .owner: ["owner", "responsabile", "referente", "accountable"],
    .deadline: ["deadline", "scadenza", "due", "consegna", "end", "fine"],
  ]
  private static let placeholders: Set<String> = [
    "", "tbd", "tbc", "?", "n/a", "na", "-", "da definire", "da decidere", "team", "il team", "the team", "we", "noi",
    "tutti", "everyone",
  ]

  /// Whether the front matter gives the field a real value (not a placeholder or a group).
  static func frontMatterValue(_ document: Document, _ kind: PactFieldKind) -> Bool {
    guard let keys = frontMatterKeys[kind], let frontMatter = document.frontMatter else { return false }
    for key in keys {
      guard let value = frontMatter.value(key) else { continue }
      let folded = value.trimmingCharacters(in: .whitespaces).lowercased()
      if !placeholders.contains(folded), folded.contains(where: { $0.isLetter || $0.isNumber }) { return true }
    }
    return false
  }

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    var missing: [PactFieldKind] = []
    for kind in PactFieldKind.required {
      // `owner: Giulia Neri`, `scadenza: 2027-03-31` in the front matter settle the field too.
      if kind == .owner || kind == .deadline, Self.frontMatterValue(context.document, kind) { continue }
      let fields = support.pact.fields(kind)
      if fields.isEmpty || fields.allSatisfy(support.isEmptyOrPlaceholder) {
        missing.append(kind)
      } else if kind == .owner, !fields.contains(where: { $0.entries.contains(where: support.namesPerson) }) {
        missing.append(kind)
      }
    }
    guard !missing.isEmpty else { return [] }
    let en = missing.map { $0.localizedName.en }.joined(separator: ", ")
    let it = missing.map { $0.localizedName.it }.joined(separator: ", ")
    return [
      support.finding(
        Self.description, line: support.pact.titleLine,
        message: Localized(
          en: "The pact has no \(en): who settles it before the gate?",
          it: "Il patto non ha \(it): chi lo definisce prima del checkpoint?"),
        suggestion: Localized(
          en: "Write each missing field with a real value (one owner: a person, not a team).",
          it: "Scrivi ogni campo mancante con un valore reale (un responsabile: una persona, non un team)."))
    ]
  }
}
