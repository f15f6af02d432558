import NoteLintText

/// Quarters, halves, ISO weeks, sprints and cadences.
extension DateMatcher {
  /// An ordinal 1...4 ("first", "primo", "1st", "1°") and the index after it.
  func ordinal(_ index: Int) -> (value: Int, end: Int)? {
    if let value = tables.ordinals[word(index)] { return (value, index + 1) }
    if let value = number(index), value.length == 1, cleanBefore(index),
      let end = ordinalSuffix(index + 1)
    {
      return (value.value, end)
    }
    return nil
  }

  /// A year after a quarter or half: `2027`, `of 2027`, `del 2027`, `of the year`, `dell'anno`,
  /// `of next year`, `dell'anno prossimo`, `di quest'anno`.
  func yearPhrase(_ index: Int) -> (year: Int, end: Int)? {
    var position = index
    if let afterArticle = article(position, tables.yearArticles) {
      position = afterArticle
    }
    if let year = number(position), year.length == 4,
      DateMatcher.plausibleYears.contains(year.value),
      cleanAfter(position + 1)
    {
      return (year.value, position + 1)
    }
    if let hit = relativeUnit(position), let start = hit.start, let due = hit.due,
      start.month == 1, start.day == 1, due.month == 12, due.day == 31, start.year == due.year
    {
      return (start.year, hit.end)
    }
    if isWord(position, .the) { position += 1 }
    if isWord(position, .year) || isWord(position, .anno) {
      return (reference.year, position + 1)
    }
    return nil
  }

  /// Quarter `quarter` of `year`, or of the inferred year.
  func quarterHit(_ quarter: Int, year: Int?, end: Int) -> DateHit {
    let range = { (year: Int) in
      self.monthsRange(year: year, month: (quarter - 1) * 3 + 1, months: 3)
    }
    return .period(range(year ?? inferYear(range)), end: end)
  }

  /// Half `half` of `year`, or of the inferred year.
  func halfHit(_ half: Int, year: Int?, end: Int) -> DateHit {
    let range = { (year: Int) in self.monthsRange(year: year, month: (half - 1) * 6 + 1, months: 6)
    }
    return .period(range(year ?? inferYear(range)), end: end)
  }

  /// `Q1 2027`, `Q1`, `Q4/2026`, `Q4-2026`, `Q1 '27`, `Q1 of 2027`, `first quarter of 2027`,
  /// `primo trimestre 2027`, `terzo trimestre`.
  func quarter(_ index: Int) -> DateHit? {
    if isWord(index, .q) {
      return letterAndNumber(index, range: 1...4) { quarterHit($0, year: $1, end: $2) }
    }
    guard let (value, end) = ordinal(index), (1...4).contains(value),
      isWord(end, .quarter) || isWord(end, .trimestre)
    else { return nil }
    let year = yearPhrase(end + 1)
    return quarterHit(value, year: year?.year, end: year?.end ?? end + 1)
  }

  /// `Q1`/`H1` followed by an optional year; `make` builds the hit from the value, year and end.
  func letterAndNumber(
    _ index: Int, range: ClosedRange<Int>, _ make: (Int, Int?, Int) -> DateHit
  ) -> DateHit? {
    guard let value = number(index + 1), isGlued(index + 1), value.length == 1,
      range.contains(value.value),
      !isGlued(index) || tokens[index - 1].kind == .punct
    else { return nil }
    let position = index + 2
    if isPunct(position, "/") || isPunct(position, "-"), isGlued(position),
      let year = number(position + 1),
      isGlued(position + 1), year.length == 4, DateMatcher.plausibleYears.contains(year.value),
      cleanAfter(position + 2)
    {
      return make(value.value, year.value, position + 2)
    }
    if let (year, end) = trailingYear(position, allowComma: false) {
      return make(value.value, year, end)
    }
    guard cleanAfter(position) else { return nil }
    return make(value.value, nil, position)
  }

  /// `1Q27`, `4Q2026`.
  func numericQuarter(_ index: Int) -> DateHit? {
    guard let value = number(index), value.length == 1, (1...4).contains(value.value),
      cleanBefore(index),
      isWord(index + 1, .q), isGlued(index + 1), let year = number(index + 2), isGlued(index + 2),
      year.length == 2 || year.length == 4, cleanAfter(index + 3)
    else { return nil }
    let fullYear = year.length == 2 ? 2000 + year.value : year.value
    guard DateMatcher.plausibleYears.contains(fullYear) else { return nil }
    return quarterHit(value.value, year: fullYear, end: index + 3)
  }

