import Dispatch
import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintParsing
import NoteLintRules
import NoteLintText

/// Options of one run.
public struct LintOptions: Sendable {
  public var language: Language?
  public var today: CivilDate
  public var maxFileSize: Int
  public var rules: RuleOptions
  /// How many files are linted at once (0: one per core).
  public var jobs: Int
  /// `--min-confidence`: judgements below it are not reported; wins over `min-confidence:` in a
  /// configuration (nil: the configuration's, else `ConfidenceModel.defaultThreshold`).
  public var minConfidence: Double?
  /// A pre-commit run (`--staged`, `--pre-commit`): the calendar rules (`CalendarRules`) are off
  /// unless a configuration says `pre-commit-calendar-rules: on`.
  public var preCommit = false
  /// `--calendar-rules` / `--no-calendar-rules`: the calendar rules on or off whatever the run and
  /// the configuration (nil: the profile decides).
  public var calendarRules: Bool?

  public init(language: Language? = nil, today: CivilDate, maxFileSize: Int = FileReader.defaultMaxSize, jobs: Int = 0)
  {
    self.language = language
    self.today = today
    self.maxFileSize = maxFileSize
    self.rules = RuleOptions(today: today)
    self.jobs = jobs
  }
}

/// The outcome of linting one file.
public struct FileOutcome: Sendable {
  public var summary: FileSummary?
  public var findings: [Finding]
  public var error: FileError?
  /// The file's `fail-on` (from its configuration).
  public var failOn: FailThreshold

  public init(summary: FileSummary?, findings: [Finding], error: FileError?, failOn: FailThreshold = .warning) {
    self.summary = summary
    self.findings = findings
    self.error = error
    self.failOn = failOn
  }
}

/// The engine: parse once, analyse once, run every enabled rule, then apply the configuration's
/// accept lists and severities and the document's suppression comments, and sort the findings.
public struct Linter: Sendable {
  public var options: LintOptions
  /// The built-in rules to run (all of `RuleRegistry` unless a test gives its own list).
  public var rules: [any Rule]
  /// Where each file's `.notelint.yml` comes from; nil: no configuration files.
  public var configuration: ConfigurationResolver?
  /// The results cache; nil: none.
  public var cache: ResultCache?
  private let ruleSets = RuleSetCache()

  public init(
    options: LintOptions, rules: [any Rule]? = nil, configuration: ConfigurationResolver? = nil,
    cache: ResultCache? = nil
  ) {
    self.options = options
    self.rules = rules ?? RuleRegistry.all.map { $0.init() }
    self.configuration = configuration
    self.cache = cache
  }

  /// `NOTELINT_FEATURES=1`: every judgement is reported with its statement features, whatever its
  /// confidence (for `Benchmarks/model/train.py`, which learns the weights).
  static let keepFeatures: Bool = {
    guard let value = getenv("NOTELINT_FEATURES") else { return false }
    return String(cString: value) == "1"
  }()

  /// Parses decoded source as Markdown or HTML.
  public static func parse(_ source: SourceFile, format: DocumentFormat) -> Document {
    switch format {
    case .markdown: return MarkdownParser.parse(source)
    case .html: return HTMLParser.parse(source)
    }
  }

  /// The settings of a file: the run's options, its configuration, the command line's language.
  public func settings(for path: String) -> EffectiveSettings {
    guard let configuration else {
      var settings = EffectiveSettings(options: options)
      settings.applyCalendarProfile(options)
      return settings
    }
    return configuration.settings(forFile: PathUtilities.absolute(path), options: options)
  }

  /// Lints one parsed document with the settings of its path.
  public func lint(_ document: Document) -> (summary: FileSummary, findings: [Finding]) {
    lint(document, settings: settings(for: document.source.path))
  }

