/// How numeric dates are read: `04/12` is 4 December day-first, 12 April month-first.
public struct DateContext: Sendable {
  /// The note's date (or today): relative expressions resolve against it.
  public var reference: CivilDate
  public var order: DateOrder
  public var sprintLengthDays: Int
  /// First day of sprint 1, when known (to resolve "end of sprint 12").
  public var sprintOne: CivilDate?

  public init(reference: CivilDate, order: DateOrder = .dayFirst, sprintLengthDays: Int = 14, sprintOne: CivilDate? = nil)
  {
    self.reference = reference
    self.order = order
    self.sprintLengthDays = sprintLengthDays
    self.sprintOne = sprintOne
  }
}

/// Finds checkable date expressions in folded text (lowercase, accents stripped), in Italian and
/// English: absolute dates, weekdays and periods with by/entro, sprints, quarters, ISO weeks,
/// bounded relative times and recurring cadences. Vague times (soon, a breve) are not dates.
public struct DateParser: Sendable {
  public init() {}

  enum UnitKind: Equatable {
    case word
    case number
    case mark
  }

  /// A lexical unit of the folded text: a run of letters, a run of digits, or one other scalar.
  struct Unit {
    var kind: UnitKind
    var text: String
    var value: Int
    var range: Range<Int>
    /// No space between this unit and the previous one.
    var glued: Bool
  }

  static func units(_ text: [Unicode.Scalar]) -> [Unit] {
    var units: [Unit] = []
    var index = 0
    var glued = false
    while index < text.count {
      let scalar = text[index]
      let value = scalar.value
      if value == 0x20 || value == 0x0A || value == 0x09 || value == 0xA0 || value == 0x0D {
        glued = false
        index += 1
        continue
      }
      let start = index
      if value >= 0x30 && value <= 0x39 {
        var number = 0
        while index < text.count, text[index].value >= 0x30 && text[index].value <= 0x39 {
          number = min(number * 10 + Int(text[index].value - 0x30), 1_000_000)
          index += 1
        }
        units.append(
          Unit(kind: .number, text: String(String.UnicodeScalarView(text[start..<index])), value: number,
            range: start..<index, glued: glued))
      } else if scalar.properties.isAlphabetic {
        while index < text.count, text[index].properties.isAlphabetic { index += 1 }
        units.append(
          Unit(kind: .word, text: String(String.UnicodeScalarView(text[start..<index])), value: 0,
            range: start..<index, glued: glued))
      } else {
        index += 1
        units.append(Unit(kind: .mark, text: String(scalar), value: 0, range: start..<index, glued: glued))
      }
      glued = true
    }
    return units
  }

  static let months: [String: Int] = [
    "gennaio": 1, "gen": 1, "febbraio": 2, "feb": 2, "marzo": 3, "mar": 3, "aprile": 4, "apr": 4, "maggio": 5,
    "mag": 5, "giugno": 6, "giu": 6, "luglio": 7, "lug": 7, "agosto": 8, "ago": 8, "settembre": 9, "set": 9,
    "sett": 9, "ottobre": 10, "ott": 10, "novembre": 11, "nov": 11, "dicembre": 12, "dic": 12, "january": 1,
    "jan": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11,
    "december": 12, "dec": 12,
  ]
  /// Month words that are also ordinary words: months only next to a day, a year or a trigger.
  static let ambiguousMonths: Set<String> = ["may", "mar", "march", "set", "gen", "ago", "dec", "jan", "sett"]

