import NoteLintCore
import NoteLintReporters
import Yams

/// One person of a roster: a name, and when known a handle and an e-mail address.
public struct RosterPerson: Sendable, Equatable {
  /// The full name ("Marco Rossi"), or the role ("Product owner"); may be empty when only a handle is known.
  public var name: String
  /// The handle with its `@` ("@mrossi").
  public var handle: String?
  public var email: String?

  public init(name: String, handle: String? = nil, email: String? = nil) {
    self.name = name
    self.handle = handle
    self.email = email
  }

  /// The owner's normalised form: the handle when known, else the full name.
  public var normalized: String { handle ?? name }
}

/// The people an owner written in a note may stand for: the configuration's `roster:` and the
/// note's front matter (`team:`, `owners:`, `roster:`, `people:`, `persone:`).
///
/// An entry can be written `Marco Rossi (@mrossi)`, `Marco Rossi <marco@example.com> @mrossi`,
/// `@mrossi: Marco Rossi`, or in front matter as a mapping (`Marco Rossi: "@mrossi"`) or a list of
/// mappings (`- {name: Marco Rossi, handle: mrossi, email: marco@example.com}`).
public struct Roster: Sendable, Equatable {
  public private(set) var people: [RosterPerson] = []

  public init(people: [RosterPerson] = []) {
    for person in people { add(person) }
  }

  /// The roster keys of front matter that list people.
  public static let frontMatterKeys = ["team", "owners", "roster", "people", "persone"]

  /// Adds a person, merging with one already known by the same handle or name.
  public mutating func add(_ person: RosterPerson) {
    guard !person.name.isEmpty || person.handle != nil else { return }
    if let index = people.firstIndex(where: { known in
      (person.handle != nil && known.handle.map(Self.fold) == person.handle.map(Self.fold))
        || (!person.name.isEmpty && Self.fold(known.name) == Self.fold(person.name))
    }) {
      if people[index].handle == nil { people[index].handle = person.handle }
      if people[index].email == nil { people[index].email = person.email }
      if people[index].name.isEmpty { people[index].name = person.name }
      return
    }
    people.append(person)
  }

  /// Adds the entries of a configuration's `roster:` (strings).
  public mutating func add(entries: [String]) {
    for entry in entries {
      for part in Self.splitList(entry) {
        if let person = Self.parse(part) { add(person) }
      }
    }
  }

  /// Adds the people listed in a document's front matter, read again from its YAML so that
  /// mappings keep their keys.
  public mutating func add(frontMatterOf document: Document) {
    guard let frontMatter = document.frontMatter, frontMatter.problem == nil else { return }
    let lines = frontMatter.lines
    guard lines.upperBound > lines.lowerBound + 1 else { return }
    var yaml = ""
    for line in (lines.lowerBound + 1)...(lines.upperBound - 1) { yaml += document.source.lineText(line) + "\n" }
    guard let node = try? Yams.compose(yaml: yaml), case .mapping(let mapping) = node else { return }
    for (key, value) in mapping {
      guard let name = key.scalar?.string.lowercased(), Self.frontMatterKeys.contains(name) else { continue }
      addNode(value, topLevel: true)
    }
  }

  private mutating func addNode(_ node: Node, topLevel: Bool) {
    switch node {
    case .scalar(let scalar):
      // A bare scalar at the top ("team: Lead scoring") names a team, not people, unless it lists
      // handles or several names.
      let text = scalar.string
      if topLevel, !text.contains("@"), !text.contains(",") { return }
      add(entries: [text])
    case .sequence(let sequence):
      for item in sequence { addNode(item, topLevel: false) }
    case .mapping(let mapping):
      let fields = Dictionary(
        mapping.compactMap { key, value in key.scalar.map { ($0.string.lowercased(), value) } },
        uniquingKeysWith: { first, _ in first })
      let nameKeys = ["name", "nome"]
      if nameKeys.contains(where: { fields[$0] != nil }) || fields["handle"] != nil {
        // `{name: Marco Rossi, handle: mrossi, email: …}`
        let name = nameKeys.compactMap { fields[$0]?.scalar?.string }.first ?? ""
        let handle = fields["handle"]?.scalar?.string ?? fields["github"]?.scalar?.string
        let email = fields["email"]?.scalar?.string ?? fields["mail"]?.scalar?.string
        add(RosterPerson(name: name, handle: handle.map(Self.handle), email: email))
        return
      }
      // `Marco Rossi: "@mrossi"`, `mrossi: Marco Rossi`, `Marco Rossi: {handle: …, email: …}`
      for (key, value) in mapping {
        guard let keyText = key.scalar?.string else { continue }
        switch value {
        case .scalar(let scalar):
          add(entries: [Self.pairEntry(key: keyText, value: scalar.string)])
        case .mapping:
          var person = RosterPerson(name: keyText)
          if case .mapping(let inner) = value {
            for (innerKey, innerValue) in inner {
              switch innerKey.scalar?.string.lowercased() {
              case "handle"?, "github"?: person.handle = innerValue.scalar.map { Self.handle($0.string) }
              case "email"?, "mail"?: person.email = innerValue.scalar?.string
              case "name"?, "nome"?: person.name = innerValue.scalar?.string ?? keyText
              default: break
              }
            }
          }
          add(person)
        default:
          continue
        }
      }
    case .alias:
      return
    }
  }

