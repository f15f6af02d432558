import NoteLintText

/// Relative days, calendar units, end/start of periods and bounded relative times.
extension DateMatcher {
  /// `today`, `domani`, `dopodomani`, `day after tomorrow`, `domani mattina`, `tomorrow EOD`.
  func relativeDay(_ index: Int) -> DateHit? {
    var offset: Int
    var position: Int
    if let days = tables.relativeDays[word(index)] {
      offset = days
      position = index + 1
    } else if let end = sequence(index, tables.dayAfterTomorrow) {
      offset = 2
      position = end
    } else {
      return nil
    }
    if tables.partsOfDay.contains(word(position)) { position += 1 }
    let date = reference.adding(days: offset)
    if tables.endOfDayWords.contains(word(position)) {
      return .period((date, date), end: position + 1)
    }
    return .day(date, end: position)
  }

  static let eodPhrases: [[String]] = [
    ["eod"], ["cob"], ["eob"], ["end", "of", "day"], ["end", "of", "the", "day"],
    ["end", "of", "today"],
    ["end", "of", "business"], ["end", "of", "business", "day"],
    ["end", "of", "the", "business", "day"],
    ["close", "of", "business"], ["fine", "giornata"], ["fine", "della", "giornata"],
    ["fine", "di", "giornata"],
    ["in", "giornata"],
  ]

  /// `EOD`, `COB`, `end of (the) day`, `fine giornata`, `in giornata`, optionally for another
  /// day: `EOD Friday`, `COB tomorrow`. A period of one day.
  func endOfDay(_ index: Int) -> DateHit? {
    guard tables.eodStarters.contains(word(index)),
      var position = longestSequence(index, tables.eodPhrases)
    else { return nil }
    var date = reference
    if let word = word(position) {
      if let offset = tables.endOfDayTargets[word] {
        date = reference.adding(days: offset)
        position += 1
      } else if let weekday = weekdayNumber(position) {
        date = onOrAfter(weekday)
        position += 1
      }
    }
    return .period((date, date), end: position)
  }

  /// `this week`, `next month`, `prossimo sprint`, `settimana prossima`, `mese scorso`,
  /// `quest'anno`, `in settimana`, `this weekend`: a whole calendar unit.
  func relativeUnit(_ index: Int) -> DateHit? {
    guard let word = word(index) else { return nil }
    if word == .this || word == .questo, let month = monthName(index + 1), !month.abbreviation {
      // "this September", "questo settembre": that month of the reference's year.
      return .period(monthRange(year: reference.year, month: month.number), end: index + 2)
    }
    if let offset = tables.preModifiers[word], let unit = tables.periodUnits[self.word(index + 1)] {
      // "next sprint 12" is sprint 12.
      if unit == .sprint, number(index + 2) != nil { return nil }
      return .period(unitRange(unit, offset: offset), end: index + 2)
    }
    if word == .quest, isPunct(index + 1, "'"), let unit = tables.periodUnits[self.word(index + 2)] {
      return .period(unitRange(unit, offset: 0), end: index + 3)
    }
    if let unit = tables.periodUnits[word] {
      if let offset = tables.postModifiers[self.word(index + 1)] {
        return .period(unitRange(unit, offset: offset), end: index + 2)
      }
      if isWord(index + 1, .in), isWord(index + 2, .corso) {
        return .period(unitRange(unit, offset: 0), end: index + 3)
      }
    }
    if word == .in || word == .within, isWord(index + 1, .a), isWord(index + 2, .fortnight) {
      // "in a fortnight": two weeks from the reference; "within a fortnight": by then.
      let due = reference.adding(days: 14)
      return word == .in ? .day(due, end: index + 3) : .period((reference, due), end: index + 3)
    }
    if word == .in, isWord(index + 1, .settimana), number(index + 2) == nil {
      return .period(unitRange(.week, offset: 0), end: index + 2)
    }
    return nil
  }

  /// Articles between "end of"/"fine"/"inizio" and what follows.
  static let ofArticles: Set<String> = ["the", "del", "della", "dello", "dell'", "di", "dei"]

  static let endAbbreviations: [String: DateLexicon.PeriodUnit] = [
    "eow": .week, "eom": .month, "eoq": .quarter, "eoy": .year,
  ]

  /// `end of X` / `fine X` / `EOW`/`EOM`/`EOQ`/`EOY` / `year-end`: all of X (the current unit when
  /// X is a bare unit word: `end of month`, `fine settimana`, `fine sprint`).
  func endOf(_ index: Int) -> DateHit? {
    guard let word = word(index) else { return nil }
    if let unit = tables.endAbbreviations[word] {
      // EOW is the end of the working week: Friday (Monday to Friday of the ISO week).
      guard unit == .week, let (start, due) = unitRange(unit, offset: 0) else {
        return .period(unitRange(unit, offset: 0), end: index + 1)
      }
      return .period((start, max(start, due.adding(days: -2))), end: index + 1)
    }
    if let unit = tables.periodUnits[word], unit == .month || unit == .quarter || unit == .year || unit == .sprint,
      let end = pair(index, word, .end)
    {
      // "year-end", "month end", "quarter-end", "sprint end"
      return .period(unitRange(unit, offset: 0), end: end)
    }
    let afterEnd: Int
    if let end = pair(index, .end, .of) {
      afterEnd = end
    } else if word == .fine {
      afterEnd = index + 1
    } else {
      return nil
    }
    return periodTarget(afterEnd) { $0 }
  }

