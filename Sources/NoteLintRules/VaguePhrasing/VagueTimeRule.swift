import NoteLintCore

/// "soon", "a breve": a time nobody can check.
public struct VagueTimeRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "vague-time",
    name: Localized(en: "Vague time", it: "Tempo vago"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "A time expression a reader cannot check: soon, ASAP, later, in the coming weeks.",
      it: "Un'indicazione di tempo che nessuno può verificare: a breve, presto, prossimamente, più avanti."),
    rationale: Localized(
      en:
        "A gate can only be passed or failed against a date. \"Soon\" lets a task slide for a whole sprint without anyone noticing.",
      it:
        "Un checkpoint si supera o si manca rispetto a una data. «A breve» lascia scivolare un'attività per uno sprint intero senza che nessuno se ne accorga."
    ),
    triggering: [
      RuleExample(.english, "The new scoring model will be in production ↓soon.\n"),
      RuleExample(.english, "Pricing data arrive from finance ↓in the coming weeks, so the pilot waits.\n"),
      RuleExample(.italian, "Il nuovo modello di scoring andrà in produzione ↓a breve.\n"),
      RuleExample(.italian, "I dati puliti del CRM arrivano ↓nei prossimi giorni, poi si riparte.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "The new scoring model goes live on 2026-12-04.\n"),
      RuleExample(.english, "# Soon: the roadmap\n\nThe model goes live on 4 December.\n"),
      RuleExample(.english, "Run `deploy --soon` to test the flag.\n"),
      RuleExample(.italian, "Il modello va in produzione il 4 dicembre 2026.\n"),
      RuleExample(.italian, "```\nrilascio a breve\n```\n"),
      // A time word in a report of past work times nothing still to happen.
      RuleExample(.italian, "Successivamente sono state mostrate le funzionalità implementate.\n"),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "vague-time", condition: .always, leave: .all, skipReports: true,
    message: { phrase in
      Localized(
        en: "“\(phrase)” is not a date: nobody can check it.",
        it: "«\(phrase)» non è una data: nessuno può verificarla.")
    },
    suggestion: Localized(
      en: "Give a date a reader can check, e.g. “by {date}” or “end of sprint 12”.",
      it: "Indica una data verificabile, per esempio «entro il {date}» o «fine sprint 12»."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