  /// A `key: value` pair of a roster mapping as one entry: whichever side looks like a handle is
  /// the handle, the other the name.
  static func pairEntry(key: String, value: String) -> String {
    if value.hasPrefix("@") || key.hasPrefix("@") { return "\(key) \(value)" }
    if value.contains("@") || key.contains("@") { return "\(key) <\(value)>" }
    // `Marco Rossi: mrossi` (a name and a bare handle) or `mrossi: Marco Rossi`.
    if !value.contains(" "), key.contains(" ") { return "\(key) @\(value)" }
    if !key.contains(" "), value.contains(" ") { return "\(value) @\(key)" }
    return "\(key) @\(value)"
  }

  /// `Marco Rossi (@mrossi)`, `Marco Rossi <marco@example.com>`, `@mrossi Marco Rossi`, `Marco = @mrossi`.
  public static func parse(_ entry: String) -> RosterPerson? {
    var handle: String?
    var email: String?
    var words: [String] = []
    let separators: Set<Character> = [" ", "\t", "(", ")", "<", ">", "[", "]", "=", ":", ";", "—", "–", "|"]
    for raw in entry.split(whereSeparator: { separators.contains($0) }) {
      var word = String(raw)
      while let last = word.last, ",.".contains(last) { word.removeLast() }
      if word.isEmpty || word == "-" { continue }
      if word.hasPrefix("@"), word.count > 1 {
        if handle == nil { handle = Self.handle(word) }
      } else if let at = word.firstIndex(of: "@"), at != word.startIndex, word[at...].contains(".") {
        if email == nil { email = word.hasPrefix("mailto") ? String(word.dropFirst(7)) : word }
      } else {
        words.append(word)
      }
    }
    let person = RosterPerson(name: words.joined(separator: " "), handle: handle, email: email)
    return person.name.isEmpty && person.handle == nil ? nil : person
  }

  /// `mrossi` or `@mrossi` → `@mrossi`.
  static func handle(_ text: String) -> String {
    let trimmed = text.trimmed(" \t")
    return trimmed.hasPrefix("@") ? trimmed : "@" + trimmed
  }

  /// "Marco Rossi, Anna Verdi" → two entries (commas inside brackets do not split).
  static func splitList(_ text: String) -> [String] {
    var parts: [String] = []
    var current = ""
    var depth = 0
    for character in text {
      if "(<[".contains(character) { depth += 1 }
      if ")>]".contains(character) { depth = max(0, depth - 1) }
      if character == ",", depth == 0 {
        parts.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    parts.append(current)
    return parts.map { $0.trimmed(" \t") }.filter { !$0.isEmpty }
  }

  static func fold(_ text: String) -> String {
    StableHash.normalize(text.hasPrefix("@") ? String(text.dropFirst()) : text)
  }

  /// The person an owner as written stands for: by handle, full name or e-mail; else by a first
  /// name or surname that only one person of the roster has.
  public func person(for owner: String) -> RosterPerson? {
    let folded = Self.fold(owner)
    guard !folded.isEmpty else { return nil }
    if let exact = people.first(where: { person in
      person.handle.map(Self.fold) == folded || (!person.name.isEmpty && Self.fold(person.name) == folded)
        || person.email.map { Self.fold(String($0.prefix { $0 != "@" })) } == folded
    }) {
      return exact
    }
    let ownerWords = folded.split(separator: " ")
    guard ownerWords.count == 1, let word = ownerWords.first else { return nil }
    let candidates = people.filter { person in
      let words = Self.fold(person.name).split(separator: " ")
      return words.count > 1 && (words.first == word || words.last == word)
    }
    return candidates.count == 1 ? candidates[0] : nil
  }
}

extension String {
  fileprivate func trimmed(_ set: String) -> String {
    var view = self[...]
    while let first = view.first, set.contains(first) { view = view.dropFirst() }
    while let last = view.last, set.contains(last) { view = view.dropLast() }
    return String(view)
  }
}
