import NoteLintCore

/// An output format.
public protocol Reporter: Sendable {
  func render(_ report: LintReport) -> String
}

public enum OutputFormat: String, Sendable, CaseIterable {
  case text
  case json

  public func reporter(color: Bool = false) -> any Reporter {
    switch self {
    case .text: return TextReporter(color: color)
    case .json: return JSONReporter()
    }
  }
}
