import NoteLintCore
import NoteLintLanguage
import NoteLintParsing
import NoteLintRules
import XCTest

/// The note's own date and its source, and what it changes for the note's deadlines (issue 14).
final class NoteDateTests: XCTestCase {
  private func markdown(_ text: String, path: String = "notes/minutes.md") -> Document {
    MarkdownParser.parse(SourceFile(path: path, text: text))
  }

  private func html(_ text: String, path: String = "export.html") -> Document {
    HTMLParser.parse(SourceFile(path: path, text: text))
  }

  private let today = CivilDate(year: 2026, month: 12, day: 7)!

  func testSourcesInOrder() {
    let front = markdown("---\ndate: 2019-03-04\n---\n# Weekly sync 11 March 2019\n", path: "2018-01-01.md")
    XCTAssertEqual(
      NoteDate.of(front, today: today), NoteDate(date: CivilDate(year: 2019, month: 3, day: 4)!, source: .frontMatter))
    let heading = markdown("# Weekly sync 11 March 2019\n\n- Anna sends the deck\n", path: "2018-01-01.md")
    XCTAssertEqual(NoteDate.of(heading, today: today).source, .body)
    XCTAssertEqual(NoteDate.of(heading, today: today).date.description, "2019-03-11")
    let verbale = markdown("# Verbale della riunione del 12/03/2019\n")
    XCTAssertEqual(NoteDate.of(verbale, today: today).date.description, "2019-03-12")
    let field = markdown("Notes of the team\n\n**Date:** 2019-09-04\n\n- Ann fixes CI\n")
    XCTAssertEqual(
      NoteDate.of(field, today: today), NoteDate(date: CivilDate(year: 2019, month: 9, day: 4)!, source: .body))
    let campo = markdown("Riunione di progetto\n\nData: 5 ottobre 2021\n")
    XCTAssertEqual(NoteDate.of(campo, today: today).date.description, "2021-10-05")
    // A heading date without its year says nothing of the year: the file name decides.
    let noYear = markdown("# Sprint review 4 March\n", path: "notes/2020-03-05-review.md")
    XCTAssertEqual(
      NoteDate.of(noYear, today: today), NoteDate(date: CivilDate(year: 2020, month: 3, day: 5)!, source: .fileName))
    XCTAssertEqual(NoteDate.of(markdown("# Notes\n"), today: today), NoteDate(date: today, source: .today))
  }

  func testHTMLTitleAndMeta() {
    let titled = html("<html><head><title>Weekly call -- 04 Sep 2019</title></head><body><p>Hi</p></body></html>")
    XCTAssertEqual(NoteDate.of(titled, today: today).source, .title)
    XCTAssertEqual(NoteDate.of(titled, today: today).date.description, "2019-09-04")
    let meta = html("<html><head><meta name=\"date\" content=\"2018-06-01\"></head><body><p>Hi</p></body></html>")
    XCTAssertEqual(
      NoteDate.of(meta, today: today), NoteDate(date: CivilDate(year: 2018, month: 6, day: 1)!, source: .meta))
  }

  func testBodyDateIsTheReference() {
    let document = markdown("# Weekly sync 12 January 2027\n\n- [ ] Anna: fix the build by 18 Dec\n")
    let analysis = DocumentAnalysis(document: document, options: RuleOptions(today: today))
    XCTAssertEqual(analysis.dateContext.reference.description, "2027-01-12")
    let item = try? XCTUnwrap(analysis.actionItems.first)
    // Nearest occurrence around the note's date: last December.
    XCTAssertEqual(item.flatMap { analysis.deadline(of: $0) }?.due?.description, "2026-12-18")
  }

  func testDateOrderPerNote() {
    let options = RuleOptions(today: today)
    let us = markdown("---\nlang: en-US\ndate: 2026-11-23\n---\n- [ ] Ann: ship by 12/01\n")
    XCTAssertEqual(DocumentAnalysis(document: us, options: options).dateContext.order, .monthFirst)
    let inferred = markdown("Kickoff was 11/17/2026.\n\n- [ ] Ann: ship by 12/01\n")
    XCTAssertEqual(DocumentAnalysis(document: inferred, options: options).dateContext.order, .monthFirst)
    let european = markdown("Kickoff il 17/11/2026.\n\n- [ ] Anna: consegna entro il 12/01\n")
    XCTAssertEqual(DocumentAnalysis(document: european, options: options).dateContext.order, .dayFirst)
    let declared = markdown("---\ndate-order: month-first\n---\n- [ ] Ann: ship by 12/01\n")
    XCTAssertEqual(DocumentAnalysis(document: declared, options: options).dateContext.order, .monthFirst)
  }

  func testSprintFromFrontMatter() {
    let document = markdown(
      "---\ndate: 2026-11-23\nsprint: {start: 2026-11-02, length-days: 14}\n---\n- [ ] Ann: finish by end of sprint 3\n"
    )
    let analysis = DocumentAnalysis(document: document, options: RuleOptions(today: today))
    XCTAssertEqual(analysis.dateContext.sprintOne?.description, "2026-11-02")
    let due = analysis.actionItems.first.flatMap { analysis.deadline(of: $0) }?.due
    XCTAssertEqual(due?.description, "2026-12-13")
  }

  func testDoneByCompletionDateAndExportMarkup() {
    let options = RuleOptions(today: today)
    let note = markdown(
      "---\ndate: 2026-11-23\n---\n- [ ] Sam: migrate the DB (done 2 Oct)\n- [ ] Ann: fix CI by 2 Oct\n")
    let items = DocumentAnalysis(document: note, options: options).actionItems
    XCTAssertEqual(items.map(\.done), [true, false])
    let confluence = html(
      """
      <html><body><ul class="inline-task-list">
      <li data-inline-task-id="1" class="checked">Marco to send the deck by 2026-11-10</li>
      <li data-inline-task-id="2">Anna to fix CI by 2026-11-10</li>
      </ul><ul class="to-do-list"><li><div class="checkbox checkbox-on"></div> <span>Luca to ship by 2026-11-10</span></li></ul>
      </body></html>
      """)
    let tasks = confluence.blocks.filter { $0.kind == .listItem }.map { $0.list?.task }
    // A Confluence inline task with no state written is an open task.
    XCTAssertEqual(tasks, [.checked, .unchecked, .checked])
    let open = html(
      "<html><body><ul class=\"inline-task-list\"><li data-inline-task-id=\"7\">look into the memory leak</li></ul></body></html>"
    )
    let found = DocumentAnalysis(document: open, options: options).actionItems
    XCTAssertEqual(found.map(\.done), [false])
    XCTAssertEqual(found.map(\.source), [.task])
  }
}
