import NoteLintCore

/// An open action item with nobody accountable.
public struct MissingOwnerRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "missing-owner",
    name: Localized(en: "Action without owner", it: "Azione senza responsabile"),
    category: .missingOwner, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "An open action item that names no person or role who will do it.",
      it: "Un'azione aperta che non indica la persona o il ruolo che la farà."),
    rationale: Localized(
      en: "An action with no owner is an action nobody does. The next review finds it open and nobody to ask.",
      it:
        "Un'azione senza responsabile è un'azione che nessuno fa. Alla review successiva è ancora aperta e non c'è nessuno a cui chiedere."
    ),
    triggering: [
      RuleExample(.english, "## Next steps\n\n- ↓Clean the CRM export by 2026-12-04\n"),
      RuleExample(.english, "- [ ] ↓Send the scoring file to sales by Friday\n"),
      RuleExample(.italian, "## Prossimi passi\n\n- ↓Pulire l'export del CRM entro il 4/12/2026\n"),
      RuleExample(.italian, "- [ ] ↓Inviare il file di scoring ai commerciali entro venerdì\n"),
      RuleExample(.english, "↓ACTION: translation sync schedule to be announced by Friday\n"),
      // A passive future with an irregular participle; "Sarà" is the verb, not Sara.
      RuleExample(.italian, "- ↓Sarà aggiunta una sezione di retrospettiva ai verbali entro il 4/12/2026.\n"),
      // A passive future of any work verb, irregular participles included.
      RuleExample(.italian, "↓L'import delle email verrà concluso entro il 4/12/2026.\n"),
      RuleExample(.english, "↓The dashboard must be updated before the review on 2026-12-04.\n"),
      // The speaker's label is not the owner: "dobbiamo" is the group's.
      RuleExample(
        .italian,
        "**Hassan:** il rilascio è pubblicato.\n\n**↓Roberta:** dobbiamo anche ottimizzare i backup entro il 4/12/2026.\n\n**Hassan:** va bene.\n\n**Roberta:** grazie a tutti.\n"
      ),
      // A bare need or plan standing as its own item (categories.md §6).
      RuleExample(.english, "- ↓Need accounts on the other cloud platforms to run the labs.\n"),
      RuleExample(.english, "- The labs run on one cloud only. ↓Need accounts on the other platforms.\n"),
      RuleExample(.italian, "- ↓Serve un account per il cloud di prova.\n"),
      // Only the bare needs wait for a clause start: "ci occuperemo" commits anywhere.
      RuleExample(.italian, "↓Per la migrazione ci occuperemo del fornitore entro il 4/12/2026.\n"),
      // The mitigation column of a risk table holds the work that answers each risk.
      RuleExample(
        .english,
        "| Risk | Mitigation | Due |\n| --- | --- | --- |\n| Supplier data arrive late | ↓Ask the supplier for a weekly partial extract | 2026-12-04 |\n"
      ),
      RuleExample(
        .italian,
        "| Rischio | Contromisure | Scadenza |\n| --- | --- | --- |\n| Il fornitore consegna in ritardo | ↓Chiedere al fornitore un'estrazione parziale | 4/12/2026 |\n"
      ),
    ],
    nonTriggering: [
      RuleExample(.english, "## Next steps\n\n- Marco to clean the CRM export by 2026-12-04\n"),
      RuleExample(.english, "- [x] Send the scoring file to sales\n"),
      RuleExample(.english, "- [ ] Send the scoring file to sales by Friday (@giulia)\n"),
      RuleExample(.italian, "## Prossimi passi\n\n- Pulire l'export del CRM entro il 4/12/2026 (Luca)\n"),
      RuleExample(.italian, "- [ ] Inviare il file ai commerciali entro venerdì — Responsabile: Sara\n"),
      // The people at the meeting and its speakers are the note's roster, in any case.
      RuleExample(.english, "Attendees: amara, ben\n\n## Actions\n\n- amara to send the draft schema by 2026-12-04\n"),
      RuleExample(.italian, "Presenti: chiara, paolo\n\n## Azioni\n\n- paolo invia il verbale entro il 4/12/2026\n"),
      // A chat handle before "to" in an ACTION line is the assignee.
      RuleExample(.english, "ACTION: oskar to comment on the style guide PR by Friday\n"),
      // Requirements on the product, choices and field values are not work (categories.md §6).
      RuleExample(.english, "The app must show the balance on the first screen.\n"),
      RuleExample(.english, "We decided to keep SQLite for the sensor data.\n"),
      // "Let's…" is the speaker's own commitment.
      RuleExample(
        .english,
        "**Ingrid:** Let's check the billing export by 2026-12-04.\n\n**Zheng:** ok.\n\n**Ingrid:** next.\n\n**Zheng:** fine.\n"
      ),
      // A need in the middle of a clause describes.
      RuleExample(.english, "Users need accounts on the portal to see their invoices.\n"),
      RuleExample(.italian, "Il portale serve i clienti del nord e del centro.\n"),
      // Scheduling a meeting is not work (categories.md §6).
      RuleExample(.english, "We will have another meeting before the summit.\n"),
      RuleExample(.english, "We'll meet again after the pilot.\n"),
      RuleExample(.english, "## Agenda\n\n- Review of the churn dashboard\n"),
      RuleExample(.italian, "Il sistema dovrà citare l'articolo del regolamento in ogni risposta.\n"),
      RuleExample(.italian, "Si è deciso di usare TimescaleDB per i dati dei sensori.\n"),
      RuleExample(.italian, "## Requisiti\n\n- Aggiornare i prezzi ogni notte\n"),
      // An organisation or a person as the subject of an Italian present: "X invia…".
      RuleExample(.italian, "- Fornitech invia lo schema dei messaggi entro il 4/12/2026\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    context.analysis.actionItems.indices.compactMap { position in
      let item = context.analysis.actionItems[position]
      guard !item.done, !item.hasOwner, item.diffuseOwner == nil else { return nil }
      return context.finding(
        Self.description, item: item, statement: context.analysis.itemStatements[position],
        message: Localized(
          en: "Who owns this? The action names no person or role.",
          it: "Chi se ne occupa? L'azione non indica una persona o un ruolo."),
        suggestion: Localized(
          en: "Add one owner, e.g. “Owner: @name” or “(Marco)”.",
          it: "Aggiungi un responsabile, per esempio «Responsabile: @nome» o «(Marco)»."))
    }
  }
}

