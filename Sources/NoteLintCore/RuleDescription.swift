/// The two languages notelint reads and writes.
public enum Language: String, Sendable, CaseIterable, Codable {
  case italian = "it"
  case english = "en"
}

/// A text in both languages.
public struct Localized: Sendable, Hashable {
  public var en: String
  public var it: String

  public init(en: String, it: String) {
    self.en = en
    self.it = it
  }

  public subscript(_ language: Language) -> String {
    switch language {
    case .english: return en
    case .italian: return it
    }
  }
}

/// A rule example that doubles as a test. In `text`, `↓` marks each place the rule must report
/// (the start of the finding); a non-triggering example has no marker.
public struct RuleExample: Sendable {
  public var language: Language
  public var text: String
  public var format: DocumentFormat
  /// `--today` for the example (rules that compare dates).
  public var today: String?

  public init(_ language: Language, _ text: String, format: DocumentFormat = .markdown, today: String? = nil) {
    self.language = language
    self.text = text
    self.format = format
    self.today = today
  }

  public static let marker: Unicode.Scalar = "↓"

  /// The text with the markers removed.
  public var cleanText: String {
    String(scalars: text.unicodeScalars.filter { $0 != Self.marker })
  }

  /// The positions the markers stand for, in the cleaned text.
  public var markedPositions: [SourcePosition] {
    var result: [SourcePosition] = []
    var line = 1
    var column = 1
    for scalar in text.unicodeScalars {
      if scalar == Self.marker {
        result.append(SourcePosition(line: line, column: column))
      } else if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return result
  }
}

/// What a rule is: its identity, defaults, documentation and examples.
public struct RuleDescription: Sendable {
  public var id: String
  public var name: Localized
  public var category: Category
  public var severity: Severity
  public var checkpoints: [Checkpoint]
  public var summary: Localized
  public var rationale: Localized
  public var triggering: [RuleExample]
  public var nonTriggering: [RuleExample]
  /// The confidence of this rule's findings that carry neither their own (`Finding.init(confidence:)`)
  /// nor statement features for the model; nil: 1 (a governance finding states a structural fact).
  public var defaultConfidence: Double?

  public init(
    id: String, name: Localized, category: Category, severity: Severity, checkpoints: [Checkpoint],
    summary: Localized, rationale: Localized, triggering: [RuleExample], nonTriggering: [RuleExample]
  ) {
    self.id = id
    self.name = name
    self.category = category
    self.severity = severity
    self.checkpoints = checkpoints
    self.summary = summary
    self.rationale = rationale
    self.triggering = triggering
    self.nonTriggering = nonTriggering
  }

  public var languages: [Language] {
    let present = Set((triggering + nonTriggering).map(\.language))
    return Language.allCases.filter { present.contains($0) }
  }
}
