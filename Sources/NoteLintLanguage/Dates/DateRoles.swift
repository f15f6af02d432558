/// What a date found in an item says of the item: the deadline it must meet, or something else.
public enum DateRole: String, Sendable {
  /// Introduced by by / entro / due / scadenza / deadline / until / before / fino a (or the date
  /// is such a phrase itself: "by Friday", "entro il 4").
  case deadline
  /// When the work was done: "done 2 Oct", "fatto il 3 marzo", "completed on 12/11".
  case completion
  /// Since when something holds: "running since 3 Feb", "attivo dal 2 marzo".
  case since
  /// An absence: "away Mar 5–6", "in ferie dal 3 al 7", "OOO 12 Dec".
  case absence
  /// Any other date ("meeting 4 Dec: ship the fix"): a deadline only when the item has no
  /// deadline-introduced date.
  case plain
}

/// Reads the role of each date of an item and picks the item's deadline.
public enum DateRoles {
  /// Words that introduce a deadline, in the date's own text or right before it.
  static let deadlineWords: Set<String> = [
    "by", "entro", "due", "scadenza", "scade", "deadline", "until", "till", "til", "before", "prima", "fino",
    "eta", "target", "within", "end", "fine", "eow", "eom", "eoq", "eoy", "eod", "cob", "termine", "consegna",
  ]
  static let completionWords: Set<String> = [
    "done", "completed", "complete", "finished", "shipped", "merged", "delivered", "released", "closed",
    "resolved", "fixed", "sent", "submitted", "deployed", "fatto", "fatta", "fatti", "fatte", "completato",
    "completata", "completati", "completate", "concluso", "conclusa", "chiuso", "chiusa", "consegnato",
    "consegnata", "rilasciato", "rilasciata", "risolto", "risolta", "inviato", "inviata", "terminato",
    "terminata", "svolto", "svolta", "eseguito", "eseguita",
  ]
  static let sinceWords: Set<String> = ["since", "dal", "dalla", "dallo", "dall"]
  static let absenceWords: Set<String> = [
    "away", "out", "off", "ooo", "ooto", "pto", "leave", "vacation", "holiday", "holidays", "absent", "sick",
    "assente", "assenti", "ferie", "vacanza", "malattia", "permesso", "fuori", "travelling", "traveling",
    "unavailable", "indisponibile",
  ]
  /// Words skipped between a trigger and its date ("done on 2 Oct", "fatto il 3", "away from").
  static let fillers: Set<String> = [
    "on", "the", "il", "lo", "la", "l", "in", "data", "at", "al", "del", "as", "of", "is", "was", "e", "and", "from",
    "da", "been", "ha", "have", "has", "gia", "already", "date", "giorno",
  ]

  /// The role of `expression` found in `text` (folded scalars, as `DateParser.find` takes them).
  public static func role(of expression: DateExpression, in text: [Unicode.Scalar]) -> DateRole {
    let own = words(text, expression.range.clamped(to: 0..<text.count))
    if let first = own.first {
      if deadlineWords.contains(first) { return .deadline }
      if sinceWords.contains(first) && expression.kind != .period { return .since }
      if first == "since" { return .since }
    }
    // Up to five words before the date, nearest first, past fillers and punctuation.
    let before = words(text, 0..<min(expression.range.lowerBound, text.count)).suffix(5).reversed()
    for word in before {
      if deadlineWords.contains(word) { return .deadline }
      if completionWords.contains(word) { return .completion }
      if word == "since" { return .since }
      if absenceWords.contains(word) { return .absence }
      if fillers.contains(word) { continue }
      // A name or another word: absence words reach past one ("Ravi away", "Ravi is out").
      break
    }
    return .plain
  }

  /// The deadline of an item among its dates, each with the folded text it was found in: the
  /// latest due day among the deadline-introduced dates, else among the plain dates; completion,
  /// "since" and absence dates are never the deadline (nil when only those are dated).
  public static func deadline(among dates: [(expression: DateExpression, text: [Unicode.Scalar])])
    -> DateExpression?
  {
    var deadline: DateExpression?
    var plain: DateExpression?
    for (expression, text) in dates {
      guard let due = expression.due else { continue }
      switch role(of: expression, in: text) {
      case .deadline:
        if deadline.map({ $0.due! < due }) ?? true { deadline = expression }
      case .plain:
        if plain.map({ $0.due! < due }) ?? true { plain = expression }
      case .completion, .since, .absence:
        continue
      }
    }
    return deadline ?? plain
  }

  /// The lowercase letter-and-digit words of `text[range]`, in order.
  static func words(_ text: [Unicode.Scalar], _ range: Range<Int>) -> [String] {
    var result: [String] = []
    var current = String.UnicodeScalarView()
    for scalar in text[range] {
      if scalar.properties.isAlphabetic || (scalar.value >= 0x30 && scalar.value <= 0x39) {
        current.append(scalar)
      } else if !current.isEmpty {
        result.append(String(current))
        current = String.UnicodeScalarView()
      }
    }
    if !current.isEmpty { result.append(String(current)) }
    return result
  }
}
