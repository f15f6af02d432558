import NoteLintCore
import NoteLintLanguage

/// A dependency ("waiting for", "dipende da") with nobody chasing it and no date.
public struct DependencyUnownedRule: Rule {
  public init() {}

  public static let description = RuleDescription(
    id: "dependency-unowned",
    name: Localized(en: "Dependency without owner or date", it: "Dipendenza senza responsabile né data"),
    category: .governance, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "A dependency (depends on, waiting for, blocked by) with no person chasing it and no date.",
      it: "Una dipendenza (dipende da, in attesa di, bloccato da) senza una persona che la segua e senza data."),
    rationale: Localized(
      en: "Waiting for another team is the most common way a sprint is lost. Someone must chase it, by a date.",
      it:
        "Aspettare un altro team è il modo più comune di perdere uno sprint. Qualcuno deve sollecitare, entro una data."
    ),
    triggering: [
      RuleExample(.english, "- Reverse-ETL to the ad platform: ↓blocked by the missing API quota increase\n"),
      RuleExample(.italian, "L'estrazione dei ticket è ferma, ↓in attesa dell'export dal sistema di ticketing.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "- Reverse-ETL: blocked by the API quota increase; Wei chases IT by 2026-11-27\n"),
      RuleExample(.italian, "L'estrazione è in attesa dell'export: Marco sollecita il fornitore entro venerdì.\n"),
    ])

  public func check(_ context: LintContext) -> [Finding] {
    let analysis = context.analysis
    let support = GovernanceSupport(context)
    var findings: [Finding] = []
    let markers = support.lexicons("dependency-markers")
    for index in analysis.blocks.indices
    where markers.contains(where: { $0.mayMatch(filter: analysis.blockFilters[index]) })
      && (analysis.isProse(index) || analysis.document.blocks[index].kind == .tableCell)
    {
      let text = analysis.blocks[index]
      let block = analysis.document.blocks[index]
      if block.list?.task == .checked { continue }
      var flagged = Set<Int>()
      // Whether a scope names an owner or a date, by the sentence's first token (-1: the whole
      // item or row), judged once: a sentence can hold thousands of markers.
      var coveredScopes: [Int: Bool] = [:]
      for lexicon in markers {
        for match in analysis.matches(lexicon, block: index) {
          let sentence = text.sentence(containing: match.tokens.lowerBound)
          // The whole item counts for list items and table rows (owner and date may sit elsewhere in it).
          var scopes = [TextSpan(block: index, tokens: sentence, line: 0)]
          var key = sentence.lowerBound
          if block.kind == .listItem {
            key = -1
            scopes = [TextSpan(block: index, tokens: 0..<text.tokens.count, line: 0)]
            for child in analysis.children[index] ?? [] {
              scopes.append(TextSpan(block: child, tokens: 0..<analysis.blocks[child].tokens.count, line: 0))
            }
          } else if let cell = block.cell, let row = analysis.document.tables[cell.table].rows[safe: cell.row] {
            key = -1
            scopes = row.map { TextSpan(block: $0, tokens: 0..<analysis.blocks[$0].tokens.count, line: 0) }
          }
          let covered =
            coveredScopes[key] ?? scopes.contains { support.namesPerson($0) || !support.dates($0).isEmpty }
          coveredScopes[key] = covered
          let number = Int(text.sentenceOfToken[match.tokens.lowerBound])
          guard !covered, flagged.insert(number).inserted else { continue }
          let range = text.scalarRange(match.tokens)
          findings.append(
            context.finding(
              Self.description, block: index, range: range,
              message: Localized(
                en: "Who chases “\(text.text.string(range))”, and by when? The dependency has no owner and no date.",
                it: "Chi segue «\(text.text.string(range))», e entro quando? La dipendenza non ha responsabile né data."
              ),
              suggestion: Localized(
                en: "Add who chases it and by when, e.g. “— Wei chases IT by 2026-11-27”.",
                it: "Indica chi sollecita e entro quando, per esempio «— Marco sollecita l'IT entro il 27/11»."),
              excerpt: Excerpt.make(text.text.string(text.scalarRange(sentence)))))
        }
      }
    }
    return findings
  }
}
