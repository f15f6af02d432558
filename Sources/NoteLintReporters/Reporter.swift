import NoteLintCore

/// An output format.
public protocol Reporter: Sendable {
  func render(_ report: LintReport) -> String
}

public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case json
  case sarif
  case github
  case checkstyle
  case junit
  case markdown
  case html
  case codequality

  /// The reporter of this format. `rules` describes the rules for the formats that document them
  /// (SARIF's `tool.driver.rules`); without it SARIF still lists every rule a finding names.
  public func reporter(color: Bool = false, rules: [RuleDescription] = []) -> any Reporter {
    switch self {
    case .text: return TextReporter(color: color)
    case .json: return JSONReporter()
    case .sarif: return SARIFReporter(rules: rules)
    case .github: return GitHubReporter()
    case .checkstyle: return CheckstyleReporter()
    case .junit: return JUnitReporter()
    case .markdown: return MarkdownReporter()
    case .html: return HTMLReporter()
    case .codequality: return CodeQualityReporter()
    }
  }
}
