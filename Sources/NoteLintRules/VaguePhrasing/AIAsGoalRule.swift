import NoteLintCore

/// "use AI" stated as a goal.
public struct AIAsGoalRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "ai-as-goal",
    name: Localized(en: "AI as the goal", it: "L'IA come obiettivo"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.business],
    summary: Localized(
      en: "\"Use AI\" or \"leverage AI\" stated as a goal instead of the business result it should bring.",
      it: "«Usare l'IA» o «sfruttare l'IA» come obiettivo, invece del risultato di business che deve portare."),
    rationale: Localized(
      en:
        "A model is a means. Without the decision it supports and the figure it moves, nobody can say whether it worked.",
      it:
        "Un modello è un mezzo. Senza la decisione che supporta e il numero che sposta, nessuno può dire se ha funzionato."
    ),
    triggering: [
      RuleExample(.english, "Goal: ↓leverage AI in the sales process.\n"),
      RuleExample(.italian, "Obiettivo: ↓usare l'IA nel processo commerciale.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "Goal: raise win rate on renewals from 31% to 36% with a propensity model.\n"),
      RuleExample(.italian, "Obiettivo: portare il tasso di rinnovo dal 31% al 36% con un modello di propensione.\n"),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "ai-goal", condition: .unmeasured, leave: .none,
    message: { phrase in
      Localized(
        en: "“\(phrase)” is a means, not a goal: what business figure should move?",
        it: "«\(phrase)» è un mezzo, non un obiettivo: quale numero di business deve cambiare?")
    },
    suggestion: Localized(
      en: "Name the decision the model supports and the KPI it should move, with a target.",
      it: "Indica la decisione che il modello supporta e il KPI che deve spostare, con un target."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
