import Dispatch
import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintReporters
import NoteLintRules

/// An owner of an action item: as written, and normalised through the roster.
public struct ActionOwner: Sendable, Equatable {
  /// As written in the note ("Marco", "@anna", "data engineer").
  public var name: String
  /// The roster person it stands for, when the configuration or the front matter maps it.
  public var person: RosterPerson?

  public init(name: String, person: RosterPerson? = nil) {
    self.name = name
    self.person = person
  }

  /// The roster handle when mapped, else the roster name, else the name as written.
  public var normalized: String {
    guard let person else { return name }
    return person.normalized.isEmpty ? name : person.normalized
  }

  public var handle: String? { person?.handle }
}

/// The deadline of an action item, as written and as resolved.
public struct ActionDeadline: Sendable, Equatable {
  public enum Kind: String, Sendable {
    /// One day.
    case date
    /// A bounded period ("week 48", "between 2 and 6 December"): it is due on its last day.
    case range
    /// A cadence ("every Monday"): no single due date.
    case recurring
    /// A date expression that cannot be placed on the calendar (a sprint with no calendar).
    case unresolved
    /// A vague time or a placeholder where the date should be ("soon", "TBD").
    case vague
  }

  /// As written ("by Fri 27 Nov", "entro fine mese", "soon").
  public var text: String
  public var kind: Kind
  /// The first day of a range (nil for a single date).
  public var start: CivilDate?
  /// The day it is due (the last day of a range).
  public var due: CivilDate?

  public init(text: String, kind: Kind, start: CivilDate? = nil, due: CivilDate? = nil) {
    self.text = text
    self.kind = kind
    self.start = start
    self.due = due
  }

  /// An ISO 8601 date, or a date interval `start/end` for a range.
  public var resolved: String? {
    guard let due else { return nil }
    if kind == .range, let start, start < due { return "\(start)/\(due)" }
    return due.description
  }
}

/// What notelint sees wrong with an action item (for open items only, as the lint rules).
public enum ActionProblem: String, Sendable, CaseIterable, Comparable {
  case noOwner = "no-owner"
  case diffuseOwner = "diffuse-owner"
  case noDeadline = "no-deadline"
  case vagueDeadline = "vague-deadline"
  case overdue
  case dueSoon = "due-soon"

  private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
  public static func < (lhs: ActionProblem, rhs: ActionProblem) -> Bool { lhs.rank < rhs.rank }

  public var label: Localized {
    switch self {
    case .noOwner: return Localized(en: "no owner", it: "senza responsabile")
    case .diffuseOwner: return Localized(en: "diffuse owner", it: "responsabile diffuso")
    case .noDeadline: return Localized(en: "no deadline", it: "senza scadenza")
    case .vagueDeadline: return Localized(en: "vague deadline", it: "scadenza vaga")
    case .overdue: return Localized(en: "overdue", it: "scaduta")
    case .dueSoon: return Localized(en: "due soon", it: "in scadenza")
    }
  }
}

/// One action item as `notelint actions` exports it.
public struct ActionRecord: Sendable, Equatable {
  /// Stable across unrelated edits: a hash of the file and the item's normalised text.
  public var id: String
  public var file: String
  public var line: Int
  public var column: Int
  /// The item's text, as one line.
  public var text: String
  public var done: Bool
  public var owners: [ActionOwner]
  /// A group standing as the only owner ("the team", "noi").
  public var diffuseOwner: String?
  public var deadline: ActionDeadline?
  public var problems: [ActionProblem]
  /// Days from `today` to the due date (negative: overdue); nil without a due date.
  public var daysLeft: Int?
  /// How the item was found: task, section, tableRow, prefix, commitment.
  public var source: String
  public var language: Language
  /// The note's own date (front matter or file name).
  public var noteDate: CivilDate?
  /// Where the note's date was read: frontMatter, body, title, meta, fileName or today.
  public var noteDateSource: String = "today"
  /// Who an item without an owner is addressed to: the note's author or the pact's owner.
  public var addressee: String?
  /// The note's path from the project's root (`ProjectRoots`): what the id and links use.
  public var rootPath: String = ""

