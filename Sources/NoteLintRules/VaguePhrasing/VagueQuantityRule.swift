import NoteLintCore

/// "some", "alcuni", "significativo" with no number.
public struct VagueQuantityRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "vague-quantity",
    name: Localized(en: "Vague quantity", it: "Quantità vaga"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.technical, .review],
    summary: Localized(
      en: "A quantity or degree with no number: some, several, significant, sufficient.",
      it: "Una quantità o un grado senza numero: alcuni, diversi, significativo, sufficiente."),
    rationale: Localized(
      en:
        "\"Significant uplift\" cannot be compared with a baseline; a number can. The review every two sprints needs numbers to judge.",
      it:
        "«Un aumento significativo» non si confronta con una baseline; un numero sì. La revisione ogni due sprint ha bisogno di numeri."
    ),
    triggering: [
      RuleExample(.english, "The pilot brought a ↓significant uplift in qualified leads.\n"),
      RuleExample(.english, "- ↓Several accounts are missing the industry field\n"),
      RuleExample(.italian, "Il pilota ha portato un aumento ↓significativo dei lead qualificati.\n"),
      RuleExample(.italian, "Mancano ↓alcune colonne nel CRM.\n"),
      RuleExample(.italian, "La migrazione richiederà ↓un po' di tempo in più.\n"),
      // Asked for in a task, the amount is the reader's business.
      RuleExample(.english, "We need to collect ↓some feedback from the pilot users.\n"),
      RuleExample(.italian, "Dobbiamo raccogliere ↓alcuni commenti dagli utenti del pilota.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "The pilot brought a significant uplift of 12% in qualified leads.\n"),
      RuleExample(.english, "Are the data sufficient for the churn model?\n"),
      RuleExample(.italian, "Il pilota ha portato un aumento significativo del 12% dei lead qualificati.\n"),
      RuleExample(.italian, "I dati sono sufficienti per il modello di churn?\n"),
      // Inside a hypothetical the amount is not asserted (categories.md §6).
      RuleExample(.english, "If you have a lot of tests, generating each one by hand is slow.\n"),
      RuleExample(.english, "If all the files are rewritten, then you lose some information about their dates.\n"),
      RuleExample(.italian, "Se tutti i file vengono riscritti, allora si perdono alcune informazioni sulle date.\n"),
      // The next sentence gives the detail.
      RuleExample(.english, "The vendor showed several integration options. For example, a direct CRM connector.\n"),
      RuleExample(
        .italian, "Il fornitore ha mostrato diverse modalità di integrazione. Ad esempio, un connettore al CRM.\n"),
      // "some" inside a vague time belongs to that phrase.
      RuleExample(.english, "The migration will be done at some point next quarter.\n"),
      // A possible existence asserts no amount.
      RuleExample(.english, "There may be some orders with two delivery addresses.\n"),
      RuleExample(.italian, "Potrebbero esserci alcuni ordini con due indirizzi di consegna.\n"),
      // After a definite article "various" means each of them.
      RuleExample(.english, "The summary goes to the various regional teams.\n"),
      RuleExample(.italian, "Il riepilogo viene inviato nei vari negozi della regione.\n"),
      // The degree of a quality told, not an amount.
      RuleExample(.english, "The first sprint was quite hard for the new members.\n"),
      RuleExample(.italian, "La comunicazione con il fornitore è stata un po' complicata.\n"),
      // How the talk went, not an amount the reader needs (a narrative aside).
      RuleExample(.english, "**Ana:** I had some doubts about the export at the review.\n"),
      RuleExample(.italian, "Sono stati discussi alcuni dubbi sui test di integrazione.\n"),
      // The scribe's aside on what a speaker did.
      RuleExample(
        .english,
        "**Ana:** Let us look at the parser.\n\n**Ben:** (shows some invalid inputs)\n\n**Ana:** Thanks.\n\n**Ben:** Next item.\n"
      ),
    ])

  static let check = VagueLexiconCheck(
    lexicon: "vague-quantity", condition: .unmeasured, leave: .none, quantifier: true,
    message: { phrase in
      Localized(
        en: "“\(phrase)” is not a quantity: say how many or how much.",
        it: "«\(phrase)» non è una quantità: indica quanti o quanto.")
    },
    suggestion: Localized(
      en: "Replace it with a number, e.g. “12 accounts” or “+8% on the baseline”.",
      it: "Sostituiscilo con un numero, per esempio «12 clienti» o «+8% sulla baseline»."))

  public func check(_ context: LintContext) -> [Finding] {
    Self.check.run(Self.description, context)
  }
}
