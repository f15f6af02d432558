import CCmarkGFM
import NoteLintCore
import Synchronization

/// Markdown through cmark-gfm (tables, task lists, strikethrough, autolinks) into the document model.
public enum MarkdownParser {
  private static let extensionsRegistered: Bool = {
    cmark_gfm_core_extensions_ensure_registered()
    return true
  }()

  private static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

  /// cmark-gfm 0.29 adds its extensions' special characters (`:` and `w` for autolinks, `~`…) to a
  /// process-wide table when a parser starts its inline pass and removes them when it ends: two
  /// parsers finishing at once make one of them miss autolinks. The inline pass runs one at a time
  /// (about a twentieth of a scan); block parsing and everything after stay parallel.
  private static let inlinePass = Mutex(())

  public static func parse(_ source: SourceFile) -> Document {
    _ = extensionsRegistered
    let frontMatter = FrontMatterParser.read(source)
    var bytes = source.utf8
    if let lines = frontMatter?.lines {
      // Blank the front matter for cmark (same line count, so positions stay right): byte for byte
      // when it is ASCII, else scalar for scalar (one space each, so scalar offsets stay right too).
      let end =
        lines.upperBound < source.lineCount ? source.lineStarts[lines.upperBound] : source.scalars.count
      if source.scalars[0..<end].allSatisfy({ $0.isASCII }) {
        for index in 0..<end where bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
      } else {
        var scalars = source.scalars
        for index in 0..<end where scalars[index] != "\n" && scalars[index] != "\r" { scalars[index] = " " }
        bytes = TextDecoder.utf8Bytes(scalars)
      }
    }
    limitTables(&bytes)
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
    nonisolated(unsafe) var finished: OpaquePointer?
    inlinePass.withLock { _ in finished = cmark_parser_finish(parser) }
    guard let root = finished else {
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

extension MarkdownParser {
  /// Pipes one line may give cmark-gfm as cell separators.
  static let maxCellsPerLine = 1000
  /// Cells one table may have beyond one per byte of its lines, counting the empty ones cmark-gfm
  /// adds to fill short rows.
  static let maxCellsPerTable = 100_000

  /// cmark-gfm 0.29.0.gfm.6 (Debian 12) is quadratic on two kinds of table no note has. It appends
  /// each cell of a row to a list it walks from the head, so a row of n cells takes n² steps (a 180 KB
  /// line of 60,000 cells: over a minute); and it fills every row up to the header's width, so a
  /// wide header over many one-cell rows makes rows × width cells (9 KB: two million cells, 400 KB:
  /// out of memory). Past `maxCellsPerLine` pipes on a line, the others are given to cmark-gfm as
  /// spaces; a table whose delimiter row's width times its lines passes `maxCellsPerTable` plus its
  /// size in bytes gets its delimiter row blanked, so it stays text. Same length either way:
  /// positions stay right.
  static func limitTables(_ bytes: inout [UInt8]) {
    /// The end of a line (before its line ending) and the start of the next one.
    func lineEnd(_ start: Int) -> (end: Int, next: Int) {
      var end = start
      while end < bytes.count, bytes[end] != 0x0A, bytes[end] != 0x0D { end += 1 }
      let crlf = end + 1 < bytes.count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A
      return (end, end + (crlf ? 2 : 1))
    }
    func isBlank(_ start: Int, _ end: Int) -> Bool { bytes[start..<end].allSatisfy { $0 == 0x20 || $0 == 0x09 } }
    /// The first blank line from a line on (or the end of the input): its number and offset.
    func findRunEnd(_ line: Int, _ start: Int) -> (line: Int, offset: Int) {
      var line = line
      var start = start
      while start < bytes.count {
        let (end, next) = lineEnd(start)
        if isBlank(start, end) { break }
        line += 1
        start = next
      }
      return (line, min(start, bytes.count))
    }
    // Where the run of non-blank lines of the current line ends (the most a table can take): found
    // once per run, so the whole pass stays linear.
    var runEnd: (line: Int, offset: Int)?
    var line = 0
    var start = 0
    let count = bytes.count
    while start <= count {
      // One pass over the line: its end, whether it holds a pipe, whether it is blank.
      var end = start
      var hasPipe = false
      var blank = true
      bytes.withUnsafeBufferPointer { buffer in
        while end < count {
          let byte = buffer[end]
          if byte == 0x0A || byte == 0x0D { break }
          if byte == UInt8(ascii: "|") { hasPipe = true }
          if byte != 0x20 && byte != 0x09 { blank = false }
          end += 1
        }
      }
      let next = end + (end + 1 < count && bytes[end] == 0x0D && bytes[end + 1] == 0x0A ? 2 : 1)
      guard hasPipe else {
        // No pipe: not a table line; only a blank line matters (it ends the run).
        if blank { runEnd = nil }
        line += 1
        start = next
        continue
      }
      var pipes = 0
      var dashes = 0
      var onlyDelimiters = true
      for index in start..<end {
        switch bytes[index] {
        case UInt8(ascii: "|"):
          pipes += 1
          if pipes > maxCellsPerLine { bytes[index] = 0x20 }
        case UInt8(ascii: "-"): dashes += 1
        case UInt8(ascii: ":"), UInt8(ascii: ">"), 0x20, 0x09: break
        default: onlyDelimiters = false
        }
      }
      if onlyDelimiters, dashes > 0, pipes > 0 {
        let run = runEnd ?? findRunEnd(line, start)
        runEnd = run
        // Cells that are in the source cost a byte each at least: only the filled-in ones can explode.
        if (min(pipes, maxCellsPerLine) + 1) * (run.line - line) > maxCellsPerTable + (run.offset - start) {
          for index in start..<end where bytes[index] == UInt8(ascii: "-") { bytes[index] = 0x20 }
        }
      }
      line += 1
      start = next
    }
  }
}

/// Walks cmark's tree with its iterator (no recursion, so deep nesting is safe).
///
/// cmark-gfm's inline source positions are unreliable: columns on continuation lines ignore the
/// indentation and container prefixes that the block parser stripped, lazy continuation lines and
/// `www.` autolinks are off, a backslash hard break does not count its line, and some nodes made by
/// extensions carry no position at all. So inline text is located by searching the source from a
/// per-block cursor that only moves forward; cmark's position is a fallback.
private struct MarkdownBuilder {
  let source: SourceFile
  let bytes: [UInt8]
  /// Byte offset where each line starts in `bytes`.
  let byteLineStarts: [Int]
  /// How many scalars start before each multiple of `checkpointStride` bytes: turns cmark's byte
  /// columns into scalar offsets in constant time, even on very long lines.
  let scalarCheckpoints: [Int32]
  static let checkpointStride = 32
  var aligner: SourceAligner
  var blocks: [Block] = []
  var tables: [Table] = []
  var comments: [Comment] = []

  /// For each block: the source offset from which its next inline text is searched.
  private var cursors: [Int] = []
  /// End (exclusive) of the source lines of the leaf block being filled.
  private var inlineLimit = 0
  /// Block receiving inline text, if any.
  private var target: Int?
  private var targetStack: [Int?] = []
  /// Open list items (block indices) and lists (ordered flags).
  private var itemStack: [Int] = []
  private var listStack: [Bool] = []
  private var quoteDepth = 0
  private var linkStack: [LinkFrame] = []
  /// For each open paragraph: whether it opened a block of its own (not inside a list item).
  private var paragraphOpenedBlock: [Bool] = []
  /// Depth of inline nodes whose text is skipped (images, autolinks).
  private var skipDepth = 0
  private var currentRow = -1
  private var currentColumn = 0

  private enum LinkKind {
    /// A link whose text is its URL: one placeholder.
    case autolink
    /// `[text](url)` or a reference link: the text is kept.
    case bracketed
    case image
    /// Inside skipped text: nothing to do.
    case ignored
  }

  private struct LinkFrame {
    var kind: LinkKind
    var start: Int
    var url: String
    /// Whether the link is written `[text](…)` (for an autolink: `[https://…](https://…)`).
    var bracketed = false
  }

  init(source: SourceFile, bytes: [UInt8]) {
    self.source = source
    self.bytes = bytes
    // One pass: where each line starts (LF, CRLF or a lone CR) and the scalar checkpoints.
    var starts = [0]
    var checkpoints: [Int32] = []
    checkpoints.reserveCapacity(bytes.count / Self.checkpointStride + 2)
    var scalarCount: Int32 = 0
    bytes.withUnsafeBufferPointer { buffer in
      var chunk = 0
      while chunk < buffer.count {
        checkpoints.append(scalarCount)
        for index in chunk..<min(buffer.count, chunk + Self.checkpointStride) {
          let byte = buffer[index]
          if byte & 0xC0 != 0x80 { scalarCount += 1 }
          if byte == 0x0A {
            starts.append(index + 1)
          } else if byte == 0x0D, index + 1 >= buffer.count || buffer[index + 1] != 0x0A {
            starts.append(index + 1)
          }
        }
        chunk += Self.checkpointStride
      }
    }
    self.byteLineStarts = starts
    if bytes.count % Self.checkpointStride == 0 { checkpoints.append(scalarCount) }
    self.scalarCheckpoints = checkpoints
    self.aligner = SourceAligner(source: source, backslashEscapes: true)
  }

  /// Scalar offset in the source for cmark's 1-based line and byte column. A column past the end of
  /// the line (cmark-gfm's table extension gives some) stays on that line, at its end.
  func offset(line: Int32, byteColumn: Int32) -> Int {
    let lineIndex = max(0, min(Int(line) - 1, byteLineStarts.count - 1))
    let lineStart = byteLineStarts[lineIndex]
    var lineEnd = lineIndex + 1 < byteLineStarts.count ? byteLineStarts[lineIndex + 1] : bytes.count
    while lineEnd > lineStart, bytes[lineEnd - 1] == 0x0A || bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
    let end = min(lineEnd, lineStart + max(0, Int(byteColumn) - 1))
    let checkpoint = end / Self.checkpointStride
    var scalars = Int(scalarCheckpoints[checkpoint])
    var index = checkpoint * Self.checkpointStride
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { scalars += 1 }
      index += 1
    }
    return min(scalars, source.scalars.count)
  }

  func startOffset(_ node: OpaquePointer) -> Int {
    offset(line: cmark_node_get_start_line(node), byteColumn: cmark_node_get_start_column(node))
  }

  /// cmark's start of an inline node, if it has one.
  func hint(_ node: OpaquePointer) -> Int? {
    guard cmark_node_get_start_line(node) > 0 else { return nil }
    return startOffset(node)
  }

  func startPosition(_ node: OpaquePointer) -> SourcePosition {
    source.position(ofOffset: startOffset(node))
  }

  func endLine(_ node: OpaquePointer) -> Int {
    let start = max(Int(cmark_node_get_start_line(node)), 1)
    let line = Int(cmark_node_get_end_line(node))
    // The last list item can end at (next line, column 0); so can an empty table cell, on its own
    // line: a block never ends before it starts.
    if cmark_node_get_end_column(node) == 0, line > start { return line - 1 }
    return max(line, start)
  }

  /// The offset just after the last line of a node (its line ending excluded).
  func endOffset(_ node: OpaquePointer) -> Int {
    source.lineRange(min(endLine(node), source.lineCount)).upperBound
  }

  private static func literal(_ node: OpaquePointer) -> [Unicode.Scalar] {
    guard let pointer = cmark_node_get_literal(node) else { return [] }
    return [Unicode.Scalar](utf8CString: pointer)
  }

  /// The node types the builder handles.
  enum NodeKind: UInt8 {
    case other = 1
    case blockQuote, list, item, tasklist, paragraph, heading, codeBlock, htmlBlock
    case table, tableHeader, tableRow, tableCell
    case text, softbreak, linebreak, code, htmlInline, link, image

    init(name: String) {
      switch name {
      case "block_quote": self = .blockQuote
      case "list": self = .list
      case "item": self = .item
      case "tasklist": self = .tasklist
      case "paragraph": self = .paragraph
      case "heading": self = .heading
      case "code_block": self = .codeBlock
      case "html_block": self = .htmlBlock
      case "table": self = .table
      case "table_header": self = .tableHeader
      case "table_row": self = .tableRow
      case "table_cell": self = .tableCell
      case "text": self = .text
      case "softbreak": self = .softbreak
      case "linebreak": self = .linebreak
      case "code": self = .code
      case "html_inline": self = .htmlInline
      case "link": self = .link
      case "image": self = .image
      default: self = .other
      }
    }
  }

  /// Node kinds by cmark's type number (its low byte, block or inline), filled on first sight: the
  /// name of a type is read once per parse, not once per node. List items are the exception: the
  /// task-list extension names its items "tasklist" without giving them a type of their own.
  private var kinds = [UInt8](repeating: 0, count: 512)

  mutating func kind(_ node: OpaquePointer) -> NodeKind {
    let type = cmark_node_get_type(node).rawValue
    let slot = Int(type & 0xFF) | (type & 0x4000 != 0 ? 256 : 0)
    if let known = NodeKind(rawValue: kinds[slot]) { return known }
    let name = cmark_node_get_type_string(node).map { String(cString: $0) } ?? ""
    let kind = NodeKind(name: name)
    if kind != .item, kind != .tasklist { kinds[slot] = kind.rawValue }
    return kind
  }

  mutating func walk(_ root: OpaquePointer) {
    guard let iterator = cmark_iter_new(root) else { return }
    defer { cmark_iter_free(iterator) }
    while true {
      let event = cmark_iter_next(iterator)
      if event == CMARK_EVENT_DONE { break }
      guard let node = cmark_iter_get_node(iterator) else { continue }
      let type = kind(node)
      if event == CMARK_EVENT_ENTER {
        enter(node, type: type)
      } else if event == CMARK_EVENT_EXIT {
        exit(node, type: type)
      }
    }
  }

  private mutating func addBlock(_ block: Block, cursor: Int) {
    blocks.append(block)
    cursors.append(cursor)
  }

  private mutating func openBlock(_ block: Block, cursor: Int) {
    addBlock(block, cursor: cursor)
    targetStack.append(target)
    target = blocks.count - 1
  }

  /// Opens a leaf block (paragraph, heading, cell): its text fits in its source lines, so their
  /// extent is reserved at once instead of growing the text run by run.
  private mutating func openLeafBlock(_ block: Block, cursor: Int) {
    openBlock(block, cursor: cursor)
    blocks[blocks.count - 1].text.reserveCapacity(min(max(0, inlineLimit - cursor), 1 << 16))
  }

  private mutating func closeBlock(_ node: OpaquePointer) {
    if let index = target {
      blocks[index].trimTrailingWhitespace()
      blocks[index].endLine = endLine(node)
    }
    target = targetStack.popLast() ?? nil
  }

  private mutating func enter(_ node: OpaquePointer, type: NodeKind) {
    switch type {
    case .blockQuote:
      quoteDepth += 1
    case .list:
      listStack.append(cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
    case .item, .tasklist:
      let task: TaskState =
        type == .tasklist
        ? (cmark_gfm_extensions_get_tasklist_item_checked(node) ? .checked : .unchecked) : .none
      let info = ListItemInfo(
        ordered: listStack.last ?? false, depth: max(listStack.count, 1), task: task,
        parent: itemStack.last)
      var block = Block(kind: .listItem, start: startPosition(node), quoteDepth: quoteDepth)
      block.list = info
      openBlock(block, cursor: startOffset(node))
      itemStack.append(blocks.count - 1)
    case .paragraph:
      let parentType = cmark_node_parent(node).map { kind($0) } ?? .other
      inlineLimit = endOffset(node)
      if parentType == .item || parentType == .tasklist, let item = itemStack.last, target == item {
        let start = startOffset(node)
        if !blocks[item].text.isEmpty {
          let position = source.position(ofOffset: start)
          blocks[item].text.append("\n", at: position)
          blocks[item].text.append("\n", at: position)
        }
        cursors[item] = max(cursors[item], start)
        paragraphOpenedBlock.append(false)
      } else {
        openLeafBlock(
          Block(kind: .paragraph, start: startPosition(node), quoteDepth: quoteDepth),
          cursor: startOffset(node))
        paragraphOpenedBlock.append(true)
      }
    case .heading:
      let level = Int(cmark_node_get_heading_level(node))
      inlineLimit = endOffset(node)
      openLeafBlock(
        Block(kind: .heading(level: level), start: startPosition(node), quoteDepth: quoteDepth),
        cursor: startOffset(node))
    case .codeBlock:
      addCodeBlock(node)
    case .htmlBlock:
      // cmark-gfm's end position of an HTML block is unreliable: count the literal's lines instead.
      let literal = Self.literal(node)
      var lines = literal.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
      if literal.last == "\n" { lines -= 1 }
      let lastLine = min(source.lineCount, startPosition(node).line + lines)
      var mapped = MappedText()
      aligner.append(
        literal[...], from: startOffset(node), limit: source.lineRange(lastLine).upperBound,
        into: &mapped)
      collectComments(literal, mapped: mapped)
    case .table:
      tables.append(Table(start: startPosition(node)))
      currentRow = -1
    case .tableHeader, .tableRow:
      currentRow += 1
      currentColumn = 0
      if !tables.isEmpty {
        tables[tables.count - 1].rows.append([])
        tables[tables.count - 1].rowLines.append(startPosition(node).line)
      }
    case .tableCell:
      var block = Block(kind: .tableCell, start: startPosition(node), quoteDepth: quoteDepth)
      block.cell = TableCellInfo(
        table: tables.count - 1, row: max(currentRow, 0), column: currentColumn)
      currentColumn += 1
      inlineLimit = endOffset(node)
      // Cells of a row are searched one after the other from the start of the row's line.
      var cursor = source.lineStarts[max(0, min(startPosition(node).line, source.lineCount) - 1)]
      if let table = tables.last, let row = table.rows.last, let previous = row.last {
        cursor = max(cursor, cursors[previous])
      }
      openBlock(block, cursor: cursor)
      if !tables.isEmpty, !tables[tables.count - 1].rows.isEmpty {
        tables[tables.count - 1].rows[tables[tables.count - 1].rows.count - 1].append(
          blocks.count - 1)
      }
    case .text:
      appendText(node)
    case .softbreak, .linebreak:
      appendBreak()
    case .code:
      appendCodeSpan(node)
    case .htmlInline:
      appendInlineHTML(node)
    case .link:
      enterLink(node)
    case .image:
      enterImage(node)
    default:
      break
    }
  }

  private mutating func exit(_ node: OpaquePointer, type: NodeKind) {
    switch type {
    case .blockQuote:
      quoteDepth -= 1
    case .list:
      _ = listStack.popLast()
    case .item, .tasklist:
      _ = itemStack.popLast()
      closeBlock(node)
    case .paragraph:
      if paragraphOpenedBlock.popLast() ?? false {
        closeBlock(node)
      }
    case .heading, .tableCell:
      closeBlock(node)
    case .link:
      exitLink()
    case .image:
      skipDepth -= 1
      exitLink()
    default:
      break
    }
  }

  private mutating func addCodeBlock(_ node: OpaquePointer) {
    var block = Block(
      kind: .code, start: startPosition(node), endLine: endLine(node), quoteDepth: quoteDepth)
    let literal = Self.literal(node)
    var fenceLength: Int32 = 0
    var fenceOffset: Int32 = 0
    var fenceCharacter: CChar = 0
    let fenced = cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0
    // Fenced code starts on the line after its fence; indented code on its first line.
    let firstLine = block.start.line + (fenced ? 1 : 0)
    if firstLine <= source.lineCount, firstLine <= block.endLine {
      aligner.append(
        literal[...], from: source.lineStarts[firstLine - 1], limit: endOffset(node), into: &block.text)
    } else {
      block.text = MappedText(
        String(scalars: literal), at: SourcePosition(line: firstLine, column: 1))
    }
    if fenced, let info = cmark_node_get_fence_info(node) {
      block.codeInfo = String(cString: info)
    }
    addBlock(block, cursor: 0)
  }

  private mutating func appendText(_ node: OpaquePointer) {
    guard skipDepth == 0, let index = target else { return }
    let literal = Self.literal(node)
    guard !literal.isEmpty else { return }
    let cursor = cursors[index]
    let start = aligner.find(literal, from: cursor, limit: inlineLimit) ?? hint(node) ?? cursor
    let end = aligner.append(literal[...], from: start, limit: inlineLimit, into: &blocks[index].text)
    cursors[index] = max(cursor, end)
  }

  private mutating func appendBreak() {
    guard skipDepth == 0, let index = target else { return }
    let previousEnd = blocks[index].text.position(at: blocks[index].text.count)
    blocks[index].text.append("\n", at: previousEnd)
  }

  /// Inline code: one placeholder at its opening backtick; the cursor moves past the closing run.
  private mutating func appendCodeSpan(_ node: OpaquePointer) {
    guard skipDepth == 0, let index = target else { return }
    let scalars = source.scalars
    let cursor = cursors[index]
    guard let open = aligner.find(scalar: "`", from: cursor, limit: inlineLimit) else {
      let offset = hint(node) ?? cursor
      blocks[index].text.append(MappedText.placeholder, at: aligner.position(of: offset))
      return
    }
    var runEnd = open
    while runEnd < inlineLimit, scalars[runEnd] == "`" { runEnd += 1 }
    let runLength = runEnd - open
    blocks[index].text.append(MappedText.placeholder, at: aligner.position(of: open))
    var probe = runEnd
    let limit = min(inlineLimit, runEnd + SourceAligner.searchWindow)
    while probe < limit {
      if scalars[probe] == "`" {
        var close = probe
        while close < inlineLimit, scalars[close] == "`" { close += 1 }
        if close - probe == runLength {
          cursors[index] = close
          return
        }
        probe = close
      } else {
        probe += 1
      }
    }
    cursors[index] = runEnd
  }

  /// Raw inline HTML: comments are collected, the cursor moves past it.
  private mutating func appendInlineHTML(_ node: OpaquePointer) {
    let literal = Self.literal(node)
    guard !literal.isEmpty else { return }
    let cursor = target.map { cursors[$0] } ?? startOffset(node)
    let start = aligner.find(literal, from: cursor, limit: inlineLimit) ?? hint(node) ?? cursor
    var mapped = MappedText()
    let end = aligner.append(literal[...], from: start, limit: inlineLimit, into: &mapped)
    if let index = target {
      cursors[index] = max(cursors[index], end)
    }
    collectComments(literal, mapped: mapped)
  }

  /// Whether a link is an autolink (`<https://…>`, a bare URL or `www.` address, an e-mail).
  private static func autolinkText(_ node: OpaquePointer, url: String) -> [Unicode.Scalar]? {
    guard let child = cmark_node_first_child(node), cmark_node_next(child) == nil,
      cmark_node_get_type(child) == CMARK_NODE_TEXT
    else { return nil }
    let literal = literal(child)
    let text = String(scalars: literal)
    guard !text.isEmpty else { return nil }
    if url == text || url == "http://" + text || url == "https://" + text || url == "mailto:" + text {
      return literal
    }
    return nil
  }

  private mutating func enterLink(_ node: OpaquePointer) {
    let url = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    guard skipDepth == 0, let index = target else {
      linkStack.append(LinkFrame(kind: .ignored, start: 0, url: url))
      return
    }
    let cursor = cursors[index]
    if let literal = Self.autolinkText(node, url: url) {
      let found = aligner.find(literal, from: cursor, limit: inlineLimit)
      let start = blocks[index].text.count
      blocks[index].text.append(
        MappedText.placeholder, at: aligner.position(of: found ?? hint(node) ?? cursor))
      var bracketed = false
      if let found {
        var end = found + literal.count
        if end < inlineLimit, source.scalars[end] == ">" { end += 1 }
        cursors[index] = max(cursor, end)
        bracketed = found > 0 && source.scalars[found - 1] == "["
      }
      skipDepth += 1
      linkStack.append(LinkFrame(kind: .autolink, start: start, url: url, bracketed: bracketed))
      return
    }
    if let open = aligner.find(scalar: "[", from: cursor, limit: inlineLimit) {
      cursors[index] = open + 1
    }
    linkStack.append(LinkFrame(kind: .bracketed, start: blocks[index].text.count, url: url))
  }

  private mutating func enterImage(_ node: OpaquePointer) {
    defer { skipDepth += 1 }
    guard skipDepth == 0, let index = target else {
      linkStack.append(LinkFrame(kind: .ignored, start: 0, url: ""))
      return
    }
    let cursor = cursors[index]
    var offset = hint(node) ?? cursor
    if let bang = aligner.find(Array("![".unicodeScalars), from: cursor, limit: inlineLimit) {
      offset = bang
      cursors[index] = bang + 2
    }
    blocks[index].text.append(MappedText.placeholder, at: aligner.position(of: offset))
    linkStack.append(LinkFrame(kind: .image, start: blocks[index].text.count - 1, url: ""))
  }

  private mutating func exitLink() {
    guard let frame = linkStack.popLast() else { return }
    switch frame.kind {
    case .ignored:
      break
    case .autolink:
      skipDepth -= 1
      if let index = target {
        blocks[index].links.append(Link(range: frame.start..<(frame.start + 1), url: frame.url))
        if frame.bracketed { cursors[index] = skipLinkTail(from: cursors[index]) }
      }
    case .bracketed, .image:
      guard let index = target else { return }
      if frame.kind == .bracketed {
        let end = blocks[index].text.count
        if end > frame.start {
          blocks[index].links.append(Link(range: frame.start..<end, url: frame.url))
        }
      }
      cursors[index] = skipLinkTail(from: cursors[index])
    }
  }

  /// Moves past the rest of a link or image after its text: `]`, then `(destination "title")`,
  /// `[label]` or nothing.
  private func skipLinkTail(from offset: Int) -> Int {
    let scalars = source.scalars
    let limit = min(inlineLimit, offset + SourceAligner.searchWindow)
    var index = offset
    var depth = 1
    while index < limit {
      let scalar = scalars[index]
      if scalar == "\\" {
        index += 2
        continue
      }
      if scalar == "[" { depth += 1 }
      if scalar == "]" {
        depth -= 1
        if depth == 0 { break }
      }
      index += 1
    }
    guard index < limit else { return offset }
    index += 1
    guard index < limit else { return index }
    if scalars[index] == "[" {
      guard let close = aligner.find(scalar: "]", from: index, limit: limit) else { return index }
      return close + 1
    }
    guard scalars[index] == "(" else { return index }
    let open = index
    index += 1
    depth = 1
    var quote: Unicode.Scalar?
    var afterSpace = false
    while index < limit {
      let scalar = scalars[index]
      if scalar == "\\" {
        index += 2
        afterSpace = false
        continue
      }
      if let closing = quote {
        if scalar == closing { quote = nil }
      } else if afterSpace, scalar == "\"" || scalar == "'" {
        quote = scalar
      } else if scalar == "<", index == open + 1 {
        quote = ">"
      } else if scalar == "(" {
        depth += 1
      } else if scalar == ")" {
        depth -= 1
        if depth == 0 { return index + 1 }
      }
      afterSpace = scalar.properties.isWhitespace
      index += 1
    }
    return open
  }

  /// Collects `<!-- … -->` comments from raw HTML whose scalars `mapped` places in the source.
  private mutating func collectComments(_ literal: [Unicode.Scalar], mapped: MappedText) {
    guard literal.count >= 7 else { return }
    var index = 0
    while index + 3 < literal.count {
      guard literal[index] == "<", literal[index + 1] == "!", literal[index + 2] == "-",
        literal[index + 3] == "-"
      else {
        index += 1
        continue
      }
      var end = index + 4
      while end + 2 < literal.count,
        !(literal[end] == "-" && literal[end + 1] == "-" && literal[end + 2] == ">")
      {
        end += 1
      }
      let closed = end + 2 < literal.count
      let bodyEnd = closed ? end : literal.count
      let body = String(scalars: literal[(index + 4)..<max(index + 4, bodyEnd)])
      let lastScalar = closed ? end + 2 : literal.count - 1
      comments.append(
        Comment(
          text: body, start: mapped.position(at: index),
          endLine: mapped.position(at: lastScalar).line))
      index = closed ? end + 3 : literal.count
    }
  }
}
