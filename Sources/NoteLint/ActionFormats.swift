import Foundation
import NoteLintCore
import NoteLintReporters

/// The formats of `notelint actions`.
public enum ActionFormat: String, Sendable, CaseIterable {
  case text
  case json
  case csv
  case markdown
  case ics
}

/// Renders action records: an aligned table, JSON, CSV (RFC 4180), a Markdown table, or an
/// iCalendar file (RFC 5545) with one VTODO per dated open item. Deterministic for the same records,
/// `today` and options.
public struct ActionRenderer: Sendable {
  public var today: CivilDate
  public var soonDays: Int
  public var toolVersion: String
  /// Prefix that turns `file` into a link (`https://git.example.com/repo/blob/main/`): `URL` in the
  /// calendar, links in Markdown.
  public var linkBase: String?
  /// Start CSV with a UTF-8 byte order mark (for spreadsheets that guess the encoding).
  public var byteOrderMark: Bool

  public init(
    today: CivilDate, soonDays: Int = 7, toolVersion: String = NoteLintVersion.current, linkBase: String? = nil,
    byteOrderMark: Bool = false
  ) {
    self.today = today
    self.soonDays = soonDays
    self.toolVersion = toolVersion
    self.linkBase = linkBase
    self.byteOrderMark = byteOrderMark
  }

  public func render(_ extraction: ActionExtraction, format: ActionFormat) -> String {
    switch format {
    case .text: return text(extraction.records)
    case .json: return json(extraction)
    case .csv: return csv(extraction.records)
    case .markdown: return markdown(extraction.records)
    case .ics: return ics(extraction.records)
    }
  }

  // MARK: - Shared cells

  static func ownerCell(_ record: ActionRecord) -> String {
    if !record.owners.isEmpty {
      return record.owners.map { owner in
        owner.normalized == owner.name ? owner.name : "\(owner.name) (\(owner.normalized))"
      }.joined(separator: ", ")
    }
    if let diffuse = record.diffuseOwner { return "~\(diffuse)" }
    return "-"
  }

  static func dueCell(_ record: ActionRecord) -> String {
    guard let deadline = record.deadline else { return "-" }
    if let resolved = deadline.resolved { return resolved }
    return "~\(deadline.text)"
  }

  func link(_ record: ActionRecord) -> String? {
    guard let linkBase, !linkBase.isEmpty else { return nil }
    let url = linkBase + Escape.uri(path: record.linkPath).replacingPrefix("file://", with: "") + "#L\(record.line)"
    return Self.withoutControls(url)
  }

  /// A text with every control character (C0, DEL, C1 and the line and paragraph separators)
  /// removed: for values that have no escape for them (URLs, e-mail addresses, ICS URIs).
  static func withoutControls(_ text: String) -> String {
    String(
      scalars: text.unicodeScalars.filter {
        !($0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}")
      })
  }

  public func summary(_ records: [ActionRecord]) -> String {
    let open = records.filter { !$0.done }
    func count(_ problem: ActionProblem) -> Int { open.filter { $0.problems.contains(problem) }.count }
    var line = "\(records.count) action item\(records.count == 1 ? "" : "s") (\(open.count) open, "
    line += "\(records.count - open.count) done): \(count(.overdue)) overdue, "
    line += "\(count(.dueSoon)) due within \(soonDays) day\(soonDays == 1 ? "" : "s"), "
    line += "\(count(.noOwner) + count(.diffuseOwner)) without a person as owner, "
    line += "\(count(.noDeadline) + count(.vagueDeadline)) without a date"
    return line
  }

  // MARK: - Text

