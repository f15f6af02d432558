import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// A rule: a small value type with a description (id, category, severity, checkpoints, examples in
/// both languages) and a check that reads the shared analysis of one document.
public protocol Rule: Sendable {
  static var description: RuleDescription { get }
  init()
  func check(_ context: LintContext) -> [Finding]
}

/// Options that change what rules report.
public struct RuleOptions: Sendable {
  /// The day against which "overdue" and relative dates are judged.
  public var today: CivilDate
  /// Pact length budget in words.
  public var maxPactWords: Int
  public var sprintLengthDays: Int
  /// Extra owner names and handles (roster).
  public var roster: [String]
  public var dateOrder: DateOrder
  /// Per-rule options from the configuration (`rules: <id>: options:`), by rule id.
  public var parameters: [String: [String: String]] = [:]

  public init(
    today: CivilDate, maxPactWords: Int = 600, sprintLengthDays: Int = 14, roster: [String] = [],
    dateOrder: DateOrder = .dayFirst
  ) {
    self.today = today
    self.maxPactWords = maxPactWords
    self.sprintLengthDays = sprintLengthDays
    self.roster = roster
    self.dateOrder = dateOrder
  }
}

/// What a rule sees: the document, its analysis, and helpers to build findings.
public struct LintContext: Sendable {
  public let analysis: DocumentAnalysis
  public let options: RuleOptions

  public init(analysis: DocumentAnalysis, options: RuleOptions) {
    self.analysis = analysis
    self.options = options
  }

  public var document: Document { analysis.document }

  /// A suggestion in the note's language, its example date (`{date}`) a week after `--today`, in
  /// the form the language writes (2026-12-14, 14/12/2026): never a date already past.
  func datedSuggestion(_ suggestion: Localized) -> String {
    let text = suggestion[language]
    guard text.contains("{date}") else { return text }
    let day = options.today.adding(days: 7)
    let written =
      language == .italian
      ? String(format: "%02d/%02d/%04d", day.day, day.month, day.year) : day.description
    return text.replacingOccurrences(of: "{date}", with: written)
  }
  public var language: Language { analysis.language }
  public var resources: LanguageResources { analysis.resources }

  /// A finding over a scalar range of a block's text.
  public func finding(
    _ description: RuleDescription, block: Int, range: Range<Int>, message: Localized,
    suggestion: Localized?, excerpt: String? = nil
  ) -> Finding {
    let text = document.blocks[block].text
    let start = text.position(at: range.lowerBound)
    var end = text.position(at: max(range.lowerBound, range.upperBound - 1))
    // Just past the last scalar, but not past the end of its line: a range can end in a line break.
    end.column = min(end.column + 1, document.source.lineRange(end.line).count + 1)
    // Nor before the start: text a parser moved out of broken markup can stand out of source order.
    if end < start { end = start }
    return Finding(
      file: document.source.path, start: start, end: end, category: description.category, rule: description.id,
      severity: description.severity, message: Excerpt.oneLine(message[language]),
      suggestion: suggestion.map(datedSuggestion),
      checkpoints: description.checkpoints,
      excerpt: excerpt ?? Excerpt.make(text.scalars[range.clamped(to: 0..<text.scalars.count)]))
  }

  /// A finding for a whole line (document-level rules).
  public func finding(
    _ description: RuleDescription, line: Int, message: Localized, suggestion: Localized?, excerpt: String? = nil
  ) -> Finding {
    let range = document.source.lineRange(line)
    return Finding(
      file: document.source.path, start: SourcePosition(line: line, column: 1),
      end: SourcePosition(line: line, column: range.count + 1), category: description.category, rule: description.id,
      severity: description.severity, message: Excerpt.oneLine(message[language]),
      suggestion: suggestion.map(datedSuggestion),
      checkpoints: description.checkpoints, excerpt: excerpt ?? Excerpt.make(document.source.scalars[range]))
  }
}

/// Short one-line quotes of the text a finding is about.
public enum Excerpt {
  /// The text with each run of white space that holds a line break as one space: a message that
  /// quotes a phrase broken across two source lines stays one line of output.
  public static func oneLine(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x0A || $0 == 0x0D }) else { return text }
    var result: [Unicode.Scalar] = []
    var pending: [Unicode.Scalar] = []
    var pendingBreak = false
    for scalar in text.unicodeScalars {
      if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
        pending.append(scalar)
        if scalar == "\n" || scalar == "\r" { pendingBreak = true }
        continue
      }
      if pendingBreak { result.append(" ") } else { result.append(contentsOf: pending) }
      pending.removeAll()
      pendingBreak = false
      result.append(scalar)
    }
    if !pendingBreak { result.append(contentsOf: pending) }
    return String(scalars: result)
  }

  public static func make(_ text: String, limit: Int = 160) -> String {
    make(text.unicodeScalars, limit: limit)
  }

  /// The excerpt of scalars (reads no further than it needs: a slice of a long line costs no more).
  public static func make<S: Sequence<Unicode.Scalar>>(_ scalars: S, limit: Int = 160) -> String {
    var result: [Unicode.Scalar] = []
    result.reserveCapacity(min(scalars.underestimatedCount, limit) + 1)
    var lastWasSpace = true
    let placeholder = MappedText.placeholder
    for scalar in scalars {
      if scalar == placeholder {
        result.append("…")
        lastWasSpace = false
        continue
      }
      if scalar.value < 0x80
        ? (scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D)) : scalar.properties.isWhitespace
      {
        if !lastWasSpace { result.append(" ") }
        lastWasSpace = true
      } else {
        result.append(scalar)
        lastWasSpace = false
      }
      if result.count >= limit {
        result.append("…")
        break
      }
    }
    while let last = result.last, last == " " { result.removeLast() }
    return String(scalars: result)
  }
}

extension LintContext {
  /// A finding on the first line of an action item, quoting the item.
  public func finding(
    _ description: RuleDescription, item: ActionItem, statement: Statement, message: Localized,
    suggestion: Localized?
  ) -> Finding {
    var result = finding(description, item: item, message: message, suggestion: suggestion)
    result.features = statement.features
    return result
  }

  /// A finding on the first line of an action item, quoting the item.
  public func finding(
    _ description: RuleDescription, item: ActionItem, message: Localized, suggestion: Localized?
  ) -> Finding {
    // The width of the line, not its text: a note can hold thousands of items on one long line.
    let width = document.source.lineRange(item.start.line).count
    // To the end of the line; an item that starts there (text libxml2 made up, placed at the end of
    // its line) ends there too.
    let end = SourcePosition(line: item.start.line, column: max(item.start.column, width + 1))
    return Finding(
      file: document.source.path, start: item.start, end: end, category: description.category, rule: description.id,
      severity: description.severity, message: Excerpt.oneLine(message[language]),
      suggestion: suggestion.map(datedSuggestion),
      checkpoints: description.checkpoints, excerpt: Excerpt.make(item.text))
  }
}
