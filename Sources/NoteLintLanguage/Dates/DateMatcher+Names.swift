import NoteLintText

/// Dates with month or weekday names.
extension DateMatcher {
  /// An optional leading weekday ("venerdì 4 dicembre", "Friday, Dec 4"): its number and the index after it.
  func leadingWeekday(_ index: Int) -> (weekday: Int?, next: Int) {
    guard let weekday = weekdayNumber(index) else { return (nil, index) }
    return (weekday, isPunct(index + 1, ",") ? index + 2 : index + 1)
  }

  /// `4 dicembre 2026`, `4 dic`, `4 dic.`, `venerdì 4 dicembre`, `4th of December`, `1° gennaio`.
  func dayMonthName(_ index: Int, checkBefore: Bool = true) -> DateHit? {
    let (weekday, dayIndex) = leadingWeekday(index)
    guard let day = number(dayIndex), day.length <= 2, (1...31).contains(day.value),
      weekday != nil || !checkBefore || cleanBefore(dayIndex)
    else { return nil }
    var position = dayIndex + 1
    if let afterSuffix = ordinalSuffix(position) {
      position = afterSuffix
      if isWord(position, .of) { position += 1 }
    }
    guard let month = monthName(position) else { return nil }
    position += 1
    if month.abbreviation, isPunct(position, "."), isGlued(position) { position += 1 }
    // "3 set of tests", "2 march to", "a week or 2 ago": not months.
    if month.ambiguous {
      if tables.ambiguousMonthNext.contains(word(position)) { return nil }
      if tables.ambiguousMonthPrevious.contains(word(dayIndex - 1)) { return nil }
    }
    var year: Int?
    if let (found, end) = trailingYear(position, allowComma: true) {
      year = found
      position = end
    }
    guard let date = resolveDay(year: year, month: month.number, day: day.value, weekday: weekday)
    else {
      return nil
    }
    return .day(date, end: position)
  }

  /// English order: `Dec 4`, `December 4th`, `Dec. 4, 2026`, `Friday, December 4`, `May the 4th`.
  func monthNameDay(_ index: Int) -> DateHit? {
    let (weekday, monthIndex) = leadingWeekday(index)
    guard let month = monthName(monthIndex), month.english else { return nil }
    var position = monthIndex + 1
    if month.abbreviation, isPunct(position, "."), isGlued(position) { position += 1 }
    if isWord(position, .the) { position += 1 }
    guard let day = number(position), day.length <= 2, (1...31).contains(day.value) else {
      return nil
    }
    position += 1
    if let afterSuffix = ordinalSuffix(position) { position = afterSuffix }
    // "mar 3 dic": a weekday abbreviation before an Italian date, not 3 March.
    if monthName(position) != nil { return nil }
    if let range = monthNameDayRange(
      month: month.number, first: day.value, after: position, weekday: weekday, between: isWord(index - 1, .between))
    {
      return range
    }
    var year: Int?
    if let (found, end) = trailingYear(position, allowComma: true) {
      year = found
      position = end
    } else {
      guard cleanAfter(position) else { return nil }
    }
    guard let date = resolveDay(year: year, month: month.number, day: day.value, weekday: weekday)
    else {
      return nil
    }
    return .day(date, end: position)
  }

  /// `Dec 23–25`, `Dec 23-25, 2026`, `March 2 to 4`, `between Dec 23 and 25`: a range within one
  /// month, from the day before `after` to the day after the dash.
  func monthNameDayRange(month: Int, first: Int, after position: Int, weekday: Int?, between: Bool = false)
    -> DateHit?
  {
    guard
      isPunct(position, "-") || isPunct(position, "\u{2013}") || isWord(position, .to) || isWord(position, .through)
        || between && isWord(position, .and)
    else { return nil }
    guard let last = number(position + 1), last.length <= 2, last.value > first, last.value <= 31 else {
      return nil
    }
    var end = position + 2
    var year: Int?
    if let (found, afterYear) = trailingYear(end, allowComma: true) {
      year = found
      end = afterYear
    } else {
      guard cleanAfter(end) else { return nil }
    }
    guard let start = resolveDay(year: year, month: month, day: first, weekday: weekday),
      let due = CivilDate(year: start.year, month: month, day: last.value)
    else {
      return nil
    }
    return DateHit(end: end, kind: .period, start: start, due: due)
  }

