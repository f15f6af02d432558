import NoteLintCore

/// An open action item with no date anyone can check.
public struct MissingDeadlineRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "missing-deadline",
    name: Localized(en: "Action without deadline", it: "Azione senza scadenza"),
    category: .missingDeadline, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "An open action item with no date, period or cadence a reader can check.",
      it: "Un'azione aperta senza una data, un periodo o una cadenza verificabile."),
    rationale: Localized(
      en: "Without a date, an action cannot be late, so it never is — until the checkpoint.",
      it: "Senza una data un'azione non può essere in ritardo, e quindi non lo è mai — fino al checkpoint."),
    triggering: [
      RuleExample(.english, "- [ ] ↓Marco to clean the CRM export\n"),
      RuleExample(.italian, "- [ ] ↓Marco pulisce l'export del CRM\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "- [ ] Marco to clean the CRM export by 2026-12-04\n"),
      RuleExample(.english, "- [ ] Marco sends the weekly report every Monday\n"),
      RuleExample(.italian, "- [ ] Marco pulisce l'export del CRM entro venerdì\n"),
      RuleExample(.italian, "- [ ] Marco pulisce l'export del CRM entro fine sprint 12\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    context.analysis.actionItems.indices.compactMap { position in
      let item = context.analysis.actionItems[position]
      guard !item.done, !item.hasDeadline, item.vagueDeadline == nil else { return nil }
      return context.finding(
        Self.description, item: item, statement: context.analysis.itemStatements[position],
        message: Localized(en: "By when? The action has no date.", it: "Entro quando? L'azione non ha una data."),
        suggestion: Localized(
          en: "Add a date: “by {date}”, “by Friday”, “end of sprint 12”.",
          it: "Aggiungi una data: «entro il {date}», «entro venerdì», «fine sprint 12»."))
    }
  }
}

/// An open action item whose only deadline is vague: soon, ASAP, TBD, a breve.
public struct VagueDeadlineRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "vague-deadline",
    name: Localized(en: "Vague deadline", it: "Scadenza vaga"),
    category: .missingDeadline, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "An action item whose deadline is vague: soon, ASAP, later, TBD, in the coming weeks.",
      it: "Un'azione con una scadenza vaga: a breve, presto, prossimamente, da definire, nelle prossime settimane."),
    rationale: Localized(
      en: "\"ASAP\" sorts nothing: every action is ASAP, so none is.",
      it: "«Al più presto» non ordina niente: ogni azione è urgente, quindi nessuna lo è."),
    triggering: [
      RuleExample(.english, "- [ ] ↓Marco to clean the CRM export ASAP\n"),
      RuleExample(.italian, "- [ ] ↓Marco pulisce l'export del CRM a breve\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "- [ ] Marco to clean the CRM export by 2026-12-04\n"),
      RuleExample(.italian, "- [ ] Marco pulisce l'export del CRM entro il 4 dicembre\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    context.analysis.actionItems.indices.compactMap { position in
      let item = context.analysis.actionItems[position]
      guard !item.done, !item.hasDeadline, let vague = item.vagueDeadline else { return nil }
      return context.finding(
        Self.description, item: item, statement: context.analysis.itemStatements[position],
        message: Localized(
          en: "“\(vague.text)” is not a deadline: by when, exactly?",
          it: "«\(vague.text)» non è una scadenza: entro quando, esattamente?"),
        suggestion: Localized(
          en: "Replace it with a date: “by {date}” or “end of sprint 12”.",
          it: "Sostituiscila con una data: «entro il {date}» o «fine sprint 12»."))
    }
  }
}
