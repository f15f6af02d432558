import NoteLintCore
import NoteLintRules

/// The suppression comments of one document, as one mask over its findings (swift-format's model:
/// rules never see suppressions; the engine applies the mask to what they report).
///
/// In Markdown and HTML comments:
/// `<!-- notelint-disable [rule…] -->` … `<!-- notelint-enable [rule…] -->` (a region, from the
/// disable comment to the enable comment or the end of the file),
/// `<!-- notelint-disable-next-line [rule…] -->` (the line after the comment's last line),
/// `<!-- notelint-disable-file [rule…] -->` (the whole file, wherever the comment is).
/// Rules are named by id or by category, separated by spaces or commas; no name means every rule.
public struct SuppressionMask: Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case disable = "notelint-disable"
    case enable = "notelint-enable"
    case disableNextLine = "notelint-disable-next-line"
    case disableFile = "notelint-disable-file"
  }

  /// One suppression comment.
  public struct Directive: Sendable {
    public var kind: Kind
    /// The names as written, each with the rule ids it stands for.
    public var names: [(name: String, ids: Set<String>)]
    /// Names that are neither a rule id nor a category.
    public var unknown: [String]
    public var start: SourcePosition
    public var endLine: Int
    public var text: String

    /// nil: every rule.
    var ids: Set<String>? {
      names.isEmpty ? nil : names.reduce(into: Set<String>()) { $0.formUnion($1.ids) }
    }
  }

  /// A comment that looks like a directive but is not one (`notelint-disable-line`).
  public struct Malformed: Sendable {
    public var word: String
    public var start: SourcePosition
    public var text: String
  }

  struct Region: Sendable {
    var include: Set<String>?
    var exclude: Set<String>
    var start: SourcePosition
    var end: SourcePosition?
    var directive: Int
  }

  public let directives: [Directive]
  public let malformed: [Malformed]
  let regions: [Region]

  public init(comments: [Comment]) {
    var directives: [Directive] = []
    var malformed: [Malformed] = []
    for comment in comments.sorted(by: { $0.start < $1.start }) {
      switch Self.parse(comment) {
      case .directive(let directive)?: directives.append(directive)
      case .malformed(let bad)?: malformed.append(bad)
      case nil: break
      }
    }
    self.directives = directives
    self.malformed = malformed
    var open: [Region] = []
    var closed: [Region] = []
    for (index, directive) in directives.enumerated() {
      switch directive.kind {
      case .disable:
        open.append(Region(include: directive.ids, exclude: [], start: directive.start, end: nil, directive: index))
      case .enable:
        var stillOpen: [Region] = []
        for var region in open {
          guard let enabled = directive.ids else {
            region.end = directive.start
            closed.append(region)
            continue
          }
          if let include = region.include {
            let remaining = include.subtracting(enabled)
            if remaining == include {
              stillOpen.append(region)
              continue
            }
            var ended = region
            ended.end = directive.start
            closed.append(ended)
            if !remaining.isEmpty {
              region.include = remaining
              region.start = directive.start
              stillOpen.append(region)
            }
          } else {
            var ended = region
            ended.end = directive.start
            closed.append(ended)
            region.exclude.formUnion(enabled)
            region.start = directive.start
            stillOpen.append(region)
          }
        }
        open = stillOpen
      case .disableNextLine, .disableFile:
        break
      }
    }
    regions = closed + open
  }

  enum Parsed {
    case directive(Directive)
    case malformed(Malformed)
  }

  static func parse(_ comment: Comment) -> Parsed? {
    let body = comment.text.unicodeScalars.drop { $0.properties.isWhitespace }
    let words = String(scalars: body).split(whereSeparator: { $0.isWhitespace || $0 == "," })
    guard let first = words.first, first.lowercased().hasPrefix("notelint-") else { return nil }
    let text = "<!--" + comment.text + "-->"
    guard let kind = Kind(rawValue: first.lowercased()) else {
      return .malformed(Malformed(word: String(first), start: comment.start, text: text))
    }
    var names: [(name: String, ids: Set<String>)] = []
    var unknown: [String] = []
    for word in words.dropFirst() {
      let name = String(word)
      if let ids = RuleCatalog.resolve(name) {
        names.append((name, Set(ids)))
      } else {
        unknown.append(name)
      }
    }
    return .directive(
      Directive(kind: kind, names: names, unknown: unknown, start: comment.start, endLine: comment.endLine, text: text))
  }

  public var isEmpty: Bool { directives.isEmpty && malformed.isEmpty }

  /// The findings the mask lets through, and one `unused-suppression` finding for each directive (or
  /// each name in it) that suppressed nothing, each unknown name and each malformed directive.
  public func apply(_ findings: [Finding], source: SourceFile, language: Language) -> (
    kept: [Finding], unused: [Finding]
  ) {
    guard !isEmpty else { return (findings, []) }
    // usage[directive][name index] (index 0 stands for "every rule" when no names are given).
    var usage = directives.map { [Int](repeating: 0, count: max(1, $0.names.count)) }
    func use(_ index: Int, _ rule: String) {
      let directive = directives[index]
      if directive.names.isEmpty {
        usage[index][0] += 1
        return
      }
      for (position, entry) in directive.names.enumerated() where entry.ids.contains(rule) {
        usage[index][position] += 1
      }
    }
    // Directives by kind and regions by start, swept in position order: linear in findings plus
    // directives (plus the regions open at once), not their product.
    let whole = directives.indices.filter { directives[$0].kind == .disableFile }
    var nextLine: [Int: [Int]] = [:]
    for index in directives.indices where directives[index].kind == .disableNextLine {
      nextLine[directives[index].endLine + 1, default: []].append(index)
    }
    let byStart = regions.indices.sorted { regions[$0].start < regions[$1].start }
    let order = findings.indices.sorted {
      SourcePosition(line: findings[$0].line, column: findings[$0].column)
        < SourcePosition(line: findings[$1].line, column: findings[$1].column)
    }
    var suppressedAt = [Bool](repeating: false, count: findings.count)
    var nextRegion = 0
    var active: [Int] = []
    for findingIndex in order {
      let finding = findings[findingIndex]
      let position = SourcePosition(line: finding.line, column: finding.column)
      var suppressed = false
      for index in whole + (nextLine[finding.line] ?? []) where directives[index].ids?.contains(finding.rule) ?? true {
        use(index, finding.rule)
        suppressed = true
      }
      while nextRegion < byStart.count, regions[byStart[nextRegion]].start <= position {
        active.append(byStart[nextRegion])
        nextRegion += 1
      }
      active.removeAll { regions[$0].end.map { $0 <= position } ?? false }
      for regionIndex in active.sorted() {
        let region = regions[regionIndex]
        guard region.include?.contains(finding.rule) ?? true, !region.exclude.contains(finding.rule) else { continue }
        use(region.directive, finding.rule)
        suppressed = true
      }
      suppressedAt[findingIndex] = suppressed
    }
    var kept: [Finding] = []
    for index in findings.indices where !suppressedAt[index] { kept.append(findings[index]) }
    var unused: [Finding] = []
    func report(_ start: SourcePosition, _ text: String, _ message: Localized) {
      let width = source.lineRange(start.line).count
      unused.append(
        Finding(
          file: source.path, start: start,
          end: SourcePosition(line: start.line, column: max(start.column + 1, width + 1)),
          category: EngineRules.unusedSuppression.category, rule: EngineRules.unusedSuppression.id,
          severity: EngineRules.unusedSuppression.severity, message: message[language],
          suggestion: Localized(
            en: "Remove it, or name the rule it is meant for.", it: "Toglila, o indica la regola a cui serve.")[
              language], checkpoints: EngineRules.unusedSuppression.checkpoints, excerpt: Excerpt.make(text)))
    }
    for (index, directive) in directives.enumerated() where directive.kind != .enable {
      for name in directive.unknown {
        let hint = RuleCatalog.suggestion(for: name).map { (" (did you mean “\($0)”?)", " (forse «\($0)»?)") }
        report(
          directive.start, directive.text,
          Localized(
            en: "“\(name)” is not a rule or category\(hint?.0 ?? ""): this suppression does nothing for it.",
            it: "«\(name)» non è una regola né una categoria\(hint?.1 ?? ""): questa soppressione non ha effetto."))
      }
      if directive.names.isEmpty {
        if usage[index][0] == 0, directive.unknown.isEmpty {
          report(
            directive.start, directive.text,
            Localized(
              en: "This \(directive.kind.rawValue) comment suppresses nothing.",
              it: "Questo commento \(directive.kind.rawValue) non sopprime nulla."))
        }
        continue
      }
      for (position, entry) in directive.names.enumerated() where usage[index][position] == 0 {
        report(
          directive.start, directive.text,
          Localized(
            en: "“\(entry.name)” in this \(directive.kind.rawValue) comment suppresses nothing.",
            it: "«\(entry.name)» in questo commento \(directive.kind.rawValue) non sopprime nulla."))
      }
    }
    for bad in malformed {
      let kinds = Kind.allCases.map(\.rawValue).joined(separator: ", ")
      report(
        bad.start, bad.text,
        Localized(
          en: "“\(bad.word)” is not a notelint directive (use \(kinds)).",
          it: "«\(bad.word)» non è una direttiva di notelint (usa \(kinds))."))
    }
    return (kept, unused)
  }
}
