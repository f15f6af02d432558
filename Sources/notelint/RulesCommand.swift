import ArgumentParser
import NoteLint

struct RulesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "rules", abstract: "List every rule: id, category, default severity, checkpoints, languages.")

  @Flag(name: .long, help: "Print JSON instead of a table.")
  var json = false

  func run() throws {
    let descriptions = RuleRegistry.descriptions
    if json {
      let out = JSONWriter()
      out.array(descriptions) { rule in
        out.object {
          out.field("id", rule.id)
          out.field("name", rule.name.en)
          out.field("category", rule.category.rawValue)
          out.field("severity", rule.severity.rawValue)
          out.key("checkpoints")
          out.array(rule.checkpoints) { out.value($0.rawValue) }
          out.key("languages")
          out.array(rule.languages) { out.value($0.rawValue) }
          out.field("summary", rule.summary.en)
        }
      }
      Output.writeStdout(out.text + "\n")
      return
    }
    let rows = descriptions.map { rule in
      [
        rule.id, rule.category.rawValue, rule.severity.rawValue,
        rule.checkpoints.map(\.rawValue).joined(separator: ","),
        rule.languages.map(\.rawValue).joined(separator: ","),
      ]
    }
    let header = ["RULE", "CATEGORY", "SEVERITY", "CHECKPOINTS", "LANGUAGES"]
    var widths = header.map(\.count)
    for row in rows {
      for (index, cell) in row.enumerated() { widths[index] = max(widths[index], cell.count) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        index == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
      }.joined()
    }
    var out = line(header) + "\n"
    for row in rows { out += line(row) + "\n" }
    out += "\(rows.count) rules. `notelint explain RULE` describes one.\n"
    Output.writeStdout(out)
  }
}

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain", abstract: "Describe a rule: what it flags, why it matters, bad and good examples.")

  @Argument(help: "A rule id (see `notelint rules`).")
  var rule: String

  @Option(name: .long, help: "Language of the explanation: en or it (default: both).")
  var language: String?

  func run() throws {
    guard let found = RuleRegistry.rule(id: rule) else {
      let ids = RuleRegistry.descriptions.map(\.id).joined(separator: ", ")
      throw ValidationError("unknown rule '\(rule)'; rules are: \(ids)")
    }
    var languages = Language.allCases.reversed().map { $0 }
    if let name = language {
      guard let parsed = LanguageDetector.parse(name) else { throw ValidationError("--language must be it or en") }
      languages = [parsed]
    }
    Output.writeStdout(RuleExplanation.render(found.description, languages: languages))
  }
}