  /// `H1 2027`, `H2`, `first half of 2027`, `second half of next year`, `primo semestre`,
  /// `secondo semestre 2027`, `prima metà del 2027`. "first half" alone is not a date.
  func half(_ index: Int) -> DateHit? {
    if isWord(index, .h) {
      return letterAndNumber(index, range: 1...2) { halfHit($0, year: $1, end: $2) }
    }
    guard let (value, end) = ordinal(index), (1...2).contains(value) else { return nil }
    if isWord(end, .semestre) {
      let year = yearPhrase(end + 1)
      return halfHit(value, year: year?.year, end: year?.end ?? end + 1)
    }
    guard isWord(end, .half) || isWord(end, .meta), let year = yearPhrase(end + 1) else {
      return nil
    }
    return halfHit(value, year: year.year, end: year.end)
  }

  /// `week 49`, `W49`, `wk 49`, `wk. 49`, `cw49`, `KW 49`, `settimana 49`, `sett. 49`,
  /// `week #49`, `settimana n. 49`, `week 49 of 2026`, `W49/2026`: Monday to Sunday.
  func isoWeek(_ index: Int) -> DateHit? {
    guard let word = word(index) else { return nil }
    var position = index + 1
    switch word {
    case .w:
      guard isGlued(position), !isGlued(index) || tokens[index - 1].kind == .punct else {
        return nil
      }
    case .cw, .kw:
      break
    case .week, .wk, .settimana, .sett:
      if word == .wk || word == .sett, isPunct(position, "."), isGlued(position) { position += 1 }
      if isPunct(position, "#") {
        position += 1
      } else if tables.weekMarkers.contains(self.word(position)), isPunct(position + 1, ".") {
        position += 2
      }
    default:
      return nil
    }
    guard let week = number(position), week.length <= 2, (1...53).contains(week.value) else {
      return nil
    }
    position += 1
    var year: Int?
    if isPunct(position, "/") || isPunct(position, "-"), isGlued(position),
      let found = number(position + 1),
      isGlued(position + 1), found.length == 4, DateMatcher.plausibleYears.contains(found.value),
      cleanAfter(position + 2)
    {
      year = found.value
      position += 2
    } else if let (found, end) = trailingYear(position, allowComma: true) {
      year = found
      position = end
    } else {
      guard cleanAfter(position) else { return nil }
    }
    let range = { (year: Int) -> (CivilDate, CivilDate)? in
      guard let start = CivilDate.isoWeekStart(year: year, week: week.value) else { return nil }
      return (start, start.adding(days: 6))
    }
    guard let resolved = range(year ?? inferYear(range)) else { return nil }
    return .period(resolved, end: position)
  }

