import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintText
import Yams

/// A configuration that cannot be used: the file, the line (when known) and why.
public struct ConfigError: Error, Sendable, Equatable, CustomStringConvertible {
  public var file: String
  public var line: Int?
  public var reason: String

  public init(file: String, line: Int?, reason: String) {
    self.file = file
    self.line = line
    self.reason = reason
  }

  /// One line: `path:line: reason`.
  public var description: String { line.map { "\(file):\($0): \(reason)" } ?? "\(file): \(reason)" }
}

/// When a run exits with 1.
public enum FailThreshold: String, Sendable, Hashable, CaseIterable {
  case error
  case warning
  case info
  /// Never: findings are reported, the exit code ignores them.
  case none

  public func fails(_ severity: Severity) -> Bool {
    switch self {
    case .error: return severity >= .error
    case .warning: return severity >= .warning
    case .info: return true
    case .none: return false
    }
  }
}

/// How one configuration key (a rule id or a category) changes the rules it names.
public struct RuleSetting: Sendable, Hashable {
  /// The key as written.
  public var key: String
  public var isCategory: Bool
  /// The rule ids the key stands for.
  public var ids: [String]
  public var enabled: Bool?
  public var severity: Severity?
  public var options: [String: String]

  public init(
    key: String, isCategory: Bool, ids: [String], enabled: Bool? = nil, severity: Severity? = nil,
    options: [String: String] = [:]
  ) {
    self.key = key
    self.isCategory = isCategory
    self.ids = ids
    self.enabled = enabled
    self.severity = severity
    self.options = options
  }
}

/// Detect the language of each note, or use one.
public enum LanguageChoice: Sendable, Hashable {
  case detect
  case fixed(Language)
}

/// The settings of the top of a configuration file, or of one of its `overrides`.
public struct ConfigLayer: Sendable, Hashable {
  public var language: LanguageChoice?
  public var rules: [RuleSetting] = []
  public var roster: [String] = []
  public var accept: [Language: [String]] = [:]
  public var reject: [Language: [String]] = [:]
  public var sprintLengthDays: Int?
  public var maxPactWords: Int?
  public var dateOrder: DateOrder?
  public var failOn: FailThreshold?
  /// `min-confidence:` (0 to 1): judgements below it are not reported.
  public var minConfidence: Double?
  /// `pre-commit-calendar-rules:`: whether the rules that depend on today's date run in a
  /// pre-commit run (`--staged`, `--pre-commit`); nil: not said (off).
  public var preCommitCalendarRules: Bool?

  public init() {}
}

/// One `overrides:` entry: the globs it applies to and its settings.
public struct ConfigOverride: Sendable, Hashable {
  public var files: [Glob]
  public var layer: ConfigLayer
}

/// A parsed `.notelint.yml`.
public struct Configuration: Sendable {
  public static let fileNames = [".notelint.yml", ".notelint.yaml"]

  /// The path as it is shown in messages.
  public var path: String
  /// The absolute folder its globs are relative to.
  public var folder: String
  public var base: ConfigLayer
  public var include: [Glob]
  public var exclude: [Glob]
  public var overrides: [ConfigOverride]

  public init(path: String, folder: String, base: ConfigLayer = ConfigLayer()) {
    self.path = path
    self.folder = folder
    self.base = base
    self.include = []
    self.exclude = []
    self.overrides = []
  }

  /// Reads and parses a configuration file.
  public static func load(path: String) throws -> Configuration {
    let bytes: [UInt8]
    switch FileReader.read(path, maxSize: 1 << 20) {
    case .success(let read): bytes = read
    case .failure(.tooLarge(let size, _)):
      throw ConfigError(
        file: path, line: nil,
        reason: "cannot be read: \(size) bytes, over the limit of 1 MiB (1048576 bytes) for a configuration")
    case .failure(let error): throw ConfigError(file: path, line: nil, reason: "cannot be read: \(error.description)")
    }
    guard let text = String(validating: bytes, as: UTF8.self) else {
      throw ConfigError(file: path, line: nil, reason: "is not valid UTF-8")
    }
    let absolute = PathUtilities.absolute(path)
    return try parse(text, path: path, folder: PathUtilities.parent(absolute) ?? "/")
  }