  /// Lints one parsed document with the given settings.
  public func lint(_ document: Document, settings: EffectiveSettings) -> (summary: FileSummary, findings: [Finding]) {
    let ruleSet = ruleSets.ruleSet(for: settings, rules: rules)
    let analysis = DocumentAnalysis(document: document, language: settings.language, options: ruleSet.options)
    let context = LintContext(analysis: analysis, options: ruleSet.options)
    var findings: [Finding] = []
    for rule in ruleSet.rules {
      var produced = rule.check(context)
      if !produced.isEmpty, let value = type(of: rule).description.defaultConfidence {
        let rounded = (min(1, max(0, value)) * 1000).rounded() / 1000
        for index in produced.indices where produced[index].confidence == nil && produced[index].features == nil {
          produced[index].confidence = rounded
        }
      }
      findings.append(contentsOf: produced)
    }
    // The statement model's confidence; below the threshold a judgement is not reported.
    ConfidenceModel.apply(&findings, keepFeatures: Self.keepFeatures)
    let threshold = Self.keepFeatures ? 0 : settings.minConfidence ?? ConfidenceModel.defaultThreshold
    if threshold > 0 { findings.removeAll { $0.effectiveConfidence < threshold } }
    findings = ruleSet.removeAccepted(findings, analysis: analysis)
    let mask = SuppressionMask(comments: document.comments)
    let masked = mask.apply(findings, source: document.source, language: analysis.language)
    findings = masked.kept
    if !settings.disabled.contains(EngineRules.unusedSuppression.id) { findings.append(contentsOf: masked.unused) }
    if !settings.severities.isEmpty {
      for index in findings.indices {
        if let severity = settings.severities[findings[index].rule] { findings[index].severity = severity }
      }
    }
    findings = Finding.sorted(findings)
    let kind = analysis.kind
    return (FileSummary(path: document.source.path, language: analysis.language, kind: kind), findings)
  }

  /// Lints bytes (a file's content, standard input or a staged blob) under a display path.
  public func lint(bytes: [UInt8], path: String) -> FileOutcome {
    if bytes.count > options.maxFileSize {
      // The bytes may have been cut at the limit (standard input): no size is claimed.
      let error = InputError.overLimit(limit: options.maxFileSize)
      return FileOutcome(
        summary: nil, findings: [], error: FileError(path: path, reason: error.description),
        failOn: settings(for: path).failOn)
    }
    let settings = settings(for: path)
    var key: String?
    if let cache {
      let digest = ResultCache.key(version: NoteLintVersion.current, settings: settings, path: path, bytes: bytes)
      if let hit = cache.lookup(path: path, key: digest) {
        return FileOutcome(summary: hit.summary, findings: hit.findings, error: nil, failOn: settings.failOn)
      }
      key = digest
    }
    let isHTML = FileDiscovery.isHTML(path)
    // A report notelint wrote (an HTML report or checkpoint page saved beside the notes) is not a note.
    if isHTML, Self.isOwnReport(bytes) { return FileOutcome(summary: nil, findings: [], error: nil) }
    switch TextDecoder.decode(bytes, path: path, isHTML: isHTML) {
    case .failure(let error):
      return FileOutcome(
        summary: nil, findings: [], error: FileError(path: path, reason: error.description), failOn: settings.failOn)
    case .success(let source):
      let document = Self.parse(source, format: isHTML ? .html : .markdown)
      if let problem = document.frontMatter?.problem {
        return FileOutcome(
          summary: nil, findings: [], error: FileError(path: path, reason: problem), failOn: settings.failOn)
      }
      let result = lint(document, settings: settings)
      if let cache, let key { cache.store(path: path, key: key, summary: result.summary, findings: result.findings) }
      return FileOutcome(summary: result.summary, findings: result.findings, error: nil, failOn: settings.failOn)
    }
  }

  /// Whether HTML bytes are a page notelint wrote: its `<meta name="generator" content="notelint …">`
  /// within the first 4 KiB (the head notelint writes).
  static func isOwnReport(_ bytes: [UInt8]) -> Bool {
    let marker = Array("<meta name=\"generator\" content=\"notelint ".utf8)
    let head = bytes.prefix(4096)
    guard head.count >= marker.count else { return false }
    return head.withUnsafeBufferPointer { buffer in
      (0...(buffer.count - marker.count)).contains { start in
        buffer[start] == marker[0] && buffer[start..<start + marker.count].elementsEqual(marker)
      }
    }
  }

  /// The outcome of an input over `--max-file-size`: skipped, with an error naming it.
  public func tooLarge(path: String, bytes: Int) -> FileOutcome {
    let error = InputError.tooLarge(bytes: bytes, limit: options.maxFileSize)
    return FileOutcome(
      summary: nil, findings: [], error: FileError(path: path, reason: error.description),
      failOn: settings(for: path).failOn)
  }