  static let weekOrdinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "last": 5, "prima": 1, "seconda": 2,
    "terza": 3,
    "quarta": 4, "ultima": 5,
  ]

  /// `first week of December`, `prima settimana di dicembre`, `last week of June`,
  /// `ultima settimana del mese`: days 1–7, 8–14, 15–21, 22–28 of the month, or its last 7 days.
  func weekOfMonth(_ index: Int) -> DateHit? {
    guard let ordinal = tables.weekOrdinals[word(index)],
      isWord(index + 1, .week) || isWord(index + 1, .settimana),
      let afterOf = article(index + 2, tables.weekOfMonthArticles)
    else { return nil }
    var position = afterOf
    if isWord(position, .the) { position += 1 }
    let month: (CivilDate, CivilDate)
    let end: Int
    if tables.periodUnits[word(position)] == .month,
      let range = unitRange(.month, offset: 0)
    {
      month = range
      end = position + 1
    } else if let hit = core(position, [.month]), let start = hit.start, let due = hit.due,
      start == start.firstOfMonth, due == start.lastOfMonth
    {
      month = (start, due)
      end = hit.end
    } else {
      return nil
    }
    if ordinal == 5 { return .period((month.1.adding(days: -6), month.1), end: end) }
    let first = month.0.adding(days: 7 * (ordinal - 1))
    return .period((first, first.adding(days: 6)), end: end)
  }

  /// `week of Dec 7`, `la settimana del 7 marzo`: the (ISO) week holding that day, Monday to Sunday.
  func weekOf(_ index: Int) -> DateHit? {
    guard isWord(index, .week) || isWord(index, .settimana),
      let afterOf = article(index + 1, tables.weekOfMonthArticles),
      let hit = core(afterOf, [.month]), hit.kind == .absolute, let day = hit.start, hit.due == day
    else { return nil }
    let monday = day.monday
    return .period((monday, monday.adding(days: 6)), end: hit.end)
  }

  /// `sprint 12`, `sprint #12`, `sprint n. 12`: that sprint's days when the first sprint is known.
  func sprint(_ index: Int) -> DateHit? {
    guard isWord(index, .sprint) else { return nil }
    var position = index + 1
    if isPunct(position, "#") {
      position += 1
    } else if tables.sprintMarkers.contains(word(position)), isPunct(position + 1, ".") {
      position += 2
    }
    guard let value = number(position), value.length <= 3, cleanAfter(position + 1) else {
      return nil
    }
    return .period(sprintRange(value.value), end: position + 1)
  }

  static let multiWordCadences: [[String]] = [
    ["bi", "weekly"], ["bi", "monthly"], ["semi", "monthly"], ["semi", "annually"],
    ["a", "settimane", "alterne"],
    ["a", "giorni", "alterni"], ["a", "mesi", "alterni"], ["on", "a", "weekly", "basis"],
  ]

  /// `every Monday`, `each week`, `every two weeks`, `every other week`, `every sprint`, `weekly`,
  /// `bi-weekly`, `ogni lunedì`, `ogni due settimane`, `tutti i lunedì`, `a settimane alterne`,
  /// `twice a week`, `una volta al mese`, `on Mondays`.
  func recurring(_ index: Int) -> DateHit? {
    guard let word = word(index) else { return nil }
    var best = DateBest()
    if tables.recurringWords.contains(word) {
      // "daily vs weekly refresh" names a choice, not a schedule.
      let isChoice =
        tables.alternatives.contains(self.word(index - 1)) || tables.alternatives.contains(self.word(index + 1))
      if !isChoice { best.take(.recurring(end: index + 1)) }
    }
    if tables.cadenceStarters.contains(word), let end = longestSequence(index, tables.multiWordCadences) {
      best.take(.recurring(end: end))
    }
    switch word {
    case .every, .each, .ogni:
      var position = index + 1
      if tables.everyOther.contains(self.word(position)) { position += 1 }
      if let (_, _, end) = quantity(position) {
        best.take(.recurring(end: end))
      } else if let end = cadenceUnit(position) {
        best.take(.recurring(end: end))
      }
    case .tutti, .tutte:
      guard let afterArticle = article(index + 1, tables.tuttiArticles),
        let noun = self.word(afterArticle)
      else {
        break
      }
      if tables.cadencePlurals.contains(noun) || tables.weekdayPlurals[noun] != nil {
        best.take(.recurring(end: afterArticle + 1))
      }
    case .on:
      if tables.weekdayPluralsWithS.contains(self.word(index + 1)) {
        best.take(.recurring(end: index + 2))
      }
    default:
      break
    }
    best.take(frequency(index))
    return best.hit
  }

  /// A cadence noun after every/ogni: `week`, `Monday`, `business day`, `giorno lavorativo`,
  /// `fine settimana`.
  func cadenceUnit(_ index: Int) -> Int? {
    guard let word = word(index) else { return nil }
    if weekdayNumber(index, fullOnly: true) != nil { return index + 1 }
    if tables.businessWords.contains(word), isWord(index + 1, .day) {
      return index + 2
    }
    if word == .fine, isWord(index + 1, .settimana) || isWord(index + 1, .mese) {
      return index + 2
    }
    guard tables.cadenceUnits.contains(word) else { return nil }
    if word == .giorno, isWord(index + 1, .lavorativo) { return index + 2 }
    return index + 1
  }

  /// `once a week`, `twice a month`, `3 times a week`, `una volta a settimana`,
  /// `due volte al mese`, `once per sprint`.
  func frequency(_ index: Int) -> DateHit? {
    var position: Int
    switch word(index) {
    case .once, .twice, .thrice:
      position = index + 1
    default:
      let isCount = number(index) != nil || tables.numberWords[word(index)] != nil
      guard isCount else { return nil }
      if tables.timesWords.contains(word(index + 1)) {
        position = index + 2
      } else {
        // "two stand-ups per week", "due riunioni a settimana": so many events (a noun of up to
        // three tokens, unknown to the date vocabulary) a unit.
        for start in (index + 2)...(index + 4) {
          guard word(start - 1).map({ !tables.cadenceUnits.contains($0) }) ?? true else { return nil }
          if let connector = article(start, tables.frequencyConnectors), tables.cadenceUnits.contains(word(connector)) {
            return .recurring(end: connector + 1)
          }
        }
        return nil
      }
    }
    guard let connector = article(position, tables.frequencyConnectors) else { return nil }
    position = connector
    guard tables.cadenceUnits.contains(word(position)) else { return nil }
    return .recurring(end: position + 1)
  }
}
