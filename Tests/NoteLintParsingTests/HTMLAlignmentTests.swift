import NoteLintCore
import XCTest

@testable import NoteLintParsing

/// Positions on HTML as real tools export it: every scalar of every block, and every word a finding
/// would name, must sit on its own line and column of the raw file. The documents are written for the
/// test in the shapes of Google Docs, Word "Save as HTML", Confluence (storage format and export),
/// Notion, W3C scribe minutes and Outlook/OneNote, with entities, `&nbsp;`-only cells, conditional
/// comments and CRLF line endings.
final class HTMLAlignmentTests: XCTestCase {
  /// Parses `text` (with CRLF line endings when asked), checks that every prose scalar maps onto the
  /// source, and that each of `words` (the words findings name) starts where it stands in the raw text.
  @discardableResult
  private func check(
    _ text: String, crlf: Bool = false, words: [String], file: StaticString = #filePath, line: UInt = #line
  ) -> Document {
    let body = crlf ? text.replacingOccurrences(of: "\n", with: "\r\n") : text
    let raw = RawSource(body)
    let document = HTMLParser.parse(SourceFile(path: "export.html", text: body))
    assertTextMapsToSource(document, raw, file: file, line: line)
    for word in words {
      guard let block = document.blocks.first(where: { $0.text.offset(of: word) != nil }) else {
        XCTFail("\"\(word)\" is in no block", file: file, line: line)
        continue
      }
      assertMapped(block.text, word, in: raw, file: file, line: line)
    }
    for block in document.blocks where !block.text.isEmpty && block.kind != .code {
      // A block starts at or before its first scalar and ends on or after its last one.
      let first = block.text.position(at: 0)
      let last = block.text.position(at: block.text.count - 1)
      XCTAssertLessThanOrEqual(block.start, first, "start of \"\(block.text.string)\"", file: file, line: line)
      XCTAssertGreaterThanOrEqual(block.endLine, last.line, "end of \"\(block.text.string)\"", file: file, line: line)
    }
    return document
  }

  func testGoogleDocsExport() {
    let text = """
      <html><head><meta content="text/html; charset=UTF-8" http-equiv="content-type"><style type="text/css">\
      ol{margin:0;padding:0}.c1{color:#000000;font-weight:400}.c2{padding-top:0pt}</style></head>\
      <body class="c5 doc-content"><p class="c2 title" id="h.x1"><span class="c1">Weekly sync &ndash; 3 March</span></p>\
      <p class="c2"><span class="c1">Attendees: Priya, Tomás, Wen</span></p><h2 class="c3" id="h.x2">\
      <span class="c4">Decisions</span></h2><p class="c2"><span class="c1">We&rsquo;ll probably move the \
      launch</span><span class="c1">&nbsp;to April</span></p><ul class="c6 lst-kix_a-0 start">\
      <li class="c2 c7 li-bullet-0"><span class="c1">&#9744; Priya to draft the FAQ by Friday</span></li>\
      <li class="c2 c7 li-bullet-0"><span class="c1">&#9745; Wen sent the invoice</span></li>\
      <li class="c2 c7 li-bullet-0"><span class="c1">Someone should look into the crash asap</span></li></ul>\
      <table class="c9"><tr class="c8"><td class="c10" colspan="1" rowspan="1"><p class="c2"><span class="c1">Owner</span></p></td>\
      <td class="c10" colspan="1" rowspan="1"><p class="c2"><span class="c1">Task</span></p></td></tr>\
      <tr class="c8"><td class="c10" colspan="1" rowspan="1"><p class="c2 c11"><span class="c1"></span></p></td>\
      <td class="c10" colspan="1" rowspan="1"><p class="c2"><span class="c1">Improve the dashboard soon</span></p></td></tr>\
      </table><p class="c2 c11"><span class="c1"></span></p></body></html>
      """
    // Google Docs writes the whole document on one line.
    let document = check(text, words: ["probably", "Friday", "invoice", "asap", "Improve", "soon"])
    let items = document.blocks.filter { $0.kind == .listItem }
    XCTAssertEqual(items.map { $0.list?.task }, [.unchecked, .checked, TaskState.none])
  }

