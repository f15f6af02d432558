import NoteLintCore
import XCTest

@testable import NoteLintParsing

final class HTMLParserTests: XCTestCase {
  /// Parses `text` and checks that every prose scalar maps back onto the source.
  private func parse(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> (
    Document, RawSource
  ) {
    let raw = RawSource(text)
    let document = HTMLParser.parse(SourceFile(path: "test.html", text: text))
    assertTextMapsToSource(document, raw, file: file, line: line)
    return (document, raw)
  }

  /// Decodes bytes as a file would be, then parses them.
  private func parse(bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> (
    Document, SourceFile
  )? {
    switch TextDecoder.decode(bytes, path: "test.html", isHTML: true) {
    case .success(let source):
      return (HTMLParser.parse(source), source)
    case .failure(let error):
      XCTFail("decoding failed: \(error)", file: file, line: line)
      return nil
    }
  }

  private func prose(_ document: Document) -> [Block] {
    document.blocks.filter { $0.kind != .code }
  }

  private func texts(_ document: Document) -> [String] {
    document.blocks.map(\.text.string)
  }

  // MARK: Headings and paragraphs

  func testHeadingsAndParagraphsOneElementPerLine() {
    let text = """
      <!DOCTYPE html>
      <html>
      <head><title>Weekly sync</title></head>
      <body>
      <h1>Project notes</h1>
      <p>First paragraph here.</p>
      <h3>Sub heading</h3>
      <p>Second one.</p>
      <h6>Tiny</h6>
      </body>
      </html>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.format, .html)
    XCTAssertEqual(document.title, "Weekly sync")
    XCTAssertEqual(
      texts(document),
      ["Project notes", "First paragraph here.", "Sub heading", "Second one.", "Tiny"])
    XCTAssertEqual(
      document.blocks.map(\.kind),
      [.heading(level: 1), .paragraph, .heading(level: 3), .paragraph, .heading(level: 6)])
    XCTAssertEqual(
      document.blocks.map(\.start), [5, 6, 7, 8, 9].map { SourcePosition(line: $0, column: 1) })
    XCTAssertEqual(document.blocks.map(\.endLine), [5, 6, 7, 8, 9])
    assertMapped(document.blocks[0].text, "Project notes", in: raw)
    XCTAssertEqual(document.blocks[1].text.position(at: 0), SourcePosition(line: 6, column: 4))
    assertMapped(document.blocks[1].text, "paragraph here.", in: raw)
    assertMapped(document.blocks[3].text, "Second one.", in: raw)
    XCTAssertEqual(document.blocks.map(\.section), [nil, 0, 0, 2, 2])
  }

  func testSeveralElementsOnOneLine() {
    let text =
      "<h2>Plan</h2><p>Alpha <b>beta</b> gamma.</p><p>Alpha again.</p><ul><li>one</li><li>Alpha</li></ul>\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["Plan", "Alpha beta gamma.", "Alpha again.", "one", "Alpha"])
    XCTAssertEqual(document.blocks.map(\.start.line), [1, 1, 1, 1, 1])
    XCTAssertEqual(document.blocks[1].start, raw.position(of: "<p>"))
    XCTAssertEqual(document.blocks[2].start, raw.position(of: "<p>", occurrence: 2))
    XCTAssertEqual(document.blocks[4].start, raw.position(of: "<li>", occurrence: 2))
    assertMapped(document.blocks[1].text, "Alpha ", in: raw)
    assertMapped(document.blocks[1].text, "beta", in: raw)
    assertMapped(document.blocks[1].text, " gamma.", in: raw)
    assertMapped(document.blocks[2].text, "Alpha again.", in: raw)
    assertMapped(document.blocks[4].text, "Alpha", in: raw, sourceOccurrence: 3)
  }

  func testParagraphSpanningSeveralLines() {
    let text = """
      <body>
        <p>This paragraph starts here
           and continues on a second line,
      \tthen a third with a tab.</p>
        <p>
          Text on the line after the tag.
        </p>
      </body>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks.count, 2)
    let first = document.blocks[0]
    XCTAssertEqual(first.start, SourcePosition(line: 2, column: 3))
    XCTAssertEqual(first.endLine, 4)
    XCTAssertEqual(
      first.text.string,
      "This paragraph starts here\n     and continues on a second line,\n\tthen a third with a tab."
    )
    assertMapped(first.text, "This paragraph", in: raw)
    assertMapped(first.text, "and continues", in: raw)
    XCTAssertEqual(
      first.text.position(at: first.text.offset(of: "and")!), SourcePosition(line: 3, column: 6))
    assertMapped(first.text, "then a third", in: raw)
    XCTAssertEqual(
      first.text.position(at: first.text.offset(of: "then")!), SourcePosition(line: 4, column: 2))
    let second = document.blocks[1]
    XCTAssertEqual(second.text.string, "Text on the line after the tag.")
    XCTAssertEqual(second.start, SourcePosition(line: 5, column: 3))
    XCTAssertEqual(second.endLine, 6)
    assertMapped(second.text, "Text on the line", in: raw)
  }

  func testInlineElementsKeepTheSpaceBetweenThem() {
    let (document, raw) = parse("<p><b>Marco</b> <i>will</i> <a href=\"#x\">send</a> it.</p>\n")
    XCTAssertEqual(document.blocks[0].text.string, "Marco will send it.")
    assertMapped(document.blocks[0].text, "will", in: raw)
    assertMapped(document.blocks[0].text, "send", in: raw)
    XCTAssertEqual(document.blocks[0].links, [Link(range: 11..<15, url: "#x")])
  }

  func testUnclosedParagraphsAndItems() {
    let text = "<p>One open\n<p>Two open\n<ul>\n<li>first item\n<li>second item\n</ul>\n<p>Three"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["One open", "Two open", "first item", "second item", "Three"])
    XCTAssertEqual(
      document.blocks.map(\.kind), [.paragraph, .paragraph, .listItem, .listItem, .paragraph])
    XCTAssertEqual(document.blocks.map(\.start.line), [1, 2, 4, 5, 7])
    XCTAssertEqual(document.blocks.map(\.endLine), [1, 2, 4, 5, 7])
    assertMapped(document.blocks[1].text, "Two open", in: raw)
    assertMapped(document.blocks[3].text, "second item", in: raw)
    assertMapped(document.blocks[4].text, "Three", in: raw)
  }

