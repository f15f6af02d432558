import Dispatch
import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintParsing
import NoteLintRules

/// Options of one run.
public struct LintOptions: Sendable {
  public var language: Language?
  public var today: CivilDate
  public var maxFileSize: Int
  public var rules: RuleOptions
  /// How many files are linted at once (0: one per core).
  public var jobs: Int

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

  public init(summary: FileSummary?, findings: [Finding], error: FileError?) {
    self.summary = summary
    self.findings = findings
    self.error = error
  }
}

/// The engine: parse once, analyse once, run every rule, sort the findings.
public struct Linter: Sendable {
  public var options: LintOptions
  public var rules: [any Rule]

  public init(options: LintOptions, rules: [any Rule]? = nil) {
    self.options = options
    self.rules = rules ?? RuleRegistry.all.map { $0.init() }
  }

  /// Parses decoded source as Markdown or HTML.
  public static func parse(_ source: SourceFile, format: DocumentFormat) -> Document {
    switch format {
    case .markdown: return MarkdownParser.parse(source)
    case .html: return HTMLParser.parse(source)
    }
  }

  /// Lints one parsed document.
  public func lint(_ document: Document) -> (summary: FileSummary, findings: [Finding]) {
    let analysis = DocumentAnalysis(document: document, language: options.language, options: options.rules)
    let context = LintContext(analysis: analysis, options: options.rules)
    var findings: [Finding] = []
    for rule in rules {
      findings.append(contentsOf: rule.check(context))
    }
    findings.sort(by: Finding.sortOrder)
    let kind = analysis.kind
    return (FileSummary(path: document.source.path, language: analysis.language, kind: kind), findings)
  }

  /// Lints bytes (a file's content or standard input) under a display path.
  public func lint(bytes: [UInt8], path: String) -> FileOutcome {
    let isHTML = FileDiscovery.isHTML(path)
    switch TextDecoder.decode(bytes, path: path, isHTML: isHTML) {
    case .failure(let error):
      return FileOutcome(summary: nil, findings: [], error: FileError(path: path, reason: error.description))
    case .success(let source):
      let document = Self.parse(source, format: isHTML ? .html : .markdown)
      let result = lint(document)
      return FileOutcome(summary: result.summary, findings: result.findings, error: nil)
    }
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
      case .success(let source): return .success(Self.parse(source, format: isHTML ? .html : .markdown))
      }
    }
  }

  public func lint(file path: String) -> FileOutcome {
    switch FileReader.read(path, maxSize: options.maxFileSize) {
    case .failure(let error):
      return FileOutcome(summary: nil, findings: [], error: FileError(path: path, reason: error.description))
    case .success(let bytes):
      return lint(bytes: bytes, path: path)
    }
  }

  /// Lints files in parallel (one worker per core); the result does not depend on the order of work.
  public func lint(files: [String]) -> [FileOutcome] {
    let results = ResultSlots<FileOutcome>(count: files.count)
    let workers = options.jobs > 0 ? options.jobs : ProcessInfo.processInfo.activeProcessorCount
    if workers <= 1 || files.count <= 1 {
      for (index, path) in files.enumerated() { results.set(index, lint(file: path)) }
    } else {
      let next = AtomicCounter()
      DispatchQueue.concurrentPerform(iterations: min(workers, files.count)) { _ in
        while true {
          let index = next.increment()
          if index >= files.count { break }
          results.set(index, lint(file: files[index]))
        }
      }
    }
    return results.values()
  }

  /// Discovers, lints and assembles a report.
  public func run(paths: [String]) -> LintReport {
    let discovered = FileDiscovery().discover(paths)
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
    files.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    findings.sort(by: Finding.sortOrder)
    errors.sort { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    return LintReport(
      toolVersion: NoteLintVersion.current, today: today.description, files: files, findings: findings, errors: errors)
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
