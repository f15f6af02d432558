import Dispatch
import NoteLintCore
import XCTest

@testable import NoteLintParsing

final class MarkdownParserTests: XCTestCase {
  /// Parses `text` and checks that every prose scalar maps back onto the source.
  private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (
    Document, RawSource
  ) {
    let raw = RawSource(text)
    let document = MarkdownParser.parse(SourceFile(path: "test.md", text: text))
    assertTextMapsToSource(document, raw, file: file, line: line)
    return (document, raw)
  }

  private func prose(_ document: Document) -> [Block] {
    document.blocks.filter { $0.kind != .code }
  }

  private func texts(_ document: Document) -> [String] {
    document.blocks.map(\.text.string)
  }

  // MARK: Headings and paragraphs

  func testATXHeadingsAndLevels() {
    let (document, raw) = parse("# One\n## Two ##\n###### Six\n####### Seven\n#NoSpace\n")
    XCTAssertEqual(
      document.blocks.map(\.kind),
      [.heading(level: 1), .heading(level: 2), .heading(level: 6), .paragraph])
    XCTAssertEqual(texts(document), ["One", "Two", "Six", "####### Seven\n#NoSpace"])
    XCTAssertEqual(document.blocks.map(\.headingLevel), [1, 2, 6, nil])
    XCTAssertEqual(
      document.blocks.map(\.start),
      [
        .init(line: 1, column: 1), .init(line: 2, column: 1), .init(line: 3, column: 1),
        .init(line: 4, column: 1),
      ])
    assertMapped(document.blocks[1].text, "Two", in: raw)
    assertMapped(document.blocks[2].text, "Six", in: raw)
    assertMapped(document.blocks[3].text, "NoSpace", in: raw)
  }

