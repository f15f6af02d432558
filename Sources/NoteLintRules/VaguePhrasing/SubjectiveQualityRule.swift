import NoteLintCore

/// "user-friendly", "di alta qualità": quality nobody can test.
public struct SubjectiveQualityRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "subjective-quality",
    name: Localized(en: "Subjective quality", it: "Qualità soggettiva"),
    category: .vaguePhrasing, severity: .info, checkpoints: [.business],
    summary: Localized(
      en: "A quality word nobody can test: best possible, user-friendly, seamless, world-class.",
      it: "Una qualità che nessuno può verificare: il meglio possibile, di alta qualità, ottimale."),
    rationale: Localized(
      en: "Acceptance needs a criterion. \"Seamless\" is an opinion; \"under 2 seconds, 0 manual steps\" is a test.",
      it:
        "L'accettazione richiede un criterio. «Ottimale» è un'opinione; «sotto i 2 secondi, 0 passaggi manuali» è un test."
    ),
    triggering: [
      RuleExample(.english, "The dashboard must be ↓user-friendly for the sales team.\n"),
      RuleExample(.italian, "La dashboard deve essere ↓di alta qualità per i commerciali.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "The dashboard loads in under 2 seconds for the sales team.\n"),
      RuleExample(.italian, "La dashboard si carica in meno di 2 secondi per i commerciali.\n"),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "subjective-quality", condition: .statement, leave: .none,
    message: { phrase in
      Localized(
        en: "“\(phrase)” is an opinion, not a criterion anyone can test.",
        it: "«\(phrase)» è un'opinione, non un criterio verificabile.")
    },
    suggestion: Localized(
      en: "Write the acceptance criterion: a number, a threshold or a test.",
      it: "Scrivi il criterio di accettazione: un numero, una soglia o un test."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
