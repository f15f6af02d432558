import Foundation
import XCTest

/// `notelint actions` and `notelint digest`, run as a user would: the real binary on notes written
/// to a scratch folder, with a configuration roster and front matter owners.
final class ActionsCLITests: XCTestCase {
  private var scratch: URL!

  override func setUpWithError() throws {
    scratch = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-actions-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    try write(".notelint.yml", "roster:\n  - \"Giulia Bianchi (@gbianchi)\"\n")
    try write("notes/2026-11-16-sync.md", Self.englishNote)
    try write("note/verbale-2026-11-18.md", Self.italianNote)
  }

  override func tearDownWithError() throws {
    try? FileManager.default.removeItem(at: scratch)
  }

  static let englishNote = """
    ---
    date: 2026-11-16
    author: Giulia Bianchi
    owners:
      - Marco Rossi (@mrossi)
      - Anna Verdi <anna.verdi@example.com> @averdi
    ---
    # Lead scoring sync

    ## Action items

    - [ ] Marco to send the scoring file by 2026-11-20
    - [ ] Anna: review the holdout lift table by Friday 27 November
    - [x] Marco: book the room for the demo by 2026-11-18
    - [ ] The team will clean the export soon
    - [ ] Set up a shared folder, access rights etc.
    - [ ] Priya to prepare the data dictionary, due 2026-12-15
    - [ ] Anna: run the A/B test in week 49

    """

  static let italianNote = """
    ---
    data: 2026-11-18
    autore: Luca Neri
    ---
    # Verbale riunione

    ## Azioni

    - [ ] Giulia: inviare il report, scadenza 30/11/2026
    - [ ] Luca preparerà i dati entro venerdì
    - [ ] Bisogna verificare i consensi

    """

  @discardableResult
  private func write(_ name: String, _ text: String) throws -> String {
    let url = scratch.appendingPathComponent(name)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
    return url.path
  }

  private func read(_ name: String) throws -> String {
    try String(contentsOf: scratch.appendingPathComponent(name), encoding: .utf8)
  }

  private func run(_ arguments: [String]) throws -> (out: String, err: String, code: Int32) {
    try BuiltBinary.run(arguments, in: scratch)
  }

