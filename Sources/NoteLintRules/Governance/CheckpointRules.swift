import NoteLintCore

/// No technical checkpoint: nobody asks mid-sprint whether the data suffice and the model holds.
public struct MissingTechnicalCheckpointRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "missing-technical-checkpoint",
    name: Localized(en: "No technical checkpoint", it: "Manca il checkpoint tecnico"),
    category: .governance, severity: .error, checkpoints: [.technical],
    summary: Localized(
      en: "The pact has no technical checkpoint (mid-sprint: are the data sufficient? does the model hold?).",
      it: "Il patto non ha un checkpoint tecnico (a metà sprint: i dati bastano? il modello regge?)."),
    rationale: Localized(
      en: "Data problems found at the end of the sprint cost the whole sprint; mid-sprint they cost a day.",
      it: "Un problema di dati scoperto a fine sprint costa tutto lo sprint; a metà sprint costa un giorno."),
    triggering: [
      RuleExample(.english, "↓# Project pact\n\nBusiness checkpoint: 2026-12-18, value vs cost.\n"),
      RuleExample(.italian, "↓# Patto operativo\n\nCheckpoint business: 2026-12-18, valore contro costi.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nTechnical checkpoint: 2026-12-04, data coverage and holdout AUC.\n"),
      RuleExample(
        .italian, "# Patto operativo\n\nCheckpoint tecnico: 2026-12-04, copertura dei dati e AUC sul holdout.\n"),
      RuleExample(
        .english,
        "# Project pact\n\n**Governance**\n\n- Weekly model check every Thursday (Tom): does the model hold?\n"),
      RuleExample(
        .italian,
        "# Patto operativo\n\n## Checkpoint\n\n- Ogni giovedì con Tommaso: i dati bastano, il modello regge?\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, support.checkpointEntries(.technicalCheckpoint).isEmpty else { return [] }
    return [
      support.finding(
        Self.description, line: support.pact.titleLine,
        message: Localized(
          en:
            "When will someone check mid-sprint that the data suffice and the model holds? The pact has no technical checkpoint.",
          it:
            "Quando si verifica a metà sprint che i dati bastino e il modello regga? Il patto non ha un checkpoint tecnico."
        ),
        suggestion: Localized(
          en: "Add “Technical checkpoint: <date> — <owner>: data sufficient? model holds?”.",
          it: "Aggiungi «Checkpoint tecnico: <data> — <responsabile>: i dati bastano? il modello regge?»."))
    ]
  }
}

/// No business checkpoint: nobody decides whether the value justifies deployment.
public struct MissingBusinessCheckpointRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "missing-business-checkpoint",
    name: Localized(en: "No business checkpoint", it: "Manca il checkpoint di business"),
    category: .governance, severity: .error, checkpoints: [.business],
    summary: Localized(
      en: "The pact has no business checkpoint (end of sprint: does the value justify deployment?).",
      it: "Il patto non ha un checkpoint di business (a fine sprint: il valore giustifica il rilascio?)."),
    rationale: Localized(
      en: "Without a go/no-go moment a pilot drifts into production, or into oblivion, without a decision.",
      it: "Senza un momento di go/no-go un pilota finisce in produzione, o nel dimenticatoio, senza una decisione."),
    triggering: [
      RuleExample(.english, "↓# Project pact\n\nTechnical checkpoint: 2026-12-04, data coverage.\n"),
      RuleExample(.italian, "↓# Patto operativo\n\nCheckpoint tecnico: 2026-12-04, copertura dei dati.\n"),
    ],
    nonTriggering: [
      RuleExample(
        .english, "# Project pact\n\nBusiness checkpoint: 2026-12-18, does the uplift pay for the roll-out?\n"),
      RuleExample(.italian, "# Patto operativo\n\nCheckpoint di business: 2026-12-18, l'aumento ripaga il rilascio?\n"),
      RuleExample(
        .italian,
        "# Patto operativo\n\n## Checkpoint\n\n- Revisione di fine sprint (19/12/2026): il valore giustifica il rilascio?\n"
      ),
      RuleExample(
        .english,
        "# Project pact\n\n## Checkpoints\n\n- Sprint review (2026-12-19): does the value justify deployment?\n"),
      // Named by what it asks.
      RuleExample(
        .english,
        "# Project pact\n\n**Governance**\n\n- Friday 2026-12-18 with Priya: does the uplift justify rolling out?\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, support.checkpointEntries(.businessCheckpoint).isEmpty else { return [] }
    return [
      support.finding(
        Self.description, line: support.pact.titleLine,
        message: Localized(
          en:
            "Who decides at the end of the sprint whether the value justifies deployment, and when? The pact has no business checkpoint.",
          it:
            "Chi decide a fine sprint se il valore giustifica il rilascio, e quando? Il patto non ha un checkpoint di business."
        ),
        suggestion: Localized(
          en: "Add “Business checkpoint: <date> — <owner>: does the value justify deployment?”.",
          it: "Aggiungi «Checkpoint di business: <data> — <responsabile>: il valore giustifica il rilascio?»."))
    ]
  }
}

/// A checkpoint with no date.
public struct CheckpointWithoutDateRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "checkpoint-without-date",
    name: Localized(en: "Checkpoint without date", it: "Checkpoint senza data"),
    category: .governance, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "A technical or business checkpoint with no date.", it: "Un checkpoint tecnico o di business senza data."),
    rationale: Localized(
      en: "A checkpoint without a date is a wish: it is never in anybody's calendar.",
      it: "Un checkpoint senza data è un desiderio: non finisce mai nel calendario di nessuno."),
    triggering: [
      RuleExample(.english, "# Project pact\n\n↓Technical checkpoint: date TBD, data quality and model stability.\n"),
      RuleExample(
        .italian, "# Patto operativo\n\n↓Checkpoint tecnico: data da definire, qualità dei dati e tenuta del modello.\n"
      ),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nTechnical checkpoint: 2026-12-04, data quality and model stability.\n"),
      RuleExample(
        .italian, "# Patto operativo\n\nCheckpoint tecnico: 4 dicembre, qualità dei dati e tenuta del modello.\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    var findings: [Finding] = []
    for kind in [PactFieldKind.technicalCheckpoint, .businessCheckpoint] {
      for entry in support.checkpointEntries(kind) where !entry.spans.contains(where: { !support.dates($0).isEmpty }) {
        let name = kind.localizedName
        findings.append(
          support.finding(
            Self.description, line: entry.line,
            message: Localized(
              en: "On which day is the \(name.en)? It has no date.",
              it: "In che giorno è il \(name.it)? Non ha una data."),
            suggestion: Localized(
              en: "Put a date on it (mid-sprint for the technical one, sprint end for the business one).",
              it: "Dagli una data (a metà sprint quello tecnico, a fine sprint quello di business).")))
      }
    }
    return findings
  }
}
