import Foundation
import NoteLintCore
import NoteLintReporters

/// What a digest run remembers for the next one: the ids of the items it saw and the files it wrote.
public struct DigestState: Sendable, Equatable, Codable {
  public var version: Int
  /// The `today` of the run that wrote it.
  public var generated: String
  /// Every item seen (open or done), by stable id.
  public var items: [String]
  /// The digest files written into the output folder (names only).
  public var files: [String]
  /// The day each item was first seen (absent in states written before it: their items count as
  /// first seen on their `generated` day).
  public var firstSeen: [String: String]?
  /// What "new" is relative to: the `today` of the last run on an earlier day (nil: none yet, the
  /// first digest). A second run on the same day keeps it, so it shows the same new items.
  public var since: String?

  public init(
    version: Int = 1, generated: String, items: [String], files: [String], firstSeen: [String: String]? = nil,
    since: String? = nil
  ) {
    self.version = version
    self.generated = generated
    self.items = items
    self.files = files
    self.firstSeen = firstSeen
    self.since = since
  }

  public struct LoadError: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// Reads a state file; nil when it does not exist yet (the first run).
  public static func load(path: String) throws(LoadError) -> DigestState? {
    guard PathUtilities.exists(path) else { return nil }
    let bytes: [UInt8]
    switch FileReader.read(path, maxSize: 1 << 30) {
    case .success(let read): bytes = read
    case .failure(let error): throw LoadError(description: "\(path): digest state: \(error)")
    }
    do {
      let state = try JSONDecoder().decode(DigestState.self, from: Data(bytes))
      guard state.version == 1 else {
        throw LoadError(description: "\(path): unknown digest state version \(state.version)")
      }
      return state
    } catch let error as LoadError {
      throw error
    } catch {
      throw LoadError(
        description: "\(path): not a notelint digest state (\(error)); delete it to start over")
    }
  }

  /// The state as JSON, keys sorted, ids sorted: the same items give the same bytes.
  public func encoded() -> String {
    let out = JSONWriter()
    out.object {
      out.field("version", version)
      out.field("generated", generated)
      out.key("files")
      out.array(files.sorted()) { out.value($0) }
      out.key("items")
      out.array(items.sorted()) { out.value($0) }
      if let firstSeen {
        out.key("firstSeen")
        out.object {
          for (id, day) in firstSeen.sorted(by: { $0.key < $1.key }) { out.field(id, day) }
        }
      }
      if let since { out.field("since", since) }
    }
    return out.text + "\n"
  }
}

/// One owner's digest: the items that need them now.
public struct DigestFile: Sendable, Equatable {
  /// The file name in the output folder.
  public var name: String
  /// Who it is for, as shown ("Marco Rossi (@mrossi)"); nil for the items with no owner.
  public var owner: String?
  public var language: Language
  public var overdue: [ActionRecord]
  public var dueSoon: [ActionRecord]
  public var new: [ActionRecord]
  public var content: String
}

/// Builds the nightly digest: per owner, overdue items first, then those due within the window,
/// then the items new since the previous run. An owner with none of the three gets no file.
public struct DigestBuilder: Sendable {
  public static let marker = "<!-- notelint digest"
  public static let unassignedName = "_unassigned.md"

  public var today: CivilDate
  public var windowDays: Int
  public var linkBase: String?

  public init(today: CivilDate, windowDays: Int = 7, linkBase: String? = nil) {
    self.today = today
    self.windowDays = windowDays
    self.linkBase = linkBase
  }

  struct Group {
    var key: String
    var display: String?
    /// What the file name is made from: the handle without `@`, else the name.
    var slug: String
    var records: [ActionRecord] = []
  }