  public var status: String { done ? "done" : "open" }
  /// The path a link to the note is made of: from the project's root; never a local absolute path
  /// (a note outside every root links by its name).
  public var linkPath: String {
    let path = rootPath.isEmpty ? file : rootPath
    guard path.hasPrefix("/") else { return path }
    return path.split(separator: "/").last.map(String.init) ?? path
  }
  public var due: CivilDate? { deadline?.due }
  public var isOverdue: Bool { problems.contains(.overdue) }
  public var hasOwner: Bool { !owners.isEmpty }
}

/// The records of a run, the files they came from and the files that could not be read.
public struct ActionExtraction: Sendable {
  public var records: [ActionRecord]
  public var errors: [FileError]
  public var fileCount: Int

  public init(records: [ActionRecord], errors: [FileError], fileCount: Int) {
    self.records = records
    self.errors = errors
    self.fileCount = fileCount
  }
}

/// Pulls the action items out of notes, with each file's configuration (roster, language, sprint
/// length, date order).
public struct ActionExtractor: Sendable {
  public var options: LintOptions
  public var configuration: ConfigurationResolver?
  /// An open item due within this many days of `today` has the `due-soon` problem.
  public var soonDays: Int

  /// Where ids (and links) take a note's path from: its path from the project's root.
  public let roots: ProjectRoots

  public init(options: LintOptions, configuration: ConfigurationResolver? = nil, soonDays: Int = 7) {
    self.options = options
    self.configuration = configuration
    self.soonDays = soonDays
    self.roots = ProjectRoots(configuration: configuration)
  }

  /// A file's settings: the run's options, then its configuration.
  func settings(for path: String) -> EffectiveSettings {
    guard let configuration else { return EffectiveSettings(options: options) }
    return configuration.settings(forFile: PathUtilities.absolute(path), options: options)
  }

  /// The records of one parsed document, in source order.
  public func records(_ document: Document) -> [ActionRecord] {
    let settings = settings(for: document.source.path)
    let ruleOptions = settings.ruleOptions
    let analysis = DocumentAnalysis(document: document, language: settings.language, options: ruleOptions)
    var roster = Roster()
    roster.add(entries: settings.roster)
    roster.add(frontMatterOf: document)
    let noteDateSource = analysis.noteDateSource.source
    let noteDate = noteDateSource == .today ? nil : analysis.noteDateSource.date
    let addressee = Self.addressee(analysis)
    let fileKey = roots.identity(document.source.path)
    var occurrences: [String: Int] = [:]
    let today = options.today
    return analysis.actionItems.map { item in
      let owners = Self.owners(item.owners, text: item.text, roster: roster)
      let deadline = Self.deadline(item, analysis)
      var problems: [ActionProblem] = []
      var daysLeft: Int?
      if let due = deadline?.due { daysLeft = due.daysSinceEpoch - today.daysSinceEpoch }
      if !item.done {
        if owners.isEmpty { problems.append(item.diffuseOwner == nil ? .noOwner : .diffuseOwner) }
        if item.deadlines.isEmpty { problems.append(item.vagueDeadline == nil ? .noDeadline : .vagueDeadline) }
        if let daysLeft {
          if daysLeft < 0 {
            problems.append(.overdue)
          } else if daysLeft <= soonDays {
            problems.append(.dueSoon)
          }
        }
      }
      let normalizedText = Self.identityText(item.text)
      let base = fileKey + "\n" + normalizedText
      let occurrence = occurrences[base, default: 0] + 1
      occurrences[base] = occurrence
      let id = occurrence == 1 ? StableHash.hex(base) : StableHash.hex(base + "\n#\(occurrence)")
      return ActionRecord(
        id: id, file: document.source.path, line: item.start.line, column: item.start.column, text: item.text,
        done: item.done, owners: owners, diffuseOwner: owners.isEmpty ? item.diffuseOwner?.text : nil,
        deadline: deadline, problems: problems, daysLeft: daysLeft, source: item.source.rawValue,
        language: analysis.language, noteDate: noteDate, noteDateSource: noteDateSource.rawValue,
        addressee: addressee, rootPath: fileKey)
    }
  }