  private func json(_ arguments: [String]) throws -> [[String: Any]] {
    let result = try run(arguments + ["--format", "json"])
    XCTAssertEqual(result.code, 0, result.err)
    let root = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.out.utf8)) as? [String: Any])
    return try XCTUnwrap(root["actions"] as? [[String: Any]])
  }

  private func find(_ records: [[String: Any]], _ prefix: String) throws -> [String: Any] {
    try XCTUnwrap(records.first { ($0["text"] as? String)?.hasPrefix(prefix) ?? false }, "no item '\(prefix)'")
  }

  // MARK: - actions

  func testRecordsOwnersDeadlinesAndProblems() throws {
    let records = try json(["actions", "notes", "note", "--today", "2026-11-23"])
    XCTAssertEqual(records.count, 10)
    XCTAssertEqual(records.compactMap { $0["file"] as? String }.first, "note/verbale-2026-11-18.md", "sorted by file")

    let marco = try find(records, "Marco to send")
    XCTAssertEqual(marco["line"] as? Int, 12)
    XCTAssertEqual(marco["status"] as? String, "open")
    let owner = try XCTUnwrap((marco["owners"] as? [[String: Any]])?.first)
    XCTAssertEqual(owner["name"] as? String, "Marco")
    XCTAssertEqual(owner["normalized"] as? String, "@mrossi", "front matter owners: maps the name to a handle")
    XCTAssertEqual(owner["person"] as? String, "Marco Rossi")
    let deadline = try XCTUnwrap(marco["deadline"] as? [String: Any])
    XCTAssertEqual(deadline["text"] as? String, "by 2026-11-20")
    XCTAssertEqual(deadline["kind"] as? String, "date")
    XCTAssertEqual(deadline["resolved"] as? String, "2026-11-20")
    XCTAssertEqual(marco["daysLeft"] as? Int, -3)
    XCTAssertEqual(marco["problems"] as? [String], ["overdue"])

    let anna = try find(records, "Anna: review")
    XCTAssertEqual((anna["deadline"] as? [String: Any])?["resolved"] as? String, "2026-11-27")
    XCTAssertEqual(anna["problems"] as? [String], ["due-soon"])
    XCTAssertEqual((anna["owners"] as? [[String: Any]])?.first?["email"] as? String, "anna.verdi@example.com")

    let week = try find(records, "Anna: run the A/B test")
    let range = try XCTUnwrap(week["deadline"] as? [String: Any])
    XCTAssertEqual(range["kind"] as? String, "range")
    XCTAssertEqual(range["resolved"] as? String, "2026-11-30/2026-12-06")
    XCTAssertEqual(week["problems"] as? [String], [])

    let done = try find(records, "Marco: book the room")
    XCTAssertEqual(done["status"] as? String, "done")
    XCTAssertEqual(done["problems"] as? [String], [], "a done item has no problems")

    let team = try find(records, "The team will clean")
    XCTAssertEqual(team["diffuseOwner"] as? String, "The team")
    XCTAssertEqual((team["deadline"] as? [String: Any])?["kind"] as? String, "vague")
    XCTAssertEqual(team["problems"] as? [String], ["diffuse-owner", "vague-deadline"])
    XCTAssertEqual(team["addressee"] as? String, "Giulia Bianchi", "front matter author")

    let folder = try find(records, "Set up a shared folder")
    XCTAssertEqual(folder["problems"] as? [String], ["no-owner", "no-deadline"])

    // The configuration's roster maps Giulia; the Italian note's relative date resolves against its own date.
    let giulia = try find(records, "Giulia: inviare")
    XCTAssertEqual((giulia["owners"] as? [[String: Any]])?.first?["normalized"] as? String, "@gbianchi")
    XCTAssertEqual(giulia["language"] as? String, "it")
    let luca = try find(records, "Luca preparerà")
    XCTAssertEqual((luca["deadline"] as? [String: Any])?["text"] as? String, "entro venerdì")
    XCTAssertEqual((luca["deadline"] as? [String: Any])?["resolved"] as? String, "2026-11-20", "Friday after 18 Nov")
    XCTAssertEqual(luca["noteDate"] as? String, "2026-11-18")
  }

  func testRosterForms() throws {
    try write(".notelint.yml", "roster:\n  - \"@gbianchi: Giulia Bianchi\"\n")
    try write(
      "team/sync.md",
      """
      ---
      date: 2026-11-16
      owners:
        Marco Rossi: mrossi
        Anna Verdi: {handle: averdi, email: anna@example.com}
      people:
        - {name: Luca Neri, handle: lneri}
      ---
      # Sync

      ## Action items

      - [ ] Marco to send the scoring file by 2026-11-20
      - [ ] Anna: review the lift table by 2026-11-27
      - [ ] Luca to prepare the data dictionary by 2026-12-15
      - [ ] @gbianchi to book the demo room by 2026-11-30
      - [ ] Giulia to write the summary by 2026-11-30

      """)
    let records = try json(["actions", "team", "--today", "2026-11-23"])
    let normalized = records.map { ($0["owners"] as? [[String: Any]])?.first?["normalized"] as? String }
    XCTAssertEqual(normalized, ["@mrossi", "@averdi", "@lneri", "@gbianchi", "@gbianchi"])
    XCTAssertEqual((records[1]["owners"] as? [[String: Any]])?.first?["email"] as? String, "anna@example.com")
    XCTAssertEqual(try json(["actions", "team", "--today", "2026-11-23", "--owner", "Giulia Bianchi"]).count, 2)
  }

  func testStableIdsSurviveUnrelatedEdits() throws {
    let before = try json(["actions", "notes", "--today", "2026-11-23"])
    var edited = Self.englishNote.replacingOccurrences(
      of: "## Action items\n", with: "Context paragraph added later.\n\n## Action items\n")
    edited = edited.replacingOccurrences(
      of: "- [ ] The team will clean", with: "- [ ] Priya will write the FAQ\n- [ ] The team will clean")
    try write("notes/2026-11-16-sync.md", edited)
    let after = try json(["actions", "notes", "--today", "2026-11-23"])
    let idsBefore = Dictionary(uniqueKeysWithValues: before.map { ($0["text"] as! String, $0["id"] as! String) })
    let idsAfter = Dictionary(uniqueKeysWithValues: after.map { ($0["text"] as! String, $0["id"] as! String) })
    for (text, id) in idsBefore { XCTAssertEqual(idsAfter[text], id, text) }
    XCTAssertNotEqual(
      try find(before, "Marco to send")["line"] as? Int, try find(after, "Marco to send")["line"] as? Int)
    XCTAssertEqual(Set(idsAfter.values).count, idsAfter.count, "ids are unique")
    // The same path written differently gives the same ids.
    let dotted = try json(["actions", "./notes/", "--today", "2026-11-23"])
    XCTAssertEqual(Set(dotted.compactMap { $0["id"] as? String }), Set(idsAfter.values))
  }

  func testFilters() throws {
    func texts(_ extra: [String]) throws -> [String] {
      try json(["actions", "notes", "note", "--today", "2026-11-23"] + extra).compactMap { $0["text"] as? String }
    }
    XCTAssertEqual(
      try texts(["--owner", "mrossi"]),
      ["Marco to send the scoring file by 2026-11-20", "Marco: book the room for the demo by 2026-11-18"])
    XCTAssertEqual(try texts(["--owner", "Marco Rossi", "--open"]), ["Marco to send the scoring file by 2026-11-20"])
    XCTAssertEqual(try texts(["--owner", "@averdi"]).count, 2)
    XCTAssertEqual(
      try texts(["--overdue"]),
      ["Luca preparerà i dati entro venerdì", "Marco to send the scoring file by 2026-11-20"])
    XCTAssertEqual(
      try texts(["--due-within", "7d"]),
      [
        "Giulia: inviare il report, scadenza 30/11/2026",
        "Anna: review the holdout lift table by Friday 27 November",
      ])
    XCTAssertEqual(try texts(["--due-within", "2w"]).count, 3, "week 49 ends within two weeks")
    XCTAssertEqual(try texts(["--overdue", "--due-within", "7d"]).count, 4, "either overdue or due soon")
    XCTAssertEqual(try texts(["--problems-only"]).count, 7)
    XCTAssertEqual(
      try texts(["--owner", "-"]),
      [
        "Bisogna verificare i consensi", "The team will clean the export soon",
        "Set up a shared folder, access rights etc.",
      ])
    XCTAssertEqual(try run(["actions", "notes", "--due-within", "soon"]).code, 2)
  }

  func testTextTableIsAligned() throws {
    let result = try run(["actions", "notes", "note", "--today", "2026-11-23"])
    XCTAssertEqual(result.code, 0, result.err)
    let lines = result.out.split(separator: "\n").map(String.init)
    XCTAssertEqual(lines.count, 12, result.out)
    let header = lines[0]
    let itemColumn = try XCTUnwrap(header.range(of: "ITEM")).lowerBound.utf16Offset(in: header)
    for line in lines.dropFirst().dropLast() {
      let prefix = String(line.prefix(itemColumn))
      XCTAssertTrue(prefix.hasSuffix("  "), "columns are aligned:\n\(result.out)")
    }
    XCTAssertTrue(lines.last!.hasPrefix("10 action items (9 open, 1 done): 2 overdue"), lines.last!)
    XCTAssertTrue(result.out.contains("Marco (@mrossi)"))
  }

  func testCSVFollowsRFC4180() throws {
    let result = try run(["actions", "notes", "note", "--today", "2026-11-23", "--format", "csv", "--bom"])
    XCTAssertEqual(result.code, 0, result.err)
    let bytes = Array(result.out.utf8)
    XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte order mark")
    let text = String(result.out.dropFirst())
    XCTAssertTrue(text.hasSuffix("\r\n"))
    let rows = Self.parseCSV(text)
    XCTAssertEqual(rows.first?.first, "id")
    XCTAssertEqual(rows.count, 11)
    XCTAssertTrue(rows.allSatisfy { $0.count == rows[0].count }, "every row has every column")
    let header = rows[0]
    let folder = try XCTUnwrap(rows.first { $0[header.firstIndex(of: "item")!].hasPrefix("Set up") })
    XCTAssertEqual(folder[header.firstIndex(of: "item")!], "Set up a shared folder, access rights etc.", "quoted comma")
    let marco = try XCTUnwrap(rows.first { $0[header.firstIndex(of: "item")!].hasPrefix("Marco to send") })
    XCTAssertEqual(marco[header.firstIndex(of: "handles")!], "mrossi", "handles without @ (no spreadsheet formula)")
    XCTAssertEqual(marco[header.firstIndex(of: "due")!], "2026-11-20")
    XCTAssertEqual(marco[header.firstIndex(of: "problems")!], "overdue")
    XCTAssertTrue(text.contains("\"Giulia: inviare il report, scadenza 30/11/2026\""))
    let plain = try run(["actions", "notes", "--today", "2026-11-23", "--format", "csv"])
    XCTAssertTrue(plain.out.hasPrefix("id,file,"), "no BOM unless asked")
  }

  /// A small RFC 4180 reader for the test.
  static func parseCSV(_ text: String) -> [[String]] {
    var rows: [[String]] = []
    var row: [String] = []
    var field = ""
    var quoted = false
    var characters = Array(text)[...]
    while let character = characters.popFirst() {
      if quoted {
        if character == "\"" {
          if characters.first == "\"" {
            field.append("\"")
            characters = characters.dropFirst()
          } else {
            quoted = false
          }
        } else {
          field.append(character)
        }
      } else if character == "\"" {
        quoted = true
      } else if character == "," {
        row.append(field)
        field = ""
      } else if character == "\r\n" || character == "\n" {
        row.append(field)
        rows.append(row)
        row = []
        field = ""
      } else {
        field.append(character)
      }
    }
    return rows
  }

  func testMarkdownTable() throws {
    let result = try run(["actions", "notes", "note", "--today", "2026-11-23", "--format", "markdown"])
    XCTAssertEqual(result.code, 0, result.err)
    let rows = result.out.split(separator: "\n").filter { $0.hasPrefix("| ") }
    XCTAssertEqual(rows.count, 12, "header, separator and one row per item: \(result.out)")
    XCTAssertTrue(
      result.out.contains("| ☐ | 2026-11-20 | Marco (@mrossi) | Marco to send the scoring file by 2026-11-20 |"))
    let linked = try run([
      "actions", "notes", "--today", "2026-11-23", "--format", "markdown", "--link-base",
      "https://git.example.com/n/blob/main/",
    ])
    XCTAssertTrue(
      linked.out.contains(
        "[notes/2026-11-16-sync.md:12](https://git.example.com/n/blob/main/notes/2026-11-16-sync.md#L12)"),
      linked.out)
  }

  // MARK: - ics

  func testICSStructure() throws {
    try write(
      "notes/long.md",
      "# Sync\n\n## Actions\n\n- [ ] Marco to prepare the très long réunion summary, with commas; semicolons and a backslash \\ for the steering committee by 2026-12-01\n"
    )
    let result = try run([
      "actions", "notes", "note", "--today", "2026-11-23", "--format", "ics", "--output", "todo.ics",
    ])
    XCTAssertEqual(result.code, 0, result.err)
    XCTAssertEqual(result.out, "", "--output writes the file, not standard output")
    let data = try Data(contentsOf: scratch.appendingPathComponent("todo.ics"))
    let text = String(decoding: data, as: UTF8.self)
    XCTAssertTrue(text.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"))
    XCTAssertTrue(text.hasSuffix("END:VCALENDAR\r\n"))
    XCTAssertFalse(text.replacingOccurrences(of: "\r\n", with: "").contains("\n"), "CRLF only")
    for line in text.components(separatedBy: "\r\n") {
      XCTAssertLessThanOrEqual(line.utf8.count, 75, line)
      XCTAssertNotNil(String(bytes: Array(line.utf8), encoding: .utf8), "folding never splits a UTF-8 sequence")
    }
    let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
    XCTAssertEqual(unfolded.components(separatedBy: "BEGIN:VTODO").count - 1, 7, "one VTODO per dated open item")
    XCTAssertTrue(unfolded.contains("DUE;VALUE=DATE:20261120\r\n"))
    XCTAssertTrue(unfolded.contains("DTSTART;VALUE=DATE:20261130\r\nDUE;VALUE=DATE:20261206\r\n"), "a range")
    XCTAssertTrue(unfolded.contains("DTSTAMP:20261123T000000Z\r\n"), "deterministic stamp from --today")
    XCTAssertTrue(
      unfolded.contains(
        "SUMMARY:Marco to prepare the très long réunion summary\\, with commas\\; semicolons and a backslash \\\\ for"))
    XCTAssertTrue(unfolded.contains("ATTENDEE;CN=Anna Verdi;ROLE=REQ-PARTICIPANT:mailto:anna.verdi@example.com\r\n"))
    XCTAssertFalse(unfolded.contains("book the room"), "done items are not exported")
    XCTAssertFalse(unfolded.contains("clean the export"), "undated items are not exported")
  }

  /// Reads the calendar with the PyPI `icalendar` package, as a calendar app would. Skipped when
  /// python3 or icalendar is missing (`pip install icalendar`).
  func testICSReadByICalendarLibrary() throws {
    try write(
      "notes/long.md",
      "# Sync\n\n## Actions\n\n- [ ] Marco to prepare the très long réunion summary, with commas; semicolons and a backslash \\ for the steering committee by 2026-12-01\n"
    )
    let result = try run([
      "actions", "notes", "note", "--today", "2026-11-23", "--format", "ics", "--output", "todo.ics",
    ])
    XCTAssertEqual(result.code, 0, result.err)
    let checked = try Self.python(Self.icsValidator, file: scratch.appendingPathComponent("todo.ics"))
    XCTAssertEqual(checked.status, 0, checked.output)
    let parsed = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(checked.output.utf8)) as? [String: Any])
    XCTAssertEqual(parsed["problems"] as? [String], [])
    let todos = try XCTUnwrap(parsed["todos"] as? [[String: Any]])
    XCTAssertEqual(todos.count, 7)
    let ids = try json(["actions", "notes", "note", "--today", "2026-11-23", "--open"])
    for todo in todos {
      XCTAssertEqual(todo["dueIsDate"] as? Bool, true, "DUE is a DATE")
      let uid = try XCTUnwrap(todo["uid"] as? String)
      let record = try XCTUnwrap(ids.first { "\($0["id"] as! String)@notelint" == uid }, uid)
      XCTAssertEqual(todo["summary"] as? String, record["text"] as? String)
      XCTAssertEqual(todo["due"] as? String, (record["deadline"] as? [String: Any])?["due"] as? String)
      let description = try XCTUnwrap(todo["description"] as? String)
      XCTAssertTrue(description.hasPrefix("\(record["file"] as! String):\(record["line"] as! Int)\n"), description)
    }
    let long = try XCTUnwrap(todos.first { ($0["summary"] as? String)?.hasPrefix("Marco to prepare") ?? false })
    XCTAssertEqual(
      long["summary"] as? String,
      "Marco to prepare the très long réunion summary, with commas; semicolons and a backslash \\ for the steering committee by 2026-12-01",
      "escaping and folding round-trip")
    let anna = try XCTUnwrap(todos.first { ($0["summary"] as? String)?.hasPrefix("Anna: run") ?? false })
    XCTAssertEqual(anna["start"] as? String, "2026-11-30")
    XCTAssertEqual(anna["attendees"] as? [String], ["mailto:anna.verdi@example.com"])
  }

  static let icsValidator = """
    import json, sys
    try:
        import icalendar
    except Exception as error:
        print("the icalendar package is not installed (pip install icalendar): %s" % error)
        sys.exit(77)
    data = open(sys.argv[1], "rb").read()
    problems = []
    for number, line in enumerate(data.split(b"\\r\\n")[:-1], 1):
        if len(line) > 75:
            problems.append("line %d is %d octets" % (number, len(line)))
    if not data.endswith(b"\\r\\n") or b"\\n" in data.replace(b"\\r\\n", b""):
        problems.append("lines must end with CRLF")
    calendar = icalendar.Calendar.from_ical(data)
    for key in ("VERSION", "PRODID"):
        if key not in calendar:
            problems.append("VCALENDAR lacks " + key)
    for component in calendar.walk():
        if component.errors:
            problems.append("%s: %s" % (component.name, component.errors))
    todos = []
    for todo in calendar.walk("VTODO"):
        for key in ("UID", "DTSTAMP", "DUE", "SUMMARY"):
            if key not in todo:
                problems.append("VTODO lacks " + key)
        due = todo.decoded("DUE")
        start = todo.decoded("DTSTART") if "DTSTART" in todo else None
        attendees = todo.get("ATTENDEE")
        if attendees is None:
            attendees = []
        elif not isinstance(attendees, list):
            attendees = [attendees]
        todos.append({
            "uid": str(todo["UID"]),
            "due": due.isoformat(),
            "dueIsDate": type(due).__name__ == "date",
            "start": start.isoformat() if start else None,
            "summary": str(todo["SUMMARY"]),
            "description": str(todo.get("DESCRIPTION", "")),
            "attendees": [str(attendee) for attendee in attendees],
        })
    print(json.dumps({"problems": problems, "todos": todos}, ensure_ascii=False))
    sys.exit(1 if problems else 0)
    """

  /// Runs a Python check; exit 77 from the script (or no python3) skips the test with its message.
  static func python(_ script: String, file: URL) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    do {
      try process.run()
    } catch {
      throw XCTSkip("python3 is not available (\(error))")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    if process.terminationStatus == 77 { throw XCTSkip(text.trimmingCharacters(in: .whitespacesAndNewlines)) }
    if process.terminationStatus == 127 { throw XCTSkip("python3 is not available") }
    return (process.terminationStatus, text)
  }

  // MARK: - digest

  private func digestFiles() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("digest").path).sorted()
  }

  func testDigestTwoNightsApart() throws {
    let first = try run([
      "digest", "notes", "note", "--today", "2026-11-23", "--out", "digest", "--state", "state/digest.json",
    ])
    XCTAssertEqual(first.code, 0, first.err)
    XCTAssertEqual(
      try digestFiles(), ["_unassigned.md", "averdi.md", "gbianchi.md", "luca.md", "mrossi.md", "priya.md"], first.out)
    let marco = try read("digest/mrossi.md")
    XCTAssertTrue(marco.hasPrefix("<!-- notelint digest"))
    XCTAssertTrue(marco.contains("# Action items for Marco Rossi (@mrossi)"), marco)
    XCTAssertTrue(
      marco.contains(
        "## Overdue\n\n- **Marco to send the scoring file by 2026-11-20** — due 20 November 2026, 3 days ago"), marco)
    XCTAssertFalse(marco.contains("book the room"), "done items are not in a digest")
    let anna = try read("digest/averdi.md")
    let soon = try XCTUnwrap(anna.range(of: "## Due within 7 days"))
    let open = try XCTUnwrap(anna.range(of: "## Open items (first digest)"))
    XCTAssertLessThan(soon.lowerBound, open.lowerBound, "due soon before new")
    let giulia = try read("digest/gbianchi.md")
    XCTAssertTrue(
      giulia.contains("# Azioni per Giulia Bianchi (@gbianchi)"), "Italian notes, Italian digest: \(giulia)")
    XCTAssertTrue(giulia.contains("## In scadenza entro 7 giorni"), giulia)
    let unassigned = try read("digest/_unassigned.md")
    XCTAssertTrue(unassigned.contains("For: Giulia Bianchi, Luca Neri"), unassigned)
    XCTAssertTrue(unassigned.contains("“The team” is not a person"), unassigned)
    let state = try XCTUnwrap(
      JSONSerialization.jsonObject(with: Data(contentsOf: scratch.appendingPathComponent("state/digest.json")))
        as? [String: Any])
    XCTAssertEqual((state["items"] as? [String])?.count, 10)
    XCTAssertEqual(state["generated"] as? String, "2026-11-23")
    XCTAssertEqual(
      try FileManager.default.contentsOfDirectory(atPath: scratch.appendingPathComponent("state").path),
      ["digest.json"], "no temporary file left")

    // The next night: Anna ticked her review, Marco has a new item, a paragraph moved every line.
    var edited = Self.englishNote.replacingOccurrences(of: "- [ ] Anna: review", with: "- [x] Anna: review")
    edited = edited.replacingOccurrences(
      of: "- [ ] Anna: run the A/B test in week 49",
      with: "- [ ] Anna: run the A/B test in week 49\n- [ ] Marco to draft the rollout plan by 2026-12-11")
    edited = edited.replacingOccurrences(of: "## Action items\n", with: "Context added later.\n\n## Action items\n")
    try write("notes/2026-11-16-sync.md", edited)
    let second = try run([
      "digest", "notes", "note", "--today", "2026-11-24", "--out", "digest", "--state", "state/digest.json",
    ])
    XCTAssertEqual(second.code, 0, second.err)
    XCTAssertEqual(try digestFiles(), ["gbianchi.md", "luca.md", "mrossi.md"], "nothing new and nothing due: no file")
    XCTAssertTrue(second.out.contains("removed digest/averdi.md"), second.out)
    let marcoAgain = try read("digest/mrossi.md")
    XCTAssertTrue(marcoAgain.contains("1 overdue · 1 new since 23 November 2026"), marcoAgain)
    XCTAssertTrue(
      marcoAgain.contains("## New since the last digest\n\n- **Marco to draft the rollout plan by 2026-12-11**"),
      marcoAgain)
    XCTAssertFalse(marcoAgain.contains("A/B test"))

    // A re-run on the same day (a retried job) shows the same new items: "new" is relative to the
    // last run on an earlier day.
    let rerun = try run([
      "digest", "notes", "note", "--today", "2026-11-24", "--out", "digest", "--state", "state/digest.json",
    ])
    XCTAssertEqual(rerun.code, 0, rerun.err)
    XCTAssertEqual(try read("digest/mrossi.md"), marcoAgain, "a same-day re-run gives the same digest")

    // The next night with no change and nothing newly due keeps only the overdue and due-soon owners.
    let third = try run([
      "digest", "notes", "note", "--today", "2026-11-25", "--out", "digest", "--state", "state/digest.json",
    ])
    XCTAssertEqual(third.code, 0, third.err)
    XCTAssertFalse(try read("digest/mrossi.md").contains("New since"), "nothing is new twice")
  }

  func testDigestNeverOverwritesAFileItDidNotWrite() throws {
    try write("digest/mrossi.md", "# My own notes\n")
    let result = try run(["digest", "notes", "--today", "2026-11-23", "--out", "digest"])
    XCTAssertEqual(result.code, 3)
    XCTAssertTrue(result.err.contains("was not written by notelint digest"), result.err)
    XCTAssertEqual(try read("digest/mrossi.md"), "# My own notes\n")
    XCTAssertTrue(try read("digest/averdi.md").hasPrefix("<!-- notelint digest"))
    XCTAssertFalse(
      FileManager.default.fileExists(atPath: scratch.appendingPathComponent("digest/.notelint-digest-state.json").path),
      "the state does not move on after a failed night")
  }

  func testDigestRejectsACorruptState() throws {
    try write("state.json", "{ not json")
    let result = try run(["digest", "notes", "--today", "2026-11-23", "--out", "digest", "--state", "state.json"])
    XCTAssertEqual(result.code, 2)
    XCTAssertTrue(result.err.contains("state.json"), result.err)
  }
}
