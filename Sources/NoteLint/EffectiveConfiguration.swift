import Foundation
import NoteLintCore
import NoteLintLanguage
import NoteLintRules

/// `notelint config show`: the settings one file is linted with, as YAML (every string quoted).
public enum EffectiveConfigurationText {
  public static func render(
    path: String, isFolder: Bool, settings: EffectiveSettings, configuration: Configuration?,
    overrides: [(number: Int, files: [String])], excluded: Bool
  ) -> String {
    var out = "# The settings notelint uses for \(isFolder ? "a note in " : "")\(path)\n"
    out += "\(isFolder ? "folder" : "file"): \(quoted(path))\n"
    if let configuration {
      out += "configuration: \(quoted(configuration.path))\n"
      out += "root: \(quoted(configuration.folder))\n"
    } else {
      out += "configuration: null  # none found: the built-in defaults\n"
    }
    if !overrides.isEmpty {
      out += "overrides-applied:\n"
      for entry in overrides { out += "  - {entry: \(entry.number), files: \(list(entry.files))}\n" }
    }
    if let configuration {
      out += "include: \(list(configuration.include.map(\.pattern)))\n"
      out += "exclude: \(list(configuration.exclude.map(\.pattern)))\n"
    }
    if !isFolder { out += "linted: \(excluded ? "false  # excluded by include/exclude or an ignore file" : "true")\n" }
    out += "language: \(settings.language.map { quoted($0.rawValue) } ?? "auto")\n"
    out += "fail-on: \(settings.failOn.rawValue)\n"
    if let threshold = settings.minConfidence {
      out += "min-confidence: \(threshold)\n"
    } else {
      out += "min-confidence: \(ConfidenceModel.defaultThreshold)  # built in\n"
    }
    out += "sprint-length: \(settings.sprintLengthDays)\n"
    out += "pact-word-budget: \(settings.maxPactWords)\n"
    out += "date-order: \(settings.dateOrder == .dayFirst ? "day-first" : "month-first")\n"
    out += "pre-commit-calendar-rules: \(settings.preCommitCalendarRules ? "on" : "off")\n"
    out += "roster: \(list(settings.roster))\n"
    let lexicon = Language.allCases.filter {
      !(settings.accept[$0] ?? []).isEmpty || !(settings.reject[$0] ?? []).isEmpty
    }
    if !lexicon.isEmpty {
      out += "lexicon:\n"
      for language in lexicon {
        out += "  \(language.rawValue):\n"
        out += "    accept: \(list(settings.accept[language] ?? []))\n"
        out += "    reject: \(list(settings.reject[language] ?? []))\n"
      }
    }
    out += "rules:\n"
    let width = RuleCatalog.ids.map(\.count).max() ?? 0
    for description in RuleCatalog.descriptions {
      let id = description.id
      let value = settings.disabled.contains(id) ? "off" : (settings.severities[id] ?? description.severity).rawValue
      var line = "  \(id):" + String(repeating: " ", count: width - id.count + 1) + value
      var notes: [String] = []
      if CalendarRules.ids.contains(id) {
        notes.append("depends on today's date: off in pre-commit runs unless pre-commit-calendar-rules: on")
      }
      if let options = settings.parameters[id], !options.isEmpty {
        notes.append(
          "options: " + options.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
      }
      if !notes.isEmpty { line += "  # " + notes.joined(separator: "; ") }
      out += line + "\n"
    }
    return out
  }

  /// A YAML double-quoted scalar (JSON string syntax, which YAML reads as is).
  static func quoted(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\t": out += "\\t"
      case _ where scalar.value < 0x20 || scalar.value == 0x7F:
        out += String(format: "\\u%04x", scalar.value)
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out + "\""
  }

  static func list(_ items: [String]) -> String { "[" + items.map(quoted).joined(separator: ", ") + "]" }
}