  func testTextOutsideAnyBlockElementIsAParagraph() {
    let text = "<body>\nLoose text here\n<div>in a div</div>\nafter the div\n</body>"
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks.map(\.kind), [.paragraph, .paragraph, .paragraph])
    XCTAssertEqual(texts(document), ["Loose text here", "in a div", "after the div"])
    XCTAssertEqual(
      document.blocks.map(\.start),
      [raw.position(of: "Loose"), raw.position(of: "in a div"), raw.position(of: "after")])
  }

  // MARK: Lists

  func testNestedListsDepthParentAndOrder() {
    let text = """
      <ul>
        <li>alpha
          <ol>
            <li>beta</li>
            <li>gamma
              <ul><li>delta</li></ul>
            </li>
          </ol>
          alpha tail
        </li>
        <li>epsilon</li>
      </ul>
      <ol><li>zeta</li></ol>
      """
    let (document, raw) = parse(text)
    let items = document.blocks
    XCTAssertEqual(items.count, 6)
    XCTAssertEqual(
      items.map { $0.text.string.split(separator: "\n").first.map(String.init) },
      ["alpha", "beta", "gamma", "delta", "epsilon", "zeta"])
    XCTAssertTrue(items[0].text.string.hasSuffix("alpha tail"))
    let lists = items.map { $0.list! }
    XCTAssertEqual(lists.map(\.depth), [1, 2, 2, 3, 1, 1])
    XCTAssertEqual(lists.map(\.parent), [nil, 0, 0, 2, nil, nil])
    XCTAssertEqual(lists.map(\.ordered), [false, true, true, false, false, true])
    XCTAssertEqual(items.map(\.start.line), [2, 4, 5, 6, 11, 13])
    XCTAssertEqual(items[3].start, raw.position(of: "<li>delta"))
    assertMapped(items[0].text, "alpha tail", in: raw)
    assertMapped(items[3].text, "delta", in: raw)
    assertMapped(items[5].text, "zeta", in: raw)
  }

  func testCheckboxTaskItems() {
    let text = """
      <ul>
      <li><input type="checkbox" checked> done item</li>
      <li><input type="checkbox"> open item</li>
      <li><input type="CHECKBOX" checked="checked"/> also done</li>
      <li><input type="text"> not a task</li>
      <li>[ ] typed task</li>
      <li>plain</li>
      </ul>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(
      document.blocks.map { $0.list?.task },
      [.checked, .unchecked, .checked, TaskState.none, .unchecked, TaskState.none])
    XCTAssertEqual(document.blocks[0].text.string, "done item")
    assertMapped(document.blocks[1].text, "open item", in: raw)
  }

  // MARK: Tables

  func testTableWithHeaderCells() {
    let text = """
      <table>
        <thead><tr><th>Task</th><th>Owner</th></tr></thead>
        <tbody>
          <tr><td>Write <b>spec</b></td><td>Marco</td></tr>
          <tr>
            <td>Review</td>
            <td>Giulia</td>
          </tr>
        </tbody>
      </table>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.tables.count, 1)
    let table = document.tables[0]
    XCTAssertEqual(table.start, SourcePosition(line: 1, column: 1))
    XCTAssertEqual(table.rows.map(\.count), [2, 2, 2])
    XCTAssertEqual(table.rowLines, [2, 4, 5])
    XCTAssertEqual(table.header.map { document.blocks[$0].text.string }, ["Task", "Owner"])
    func cell(_ row: Int, _ column: Int) -> Block { document.blocks[table.rows[row][column]] }
    XCTAssertEqual(cell(1, 0).text.string, "Write spec")
    XCTAssertEqual(cell(2, 1).text.string, "Giulia")
    for row in 0..<3 {
      for column in 0..<2 {
        XCTAssertEqual(cell(row, column).kind, .tableCell)
        XCTAssertEqual(cell(row, column).cell, TableCellInfo(table: 0, row: row, column: column))
      }
    }
    XCTAssertEqual(cell(2, 0).start, SourcePosition(line: 6, column: 7))
    XCTAssertEqual(cell(2, 1).start, SourcePosition(line: 7, column: 7))
    assertMapped(cell(0, 1).text, "Owner", in: raw)
    assertMapped(cell(1, 0).text, "spec", in: raw)
    assertMapped(cell(1, 1).text, "Marco", in: raw)
    assertMapped(cell(2, 1).text, "Giulia", in: raw)
  }

  func testTableWithoutHeaderCellsUsesFirstRowAsHeader() {
    let text =
      "<table>\n<tr><td>Azione</td><td>Responsabile</td></tr>\n<tr><td>Inviare report</td><td>Luca</td></tr>\n</table>\n"
    let (document, raw) = parse(text)
    let table = document.tables[0]
    XCTAssertEqual(table.rowLines, [2, 3])
    XCTAssertEqual(
      table.header.map { document.blocks[$0].text.string }, ["Azione", "Responsabile"])
    XCTAssertTrue(document.blocks[table.rows[0][1]].cell!.isHeader)
    XCTAssertFalse(document.blocks[table.rows[1][1]].cell!.isHeader)
    assertMapped(document.blocks[table.rows[1][0]].text, "Inviare report", in: raw)
    assertMapped(document.blocks[table.rows[1][1]].text, "Luca", in: raw)
  }

  func testParagraphsInsideCellsAndItemsAreTheirText() {
    // Google Docs and Word exports wrap the text of every cell and item in <p>.
    let text = """
      <table><tr><td><p>Azione</p></td><td><p>Owner</p></td></tr>
      <tr><td><p>Inviare il report</p><p>entro venerdì</p></td><td><p><span>Marco</span></p></td></tr></table>
      <ul><li><p>first para</p><p>second para</p></li></ul>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(
      document.blocks.map(\.kind), [.tableCell, .tableCell, .tableCell, .tableCell, .listItem])
    XCTAssertEqual(
      texts(document),
      [
        "Azione", "Owner", "Inviare il report\n\nentro venerdì", "Marco",
        "first para\n\nsecond para",
      ])
    XCTAssertEqual(document.blocks[2].cell, TableCellInfo(table: 0, row: 1, column: 0))
    XCTAssertEqual(document.blocks[2].endLine, 2)
    assertMapped(document.blocks[2].text, "entro venerdì", in: raw)
    assertMapped(document.blocks[3].text, "Marco", in: raw)
    assertMapped(document.blocks[4].text, "second para", in: raw)
  }

  func testDefinitionListsAndDivs() {
    let (document, raw) = parse(
      "<dl><dt>Term</dt><dd>Meaning</dd></dl>\n<div>intro<p>para</p>outro</div>")
    XCTAssertEqual(texts(document), ["Term", "Meaning", "intro", "para", "outro"])
    XCTAssertEqual(document.blocks.map(\.kind), Array(repeating: BlockKind.paragraph, count: 5))
    assertMapped(document.blocks[4].text, "outro", in: raw)
  }

  // MARK: Inline content

  func testLineBreaks() {
    let (document, raw) = parse("<p>first line<br>second line<br/>\nthird line</p>")
    XCTAssertEqual(document.blocks[0].text.string, "first line\nsecond line\nthird line")
    assertMapped(document.blocks[0].text, "second line", in: raw)
    assertMapped(document.blocks[0].text, "third line", in: raw)
    XCTAssertEqual(document.blocks[0].endLine, 2)
  }

  func testEntities() {
    let text = "<p>Caff&egrave; &amp; t&#232; l&rsquo;IA&nbsp;ora &#x20AC;5 &lt;tag&gt;</p>\n"
    let (document, raw) = parse(text)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "Caffè & tè l\u{2019}IA\u{A0}ora €5 <tag>")
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "è")!), raw.position(of: "&egrave;"))
    XCTAssertEqual(block.text.position(at: block.text.offset(of: "&")!), raw.position(of: "&amp;"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "è", occurrence: 2)!),
      raw.position(of: "&#232;"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "\u{2019}")!), raw.position(of: "&rsquo;"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "\u{A0}")!), raw.position(of: "&nbsp;"))
    XCTAssertEqual(
      block.text.position(at: block.text.offset(of: "€")!), raw.position(of: "&#x20AC;"))
    assertMapped(block.text, "IA", in: raw)
    assertMapped(block.text, "ora", in: raw)
    assertMapped(block.text, "tag", in: raw)
    assertMapped(block.text, "5", in: raw)
  }

  func testCodeScriptStyleAndNoscriptAreNeverProse() {
    let text = """
      <html><head>
      <style>p { content: "soon"; }</style>
      <script>var later = "ASAP";</script>
      </head><body>
      <p>Run <code>make soon</code> now.</p>
      <pre>
      code block etc.
      more code
      </pre>
      <noscript>enable scripts soon</noscript>
      <script>
      if (a < b) { later(); }
      </script>
      <p>After all.</p>
      </body></html>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.blocks.map(\.kind), [.paragraph, .code, .paragraph])
    XCTAssertEqual(prose(document).map(\.text.string), ["Run \u{FFFC} now.", "After all."])
    XCTAssertEqual(document.blocks[0].text.position(at: 4), raw.position(of: "<code>"))
    assertMapped(document.blocks[0].text, " now.", in: raw)
    XCTAssertEqual(document.blocks[1].start, raw.position(of: "<pre>"))
    XCTAssertEqual(document.blocks[1].endLine, 9)
    assertMapped(document.blocks[2].text, "After all.", in: raw)
    XCTAssertEqual(document.blocks[2].start.line, 14)
    for block in prose(document) {
      for word in ["soon", "ASAP", "later", "etc", "code", "scripts"] {
        XCTAssertFalse(block.text.string.contains(word), "\(word) in \(block.text.string)")
      }
    }
  }

  func testCommentsAreCollectedWithTheirLines() {
    let text = """
      <!-- notelint-disable before the root -->
      <html><body>
      <p>Text <!-- inline --> more</p>
      <!--
        several
        lines -->
      <p>End.</p>
      </body></html>
      <!-- after the root -->
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(
      document.comments.map(\.text),
      [
        " notelint-disable before the root ", " inline ", "\n  several\n  lines ",
        " after the root ",
      ])
    XCTAssertEqual(document.comments.map(\.start.line), [1, 3, 4, 9])
    XCTAssertEqual(document.comments.map(\.endLine), [1, 3, 6, 9])
    XCTAssertEqual(document.comments[1].start, raw.position(of: "<!-- inline"))
    XCTAssertEqual(texts(document), ["Text more", "End."])
    assertMapped(document.blocks[0].text, "more", in: raw)
  }

  func testFragmentWithoutHTMLOrBody() {
    let (document, raw) = parse(
      "<!-- top -->\n<h2>Azioni</h2>\n<ul><li>Marco invia il report</li></ul>\n")
    XCTAssertEqual(document.comments.map(\.text), [" top "])
    XCTAssertEqual(texts(document), ["Azioni", "Marco invia il report"])
    assertMapped(document.blocks[1].text, "invia il report", in: raw)
  }

  func testBlockquoteDepth() {
    let (document, _) = parse(
      "<blockquote><p>outer</p><blockquote><p>inner</p></blockquote></blockquote><p>none</p>")
    XCTAssertEqual(document.blocks.map(\.quoteDepth), [1, 2, 0])
  }

  func testHTML5ElementsAndUppercaseTags() {
    let text =
      "<SECTION>\n<H2>Next steps</H2>\n<NAV>skip me not</NAV>\n<P>Final <EM>word</EM>.</P>\n</SECTION>\n"
    let (document, raw) = parse(text)
    XCTAssertEqual(texts(document), ["Next steps", "skip me not", "Final word."])
    XCTAssertEqual(document.blocks[0].start, SourcePosition(line: 2, column: 1))
    assertMapped(document.blocks[2].text, "word", in: raw)
  }

  func testCRLFAndLoneCRInHTML() {
    let crlf = "<p>one\r\n  two\r\nthree</p>\r\n<p>four</p>\r\n"
    let (document, raw) = parse(crlf)
    XCTAssertEqual(document.blocks.count, 2)
    assertMapped(document.blocks[0].text, "two", in: raw)
    assertMapped(document.blocks[0].text, "three", in: raw)
    XCTAssertEqual(document.blocks[0].endLine, 3)
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 4, column: 1))
    let lone = "<p>one\r  two\rthree</p>\r<p>four</p>"
    let (loneDocument, loneRaw) = parse(lone)
    assertMapped(loneDocument.blocks[0].text, "three", in: loneRaw)
    XCTAssertEqual(loneDocument.blocks[1].start, SourcePosition(line: 4, column: 1))
  }

  func testDeepNestingDoesNotOverflow() {
    let depth = 100_000
    let text =
      String(repeating: "<div>", count: depth) + "<p>deep</p>"
      + String(repeating: "</div>", count: depth)
    let document = HTMLParser.parse(SourceFile(path: "deep.html", text: text))
    XCTAssertEqual(document.blocks.last?.text.string, "deep")
    let lists = String(repeating: "<ul><li>x", count: 2000)
    XCTAssertFalse(HTMLParser.parse(SourceFile(path: "lists.html", text: lists)).blocks.isEmpty)
  }

  func testLinksImagesAndAttributes() {
    let text = """
      <p><a title="Marco > Giulia" href="/people">Marco</a> sends <img alt="a chart soon" src="c.png"> the
      <a href="https://x.org/r">https://x.org/r</a> and <a href="mailto:me@x.it">me@x.it</a> today.</p>
      """
    let (document, raw) = parse(text)
    let block = document.blocks[0]
    XCTAssertEqual(block.text.string, "Marco sends the\n\u{FFFC} and \u{FFFC} today.")
    XCTAssertEqual(block.links.map(\.url), ["/people", "https://x.org/r", "mailto:me@x.it"])
    XCTAssertEqual(block.links.map(\.range), [0..<5, 16..<17, 22..<23])
    XCTAssertEqual(block.text.position(at: 0), raw.position(of: "Marco<"))
    XCTAssertEqual(block.text.position(at: 16), raw.position(of: "https://x.org/r<"))
    XCTAssertEqual(block.text.position(at: 22), raw.position(of: "me@x.it<"))
    assertMapped(block.text, " today.", in: raw)
    XCTAssertFalse(block.text.string.contains("soon"))
  }

  func testTextComparisonsAndHeadingInsideListItem() {
    let (document, raw) = parse("<ul><li><h3>Title in item</h3><p>if a < b then c</p></li></ul>")
    XCTAssertEqual(document.blocks.map(\.kind), [.listItem, .heading(level: 3)])
    XCTAssertEqual(document.blocks[1].text.string, "Title in item")
    XCTAssertEqual(document.blocks[0].text.string, "if a < b then c")
    assertMapped(document.blocks[0].text, "if a < b then c", in: raw)
  }

  func testTitleWithEntities() {
    let (document, _) = parse(
      "<html><head><title>  Riunione &egrave; fissata  </title></head><body><p>x</p></body></html>")
    XCTAssertEqual(document.title, "Riunione è fissata")
    XCTAssertEqual(document.blocks.map(\.text.string), ["x"])
  }

  func testLineNumbersPastLibxml2Limit() {
    let filler = String(repeating: "\n", count: 70_000)
    let text =
      "<p>first</p>" + filler
      + "<p>far <b>away</b> text</p>\n<table><tr><td>cell</td></tr></table>\n"
    let (document, _) = parse(text)
    XCTAssertEqual(document.blocks.map(\.text.string), ["first", "far away text", "cell"])
    XCTAssertEqual(document.blocks[1].start, SourcePosition(line: 70_001, column: 1))
    XCTAssertEqual(
      document.blocks[1].text.position(at: 4), SourcePosition(line: 70_001, column: 11))
    XCTAssertEqual(document.tables.first?.rowLines, [70_002])
  }

  // MARK: A realistic export

  func testRealisticExportMapsEveryScalar() {
    let text = """
      <!DOCTYPE html>
      <html lang="it">
      <head>
        <meta charset="utf-8">
        <title>Verbale &ndash; 5 marzo</title>
        <style>.c1 { color: red; }</style>
      </head>
      <body class="doc">
        <h1 id="t"><span class="c1">Verbale</span> della riunione</h1>
        <p class="c2"><span>Presenti: Marco, Giulia e </span><span class="c3">il team</span><span>.</span></p>
        <p>Si &egrave; deciso di <em>migliorare</em> l&rsquo;onboarding &mdash; vedi
           <a href="https://docs.example.com/onb">il documento</a>.</p>
        <h2>Prossimi passi</h2>
        <ol>
          <li><p>Marco invier&agrave; il report <strong>entro venerd&igrave;</strong></p></li>
          <li><input type="checkbox" checked disabled> Giulia ha aggiornato la <abbr>KPI</abbr><!-- ok --></li>
        </ol>
        <table border="1">
          <tr><th>Azione</th><th>Owner</th></tr>
          <tr><td><p>Analisi dati</p></td><td><p>&mdash;</p></td></tr>
        </table>
        <script>document.write("presto")</script>
        <p>Fine.<br>Ultima riga.</p>
      </body>
      </html>
      """
    let (document, raw) = parse(text)
    XCTAssertEqual(document.title, "Verbale \u{2013} 5 marzo")
    XCTAssertEqual(document.blocks[0].text.string, "Verbale della riunione")
    assertMapped(document.blocks[0].text, " della riunione", in: raw)
    XCTAssertEqual(document.blocks[1].text.string, "Presenti: Marco, Giulia e il team.")
    assertMapped(document.blocks[1].text, "il team", in: raw)
    let decided = document.blocks[2]
    XCTAssertEqual(
      decided.text.string, "Si è deciso di migliorare l\u{2019}onboarding \u{2014} vedi\n     il documento.")
    assertMapped(decided.text, " deciso di ", in: raw)
    assertMapped(decided.text, "onboarding", in: raw)
    assertMapped(decided.text, "il documento", in: raw)
    XCTAssertEqual(decided.links.map(\.url), ["https://docs.example.com/onb"])
    XCTAssertEqual(decided.start.line, 11)
    XCTAssertEqual(decided.endLine, 12)
    let items = document.blocks.filter { $0.kind == .listItem }
    XCTAssertEqual(items.map(\.text.string), ["Marco invierà il report entro venerdì", "Giulia ha aggiornato la KPI"])
    XCTAssertEqual(items.map { $0.list?.task }, [TaskState.none, .checked])
    XCTAssertEqual(items.map { $0.list?.ordered }, [true, true])
    assertMapped(items[0].text, "entro venerd", in: raw)
    XCTAssertEqual(items[0].text.position(at: items[0].text.offset(of: "ì")!), raw.position(of: "&igrave;"))
    assertMapped(items[1].text, "KPI", in: raw)
    XCTAssertEqual(document.comments.map(\.start), [raw.position(of: "<!-- ok")])
    XCTAssertEqual(document.tables[0].rowLines, [19, 20])
    XCTAssertEqual(document.blocks[document.tables[0].rows[1][0]].text.string, "Analisi dati")
    XCTAssertEqual(document.blocks[document.tables[0].rows[1][1]].text.string, "\u{2014}")
    let last = document.blocks.last!
    XCTAssertEqual(last.text.string, "Fine.\nUltima riga.")
    assertMapped(last.text, "Ultima riga.", in: raw)
    XCTAssertFalse(document.blocks.contains { $0.text.string.contains("presto") || $0.text.string.contains("color") })
    XCTAssertEqual(document.blocks.map(\.section), [nil, 0, 0, 0, 3, 3, 3, 3, 3, 3, 3])
  }

  // MARK: Charsets

  func testLatin1DeclaredCharset() throws {
    var bytes = Array("<html><head><meta charset=\"iso-8859-1\"></head><body>\n<p>Perch".utf8)
    bytes += [0xE9, 0x20]  // é
    bytes +=
      Array("citt".utf8) + [0xE0] + Array(" e pi".utf8) + [0xF9] + Array(" caff".utf8) + [0xE8]
    bytes += Array(" ok.</p>\n</body></html>\n".utf8)
    let (document, source) = try XCTUnwrap(parse(bytes: bytes))
    XCTAssertEqual(source.encoding, .latin1)
    XCTAssertEqual(document.blocks.map(\.text.string), ["Perché città e più caffè ok."])
    let raw = RawSource(String(String.UnicodeScalarView(source.scalars)))
    assertTextMapsToSource(document, raw)
    assertMapped(document.blocks[0].text, "più", in: raw)
    XCTAssertEqual(
      document.blocks[0].text.position(at: document.blocks[0].text.offset(of: "ok")!),
      SourcePosition(line: 2, column: 29))
  }

  func testWindows1252DeclaredCharset() throws {
    var bytes = Array(
      "<html><head>\n<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">\n</head><body>\n"
        .utf8)
    bytes +=
      Array("<p>".utf8) + [0x93] + Array("Quoted".utf8) + [0x94] + Array(" costs 5".utf8) + [0x80]
    bytes +=
      Array(" and it".utf8) + [0x92] + Array("s fine ".utf8) + [0x96]
      + Array(" really.</p>\n</body></html>".utf8)
    let (document, source) = try XCTUnwrap(parse(bytes: bytes))
    XCTAssertEqual(source.encoding, .windows1252)
    XCTAssertEqual(
      document.blocks.map(\.text.string),
      ["\u{201C}Quoted\u{201D} costs 5€ and it\u{2019}s fine \u{2013} really."])
    let raw = RawSource(String(String.UnicodeScalarView(source.scalars)))
    assertTextMapsToSource(document, raw)
    assertMapped(document.blocks[0].text, "€ and it\u{2019}s", in: raw)
    XCTAssertEqual(document.blocks[0].text.position(at: 0), SourcePosition(line: 4, column: 4))
  }

  func testLatin1DeclarationWithWindowsPunctuationDecodesAsWindows1252() throws {
    // Browsers read ISO-8859-1 as Windows-1252: 0x80–0x9F are punctuation, not control codes.
    var bytes = Array("<meta charset=latin1><p>it".utf8) + [0x92] + Array("s ".utf8) + [0x80, 0xE8]
    bytes += Array("</p>".utf8)
    let (document, source) = try XCTUnwrap(parse(bytes: bytes))
    XCTAssertEqual(source.encoding, .latin1)
    XCTAssertEqual(document.blocks.map(\.text.string), ["it\u{2019}s €è"])
  }

  func testUTF8BOMWinsOverDeclaredCharset() throws {
    let bytes: [UInt8] =
      [0xEF, 0xBB, 0xBF] + Array("<meta charset=\"iso-8859-1\"><p>Perché sì</p>\n".utf8)
    let (document, source) = try XCTUnwrap(parse(bytes: bytes))
    XCTAssertTrue(source.hadBOM)
    XCTAssertEqual(source.encoding, .utf8)
    XCTAssertEqual(source.scalars.first, "<")
    XCTAssertEqual(document.blocks.map(\.text.string), ["Perché sì"])
    XCTAssertEqual(document.blocks[0].text.position(at: 0), SourcePosition(line: 1, column: 31))
  }

  func testUTF16WithBOM() throws {
    let text = "<html><body>\n<h1>Titolo</h1>\n<p>Più 😀 avanti.</p>\n</body></html>\n"
    var little: [UInt8] = [0xFF, 0xFE]
    var big: [UInt8] = [0xFE, 0xFF]
    for unit in text.utf16 {
      little += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
      big += [UInt8(unit >> 8), UInt8(unit & 0xFF)]
    }
    for (bytes, encoding) in [(little, TextEncoding.utf16LE), (big, .utf16BE)] {
      let (document, source) = try XCTUnwrap(parse(bytes: bytes))
      XCTAssertEqual(source.encoding, encoding)
      XCTAssertTrue(source.hadBOM)
      XCTAssertEqual(document.blocks.map(\.text.string), ["Titolo", "Più 😀 avanti."])
      let raw = RawSource(text)
      assertTextMapsToSource(document, raw)
      assertMapped(document.blocks[1].text, "avanti.", in: raw)
      XCTAssertEqual(
        document.blocks[1].text.position(at: document.blocks[1].text.offset(of: "avanti")!),
        SourcePosition(line: 3, column: 10))
    }
  }
}
