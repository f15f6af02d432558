import NoteLintCore
import Yams

/// YAML front matter at the top of a Markdown file (`---` … `---`).
public enum FrontMatterParser {
  /// Finds the front matter block: the 1-based line range of its fences, if the file opens with one.
  public static func locate(_ source: SourceFile) -> ClosedRange<Int>? {
    guard source.lineCount >= 2, source.lineText(1).trimmingTrailingSpaces() == "---" else { return nil }
    let maxLines = min(source.lineCount, 400)
    var line = 2
    while line <= maxLines {
      let text = source.lineText(line).trimmingTrailingSpaces()
      if text == "---" || text == "..." { return 1...line }
      line += 1
    }
    return nil
  }

  /// Parses the YAML between the fences. Keys are lowercased; scalars are kept as written.
  public static func parse(_ source: SourceFile, lines: ClosedRange<Int>) -> FrontMatter {
    var yaml = ""
    if lines.upperBound > lines.lowerBound + 1 {
      for line in (lines.lowerBound + 1)...(lines.upperBound - 1) {
        yaml += source.lineText(line)
        yaml += "\n"
      }
    }
    var frontMatter = FrontMatter(lines: lines)
    guard let node = try? Yams.compose(yaml: yaml), let mapping = node.mapping else { return frontMatter }
    for (key, value) in mapping {
      guard let name = key.scalar?.string.lowercased() else { continue }
      switch value {
      case .scalar(let scalar):
        frontMatter.values[name] = scalar.string
      case .sequence(let sequence):
        frontMatter.lists[name] = sequence.flatMap(strings)
      case .mapping:
        frontMatter.lists[name] = strings(value)
      case .alias:
        break
      }
    }
    return frontMatter
  }

  private static func strings(_ node: Node) -> [String] {
    switch node {
    case .scalar(let scalar): return [scalar.string]
    case .sequence(let sequence): return sequence.flatMap(strings)
    case .mapping(let mapping): return mapping.map(\.value).flatMap(strings)
    case .alias: return []
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var view = unicodeScalars[...]
    while let last = view.last, last == " " || last == "\t" {
      view = view.dropLast()
    }
    return String(String.UnicodeScalarView(view))
  }
}