  func testWordSaveAsHTML() {
    let text = """
      <html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
      xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
      <head>
      <meta http-equiv=Content-Type content="text/html; charset=windows-1252">
      <meta name=Generator content="Microsoft Word 15 (filtered)">
      <!--[if gte mso 9]><xml>
       <o:DocumentProperties>
        <o:Author>Ufficio PMO</o:Author>
        <o:Created>2026-03-02T09:00:00Z</o:Created>
       </o:DocumentProperties>
      </xml><![endif]--><!--[if gte mso 9]><xml>
       <w:WordDocument>
        <w:View>Print</w:View>
       </w:WordDocument>
      </xml><![endif]-->
      <style>
      <!--
       p.MsoNormal, li.MsoNormal {margin:0cm; font-size:11.0pt; font-family:"Calibri",sans-serif;}
      -->
      </style>
      </head>
      <body lang=IT style='tab-interval:35.4pt'>
      <div class=WordSection1>
      <p class=MsoTitle>Verbale della riunione del 2 marzo<o:p></o:p></p>
      <p class=MsoNormal><o:p>&nbsp;</o:p></p>
      <p class=MsoNormal style='mso-margin-top-alt:auto'>Si &egrave; deciso di migliorare
      l&#8217;onboarding, forse entro fine mese.<o:p></o:p></p>
      <p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span
      style='font-family:Symbol'><span style='mso-list:Ignore'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
      </span></span></span><![endif]>Marco analizzer&agrave; i dati al pi&ugrave; presto<o:p></o:p></p>
      <p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><!--[if !supportLists]--><span
      style='mso-list:Ignore'>&middot;<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
      </span></span><!--[endif]-->Qualcuno dovrebbe sistemare il report<o:p></o:p></p>
      <table class=MsoTableGrid border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;mso-yfti-tbllook:1184'>
       <tr style='mso-yfti-irow:0;mso-yfti-firstrow:yes'>
        <td width=200 valign=top style='width:150pt;padding:0cm 5.4pt 0cm 5.4pt'>
        <p class=MsoNormal><b>Azione<o:p></o:p></b></p>
        </td>
        <td width=200 valign=top style='width:150pt;padding:0cm 5.4pt 0cm 5.4pt'>
        <p class=MsoNormal><b>Responsabile<o:p></o:p></b></p>
        </td>
       </tr>
       <tr style='mso-yfti-irow:1'>
        <td width=200 valign=top>
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>
        </td>
        <td width=200 valign=top>
        <p class=MsoNormal>&nbsp;</p>
        </td>
       </tr>
       <tr style='mso-yfti-irow:2;mso-yfti-lastrow:yes'>
        <td width=200 valign=top>
        <p class=MsoNormal>Ottimizzare le prestazioni a breve<o:p></o:p></p>
        </td>
        <td width=200 valign=top>
        <p class=MsoNormal>il team<o:p></o:p></p>
        </td>
       </tr>
      </table>
      <p class=MsoNormal><span style='mso-bookmark:_Hlk1'>Probabilmente</span> serve un&nbsp;secondo giro.</p>
      </div>
      </body>
      </html>
      """
    for crlf in [false, true] {
      let document = check(
        text, crlf: crlf,
        words: [
          "migliorare", "forse", "presto", "Qualcuno", "sistemare", "Ottimizzare", "a breve", "il team",
          "Probabilmente", "secondo giro",
        ])
      XCTAssertEqual(document.tables.first?.rowLines, [35, 43, 51])
    }
  }

