import NoteLintCore

/// The text of `notelint explain RULE`: the rule's own description and the examples its tests run.
public enum RuleExplanation {
  public static func render(_ rule: RuleDescription, languages: [Language]) -> String {
    var out = "\(rule.id) — \(rule.category.rawValue), \(rule.severity.rawValue)"
    out += "; checkpoints: \(rule.checkpoints.map(\.rawValue).joined(separator: ", "))\n"
    for language in languages {
      let heading =
        language == .italian
        ? ("Cosa segnala", "Perché conta", "Da evitare", "Meglio così")
        : (
          "What it flags", "Why it matters", "Bad", "Good"
        )
      out += "\n[\(language.rawValue)] \(rule.name[language])\n\n"
      out += "\(heading.0): \(rule.summary[language])\n"
      out += "\(heading.1): \(rule.rationale[language])\n"
      if let bad = rule.triggering.first(where: { $0.language == language }) {
        out += "\n\(heading.2):\n" + indent(bad.cleanText)
      }
      if let good = rule.nonTriggering.first(where: { $0.language == language }) {
        out += "\n\(heading.3):\n" + indent(good.cleanText)
      }
    }
    return out
  }

  private static func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
      .replacingTrailingNewline()
  }
}

extension String {
  fileprivate func replacingTrailingNewline() -> String {
    var copy = self
    while copy.hasSuffix("    ") { copy.removeLast(4) }
    if !copy.hasSuffix("\n") { copy += "\n" }
    return copy
  }
}
