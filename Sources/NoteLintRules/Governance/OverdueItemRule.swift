import NoteLintCore

/// An open action item whose deadline has passed.
public struct OverdueItemRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "overdue-item",
    name: Localized(en: "Overdue item", it: "Azione scaduta"),
    category: .governance, severity: .error, checkpoints: [.technical, .business, .review],
    summary: Localized(
      en: "An open action item whose deadline is before today (--today).",
      it: "Un'azione aperta la cui scadenza è prima di oggi (--today)."),
    rationale: Localized(
      en: "An overdue item is either done and not ticked, or late and not said: both mislead the checkpoint.",
      it:
        "Un'azione scaduta o è fatta e non spuntata, o è in ritardo e nessuno lo dice: in entrambi i casi il checkpoint è fuorviato."
    ),
    triggering: [
      RuleExample(.english, "- [ ] ↓Marco to send the scoring file by 2026-11-10\n", today: "2026-11-23"),
      RuleExample(.italian, "- [ ] ↓Marco invia il file di scoring entro il 10/11/2026\n", today: "2026-11-23"),
    ],
    nonTriggering: [
      RuleExample(.english, "- [x] Marco to send the scoring file by 2026-11-10\n", today: "2026-11-23"),
      RuleExample(.english, "- [ ] Marco to send the scoring file by 2026-12-10\n", today: "2026-11-23"),
      RuleExample(.italian, "- [ ] Marco invia il file di scoring entro il 10/12/2026\n", today: "2026-11-23"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let today = context.options.today
    return context.analysis.actionItems.compactMap { item in
      guard !item.done, let due = context.analysis.deadline(of: item)?.due, due < today else { return nil }
      let days = today.daysSinceEpoch - due.daysSinceEpoch
      return context.finding(
        Self.description, item: item,
        message: Localized(
          en: "Overdue since \(due) (\(days == 1 ? "1 day" : "\(days) days")): is it done, or what is the new date?",
          it: "Scaduta dal \(due) (\(days == 1 ? "1 giorno" : "\(days) giorni")): è fatta, o qual è la nuova data?"),
        suggestion: Localized(
          en: "Tick it if done; otherwise write the new date and why it moved.",
          it: "Spuntala se è fatta; altrimenti scrivi la nuova data e perché è cambiata."))
    }
  }
}
