import CCmarkGFM
import NoteLintCore

/// Markdown through cmark-gfm (tables, task lists, strikethrough, autolinks) into the document model.
public enum MarkdownParser {
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

  public static func parse(_ source: SourceFile) -> Document {
    _ = extensionsRegistered
    var frontMatter: FrontMatter?
    var scalars = source.scalars
    if let lines = FrontMatterParser.locate(source) {
      frontMatter = FrontMatterParser.parse(source, lines: lines)
      // Blank the front matter for cmark (same line count, so positions stay right).
      let end = lines.upperBound < source.lineCount ? source.lineStarts[lines.upperBound] : scalars.count
      for index in 0..<end where scalars[index] != "\n" && scalars[index] != "\r" {
        scalars[index] = " "
      }
    }
    let bytes = TextDecoder.utf8Bytes(scalars)
    var builder = MarkdownBuilder(source: source, bytes: bytes)
    guard let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS | CMARK_OPT_FOOTNOTES) else {
      return Document(source: source, format: .markdown, frontMatter: frontMatter)
    }
    defer { cmark_parser_free(parser) }
    for name in extensionNames {
      if let syntaxExtension = cmark_find_syntax_extension(name) {
        cmark_parser_attach_syntax_extension(parser, syntaxExtension)
      }
    }
    bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        if let base = chars.baseAddress {
          cmark_parser_feed(parser, base, chars.count)
        }
      }
    }
    guard let root = cmark_parser_finish(parser) else {
      return Document(source: source, format: .markdown, frontMatter: frontMatter)
    }
    defer { cmark_node_free(root) }
    builder.walk(root)
    var document = Document(
      source: source, format: .markdown, blocks: builder.blocks, tables: builder.tables,
      comments: builder.comments, frontMatter: frontMatter)
    document.linkSections()
    return document
  }
}

/// Walks cmark's tree with its iterator (no recursion, so deep nesting is safe).
private struct MarkdownBuilder {
  let source: SourceFile
  let bytes: [UInt8]
  /// Byte offset where each line starts in `bytes`.
  let byteLineStarts: [Int]
  var aligner: SourceAligner
  var blocks: [Block] = []
  var tables: [Table] = []
  var comments: [Comment] = []

  /// Block receiving inline text, if any.
  private var target: Int?
  private var targetStack: [Int?] = []
  /// Open list items (block indices) and lists (ordered flags).
  private var itemStack: [Int] = []
  private var listStack: [Bool] = []
  private var quoteDepth = 0
  private var linkStarts: [Int] = []
  /// For each open paragraph: whether it opened a block of its own (not inside a list item).
  private var paragraphOpenedBlock: [Bool] = []
  /// Depth of inline nodes whose text is skipped (images).
  private var skipDepth = 0
  private var currentRow = -1
  private var currentColumn = 0