  func testSetextHeadings() {
    let (document, raw) = parse("Main title\n==========\n\nSub *title* here\n---\n\nBody.\n")
    XCTAssertEqual(
      document.blocks.map(\.kind), [.heading(level: 1), .heading(level: 2), .paragraph])
    XCTAssertEqual(texts(document), ["Main title", "Sub title here", "Body."])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 1, column: 1))
    XCTAssertEqual(document.blocks[0].endLine, 2)
    XCTAssertEqual(document.blocks[1].endLine, 5)
    assertMapped(document.blocks[1].text, "title", in: raw, sourceOccurrence: 2)
    assertMapped(document.blocks[1].text, " here", in: raw)
    XCTAssertEqual(document.blocks[2].section, 1)
    XCTAssertEqual(document.blocks[1].section, 0)
    XCTAssertNil(document.blocks[0].section)
  }

  func testParagraphWithSoftBreaks() {
    let (document, raw) = parse(
      "\nFirst line of text\nsecond line here\nthird.\n\nOther paragraph.\n")
    XCTAssertEqual(
      texts(document), ["First line of text\nsecond line here\nthird.", "Other paragraph."])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 2, column: 1))
    XCTAssertEqual(document.blocks[0].endLine, 4)
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 6, column: 1))
    assertMapped(document.blocks[0].text, "second line", in: raw)
    assertMapped(document.blocks[0].text, "third.", in: raw)
    // The soft break itself sits on the line it ends.
    let newline = document.blocks[0].text.offset(of: "\n")!
    XCTAssertEqual(document.blocks[0].text.position(at: newline).line, 2)
  }

  func testHardBreaksKeepTheirLines() {
    // cmark-gfm does not count the line of a backslash hard break: every later inline node is a line
    // short. The text must still map to where it is.
    let (document, raw) = parse("one  \ntwo\\\nthree\\\nfour\nfive *six*\n")
    XCTAssertEqual(texts(document), ["one\ntwo\nthree\nfour\nfive six"])
    assertMapped(document.blocks[0].text, "two", in: raw)
    assertMapped(document.blocks[0].text, "three", in: raw)
    assertMapped(document.blocks[0].text, "four", in: raw)
    assertMapped(document.blocks[0].text, "five", in: raw)
    assertMapped(document.blocks[0].text, "six", in: raw)
    XCTAssertEqual(document.blocks[0].endLine, 5)
  }

  func testIndentedContinuationLinesAndTabs() {
    // cmark-gfm reports continuation lines at the first line's indentation.
    let text = "   para with\n        deep indent\n\tand tab\n  two spaces\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["para with\ndeep indent\nand tab\ntwo spaces"])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 1, column: 4))
    assertMapped(document.blocks[0].text, "deep indent", in: raw)
    XCTAssertEqual(
      document.blocks[0].text.position(at: document.blocks[0].text.offset(of: "deep")!),
      .init(line: 2, column: 9))
    assertMapped(document.blocks[0].text, "and tab", in: raw)
    XCTAssertEqual(
      document.blocks[0].text.position(at: document.blocks[0].text.offset(of: "and")!),
      .init(line: 3, column: 2))
    assertMapped(document.blocks[0].text, "two spaces", in: raw)
  }

  func testTabsInsideTextCountAsOneColumn() {
    let (document, raw) = parse("a\tb\tcolumn\n-\ttabbed item\n")
    XCTAssertEqual(document.blocks[0].text.string, "a\tb\tcolumn")
    assertMapped(document.blocks[0].text, "column", in: raw)
    XCTAssertEqual(document.blocks[0].text.position(at: 4), SourcePosition(line: 1, column: 5))
    XCTAssertEqual(document.blocks[1].kind, .listItem)
    assertMapped(document.blocks[1].text, "tabbed item", in: raw)
    XCTAssertEqual(document.blocks[1].text.position(at: 0), SourcePosition(line: 2, column: 3))
  }

  func testLazyContinuationLines() {
    let text =
      "> quoted start\nlazy line here\n\n- item one\ncontinued lazily\n\n1. first\n   > quoted in item\n   still lazy\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(
      texts(document),
      [
        "quoted start\nlazy line here", "item one\ncontinued lazily", "first",
        "quoted in item\nstill lazy",
      ])
    XCTAssertEqual(document.blocks[0].quoteDepth, 1)
    assertMapped(document.blocks[0].text, "lazy line here", in: raw)
    XCTAssertEqual(
      document.blocks[0].text.position(at: document.blocks[0].text.offset(of: "lazy")!),
      .init(line: 2, column: 1))
    assertMapped(document.blocks[1].text, "continued lazily", in: raw)
    XCTAssertEqual(document.blocks[3].quoteDepth, 1)
    assertMapped(document.blocks[3].text, "quoted in item", in: raw)
    assertMapped(document.blocks[3].text, "still lazy", in: raw)
    XCTAssertEqual(
      document.blocks[3].text.position(at: document.blocks[3].text.offset(of: "still")!),
      .init(line: 9, column: 4))
  }

  // MARK: Lists

  func testNestedListsDepthParentAndOrder() {
    let text = """
      - alpha
        - beta
          1. gamma
          2. delta
        - epsilon
      - zeta

      3) three
      4) four
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(
      texts(document), ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "three", "four"])
    XCTAssertTrue(document.blocks.allSatisfy { $0.kind == .listItem })
    let lists = document.blocks.map { $0.list! }
    XCTAssertEqual(lists.map(\.depth), [1, 2, 3, 3, 2, 1, 1, 1])
    XCTAssertEqual(lists.map(\.parent), [nil, 0, 1, 1, 0, nil, nil, nil])
    XCTAssertEqual(lists.map(\.ordered), [false, false, true, true, false, false, true, true])
    XCTAssertEqual(lists.map(\.task), Array(repeating: TaskState.none, count: 8))
    // An item starts at its marker.
    XCTAssertEqual(document.blocks.map(\.start.line), [1, 2, 3, 4, 5, 6, 8, 9])
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 2, column: 3))
    XCTAssertEqual(document.blocks[2].start, SourcePosition(line: 3, column: 5))
    XCTAssertEqual(document.blocks[0].endLine, 5)
    XCTAssertEqual(document.blocks[5].endLine, 6)
    assertMapped(document.blocks[2].text, "gamma", in: raw)
    assertMapped(document.blocks[4].text, "epsilon", in: raw)
    assertMapped(document.blocks[7].text, "four", in: raw)
  }

  func testListItemWithSeveralParagraphsAndTextAfterSublist() {
    let text = "- first para\n  goes on\n\n  second para\n\n  - child\n\n  back in parent\n- next\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(
      texts(document), ["first para\ngoes on\n\nsecond para\n\nback in parent", "child", "next"])
    XCTAssertEqual(document.blocks[1].list?.parent, 0)
    XCTAssertEqual(document.blocks[2].list?.parent, nil)
    XCTAssertEqual(document.blocks[0].endLine, 8)
    assertMapped(document.blocks[0].text, "goes on", in: raw)
    assertMapped(document.blocks[0].text, "second para", in: raw)
    assertMapped(document.blocks[0].text, "back in parent", in: raw)
  }

  func testTaskItems() {
    let text =
      "- [ ] write the spec\n- [x] done already\n- [X] capital X\n- plain item\n  - [ ] nested task\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(
      texts(document), ["write the spec", "done already", "capital X", "plain item", "nested task"])
    XCTAssertEqual(
      document.blocks.map { $0.list?.task },
      [.unchecked, .checked, .checked, TaskState.none, .unchecked])
    XCTAssertEqual(document.blocks[4].list?.parent, 3)
    XCTAssertEqual(document.blocks[4].list?.depth, 2)
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 1, column: 1))
    assertMapped(document.blocks[0].text, "write the spec", in: raw)
    XCTAssertEqual(document.blocks[0].text.position(at: 0), SourcePosition(line: 1, column: 7))
    assertMapped(document.blocks[4].text, "nested task", in: raw)
  }

  func testOrderedTaskItemsAndNotTasks() {
    let (document, _) = parse(
      "1. [ ] ordered task\n2. [x] ordered done\n\n- [] not a task\n- [ ]\n")
    XCTAssertEqual(
      document.blocks[0].list, ListItemInfo(ordered: true, depth: 1, task: .unchecked, parent: nil))
    XCTAssertEqual(document.blocks[1].list?.task, .checked)
    XCTAssertEqual(document.blocks[2].list?.task, TaskState.none)
    XCTAssertEqual(document.blocks[2].text.string, "[] not a task")
  }

  // MARK: Tables

  func testTableRowsColumnsAndCellText() {
    let text = """
      Intro.

      | Task | Owner | Due |
      |------|:-----:|----:|
      | Write *the* spec | Marco | 12/03 |
      | Review | `bot` |  |
      | Ship **it** | Giulia | — |

      After.
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.tables.count, 1)
    let table = document.tables[0]
    XCTAssertEqual(table.start, SourcePosition(line: 3, column: 1))
    XCTAssertEqual(table.rows.count, 4)
    XCTAssertEqual(table.rowLines, [3, 5, 6, 7])
    XCTAssertEqual(table.rows.map(\.count), [3, 3, 3, 3])
    func cell(_ row: Int, _ column: Int) -> Block { document.blocks[table.rows[row][column]] }
    XCTAssertEqual(table.header.map { document.blocks[$0].text.string }, ["Task", "Owner", "Due"])
    XCTAssertEqual(cell(1, 0).text.string, "Write the spec")
    XCTAssertEqual(cell(1, 1).text.string, "Marco")
    XCTAssertEqual(cell(2, 1).text.string, "\u{FFFC}")
    XCTAssertEqual(cell(2, 2).text.string, "")
    XCTAssertEqual(cell(3, 0).text.string, "Ship it")
    for row in 0..<4 {
      for column in 0..<3 {
        XCTAssertEqual(cell(row, column).kind, .tableCell)
        XCTAssertEqual(cell(row, column).cell, TableCellInfo(table: 0, row: row, column: column))
        XCTAssertEqual(cell(row, column).start.line, table.rowLines[row])
      }
    }
    XCTAssertTrue(cell(0, 2).cell!.isHeader)
    XCTAssertFalse(cell(1, 0).cell!.isHeader)
    assertMapped(cell(1, 0).text, "spec", in: raw)
    assertMapped(cell(1, 1).text, "Marco", in: raw)
    assertMapped(cell(3, 0).text, "it", in: raw, source: "it**")
    assertMapped(cell(3, 1).text, "Giulia", in: raw)
    XCTAssertEqual(cell(2, 1).text.position(at: 0), raw.position(of: "`bot`"))
    XCTAssertEqual(document.blocks.first?.text.string, "Intro.")
    XCTAssertEqual(document.blocks.last?.text.string, "After.")
    XCTAssertNil(document.blocks.last?.cell)
  }

  func testTableWithAccentsEscapedPipesAndRepeatedText() {
    let text = "| città | perché |\n|---|---|\n| a \\| b | x |\n| x | x x |\n"
    let (document, raw) = parse(text)
    let table = document.tables[0]
    func cell(_ row: Int, _ column: Int) -> Block { document.blocks[table.rows[row][column]] }
    XCTAssertEqual(cell(0, 1).text.string, "perché")
    assertMapped(cell(0, 1).text, "perché", in: raw)
    XCTAssertEqual(cell(1, 0).text.string, "a | b")
    assertMapped(cell(1, 0).text, "b", in: raw, source: "b |")
    XCTAssertEqual(cell(1, 0).text.position(at: 2), SourcePosition(line: 3, column: 6))
    // Equal texts in neighbouring cells map to their own cells.
    XCTAssertEqual(cell(2, 0).text.position(at: 0), SourcePosition(line: 4, column: 3))
    XCTAssertEqual(cell(2, 1).text.position(at: 0), SourcePosition(line: 4, column: 7))
    XCTAssertEqual(cell(2, 1).text.position(at: 2), SourcePosition(line: 4, column: 9))
    XCTAssertEqual(cell(1, 1).text.position(at: 0), SourcePosition(line: 3, column: 12))
  }

  func testTablesInQuotesAndListItems() {
    let text =
      "> | a | b |\n> |---|---|\n> | cc | dd |\n\n- | h1 | h2 |\n  |----|----|\n  | x  | y  |\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(document.tables.count, 2)
    XCTAssertEqual(document.tables[0].rowLines, [1, 3])
    XCTAssertEqual(document.tables[1].rowLines, [5, 7])
    let quoted = document.blocks[document.tables[0].rows[1][1]]
    XCTAssertEqual(quoted.text.string, "dd")
    XCTAssertEqual(quoted.quoteDepth, 1)
    assertMapped(quoted.text, "dd", in: raw)
    let inItem = document.blocks[document.tables[1].rows[1][0]]
    XCTAssertEqual(inItem.text.string, "x")
    XCTAssertEqual(inItem.cell, TableCellInfo(table: 1, row: 1, column: 0))
    XCTAssertEqual(inItem.text.position(at: 0), SourcePosition(line: 7, column: 5))
  }

  // MARK: Quotes and code

  func testBlockQuotesDepth() {
    let text = "> level one\n>\n> > level two\n> > goes on\n>\n> back to one\n\nnone\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["level one", "level two\ngoes on", "back to one", "none"])
    XCTAssertEqual(document.blocks.map(\.quoteDepth), [1, 2, 1, 0])
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 3, column: 5))
    assertMapped(document.blocks[1].text, "goes on", in: raw)
    XCTAssertEqual(
      document.blocks[1].text.position(at: document.blocks[1].text.offset(of: "goes")!),
      .init(line: 4, column: 5))
    assertMapped(document.blocks[2].text, "back to one", in: raw)
  }

  func testFencedAndIndentedCodeAreKeptApart() {
    let text = """
      Before the code.

      ```swift
      let secret = "soon"
      print(secret)
      ```

          indented ASAP code
          second code line

      ~~~
      tilde fence etc.
      ~~~

      After the code.
      """
    let (document, _) = parse(text)
    XCTAssertEqual(document.blocks.map(\.kind), [.paragraph, .code, .code, .code, .paragraph])
    let fenced = document.blocks[1]
    XCTAssertEqual(fenced.codeInfo, "swift")
    XCTAssertEqual(fenced.text.string, "let secret = \"soon\"\nprint(secret)\n")
    XCTAssertEqual(fenced.start, SourcePosition(line: 3, column: 1))
    XCTAssertEqual(fenced.endLine, 6)
    XCTAssertEqual(fenced.text.position(at: 0), SourcePosition(line: 4, column: 1))
    XCTAssertEqual(
      fenced.text.position(at: fenced.text.offset(of: "print")!), SourcePosition(line: 5, column: 1)
    )
    let indented = document.blocks[2]
    XCTAssertNil(indented.codeInfo)
    XCTAssertEqual(indented.text.string, "indented ASAP code\nsecond code line\n")
    XCTAssertEqual(indented.start.line, 8)
    XCTAssertEqual(indented.endLine, 9)
    XCTAssertEqual(indented.text.position(at: 0), SourcePosition(line: 8, column: 5))
    XCTAssertEqual(
      indented.text.position(at: indented.text.offset(of: "second")!),
      SourcePosition(line: 9, column: 5))
    XCTAssertEqual(document.blocks[3].text.string, "tilde fence etc.\n")
    XCTAssertEqual(document.blocks[3].codeInfo, "")
    for block in prose(document) {
      XCTAssertFalse(block.text.string.contains("secret"))
      XCTAssertFalse(block.text.string.contains("ASAP"))
      XCTAssertFalse(block.text.string.contains("etc."))
    }
  }

  func testCodeInsideListItemIsNotItemText() {
    let text = "- item text\n\n  ```\n  hidden soon\n  ```\n- other\n"
    let (document, _) = parse(text)
    XCTAssertEqual(document.blocks.map(\.kind), [.listItem, .code, .listItem])
    XCTAssertEqual(document.blocks[0].text.string, "item text")
    XCTAssertEqual(document.blocks[1].text.string, "hidden soon\n")
    XCTAssertEqual(document.blocks[1].text.position(at: 0), SourcePosition(line: 4, column: 3))
  }

  func testInlineCodeBecomesOnePlaceholder() {
    let text = "Run `make test` now and ``a ` b`` then.\nNext `line` too.\n"
    let (document, raw) = parse(text)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "Run \u{FFFC} now and \u{FFFC} then.\nNext \u{FFFC} too.")
    XCTAssertFalse(block.text.string.contains("make"))
    XCTAssertEqual(block.text.position(at: 4), raw.position(of: "`make"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "\u{FFFC}", occurrence: 2)!),
      raw.position(of: "``a"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "\u{FFFC}", occurrence: 3)!),
      raw.position(of: "`line`"))
    assertMapped(block.text, "now and", in: raw)
    assertMapped(block.text, "then.", in: raw)
    assertMapped(block.text, " too.", in: raw)
  }

  // MARK: Links, images, comments

  func testLinksKeepTheirTextAndNotTheirURL() {
    let text = """
      See [the *spec* doc](https://example.com/spec "The title") and [ref][r], then [more].
      Also [x](<a b.html>) x.

      [r]: https://r.example.org
      [more]: /more
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(prose(document).count, 1)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "See the spec doc and ref, then more.\nAlso x x.")
    XCTAssertEqual(
      block.links.map(\.url),
      ["https://example.com/spec", "https://r.example.org", "/more", "a b.html"])
    XCTAssertEqual(
      block.links.map { block.text.string($0.range) }, ["the spec doc", "ref", "more", "x"])
    XCTAssertFalse(block.text.string.contains("example"))
    assertMapped(block.text, "the ", in: raw)
    assertMapped(block.text, " doc", in: raw)
    assertMapped(block.text, " and ", in: raw)
    assertMapped(block.text, "ref", in: raw)
    assertMapped(block.text, ", then ", in: raw)
    assertMapped(block.text, "more", in: raw)
    // The text after a link title that holds the same words maps after the link.
    assertMapped(block.text, " x.", in: raw)
  }

  func testLinkTitleDoesNotCaptureFollowingText() {
    let text = "Read [this](u \"and then\") and then stop.\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks[0].text.string, "Read this and then stop.")
    assertMapped(document.blocks[0].text, " and then stop.", in: raw)
  }

  func testAutolinksBecomePlaceholdersAtTheirRealPosition() {
    let text =
      "Visit www.example.com, or https://x.org/a now.\nAlso www.foo.it/x and <https://b.c> and me@x.com done.\n"
    let (document, raw) = parse(text)
    let block = document.blocks[0]
    XCTAssertEqual(
      block.text.string,
      "Visit \u{FFFC}, or \u{FFFC} now.\nAlso \u{FFFC} and \u{FFFC} and \u{FFFC} done.")
    XCTAssertEqual(
      block.links.map(\.url),
      [
        "http://www.example.com", "https://x.org/a", "http://www.foo.it/x", "https://b.c",
        "mailto:me@x.com",
      ])
    XCTAssertTrue(
      block.links.allSatisfy {
        $0.range.count == 1 && block.text.scalars[$0.range.lowerBound] == MappedText.placeholder
      })
    XCTAssertEqual(
      block.text.position(at: block.links[0].range.lowerBound), raw.position(of: "www.example"))
    XCTAssertEqual(
      block.text.position(at: block.links[1].range.lowerBound), raw.position(of: "https://x"))
    XCTAssertEqual(
      block.text.position(at: block.links[2].range.lowerBound), raw.position(of: "www.foo"))
    XCTAssertEqual(
      block.text.position(at: block.links[3].range.lowerBound), raw.position(of: "https://b.c"))
    XCTAssertEqual(
      block.text.position(at: block.links[4].range.lowerBound), raw.position(of: "me@"))
    assertMapped(block.text, ", or ", in: raw)
    assertMapped(block.text, " now.", in: raw)
    assertMapped(block.text, "Also ", in: raw)
    assertMapped(block.text, " and ", occurrence: 2, in: raw, sourceOccurrence: 2)
    assertMapped(block.text, " done.", in: raw)
  }

  func testImagesAreSkipped() {
    let text = "Logo ![alt *text* here](logo.png \"title here\") then here.\n\n![only](x.png)\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks[0].text.string, "Logo \u{FFFC} then here.")
    XCTAssertEqual(document.blocks[0].text.position(at: 5), raw.position(of: "!["))
    assertMapped(document.blocks[0].text, " then here.", in: raw)
    XCTAssertTrue(document.blocks[0].links.isEmpty)
    XCTAssertEqual(document.blocks[1].text.string, "\u{FFFC}")
  }

  func testLinkAroundImage() {
    let (document, raw) = parse("A [![badge](b.svg) build](https://ci) ok\n")
    XCTAssertEqual(document.blocks[0].text.string, "A \u{FFFC} build ok")
    XCTAssertEqual(document.blocks[0].links, [Link(range: 2..<9, url: "https://ci")])
    XCTAssertEqual(document.blocks[0].text.string(2..<9), "\u{FFFC} build")
    assertMapped(document.blocks[0].text, " build", in: raw)
    assertMapped(document.blocks[0].text, " ok", in: raw)
  }

  func testHTMLCommentsAreCollectedWithLines() {
    let text = """
      <!-- notelint-disable vague-phrasing -->

      Text with <!-- inline comment --> inside
        and <!-- second
      over lines --> after.

      <!--
      block
      comment
      -->

      > <!-- quoted -->
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(
      document.comments.map(\.text),
      [
        " notelint-disable vague-phrasing ", " inline comment ", " second\nover lines ",
        "\nblock\ncomment\n", " quoted ",
      ])
    XCTAssertEqual(document.comments.map(\.start.line), [1, 3, 4, 7, 12])
    XCTAssertEqual(document.comments.map(\.endLine), [1, 3, 5, 10, 12])
    XCTAssertEqual(document.comments[1].start, raw.position(of: "<!-- inline"))
    XCTAssertEqual(document.comments[2].start, raw.position(of: "<!-- second"))
    XCTAssertEqual(document.comments[4].start, raw.position(of: "<!-- quoted"))
    XCTAssertEqual(prose(document).count, 1)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "Text with  inside\nand  after.")
    assertMapped(block.text, "and", in: raw)
    assertMapped(block.text, " after.", in: raw)
  }

  func testLinkWhoseTextIsItsURL() {
    let (document, raw) = parse(
      "See [https://x.org/a b](https://x.org/a%20b) and [https://y.org](https://y.org) b done.\n")
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "See https://x.org/a b and \u{FFFC} b done.")
    XCTAssertEqual(block.links.map(\.url), ["https://x.org/a%20b", "https://y.org"])
    XCTAssertEqual(
      block.text.position(at: block.links[1].range.lowerBound), raw.position(of: "https://y.org]"))
    assertMapped(block.text, " b done.", in: raw)
  }

  func testFootnotes() {
    let (document, raw) = parse("Claim here[^1] and more.\n\n[^1]: The source of it.\n")
    XCTAssertEqual(texts(document), ["Claim here and more.", "The source of it."])
    assertMapped(document.blocks[0].text, " and more.", in: raw)
    assertMapped(document.blocks[1].text, "The source of it.", in: raw)
  }

  func testLinkReferenceDefinitionsAndHTMLBlocksMakeNoProse() {
    let (document, raw) = parse(
      "[ref]: https://x.org \"Title soon\"\n\n<div>\nraw html soon\n</div>\n\nText.\n")
    XCTAssertEqual(texts(document), ["Text."])
    assertMapped(document.blocks[0].text, "Text.", in: raw)
  }

  func testMultiScalarEntities() {
    let (document, raw) = parse("a &NotEqualTilde; b &fjlig; c\n")
    XCTAssertEqual(document.blocks[0].text.string, "a \u{2242}\u{338} b fj c")
    XCTAssertEqual(document.blocks[0].text.position(at: 3), raw.position(of: "&NotEqualTilde;"))
    assertMapped(document.blocks[0].text, " b ", in: raw)
    assertMapped(document.blocks[0].text, " c", in: raw)
  }

  // MARK: Front matter

  func testFrontMatterIsParsedAndProducesNoBlocks() {
    let text = """
      ---
      Title: Weekly sync
      date: 2024-03-05
      owners:
        - Marco
        - Giulia
      lang: it
      ---
      # Heading
      Body text.
      """
    let (document, raw) = parse(text)
    let frontMatter = document.frontMatter
    XCTAssertEqual(frontMatter?.lines, 1...8)
    XCTAssertEqual(frontMatter?.values["title"], "Weekly sync")
    XCTAssertEqual(frontMatter?.value("date"), "2024-03-05")
    XCTAssertEqual(frontMatter?.value("language", "lang"), "it")
    XCTAssertEqual(frontMatter?.list("owners"), ["Marco", "Giulia"])
    XCTAssertEqual(frontMatter?.list("lang"), ["it"])
    XCTAssertEqual(frontMatter?.list("missing"), [])
    XCTAssertEqual(texts(document), ["Heading", "Body text."])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 9, column: 1))
    assertMapped(document.blocks[1].text, "Body text.", in: raw)
  }

  func testFrontMatterClosedByDotsAndInvalidYAML() {
    let (dots, _) = parse("---\nkey: value\n...\nText.\n")
    XCTAssertEqual(dots.frontMatter?.lines, 1...3)
    XCTAssertEqual(dots.frontMatter?.values, ["key": "value"])
    XCTAssertEqual(texts(dots), ["Text."])
    let (broken, _) = parse("---\n: [unclosed\n---\nText.\n")
    XCTAssertEqual(broken.frontMatter?.lines, 1...3)
    XCTAssertEqual(broken.frontMatter?.values ?? ["x": "y"], [:])
    XCTAssertEqual(texts(broken), ["Text."])
  }

  func testNoFrontMatterWithoutOpeningFenceOrClosing() {
    let (late, _) = parse("Text\n---\nkey: value\n---\n")
    XCTAssertNil(late.frontMatter)
    XCTAssertEqual(late.blocks.first?.kind, .heading(level: 2))
    let (unclosed, _) = parse("---\nkey: value\n")
    XCTAssertNil(unclosed.frontMatter)
    // A thematic break, then a paragraph with a setext underline: not YAML front matter.
    let (rule, raw) = parse("---\nThe plan is ready soon\n---\n\nMore.\n")
    XCTAssertNil(rule.frontMatter)
    XCTAssertEqual(texts(rule), ["The plan is ready soon", "More."])
    XCTAssertEqual(rule.blocks[0].kind, .heading(level: 2))
    assertMapped(rule.blocks[0].text, "ready soon", in: raw)
    let (empty, _) = parse("---\n---\nText.\n")
    XCTAssertEqual(empty.frontMatter?.lines, 1...2)
    XCTAssertEqual(texts(empty), ["Text."])
  }

  // MARK: Entities, escapes, non-ASCII

  func testEntitiesAndBackslashEscapes() {
    let text = "Caff&egrave; &amp; t&#233; &#x20AC;5 \\*not em\\* \\_x\\_ &copy; a\\\\b &nbsp;end\n"
    let (document, raw) = parse(text)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "Caffè & té €5 *not em* _x_ © a\\b \u{A0}end")
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "è")!), raw.position(of: "&egrave;"))
    XCTAssertEqual(block.text.position(at: block.text.offset(of: "&")!), raw.position(of: "&amp;"))
    XCTAssertEqual(block.text.position(at: block.text.offset(of: "é")!), raw.position(of: "&#233;"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "€")!), raw.position(of: "&#x20AC;"))
    XCTAssertEqual(block.text.position(at: block.text.offset(of: "*")!), raw.position(of: "*not"))
    assertMapped(block.text, "not em", in: raw)
    assertMapped(block.text, "5", in: raw, source: "5 \\*")
    XCTAssertEqual(block.text.position(at: block.text.offset(of: "\\")!), raw.position(of: "\\b"))
    assertMapped(block.text, "end", in: raw)
    assertMapped(block.text, "Caff", in: raw)
  }

  func testNonASCIITextColumnsCountScalars() {
    let text = "# Perché così\n\nÈ già 😀 fatto: 中文字 e\u{301}cole naïve 👩‍💻 fine.\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks[0].text.string, "Perché così")
    assertMapped(document.blocks[0].text, "così", in: raw)
    let block = document.blocks[1]
    XCTAssertEqual(block.text.string, "È già 😀 fatto: 中文字 e\u{301}cole naïve 👩‍💻 fine.")
    assertMapped(block.text, "fatto", in: raw)
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "fatto")!), SourcePosition(line: 3, column: 9))
    assertMapped(block.text, "中文字", in: raw)
    assertMapped(block.text, "e\u{301}cole", in: raw)
    assertMapped(block.text, "naïve", in: raw)
    assertMapped(block.text, "fine.", in: raw)
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "fine")!), SourcePosition(line: 3, column: 37))
  }

  func testStrikethroughAndEmphasisKeepText() {
    let (document, raw) = parse("Keep ~~old~~ **bold** _it_ text.\n")
    XCTAssertEqual(document.blocks[0].text.string, "Keep old bold it text.")
    assertMapped(document.blocks[0].text, "old", in: raw)
    assertMapped(document.blocks[0].text, "bold", in: raw)
    assertMapped(document.blocks[0].text, "it", in: raw, source: "it_")
    assertMapped(document.blocks[0].text, " text.", in: raw)
  }

  // MARK: Line endings

  func testCRLFLineEndings() {
    let text = "# Title\r\n\r\nLine one\r\nline two  \r\nline three\r\n\r\n- item\r\n  more\r\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["Title", "Line one\nline two\nline three", "item\nmore"])
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 3, column: 1))
    XCTAssertEqual(document.blocks[1].endLine, 5)
    assertMapped(document.blocks[1].text, "line two", in: raw)
    assertMapped(document.blocks[1].text, "line three", in: raw)
    XCTAssertEqual(document.blocks[2].start, SourcePosition(line: 7, column: 1))
    XCTAssertEqual(document.blocks[2].endLine, 8)
    assertMapped(document.blocks[2].text, "more", in: raw)
  }

  func testLoneCRLineEndings() {
    let text = "Para one\rstill one\r\r> quote\r> more\r\r```\rcode\r```\rend"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["Para one\nstill one", "quote\nmore", "code\n", "end"])
    assertMapped(document.blocks[0].text, "still one", in: raw)
    assertMapped(document.blocks[1].text, "more", in: raw)
    XCTAssertEqual(
      document.blocks[1].text.position(at: document.blocks[1].text.offset(of: "more")!),
      .init(line: 5, column: 3))
    XCTAssertEqual(document.blocks[2].start.line, 7)
    XCTAssertEqual(document.blocks[2].text.position(at: 0), SourcePosition(line: 8, column: 1))
    XCTAssertEqual(document.blocks[3].start, SourcePosition(line: 10, column: 1))
  }

  func testFrontMatterWithCRLF() {
    let (document, _) = parse("---\r\ntitle: T\r\n---\r\nText here.\r\n")
    XCTAssertEqual(document.frontMatter?.values["title"], "T")
    XCTAssertEqual(document.frontMatter?.lines, 1...3)
    XCTAssertEqual(texts(document), ["Text here."])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 4, column: 1))
  }

  // MARK: A realistic note

  func testRealisticMixedNoteMapsEveryScalar() {
    let text = """
      ---
      title: "Riunione settimanale"
      partecipanti: [Marco, Giulia]
      ---
      # Riunione del 5 marzo

      **Presenti:** Marco, Giulia e _il team_ di prodotto.\r
      Si è deciso di *migliorare* l'onboarding — vedi [il documento](https://docs.example.com/onb "Onboarding")
        e www.example.it/faq per i dettagli &amp; le FAQ.

      ## Prossimi passi

      1. [ ] Marco invierà il report **entro venerdì**
         (scadenza: `2024-03-08`)
      2. [x] ~~Giulia~~ Luca ha aggiornato la <abbr>KPI</abbr> <!-- verificare -->
         - sotto-punto con `codice` e\ttab
      > Nota: l\u{2019}IA va usata *bene*,
      > non "il più possibile".

      | Azione | Owner | Quando |
      |--------|-------|--------|
      | Report | @marco | 8/3 |
      | Analisi dati\\ | — | da definire |

      Fine.\\
      Ultima riga   con spazi.
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.frontMatter?.list("partecipanti"), ["Marco", "Giulia"])
    XCTAssertEqual(document.blocks.first?.text.string, "Riunione del 5 marzo")
    XCTAssertEqual(document.blocks.first?.start.line, 5)
    let paragraph = document.blocks[1]
    assertMapped(paragraph.text, "Presenti:", in: raw)
    assertMapped(paragraph.text, "il team", in: raw)
    assertMapped(paragraph.text, "migliorare", in: raw)
    assertMapped(paragraph.text, "l'onboarding \u{2014} vedi ", in: raw)
    assertMapped(paragraph.text, "il documento", in: raw)
    assertMapped(paragraph.text, " per i dettagli ", in: raw)
    assertMapped(paragraph.text, " le FAQ.", in: raw)
    XCTAssertEqual(paragraph.links.map(\.url), ["https://docs.example.com/onb", "http://www.example.it/faq"])
    let items = document.blocks.filter { $0.kind == .listItem }
    XCTAssertEqual(items.map { $0.list?.task }, [.unchecked, .checked, TaskState.none])
    XCTAssertEqual(items.map { $0.list?.depth }, [1, 1, 2])
    XCTAssertEqual(items[0].text.string, "Marco invierà il report entro venerdì\n(scadenza: \u{FFFC})")
    assertMapped(items[0].text, "entro venerdì", in: raw)
    assertMapped(items[0].text, "(scadenza: ", in: raw)
    XCTAssertEqual(items[1].text.string, "Giulia Luca ha aggiornato la KPI")
    assertMapped(items[1].text, "KPI", in: raw)
    XCTAssertEqual(document.comments.map(\.text), [" verificare "])
    XCTAssertEqual(document.comments.first?.start, raw.position(of: "<!-- verificare"))
    assertMapped(items[2].text, "sotto-punto con ", in: raw)
    assertMapped(items[2].text, " e\ttab", in: raw)
    let quote = document.blocks.first { $0.quoteDepth == 1 }!
    assertMapped(quote.text, "non \"il più possibile\".", in: raw)
    assertMapped(quote.text, "bene", in: raw)
    let table = document.tables[0]
    XCTAssertEqual(table.rowLines, [20, 22, 23])
    let owner = document.blocks[table.rows[1][1]]
    XCTAssertEqual(owner.text.string, "@marco")
    assertMapped(owner.text, "@marco", in: raw)
    assertMapped(document.blocks[table.rows[2][0]].text, "Analisi dati", in: raw)
    XCTAssertEqual(document.blocks[table.rows[2][0]].text.string, "Analisi dati\\")
    assertMapped(document.blocks[table.rows[2][2]].text, "da definire", in: raw)
    let last = document.blocks.last!
    XCTAssertEqual(last.text.string, "Fine.\nUltima riga   con spazi.")
    assertMapped(last.text, "Ultima riga   con spazi.", in: raw)
    XCTAssertEqual(last.endLine, 26)
  }

  // MARK: Robustness

  func testDeepNestingDoesNotOverflow() {
    let quotes = String(repeating: "> ", count: 5000) + "deep text\n"
    let quoted = MarkdownParser.parse(SourceFile(path: "q.md", text: quotes))
    XCTAssertEqual(quoted.blocks.last?.text.string, "deep text")
    var lists = ""
    for depth in 0..<1000 {
      lists += String(repeating: "  ", count: depth) + "- level \(depth)\n"
    }
    let nested = MarkdownParser.parse(SourceFile(path: "l.md", text: lists))
    XCTAssertFalse(nested.blocks.isEmpty)
    XCTAssertEqual(nested.blocks.first?.text.string, "level 0")
    let brackets =
      String(repeating: "[", count: 20000) + "x" + String(repeating: "](u)", count: 20000)
    let linked = MarkdownParser.parse(SourceFile(path: "b.md", text: brackets))
    XCTAssertEqual(linked.blocks.count, 1)
  }

  func testEmptyAndBlankInput() {
    XCTAssertTrue(MarkdownParser.parse(SourceFile(path: "e.md", text: "")).blocks.isEmpty)
    XCTAssertTrue(MarkdownParser.parse(SourceFile(path: "e.md", text: "\n\n  \n")).blocks.isEmpty)
  }

  func testSectionsPointToNearestHeading() {
    let (document, _) = parse("Intro.\n\n# A\n\nText a.\n\n- item\n\n## B\n\nText b.\n")
    XCTAssertEqual(document.blocks.map(\.section), [nil, nil, 1, 1, 1, 4])
  }

  // MARK: Parallel parsing

  /// cmark-gfm keeps its extensions' special characters in a process-wide table that every parser
  /// edits during its inline pass: parsers running at once must still all see autolinks and
  /// strikethrough (a scan on two cores once printed a link's URL where one core printed the link).
  func testParsersOnManyThreadsSeeTheSameInlines() {
    var long = ""
    for index in 0..<300 {
      long +=
        "Riga \(index): vedi https://wiki.example.it/p?\(index) e www.example.com/\(index), ~~vecchio~~ nuovo.\n\n"
    }
    let sources = [
      SourceFile(path: "a.md", text: long),
      SourceFile(path: "b.md", text: "Documentazione: https://wiki.example.it/x?versione=presto&note=vari\n"),
    ]
    let expected = sources.map { texts(MarkdownParser.parse($0)) }
    XCTAssertTrue(expected[1][0].contains("\u{FFFC}") || !expected[1][0].contains("https"), "\(expected[1])")
    let results = ParsedTexts(count: 400)
    DispatchQueue.concurrentPerform(iterations: 400) { index in
      results.set(index, MarkdownParser.parse(sources[index % 2]).blocks.map(\.text.string))
    }
    let differing = results.all.enumerated().filter { $0.element != expected[$0.offset % 2] }.map(\.offset)
    XCTAssertEqual(differing, [], "parses that differ from the one-thread parse")
  }
}

private final class ParsedTexts: @unchecked Sendable {
  private var values: [[String]]
  private let lock = NSLock()

  init(count: Int) { values = Array(repeating: [], count: count) }

  func set(_ index: Int, _ value: [String]) {
    lock.lock()
    values[index] = value
    lock.unlock()
  }

  var all: [[String]] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