/// An open action item whose only subject is a group: the team, we, marketing.
public struct DiffuseOwnerRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "diffuse-owner",
    name: Localized(en: "Diffuse owner", it: "Responsabilità diffusa"),
    category: .missingOwner, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "An action item owned by a group (we, the team, everyone, marketing) instead of one person.",
      it: "Un'azione affidata a un gruppo (noi, il team, tutti, il marketing) invece che a una persona."),
    rationale: Localized(
      en: "When everyone owns an action, nobody does. One name makes the follow-up possible.",
      it: "Quando un'azione è di tutti, non è di nessuno. Un nome rende possibile il follow-up."),
    triggering: [
      RuleExample(.english, "↓The team will prepare the training data by 2026-12-04.\n"),
      RuleExample(.english, "- [ ] ↓Marketing to send the new sequence by Friday\n"),
      RuleExample(.italian, "↓Il team preparerà i dati di training entro il 4/12/2026.\n"),
      RuleExample(.italian, "- [ ] ↓Il marketing invia la nuova sequenza entro venerdì\n"),
      // A short opener before the subject.
      RuleExample(.english, "↓In addition, the team will draft the onboarding guide by 2026-12-04.\n"),
      RuleExample(.italian, "↓Dopo la demo, il team preparerà la guida entro il 4/12/2026.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "Giulia will prepare the training data by 2026-12-04.\n"),
      // A hedge after the auxiliary predicts; a generic "you" describes.
      RuleExample(.english, "It doesn't matter, we will probably drop the old exporter.\n"),
      RuleExample(.english, "With the new layout, you will see the whole page.\n"),
      RuleExample(.italian, "Giulia preparerà i dati di training entro il 4/12/2026.\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    context.analysis.actionItems.indices.compactMap { position in
      let item = context.analysis.actionItems[position]
      guard !item.done, !item.hasOwner, let diffuse = item.diffuseOwner else { return nil }
      return context.finding(
        Self.description, item: item, statement: context.analysis.itemStatements[position],
        message: Localized(
          en: "“\(diffuse.text)” is not an owner: name the one person accountable.",
          it: "«\(diffuse.text)» non è un responsabile: indica una persona."),
        suggestion: Localized(
          en: "Add “Owner: @name” — one person, even if the whole team helps.",
          it: "Aggiungi «Responsabile: @nome» — una persona, anche se aiuta tutto il team."))
    }
  }
}