  /// An aligned table for a terminal; the item's text is the last column.
  public func text(_ records: [ActionRecord]) -> String {
    let header = ["STATUS", "DUE", "OWNER", "PROBLEMS", "WHERE", "ITEM"]
    var rows = [header]
    for record in records {
      rows.append([
        record.done ? "done" : "open", Self.dueCell(record), Self.ownerCell(record),
        record.problems.isEmpty ? "-" : record.problems.map(\.rawValue).joined(separator: ","),
        "\(DisplayText.escapingControls(record.file)):\(record.line)", record.text,
      ])
    }
    var widths = Array(repeating: 0, count: header.count)
    for row in rows {
      for (column, cell) in row.enumerated() { widths[column] = max(widths[column], cell.count) }
    }
    var output = ""
    for row in rows {
      var line = ""
      for (column, cell) in row.enumerated() {
        if column == row.count - 1 {
          line += cell
        } else {
          line += cell + String(repeating: " ", count: widths[column] - cell.count + 2)
        }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      output += line + "\n"
    }
    return output + summary(records) + "\n"
  }

  // MARK: - JSON

  public func json(_ extraction: ActionExtraction) -> String {
    let records = extraction.records
    let out = JSONWriter()
    out.object {
      out.key("tool")
      out.object {
        out.field("name", "notelint")
        out.field("version", toolVersion)
      }
      out.field("today", today.description)
      out.field("soonDays", soonDays)
      out.key("actions")
      out.array(records) { record in
        out.object {
          out.field("id", record.id)
          out.field("file", record.file)
          out.field("line", record.line)
          out.field("column", record.column)
          out.field("text", record.text)
          out.field("status", record.status)
          out.key("owners")
          out.array(record.owners) { owner in
            out.object {
              out.field("name", owner.name)
              out.field("normalized", owner.normalized)
              out.field("handle", owner.handle)
              out.field("person", owner.person.flatMap { $0.name.isEmpty ? nil : $0.name })
              if let email = owner.person?.email { out.field("email", email) }
            }
          }
          out.field("diffuseOwner", record.diffuseOwner)
          out.key("deadline")
          if let deadline = record.deadline {
            out.object {
              out.field("text", deadline.text)
              out.field("kind", deadline.kind.rawValue)
              out.field("start", deadline.start?.description)
              out.field("due", deadline.due?.description)
              out.field("resolved", deadline.resolved)
            }
          } else {
            out.null()
          }
          out.key("daysLeft")
          if let days = record.daysLeft { out.value(days) } else { out.null() }
          out.key("problems")
          out.array(record.problems) { out.value($0.rawValue) }
          out.field("source", record.source)
          out.field("language", record.language.rawValue)
          out.field("noteDate", record.noteDate?.description)
          out.field("dateSource", record.noteDateSource)
          out.field("addressee", record.addressee)
        }
      }
      out.key("errors")
      out.array(extraction.errors) { error in
        out.object {
          out.field("file", error.path)
          out.field("reason", error.reason)
        }
      }
      let open = records.filter { !$0.done }
      out.key("summary")
      out.object {
        out.field("files", extraction.fileCount)
        out.field("actions", records.count)
        out.field("open", open.count)
        out.field("done", records.count - open.count)
        for problem in ActionProblem.allCases {
          out.field(Self.camelCase(problem.rawValue), open.filter { $0.problems.contains(problem) }.count)
        }
      }
    }
    return out.text + "\n"
  }

  static func camelCase(_ id: String) -> String {
    let parts = id.split(separator: "-")
    return (parts.first.map(String.init) ?? "")
      + parts.dropFirst().map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  // MARK: - CSV

  public static let csvColumns = [
    "id", "file", "line", "status", "item", "owners", "handles", "diffuse_owner", "deadline", "deadline_kind",
    "due_start", "due", "days_left", "problems", "source", "language", "note_date", "addressee",
  ]

  /// RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote or a line break,
  /// quotes doubled. A text field that a spreadsheet would read as a formula (`=`, `+`, `-`, `@`
  /// first) is prefixed with an apostrophe; handles are written without their `@`.
  public func csv(_ records: [ActionRecord]) -> String {
    var output = byteOrderMark ? "\u{FEFF}" : ""
    output += Self.csvColumns.joined(separator: ",") + "\r\n"
    for record in records {
      let fields: [String] = [
        record.id, record.file, String(record.line), record.status, record.text,
        record.owners.map(\.name).joined(separator: "; "),
        record.owners.compactMap { $0.handle.map { String($0.dropFirst()) } }.joined(separator: "; "),
        record.diffuseOwner ?? "", record.deadline?.text ?? "", record.deadline?.kind.rawValue ?? "",
        record.deadline?.start?.description ?? "", record.deadline?.due?.description ?? "",
        record.daysLeft.map(String.init) ?? "", record.problems.map(\.rawValue).joined(separator: "; "), record.source,
        record.language.rawValue, record.noteDate?.description ?? "", record.addressee ?? "",
      ]
      output += fields.map(Self.csvCell).joined(separator: ",") + "\r\n"
    }
    return output
  }

  /// The one escaping of a CSV cell: formulas neutralised, then quoted as RFC 4180 needs.
  static func csvCell(_ field: String) -> String {
    quote(safe(field))
  }

  static func quote(_ field: String) -> String {
    guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }) else {
      return field
    }
    var result = "\""
    for character in field {
      if character == "\"" { result += "\"\"" } else { result.append(character) }
    }
    return result + "\""
  }