  public func build(_ records: [ActionRecord], previous: DigestState?) -> (files: [DigestFile], state: DigestState) {
    let seen = Set(previous?.items ?? [])
    let day = today.description
    // A re-run on the same day is relative to what the day's first run was relative to.
    let since = previous.flatMap { $0.generated == day ? $0.since : $0.generated }
    var firstSeen: [String: String] = [:]
    for record in records {
      firstSeen[record.id] =
        previous?.firstSeen?[record.id] ?? (seen.contains(record.id) ? (previous?.generated ?? day) : day)
    }
    func isNew(_ record: ActionRecord) -> Bool {
      guard let since else { return true }
      return (firstSeen[record.id] ?? day) > since
    }
    var groups: [String: Group] = [:]
    var order: [String] = []
    func add(_ record: ActionRecord, key: String, display: String?, slug: String) {
      if groups[key] == nil {
        groups[key] = Group(key: key, display: display, slug: slug)
        order.append(key)
      }
      groups[key]?.records.append(record)
    }
    for record in records {
      if record.owners.isEmpty {
        add(record, key: "", display: nil, slug: "")
        continue
      }
      for owner in record.owners {
        add(record, key: StableHash.normalize(owner.normalized), display: Self.display(owner), slug: owner.normalized)
      }
    }
    var files: [DigestFile] = []
    var usedNames: Set<String> = []
    for key in order.sorted() {
      guard let group = groups[key] else { continue }
      let open = group.records.filter { !$0.done }
      let overdue = open.filter { ($0.daysLeft ?? 0) < 0 && $0.due != nil }.sorted(by: Self.byDue)
      let dueSoon = open.filter { $0.due != nil && ($0.daysLeft ?? -1) >= 0 && ($0.daysLeft ?? -1) <= windowDays }
        .sorted(by: Self.byDue)
      // New counts every new open item; one also overdue or due soon is listed there, marked new.
      let new = open.filter(isNew).sorted(by: Self.byDue)
      if overdue.isEmpty, dueSoon.isEmpty, new.isEmpty { continue }
      let language = Self.language(of: group.records)
      var name = key.isEmpty ? Self.unassignedName : Self.slug(group.slug) + ".md"
      var suffix = 2
      while usedNames.contains(name) {
        name = Self.slug(group.slug) + "-\(suffix).md"
        suffix += 1
      }
      usedNames.insert(name)
      var file = DigestFile(
        name: name, owner: group.display, language: language, overdue: overdue, dueSoon: dueSoon, new: new,
        content: "")
      file.content = render(file, since: since)
      files.append(file)
    }
    let state = DigestState(
      generated: day, items: Array(Set(records.map(\.id))).sorted(), files: files.map(\.name).sorted(),
      firstSeen: firstSeen, since: since)
    return (files, state)
  }

  static func display(_ owner: ActionOwner) -> String {
    guard let person = owner.person else { return owner.name }
    if let handle = person.handle, !person.name.isEmpty { return "\(person.name) (\(handle))" }
    return person.handle ?? person.name
  }

  /// Overdue longest first, then by due day, then undated, then by place.
  static func byDue(_ lhs: ActionRecord, _ rhs: ActionRecord) -> Bool {
    switch (lhs.due, rhs.due) {
    case (let left?, let right?) where left != right: return left < right
    case (.some, .none): return true
    case (.none, .some): return false
    default: return ActionExtractor.order(lhs, rhs)
    }
  }

  /// The language most of an owner's notes are written in (ties: the language of their first item).
  static func language(of records: [ActionRecord]) -> Language {
    let italian = records.filter { $0.language == .italian }.count
    let english = records.count - italian
    if italian != english { return italian > english ? .italian : .english }
    return records.first?.language ?? .english
  }

  /// `@mrossi` → `mrossi`; `Marco Rossi` → `marco-rossi`; `Niccolò` → `niccolo`; `Søren` → `søren`
  /// (letters of any script are kept, accents folded). At most 64 bytes: a longer name is cut and
  /// keeps a hash of the whole, so two long names never share a file and no file name is too long.
  static func slug(_ text: String) -> String {
    let folded = StableHash.normalize(text)
    var result = ""
    for character in folded {
      if character.isLetter || character.isNumber {
        result.append(contentsOf: character.lowercased())
      } else if !result.isEmpty, result.last != "-" {
        result.append("-")
      }
    }
    while result.hasSuffix("-") { result.removeLast() }
    if result.isEmpty { return "owner-" + String(StableHash.hex(text).prefix(8)) }
    guard result.utf8.count > 64 else { return result }
    var cut = ""
    for character in result {
      guard cut.utf8.count + String(character).utf8.count <= 55 else { break }
      cut.append(character)
    }
    while cut.hasSuffix("-") { cut.removeLast() }
    return cut + "-" + String(StableHash.hex(text).prefix(8))
  }

