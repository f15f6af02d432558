import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// What the KPI of a pact says: baseline, target, and whether it is tied to money.
struct KPIReading {
  var line: Int
  var hasBaseline: Bool
  var hasTarget: Bool
  var isBusiness: Bool

  private static let baselineWords = TokenSet(
    [
      "baseline", "attuale", "attualmente", "oggi", "today", "current", "currently", "from", "da", "dal", "dallo",
      "dall'", "partenza", "base", "now", "ora",
    ].map(TokenHash.hash))
  private static let targetWords = TokenSet(
    [
      "target", "obiettivo", "goal", "traguardo", "objective", "to", "a", "al", "allo", "all'", "fino", "verso",
      "towards", "entro",
    ].map(TokenHash.hash))

  static func read(_ support: GovernanceSupport) -> KPIReading? {
    let pact = support.pact
    guard let kpi = pact.field(.kpi) else { return nil }
    var spans = kpi.entries
    let baselineFields = pact.fields(.baseline)
    let targetFields = pact.fields(.target)
    spans += baselineFields.flatMap(\.entries) + targetFields.flatMap(\.entries)
    var hasBaseline = baselineFields.contains { $0.entries.contains(where: support.hasNumber) }
    var hasTarget = targetFields.contains { $0.entries.contains(where: support.hasNumber) }
    for span in kpi.entries {
      let text = support.analysis.blocks[span.block]
      let tokens = text.tokens
      var sawNumber = false
      for position in span.tokens {
        let token = tokens[position]
        if token.kind == .number {
          sawNumber = true
          continue
        }
        if token.kind == .punctuation,
          text.text.scalars[Int(token.start)] == "→" || text.text.scalars[Int(token.start)] == ">",
          sawNumber, Self.numberFollows(tokens, after: position, limit: span.tokens.upperBound)
        {
          hasBaseline = true
          hasTarget = true
        }
        guard token.kind == .word else { continue }
        let follows = Self.numberFollows(tokens, after: position, limit: span.tokens.upperBound)
        if Self.baselineWords.contains(token.hash), follows,
          !(token.hash == TokenHash.hash("entro"))
        {
          hasBaseline = true
        }
        if Self.targetWords.contains(token.hash), follows {
          // "a 3%" counts as a target only after a number ("da 2,1% a 3%"); "target 3%" always.
          let isPlainTarget = ["target", "obiettivo", "goal", "traguardo", "objective"].map(TokenHash.hash).contains(
            token.hash)
          if isPlainTarget || sawNumber { hasTarget = true }
        }
      }
    }
    return KPIReading(
      line: kpi.line, hasBaseline: hasBaseline, hasTarget: hasTarget, isBusiness: support.isBusiness(spans))
  }

  private static func numberFollows(_ tokens: [Token], after position: Int, limit: Int) -> Bool {
    var probe = position + 1
    while probe < limit, probe <= position + 4 {
      if tokens[probe].kind == .number { return true }
      if tokens[probe].kind == .word, probe > position + 2 { return false }
      probe += 1
    }
    return false
  }
}

/// A pact with no KPI at all.
public struct PactMissingKPIRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "pact-missing-kpi",
    name: Localized(en: "Pact without KPI", it: "Patto senza KPI"),
    category: .governance, severity: .error, checkpoints: [.business, .review],
    summary: Localized(
      en: "A pact that names no primary KPI.", it: "Un patto che non indica un KPI principale."),
    rationale: Localized(
      en: "Without a KPI the business checkpoint and the numbers review have nothing to compare.",
      it: "Senza un KPI il checkpoint di business e la revisione dei numeri non hanno niente da confrontare."),
    triggering: [
      RuleExample(
        .english,
        "↓# Project pact: churn\n\nProblem: churn.\nDecision: calls.\nData: CRM.\nOwner: Kofi\nDeadline: 2026-12-01\n"),
      RuleExample(
        .italian,
        "↓# Patto operativo: churn\n\nProblema: churn.\nDecisione: chiamate.\nDati: CRM.\nResponsabile: Giulia\nScadenza: 2026-12-01\n"
      ),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact: churn\n\nKPI: churn rate, baseline 8%, target 6% (€300k a year)\n"),
      RuleExample(
        .italian, "# Patto operativo: churn\n\nKPI: tasso di churn, baseline 8%, target 6% (300.000 € l'anno)\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, support.pact.field(.kpi) == nil else { return [] }
    return [
      support.finding(
        Self.description, line: support.pact.titleLine,
        message: Localized(
          en: "Which number will tell whether this project worked? The pact has no KPI.",
          it: "Quale numero dirà se il progetto ha funzionato? Il patto non ha un KPI."),
        suggestion: Localized(
          en: "Add “KPI: <name>, baseline <value>, target <value>, worth <€ figure>”.",
          it: "Aggiungi «KPI: <nome>, baseline <valore>, target <valore>, pari a <cifra in €>»."))
    ]
  }
}