  func testConfluenceStorageFormat() {
    let text = """
      <h1>Sprint review</h1>
      <p>Notes from the review.&nbsp;We should probably&nbsp;<strong>rethink</strong> the backlog.</p>
      <ac:task-list>
      <ac:task>
      <ac:task-id>1</ac:task-id>
      <ac:task-status>complete</ac:task-status>
      <ac:task-body><ac:link><ri:user ri:userkey="8a7f" /></ac:link> deploy the fix by <time datetime="2026-03-06" /></ac:task-body>
      </ac:task>
      <ac:task>
      <ac:task-id>2</ac:task-id>
      <ac:task-status>incomplete</ac:task-status>
      <ac:task-body>someone needs to improve the alerting soon</ac:task-body>
      </ac:task>
      </ac:task-list>
      <ac:structured-macro ac:name="info" ac:schema-version="1"><ac:rich-text-body>
      <p>Budget is &euro;&nbsp;5k, maybe more.</p>
      </ac:rich-text-body></ac:structured-macro>
      <table><colgroup><col /><col /></colgroup><tbody>
      <tr><th><p>Item</p></th><th><p>Who</p></th></tr>
      <tr><td><p>&nbsp;</p></td><td>&nbsp;</td></tr>
      <tr><td><p>Clean up the flaky tests ASAP</p></td><td><p>TBD</p></td></tr>
      </tbody></table>
      """
    let document = check(text, words: ["probably", "rethink", "deploy", "improve", "soon", "maybe", "ASAP", "TBD"])
    XCTAssertEqual(document.tables.first?.rowLines, [19, 20, 21])
  }

  func testConfluenceExport() {
    let text = """
      <!DOCTYPE html>
      <html>
          <head>
              <title>Team Space : Retro 12 March</title>
              <link rel="stylesheet" href="styles/site.css" type="text/css" />
              <META http-equiv="Content-Type" content="text/html; charset=UTF-8">
          </head>
          <body class="theme-default aui-theme-default">
              <div id="page">
                  <div id="main" class="aui-page-panel">
                      <div id="main-header">
                          <h1 id="title-heading" class="pagetitle">
                                                              <span id="title-text">
                                  Team Space : Retro 12 March
                              </span>
                          </h1>
                      </div>
                      <div id="content" class="view">
                          <div class="page-metadata">
                              Created by <span class='author'> Ana Ruiz</span> on Mar 12, 2026
                          </div>
                          <div id="main-content" class="wiki-content group">
      <p>The release went well, &nbsp;probably thanks to the freeze.</p>
      <ul class="inline-task-list" data-inline-tasks-content-id="101">
      <li class="checked" data-inline-task-id="1"><span>Ana to publish the notes by Friday</span></li>
      <li data-inline-task-id="2"><span>look into the memory leak ASAP</span></li>
      </ul>
      <div class="table-wrap"><table class="confluenceTable"><tbody>
      <tr><th class="confluenceTh">Risk</th><th class="confluenceTh">Owner</th></tr>
      <tr><td class="confluenceTd">&nbsp;</td><td class="confluenceTd"><br/></td></tr>
      <tr><td class="confluenceTd">The vendor might be late</td><td class="confluenceTd">&nbsp;Ana</td></tr>
      </tbody></table></div>
                          </div>
                      </div>
                  </div>
              </div>
          </body>
      </html>
      """
    let document = check(text, crlf: true, words: ["probably", "Friday", "memory leak", "ASAP", "might", "Ana"])
    let items = document.blocks.filter { $0.kind == .listItem }
    XCTAssertEqual(items.first?.list?.task, .checked)
    XCTAssertEqual(document.title, "Team Space : Retro 12 March")
  }

