import NoteLintCore
import NoteLintLanguage
import NoteLintRules

/// One action item as `notelint actions` exports it.
public struct ActionRecord: Sendable, Equatable {
  public var file: String
  public var line: Int
  public var text: String
  public var owners: [String]
  public var diffuseOwner: String?
  /// The deadline as written.
  public var deadlineText: String?
  /// The resolved deadline (ISO date), when one could be resolved.
  public var due: String?
  public var done: Bool
  public var source: String
}

/// Pulls the action items out of notes.
public struct ActionExtractor: Sendable {
  public var options: LintOptions

  public init(options: LintOptions) {
    self.options = options
  }

  public func records(_ document: Document) -> [ActionRecord] {
    let analysis = DocumentAnalysis(document: document, language: options.language, options: options.rules)
    return analysis.actionItems.map { item in
      let expression = item.deadlines.first
      var deadlineText: String?
      if let expression {
        deadlineText = analysis.blocks[item.blocks.first { analysis.blocks[$0].folded.count >= expression.range.upperBound } ?? item.block]
          .text.string(expression.range)
      } else if let vague = item.vagueDeadline {
        deadlineText = vague.text
      }
      return ActionRecord(
        file: document.source.path, line: item.start.line, text: item.text, owners: item.owners,
        diffuseOwner: item.diffuseOwner?.text, deadlineText: deadlineText, due: expression?.due?.description,
        done: item.done, source: item.source.rawValue)
    }
  }

  public func extract(paths: [String]) -> (records: [ActionRecord], errors: [FileError]) {
    let discovered = FileDiscovery().discover(paths)
    var records: [ActionRecord] = []
    var errors = discovered.errors
    let linter = Linter(options: options)
    for path in discovered.files {
      switch linter.document(file: path) {
      case .success(let document): records.append(contentsOf: self.records(document))
      case .failure(let error): errors.append(error)
      }
    }
    return (records, errors)
  }
}