  init(source: SourceFile, bytes: [UInt8]) {
    self.source = source
    self.bytes = bytes
    var starts = [0]
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        starts.append(index + 1)
      } else if bytes[index] == 0x0D {
        if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        starts.append(index + 1)
      }
      index += 1
    }
    self.byteLineStarts = starts
    self.aligner = SourceAligner(source: source)
  }

  /// Scalar offset in the source for cmark's 1-based line and byte column.
  func offset(line: Int32, byteColumn: Int32) -> Int {
    let lineIndex = max(0, min(Int(line) - 1, byteLineStarts.count - 1))
    let lineStart = byteLineStarts[lineIndex]
    let end = min(bytes.count, lineStart + max(0, Int(byteColumn) - 1))
    var scalarsBefore = 0
    var index = lineStart
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { scalarsBefore += 1 }
      index += 1
    }
    return min(source.offset(line: lineIndex + 1, column: 1) + scalarsBefore, source.scalars.count)
  }

  func startPosition(_ node: OpaquePointer) -> SourcePosition {
    let line = Int(cmark_node_get_start_line(node))
    let offset = offset(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
    return SourcePosition(line: max(line, 1), column: offset - source.offset(line: max(line, 1), column: 1) + 1)
  }

  func endLine(_ node: OpaquePointer) -> Int {
    let line = Int(cmark_node_get_end_line(node))
    // The last list item can end at (next line, column 0).
    if cmark_node_get_end_column(node) == 0, line > 1 { return line - 1 }
    return max(line, Int(cmark_node_get_start_line(node)))
  }

  private static func literal(_ node: OpaquePointer) -> [Unicode.Scalar] {
    guard let pointer = cmark_node_get_literal(node) else { return [] }
    return Array(String(cString: pointer).unicodeScalars)
  }

  private static func typeString(_ node: OpaquePointer) -> String {
    guard let pointer = cmark_node_get_type_string(node) else { return "" }
    return String(cString: pointer)
  }

  mutating func walk(_ root: OpaquePointer) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = Self.typeString(node)
      if event == CMARK_EVENT_ENTER {
        enter(node, type: type)
      } else if event == CMARK_EVENT_EXIT {
        exit(node, type: type)
      }
    }
  }

  private mutating func openBlock(_ block: Block) {
    blocks.append(block)
    targetStack.append(target)
    target = blocks.count - 1
  }

  private mutating func closeBlock(_ node: OpaquePointer) {
    if let index = target {
      blocks[index].text.trimTrailingWhitespace()
      blocks[index].endLine = endLine(node)
    }
    target = targetStack.popLast() ?? nil
  }

  private mutating func enter(_ node: OpaquePointer, type: String) {
    switch type {
    case "block_quote":
      quoteDepth += 1
    case "list":
      listStack.append(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
    case "item", "tasklist":
      let task: TaskState =
        type == "tasklist" ? (cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked) : .none
      let info = ListItemInfo(
        ordered: listStack.last ?? false, depth: max(listStack.count, 1), task: task, parent: itemStack.last)
      var block = Block(kind: .listItem, start: startPosition(node), quoteDepth: quoteDepth)
      block.list = info
      openBlock(block)
      itemStack.append(blocks.count - 1)
    case "paragraph":
      let parentType = cmark_node_parent(node).map(Self.typeString) ?? ""
      if parentType == "item" || parentType == "tasklist", let item = itemStack.last, target == item {
        if !blocks[item].text.isEmpty {
          let position = startPosition(node)
          blocks[item].text.append("\n", at: position)
          blocks[item].text.append("\n", at: position)
        }
        paragraphOpenedBlock.append(false)
      } else {
        openBlock(Block(kind: .paragraph, start: startPosition(node), quoteDepth: quoteDepth))
        paragraphOpenedBlock.append(true)
      }
    case "heading":
      let level = Int(cmark_node_get_heading_level(node))
      openBlock(Block(kind: .heading(level: level), start: startPosition(node), quoteDepth: quoteDepth))
    case "code_block":
      var block = Block(kind: .code, start: startPosition(node), endLine: endLine(node), quoteDepth: quoteDepth)
      let text = Self.literal(node)
      block.text = MappedText(String(String.UnicodeScalarView(text)), at: SourcePosition(line: block.start.line + 1, column: 1))
      if let info = cmark_node_get_fence_info(node) {
        block.codeInfo = String(cString: info)
      }
      blocks.append(block)
    case "html_block":
      collectComments(node)
    case "table":
      tables.append(Table(start: startPosition(node)))
      currentRow = -1
    case "table_header", "table_row":
      currentRow += 1
      currentColumn = 0
      if !tables.isEmpty {
        tables[tables.count - 1].rows.append([])
        tables[tables.count - 1].rowLines.append(Int(cmark_node_get_start_line(node)))
      }
    case "table_cell":
      var block = Block(kind: .tableCell, start: startPosition(node), quoteDepth: quoteDepth)
      block.cell = TableCellInfo(table: tables.count - 1, row: max(currentRow, 0), column: currentColumn)
      currentColumn += 1
      openBlock(block)
      if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty {
        tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(blocks.count - 1)
      }
    case "text":
      appendText(node)
    case "softbreak", "linebreak":
      appendBreak(node)
    case "code":
      appendPlaceholder(node)
    case "html_inline":
      collectComments(node)
    case "link":
      if let index = target { linkStarts.append(blocks[index].text.count) } else { linkStarts.append(0) }
    case "image":
      appendPlaceholder(node)
      skipDepth += 1
    default:
      break
    }
  }

  private mutating func exit(_ node: OpaquePointer, type: String) {
    switch type {
    case "block_quote":
      quoteDepth -= 1
    case "list":
      _ = listStack.popLast()
    case "item", "tasklist":
      _ = itemStack.popLast()
      closeBlock(node)
    case "paragraph":
      if paragraphOpenedBlock.popLast() ?? false {
        closeBlock(node)
      }
    case "heading", "table_cell":
      closeBlock(node)
    case "link":
      let start = linkStarts.popLast() ?? 0
      if let index = target, let url = cmark_node_get_url(node) {
        let end = blocks[index].text.count
        if end > start {
          blocks[index].links.append(Link(range: start..<end, url: String(cString: url)))
        }
      }
    case "image":
      skipDepth -= 1
    default:
      break
    }
  }

  private mutating func appendText(_ node: OpaquePointer) {
    guard skipDepth == 0, let index = target else { return }
    let literal = Self.literal(node)
    guard !literal.isEmpty else { return }
    let start = offset(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
    let lineEnd = source.lineRange(source.position(ofOffset: start).line).upperBound
    let limit = max(lineEnd, min(source.scalars.count, start + literal.count * 2))
    aligner.append(literal, from: start, limit: limit, into: &blocks[index].text)
  }

  private mutating func appendBreak(_ node: OpaquePointer) {
    guard skipDepth == 0, let index = target else { return }
    let previousEnd = blocks[index].text.position(at: blocks[index].text.count)
    blocks[index].text.append("\n", at: previousEnd)
  }

  private mutating func appendPlaceholder(_ node: OpaquePointer) {
    guard skipDepth == 0, let index = target else { return }
    let start = offset(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
    blocks[index].text.append(MappedText.placeholder, at: aligner.position(of: start))
  }

  /// Collects `<!-- … -->` comments from raw HTML, with their source lines.
  private mutating func collectComments(_ node: OpaquePointer) {
    let literal = Self.literal(node)
    guard literal.count >= 7 else { return }
    let base = startPosition(node)
    var line = base.line
    var column = base.column
    var index = 0
    while index < literal.count {
      if literal[index] == "<", index + 3 < literal.count, literal[index + 1] == "!", literal[index + 2] == "-",
        literal[index + 3] == "-"
      {
        let startLine = line
        let startColumn = column
        var end = index + 4
        var endLine = line
        while end + 2 < literal.count, !(literal[end] == "-" && literal[end + 1] == "-" && literal[end + 2] == ">") {
          if literal[end] == "\n" { endLine += 1 }
          end += 1
        }
        let body = String(String.UnicodeScalarView(literal[(index + 4)..<min(end, literal.count)]))
        comments.append(
          Comment(text: body, start: SourcePosition(line: startLine, column: startColumn), endLine: endLine))
        // Advance the line/column counters over the comment.
        while index < min(end + 3, literal.count) {
          if literal[index] == "\n" {
            line += 1
            column = 1
          } else {
            column += 1
          }
          index += 1
        }
        continue
      }
      if literal[index] == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
      index += 1
    }
  }
}