  // MARK: - Rendering

  struct Words {
    var title: String
    var unassignedTitle: String
    var overdue: String
    var dueSoon: String
    var new: String
    var newFirstRun: String
    var to: String
  }

  static func words(_ language: Language, window: Int) -> Words {
    switch language {
    case .english:
      return Words(
        title: "Action items for", unassignedTitle: "Action items without an owner", overdue: "Overdue",
        dueSoon: "Due within \(window) day\(window == 1 ? "" : "s")", new: "New since the last digest",
        newFirstRun: "Open items (first digest)", to: "For")
    case .italian:
      return Words(
        title: "Azioni per", unassignedTitle: "Azioni senza responsabile", overdue: "Scadute",
        dueSoon: "In scadenza entro \(window) giorn\(window == 1 ? "o" : "i")", new: "Nuove dall'ultimo riepilogo",
        newFirstRun: "Azioni aperte (primo riepilogo)", to: "Per")
    }
  }

  static let monthsEN = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]
  static let monthsIT = [
    "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
    "novembre", "dicembre",
  ]

  static func longDate(_ date: CivilDate, _ language: Language) -> String {
    let months = language == .italian ? monthsIT : monthsEN
    return "\(date.day) \(months[date.month - 1]) \(date.year)"
  }

  /// "due 27 November 2026, in 4 days" / "scadenza 27 novembre 2026, tra 4 giorni".
  func dueText(_ record: ActionRecord, _ language: Language) -> String {
    guard let deadline = record.deadline else { return language == .italian ? "senza scadenza" : "no deadline" }
    guard let due = deadline.due, let days = record.daysLeft else {
      let quoted = language == .italian ? "«\(deadline.text)»" : "“\(deadline.text)”"
      if deadline.kind == .recurring { return language == .italian ? "ricorrente: \(quoted)" : "recurring: \(quoted)" }
      return language == .italian ? "scadenza vaga: \(quoted)" : "vague deadline: \(quoted)"
    }
    let date = Self.longDate(due, language)
    switch language {
    case .english:
      if days < 0 { return "due \(date), \(-days) day\(days == -1 ? "" : "s") ago" }
      if days == 0 { return "due today (\(date))" }
      if days == 1 { return "due tomorrow (\(date))" }
      return "due \(date), in \(days) days"
    case .italian:
      if days < 0 { return "scadenza \(date), scaduta da \(-days) giorn\(days == -1 ? "o" : "i")" }
      if days == 0 { return "scade oggi (\(date))" }
      if days == 1 { return "scade domani (\(date))" }
      return "scadenza \(date), tra \(days) giorni"
    }
  }

  func render(_ file: DigestFile, since: String?) -> String {
    let language = file.language
    let words = Self.words(language, window: windowDays)
    var text = "\(Self.marker): generated, replaced on every run; do not edit -->\n"
    if let owner = file.owner {
      text += "# \(words.title) \(Escape.markdownCell(owner))\n\n"
    } else {
      text += "# \(words.unassignedTitle)\n\n"
    }
    var counts: [String] = [Self.longDate(today, language)]
    switch language {
    case .english:
      if !file.overdue.isEmpty { counts.append("\(file.overdue.count) overdue") }
      if !file.dueSoon.isEmpty { counts.append("\(file.dueSoon.count) due within \(windowDays) days") }
      if !file.new.isEmpty {
        counts.append(
          since.map {
            "\(file.new.count) new since \(Self.longDate(CivilDate.parseISO($0) ?? today, language))"
          }
            ?? "\(file.new.count) open")
      }
    case .italian:
      if !file.overdue.isEmpty { counts.append("\(file.overdue.count) scadut\(file.overdue.count == 1 ? "a" : "e")") }
      if !file.dueSoon.isEmpty { counts.append("\(file.dueSoon.count) in scadenza entro \(windowDays) giorni") }
      if !file.new.isEmpty {
        counts.append(
          since.map {
            "\(file.new.count) nuov\(file.new.count == 1 ? "a" : "e") dal \(Self.longDate(CivilDate.parseISO($0) ?? today, language))"
          } ?? "\(file.new.count) apert\(file.new.count == 1 ? "a" : "e")")
      }
    }
    text += counts.joined(separator: " · ") + "\n"
    if file.owner == nil {
      let addressees = Array(Set((file.overdue + file.dueSoon + file.new).compactMap(\.addressee))).sorted()
      if !addressees.isEmpty {
        let role =
          language == .italian
          ? "autori delle note o responsabili dei patti" : "authors of the notes or owners of the pacts"
        text += "\n\(words.to): \(addressees.map(Escape.markdownCell).joined(separator: ", ")) (\(role))\n"
      }
    }
    let listed = Set((file.overdue + file.dueSoon).map(\.id))
    let newIDs = Set(file.new.map(\.id))
    let sections: [(String, [ActionRecord])] = [
      (words.overdue, file.overdue), (words.dueSoon, file.dueSoon),
      (since == nil ? words.newFirstRun : words.new, file.new.filter { !listed.contains($0.id) }),
    ]
    let newMark = since == nil ? "" : (language == .italian ? " · **nuova**" : " · **new**")
    for (title, records) in sections where !records.isEmpty {
      text += "\n## \(title)\n\n"
      for record in records {
        let mark = listed.contains(record.id) && newIDs.contains(record.id) ? newMark : ""
        text += item(record, language, unassigned: file.owner == nil) + mark + "\n"
      }
    }
    return text
  }

  func item(_ record: ActionRecord, _ language: Language, unassigned: Bool) -> String {
    var line = "- **\(Escape.markdownCell(record.text))** — \(Escape.markdownCell(dueText(record, language)))"
    // From the project's root: the digest reads the same whatever folder the nightly job runs in.
    let location = "\(record.linkPath):\(record.line)"
    if let linkBase, !linkBase.isEmpty {
      let url = linkBase + Escape.uri(path: record.linkPath) + "#L\(record.line)"
      line += " · [\(Escape.markdownCell(location))](\(url))"
    } else {
      line += " · `\(location.replacingOccurrences(of: "`", with: "'"))`"
    }
    if unassigned {
      if let diffuse = record.diffuseOwner {
        line +=
          language == .italian
          ? " · «\(Escape.markdownCell(diffuse))» non è una persona"
          : " · “\(Escape.markdownCell(diffuse))” is not a person"
      }
      if let addressee = record.addressee {
        line += (language == .italian ? " · nota di " : " · note by ") + Escape.markdownCell(addressee)
      }
    }
    return line
  }
}