  func resolveDay(year: Int?, month: Int, day: Int, weekday: Int?) -> CivilDate? {
    if let year { return CivilDate(year: year, month: month, day: day) }
    guard var date = inferDay(month: month, day: day) else { return nil }
    if let weekday, date.weekday != weekday,
      let later = CivilDate(year: date.year + 1, month: month, day: day), later.weekday == weekday
    {
      date = later
    }
    return date
  }

  /// `dicembre 2026`, `Dec 2026`, `dicembre` (full unambiguous names alone), `entro dic.`,
  /// `in May` (abbreviated and ambiguous names need a licensing word): the whole month.
  func monthYear(_ index: Int, _ license: DateLicense) -> DateHit? {
    guard let month = monthName(index) else { return nil }
    var position = index + 1
    if month.abbreviation, isPunct(position, "."), isGlued(position) { position += 1 }
    if let (year, end) = trailingYear(position, allowComma: false) {
      return .period(monthRange(year: year, month: month.number), end: end)
    }
    // A month name alone is a deadline only after a licensing word (by, entro, in, a, fine…):
    // "i turni di dicembre" names the shifts, not a due date.
    let needsLicense = true
    if needsLicense, !license.contains(.month) { return nil }
    let year = inferYear { monthRange(year: $0, month: month.number) }
    var hit = DateHit.period(monthRange(year: year, month: month.number), end: position)
    if needsLicense { hit.used = .month }
    return hit
  }

  /// `next Monday`, `prossimo lunedì`, `lunedì prossimo`, `this Friday`, `Friday next week`,
  /// `venerdì della prossima settimana`, and a bare weekday after by/entro/on (licensed).
  func weekdayPhrase(_ index: Int, _ license: DateLicense) -> DateHit? {
    if let word = word(index), let offset = tables.preModifiers[word], offset >= 0 {
      var position = index + 1
      if word == .this, isWord(position, .coming) { position += 1 }
      if let weekday = weekdayNumber(position) {
        // Reading chosen for "next <weekday>": the occurrence in the FOLLOWING ISO week, so on
        // Monday 23 Nov 2026 "next Friday" is 4 Dec (27 Nov is "this Friday" / "by Friday").
        let date = offset == 0 ? onOrAfter(weekday) : inWeek(weekday, weeks: 1)
        return .day(date, end: position + 1)
      }
    }
    guard let weekday = weekdayNumber(index) else { return nil }
    if let offset = tables.postModifiers[word(index + 1)], offset == 1 {
      return .day(inWeek(weekday, weeks: 1), end: index + 2)
    }
    var position = index + 1
    if isWord(position, .della) || isWord(position, .di) { position += 1 }
    if let (weeks, end) = weekOffset(position) {
      return .day(inWeek(weekday, weeks: weeks), end: end)
    }
    guard license.contains(.weekday) else { return nil }
    if weekdayNumber(index, fullOnly: true) == nil, !license.contains(.shortWeekday) { return nil }
    // A bare weekday is the next one on or after the reference (the same day counts).
    var hit = DateHit.day(onOrAfter(weekday), end: index + 1)
    hit.used = .weekday
    return hit
  }

  /// `this week`, `next week`, `questa settimana`, `prossima settimana`, `settimana prossima`:
  /// weeks after the reference's week, and the index after the phrase.
  func weekOffset(_ index: Int) -> (weeks: Int, end: Int)? {
    if let offset = tables.preModifiers[word(index)], offset >= 0,
      tables.periodUnits[word(index + 1)] == .week
    {
      return (offset, index + 2)
    }
    if tables.periodUnits[word(index)] == .week,
      let offset = tables.postModifiers[word(index + 1)], offset >= 0
    {
      return (offset, index + 2)
    }
    return nil
  }