  /// Discovers the notes under `paths`, reads them (in parallel) and extracts every action item.
  /// Records are sorted by file, line and column. `progress` gets (files done, files in all).
  public func extract(
    paths: [String], discovery: FileDiscovery? = nil, progress: (@Sendable (Int, Int) -> Void)? = nil
  ) -> ActionExtraction {
    let discovered = (discovery ?? FileDiscovery(configuration: configuration)).discover(paths)
    let files = discovered.files
    let results = ResultSlots<Result<[ActionRecord], FileError>>(count: files.count)
    let linter = Linter(options: options, configuration: configuration)
    let done = AtomicCounter()
    let work: @Sendable (Int) -> Void = { index in
      results.set(index, linter.document(file: files[index]).map { self.records($0) })
      progress?(done.increment() + 1, files.count)
    }
    let workers = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
    if workers <= 1 || files.count <= 1 {
      for index in files.indices { work(index) }
    } else {
      let next = AtomicCounter()
      DispatchQueue.concurrentPerform(iterations: min(workers, files.count)) { _ in
        while true {
          let index = next.increment()
          if index >= files.count { break }
          work(index)
        }
      }
    }
    var records: [ActionRecord] = []
    var errors = discovered.errors
    var read = 0
    for result in results.values() {
      switch result {
      case .success(let found):
        records.append(contentsOf: found)
        read += 1
      case .failure(let error): errors.append(error)
      }
    }
    records.sort(by: Self.order)
    errors.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return ActionExtraction(records: records, errors: errors, fileCount: read)
  }

  public static func order(_ lhs: ActionRecord, _ rhs: ActionRecord) -> Bool {
    if lhs.file != rhs.file { return lhs.file.utf8.lexicographicallyPrecedes(rhs.file.utf8) }
    if lhs.line != rhs.line { return lhs.line < rhs.line }
    if lhs.column != rhs.column { return lhs.column < rhs.column }
    return lhs.id < rhs.id
  }

  // MARK: - Pieces

  /// The text an id is computed from: folded, without a trailing done marker ("(done)", "✅"),
  /// so ticking an item off in words keeps its id.
  static func identityText(_ text: String) -> String {
    var words = StableHash.normalize(text).split(separator: " ").map(String.init)
    let doneWords: Set<String> = [
      "done", "fatto", "fatta", "completed", "completato", "completata", "closed", "chiuso",
    ]
    while let last = words.last, doneWords.contains(last) { words.removeLast() }
    return words.joined(separator: " ")
  }

  /// Words that make a period a deadline on its last day.
  static let deadlineWords: Set<String> = [
    "by", "before", "until", "till", "within", "due", "deadline", "end", "eow", "eom", "eoq", "eoy", "entro", "prima",
    "fino", "scadenza", "fine",
  ]

  /// The item's owners: names written next to each other ("Marco Rossi" in an owner column) are one
  /// person, and two names the roster maps to the same person are one owner.
  static func owners(_ names: [String], text: String, roster: Roster) -> [ActionOwner] {
    var joined: [String] = []
    for name in unique(names) {
      if let last = joined.last, text.contains(last + " " + name) {
        joined[joined.count - 1] = last + " " + name
      } else {
        joined.append(name)
      }
    }
    var seen = Set<String>()
    var owners: [ActionOwner] = []
    for name in joined {
      // A full name the roster does not know may still be known by its parts.
      var owner = ActionOwner(name: name, person: roster.person(for: name))
      if owner.person == nil, name.contains(" "),
        let part = name.split(separator: " ").lazy.compactMap({ roster.person(for: String($0)) }).first
      {
        owner.person = part
      }
      if seen.insert(StableHash.normalize(owner.normalized)).inserted { owners.append(owner) }
    }
    return owners
  }

  static func unique(_ names: [String]) -> [String] {
    var seen = Set<String>()
    return names.filter { seen.insert(StableHash.normalize($0)).inserted }
  }

