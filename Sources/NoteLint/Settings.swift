import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintRules

/// Everything that decides one file's findings: the run's options, then its configuration file, then
/// the overrides whose globs match it, then the command line's explicit flags.
public struct EffectiveSettings: Sendable, Hashable {
  public var language: Language?
  public var today: CivilDate
  /// Rule ids turned off.
  public var disabled: Set<String> = []
  /// Severities that replace a rule's default.
  public var severities: [String: Severity] = [:]
  public var parameters: [String: [String: String]] = [:]
  public var roster: [String] = []
  public var accept: [Language: [String]] = [:]
  public var reject: [Language: [String]] = [:]
  public var sprintLengthDays = 14
  public var maxPactWords = 600
  public var dateOrder: DateOrder = .dayFirst
  public var failOn: FailThreshold = .warning
  /// Judgements below this confidence are not reported (nil: the model's default threshold).
  public var minConfidence: Double?
  /// `pre-commit-calendar-rules:` of the file's configuration.
  public var preCommitCalendarRules = false
  /// The configuration file the settings came from, if any.
  public var configPath: String?

  public init(options: LintOptions) {
    language = options.language
    today = options.today
    sprintLengthDays = options.rules.sprintLengthDays
    maxPactWords = options.rules.maxPactWords
    roster = options.rules.roster
    dateOrder = options.rules.dateOrder
    parameters = options.rules.parameters
    minConfidence = options.minConfidence
  }

  /// Applies one layer of a configuration.
  public mutating func apply(_ layer: ConfigLayer) {
    switch layer.language {
    case .detect?: language = nil
    case .fixed(let fixed)?: language = fixed
    case nil: break
    }
    // Within a layer a rule id is more specific than its category, whatever the order in the file.
    for setting in layer.rules.filter(\.isCategory) + layer.rules.filter({ !$0.isCategory }) {
      for id in setting.ids {
        if let enabled = setting.enabled {
          if enabled { disabled.remove(id) } else { disabled.insert(id) }
        }
        if let severity = setting.severity { severities[id] = severity }
        if !setting.options.isEmpty { parameters[id, default: [:]].merge(setting.options) { $1 } }
      }
    }
    roster.append(contentsOf: layer.roster)
    for (language, phrases) in layer.accept { accept[language, default: []].append(contentsOf: phrases) }
    for (language, phrases) in layer.reject { reject[language, default: []].append(contentsOf: phrases) }
    if let value = layer.sprintLengthDays { sprintLengthDays = value }
    if let value = layer.maxPactWords { maxPactWords = value }
    if let value = layer.dateOrder { dateOrder = value }
    if let value = layer.failOn { failOn = value }
    if let value = layer.minConfidence { minConfidence = value }
    if let value = layer.preCommitCalendarRules { preCommitCalendarRules = value }
  }

  /// Turns the calendar rules off when the run says so (`--no-calendar-rules`), or when it is a
  /// pre-commit run and neither `--calendar-rules` nor `pre-commit-calendar-rules: on` keeps them.
  public mutating func applyCalendarProfile(_ options: LintOptions) {
    let on = options.calendarRules ?? (!options.preCommit || preCommitCalendarRules)
    if !on { disabled.formUnion(CalendarRules.ids) }
  }

  public var ruleOptions: RuleOptions {
    var options = RuleOptions(
      today: today, maxPactWords: maxPactWords, sprintLengthDays: sprintLengthDays, roster: roster,
      dateOrder: dateOrder)
    options.parameters = parameters
    return options
  }

  /// A canonical text of everything that changes findings (not `failOn`): part of the cache key.
  public var fingerprint: String {
    var parts: [String] = []
    parts.append("language=\(language?.rawValue ?? "auto")")
    parts.append("today=\(today.description)")
    parts.append("disabled=\(disabled.sorted().joined(separator: ","))")
    parts.append("severities=\(severities.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.rawValue)" })")
    parts.append(
      "parameters=\(parameters.sorted { $0.key < $1.key }.map { "\($0.key):\($0.value.sorted { $0.key < $1.key })" })")
    parts.append("roster=\(roster)")
    for language in Language.allCases {
      parts.append("accept.\(language.rawValue)=\(accept[language] ?? [])")
      parts.append("reject.\(language.rawValue)=\(reject[language] ?? [])")
    }
    parts.append("sprint=\(sprintLengthDays)")
    parts.append("pact-words=\(maxPactWords)")
    parts.append("date-order=\(dateOrder == .dayFirst ? "day" : "month")")
    parts.append("min-confidence=\(minConfidence.map { String($0) } ?? "default")")
    return parts.joined(separator: "\n")
  }
}

