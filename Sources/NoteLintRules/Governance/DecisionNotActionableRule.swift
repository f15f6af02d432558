import NoteLintCore

/// The pact's decision is not a decision a person takes.
public struct DecisionNotActionableRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "decision-not-actionable",
    name: Localized(en: "Decision nobody takes", it: "Decisione che nessuno prende"),
    category: .governance, severity: .warning, checkpoints: [.business],
    summary: Localized(
      en:
        "The pact's decision names no choice a person makes (which, whether, who decides, a threshold), or is \"use AI\".",
      it:
        "La decisione del patto non indica una scelta di una persona (quali, se, chi decide, una soglia), o è «usare l'IA»."
    ),
    rationale: Localized(
      en:
        "A model is worth what the decision it changes is worth. \"Use AI for churn\" changes nothing on Monday morning.",
      it:
        "Un modello vale quanto la decisione che cambia. «Usare l'IA per il churn» non cambia niente il lunedì mattina."
    ),
    triggering: [
      RuleExample(.english, "# Project pact\n\n↓Decision: use AI to reduce churn.\n"),
      RuleExample(.italian, "# Patto operativo\n\n↓Decisione: un modello di churn più accurato.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "# Project pact\n\nDecision: which customers the retention desk calls each week.\n"),
      RuleExample(
        .italian, "# Patto operativo\n\nDecisione: quali clienti il servizio clienti chiama ogni settimana.\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let support = GovernanceSupport(context)
    guard support.isPact else { return [] }
    return support.pact.fields(.decision).compactMap { field in
      guard !support.isEmptyOrPlaceholder(field) else { return nil }
      let hasChoice = support.contains("decision-cues", field.entries)
      let isAIGoal = support.contains("ai-goal", field.entries)
      guard !hasChoice || isAIGoal else { return nil }
      return support.finding(
        Self.description, line: field.line,
        message: Localized(
          en: "Who decides what, with the model's output? The decision names no choice a person makes.",
          it: "Chi decide cosa, con l'output del modello? La decisione non indica una scelta di una persona."),
        suggestion: Localized(
          en: "Write it as a choice: “which customers the desk calls first each week”.",
          it: "Scrivila come una scelta: «quali clienti il servizio clienti chiama per primi ogni settimana»."))
    }
  }
}
