import NoteLintText

/// All-numeric dates: ISO dates and weeks, day/month[/year], bare years and day numbers.
extension DateMatcher {
  static let plausibleYears = 1900...2199

  /// `2026-12-04`, `2026/12/04`, `2026-W49`, `2026W49`.
  func isoDate(_ index: Int) -> DateHit? {
    guard let year = number(index), year.length == 4,
      DateMatcher.plausibleYears.contains(year.value),
      cleanBefore(index)
    else { return nil }
    // ISO week: 2026-W49 / 2026W49
    var weekIndex = index + 1
    if isPunct(weekIndex, "-"), isGlued(weekIndex) { weekIndex += 1 }
    if isWord(weekIndex, .w), isGlued(weekIndex), let week = number(weekIndex + 1),
      isGlued(weekIndex + 1),
      week.length == 2, cleanAfter(weekIndex + 2),
      let start = CivilDate.isoWeekStart(year: year.value, week: week.value)
    {
      return .period((start, start.adding(days: 6)), end: weekIndex + 2)
    }
    guard index + 1 < count, tokens[index + 1].kind == .punct, isGlued(index + 1) else {
      return nil
    }
    let separator = tokens[index + 1].scalar
    guard separator == "-" || separator == "/", let month = number(index + 2), isGlued(index + 2),
      month.length <= 2, isPunct(index + 3, separator), isGlued(index + 3),
      let day = number(index + 4),
      isGlued(index + 4), day.length <= 2,
      let date = CivilDate(year: year.value, month: month.value, day: day.value)
    else { return nil }
    let end = index + 5
    // 2026-12-04T10:00 is still the day.
    let timeFollows = isWord(end, .t) && isGlued(end) && number(end + 1) != nil && isGlued(end + 1)
    guard timeFollows || cleanAfter(end) else { return nil }
    return .day(date, end: end)
  }

  /// `04/12/2026`, `4/12/26`, `4.12.2026`, `4-12-2026`, `4/12`, `04.12`.
  ///
  /// Day-first unless configured; with `/` or `-`, a date readable only one way is read that way.
  /// Without a year, `-` is not accepted (ranges like `4-12`), dotted pairs need two digits on
  /// both sides (`04.12`, not the price `4.10`), single-digit slashed pairs need a word that
  /// announces a date (`il 3/4`, not the fraction `1/2`), `24/7` is not a date, and neither is a
  /// pair after a version, time or numbering word (`version 2.10`, `alle 10.05`, `step 3/4`).
  func numericDate(_ index: Int) -> DateHit? {
    guard let first = number(index), first.length <= 2, cleanBefore(index),
      index + 1 < count, tokens[index + 1].kind == .punct, isGlued(index + 1)
    else { return nil }
    let separator = tokens[index + 1].scalar
    guard separator == "/" || separator == "." || separator == "-", let second = number(index + 2),
      isGlued(index + 2), second.length <= 2
    else { return nil }
    var end = index + 3
    var year: Int?
    var yearDigits = 0
    if isPunct(end, separator), isGlued(end), let third = number(end + 1), isGlued(end + 1),
      third.length == 2 || third.length == 4
    {
      year = third.length == 4 ? third.value : 2000 + third.value
      yearDigits = third.length
      end += 2
    }
    guard cleanAfter(end) else { return nil }
    if let year {
      guard DateMatcher.plausibleYears.contains(year) else { return nil }
      // 1.2.10 looks like a version.
      if separator == ".", yearDigits == 2, first.length == 1, second.length == 1 { return nil }
    } else {
      guard separator != "-" else { return nil }
      // "04.12" is a date, "4.10" (a price, a version) is not.
      if separator == ".", first.length != 2 || second.length != 2 { return nil }
      // Single digits on both sides only after a word that announces a date ("il 3/4", "by 3/4").
      if first.length == 1, second.length == 1 {
        guard tables.dateIntroducers.contains(word(index - 1)) else { return nil }
      }
      if separator == "/", first.value == 24, second.value == 7 { return nil }
      if !isGlued(index), tables.numberContextWords.contains(word(index - 1)) { return nil }
      // "4/12 of the tests", "3/10 dei task": a fraction.
      if tables.fractionFollowers.contains(word(end)) { return nil }
    }
    var dayFirst = context.order == .dayFirst
    if separator != "." {
      if first.value > 12, second.value <= 12 {
        dayFirst = true
      } else if second.value > 12, first.value <= 12 {
        dayFirst = false
      }
    }
    let day = dayFirst ? first.value : second.value
    let month = dayFirst ? second.value : first.value
    guard (1...12).contains(month), (1...31).contains(day) else { return nil }
    let date: CivilDate?
    if let year {
      date = CivilDate(year: year, month: month, day: day)
    } else {
      date = inferDay(month: month, day: day)
    }
    guard let date else { return nil }
    return .day(date, end: end)
  }