/// The rules whose findings change with today's date alone (an untouched note becomes overdue):
/// off in a pre-commit run by default, so that they never block an unrelated commit; nightly,
/// checkpoint and ordinary runs keep them.
public enum CalendarRules {
  public static let ids: Set<String> = ["overdue-item"]
}

/// Finds the configuration of each file: `--config` for all, else the nearest `.notelint.yml` walking
/// up from the file's folder. Each folder is looked up once; safe to use from several threads.
public final class ConfigurationResolver: @unchecked Sendable {
  /// The explicit `--config`, if any.
  public let explicit: Configuration?
  private let lock = NSLock()
  private var byFolder: [String: Configuration?] = [:]
  private var loaded: [String: Configuration] = [:]
  private var firstError: ConfigError?

  /// `configPath`: `--config FILE`; throws when it cannot be read or parsed.
  public init(configPath: String? = nil) throws {
    explicit = try configPath.map { path throws in try Configuration.load(path: path) }
  }

  /// The paths of every configuration file read so far (`--config` included): inputs of the run,
  /// which no output may replace.
  public var loadedPaths: [String] {
    lock.lock()
    defer { lock.unlock() }
    return (explicit.map { [$0.path] } ?? []) + loaded.values.map(\.path).sorted()
  }

  /// Every configuration read so far (`--config` first, then by path).
  public var loadedConfigurations: [Configuration] {
    lock.lock()
    defer { lock.unlock() }
    return (explicit.map { [$0] } ?? []) + loaded.values.sorted { $0.path < $1.path }
  }

  /// The first configuration error met so far (the run stops on it).
  public var error: ConfigError? {
    lock.lock()
    defer { lock.unlock() }
    return firstError
  }

  /// The configuration for a file (absolute path); nil when there is none.
  public func configuration(forFile absolutePath: String) -> Configuration? {
    if let explicit { return explicit }
    guard let folder = PathUtilities.parent(absolutePath) else { return nil }
    return configuration(forFolder: folder)
  }

  /// The configuration that governs a folder (absolute path).
  public func configuration(forFolder folder: String) -> Configuration? {
    if let explicit { return explicit }
    lock.lock()
    if let known = byFolder[folder] {
      lock.unlock()
      return known
    }
    lock.unlock()
    var found: Configuration?
    var candidate: String? = folder
    var visited: [String] = []
    while let current = candidate {
      lock.lock()
      if let known = byFolder[current] {
        lock.unlock()
        found = known
        break
      }
      lock.unlock()
      visited.append(current)
      if let configuration = load(folder: current) {
        found = configuration
        break
      }
      candidate = PathUtilities.parent(current)
    }
    lock.lock()
    for path in visited { byFolder[path] = .some(found) }
    lock.unlock()
    return found
  }

  private func load(folder: String) -> Configuration? {
    for name in Configuration.fileNames {
      let path = PathUtilities.join(folder, name)
      guard PathUtilities.exists(path) else { continue }
      lock.lock()
      if let known = loaded[path] {
        lock.unlock()
        return known
      }
      lock.unlock()
      let display = PathUtilities.display(path, from: FileManager.default.currentDirectoryPath)
      do {
        var configuration = try Configuration.load(path: path)
        configuration.path = display
        lock.lock()
        loaded[path] = configuration
        lock.unlock()
        return configuration
      } catch {
        var error = error as? ConfigError ?? ConfigError(file: display, line: nil, reason: "\(error)")
        error.file = display
        lock.lock()
        if firstError == nil { firstError = error }
        lock.unlock()
        return nil
      }
    }
    return nil
  }

  /// A file's settings: `options` (the run's), then its configuration and matching overrides; an
  /// explicit `options.language` (the command line's `--language`) wins over any file.
  public func settings(forFile absolutePath: String, options: LintOptions) -> EffectiveSettings {
    var settings = EffectiveSettings(options: options)
    if let configuration = configuration(forFile: absolutePath) {
      for layer in configuration.layers(forAbsolutePath: absolutePath) { settings.apply(layer) }
      settings.configPath = configuration.path
    }
    if let language = options.language { settings.language = language }
    if let threshold = options.minConfidence { settings.minConfidence = threshold }
    settings.applyCalendarProfile(options)
    return settings
  }
}