  /// What "end of" / "inizio" / "mid" apply to: a bare unit word (the current one) or a period
  /// expression (month names and years allowed bare), after an optional article. `transform`
  /// maps the target's range to the result's.
  func periodTarget(
    _ index: Int, _ transform: ((CivilDate, CivilDate)) -> (CivilDate, CivilDate)
  ) -> DateHit? {
    var best = DateBest()
    let afterArticle = article(index, tables.ofArticles)
    for position in [index, afterArticle ?? -1] where position >= 0 {
      if let unitWord = word(position), let unit = tables.periodUnits[unitWord],
        unit != .weekend,
        unit != .half || unitWord == .semestre
      {
        best.take(.period(unitRange(unit, offset: 0).map(transform), end: position + 1))
      }
      if let hit = core(position, [.month, .year]), hit.kind == .period {
        var result = hit
        result.used = []
        if let start = hit.start, let due = hit.due {
          (result.start, result.due) = transform((start, due))
        }
        best.take(result)
      }
    }
    return best.hit
  }

  enum Part: Int, Sendable {
    case early = 0
    case middle = 1
    case late = 2
  }

  static let partPhrases: [([String], Part)] = [
    (["early"], .early), (["beginning", "of"], .early), (["start", "of"], .early),
    (["inizio"], .early),
    (["primi", "di"], .early), (["mid"], .middle), (["middle", "of"], .middle), (["meta"], .middle),
    (["late"], .late),
  ]

  /// `early/mid/late December`, `inizio dicembre`, `metà mese`, `beginning of 2027`,
  /// `ai primi di gennaio`: the first, middle or last third of a month, quarter, year or week.
  func partOf(_ index: Int) -> DateHit? {
    guard tables.partStarters.contains(word(index)) else { return nil }
    var best = DateBest()
    for (phrase, part) in tables.partPhrases {
      guard var position = sequence(index, phrase) else { continue }
      if isPunct(position, "-") || isPunct(position, "'"), isGlued(position) { position += 1 }
      best.take(periodTarget(position) { third(of: $0, part) })
    }
    return best.hit
  }

  /// Early/middle/late part of a range: days 1–10 / 11–20 / 21–end of a month; thirds in whole
  /// months of a quarter or year; otherwise thirds in days (a week: Mon–Tue, Wed–Thu, Fri–Sun).
  func third(of range: (CivilDate, CivilDate), _ part: Part) -> (CivilDate, CivilDate) {
    let (start, due) = range
    let months = (due.year * 12 + due.month) - (start.year * 12 + start.month) + 1
    let wholeMonths = start.day == 1 && due == due.lastOfMonth
    if wholeMonths, months == 1 {
      switch part {
      case .early: return (start, start.adding(days: 9))
      case .middle: return (start.adding(days: 10), start.adding(days: 19))
      case .late: return (start.adding(days: 20), due)
      }
    }
    if wholeMonths, months % 3 == 0 {
      let chunk = months / 3
      let first = start.adding(months: chunk * part.rawValue)
      return (first, first.adding(months: chunk - 1).lastOfMonth)
    }
    let length = start.days(to: due) + 1
    let size = max(1, length / 3)
    switch part {
    case .early: return (start, min(due, start.adding(days: size - 1)))
    case .middle:
      return (min(due, start.adding(days: size)), min(due, start.adding(days: 2 * size - 1)))
    case .late: return (min(due, start.adding(days: 2 * size)), due)
    }
  }

  static let entroUnitWords: [String: DateLexicon.PeriodUnit?] = [
    "settimana": .week, "mese": .month, "anno": .year, "trimestre": .quarter, "semestre": .half,
    "sprint": .sprint, "giornata": nil, "week": .week, "month": .month, "year": .year,
    "quarter": .quarter,
    "day": nil,
  ]

  /// `entro la settimana`, `entro il mese`, `entro l'anno`, `entro lo sprint`, `within the week`:
  /// from the reference to the end of the current unit.
  func entroUnit(_ index: Int) -> DateHit? {
    let position: Int
    if isWord(index, .entro), let afterArticle = article(index + 1, tables.entroArticles) {
      position = afterArticle
    } else if let end = pair(index, .within, .the) {
      position = end
    } else {
      return nil
    }
    guard let entry = tables.entroUnitWords[word(position)] else {
      return nil
    }
    guard let unit = entry else { return .period((reference, reference), end: position + 1) }
    guard let (start, due) = unitRange(unit, offset: 0) else {
      return .period(nil, end: position + 1)
    }
    return .period((max(start, reference), due), end: position + 1)
  }