  /// Neutralises spreadsheet formulas: a cell that starts with `=`, `+`, `-`, `@`, a tab or a
  /// carriage return is prefixed with an apostrophe, unless it is a plain integer (`-3` days left).
  static func safe(_ field: String) -> String {
    guard let first = field.unicodeScalars.first, "=+-@\t\r\n".unicodeScalars.contains(first) else { return field }
    if first == "-", field.count > 1, field.dropFirst().allSatisfy({ $0.isASCII && $0.isNumber }) { return field }
    return "'" + field
  }

  // MARK: - Markdown

  public func markdown(_ records: [ActionRecord]) -> String {
    var output = "## Action items — \(today)\n\n\(Escape.markdownCell(summary(records)))\n\n"
    guard !records.isEmpty else { return output }
    output += "| | Due | Owner | Item | Where | Problems |\n| --- | --- | --- | --- | --- | --- |\n"
    for record in records {
      let box = record.done ? "☑" : "☐"
      let location = "\(record.file):\(record.line)"
      let whereCell =
        link(record).map { "[\(Escape.markdownCell(location))](\($0))" }
        ?? "`\(location.replacingAll("`", with: "'").replacingAll("|", with: "\\|"))`"
      let problems = record.problems.map(\.rawValue).joined(separator: ", ")
      output +=
        "| \(box) | \(Escape.markdownCell(Self.dueCell(record))) | \(Escape.markdownCell(Self.ownerCell(record))) "
      output += "| \(Escape.markdownCell(record.text)) | \(whereCell) | \(problems) |\n"
    }
    return output
  }

  // MARK: - iCalendar

