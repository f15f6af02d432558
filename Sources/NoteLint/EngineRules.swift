import NoteLintCore
import NoteLintLanguage
import NoteLintRules
import NoteLintText

/// The rules the engine itself reports, beside `RuleRegistry.all`: they depend on configuration and
/// on suppression comments, which individual rules never see.
public enum EngineRules {
  /// A suppression comment that suppresses nothing (or names an unknown rule).
  ///
  /// Category `governance`: a stale suppression is a maintenance risk of the note as a whole, not a
  /// phrase of it, and it stays out of the four line-level categories that corpora are scored on.
  public static let unusedSuppression = RuleDescription(
    id: "unused-suppression",
    name: Localized(en: "Unused suppression", it: "Soppressione inutilizzata"),
    category: .governance, severity: .info, checkpoints: [.review],
    summary: Localized(
      en: "A notelint-disable comment that suppresses no finding, or names a rule that does not exist.",
      it: "Un commento notelint-disable che non sopprime alcuna segnalazione, o nomina una regola inesistente."),
    rationale: Localized(
      en: "Suppressions that no longer suppress anything rot: remove them so a real finding is not hidden later.",
      it:
        "Le soppressioni che non sopprimono più nulla invecchiano: toglile, così non nasconderanno una segnalazione vera."
    ),
    triggering: [
      RuleExample(.english, "↓<!-- notelint-disable-next-line vague-time -->\nThe model ships on 2026-12-04.\n"),
      RuleExample(.italian, "↓<!-- notelint-disable-next-line vague-time -->\nIl modello esce il 04/12/2026.\n"),
    ],
    nonTriggering: [
      RuleExample(.english, "<!-- notelint-disable-next-line vague-time -->\nThe model ships soon.\n"),
      RuleExample(.italian, "<!-- notelint-disable-next-line vague-time -->\nIl modello esce a breve.\n"),
    ])

  public static var descriptions: [RuleDescription] { [RejectedPhraseRule.description, unusedSuppression] }
}

/// The phrases a team's configuration rejects (`lexicon: <lang>: reject:`), reported as vague phrasing.
public struct RejectedPhraseRule: Rule {
  /// Compiled reject lists by language.
  let lexicons: [Language: Lexicon]

  public init() {
    lexicons = [:]
  }

  public init(lexicons: [Language: Lexicon]) {
    self.lexicons = lexicons
  }

  public static let description = RuleDescription(
    id: "rejected-phrase",
    name: Localized(en: "Rejected phrase", it: "Espressione da evitare"),
    category: .vaguePhrasing, severity: .warning, checkpoints: [.technical, .business],
    summary: Localized(
      en: "A phrase the team's configuration lists as one to avoid (lexicon reject list).",
      it: "Un'espressione che la configurazione del team elenca tra quelle da evitare (lista reject del lessico)."),
    rationale: Localized(
      en: "Every team has its own filler words; the reject list lets it flag them without writing a rule.",
      it: "Ogni team ha le sue parole di riempimento: la lista reject le segnala senza scrivere una regola."),
    triggering: [], nonTriggering: [])

  public func check(_ context: LintContext) -> [Finding] {
    guard let lexicon = lexicons[context.language], !lexicon.isEmpty else { return [] }
    let analysis = context.analysis
    var findings: [Finding] = []
    for index in analysis.blocks.indices where analysis.isProse(index) {
      let text = analysis.blocks[index]
      for match in lexicon.matches(in: text.tokens) {
        let range = text.scalarRange(match.tokens)
        let phrase = text.text.string(range)
        let sentence = text.sentence(containing: match.tokens.lowerBound)
        findings.append(
          context.finding(
            Self.description, block: index, range: range,
            message: Localized(
              en: "“\(phrase)” is on this team's list of phrases to avoid.",
              it: "«\(phrase)» è nell'elenco delle espressioni da evitare del team."),
            suggestion: Localized(
              en: "Say exactly what is meant: a number, a date or a name.",
              it: "Scrivi esattamente cosa si intende: un numero, una data o un nome."),
            excerpt: Excerpt.make(text.text.string(text.scalarRange(sentence)))))
      }
    }
    return findings
  }
}

/// Every rule id and category name a configuration or a suppression comment may use.
public enum RuleCatalog {
  public static let descriptions: [RuleDescription] = RuleRegistry.descriptions + EngineRules.descriptions

  public static let ids: [String] = descriptions.map(\.id)

  public static func description(id: String) -> RuleDescription? {
    descriptions.first { $0.id == id }
  }

  /// The rule ids a name stands for: every rule of a category (never `unused-suppression`, which
  /// only its own id names), or one rule. A name that is both a category and a rule id
  /// (`missing-owner`, `missing-deadline`, `unverified-hypothesis`) stands for the whole category,
  /// which includes that rule. nil for an unknown name.
  public static func resolve(_ name: String) -> [String]? {
    if let category = Category(rawValue: name) {
      return descriptions.filter { $0.category == category && $0.id != EngineRules.unusedSuppression.id }.map(\.id)
    }
    if ids.contains(name) { return [name] }
    return nil
  }

  /// The closest known name, for "did you mean" hints.
  public static func suggestion(for name: String) -> String? {
    let candidates = ids + Category.allCases.map(\.rawValue)
    var best: (String, Int)?
    for candidate in candidates {
      let distance = editDistance(Array(name.unicodeScalars), Array(candidate.unicodeScalars))
      if distance <= max(2, candidate.unicodeScalars.count / 4), best == nil || distance < best!.1 {
        best = (candidate, distance)
      }
    }
    return best?.0
  }

  public static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
}