  /// Reads, decodes and parses one file.
  public func document(file path: String) -> Result<Document, FileError> {
    switch FileReader.read(path, maxSize: options.maxFileSize) {
    case .failure(let error):
      return .failure(FileError(path: path, reason: error.description))
    case .success(let bytes):
      let isHTML = FileDiscovery.isHTML(path)
      switch TextDecoder.decode(bytes, path: path, isHTML: isHTML) {
      case .failure(let error): return .failure(FileError(path: path, reason: error.description))
      case .success(let source):
        let document = Self.parse(source, format: isHTML ? .html : .markdown)
        if let problem = document.frontMatter?.problem { return .failure(FileError(path: path, reason: problem)) }
        return .success(document)
      }
    }
  }

  public func lint(file path: String) -> FileOutcome {
    switch FileReader.read(path, maxSize: options.maxFileSize) {
    case .failure(let error):
      return FileOutcome(
        summary: nil, findings: [], error: FileError(path: path, reason: error.description),
        failOn: settings(for: path).failOn)
    case .success(let bytes):
      return lint(bytes: bytes, path: path)
    }
  }

  /// Lints files in parallel (one worker per core); the result does not depend on the order of work.
  /// `progress` is called with the number of files done after each one.
  public func lint(files: [String], progress: (@Sendable (Int) -> Void)? = nil) -> [FileOutcome] {
    lint(count: files.count, progress: progress) { lint(file: files[$0]) }
  }

  /// Lints files in parallel and hands each outcome to `consume` in the order of `files`, one at a
  /// time, keeping at most a few outcomes per worker waiting: memory stays flat however many files.
  public func lint(
    files: [String], progress: (@Sendable (Int) -> Void)? = nil, consume: @escaping (FileOutcome) -> Void
  ) {
    let workers = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
    let done = AtomicCounter()
    let delivery = OrderedDelivery<FileOutcome>(count: files.count, window: 16 * max(1, workers), consume: consume)
    delivery.run(workers: workers) { index in
      let outcome = lint(file: files[index])
      progress?(done.increment() + 1)
      return outcome
    }
  }

  /// Lints `count` inputs in parallel; `body` lints the input at an index.
  public func lint(count: Int, progress: (@Sendable (Int) -> Void)? = nil, _ body: @Sendable (Int) -> FileOutcome)
    -> [FileOutcome]
  {
    let results = ResultSlots<FileOutcome>(count: count)
    let workers = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
    let done = AtomicCounter()
    if workers <= 1 || count <= 1 {
      for index in 0..<count {
        results.set(index, body(index))
        progress?(done.increment() + 1)
      }
    } else {
      let next = AtomicCounter()
      DispatchQueue.concurrentPerform(iterations: min(workers, count)) { _ in
        while true {
          let index = next.increment()
          if index >= count { break }
          results.set(index, body(index))
          progress?(done.increment() + 1)
        }
      }
    }
    return results.values()
  }

  /// Discovers, lints and assembles a report.
  public func run(paths: [String]) -> LintReport {
    let discovered = FileDiscovery(configuration: configuration).discover(paths)
    let outcomes = lint(files: discovered.files)
    return Self.report(outcomes, extraErrors: discovered.errors, today: options.today)
  }

  public static func report(_ outcomes: [FileOutcome], extraErrors: [FileError] = [], today: CivilDate) -> LintReport {
    var files: [FileSummary] = []
    var findings: [Finding] = []
    var errors = extraErrors
    for outcome in outcomes {
      if let summary = outcome.summary { files.append(summary) }
      findings.append(contentsOf: outcome.findings)
      if let error = outcome.error { errors.append(error) }
    }
    return assemble(
      version: NoteLintVersion.current, today: today.description, files: files, findings: findings, errors: errors)
  }

  /// A report in the canonical order of `json-output.md` (files by path, findings by file, line,
  /// column, rule; errors by path and reason, without duplicates): a merge of shards goes through
  /// here too, so it is byte-identical to one run.
  public static func assemble(
    version: String, today: String, files: [FileSummary], findings: [Finding], errors: [FileError]
  ) -> LintReport {
    let files = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    let findings = Finding.sorted(findings)
    var seen = Set<String>()
    let errors = errors.filter { seen.insert($0.path + "\u{0}" + $0.reason).inserted }.sorted {
      $0.path != $1.path ? $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) : $0.reason < $1.reason
    }
    return LintReport(toolVersion: version, today: today, files: files, findings: findings, errors: errors)
  }
}

/// The rules and lists compiled for one set of settings, built once and shared by every file with
/// the same settings.
struct RuleSet: Sendable {
  var rules: [any Rule]
  var options: RuleOptions
  var accept: [Language: Lexicon]