  /// Parses the text of a configuration; `folder` is the absolute folder its globs are relative to.
  public static func parse(_ text: String, path: String, folder: String) throws -> Configuration {
    let reader = ConfigReader(path: path)
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch let error as YamlError {
      throw reader.yamlError(error)
    } catch {
      throw ConfigError(file: path, line: nil, reason: "invalid YAML: \(error)")
    }
    var configuration = Configuration(path: path, folder: folder)
    guard let root else { return configuration }
    if case .scalar(let scalar) = root, scalar.string.isEmpty || scalar.tag == Tag(.null) { return configuration }
    let entries = try reader.mapping(root, "the configuration")
    for (key, value, line) in entries {
      switch key {
      case "version":
        guard value.scalar?.string == "1" else {
          throw ConfigError(file: path, line: line, reason: "version must be 1")
        }
      case "include": configuration.include = try reader.globs(value, key)
      case "exclude": configuration.exclude = try reader.globs(value, key)
      case "overrides":
        guard case .sequence(let sequence) = value else {
          throw ConfigError(
            file: path, line: reader.line(value), reason: "overrides must be a list of {files, …} entries")
        }
        for item in sequence {
          var files: [Glob]?
          var layer = ConfigLayer()
          for (itemKey, itemValue, itemLine) in try reader.mapping(item, "an overrides entry") {
            if itemKey == "files" {
              files = try reader.globs(itemValue, itemKey)
            } else if ["include", "exclude", "overrides", "version"].contains(itemKey) {
              throw ConfigError(file: path, line: itemLine, reason: "'\(itemKey)' is not allowed inside overrides")
            } else if !ConfigReader.layerKeys.contains(itemKey) {
              // Suggestions among the keys an override takes (`file:` is a typo of `files:`).
              throw reader.unknownKey(itemKey, itemLine, expected: ["files"] + ConfigReader.layerKeys)
            } else {
              try reader.layerKey(itemKey, itemValue, itemLine, into: &layer)
            }
          }
          guard let files, !files.isEmpty else {
            throw ConfigError(file: path, line: reader.line(item), reason: "an overrides entry needs 'files:' globs")
          }
          configuration.overrides.append(ConfigOverride(files: files, layer: layer))
        }
      default:
        try reader.layerKey(key, value, line, into: &configuration.base)
      }
    }
    return configuration
  }

  /// The layers that apply to a file: the top of the file, then each matching override in order.
  public func layers(forAbsolutePath path: String) -> [ConfigLayer] {
    var layers = [base]
    guard let relative = PathUtilities.relative(path, to: folder) else { return layers }
    for entry in overrides where entry.files.contains(where: { $0.matchesPathOrParent(relative, isDirectory: false) }) {
      layers.append(entry.layer)
    }
    return layers
  }

  /// The `overrides` entries (by position, from 1) whose `files:` match a file.
  public func matchingOverrides(forAbsolutePath path: String) -> [(number: Int, files: [String])] {
    guard let relative = PathUtilities.relative(path, to: folder) else { return [] }
    return overrides.enumerated().compactMap { index, entry in
      entry.files.contains { $0.matchesPathOrParent(relative, isDirectory: false) }
        ? (index + 1, entry.files.map(\.pattern)) : nil
    }
  }

  /// The `include` globs that match none of `files` (absolute paths of the notes a run linted).
  public func unmatchedIncludes(_ files: [String]) -> [String] {
    let relatives = files.compactMap { PathUtilities.relative($0, to: folder) }
    return include.filter { glob in !relatives.contains { glob.matchesPathOrParent($0, isDirectory: false) } }.map(
      \.pattern)
  }

  /// Whether `include`/`exclude` let a file be linted.
  public func admits(absolutePath path: String) -> Bool {
    guard let relative = PathUtilities.relative(path, to: folder) else { return true }
    if exclude.contains(where: { $0.matchesPathOrParent(relative, isDirectory: false) }) { return false }
    if !include.isEmpty, !include.contains(where: { $0.matchesPathOrParent(relative, isDirectory: false) }) {
      return false
    }
    return true
  }

  /// Whether `exclude` rules out a whole folder (so a walk need not enter it).
  public func excludesFolder(absolutePath path: String) -> Bool {
    guard let relative = PathUtilities.relative(path, to: folder), !relative.isEmpty else { return false }
    return exclude.contains { $0.matchesPathOrParent(relative, isDirectory: true) }
  }
}

/// Reads the YAML tree of a configuration, with the line of every problem.
struct ConfigReader {
  let path: String

  static let layerKeys = [
    "language", "fail-on", "sprint-length", "pact-word-budget", "date-order", "roster", "rules", "lexicon",
    "min-confidence", "pre-commit-calendar-rules",
  ]
  static let topKeys = ["version", "include", "exclude", "overrides"] + layerKeys

  func line(_ node: Node) -> Int? { node.mark?.line }

  func error(_ node: Node, _ reason: String) -> ConfigError {
    ConfigError(file: path, line: line(node), reason: reason)
  }

