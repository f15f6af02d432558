import NoteLintCore

/// "improve conversion" with no number, unit or KPI.
public struct UnmeasurableGoalRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "unmeasurable-goal",
    name: Localized(en: "Goal that cannot be measured", it: "Obiettivo non misurabile"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.business, .review],
    summary: Localized(
      en: "A goal verb (improve, optimize, increase, reduce…) with no number, unit or KPI in the sentence.",
      it: "Un verbo di obiettivo (migliorare, ottimizzare, aumentare, ridurre…) senza numero, unità o KPI nella frase."),
    rationale: Localized(
      en:
        "The business checkpoint asks whether the value justifies deployment; \"improve conversion\" cannot answer it, \"from 2.1% to 3%\" can.",
      it:
        "Il checkpoint di business chiede se il valore giustifica il rilascio; «migliorare la conversione» non risponde, «dal 2,1% al 3%» sì."
    ),
    triggering: [
      RuleExample(.english, "The goal is to ↓improve conversion on inbound leads.\n"),
      RuleExample(.italian, "L'obiettivo è ↓migliorare la conversione dei lead in entrata.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "The goal is to improve conversion on inbound leads from 2.1% to 3%.\n"),
      RuleExample(.italian, "L'obiettivo è migliorare la conversione dei lead dal 2,1% al 3%.\n"),
      RuleExample(.english, "## Improve conversion\n\nTarget: +0.9 points by Q1 2027.\n"),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "unmeasurable-goal", condition: .unmeasured, leave: .none,
    message: { phrase in
      Localized(
        en: "“\(phrase)” with no number: by how much, measured how?",
        it: "«\(phrase)» senza numero: di quanto, misurato come?")
    },
    suggestion: Localized(
      en: "State the KPI, its baseline and the target, e.g. “conversion from 2.1% to 3.0%”.",
      it: "Indica il KPI, la baseline e il target, per esempio «conversione dal 2,1% al 3,0%»."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
