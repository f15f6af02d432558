import CLibXML2
import NoteLintCore

/// HTML through libxml2's forgiving HTML parser into the document model. libxml2 gives the tree;
/// every text node is then aligned with the source so each scalar keeps its exact line and column.
public enum HTMLParser {
  private static let initialized: Bool = {
    xmlInitParser()
    return true
  }()

  public static func parse(_ source: SourceFile) -> Document {
    _ = initialized
    var bytes = source.utf8
    neutralizeCharsetDeclarations(&bytes)
    normalizeLoneCarriageReturns(&bytes)
    capAttributes(&bytes)
    // HUGE lifts libxml2's nesting limit of 256 elements, past which it drops the rest of the
    // document; its parser and our walk are both iterative, so deep nesting is safe.
    let options =
      Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue)
      | Int32(HTML_PARSE_IGNORE_ENC.rawValue) | Int32(XML_PARSE_HUGE.rawValue)
    let tree: htmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        htmlReadMemory(chars.baseAddress, Int32(chars.count), nil, "UTF-8", options)
      }
    }
    var document = Document(source: source, format: .html)
    guard let tree else { return document }
    defer { xmlFreeDoc(tree) }
    var builder = HTMLBuilder(source: source)
    // Every top-level node: comments before and after the root element count too.
    var top = tree.pointee.children
    while let node = top {
      builder.walk(node)
      top = node.pointee.next
    }
    builder.finishDocument()
    document.blocks = builder.blocks
    document.tables = builder.tables
    document.comments = builder.comments
    document.title = builder.title
    document.metaDate = builder.metaDate
    document.linkSections()
    return document
  }

  /// libxml2 counts lines at LF only; a lone CR (old Mac line ending) becomes LF so that its line
  /// numbers agree with the source's (same length, so offsets are unchanged).
  static func normalizeLoneCarriageReturns(_ bytes: inout [UInt8]) {
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D, index + 1 == bytes.count || bytes[index + 1] != 0x0A {
        bytes[index] = 0x0A
      }
      index += 1
    }
  }

  /// The most attributes a start tag keeps: libxml2 checks each new attribute against the earlier
  /// ones (quadratic: 200,000 attributes took 94 s). Attribute text is never linted.
  static let maxAttributes = 1_000

  /// Blanks (spaces; line breaks kept, so every position stays exact) the attributes of a start tag
  /// past `maxAttributes`, in one pass over the bytes.
  static func capAttributes(_ bytes: inout [UInt8]) {
    func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0C || byte == 0x0D }
    func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
    let count = bytes.count
    var index = 0
    while index < count {
      guard bytes[index] == UInt8(ascii: "<"), index + 1 < count else {
        index += 1
        continue
      }
      if bytes[index + 1] == UInt8(ascii: "!"), index + 3 < count, bytes[index + 2] == UInt8(ascii: "-"),
        bytes[index + 3] == UInt8(ascii: "-")
      {
        // A comment: skip to its end.
        var end = index + 4
        while end + 2 < count,
          !(bytes[end] == UInt8(ascii: "-") && bytes[end + 1] == UInt8(ascii: "-")
            && bytes[end + 2] == UInt8(ascii: ">"))
        { end += 1 }
        index = end + 3
        continue
      }
      guard isLetter(bytes[index + 1]) else {
        index += 1
        continue
      }
      var position = index + 1
      while position < count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: ">"),
        bytes[position] != UInt8(ascii: "/")
      { position += 1 }
      var attributes = 0
      var excessStart: Int?
      while position < count, bytes[position] != UInt8(ascii: ">") {
        let byte = bytes[position]
        if isSpace(byte) || byte == UInt8(ascii: "/") {
          position += 1
          continue
        }
        // One attribute: a name, then `= value` if any.
        attributes += 1
        if attributes > maxAttributes, excessStart == nil { excessStart = position }
        while position < count, !isSpace(bytes[position]), bytes[position] != UInt8(ascii: "="),
          bytes[position] != UInt8(ascii: ">")
        { position += 1 }
        var look = position
        while look < count, isSpace(bytes[look]) { look += 1 }
        guard look < count, bytes[look] == UInt8(ascii: "=") else { continue }
        look += 1
        while look < count, isSpace(bytes[look]) { look += 1 }
        if look < count, bytes[look] == UInt8(ascii: "\"") || bytes[look] == UInt8(ascii: "'") {
          let quote = bytes[look]
          look += 1
          while look < count, bytes[look] != quote { look += 1 }
          position = min(count, look + 1)
        } else {
          while look < count, !isSpace(bytes[look]), bytes[look] != UInt8(ascii: ">") { look += 1 }
          position = look
        }
      }
      if let start = excessStart {
        for offset in start..<min(position, count) where bytes[offset] != 0x0A && bytes[offset] != 0x0D {
          bytes[offset] = 0x20
        }
      }
      index = position + 1
    }
  }

  /// The bytes are re-encoded as UTF-8, so a `<meta charset=…>` naming another charset must not make
  /// libxml2 decode them again. The declaration is renamed in place (same length, same lines).
  static func neutralizeCharsetDeclarations(_ bytes: inout [UInt8]) {
    let limit = min(bytes.count, 8192)
    var index = 0
    while index + 5 < limit {
      if bytes[index] == UInt8(ascii: "<"), bytes[index + 1] | 0x20 == UInt8(ascii: "m"),
        bytes[index + 2] | 0x20 == UInt8(ascii: "e"), bytes[index + 3] | 0x20 == UInt8(ascii: "t"),
        bytes[index + 4] | 0x20 == UInt8(ascii: "a")
      {
        var end = index + 5
        while end < bytes.count, bytes[end] != UInt8(ascii: ">") { end += 1 }
        var probe = index
        while probe + 7 <= end {
          if bytes[probe] | 0x20 == UInt8(ascii: "c"), bytes[probe + 1] | 0x20 == UInt8(ascii: "h"),
            bytes[probe + 2] | 0x20 == UInt8(ascii: "a"),
            bytes[probe + 3] | 0x20 == UInt8(ascii: "r"),
            bytes[probe + 4] | 0x20 == UInt8(ascii: "s"),
            bytes[probe + 5] | 0x20 == UInt8(ascii: "e"),
            bytes[probe + 6] | 0x20 == UInt8(ascii: "t")
          {
            bytes[probe + 6] = UInt8(ascii: "x")
          }
          probe += 1
        }
        index = end
      }
      index += 1
    }
  }
}