  func yamlError(_ error: YamlError) -> ConfigError {
    switch error {
    case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      let detail = context.map { "\($0.text), " } ?? ""
      return ConfigError(file: path, line: mark.line, reason: "invalid YAML: \(detail)\(problem)")
    case .duplicatedKeysInMapping(let duplicates, let context):
      return ConfigError(
        file: path, line: context.mark.line > 0 ? context.mark.line : nil,
        reason: "duplicate key \(duplicates.map { "'\($0)'" }.joined(separator: ", "))")
    case .reader(let problem, _, _, _):
      return ConfigError(file: path, line: nil, reason: "invalid YAML: \(problem)")
    default:
      return ConfigError(file: path, line: nil, reason: "invalid YAML: \(error)")
    }
  }

  func scalar(_ node: Node, _ key: String) throws -> String {
    guard case .scalar(let scalar) = node else { throw error(node, "'\(key)' must be a single value") }
    return scalar.string
  }

  func mapping(_ node: Node, _ what: String) throws -> [(String, Node, Int?)] {
    guard case .mapping(let mapping) = node else { throw error(node, "\(what) must be a mapping of keys to values") }
    var result: [(String, Node, Int?)] = []
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else { throw error(key, "keys must be plain names") }
      result.append((scalar.string, value, key.mark?.line))
    }
    return result
  }

  /// A list of strings (a single value counts as a list of one).
  func strings(_ node: Node, _ key: String) throws -> [String] {
    switch node {
    case .scalar(let scalar):
      return scalar.string.isEmpty ? [] : [scalar.string]
    case .sequence(let sequence):
      var result: [String] = []
      for item in sequence {
        guard case .scalar(let scalar) = item, !scalar.string.isEmpty else {
          throw error(item, "'\(key)' must be a list of non-empty strings")
        }
        result.append(scalar.string)
      }
      return result
    default:
      throw error(node, "'\(key)' must be a list of strings")
    }
  }

  func globs(_ node: Node, _ key: String) throws -> [Glob] {
    var result: [Glob] = []
    for text in try strings(node, key) {
      guard let glob = Glob(text, allowNegation: false), !text.hasPrefix("!") else {
        throw error(node, "'\(text)' in '\(key)' is not a usable glob (no comments, no '!')")
      }
      result.append(glob)
    }
    return result
  }

  func positiveInt(_ node: Node, _ key: String, range: ClosedRange<Int>) throws -> Int {
    let text = try scalar(node, key)
    guard let value = Int(text), range.contains(value) else {
      throw error(
        node, "'\(key)' must be a whole number from \(range.lowerBound) to \(range.upperBound), not '\(text)'")
    }
    return value
  }

  func severity(_ text: String) -> Severity? { Severity(rawValue: text.lowercased()) }

  func language(_ node: Node, _ key: String) throws -> Language {
    let text = try scalar(node, key)
    guard let language = LanguageDetector.parse(text) else {
      throw error(node, "'\(text)' is not a language: use it or en")
    }
    return language
  }

  func unknownKey(_ key: String, _ line: Int?, expected: [String]) -> ConfigError {
    var reason = "unknown key '\(key)'"
    let close = expected.min {
      RuleCatalog.editDistance(Array(key.unicodeScalars), Array($0.unicodeScalars))
        < RuleCatalog.editDistance(Array(key.unicodeScalars), Array($1.unicodeScalars))
    }
    if let close, RuleCatalog.editDistance(Array(key.unicodeScalars), Array(close.unicodeScalars)) <= 3 {
      reason += " (did you mean '\(close)'?)"
    } else {
      reason += " (expected one of: \(expected.joined(separator: ", ")))"
    }
    return ConfigError(file: path, line: line, reason: reason)
  }

  /// One key of a layer (the top of the file or an override).
  func layerKey(_ key: String, _ value: Node, _ line: Int?, into layer: inout ConfigLayer) throws {
    switch key {
    case "language":
      let text = try scalar(value, key)
      if text.lowercased() == "auto" || text.lowercased() == "detect" {
        layer.language = .detect
      } else {
        layer.language = .fixed(try language(value, key))
      }
    case "fail-on":
      let text = try scalar(value, key).lowercased()
      guard let threshold = FailThreshold(rawValue: text == "never" ? "none" : text) else {
        throw error(value, "'fail-on' must be error, warning, info or none, not '\(text)'")
      }
      layer.failOn = threshold
    case "min-confidence":
      let text = try scalar(value, key)
      guard let threshold = Double(text), threshold >= 0, threshold <= 1 else {
        throw error(value, "'min-confidence' must be a number from 0 to 1, not '\(text)'")
      }
      layer.minConfidence = threshold
    case "pre-commit-calendar-rules":
      guard let parsed = Self.switchValue(try scalar(value, key).lowercased()) else {
        throw error(value, "'pre-commit-calendar-rules' must be on or off")
      }
      layer.preCommitCalendarRules = parsed
    case "sprint-length":
      layer.sprintLengthDays = try positiveInt(value, key, range: 1...366)
    case "pact-word-budget":
      layer.maxPactWords = try positiveInt(value, key, range: 1...100_000)
    case "date-order":
      switch try scalar(value, key).lowercased() {
      case "day-first", "dmy": layer.dateOrder = .dayFirst
      case "month-first", "mdy": layer.dateOrder = .monthFirst
      case let other: throw error(value, "'date-order' must be day-first or month-first, not '\(other)'")
      }
    case "roster":
      layer.roster.append(contentsOf: try roster(value))
    case "rules":
      for (name, setting, settingLine) in try mapping(value, "'rules'") {
        layer.rules.append(try rule(name, setting, settingLine))
      }
    case "lexicon":
      for (name, lists, listLine) in try mapping(value, "'lexicon'") {
        guard let language = LanguageDetector.parse(name) else {
          throw ConfigError(
            file: path, line: listLine, reason: "'\(name)' under 'lexicon' is not a language: use it or en")
        }
        for (kind, phrases, kindLine) in try mapping(lists, "'lexicon: \(name)'") {
          let entries = try strings(phrases, kind)
          for entry in entries where Lexicon.expansionCount(entry) > Lexicon.maxExpansions {
            let count = Lexicon.expansionCount(entry)
            throw error(
              phrases,
              "'\(entry.prefix(60))' in 'lexicon: \(name): \(kind)' expands to \(count == Int.max ? "too many" : String(count)) phrases; at most \(Lexicon.maxExpansions) (fewer {a,b} alternations)"
            )
          }
          switch kind {
          case "accept": layer.accept[language, default: []].append(contentsOf: entries)
          case "reject": layer.reject[language, default: []].append(contentsOf: entries)
          default: throw unknownKey(kind, kindLine, expected: ["accept", "reject"])
          }
        }
      }
    default:
      throw unknownKey(key, line, expected: Self.topKeys)
    }
  }

  /// `roster:` as a list of people, or as `people:` / `handles:` / `roles:` lists.
  func roster(_ node: Node) throws -> [String] {
    if case .mapping = node {
      var result: [String] = []
      for (key, value, line) in try mapping(node, "'roster'") {
        guard ["people", "handles", "roles"].contains(key) else {
          throw unknownKey(key, line, expected: ["people", "handles", "roles"])
        }
        result.append(contentsOf: try strings(value, key))
      }
      return result
    }
    return try strings(node, "roster")
  }

  func rule(_ name: String, _ node: Node, _ line: Int?) throws -> RuleSetting {
    guard let ids = RuleCatalog.resolve(name) else {
      var reason = "unknown rule or category '\(name)'"
      if let close = RuleCatalog.suggestion(for: name) { reason += " (did you mean '\(close)'?)" }
      throw ConfigError(file: path, line: line, reason: reason)
    }
    var setting = RuleSetting(key: name, isCategory: Category(rawValue: name) != nil, ids: ids)
    switch node {
    case .scalar(let scalar):
      let text = scalar.string.lowercased()
      if let parsed = Self.switchValue(text) {
        setting.enabled = parsed
      } else if let severity = severity(text) {
        setting.enabled = true
        setting.severity = severity
      } else {
        throw error(node, "'\(name)' must be on, off, error, warning, info or a mapping, not '\(scalar.string)'")
      }
    case .mapping:
      for (key, value, keyLine) in try mapping(node, "'\(name)'") {
        switch key {
        case "enabled":
          guard let parsed = Self.switchValue(try scalar(value, key).lowercased()) else {
            throw error(value, "'enabled' must be true or false")
          }
          setting.enabled = parsed
        case "severity":
          let text = try scalar(value, key)
          guard let severity = severity(text) else {
            throw error(value, "'severity' must be error, warning or info, not '\(text)'")
          }
          setting.severity = severity
        case "options":
          for (option, optionValue, _) in try mapping(value, "'options'") {
            setting.options[option] = try strings(optionValue, option).joined(separator: ",")
          }
        default:
          throw unknownKey(key, keyLine, expected: ["enabled", "severity", "options"])
        }
      }
    default:
      throw error(node, "'\(name)' must be on, off, a severity or a mapping")
    }
    return setting
  }

  static func switchValue(_ text: String) -> Bool? {
    switch text {
    case "on", "true", "yes", "enabled": return true
    case "off", "false", "no", "disabled": return false
    default: return nil
    }
  }
}