/// Writes a digest into its folder: each file atomically, stale files of the previous run removed,
/// never a file notelint did not write.
public struct DigestWriter: Sendable {
  public struct Outcome: Sendable, Equatable {
    public var written: [String] = []
    public var removed: [String] = []
    public var errors: [String] = []
  }

  public var folder: String

  public init(folder: String) {
    self.folder = folder
  }

  /// Whether a file in the folder was written by `notelint digest` (its first line is the marker).
  func isOurs(_ path: String) -> Bool {
    // Never FileHandle: opening a FIFO that stands where a digest goes would block the run.
    guard let head = FileReader.head(path, count: DigestBuilder.marker.utf8.count) else { return false }
    return String(decoding: head, as: UTF8.self) == DigestBuilder.marker
  }

  public func write(_ files: [DigestFile], previous: DigestState?) -> Outcome {
    var outcome = Outcome()
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      outcome.errors.append("\(folder): cannot create the digest folder: \(error.localizedDescription)")
      return outcome
    }
    for file in files {
      let path = PathUtilities.join(folder, file.name)
      if PathUtilities.exists(path), !isOurs(path) {
        outcome.errors.append("\(path): exists and was not written by notelint digest: left untouched")
        continue
      }
      do {
        try AtomicFile.write(file.content, to: path)
        outcome.written.append(path)
      } catch {
        outcome.errors.append(String(describing: error))
      }
    }
    let current = Set(files.map(\.name))
    for name in (previous?.files ?? []).sorted() where !current.contains(name) {
      // Only plain names: a state file cannot make the digest delete anything outside its folder.
      guard !name.contains("/"), name != "..", name != "." else { continue }
      let path = PathUtilities.join(folder, name)
      guard PathUtilities.exists(path), isOurs(path) else { continue }
      if unlink(path) == 0 { outcome.removed.append(path) }
    }
    return outcome
  }
}