  init(settings: EffectiveSettings, rules: [any Rule]) {
    var enabled = rules.filter { !settings.disabled.contains(type(of: $0).description.id) }
    let tokenizer = LanguageResources.sharedTokenizer
    func compile(_ lists: [Language: [String]], _ name: String) -> [Language: Lexicon] {
      var result: [Language: Lexicon] = [:]
      for (language, phrases) in lists where !phrases.isEmpty {
        // Lexicon syntax ({a,b}, <num>) is allowed; `#` and `!` only have their literal meaning at
        // the start of a line, so a phrase cannot turn into a comment or an exception by accident.
        let text = phrases.map { $0.hasPrefix("#") || $0.hasPrefix("!") ? String($0.dropFirst()) : $0 }
          .joined(separator: "\n")
        result[language] = Lexicon(name: name, text: text, tokenizer: tokenizer)
      }
      return result
    }
    let reject = compile(settings.reject, "reject")
    if !reject.isEmpty, !settings.disabled.contains(RejectedPhraseRule.description.id) {
      enabled.append(RejectedPhraseRule(lexicons: reject))
    }
    self.rules = enabled
    self.options = settings.ruleOptions
    self.accept = compile(settings.accept, "accept")
  }

  /// Drops the findings an accepted phrase of the note's language accounts for: phrase-level
  /// findings (vague phrasing, unverified hypotheses) that overlap an occurrence, and the vague
  /// deadline or diffuse owner of an action item when that phrase is an accepted one.
  func removeAccepted(_ findings: [Finding], analysis: DocumentAnalysis) -> [Finding] {
    guard let lexicon = accept[analysis.language], !findings.isEmpty else { return findings }
    func span(_ block: Int, _ tokens: Range<Int>) -> (SourcePosition, SourcePosition) {
      let text = analysis.blocks[block]
      let range = text.scalarRange(tokens)
      var end = text.text.position(at: max(range.lowerBound, range.upperBound - 1))
      end.column += 1
      return (text.text.position(at: range.lowerBound), end)
    }
    var spans: [(SourcePosition, SourcePosition)] = []
    for index in analysis.blocks.indices where analysis.document.blocks[index].kind != .code {
      for match in lexicon.matches(in: analysis.blocks[index].tokens) { spans.append(span(index, match.tokens)) }
    }
    guard !spans.isEmpty else { return findings }
    func accepted(_ start: SourcePosition, _ end: SourcePosition) -> Bool {
      spans.contains { $0.0 < end && start < $0.1 }
    }
    return findings.filter { finding in
      let start = SourcePosition(line: finding.line, column: finding.column)
      if finding.category == .vaguePhrasing || finding.category == .unverifiedHypothesis {
        return !accepted(start, SourcePosition(line: finding.endLine, column: finding.endColumn))
      }
      let phrase: (block: Int, tokens: Range<Int>)?
      switch finding.rule {
      case "vague-deadline":
        phrase = analysis.actionItems.first { $0.start == start }?.vagueDeadline.map { ($0.block, $0.tokens) }
      case "diffuse-owner":
        phrase = analysis.actionItems.first { $0.start == start }?.diffuseOwner.map { ($0.block, $0.tokens) }
      default:
        phrase = nil
      }
      guard let phrase, !phrase.tokens.isEmpty else { return true }
      let (from, to) = span(phrase.block, phrase.tokens)
      return !accepted(from, to)
    }
  }
}

/// Rule sets by settings fingerprint, for every thread of a run.
final class RuleSetCache: @unchecked Sendable {
  private let lock = NSLock()
  private var sets: [String: RuleSet] = [:]

  func ruleSet(for settings: EffectiveSettings, rules: [any Rule]) -> RuleSet {
    let key = settings.fingerprint
    lock.lock()
    if let known = sets[key] {
      lock.unlock()
      return known
    }
    lock.unlock()
    let built = RuleSet(settings: settings, rules: rules)
    lock.lock()
    sets[key] = built
    lock.unlock()
    return built
  }
}

/// Slots written by concurrent workers, one slot per index.
final class ResultSlots<Value: Sendable>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  init(count: Int) {
    slots = Array(repeating: nil, count: count)
  }

  func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  func values() -> [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}

final class AtomicCounter: @unchecked Sendable {
  private var value = 0
  private let lock = NSLock()

  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    let current = value
    value += 1
    return current
  }
}