  func testNotionExport() {
    let text = """
      <html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"/><title>Kickoff notes</title><style>
      /* cspell:disable-file */
      .page-title { font-size: 2.5rem; }
      </style></head><body><article id="5f1c" class="page sans"><header><h1 class="page-title">Kickoff notes</h1>\
      <table class="properties"><tbody><tr class="property-row property-row-date"><th>Date</th><td><time>@March 9, 2026</time></td></tr>\
      <tr class="property-row"><th>Tags</th><td></td></tr></tbody></table></header><div class="page-body">\
      <p id="a1" class="">We&#x27;ll likely need more GPUs.</p><ul id="a2" class="to-do-list"><li>\
      <div class="checkbox checkbox-on"></div> <span class="to-do-children-checked">Lena booked the room</span>\
      <div class="indented"></div></li></ul><ul id="a3" class="to-do-list"><li><div class="checkbox checkbox-off"></div> \
      <span class="to-do-children-unchecked">Omar to benchmark the cluster by next week</span><div class="indented"></div>\
      </li></ul><table id="a4" class="simple-table"><tbody><tr id="r1"><td id="c1" class="">Action</td><td class="">Due</td></tr>\
      <tr id="r2"><td class="">Improve the docs</td><td class="">&nbsp;</td></tr><tr id="r3"><td class="">\
      </td><td class="">asap</td></tr></tbody></table><p id="a5" class="">\
      </p></div></article></body></html>
      """
    let document = check(text, words: ["likely", "booked", "benchmark", "next week", "Improve", "asap"])
    let items = document.blocks.filter { $0.kind == .listItem }
    XCTAssertEqual(items.map { $0.list?.task }, [.checked, .unchecked])
  }

  func testW3CScribeMinutes() {
    let text = """
      <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
      <html xmlns="http://www.w3.org/1999/xhtml" lang="en" xml:lang="en">
      <head>
        <meta content="text/html; charset=utf-8" http-equiv="Content-Type" />
        <title>Widgets WG &ndash; 04 March 2026</title>
        <link type="text/css" rel="STYLESHEET" href="https://www.w3.org/StyleSheets/base.css" />
      </head>
      <body>
      <p><a href="http://www.w3.org/"><img src="http://www.w3.org/Icons/WWW/w3c_home" alt="W3C" height="48" width="72" /></a></p>
      <h1>&ndash; DRAFT &ndash;<br />
      Widgets WG</h1>
      <h2>04 March 2026</h2>
      <div id="attendees">
      <h2>Attendees</h2>
      <dl class="intro">
      <dt>Present</dt><dd>alice, bob, carol</dd>
      <dt>Chair</dt><dd>alice</dd>
      <dt>Scribe</dt><dd>bob</dd>
      </dl>
      </div>
      <h3 id="t01">Review of the spec</h3>
      <p id="x012" class="phone"><cite>alice:</cite> I think we should maybe split the &lt;widget&gt; section</p>
      <p id="x013" class="phone"><cite>carol:</cite> +1, it&apos;s probably too long</p>
      <p id="x014" class="irc"><cite>&lt;bob&gt;</cite> q+</p>
      <p class="irc"><cite>&lt;alice&gt;</cite> ack bob</p>
      <p id="x016" class="phone"><cite>bob:</cite> someone should check the tests before the next call</p>
      <p class="action"><strong>ACTION:</strong> carol to redraft section&nbsp;3 by next week</p>
      <div id="ActionSummary">
      <h2>Summary of action items</h2>
      <ol>
      <li><a href="#a01">carol to redraft section 3 by next week</a></li>
      </ol>
      </div>
      <address>Minutes manually created (not a transcript), formatted by <a href="https://w3c.github.io/scribe2/scribedoc.html">scribe.perl</a>.</address>
      </body>
      </html>
      """
    let document = check(text, crlf: true, words: ["maybe", "split", "probably", "someone", "redraft", "next week"])
    XCTAssertTrue(document.blocks.contains { $0.text.string.contains("I think we should maybe split the <widget>") })
  }