private struct HTMLBuilder {
  let source: SourceFile
  var aligner: SourceAligner
  var blocks: [Block] = []
  var tables: [Table] = []
  var comments: [Comment] = []
  var title: String?
  /// The `content` of a `<meta name="date">` (or `dc.date`, `dcterms.date`, `created`).
  var metaDate: String?

  /// Source offset up to which text has been aligned.
  private var cursor = 0
  /// Source offset after the last start tag found: elements come in source order.
  private var tagCursor = 0
  /// Block receiving inline text.
  private var target: Int?
  /// Open elements that opened a block, so their exit closes it.
  /// `opened` is false for a paragraph merged into the list item or table cell around it.
  private var openBlocks: [(node: xmlNodePtr, previousTarget: Int?, opened: Bool)] = []
  private var itemStack: [Int] = []
  private var listStack: [Bool] = []
  private var quoteDepth = 0
  private var tableStack: [Int] = []
  private var linkStarts: [(node: xmlNodePtr, start: Int, href: String)] = []
  private var inTitle = false

  init(source: SourceFile) {
    self.source = source
    self.aligner = SourceAligner(source: source, backslashEscapes: false)
  }

  private static let skipped: Set<String> = [
    "script", "style", "noscript", "template", "textarea", "svg", "math", "object", "iframe",
  ]
  private static let inlineCode: Set<String> = ["code", "kbd", "samp", "tt", "var"]
  private static let containers: Set<String> = [
    "div", "section", "article", "header", "footer", "main", "nav", "aside", "ul", "ol", "dl",
    "form", "hr",
    "figure", "center", "details", "body", "fieldset", "table", "thead", "tbody", "tfoot", "tr",
  ]