/// A KPI with no baseline.
public struct KPIMissingBaselineRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "kpi-missing-baseline",
    name: Localized(en: "KPI without baseline", it: "KPI senza baseline"),
    category: .governance, severity: .error, checkpoints: [.review, .business],
    summary: Localized(
      en: "The pact's KPI has no baseline value.", it: "Il KPI del patto non ha un valore di partenza."),
    rationale: Localized(
      en: "A target means nothing without the value it starts from: the review cannot tell whether the number moved.",
      it:
        "Un target non significa niente senza il valore da cui si parte: la revisione non può dire se il numero si è mosso."
    ),
    triggering: [
      RuleExample(.english, "# Project pact\n\n↓KPI: upsell revenue, target +15% by March 2027\n"),
      RuleExample(.italian, "# Patto operativo\n\n↓KPI: ricavi da upsell, target +15% entro marzo 2027\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nKPI: upsell revenue, baseline €1.2M, target +15% by March 2027\n"),
      RuleExample(.italian, "# Patto operativo\n\nKPI: ricavi da upsell, da 1,2 M€ a 1,4 M€ entro marzo 2027\n"),
      // A KPI table read by its header.
      RuleExample(
        .italian,
        "# Patto operativo\n\n| KPI | Baseline | Target al 31/03/2027 |\n|---|---|---|\n| Tasso di rinnovo | 62% | 70% |\n"
      ),
      RuleExample(
        .english,
        "# Project pact\n\n| KPI | Baseline | Target by 2027-03-31 |\n|---|---|---|\n| Renewal rate | 62% | 70% |\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, let kpi = KPIReading.read(support), !kpi.hasBaseline else { return [] }
    return [
      support.finding(
        Self.description, line: kpi.line,
        message: Localized(
          en: "What is the KPI's value today? Without a baseline nobody can see it move.",
          it: "Quanto vale oggi il KPI? Senza baseline nessuno può vederlo muoversi."),
        suggestion: Localized(
          en: "Add the baseline with its period and source, e.g. “baseline 2.1% (Q3 2026, CRM)”.",
          it: "Aggiungi la baseline con periodo e fonte, per esempio «baseline 2,1% (T3 2026, CRM)»."))
    ]
  }
}

/// A KPI with no target.
public struct KPIMissingTargetRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "kpi-missing-target",
    name: Localized(en: "KPI without target", it: "KPI senza target"),
    category: .governance, severity: .error, checkpoints: [.business, .review],
    summary: Localized(en: "The pact's KPI has no target value.", it: "Il KPI del patto non ha un valore obiettivo."),
    rationale: Localized(
      en: "The business checkpoint decides deployment against the target; with none, any result passes.",
      it: "Il checkpoint di business decide il rilascio rispetto al target; senza, qualunque risultato passa."),
    triggering: [
      RuleExample(
        .english, "# Project pact\n\n↓KPI: lead-to-customer conversion, baseline 2.1%, worth €6,700 a deal\n"),
      RuleExample(
        .italian, "# Patto operativo\n\n↓KPI: conversione lead-cliente, baseline 2,1%, 6.700 € a contratto\n"),
    ],
    nonTriggering: [
      RuleExample(
        .english, "# Project pact\n\nKPI: lead-to-customer conversion, baseline 2.1%, target 3.0% (+€180k)\n"),
      RuleExample(.italian, "# Patto operativo\n\nKPI: conversione lead-cliente dal 2,1% al 3,0% (+180.000 €)\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, let kpi = KPIReading.read(support), !kpi.hasTarget else { return [] }
    return [
      support.finding(
        Self.description, line: kpi.line,
        message: Localized(
          en: "What value must the KPI reach to justify deployment? The pact sets no target.",
          it: "Quale valore deve raggiungere il KPI per giustificare il rilascio? Il patto non fissa un target."),
        suggestion: Localized(
          en: "Add the target and its date, e.g. “target 3.0% by end of sprint 26”.",
          it: "Aggiungi il target e la sua data, per esempio «target 3,0% entro fine sprint 26»."))
    ]
  }
}

/// A KPI not tied to money or a business figure.
public struct KPINotBusinessRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "kpi-not-business",
    name: Localized(en: "KPI not tied to money", it: "KPI non legato al business"),
    category: .governance, severity: .warning, checkpoints: [.business],
    summary: Localized(
      en:
        "The KPI is a model or activity metric with no money or business figure (revenue, margin, customers, conversion, churn).",
      it:
        "Il KPI è una metrica del modello o di attività senza un numero di business (ricavi, margine, clienti, conversione, churn)."
    ),
    rationale: Localized(
      en:
        "\"Does the value justify deployment?\" needs a value: tie the KPI to euros or to a figure the business already counts.",
      it:
        "«Il valore giustifica il rilascio?» richiede un valore: lega il KPI agli euro o a un numero che il business già conta."
    ),
    triggering: [
      RuleExample(.english, "# Project pact\n\n↓KPI: banner click-through, baseline 1.3%, target 2%\n"),
      RuleExample(.italian, "# Patto operativo\n\n↓KPI: click sul banner, baseline 1,3%, target 2%\n"),
    ],
    nonTriggering: [
      RuleExample(
        .english,
        "# Project pact\n\nKPI: insurance sales from the banner, baseline 40 a month, target 60 (+€90k a year)\n"),
      RuleExample(
        .italian,
        "# Patto operativo\n\nKPI: vendite di polizze dal banner, baseline 40 al mese, target 60 (+90.000 € l'anno)\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact, let kpi = KPIReading.read(support), !kpi.isBusiness else { return [] }
    return [
      support.finding(
        Self.description, line: kpi.line,
        message: Localized(
          en: "How much is one point of this KPI worth to the business? It is not tied to money or a business figure.",
          it: "Quanto vale per il business un punto di questo KPI? Non è legato a euro o a un numero di business."),
        suggestion: Localized(
          en: "Translate the target into revenue, margin, customers or cost, e.g. “+€180k a year”.",
          it: "Traduci il target in ricavi, margine, clienti o costi, per esempio «+180.000 € l'anno»."))
    ]
  }
}
