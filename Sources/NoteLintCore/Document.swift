/// Whether a list item is a task, and if so whether it is done.
public enum TaskState: String, Sendable {
  case none
  case unchecked
  case checked
}

/// List item details: nesting and task state.
public struct ListItemInfo: Sendable, Equatable {
  public var ordered: Bool
  /// 1 for a top-level item.
  public var depth: Int
  public var task: TaskState
  /// Block index of the enclosing list item, if any.
  public var parent: Int?

  public init(ordered: Bool, depth: Int, task: TaskState, parent: Int?) {
    self.ordered = ordered
    self.depth = depth
    self.task = task
    self.parent = parent
  }
}

/// Where a table cell sits.
public struct TableCellInfo: Sendable, Equatable {
  public var table: Int
  /// 0 is the header row.
  public var row: Int
  public var column: Int
  public var isHeader: Bool { row == 0 }

  public init(table: Int, row: Int, column: Int) {
    self.table = table
    self.row = row
    self.column = column
  }
}

public enum BlockKind: Sendable, Equatable {
  case heading(level: Int)
  case paragraph
  case listItem
  case tableCell
  /// Fenced or indented code, or `<pre>`: kept, never linted.
  case code

  public var isHeading: Bool {
    if case .heading = self { return true }
    return false
  }
}

/// A link inside a block's text: the scalar range of its text and its destination.
public struct Link: Sendable, Equatable {
  public var range: Range<Int>
  public var url: String

  public init(range: Range<Int>, url: String) {
    self.range = range
    self.url = url
  }
}

/// One block of a document with its text mapped to source positions.
public struct Block: Sendable {
  public var kind: BlockKind
  public var text: MappedText
  /// Where the block starts in the source (for a list item: its marker).
  public var start: SourcePosition
  public var endLine: Int
  public var list: ListItemInfo?
  public var cell: TableCellInfo?
  /// How many block quotes enclose the block.
  public var quoteDepth: Int
  /// Index of the nearest heading before this block.
  public var section: Int?
  public var links: [Link]
  /// Info string of a fenced code block.
  public var codeInfo: String?

  public init(
    kind: BlockKind, text: MappedText = MappedText(), start: SourcePosition, endLine: Int? = nil,
    list: ListItemInfo? = nil, cell: TableCellInfo? = nil, quoteDepth: Int = 0
  ) {
    self.kind = kind
    self.text = text
    self.start = start
    self.endLine = endLine ?? start.line
    self.list = list
    self.cell = cell
    self.quoteDepth = quoteDepth
    self.section = nil
    self.links = []
    self.codeInfo = nil
  }

  /// Drops the text's trailing whitespace (when the block closes), and the part of each link that
  /// was in it: a link's range stays inside the text.
  public mutating func trimTrailingWhitespace() {
    text.trimTrailingWhitespace()
    let count = text.count
    links = links.compactMap { link in
      let range = link.range.clamped(to: 0..<count)
      return range.isEmpty ? nil : Link(range: range, url: link.url)
    }
  }

  public var headingLevel: Int? {
    if case .heading(let level) = kind { return level }
    return nil
  }
}

/// A table: block indices of its cells by row (row 0 is the header).
public struct Table: Sendable {
  public var start: SourcePosition
  public var rows: [[Int]]
  /// Source line where each row starts.
  public var rowLines: [Int]

  public init(start: SourcePosition) {
    self.start = start
    self.rows = []
    self.rowLines = []
  }

  public var header: [Int] { rows.first ?? [] }
}

/// An HTML comment (in Markdown or HTML): suppression comments live here.
public struct Comment: Sendable, Equatable {
  public var text: String
  public var start: SourcePosition
  public var endLine: Int

  public init(text: String, start: SourcePosition, endLine: Int) {
    self.text = text
    self.start = start
    self.endLine = endLine
  }
}

/// YAML front matter: scalar values as strings, sequences as string lists.
public struct FrontMatter: Sendable {
  public var values: [String: String]
  public var lists: [String: [String]]
  /// The 1-based lines the front matter occupies, fences included.
  public var lines: ClosedRange<Int>
  /// Why the front matter was refused (its values are then empty), e.g. YAML aliases that expand
  /// past the parser's budget; the linter reports it as the file's error.
  public var problem: String?

  public init(
    values: [String: String] = [:], lists: [String: [String]] = [:], lines: ClosedRange<Int>, problem: String? = nil
  ) {
    self.values = values
    self.lists = lists
    self.lines = lines
    self.problem = problem
  }

  /// The first value found among `keys` (case-insensitive keys are stored lowercased).
  public func value(_ keys: String...) -> String? {
    for key in keys {
      if let value = values[key] { return value }
    }
    return nil
  }

  public func list(_ keys: String...) -> [String] {
    for key in keys {
      if let list = lists[key] { return list }
      if let value = values[key] { return [value] }
    }
    return []
  }
}

public enum DocumentFormat: String, Sendable {
  case markdown
  case html
}

/// A parsed file: every block in source order, tables, comments and front matter.
public struct Document: Sendable {
  public var source: SourceFile
  public var format: DocumentFormat
  public var blocks: [Block]
  public var tables: [Table]
  public var comments: [Comment]
  public var frontMatter: FrontMatter?
  /// The `<title>` of an HTML document.
  public var title: String?
  /// The `content` of an HTML `<meta name="date">`.
  public var metaDate: String?

  public init(
    source: SourceFile, format: DocumentFormat, blocks: [Block] = [], tables: [Table] = [],
    comments: [Comment] = [], frontMatter: FrontMatter? = nil
  ) {
    self.source = source
    self.format = format
    self.blocks = blocks
    self.tables = tables
    self.comments = comments
    self.frontMatter = frontMatter
    self.title = nil
    self.metaDate = nil
  }

  /// Fills in each block's `section` (its nearest preceding heading).
  public mutating func linkSections() {
    var current: Int?
    for index in blocks.indices {
      if blocks[index].kind.isHeading {
        blocks[index].section = current
        current = index
      } else {
        blocks[index].section = current
      }
    }
  }
}