  static func name(_ node: xmlNodePtr) -> String {
    guard let pointer = node.pointee.name else { return "" }
    return String(cString: pointer).lowercased()
  }

  static func attribute(_ node: xmlNodePtr, _ name: String) -> String? {
    guard let attribute = xmlHasProp(node, name) else { return nil }
    guard let child = attribute.pointee.children, let content = child.pointee.content else {
      return ""
    }
    return String(cString: content)
  }

  /// libxml2's line of a node, within the file.
  func line(of node: xmlNodePtr) -> Int { min(max(1, Int(xmlGetLineNo(node))), source.lineCount) }

  /// libxml2's HTML parser keeps line numbers in 16 bits: from this line on they are not exact.
  static let lastReliableLine = 65535

  mutating func walk(_ root: xmlNodePtr) {
    var node: xmlNodePtr? = root
    while let current = node {
      let descend = enter(current)
      if descend, let child = current.pointee.children {
        node = child
        continue
      }
      exit(current)
      var next = current
      while true {
        if next == root {
          node = nil
          break
        }
        if let sibling = next.pointee.next {
          node = sibling
          break
        }
        guard let parent = next.pointee.parent, parent.pointee.type != XML_DOCUMENT_NODE,
          parent.pointee.type != XML_HTML_DOCUMENT_NODE
        else {
          node = nil
          break
        }
        exit(parent)
        next = parent
      }
    }
  }

  private mutating func openBlock(_ node: xmlNodePtr, _ block: Block) {
    blocks.append(block)
    openBlocks.append((node, target, true))
    target = blocks.count - 1
  }

  private var implicitBlocks = Set<Int>()

  private mutating func finish(_ index: Int) {
    blocks[index].trimTrailingWhitespace()
    let end = blocks[index].text.position(at: max(0, blocks[index].text.count - 1)).line
    blocks[index].endLine = max(blocks[index].start.line, end)
    detectTextTask(index)
  }

