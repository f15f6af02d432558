import NoteLintCore

/// The commented `.notelint.yml` that `notelint init` writes: every key, with the defaults, and the
/// rule ids by category.
public enum StarterConfiguration {
  public static func text(language: Language? = nil) -> String {
    var rules = ""
    for category in Category.allCases {
      let ids = RuleCatalog.descriptions.filter { $0.category == category }.map(\.id)
      rules += "#   \(category.rawValue): \(ids.joined(separator: ", "))\n"
    }
    return """
      # notelint configuration. The nearest .notelint.yml above a note applies to it
      # (notelint lint --config FILE uses one file for every note).
      # Globs are relative to this file's folder: * and ? stay inside a folder, ** crosses folders,
      # a pattern without / matches a name at any depth.
      version: 1

      # Language of the notes: it, en or auto (detected per note; front matter lang: wins).
      language: \(language?.rawValue ?? "auto")

      # Exit with 1 when a finding is at or above: error, warning, info or none.
      fail-on: warning

      # Sprint length in days (deadlines "more than two sprints" away) and a pact's word budget.
      sprint-length: 14
      pact-word-budget: 600

      # How to read 04/05/2026: day-first (4 May) or month-first (April 5).
      date-order: day-first

      # Only lint these files (default: every .md, .markdown, .html, .htm), and never these.
      # .gitignore and .notelintignore are honoured as well.
      # include:
      #   - "docs/**"
      #   - "notes/**"
      exclude:
        - "archive/**"

      # People, handles and roles that count as owners of an action item.
      roster:
        people: []      # e.g. [Marco Rossi, Giulia Bianchi]
        handles: []     # e.g. ["@marco", "@giulia"]
        roles: []       # e.g. [data steward]

      # Rules and categories: on, off, a severity (error, warning, info), or
      # { enabled: true, severity: error, options: { key: value } }. A rule id wins over its category.
      # Rules by category:
      \(rules)rules:
        unused-suppression: info
        # vague-quantity: off
        # governance: error

      # Words and phrases per language: accept = never flagged as vague phrasing or an unverified
      # hypothesis; reject = flagged as vague phrasing (rule rejected-phrase).
      lexicon:
        it:
          accept: []    # e.g. ["a breve termine"]
          reject: []    # e.g. ["in qualche modo"]
        en:
          accept: []
          reject: []    # e.g. ["going forward"]

      # Settings for some files only, applied in order after the ones above.
      # overrides:
      #   - files: ["minutes/**"]
      #     language: it
      #     rules:
      #       missing-deadline: info

      """
  }
}