  static let durationTriggers: [[String]] = [
    ["within"], ["within", "the", "next"], ["in"], ["in", "the", "next"], ["over", "the", "next"],
    ["in", "the", "coming"], ["during", "the", "next"], ["entro"], ["entro", "i", "prossimi"],
    ["entro", "le", "prossime"], ["tra"], ["fra"], ["nei", "prossimi"], ["nelle", "prossime"],
    ["nel", "giro", "di"], ["nell", "'", "arco", "di"],
  ]

  static let fromNowPhrases: [[String]] = [
    ["from", "now"], ["from", "today"], ["da", "oggi"], ["da", "adesso"], ["da", "ora"],
  ]

  /// `within 2 weeks`, `in 3 days`, `in the next 10 days`, `entro 10 giorni`, `tra 3 giorni`,
  /// `nei prossimi 10 giorni`, `entro 48 ore`, `in 24h`, `within a month`, `2 weeks from now`:
  /// from the reference to reference + amount. A number is required ("nei prossimi giorni" is vague).
  func duration(_ index: Int) -> DateHit? {
    var best = DateBest()
    for trigger in tables.durationTriggers[word(index)] ?? [] {
      guard let afterTrigger = sequence(index, trigger),
        let (amount, unit, end) = quantity(afterTrigger)
      else {
        continue
      }
      let position = longestSequence(end, tables.fromNowPhrases) ?? end
      best.take(.period((reference, add(amount, unit)), end: position))
    }
    // Without a trigger, "from now" is required: "2 weeks from now", "tra 3 giorni da oggi".
    if let (amount, unit, end) = quantity(index),
      let position = longestSequence(end, tables.fromNowPhrases)
    {
      best.take(.period((reference, add(amount, unit)), end: position))
    }
    return best.hit
  }

  /// An amount and a unit: `2 weeks`, `two weeks`, `a month`, `un mese`, `un'ora`, `48h`,
  /// `10 gg`, `3 business days`, `5 giorni lavorativi`, `2-3 giorni` (the upper bound).
  func quantity(_ index: Int) -> (Int, DateLexicon.DurationUnit, Int)? {
    var amount: Int
    var position: Int
    if let value = number(index) {
      guard value.length <= 3, cleanBefore(index) else { return nil }
      amount = value.value
      position = index + 1
      // "2-3 giorni": the upper bound.
      if isPunct(position, "-"), isGlued(position), let upper = number(position + 1),
        isGlued(position + 1),
        upper.length <= 3, upper.value > amount
      {
        amount = upper.value
        position += 2
      }
    } else if let word = word(index) {
      // "half a year", "mezzo anno", "mezza giornata": half of the unit, rounded up.
      if word == .half || word == .mezzo || word == .mezza {
        var position = index + 1
        if word == .half {
          guard isWord(position, .a) || isWord(position, .an) else { return nil }
          position += 1
        }
        guard let unitWord = self.word(position), let unit = tables.durationUnits[unitWord],
          cleanAfter(position + 1) || isPunct(position + 1, ".")
        else { return nil }
        switch unit {
        case .year: return (6, .month, position + 1)
        case .month: return (15, .day, position + 1)
        case .week: return (4, .day, position + 1)
        case .day, .businessDay: return (1, .day, position + 1)
        case .hour: return (1, .hour, position + 1)
        }
      }
      if word == .a || word == .an {
        amount = 1
      } else if let value = tables.numberWords[word] {
        amount = value
      } else {
        return nil
      }
      position = index + 1
      if word == .un, isPunct(position, "'"), isGlued(position) { position += 1 }
    } else {
      return nil
    }
    guard var unitWord = word(position) else { return nil }
    var business = false
    if tables.businessWords.contains(unitWord), let next = word(position + 1) {
      business = true
      position += 1
      unitWord = next
    }
    guard var unit = tables.durationUnits[unitWord] else { return nil }
    position += 1
    if tables.dottedUnits.contains(unitWord), isPunct(position, "."), isGlued(position) {
      position += 1
    }
    if unit == .day, tables.lavorativi.contains(word(position)) {
      business = true
      position += 1
    }
    if business {
      guard unit == .day else { return nil }
      unit = .businessDay
    }
    guard amount <= DateMatcher.durationLimit(unit),
      cleanAfter(position) || isPunct(position, ".")
    else { return nil }
    return (amount, unit, position)
  }

  static func durationLimit(_ unit: DateLexicon.DurationUnit) -> Int {
    switch unit {
    case .hour: return 10_000
    case .day, .businessDay: return 1000
    case .week: return 260
    case .month: return 120
    case .year: return 20
    }
  }

  func add(_ amount: Int, _ unit: DateLexicon.DurationUnit) -> CivilDate {
    switch unit {
    case .hour: return reference.adding(days: (amount + 23) / 24)
    case .day: return reference.adding(days: amount)
    case .week: return reference.adding(days: 7 * amount)
    case .month: return reference.adding(months: amount)
    case .year: return reference.adding(months: 12 * amount)
    case .businessDay:
      var date = reference
      var left = amount
      while left > 0 {
        date = date.adding(days: 1)
        if date.weekday <= 5 { left -= 1 }
      }
      return date
    }
  }
}
