import NoteLintCore

/// "etc.", "TBD", "da definire": an open list or a placeholder.
public struct PlaceholderRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "vague-placeholder",
    name: Localized(en: "Open list or placeholder", it: "Elenco aperto o segnaposto"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "An open-ended list or a placeholder: etc., and so on, TBD, to be defined.",
      it: "Un elenco aperto o un segnaposto: ecc., e così via, da definire, da valutare."),
    rationale: Localized(
      en: "What hides behind \"etc.\" or \"TBD\" is exactly what nobody has decided yet.",
      it: "Dietro «ecc.» o «da definire» c'è proprio quello che nessuno ha ancora deciso."),
    triggering: [
      RuleExample(.english, "Features: recency, frequency, basket size ↓etc.\n"),
      RuleExample(.english, "**Target:** ↓TBD\n"),
      RuleExample(.italian, "Variabili: recency, frequenza, scontrino medio ↓ecc.\n"),
      RuleExample(.italian, "**Target:** ↓da definire\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "Features: recency, frequency and basket size.\n"),
      RuleExample(.italian, "Variabili: recency, frequenza e scontrino medio.\n"),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "placeholder", condition: .statement, leave: .deadline,
    message: { phrase in
      Localized(
        en: "“\(phrase)” leaves the content open: say what it is.",
        it: "«\(phrase)» lascia il contenuto aperto: scrivi che cosa è.")
    },
    suggestion: Localized(
      en: "List every item, or name who decides it and by when.",
      it: "Elenca tutte le voci, oppure indica chi decide e entro quando."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
