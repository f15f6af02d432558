/// The five finding categories of `categories.md`.
public enum Category: String, Sendable, CaseIterable, Codable, Comparable {
  case vaguePhrasing = "vague-phrasing"
  case missingOwner = "missing-owner"
  case missingDeadline = "missing-deadline"
  case unverifiedHypothesis = "unverified-hypothesis"
  case governance

  public static func < (lhs: Category, rhs: Category) -> Bool {
    lhs.rawValue < rhs.rawValue
  }

  /// The four categories that are labelled line by line in a corpus.
  public static let lineLevel: [Category] = [.vaguePhrasing, .missingOwner, .missingDeadline, .unverifiedHypothesis]
}

public enum Severity: String, Sendable, CaseIterable, Codable, Comparable {
  case info
  case warning
  case error

  private var rank: Int {
    switch self {
    case .info: return 0
    case .warning: return 1
    case .error: return 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The governance gates a finding belongs to.
public enum Checkpoint: String, Sendable, CaseIterable, Codable, Comparable {
  /// Mid-sprint: are the data sufficient, does the model hold?
  case technical
  /// End of sprint: does the value justify deployment?
  case business
  /// Every two sprints: did the numbers move?
  case review

  private var rank: Int {
    switch self {
    case .technical: return 0
    case .business: return 1
    case .review: return 2
    }
  }

  public static func < (lhs: Checkpoint, rhs: Checkpoint) -> Bool { lhs.rank < rhs.rank }
}

/// One problem found in a file, with its exact source range.
public struct Finding: Sendable, Hashable, Codable {
  public var file: String
  public var line: Int
  public var column: Int
  public var endLine: Int
  public var endColumn: Int
  public var category: Category
  public var rule: String
  public var severity: Severity
  public var message: String
  public var suggestion: String?
  public var checkpoints: [Checkpoint]
  public var excerpt: String
  /// How sure the rule is, in [0, 1] (the learned statement model's score for line-level findings).
  public var confidence: Double?
  /// The statement features the confidence was computed from; kept only when a developer asks for
  /// them (`NOTELINT_FEATURES=1`), to train the model.
  public var features: [String]?

  /// `confidence`: the rule's own, clamped to [0, 1] and rounded to thousandths as JSON prints it
  /// (nil: the statement model's, or 1 for a governance finding).
  public init(
    file: String, start: SourcePosition, end: SourcePosition, category: Category, rule: String,
    severity: Severity, message: String, suggestion: String?, checkpoints: [Checkpoint], excerpt: String,
    confidence: Double? = nil
  ) {
    self.file = file
    self.line = start.line
    self.column = start.column
    self.endLine = end.line
    self.endColumn = end.column
    self.category = category
    self.rule = rule
    self.severity = severity
    self.message = message
    self.suggestion = suggestion
    self.checkpoints = checkpoints
    self.excerpt = excerpt
    self.confidence = confidence.map { (min(1, max(0, $0)) * 1000).rounded() / 1000 }
  }

  /// The confidence a threshold compares: the rule's or model's value, else 1 (a governance finding
  /// states a structural fact; `--min-confidence` never drops it unless it carries a lower value).
  public var effectiveConfidence: Double { confidence ?? 1 }

  /// `findings` in `sortOrder`. Sorts positions and compares the findings in place: sorting the
  /// findings themselves copies and retains each one at every step.
  public static func sorted(_ findings: [Finding]) -> [Finding] {
    guard findings.count > 1 else { return findings }
    let order = findings.withUnsafeBufferPointer { buffer in
      Array(buffer.indices).sorted { left, right in
        let lhs = buffer.baseAddress! + left
        let rhs = buffer.baseAddress! + right
        if lhs.pointee.file == rhs.pointee.file {
          if lhs.pointee.line != rhs.pointee.line { return lhs.pointee.line < rhs.pointee.line }
          if lhs.pointee.column != rhs.pointee.column {
            return lhs.pointee.column < rhs.pointee.column
          }
        }
        // Other files, or ties on position (rare): the full order decides.
        return sortOrder(lhs.pointee, rhs.pointee)
      }
    }
    return order.map { findings[$0] }
  }

  /// The order of `json-output.md`: file, line, column, rule (then the rest, for total determinism).
  public static func sortOrder(_ lhs: Finding, _ rhs: Finding) -> Bool {
    if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.column != rhs.column { return lhs.column < rhs.column }
    if lhs.rule != rhs.rule { return lhs.rule < rhs.rule }
    if lhs.endLine != rhs.endLine { return lhs.endLine < rhs.endLine }
    if lhs.endColumn != rhs.endColumn { return lhs.endColumn < rhs.endColumn }
    return lhs.message < rhs.message
  }
}