  /// `venerdì 4`, `Friday the 4th`, `venerdì 4/12`: the next day 4 on or after the reference that is a Friday.
  func weekdayDay(_ index: Int) -> DateHit? {
    guard let weekday = weekdayNumber(index, fullOnly: true) else { return nil }
    var position = index + 1
    if isPunct(position, ",") { position += 1 }
    // "venerdì 4/12", "Friday 2026-12-04": the weekday is part of the date.
    if let hit = numericDate(position) ?? isoDate(position) { return hit }
    if isWord(position, .the) { position += 1 }
    guard let day = number(position), day.length <= 2, (1...31).contains(day.value) else {
      return nil
    }
    position += 1
    if let afterSuffix = ordinalSuffix(position) { position = afterSuffix }
    guard cleanAfter(position) else { return nil }
    if isAnyWord(position), !tables.connectors.contains(word(position)) { return nil }
    guard let date = nextDayOfMonth(day.value, weekday: weekday) else { return nil }
    return .day(date, end: position)
  }
}

extension DateMatcher {
  /// `dal 4 al 6 dicembre`, `from 4 to 6 December`, `4-6 dicembre`, `tra il 4 e il 6 dicembre`,
  /// `dal 28 novembre al 4 dicembre`: a period from the first day to the second.
  func dayRange(_ index: Int) -> DateHit? {
    var position = index
    var opener = false
    if let word = word(index), tables.rangeOpeners.contains(word) {
      opener = true
      position += 1
      if word == .tra || word == .fra, let afterArticle = article(position, tables.definiteArticles) {
        position = afterArticle
      }
    }
    var first: (month: Int?, day: Int)
    if let hit = dayMonthName(position), let date = hit.start {
      guard opener else { return nil }
      first = (date.month, date.day)
      position = hit.end
    } else if let day = number(position), day.length <= 2, (1...31).contains(day.value),
      cleanBefore(position)
    {
      first = (nil, day.value)
      position += 1
      if let afterSuffix = ordinalSuffix(position) { position = afterSuffix }
    } else {
      return nil
    }
    if isPunct(position, "-") || isPunct(position, "–") {
      guard opener || (isGlued(position) && isGlued(position + 1)) else { return nil }
      position += 1
    } else if opener, let word = word(position), tables.rangeJoiners.contains(word) {
      position += 1
      if word == .e, let afterArticle = article(position, tables.definiteArticles) {
        position = afterArticle
      }
    } else {
      return nil
    }
    guard let last = dayMonthName(position, checkBefore: false), let due = last.start else {
      return nil
    }
    let month = first.month ?? due.month
    guard var start = CivilDate(year: due.year, month: month, day: first.day) else { return nil }
    if start > due { start = start.adding(months: -12) }
    guard start <= due else { return nil }
    return .period((start, due), end: last.end)
  }

  static let holidayPhrases: [([String], Int, Int)] = [
    (["christmas"], 12, 25), (["natale"], 12, 25), (["christmas", "eve"], 12, 24),
    (["vigilia", "di", "natale"], 12, 24), (["santo", "stefano"], 12, 26),
    (["boxing", "day"], 12, 26),
    (["capodanno"], 1, 1), (["new", "year", "'", "s", "day"], 1, 1),
    (["new", "year", "'", "s", "eve"], 12, 31),
    (["san", "silvestro"], 12, 31), (["epifania"], 1, 6), (["befana"], 1, 6),
    (["ferragosto"], 8, 15),
    (["halloween"], 10, 31),
  ]

  /// Fixed-date holidays after a licensing word: `by Christmas`, `entro Natale`, `a Ferragosto`,
  /// `prima di Capodanno` (moving feasts like Easter are not handled).
  func holiday(_ index: Int) -> DateHit? {
    guard tables.holidayStarters.contains(word(index)) else { return nil }
    var best = DateBest()
    for (phrase, month, day) in tables.holidayPhrases {
      guard let end = sequence(index, phrase), let date = inferDay(month: month, day: day) else {
        continue
      }
      var hit = DateHit.day(date, end: end)
      hit.used = .holiday
      best.take(hit)
    }
    return best.hit
  }
}
