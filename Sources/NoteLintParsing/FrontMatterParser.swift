import NoteLintCore
import Yams

/// YAML front matter at the top of a Markdown file (`---` … `---`).
public enum FrontMatterParser {
  /// Finds the front matter block: the 1-based line range of its fences, if the file opens with one.
  public static func locate(_ source: SourceFile) -> ClosedRange<Int>? {
    guard source.lineCount >= 2, source.lineText(1).trimmingTrailingSpaces() == "---" else {
      return nil
    }
    let maxLines = min(source.lineCount, 400)
    var line = 2
    while line <= maxLines {
      let text = source.lineText(line).trimmingTrailingSpaces()
      if text == "---" || text == "..." { return 1...line }
      line += 1
    }
    return nil
  }

  /// The front matter of a file, if it opens with one. Text between two `---` lines that is YAML
  /// but not a mapping (a thematic break, a paragraph, a setext underline) is not front matter;
  /// YAML that does not parse still is, so its lines are never linted as prose.
  public static func read(_ source: SourceFile) -> FrontMatter? {
    guard let lines = locate(source) else { return nil }
    let yaml = self.yaml(source, lines: lines)
    do {
      guard let node = try Yams.compose(yaml: yaml, .basic, .default, .utf8) else { return FrontMatter(lines: lines) }
      guard node.mapping != nil else { return nil }
      return frontMatter(node, lines: lines)
    } catch {
      return FrontMatter(lines: lines)
    }
  }

  private static func yaml(_ source: SourceFile, lines: ClosedRange<Int>) -> String {
    var yaml = ""
    if lines.upperBound > lines.lowerBound + 1 {
      for line in (lines.lowerBound + 1)...(lines.upperBound - 1) {
        yaml += source.lineText(line)
        yaml += "\n"
      }
    }
    return yaml
  }

  /// Parses the YAML between the fences. Keys are lowercased; scalars are kept as written, so the
  /// basic resolver does (the default one compiles a dozen regular expressions at start-up).
  public static func parse(_ source: SourceFile, lines: ClosedRange<Int>) -> FrontMatter {
    guard let node = try? Yams.compose(yaml: yaml(source, lines: lines), .basic, .default, .utf8) else {
      return FrontMatter(lines: lines)
    }
    return frontMatter(node, lines: lines)
  }

  /// The most values (scalars reached through lists, mappings and aliases) the front matter may
  /// hold. YAML aliases share nodes, so a few hundred bytes can name billions of values ("billion
  /// laughs"): conversion stops at this budget and the front matter is refused with a reason.
  public static let maxValues = 10_000

  private static func frontMatter(_ node: Node, lines: ClosedRange<Int>) -> FrontMatter {
    var frontMatter = FrontMatter(lines: lines)
    guard let mapping = node.mapping else { return frontMatter }
    var budget = maxValues
    for (key, value) in mapping {
      guard let name = key.scalar?.string.lowercased() else { continue }
      budget -= 1
      switch value {
      case .scalar(let scalar):
        frontMatter.values[name] = scalar.string
      case .sequence, .mapping:
        var list: [String] = []
        guard collect(value, into: &list, budget: &budget) else {
          return FrontMatter(lines: lines, problem: refusal)
        }
        frontMatter.lists[name] = list
        // `sprint: {start: 2026-11-02, length-days: 14}` is also read as `sprint.start`, `sprint.length-days`.
        if case .mapping(let fields) = value {
          for (field, child) in fields {
            if let field = field.scalar?.string.lowercased(), let scalar = child.scalar {
              frontMatter.values[name + "." + field] = scalar.string
            }
          }
        }
      case .alias:
        break
      }
      if budget < 0 { return FrontMatter(lines: lines, problem: refusal) }
    }
    return frontMatter
  }

  static let refusal =
    "front matter refused: its YAML expands to more than \(maxValues) values (nested aliases?)"

  /// Appends the scalars under `node`; false once more than `budget` nodes have been visited.
  private static func collect(_ node: Node, into list: inout [String], budget: inout Int) -> Bool {
    budget -= 1
    if budget < 0 { return false }
    switch node {
    case .scalar(let scalar):
      list.append(scalar.string)
    case .sequence(let sequence):
      for item in sequence where !collect(item, into: &list, budget: &budget) { return false }
    case .mapping(let mapping):
      for (_, value) in mapping where !collect(value, into: &list, budget: &budget) { return false }
    case .alias:
      break
    }
    return true
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var view = unicodeScalars[...]
    while let last = view.last, last == " " || last == "\t" {
      view = view.dropLast()
    }
    return String(scalars: view)
  }
}