  static let weekdays: [String: Int] = [
    "lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4, "venerdi": 5, "sabato": 6, "domenica": 7,
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
    "mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thurs": 4, "fri": 5,
  ]
  /// Words that make a weekday a deadline: "by Friday", "entro venerdì", "prima di lunedì".
  static let triggers: Set<String> = [
    "by", "entro", "before", "on", "until", "till", "next", "this", "per", "for", "due", "deadline", "scadenza",
  ]
  /// Words that make a month name alone a period: "by December", "entro dicembre", "in December".
  static let monthTriggers: Set<String> = [
    "by", "entro", "before", "until", "till", "in", "end", "fine", "early", "mid", "late", "inizio", "meta",
    "deadline", "scadenza", "due",
  ]
  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "a": 1, "an": 1, "uno": 1, "una": 1,
    "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8, "nove": 9, "dieci": 10,
    "undici": 11, "dodici": 12, "quindici": 15, "venti": 20, "trenta": 30,
  ]
  static let dayUnits: [String: Int] = [
    "day": 1, "days": 1, "giorno": 1, "giorni": 1, "week": 7, "weeks": 7, "settimana": 7, "settimane": 7,
    "month": 30, "months": 30, "mese": 30, "mesi": 30, "hour": 0, "hours": 0, "ora": 0, "ore": 0, "business": 1,
    "working": 1, "lavorativi": 1, "sprint": 14, "sprints": 14,
  ]
  static let cadenceWords: Set<String> = [
    "weekly", "daily", "monthly", "biweekly", "fortnightly", "quarterly", "settimanale", "settimanali",
    "settimanalmente", "mensile", "mensili", "mensilmente", "quotidiano", "quotidiana", "quotidianamente",
    "giornaliero", "giornaliera", "quindicinale", "bisettimanale", "trimestrale",
  ]

  /// Whether a folded word is a month or weekday name (for name detection).
  public static func isCalendarWord(_ hash: UInt64) -> Bool { calendarHashes.contains(hash) }

  private static let calendarHashes: Set<UInt64> = Set((Array(months.keys) + Array(weekdays.keys)).map(TokenHash.hash))

  public func find(in text: [Unicode.Scalar], context: DateContext) -> [DateExpression] {
    let units = Self.units(text)
    var result: [DateExpression] = []
    var index = 0
    while index < units.count {
      if let (expression, next) = match(units, at: index, context: context) {
        result.append(expression)
        index = max(next, index + 1)
      } else {
        index += 1
      }
    }
    return result
  }

  private func word(_ units: [Unit], _ index: Int) -> String? {
    index >= 0 && index < units.count && units[index].kind == .word ? units[index].text : nil
  }

  private func number(_ units: [Unit], _ index: Int) -> Int? {
    index < units.count && units[index].kind == .number ? units[index].value : nil
  }

  private func mark(_ units: [Unit], _ index: Int, _ marks: String) -> Bool {
    index < units.count && units[index].kind == .mark && marks.contains(units[index].text)
  }

  private func expression(_ units: [Unit], _ from: Int, _ to: Int, _ kind: DateExpressionKind, _ start: CivilDate?,
    _ due: CivilDate?) -> (DateExpression, Int)
  {
    let range = units[from].range.lowerBound..<units[to - 1].range.upperBound
    return (DateExpression(range: range, kind: kind, start: start, due: due ?? start), to)
  }

  /// A year for a day and month written without one: the reference year, or the next one when the
  /// date would be more than six months in the past.
  private func inferYear(month: Int, day: Int, context: DateContext) -> Int {
    let year = context.reference.year
    if let date = CivilDate(year: year, month: month, day: day),
      date.daysSinceEpoch < context.reference.daysSinceEpoch - 183
    {
      return year + 1
    }
    return year
  }

  private func normalizeYear(_ value: Int, digits: Int) -> Int? {
    if digits == 4, value >= 1990, value <= 2100 { return value }
    if digits == 2 { return 2000 + value }
    return nil
  }

  private func match(_ units: [Unit], at index: Int, context: DateContext) -> (DateExpression, Int)? {
    let unit = units[index]
    // Never inside money, percentages or versions: "1.200 €", "3.5%", "v2.1".
    if unit.kind == .number {
      if index > 0, units[index].glued, mark(units, index - 1, "€$£.,") || word(units, index - 1) == "v" {
        return nil
      }
      return numeric(units, at: index, context: context)
    }
    guard unit.kind == .word else { return nil }
    return wordLed(units, at: index, context: context)
  }

  // MARK: Numeric starts

  private func numeric(_ units: [Unit], at index: Int, context: DateContext) -> (DateExpression, Int)? {
    let first = units[index]
    // ISO: 2026-12-04, 2026/12/04, and 2026-W49.
    if first.text.count == 4, mark(units, index + 1, "-/"), units[index + 1].glued {
      if let month = number(units, index + 2), units[index + 2].glued, mark(units, index + 3, "-/"),
        let day = number(units, index + 4), units[index + 4].glued,
        let date = CivilDate(year: first.value, month: month, day: day)
      {
        return expression(units, index, index + 5, .absolute, date, nil)
      }
      if let w = word(units, index + 2), w.hasPrefix("w"), let week = Int(w.dropFirst()) ?? number(units, index + 3) {
        let end = Int(w.dropFirst()) != nil ? index + 3 : index + 4
        return weekExpression(units, index, end, year: first.value, week: week)
      }
    }
    // Numeric day and month: 04/12/2026, 4.12.26, 4/12, 4-12-2026.
    if first.text.count <= 2, mark(units, index + 1, "/.-"), units[index + 1].glued,
      let second = number(units, index + 2), units[index + 2].glued, units[index + 2].text.count <= 2
    {
      let separator = units[index + 1].text
      var year: Int?
      var end = index + 3
      if mark(units, index + 3, separator), units[index + 3].glued, let raw = number(units, index + 4),
        units[index + 4].glued
      {
        year = normalizeYear(raw, digits: units[index + 4].text.count)
        end = index + 5
        if year == nil { return nil }
      } else if separator == "-" {
        return nil
      } else if separator == "." || separator == "," {
        // "3.5" is a decimal unless a trigger word stands before it or the day has two digits.
        let trigger = index > 0 && Self.triggers.contains(word(units, index - 1) ?? "")
        if !(trigger || (first.text.count == 2 && units[index + 2].text.count == 2)) { return nil }
      }
      if mark(units, end, "%€$") || word(units, end).map({ ["k", "m", "eur", "euro", "mln"].contains($0) }) == true {
        return nil
      }
      var day = first.value
      var month = second
      if context.order == .monthFirst, second <= 31, first.value <= 12 {
        day = second
        month = first.value
      } else if month > 12, day <= 12 {
        swap(&day, &month)
      }
      let resolvedYear = year ?? inferYear(month: month, day: day, context: context)
      guard let date = CivilDate(year: resolvedYear, month: month, day: day) else { return nil }
      return expression(units, index, end, .absolute, date, nil)
    }
    // Day and month name: 4 dicembre 2026, 4th of December, 4 dic.
    if first.text.count <= 2, first.value >= 1, first.value <= 31 {
      var cursor = index + 1
      if let suffix = word(units, cursor), ["th", "st", "nd", "rd"].contains(suffix), units[cursor].glued {
        cursor += 1
      } else if mark(units, cursor, "°ª") {
        cursor += 1
      }
      if word(units, cursor) == "of" { cursor += 1 }
      if let name = word(units, cursor), let month = Self.months[name] {
        cursor += 1
        if mark(units, cursor, ".") { cursor += 1 }
        var year: Int?
        var probe = cursor
        if mark(units, probe, ",") { probe += 1 }
        if let raw = number(units, probe), units[probe].text.count == 4, let valid = normalizeYear(raw, digits: 4) {
          year = valid
          cursor = probe + 1
        }
        let resolved = year ?? inferYear(month: month, day: first.value, context: context)
        guard let date = CivilDate(year: resolved, month: month, day: first.value) else { return nil }
        return expression(units, index, cursor, .absolute, date, nil)
      }
    }
    // 1Q27: a quarter with the year.
    if first.text.count == 1, let w = word(units, index + 1), units[index + 1].glued, w == "q", first.value >= 1,
      first.value <= 4, let year = number(units, index + 2), units[index + 2].glued
    {
      return quarter(units, index, index + 3, quarter: first.value, year: 2000 + year % 100)
    }
    return nil
  }

  // MARK: Word starts

  private func wordLed(_ units: [Unit], at index: Int, context: DateContext) -> (DateExpression, Int)? {
    let text = units[index].text
    let reference = context.reference
    // Quarters and halves: Q1 2027, Q4/2026, H1 2027.
    if text == "q" || text == "h", let value = number(units, index + 1), units[index + 1].glued {
      let limit = text == "q" ? 4 : 2
      guard value >= 1, value <= limit else { return nil }
      var year = reference.year
      var end = index + 2
      var probe = end
      if mark(units, probe, "/-'") { probe += 1 }
      if let raw = number(units, probe), let valid = normalizeYear(raw, digits: units[probe].text.count) {
        year = valid
        end = probe + 1
      }
      if text == "q" { return quarter(units, index, end, quarter: value, year: year) }
      let start = CivilDate(year: year, month: value == 1 ? 1 : 7, day: 1)
      let due = CivilDate(year: year, month: value == 1 ? 6 : 12, day: value == 1 ? 30 : 31)
      return expression(units, index, end, .period, start, due)
    }
    // ISO weeks: W49, week 49, wk 49, cw49, settimana 49, sett. 49.
    if text == "w" || text == "cw" || text == "kw", let week = number(units, index + 1), units[index + 1].glued {
      return weekExpression(units, index, index + 2, year: reference.year, week: week)
    }
    if ["week", "wk", "settimana", "sett"].contains(text) {
      var cursor = index + 1
      if mark(units, cursor, ".") { cursor += 1 }
      if let week = number(units, cursor), week >= 1, week <= 53 {
        return weekExpression(units, index, cursor + 1, year: reference.year, week: week)
      }
    }
    // Month name then day: Dec 4, December 4th, 2026; or month and year: December 2026.
    if let month = Self.months[text] {
      var cursor = index + 1
      if mark(units, cursor, ".") { cursor += 1 }
      if let day = number(units, cursor), units[cursor].text.count <= 2, day >= 1 {
        cursor += 1
        if let suffix = word(units, cursor), ["th", "st", "nd", "rd"].contains(suffix) { cursor += 1 }
        var year: Int?
        var probe = cursor
        if mark(units, probe, ",") { probe += 1 }
        if let raw = number(units, probe), units[probe].text.count == 4, let valid = normalizeYear(raw, digits: 4) {
          year = valid
          cursor = probe + 1
        }
        let resolved = year ?? inferYear(month: month, day: day, context: context)
        if let date = CivilDate(year: resolved, month: month, day: day) {
          return expression(units, index, cursor, .absolute, date, nil)
        }
      }
      if let raw = number(units, cursor), units[cursor].text.count == 4, let year = normalizeYear(raw, digits: 4) {
        return monthPeriod(units, index, cursor + 1, year: year, month: month)
      }
      let previous = index > 0 ? word(units, index - 1) ?? "" : ""
      if Self.monthTriggers.contains(previous) {
        let year = month < reference.month - 5 ? reference.year + 1 : reference.year
        return monthPeriod(units, index, index + 1, year: year, month: month)
      }
      return nil
    }
    // Weekdays: by Friday, entro venerdì, next Monday, lunedì prossimo, venerdì 4.
    if let weekday = Self.weekdays[text] {
      let previous = index > 0 ? word(units, index - 1) ?? "" : ""
      let following = word(units, index + 1) ?? ""
      let isAbbreviation = text.count <= 4
      if previous == "every" || previous == "each" || previous == "ogni" || (previous == "i" && index > 1
        && word(units, index - 2) == "tutti")
      {
        return nil  // handled by the cadence that starts earlier
      }
      if let day = number(units, index + 1), units[index + 1].text.count <= 2, day >= 1, day <= 31 {
        if let (expression, end) = numeric(units, at: index + 1, context: context) {
          var widened = expression
          widened.range = units[index].range.lowerBound..<expression.range.upperBound
          return (widened, end)
        }
      }
      let afterPrima = previous == "di" && index > 1 && word(units, index - 2) == "prima"
      let triggered = Self.triggers.contains(previous) || afterPrima || following == "prossimo" || following == "next"
      guard triggered, !(isAbbreviation && previous != "by") else { return nil }
      var offset = (weekday - reference.weekday + 7) % 7
      if previous == "next" || following == "prossimo" { offset = offset == 0 ? 7 : offset + (offset < 3 ? 7 : 0) }
      let date = reference.adding(days: offset)
      let end = following == "prossimo" || following == "next" ? index + 2 : index + 1
      return expression(units, index, end, .period, date, nil)
    }
    // Recurring cadences.
    if Self.cadenceWords.contains(text) {
      // "daily vs weekly refresh" names a choice, not a schedule.
      let neighbours = [word(units, index - 1), word(units, index + 1)].compactMap { $0 }
      if neighbours.contains(where: { ["vs", "versus", "or", "o", "oppure", "contro"].contains($0) }) { return nil }
      return expression(units, index, index + 1, .recurring, nil, nil)
    }
    if text == "every" || text == "each" || text == "ogni" {
      var cursor = index + 1
      if let count = number(units, cursor) ?? Self.numberWords[word(units, cursor) ?? ""], count > 0,
        Self.dayUnits[word(units, cursor + 1) ?? ""] != nil
      {
        cursor += 2
        return expression(units, index, cursor, .recurring, nil, nil)
      }
      let ordinalWords: Set<String> = ["first", "second", "third", "fourth", "last", "primo", "secondo", "terzo", "ultimo"]
      if let ordinal = word(units, cursor), ordinalWords.contains(ordinal) { cursor += 1 }
      if let next = word(units, cursor),
        Self.weekdays[next] != nil || Self.dayUnits[next] != nil || ["morning", "mattina", "sera"].contains(next)
      {
        cursor += 1
        return expression(units, index, cursor, .recurring, nil, nil)
      }
      return nil
    }
    if text == "tutti", word(units, index + 1) == "i" || word(units, index + 1) == "le",
      let next = word(units, index + 2), Self.weekdays[next] != nil || next == "giorni" || next == "mesi"
    {
      return expression(units, index, index + 3, .recurring, nil, nil)
    }
    if text == "a", word(units, index + 1) == "settimane", word(units, index + 2) == "alterne" {
      return expression(units, index, index + 3, .recurring, nil, nil)
    }
    if text == "bi", mark(units, index + 1, "-"), word(units, index + 2) == "weekly" {
      return expression(units, index, index + 3, .recurring, nil, nil)
    }
    // Single words: today, tomorrow, EOD, EOW, EOM.
    switch text {
    case "today", "oggi", "eod", "stasera", "tonight":
      return expression(units, index, index + 1, .period, reference, nil)
    case "tomorrow", "domani":
      return expression(units, index, index + 1, .period, reference.adding(days: 1), nil)
    case "dopodomani":
      return expression(units, index, index + 1, .period, reference.adding(days: 2), nil)
    case "eow":
      return expression(units, index, index + 1, .period, endOfWeek(reference), nil)
    case "eom":
      return expression(units, index, index + 1, .period, endOfMonth(reference), nil)
    case "eoq":
      return quarter(units, index, index + 1, quarter: (reference.month - 1) / 3 + 1, year: reference.year)
    default:
      break
    }
    // End of a period: end of week/month/quarter/year/sprint N; fine settimana/mese/sprint N.
    if text == "end" || text == "fine" {
      var cursor = index + 1
      if text == "end", word(units, cursor) == "of" { cursor += 1 }
      while let filler = word(units, cursor), ["the", "this", "del", "della", "dello", "di", "the", "current"].contains(filler) {
        cursor += 1
      }
      if let (expression, end) = periodEnd(units, at: cursor, context: context) {
        var widened = expression
        widened.range = units[index].range.lowerBound..<expression.range.upperBound
        return (widened, end)
      }
      return nil
    }
    // Sprints: sprint 12, next sprint, prossimo sprint, this sprint.
    if text == "sprint", let value = number(units, index + 1) {
      return sprint(units, index, index + 2, number: value, context: context)
    }
    if (text == "next" || text == "prossimo") && word(units, index + 1) == "sprint" {
      return expression(units, index, index + 2, .period, nil, nil)
    }
    // Next/this week or month; la prossima settimana, il mese prossimo, questa settimana.
    if text == "next" || text == "prossima" || text == "prossimo" || text == "this" || text == "questa"
      || text == "questo"
    {
      let isNext = text != "this" && text != "questa" && text != "questo"
      if let next = word(units, index + 1) {
        if next == "week" || next == "settimana" {
          let end = endOfWeek(reference).adding(days: isNext ? 7 : 0)
          return expression(units, index, index + 2, .period, end.adding(days: -4), end)
        }
        if next == "month" || next == "mese" {
          let base = isNext ? reference.adding(months: 1) : reference
          return monthPeriod(units, index, index + 2, year: base.year, month: base.month)
        }
      }
    }
    if (text == "settimana" || text == "mese") && word(units, index + 1) == "prossima"
      || (text == "mese" && word(units, index + 1) == "prossimo")
    {
      if text == "settimana" {
        let end = endOfWeek(reference).adding(days: 7)
        return expression(units, index, index + 2, .period, end.adding(days: -4), end)
      }
      let base = reference.adding(months: 1)
      return monthPeriod(units, index, index + 2, year: base.year, month: base.month)
    }
    // Bounded relative times: within 2 weeks, entro 10 giorni, tra tre giorni, in the next 10 days.
    if ["within", "in", "entro", "tra", "fra", "nei", "nelle", "next", "prossimi", "prossime"].contains(text) {
      var cursor = index + 1
      while let filler = word(units, cursor), ["the", "next", "prossimi", "prossime", "i", "le"].contains(filler) {
        cursor += 1
      }
      if let count = number(units, cursor) ?? Self.numberWords[word(units, cursor) ?? ""], count > 0, count <= 400,
        let unitWord = word(units, cursor + 1), let days = Self.dayUnits[unitWord]
      {
        var end = cursor + 2
        if (unitWord == "business" || unitWord == "working"), word(units, end) == "days" { end += 1 }
        if unitWord == "giorni", word(units, end) == "lavorativi" { end += 1 }
        let span = days == 0 ? (count + 23) / 24 : count * days
        return expression(units, index, end, .period, reference, reference.adding(days: span))
      }
      if text == "entro", word(units, cursor) == "l", mark(units, cursor + 1, "'"), word(units, cursor + 2) == "anno" {
        let due = CivilDate(year: reference.year, month: 12, day: 31)
        return expression(units, index, cursor + 3, .period, reference, due)
      }
    }
    // Quarters in words: primo trimestre 2027, first half of 2027.
    let ordinals = ["primo": 1, "secondo": 2, "terzo": 3, "quarto": 4, "first": 1, "second": 2, "third": 3, "fourth": 4]
    if let ordinal = ordinals[text], let next = word(units, index + 1) {
      var year = reference.year
      var end = index + 2
      var probe = end
      if word(units, probe) == "of" || word(units, probe) == "del" { probe += 1 }
      if let raw = number(units, probe), let valid = normalizeYear(raw, digits: units[probe].text.count) {
        year = valid
        end = probe + 1
      }
      if next == "trimestre" || next == "quarter" {
        return quarter(units, index, end, quarter: ordinal, year: year)
      }
      if (next == "semestre" || next == "half"), ordinal <= 2 {
        let start = CivilDate(year: year, month: ordinal == 1 ? 1 : 7, day: 1)
        let due = CivilDate(year: year, month: ordinal == 1 ? 6 : 12, day: ordinal == 1 ? 30 : 31)
        return expression(units, index, end, .period, start, due)
      }
    }
    // Parts of a month: early December, mid-December, metà dicembre, inizio dicembre.
    if ["early", "mid", "late", "inizio", "meta", "metà"].contains(text) {
      var cursor = index + 1
      if mark(units, cursor, "-") { cursor += 1 }
      if let name = word(units, cursor), let month = Self.months[name] {
        let year = month < reference.month - 5 ? reference.year + 1 : reference.year
        let last = CivilDate.lastDay(year: year, month: month)
        let (first, final): (Int, Int) =
          text == "early" || text == "inizio" ? (1, 10) : (text == "late" ? (21, last) : (11, 20))
        return expression(
          units, index, cursor + 1, .period, CivilDate(year: year, month: month, day: first),
          CivilDate(year: year, month: month, day: final))
      }
    }
    return nil
  }

  private func periodEnd(_ units: [Unit], at cursor: Int, context: DateContext) -> (DateExpression, Int)? {
    let reference = context.reference
    guard let next = word(units, cursor) else { return nil }
    switch next {
    case "week", "settimana":
      return expression(units, cursor, cursor + 1, .period, endOfWeek(reference), nil)
    case "day", "giornata", "giorno":
      return expression(units, cursor, cursor + 1, .period, reference, nil)
    case "month", "mese":
      return expression(units, cursor, cursor + 1, .period, endOfMonth(reference), nil)
    case "quarter", "trimestre":
      return quarter(units, cursor, cursor + 1, quarter: (reference.month - 1) / 3 + 1, year: reference.year)
    case "year", "anno":
      return expression(units, cursor, cursor + 1, .period, CivilDate(year: reference.year, month: 12, day: 31), nil)
    case "sprint":
      if let value = number(units, cursor + 1) {
        return sprint(units, cursor, cursor + 2, number: value, context: context)
      }
      return expression(units, cursor, cursor + 1, .period, nil, nil)
    default:
      if let month = Self.months[next] {
        var year = month < reference.month - 5 ? reference.year + 1 : reference.year
        var end = cursor + 1
        if let raw = number(units, end), units[end].text.count == 4, let valid = normalizeYear(raw, digits: 4) {
          year = valid
          end += 1
        }
        let last = CivilDate(year: year, month: month, day: CivilDate.lastDay(year: year, month: month))
        return expression(units, cursor, end, .period, last, nil)
      }
      return nil
    }
  }

  private func sprint(_ units: [Unit], _ from: Int, _ to: Int, number: Int, context: DateContext) -> (DateExpression, Int)
  {
    guard let one = context.sprintOne, number >= 1 else { return expression(units, from, to, .period, nil, nil) }
    let start = one.adding(days: (number - 1) * context.sprintLengthDays)
    return expression(units, from, to, .period, start, start.adding(days: context.sprintLengthDays - 1))
  }

  private func quarter(_ units: [Unit], _ from: Int, _ to: Int, quarter: Int, year: Int) -> (DateExpression, Int)? {
    guard quarter >= 1, quarter <= 4 else { return nil }
    let firstMonth = (quarter - 1) * 3 + 1
    let lastMonth = firstMonth + 2
    let start = CivilDate(year: year, month: firstMonth, day: 1)
    let due = CivilDate(year: year, month: lastMonth, day: CivilDate.lastDay(year: year, month: lastMonth))
    return expression(units, from, to, .period, start, due)
  }

  private func monthPeriod(_ units: [Unit], _ from: Int, _ to: Int, year: Int, month: Int) -> (DateExpression, Int)? {
    let start = CivilDate(year: year, month: month, day: 1)
    let due = CivilDate(year: year, month: month, day: CivilDate.lastDay(year: year, month: month))
    return expression(units, from, to, .period, start, due)
  }

  private func weekExpression(_ units: [Unit], _ from: Int, _ to: Int, year: Int, week: Int) -> (DateExpression, Int)? {
    guard let monday = CivilDate.isoWeekStart(year: year, week: week) else { return nil }
    return expression(units, from, to, .period, monday, monday.adding(days: 6))
  }

  /// Friday of the reference's week (the next Friday from a weekend).
  private func endOfWeek(_ date: CivilDate) -> CivilDate {
    date.adding(days: (5 - date.weekday + 7) % 7)
  }

  private func endOfMonth(_ date: CivilDate) -> CivilDate {
    CivilDate(year: date.year, month: date.month, day: CivilDate.lastDay(year: date.year, month: date.month)) ?? date
  }
}

extension CivilDate {
  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    // 1970-01-01 was a Thursday (4).
    let value = (daysSinceEpoch % 7 + 7) % 7
    return (value + 3) % 7 + 1
  }

  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total / 12
    let newMonth = total % 12 + 1
    let newDay = min(day, CivilDate.lastDay(year: newYear, month: newMonth))
    return CivilDate(year: newYear, month: newMonth, day: newDay) ?? self
  }

  /// Monday of ISO week `week` of `year`.
  public static func isoWeekStart(year: Int, week: Int) -> CivilDate? {
    guard week >= 1, week <= 53, let january4 = CivilDate(year: year, month: 1, day: 4) else { return nil }
    let weekOneMonday = january4.adding(days: 1 - january4.weekday)
    let start = weekOneMonday.adding(days: (week - 1) * 7)
    if week == 53 {
      // Only years whose 28 December is in week 53 have one.
      guard let december28 = CivilDate(year: year, month: 12, day: 28),
        december28.daysSinceEpoch >= start.daysSinceEpoch
      else { return nil }
    }
    return start
  }
}