  /// The task state an export writes in an element's attributes: Confluence's `class="checked"`
  /// and `data-inline-task-status="complete"`, Notion's `checkbox-on`/`checkbox-off`, ARIA's
  /// `aria-checked` (Google Docs checklists).
  static func exportedTask(_ node: xmlNodePtr) -> TaskState {
    if let status = attribute(node, "data-inline-task-status")?.lowercased() {
      if status == "complete" || status == "checked" { return .checked }
      if status == "incomplete" || status == "unchecked" { return .unchecked }
    }
    if let checked = attribute(node, "aria-checked")?.lowercased() {
      if checked == "true" { return .checked }
      if checked == "false" { return .unchecked }
    }
    // A Confluence export's inline task with no state written is an open task.
    let inlineTask: TaskState = attribute(node, "data-inline-task-id") != nil ? .unchecked : .none
    guard let classes = attribute(node, "class"), classes.utf8.count <= 4096 else { return inlineTask }
    for word in classes.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
      switch word {
      case "checked", "checkbox-on", "task-complete", "to-do-children-checked": return .checked
      case "unchecked", "checkbox-off", "task-incomplete", "to-do-children-unchecked": return .unchecked
      default: continue
      }
    }
    return inlineTask
  }

  /// `[ ]` / `[x]` typed at the start of a list item (some exports do this).
  private mutating func detectTextTask(_ index: Int) {
    guard blocks[index].kind == .listItem, blocks[index].list?.task == TaskState.none else {
      return
    }
    let scalars = blocks[index].text.scalars.drop { $0.isWhitespaceFast }
    let head = Array(scalars.prefix(3))
    if head.count == 3, head[0] == "[", head[2] == "]" {
      if head[1] == " " { blocks[index].list?.task = .unchecked }
      if head[1] == "x" || head[1] == "X" { blocks[index].list?.task = .checked }
    } else if let first = head.first {
      if first == "☐" { blocks[index].list?.task = .unchecked }
      if first == "☑" || first == "☒" || first == "✅" || first == "✔" || first == "✓" {
        blocks[index].list?.task = .checked
      }
    }
  }

  /// Returns whether to descend into the node's children.
  private mutating func enter(_ node: xmlNodePtr) -> Bool {
    switch node.pointee.type {
    case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
      appendText(node)
      return false
    case XML_COMMENT_NODE:
      collectComment(node)
      return false
    case XML_ELEMENT_NODE:
      break
    default:
      return false
    }
    let name = Self.name(node)
    if Self.skipped.contains(name) || name == "pre" {
      skipElement(node, name: name)
      return false
    }
    if Self.inlineCode.contains(name) {
      if let index = target ?? implicitParagraph(node) {
        let position =
          findTag(name, node: node).map { aligner.position(of: $0) }
          ?? SourcePosition(line: line(of: node), column: 1)
        blocks[index].text.append(MappedText.placeholder, at: position)
      }
      skipElement(node, name: name)
      return false
    }
    if let item = itemStack.last, name != "li", blocks[item].list?.task == TaskState.none {
      // Notion's `<div class="checkbox checkbox-on">`, an ARIA checkbox inside the item.
      let task = Self.exportedTask(node)
      if task != .none { blocks[item].list?.task = task }
    }
    switch name {
    case "head":
      return true
    case "meta":
      if metaDate == nil, let key = Self.attribute(node, "name")?.lowercased(),
        ["date", "dc.date", "dcterms.date", "dc.date.created", "created"].contains(key)
      {
        metaDate = Self.attribute(node, "content")
      }
      return false
    case "title":
      inTitle = true
      return true
    case "h1", "h2", "h3", "h4", "h5", "h6":
      endImplicit()
      let level = Int(name.unicodeScalars.last!.value) - 0x30
      openBlock(
        node, Block(kind: .heading(level: level), start: startOf(node), quoteDepth: quoteDepth))
    case "p", "dt", "dd", "caption", "figcaption", "summary", "address":
      if let container = target, !implicitBlocks.contains(container),
        blocks[container].kind == .listItem || blocks[container].kind == .tableCell,
        name == "p" || name == "dd" || name == "dt"
      {
        // A paragraph inside a list item or a table cell is the item's or cell's own text.
        if !blocks[container].text.isEmpty {
          let position = startOf(node)
          blocks[container].text.append("\n", at: position)
          blocks[container].text.append("\n", at: position)
        }
        openBlocks.append((node, target, false))
        return true
      }
      endImplicit()
      openBlock(node, Block(kind: .paragraph, start: startOf(node), quoteDepth: quoteDepth))
    case "blockquote":
      endImplicit()
      quoteDepth += 1
    case "ul", "ol", "menu":
      endImplicit()
      listStack.append(name == "ol")
    case "li":
      endImplicit()
      let info = ListItemInfo(
        ordered: listStack.last ?? false, depth: max(1, listStack.count), task: .none,
        parent: itemStack.last)
      var block = Block(kind: .listItem, start: startOf(node), quoteDepth: quoteDepth)
      block.list = info
      block.list?.task = Self.exportedTask(node)
      openBlock(node, block)
      itemStack.append(blocks.count - 1)
    case "table":
      endImplicit()
      tables.append(Table(start: startOf(node)))
      tableStack.append(tables.count - 1)
    case "tr":
      endImplicit()
      if let table = tableStack.last {
        tables[table].rows.append([])
        tables[table].rowLines.append(startOf(node).line)
      }
    case "td", "th":
      endImplicit()
      var block = Block(kind: .tableCell, start: startOf(node), quoteDepth: quoteDepth)
      if let table = tableStack.last, !tables[table].rows.isEmpty {
        let row = tables[table].rows.count - 1
        block.cell = TableCellInfo(table: table, row: row, column: tables[table].rows[row].count)
        openBlock(node, block)
        tables[table].rows[row].append(blocks.count - 1)
      } else {
        openBlock(node, block)
      }
    case "br":
      if let index = target {
        let position = blocks[index].text.position(at: blocks[index].text.count)
        blocks[index].text.append("\n", at: position)
      }
    case "input":
      let type = Self.attribute(node, "type")?.lowercased()
      if type == "checkbox", let item = itemStack.last {
        blocks[item].list?.task = Self.attribute(node, "checked") != nil ? .checked : .unchecked
      }
    case "a":
      let start = target.map { blocks[$0].text.count } ?? 0
      linkStarts.append((node, start, Self.attribute(node, "href") ?? ""))
    case "img":
      return false
    default:
      if Self.containers.contains(name) { endImplicit() }
    }
    return true
  }

  private mutating func exit(_ node: xmlNodePtr) {
    guard node.pointee.type == XML_ELEMENT_NODE else { return }
    let name = Self.name(node)
    if name == "title" { inTitle = false }
    if name == "blockquote" { quoteDepth = max(0, quoteDepth - 1) }
    if name == "ul" || name == "ol" || name == "menu" {
      _ = listStack.popLast()
    }
    if name == "table" { _ = tableStack.popLast() }
    if name == "a", let link = linkStarts.last, link.node == node {
      linkStarts.removeLast()
      if let index = target, blocks[index].text.count > link.start {
        let count = blocks[index].text.count
        let text = blocks[index].text.string(link.start..<count)
        let href = link.href
        if text == href || "http://" + text == href || "https://" + text == href
          || "mailto:" + text == href
        {
          // A bare URL or address: one placeholder, as in Markdown.
          let position = blocks[index].text.position(at: link.start)
          blocks[index].text.removeLast(count - link.start)
          blocks[index].text.append(MappedText.placeholder, at: position)
        }
        blocks[index].links.append(
          Link(range: link.start..<blocks[index].text.count, url: link.href))
      }
    }
    if Self.containers.contains(name) || name == "li" || name == "td" || name == "th" {
      endImplicit()
    }
    if let last = openBlocks.last, last.node == node {
      openBlocks.removeLast()
      if name == "li" { _ = itemStack.popLast() }
      if last.opened, let index = target {
        finish(index)
      }
      target = last.previousTarget
    }
  }

  /// Ends what the walk left open: a paragraph that text outside any block element opened, when no
  /// element closed it (libxml2 stopped early, at a NUL byte for one).
  mutating func finishDocument() {
    endImplicit()
  }

  /// Ends a paragraph that text outside any block element opened.
  private mutating func endImplicit() {
    if let index = target, implicitBlocks.contains(index) {
      implicitBlocks.remove(index)
      finish(index)
      target = nil
    }
  }

  private mutating func implicitParagraph(_ node: xmlNodePtr) -> Int? {
    let block = Block(
      kind: .paragraph, start: SourcePosition(line: line(of: node), column: 1),
      quoteDepth: quoteDepth)
    blocks.append(block)
    target = blocks.count - 1
    implicitBlocks.insert(blocks.count - 1)
    return target
  }

  /// The start of an element: the `<` of its tag, found from the cursor (or its line).
  private mutating func startOf(_ node: xmlNodePtr) -> SourcePosition {
    let name = Self.name(node)
    if let offset = findTag(name, node: node) {
      return aligner.position(of: offset)
    }
    return SourcePosition(line: line(of: node), column: 1)
  }

  /// Offset of the element's `<name` tag: the next one from the cursor, no further than the line
  /// after the one libxml2 gives (the tag of an element that libxml2 implied is not in the source).
  private mutating func findTag(_ name: String, node: xmlNodePtr) -> Int? {
    let scalars = source.scalars
    let pattern = Array(name.unicodeScalars)
    let from = max(cursor, tagCursor)
    var index = from
    let nodeLine = line(of: node)
    var limit =
      nodeLine >= Self.lastReliableLine
      ? scalars.count : source.lineRange(min(nodeLine + 1, source.lineCount)).upperBound
    limit = min(limit, from + aligner.searchBudget)
    defer { _ = aligner.spend(index - from) }
    while index < limit {
      if scalars[index] == "<", index + pattern.count < scalars.count {
        var matches = true
        for (offset, expected) in pattern.enumerated() {
          let actual = scalars[index + 1 + offset].value
          let lowered = actual >= 0x41 && actual <= 0x5A ? actual + 0x20 : actual
          if lowered != expected.value {
            matches = false
            break
          }
        }
        // The name ends at `>`, `/`, whitespace or the end of the input.
        let next = index + 1 + pattern.count
        if matches,
          next == scalars.count || scalars[next] == ">" || scalars[next] == "/"
            || scalars[next].isWhitespaceFast
        {
          tagCursor = index + 1
          return index
        }
      }
      index += 1
    }
    return nil
  }

  /// Skips markup (tags, comments, doctype) from `offset`; returns the first offset of text.
  private func skipMarkup(from offset: Int) -> Int {
    let scalars = source.scalars
    var index = offset
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "<", index + 1 < scalars.count {
        let next = scalars[index + 1]
        if next == "!", index + 3 < scalars.count, scalars[index + 2] == "-",
          scalars[index + 3] == "-"
        {
          var end = index + 4
          while end + 2 < scalars.count,
            !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">")
          {
            end += 1
          }
          index = min(scalars.count, end + 3)
          continue
        }
        if (next.isASCII ? (next.value | 0x20 >= 0x61 && next.value | 0x20 <= 0x7A) : next.properties.isAlphabetic)
          || next == "/" || next == "!" || next == "?"
        {
          var quote: Unicode.Scalar?
          var end = index + 1
          while end < scalars.count {
            let current = scalars[end]
            if let open = quote {
              if current == open { quote = nil }
            } else if current == "\"" || current == "'" {
              quote = current
            } else if current == ">" {
              break
            }
            end += 1
          }
          index = min(scalars.count, end + 1)
          continue
        }
      }
      return index
    }
    return index
  }

  private mutating func appendText(_ node: xmlNodePtr) {
    guard let content = node.pointee.content else { return }
    let literal = [Unicode.Scalar](utf8CString: UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))
    // Word's revealed conditional comments (`<![if !supportLists]>`, `<![endif]>`) reach the tree as
    // text; a reader never sees them, so each piece of text around them is aligned on its own.
    var pieceStart = 0
    var index = 0
    while index < literal.count {
      if let end = Self.conditionalMarkerEnd(literal, at: index) {
        if index > pieceStart { appendLiteral(Array(literal[pieceStart..<index]), node: node) }
        index = end
        pieceStart = end
      } else {
        index += 1
      }
    }
    if pieceStart == 0 {
      appendLiteral(literal, node: node)
    } else if pieceStart < literal.count {
      appendLiteral(Array(literal[pieceStart...]), node: node)
    }
  }

  /// The end of a `<![if …]>` or `<![endif]>` marker starting at `index`, or nil.
  static func conditionalMarkerEnd(_ literal: [Unicode.Scalar], at index: Int) -> Int? {
    guard literal[index] == "<", index + 5 < literal.count, literal[index + 1] == "!", literal[index + 2] == "[" else {
      return nil
    }
    let word = String(scalars: literal[(index + 3)..<min(literal.count, index + 8)]).lowercased()
    guard word.hasPrefix("if ") || word.hasPrefix("endif") else { return nil }
    var end = index + 3
    let limit = min(literal.count, index + 256)
    while end + 1 < limit {
      if literal[end] == "]", literal[end + 1] == ">" { return end + 2 }
      end += 1
    }
    return nil
  }

  /// Entities that decode to white space (`&nbsp;`, `&#160;`, `&ensp;`…).
  private static let spaceEntities: Set<String> = [
    "nbsp", "ensp", "emsp", "thinsp", "hairsp", "numsp", "puncsp", "emsp13", "emsp14", "mediumspace",
    "thickspace", "thinspace", "verythinspace", "newline", "tab",
  ]

  /// The length of a character reference at `offset` that decodes to white space, or 0.
  private func spaceEntityLength(at offset: Int) -> Int {
    let length = aligner.entityLength(at: offset)
    guard length > 2 else { return 0 }
    let name = String(scalars: source.scalars[(offset + 1)..<(offset + length - 1)]).lowercased()
    if Self.spaceEntities.contains(name) { return length }
    guard name.hasPrefix("#") else { return 0 }
    let digits = name.dropFirst()
    let value = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
    guard let value, let scalar = Unicode.Scalar(value), scalar.isWhitespaceFast else { return 0 }
    return length
  }

  /// The offset after white space (and references to it) from `offset` in the source.
  private func skipSpace(from offset: Int) -> Int {
    let scalars = source.scalars
    var index = offset
    while index < scalars.count {
      if scalars[index].isWhitespaceFast {
        index += 1
      } else if scalars[index] == "&", case let length = spaceEntityLength(at: index), length > 0 {
        index += length
      } else {
        break
      }
    }
    return index
  }

  private mutating func appendLiteral(_ literal: [Unicode.Scalar], node: xmlNodePtr) {
    guard let firstVisible = literal.firstIndex(where: { !$0.isWhitespaceFast }) else {
      appendSpace(literal)
      return
    }
    // Find where the text starts in the source: after the markup, at its first visible scalar.
    var start = skipMarkup(from: cursor)
    let scalars = source.scalars
    var spaces = 0
    while start < scalars.count {
      if scalars[start].isWhitespaceFast {
        start = skipMarkup(from: start + 1)
      } else if spaces < firstVisible, scalars[start] == "&", case let length = spaceEntityLength(at: start),
        length > 0
      {
        // `&nbsp;` before the text: the text's own leading space, not where it starts.
        spaces += 1
        start += length
      } else {
        break
      }
    }
    let visible = literal[firstVisible...]
    let expected = visible.first!
    var found = start < scalars.count && (scalars[start] == expected || scalars[start] == "&")
    if !found {
      // libxml2 moved this text (broken markup): look ahead a little for it.
      var probe = start
      let limit = min(scalars.count, start + 2048)
      if aligner.spend(8 * (limit - start)) {
        while probe < limit {
          if scalars[probe] == expected, matchesAhead(visible, at: probe) {
            start = probe
            found = true
            break
          }
          probe += 1
        }
      }
      // The markup before it is behind us either way.
      if !found { cursor = max(cursor, start) }
    }
    if inTitle {
      title = String(scalars: visible).trimmingCharacters()
      if found {
        // Past the title as the source writes it (`&ndash;` is seven scalars, not one).
        var aligned = MappedText()
        cursor = aligner.append(visible, from: start, limit: scalars.count, into: &aligned)
      }
      return
    }
    guard let index = target ?? implicitParagraph(node) else { return }
    if blocks[index].text.isEmpty, implicitBlocks.contains(index), found {
      blocks[index].start = aligner.position(of: start)
    }
    if found {
      if !blocks[index].text.isEmpty, let last = blocks[index].text.scalars.last,
        !last.isWhitespaceFast,
        firstVisible > 0
      {
        blocks[index].text.append(" ", at: aligner.position(of: max(0, start - 1)))
      }
      cursor = aligner.append(visible, from: start, limit: scalars.count, into: &blocks[index].text)
    } else {
      // Text that is not in the source (libxml2 made it up, or moved it out of broken markup): side
      // by side along libxml2's line for that node, and no further than the end of that line.
      let line = line(of: node)
      for (column, scalar) in visible.enumerated() {
        let offset = source.offset(line: line, column: column + 1)
        blocks[index].text.append(scalar, at: source.position(ofOffset: offset))
      }
    }
  }

  /// Whitespace between two inline elements (`<b>a</b> <i>b</i>`) still separates their words.
  /// Text of white space only (`&nbsp;` in an empty table cell) is passed over in the source either way,
  /// so the text after it is looked for after it.
  private mutating func appendSpace(_ literal: [Unicode.Scalar]) {
    let start = skipMarkup(from: cursor)
    let scalars = source.scalars
    let isSpace =
      start < scalars.count && (scalars[start].isWhitespaceFast || spaceEntityLength(at: start) > 0)
    guard isSpace else { return }
    let end = skipSpace(from: start)
    defer { cursor = end }
    guard !inTitle, let index = target, let last = blocks[index].text.scalars.last,
      !last.isWhitespaceFast
    else { return }
    let space: Unicode.Scalar = literal.contains("\n") ? "\n" : " "
    blocks[index].text.append(space, at: aligner.position(of: start))
  }

  private func matchesAhead(_ literal: ArraySlice<Unicode.Scalar>, at offset: Int) -> Bool {
    let scalars = source.scalars
    var matched = 0
    var index = offset
    for scalar in literal.prefix(8) {
      guard index < scalars.count, scalars[index] == scalar else { break }
      matched += 1
      index += 1
    }
    return matched >= min(literal.count, 4)
  }

  /// Moves the cursor past an element whose text is never linted.
  private mutating func skipElement(_ node: xmlNodePtr, name: String) {
    guard let open = findTag(name, node: node) else { return }
    let scalars = source.scalars
    let closing = Array("</\(name)".unicodeScalars)
    var index = open + 1
    let end = min(scalars.count, open + 1 + aligner.searchBudget)
    defer { _ = aligner.spend(index - open) }
    while index + closing.count <= end {
      if scalars[index] == "<", index + 1 < scalars.count, scalars[index + 1] == "/" {
        var matches = true
        for (offset, expected) in closing.enumerated() {
          let actual = scalars[index + offset].value
          let lowered = actual >= 0x41 && actual <= 0x5A ? actual + 0x20 : actual
          if lowered != expected.value {
            matches = false
            break
          }
        }
        if matches {
          cursor = index
          if name == "pre" { addCodeBlock(node, from: open, to: index) }
          return
        }
      }
      index += 1
    }
  }

  private mutating func addCodeBlock(_ node: xmlNodePtr, from: Int, to: Int) {
    endImplicit()
    let start = aligner.position(of: from)
    let end = source.position(ofOffset: to)
    blocks.append(Block(kind: .code, start: start, endLine: end.line, quoteDepth: quoteDepth))
  }

  private mutating func collectComment(_ node: xmlNodePtr) {
    let text = node.pointee.content.map { String(cString: $0) } ?? ""
    let scalars = source.scalars
    var index = cursor
    let limit = min(scalars.count, cursor + aligner.searchBudget)
    defer { _ = aligner.spend(index - cursor) }
    while index + 3 < limit {
      if scalars[index] == "<", scalars[index + 1] == "!", scalars[index + 2] == "-",
        scalars[index + 3] == "-"
      {
        break
      }
      index += 1
    }
    guard index + 3 < limit else {
      comments.append(
        Comment(
          text: text, start: SourcePosition(line: line(of: node), column: 1),
          endLine: line(of: node)))
      return
    }
    var end = index + 4
    while end + 2 < scalars.count,
      !(scalars[end] == "-" && scalars[end + 1] == "-" && scalars[end + 2] == ">")
    {
      end += 1
    }
    cursor = min(scalars.count, end + 3)
    comments.append(
      Comment(
        text: text, start: aligner.position(of: index), endLine: source.position(ofOffset: end).line
      ))
  }
}

extension String {
  func trimmingCharacters() -> String {
    let scalars = unicodeScalars.drop { $0.isWhitespaceFast }
    var view = Substring(String(scalars: scalars)).unicodeScalars[...]
    while let last = view.last, last.isWhitespaceFast { view = view.dropLast() }
    return String(scalars: view)
  }
}