  /// The deadline to report: the date expression with the latest due day (as the overdue rule
  /// judges), else a cadence or an unplaceable date, else the vague time standing in for one.
  static func deadline(_ item: ActionItem, _ analysis: DocumentAnalysis) -> ActionDeadline? {
    let located = locate(item, analysis)
    func text(_ expression: DateExpression) -> String {
      if let found = located.first(where: { $0.expression == expression }) {
        return analysis.blocks[found.block].text.string(expression.range)
      }
      // Not found again (should not happen): the first block of the item that can hold the range.
      let block = item.blocks.first { analysis.blocks[$0].folded.count >= expression.range.upperBound } ?? item.block
      let text = analysis.blocks[block]
      return expression.range.upperBound <= text.folded.count ? text.text.string(expression.range) : ""
    }
    if let best = Self.chosenDeadline(item, analysis, located: located) {
      // "by Friday", "entro il 30/11", "within 2 weeks" are periods from the note's date to the
      // deadline, and "end of Q4", "fine mese" cover a whole period: a careful reader sees the last
      // day. A period that starts later and is not introduced that way ("week 49", "dal 4 al 6
      // dicembre", "in December") is a range.
      let written = text(best)
      let firstWord = StableHash.normalize(written).split(separator: " ").first.map(String.init) ?? ""
      let isRange =
        best.kind == .period && best.start != nil && best.start! < best.due!
        && best.start! != analysis.dateContext.reference && !Self.deadlineWords.contains(firstWord)
      return ActionDeadline(
        text: written, kind: isRange ? .range : .date, start: isRange ? best.start : nil, due: best.due)
    }
    // A cadence or a date that cannot be placed (not a completion, "since" or absence date).
    if let first = item.deadlines.first(where: { $0.due == nil }) {
      return ActionDeadline(text: text(first), kind: first.kind == .recurring ? .recurring : .unresolved)
    }
    if let vague = item.vagueDeadline {
      return ActionDeadline(text: vague.text, kind: .vague)
    }
    return nil
  }

  /// The item's deadline among its dates (`DateRoles.deadline`): completion, "since" and absence
  /// dates are not deadlines.
  static func chosenDeadline(
    _ item: ActionItem, _ analysis: DocumentAnalysis, located: [(block: Int, expression: DateExpression)]
  ) -> DateExpression? {
    DateRoles.deadline(
      among: item.deadlines.map { expression in
        let block = located.first { $0.expression == expression }?.block ?? item.block
        return (expression, analysis.blocks[block].folded)
      })
  }

  /// Finds the block of each of an item's date expressions by parsing its blocks again the way
  /// the detector did (the item's token range in its first block, whole blocks for the rest).
  private static func locate(_ item: ActionItem, _ analysis: DocumentAnalysis) -> [(
    block: Int, expression: DateExpression
  )] {
    let parser = DateParser()
    var found: [(Int, DateExpression)] = []
    for block in item.blocks {
      let text = analysis.blocks[block]
      let range = block == item.block ? text.scalarRange(item.tokens) : 0..<text.folded.count
      guard !range.isEmpty, range.upperBound <= text.folded.count else { continue }
      for expression in parser.find(in: Array(text.folded[range]), context: analysis.dateContext) {
        var shifted = expression
        shifted.range =
          (expression.range.lowerBound + range.lowerBound)..<(expression.range.upperBound + range.lowerBound)
        found.append((block, shifted))
      }
      if block == item.block, range != 0..<text.folded.count {
        // Table cells and merged sub-items are parsed whole.
        for expression in parser.find(in: text.folded, context: analysis.dateContext) {
          found.append((block, expression))
        }
      }
    }
    return found
  }

  /// The note's author (front matter) or, for a pact, its owner.
  static func addressee(_ analysis: DocumentAnalysis) -> String? {
    if let author = analysis.document.frontMatter?.value(
      "author", "autore", "autrice", "owner", "responsabile", "by", "redattore")
    {
      let trimmed = Excerpt.make(author, limit: 80)
      if !trimmed.isEmpty { return trimmed }
    }
    guard analysis.kind == .pact,
      let owner = analysis.pact.fields.first(where: { $0.kind == .owner }),
      let entry = owner.entries.first
    else { return nil }
    let text = analysis.blocks[entry.block]
    let value = Excerpt.make(text.text.string(text.scalarRange(entry.tokens)), limit: 80)
    return value.isEmpty ? nil : value
  }
}