  /// A four-digit year after a licensing word ("in 2027", "entro il 2027", "fine 2026").
  func bareYear(_ index: Int) -> DateHit? {
    guard let year = number(index), year.length == 4,
      DateMatcher.plausibleYears.contains(year.value),
      cleanBefore(index), cleanAfter(index + 1)
    else { return nil }
    var hit = DateHit.period(yearRange(year.value), end: index + 1)
    hit.used = .year
    return hit
  }

  /// A day number after "entro il" / "by the" / "fino al" or with an ordinal suffix ("by 15th"):
  /// the next such day of a month on or after the reference.
  func bareDay(_ index: Int, _ license: DateLicense) -> DateHit? {
    guard let day = number(index), day.length <= 2, (1...31).contains(day.value), cleanBefore(index)
    else {
      return nil
    }
    var end = index + 1
    if let afterSuffix = ordinalSuffix(end) {
      end = afterSuffix
    } else if !license.contains(.day) {
      return nil
    }
    guard cleanAfter(end) else { return nil }
    if let afterNext = nextMonthMarker(end) {
      // "entro il 10 p.v.", "il 10 del mese prossimo", "the 10th of next month": next month's day.
      let first = reference.firstOfMonth.adding(months: 1)
      guard let date = CivilDate(year: first.year, month: first.month, day: day.value) else { return nil }
      var hit = DateHit.day(date, end: afterNext)
      hit.used = license.contains(.day) ? .day : .ordinalDay
      return hit
    }
    // "entro il 15 giorni" is not a day; "entro il 15 serve il report" is.
    if let next = word(end), tables.durationUnits[next] != nil || tables.numberContextWords.contains(next) {
      return nil
    }
    guard let date = nextDayOfMonth(day.value, weekday: nil) else { return nil }
    var hit = DateHit.day(date, end: end)
    hit.used = license.contains(.day) ? .day : .ordinalDay
    return hit
  }

  /// The index after "p.v." (prossimo venturo), "del mese prossimo" or "of next month" at `index`,
  /// or nil.
  func nextMonthMarker(_ index: Int) -> Int? {
    if isWord(index, .p), isPunct(index + 1, "."), isWord(index + 2, .v) {
      return isPunct(index + 3, ".") ? index + 4 : index + 3
    }
    if isWord(index, .del), isWord(index + 1, .mese), isWord(index + 2, .prossimo) { return index + 3 }
    if isWord(index, .of) {
      var position = index + 1
      if isWord(position, .the) { position += 1 }
      if isWord(position, .next), isWord(position + 1, .month) {
        return position + 2
      }
    }
    return nil
  }

  /// A four-digit year (or `'27`) after `index`, optionally after a comma or "del"/"of".
  func trailingYear(_ index: Int, allowComma: Bool) -> (year: Int, end: Int)? {
    var position = index
    if allowComma, isPunct(position, ",") { position += 1 }
    if isWord(position, .del) || isWord(position, .of) { position += 1 }
    if let year = number(position), year.length == 4,
      DateMatcher.plausibleYears.contains(year.value),
      cleanAfter(position + 1)
    {
      return (year.value, position + 1)
    }
    if isPunct(index, "'"), let year = number(index + 1), isGlued(index + 1), year.length == 2,
      cleanAfter(index + 2)
    {
      return (2000 + year.value, index + 2)
    }
    return nil
  }
}