  func testOutlookAndOneNotePages() {
    let outlook = """
      <html xmlns:o="urn:schemas-microsoft-com:office:office"><head>
      <meta http-equiv="Content-Type" content="text/html; charset=utf-8">
      <!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}</style><![endif]-->
      <style><!--
      @font-face {font-family:"Cambria Math";}
      p.MsoNormal {margin:0cm; font-size:11.0pt;}
      --></style><!--[if gte mso 9]><xml>
      <o:shapedefaults v:ext="edit" spidmax="1026" />
      </xml><![endif]--><!--[if gte mso 9]><xml>
      <o:shapelayout v:ext="edit">
      <o:idmap v:ext="edit" data="1" />
      </o:shapelayout></xml><![endif]-->
      </head>
      <body lang="EN-US" link="#0563C1" vlink="#954F72" style="word-wrap:break-word">
      <div class="WordSection1">
      <p class="MsoNormal">Hi all,<o:p></o:p></p>
      <p class="MsoNormal"><o:p>&nbsp;</o:p></p>
      <p class="MsoNormal">Quick recap: we&#8217;ll probably ship late.&nbsp; Dev team to fix the build asap.<o:p></o:p></p>
      <table class="MsoNormalTable" border="0" cellspacing="0" cellpadding="0">
      <tr>
      <td style="padding:.75pt .75pt .75pt .75pt"><p class="MsoNormal">&nbsp;<o:p></o:p></p></td>
      <td style="padding:.75pt .75pt .75pt .75pt"><p class="MsoNormal"><o:p>&nbsp;</o:p></p></td>
      </tr>
      <tr>
      <td><p class="MsoNormal">Jo<o:p></o:p></p></td>
      <td><p class="MsoNormal">review the contract soon<o:p></o:p></p></td>
      </tr>
      </table>
      <p class="MsoNormal"><span style="color:#1F497D">Thanks,<o:p></o:p></span></p>
      </div>
      </body>
      </html>
      """
    check(outlook, crlf: true, words: ["probably", "Dev team", "asap", "review", "soon"])
    let onenote = """
      <html>
      <head>
      <meta http-equiv="Content-Type" content="text/html; charset=utf-8" />
      <meta name="created" content="2026-03-05T10:00:00.0000000" />
      <title>Planning</title>
      </head>
      <body data-absolute-enabled="true" style="font-family:Calibri;font-size:11pt">
      <div style="position:absolute;left:48px;top:115px;width:624px">
      <p style="margin-top:0pt;margin-bottom:0pt">Planning session&nbsp;&nbsp;&mdash; next steps</p>
      <p data-tag="to-do:completed" style="margin-top:0pt">Kim sent the agenda</p>
      <p data-tag="to-do" style="margin-top:0pt">Raj should perhaps revisit the estimates</p>
      <table style="border:1px solid;border-collapse:collapse">
      <tr><td style="border:1px solid">&nbsp;</td><td style="border:1px solid">&#160;</td></tr>
      <tr><td style="border:1px solid">Someone</td><td style="border:1px solid">speed up the import, ideally soon</td></tr>
      </table>
      </div>
      </body>
      </html>
      """
    check(onenote, words: ["perhaps", "revisit", "Someone", "speed up", "soon"])
  }

  /// Cells holding only `&nbsp;` (or `&#160;`), one after the other: the text after them stays put.
  func testNonBreakingSpaceCellsKeepLaterLines() {
    let text = """
      <table><tr><td>&nbsp;</td><td>&#160;</td><td>&#xA0;</td></tr>
      <tr><td>&nbsp;</td>
      <td>Marco will look into improving the onboarding asap</td></tr></table>
      <p>&nbsp;&nbsp;We should probably improve things soon</p>
      """
    check(text, words: ["Marco", "improving", "asap"])
    check(text, crlf: true, words: ["Marco", "improving", "asap", "probably", "soon"])
  }

  /// Word's conditional comments, both the hidden (`<!--[if …]>…<![endif]-->`) and the revealed
  /// (`<![if …]>…<![endif]>`) kind, before the text.
  func testConditionalCommentsKeepLaterLines() {
    let text = """
      <p class=MsoListParagraph><![if !supportLists]><span>1.<span>&nbsp;&nbsp;
      </span></span><![endif]>Luca will probably finish the draft</p>
      <!--[if gte mso 9]><xml>
      <w:LatentStyles DefLockedState="false">
      </w:LatentStyles>
      </xml><![endif]-->
      <p class=MsoNormal>Sara might review it soon<o:p></o:p></p>
      <!--[if !supportLineBreakNewLine]--><br><!--[endif]-->
      <p>Anna should maybe check the figures</p>
      """
    check(text, crlf: true, words: ["probably", "finish", "might", "soon", "maybe", "figures"])
  }
}