  /// RFC 5545: one VTODO per open item with a due date (DUE as a DATE, DTSTART for a range), the
  /// stable id as UID, DTSTAMP from `today`, owners as ATTENDEE when the roster has their e-mail and
  /// always in DESCRIPTION; lines folded at 75 octets, CRLF line ends.
  public func ics(_ records: [ActionRecord]) -> String {
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//notelint//notelint \(toolVersion)//EN", "CALSCALE:GREGORIAN",
      "METHOD:PUBLISH", "X-WR-CALNAME:notelint action items",
    ]
    let stamp = Self.icsDate(today) + "T000000Z"
    for record in records where !record.done {
      guard let deadline = record.deadline, let due = deadline.due else { continue }
      lines.append("BEGIN:VTODO")
      lines.append("UID:\(record.id)@notelint")
      lines.append("DTSTAMP:\(stamp)")
      if deadline.kind == .range, let start = deadline.start, start < due {
        lines.append("DTSTART;VALUE=DATE:\(Self.icsDate(start))")
      }
      lines.append("DUE;VALUE=DATE:\(Self.icsDate(due))")
      lines.append("SUMMARY:\(Self.icsText(record.text))")
      // From the project's root: a calendar is shared and re-imported, whatever folder made it.
      var description = ["\(record.linkPath):\(record.line)"]
      if !record.owners.isEmpty {
        description.append("Owner: " + Self.ownerCell(record))
      } else if let diffuse = record.diffuseOwner {
        description.append("Owner (not a person): \(diffuse)")
      } else {
        description.append("Owner: none" + (record.addressee.map { " (note by \($0))" } ?? ""))
      }
      description.append("Deadline as written: \(deadline.text)")
      if !record.problems.isEmpty {
        description.append("Problems: " + record.problems.map(\.rawValue).joined(separator: ", "))
      }
      lines.append("DESCRIPTION:\(Self.icsText(description.joined(separator: "\n")))")
      lines.append("STATUS:NEEDS-ACTION")
      lines.append("CATEGORIES:notelint" + (record.isOverdue ? ",overdue" : ""))
      if let url = link(record) { lines.append("URL:\(Self.icsURI(url))") }
      for owner in record.owners {
        guard let email = owner.person?.email else { continue }
        let name = owner.person.map { $0.name.isEmpty ? owner.name : $0.name } ?? owner.name
        lines.append("ATTENDEE;CN=\(Self.icsParameter(name));ROLE=REQ-PARTICIPANT:mailto:\(Self.icsURI(email))")
      }
      lines.append("END:VTODO")
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  static func icsDate(_ date: CivilDate) -> String {
    date.description.replacingAll("-", with: "")
  }

  /// TEXT escaping: backslash, semicolon, comma and line breaks.
  static func icsText(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": result += "\\\\"
      case ";": result += "\\;"
      case ",": result += "\\,"
      case "\n": result += "\\n"
      case "\r": continue
      default:
        if scalar.value < 0x20 || scalar.value == 0x7F { continue }
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A URI value (URL, `mailto:` address): controls removed, spaces and quotes percent-encoded, so
  /// no line break can end the content line and start another property.
  static func icsURI(_ text: String) -> String {
    var result = ""
    for scalar in withoutControls(text).unicodeScalars {
      switch scalar {
      case " ": result += "%20"
      case "\"": result += "%22"
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A parameter value: quoted when it holds `:`, `;` or `,`; double quotes and controls dropped.
  static func icsParameter(_ text: String) -> String {
    let cleaned = String(scalars: withoutControls(text).unicodeScalars.filter { $0 != "\"" })
    return cleaned.contains(where: { ":;,".contains($0) }) ? "\"\(cleaned)\"" : cleaned
  }

  /// Folds a content line at 75 octets (continuations start with a space), never inside a UTF-8
  /// sequence.
  static func fold(_ line: String) -> String {
    var result = ""
    var octets = 0
    for scalar in line.unicodeScalars {
      let size = String(scalar).utf8.count
      if octets + size > 75 {
        result += "\r\n "
        octets = 1
      }
      result.unicodeScalars.append(scalar)
      octets += size
    }
    return result
  }
}

extension String {
  fileprivate func replacingAll(_ target: String, with replacement: String) -> String {
    guard !target.isEmpty else { return self }
    return components(separatedBy: target).joined(separator: replacement)
  }

  fileprivate func replacingPrefix(_ prefix: String, with replacement: String) -> String {
    hasPrefix(prefix) ? replacement + dropFirst(prefix.count) : self
  }
}

/// The filters of `notelint actions`; all given filters must hold, except `overdue` and
/// `dueWithinDays`, which together select items that are either.
public struct ActionFilter: Sendable {
  /// A name, handle or roster name; `-` selects items with no person as owner.
  public var owner: String?
  public var openOnly = false
  public var overdue = false
  public var dueWithinDays: Int?
  public var problemsOnly = false

  public init(
    owner: String? = nil, openOnly: Bool = false, overdue: Bool = false, dueWithinDays: Int? = nil,
    problemsOnly: Bool = false
  ) {
    self.owner = owner
    self.openOnly = openOnly
    self.overdue = overdue
    self.dueWithinDays = dueWithinDays
    self.problemsOnly = problemsOnly
  }

  /// `7d`, `2w` or `7` → days.
  public static func parseDays(_ text: String) -> Int? {
    let trimmed = text.lowercased()
    if let days = Int(trimmed), days >= 0 { return days }
    guard let unit = trimmed.last, let number = Int(trimmed.dropLast()), number >= 0 else { return nil }
    switch unit {
    case "d", "g": return number
    case "w":
      let (days, overflow) = number.multipliedReportingOverflow(by: 7)
      return overflow ? nil : days
    default: return nil
    }
  }

  public func matches(_ record: ActionRecord) -> Bool {
    if openOnly, record.done { return false }
    if problemsOnly, record.problems.isEmpty { return false }
    if overdue || dueWithinDays != nil {
      var window = false
      if overdue, !record.done, let days = record.daysLeft, days < 0 { window = true }
      if let limit = dueWithinDays, !record.done, let days = record.daysLeft, days >= 0, days <= limit { window = true }
      if !window { return false }
    }
    if let owner {
      return Self.owner(owner, matches: record)
    }
    return true
  }

  static func owner(_ wanted: String, matches record: ActionRecord) -> Bool {
    if wanted == "-" { return record.owners.isEmpty }
    let folded = StableHash.normalize(wanted.hasPrefix("@") ? String(wanted.dropFirst()) : wanted)
    guard !folded.isEmpty else { return false }
    for owner in record.owners {
      var names = [owner.name, owner.normalized]
      if let person = owner.person {
        names.append(person.name)
        if let handle = person.handle { names.append(handle) }
        if let email = person.email { names.append(email) }
        names.append(contentsOf: person.name.split(separator: " ").map(String.init))
      }
      for name in names {
        let candidate = StableHash.normalize(name.hasPrefix("@") ? String(name.dropFirst()) : name)
        if candidate == folded { return true }
      }
    }
    if let diffuse = record.diffuseOwner, StableHash.normalize(diffuse) == folded { return true }
    return false
  }
}
