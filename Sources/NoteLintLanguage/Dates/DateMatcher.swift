import NoteLintText

/// Words that are not dates alone but become dates after a licensing prefix: a bare weekday after
/// by/on/entro, an abbreviated or ambiguous month after in/by/entro/end of, a bare year after
/// in/nel/by/entro/fine, a bare day number after "entro il" / "by the".
struct DateLicense: OptionSet, Sendable {
  let rawValue: UInt8
  static let weekday = DateLicense(rawValue: 1)
  static let month = DateLicense(rawValue: 2)
  static let year = DateLicense(rawValue: 4)
  /// A day number after an article ("entro il 15", "by the 15").
  static let day = DateLicense(rawValue: 8)
  /// A day number with an ordinal suffix ("by 15th").
  static let ordinalDay = DateLicense(rawValue: 16)
  /// A fixed-date holiday ("entro Natale", "by Christmas", "a Ferragosto").
  static let holiday = DateLicense(rawValue: 32)
  /// An abbreviated weekday alone ("by fri", "entro ven"); only deadline words license it, so
  /// "on DOM ready" and "for sat" stay words.
  static let shortWeekday = DateLicense(rawValue: 64)
}

/// A match of a rule: it ends before token `end`.
struct DateHit: Sendable {
  var end: Int
  var kind: DateExpressionKind
  var start: CivilDate?
  var due: CivilDate?
  /// Licenses the match relied on.
  var used: DateLicense = []

  static func day(_ date: CivilDate, end: Int) -> DateHit {
    DateHit(end: end, kind: .absolute, start: date, due: date)
  }

  static func period(_ range: (CivilDate, CivilDate)?, end: Int) -> DateHit {
    DateHit(end: end, kind: .period, start: range?.0, due: range?.1)
  }

  static func recurring(end: Int) -> DateHit {
    DateHit(end: end, kind: .recurring, start: nil, due: nil)
  }
}

/// Keeps the longest of several candidate matches (the first one on ties).
struct DateBest: Sendable {
  private(set) var hit: DateHit?

  mutating func take(_ candidate: DateHit?) {
    guard let candidate else { return }
    if let hit, hit.end >= candidate.end { return }
    hit = candidate
  }
}

struct DateMatcher: Sendable {
  let tokens: [DateToken]
  let context: DateContext
  let tables: DateTables

  var reference: CivilDate { context.reference }
  var count: Int { tokens.count }

  // MARK: - Top level

  /// The longest match starting at token `index`, prefixes included.
  func longest(at index: Int) -> DateHit? {
    var best = DateBest()
    best.take(core(index, []))
    if tokens[index].kind == .word {
      best.take(deadline(index))
      best.take(licensingPrefix(index))
    }
    return best.hit
  }

  /// Every rule at `index`, with the given licenses for otherwise ambiguous words.
  func core(_ index: Int, _ license: DateLicense) -> DateHit? {
    guard index < count else { return nil }
    var best = DateBest()
    let token = tokens[index]
    switch token.kind {
    case .number:
      best.take(isoDate(index))
      best.take(numericDate(index))
      best.take(dayMonthName(index))
      best.take(dayRange(index))
      best.take(numericQuarter(index))
      best.take(quarter(index))
      best.take(half(index))
      best.take(duration(index))
      best.take(frequency(index))
      if license.contains(.year) { best.take(bareYear(index)) }
      if !license.isDisjoint(with: [.day, .ordinalDay]) { best.take(bareDay(index, license)) }
    case .word:
      guard tables.starters.contains(token.word) else { return nil }
      best.take(dayMonthName(index))
      best.take(monthNameDay(index))
      best.take(monthYear(index, license))
      best.take(weekdayPhrase(index, license))
      best.take(weekdayDay(index))
      best.take(relativeDay(index))
      best.take(endOfDay(index))
      best.take(relativeUnit(index))
      best.take(endOf(index))
      best.take(partOf(index))
      best.take(quarter(index))
      best.take(half(index))
      best.take(isoWeek(index))
      best.take(sprint(index))
      best.take(duration(index))
      best.take(entroUnit(index))
      best.take(recurring(index))
      best.take(dayRange(index))
      best.take(weekOfMonth(index))
      best.take(weekOf(index))
      if license.contains(.holiday) { best.take(holiday(index)) }
    case .punct:
      return nil
    }
    return best.hit
  }

  /// Words that can start a rule (a quick filter before trying every rule on a word; compiled
  /// into `DateTables`).
  static let starters: Set<String> = {
    var words = Set<String>()
    words.formUnion(DateLexicon.months.keys)
    words.formUnion(DateLexicon.weekdays.keys)
    words.formUnion(DateLexicon.weekdayPlurals.keys)
    words.formUnion(DateLexicon.numberWords.keys)
    words.formUnion(DateLexicon.periodUnits.keys)
    words.formUnion(DateLexicon.preModifiers.keys)
    words.formUnion(DateLexicon.relativeDays.keys)
    words.formUnion(DateLexicon.ordinals.keys)
    words.formUnion(DateLexicon.recurringWords)
    for phrases in [
      eodPhrases, partPhrases.map(\.0), durationTriggers, multiWordCadences,
      holidayPhrases.map(\.0),
    ] {
      for phrase in phrases { words.insert(phrase[0]) }
    }
    words.formUnion([
      "day", "end", "fine", "eow", "eom", "eoq", "eoy", "q", "h", "w", "wk", "cw", "kw", "sett",
      "in", "entro",
      "within", "every", "each", "ogni", "tutti", "tutte", "a", "once", "twice", "thrice", "on",
      "bi", "semi",
      "volta",
      "volte", "times", "quest", "dal", "from", "between", "tra", "fra", "terza", "quarta",
      "ultima",
    ])
    return words
  }()

  // MARK: - Prefixes

  enum DeadlineMode: Sendable {
    case by
    case before
  }

  static let deadlinePrefixes: [([String], DeadlineMode)] = [
    (["by"], .by), (["due"], .by), (["due", "on"], .by), (["entro"], .by), (["entro", "e", "non", "oltre"], .by),
    (["non", "oltre"], .by),
    (["no", "later", "than"], .by), (["not", "later", "than"], .by), (["not", "after"], .by),
    (["until"], .by),
    (["till"], .by), (["til"], .by), (["fino", "a"], .by), (["fino", "al"], .by),
    (["fino", "alla"], .by),
    (["fino", "all", "'"], .by), (["before"], .before), (["prima", "di"], .before),
    (["prima", "del"], .before),
    (["prima", "della"], .before), (["prima", "dello"], .before),
    (["prima", "dell", "'"], .before),
  ]

  /// The English words a date may open with after "due".
  static let englishDateWords: Set<DateWord> = [
    .monday, .tuesday, .wednesday, .thursday, .friday, .saturday, .sunday, .mon, .tue, .tues, .wed, .weds, .thu,
    .thur, .thurs, .fri, .sat, .sun, .january, .february, .march, .april, .may, .june, .july, .august, .september,
    .october, .november, .december, .jan, .feb, .mar, .apr, .jun, .jul, .aug, .sep, .sept, .oct, .nov, .dec,
    .end, .eow, .eom, .eoq, .eoy, .today, .tomorrow, .next, .this, .the,
  ]

  /// Articles after a deadline word ("entro il", "by the").
  static let deadlineArticles: Set<String> = ["il", "lo", "la", "l'", "the", "i", "le", "gli"]

  /// Prefix words whose phrase ends in an article (so a bare day number may follow: "fino al 15").
  static let articleEndings: Set<String> = ["al", "alla", "del", "della", "dello", "'"]

  /// `by X`, `entro X`, `before X`: a period from the reference to X's deadline.
  func deadline(_ index: Int) -> DateHit? {
    guard let prefixes = tables.deadlinePrefixes[word(index)] else { return nil }
    var best = DateBest()
    for (phrase, mode, endsInArticle) in prefixes {
      guard let afterPrefix = sequence(index, phrase) else { continue }
      // English "due Wed", "due on 4 Dec"; Italian "due" is two ("due venerdì", "due dicembre").
      if phrase.first?.word == .due,
        !(number(afterPrefix) != nil || word(afterPrefix).map(Self.englishDateWords.contains) == true)
      {
        continue
      }
      var next = afterPrefix
      var hasArticle = endsInArticle
      if let afterTime = time(next) {
        // "entro le 16 di lunedì", "by 4pm Tuesday": the day after the hour; the hour alone is today.
        var hit = core(afterTime, [.weekday, .shortWeekday, .month, .holiday]) ?? .day(reference, end: afterTime)
        if hit.kind == .recurring { continue }
        if mode == .before, let start = hit.start { hit.due = start.adding(days: -1) }
        if let due = hit.due { hit.start = reference <= due ? reference : min(hit.start ?? due, due) }
        hit.kind = .period
        hit.used = []
        best.take(hit)
        continue
      }
      if let afterArticle = article(next, tables.deadlineArticles) {
        next = afterArticle
        hasArticle = true
      }
      var license: DateLicense = [.weekday, .shortWeekday, .month, .year, .ordinalDay, .holiday]
      if hasArticle { license.insert(.day) }
      guard var hit = core(next, license) ?? (hasArticle ? theWeekend(next) : nil), hit.kind != .recurring else {
        continue
      }
      if mode == .by, hit.used.contains(.weekday), hit.start == reference, hit.start == hit.due {
        // "by Monday" written on a Monday: the next one (today needs "by today"/"by EOD").
        hit.start = reference.adding(days: 7)
        hit.due = hit.start
      }
      // "before the end of the year", "prima della fine del mese": by that end, not the day before
      // the period the end belongs to.
      let endPhrase = word(next).map { $0 == .end || $0 == .fine || tables.endAbbreviations[$0] != nil } ?? false
      if mode == .before, !endPhrase {
        if hit.used.contains(.weekday), hit.start == reference {
          hit.start = reference.adding(days: 7)
        }
        hit.due = hit.start?.adding(days: -1)
      }
      if let due = hit.due {
        hit.start = reference <= due ? reference : min(hit.start ?? due, due)
      }
      hit.kind = .period
      hit.used = []
      best.take(hit)
    }
    return best.hit
  }

  /// A time of day at `index` and the joining words after it: `le 16`, `alle 16:30`, `le ore 9`,
  /// `4pm`, `4 p.m.`, `16:00`, `10.30am`, then `di`, `del`, `on`, `of` or a comma. The index after it.
  func time(_ index: Int) -> Int? {
    var position = index
    var marked = false
    if isWord(position, .le) || isWord(position, .alle) || isWord(position, .ore) {
      position += 1
      marked = true
      if isWord(position, .ore) { position += 1 }
    }
    guard let hour = number(position), hour.value <= 24, hour.length <= 2 else { return nil }
    position += 1
    // "entro le 24 ore" is a duration, "by the 4th" a day.
    if isWord(position, .ore) || isWord(position, .hours) || isWord(position, .h) || isWord(position, .hour)
      || ordinalSuffix(position) != nil
    {
      return nil
    }
    if isPunct(position, ":") || isPunct(position, "."), isGlued(position), let minutes = number(position + 1),
      minutes.glued, minutes.length == 2, minutes.value < 60
    {
      position += 2
      marked = true
    }
    if isWord(position, .am) || isWord(position, .pm) {
      position += 1
      marked = true
    }
    guard marked else { return nil }
    if isWord(position, .di) || isWord(position, .del) || isWord(position, .on) || isWord(position, .of)
      || isPunct(position, ",")
    {
      position += 1
    }
    return position
  }

  /// Prefixes that only license what follows: `on Friday`, `for Monday`, `in May`, `in 2027`,
  /// `nel 2027`, `a Natale`. They are part of the match only when the rest needs them.
  func licensingPrefix(_ index: Int) -> DateHit? {
    guard let word = word(index) else { return nil }
    var license: DateLicense = []
    var next = index + 1
    switch word {
    case .on where isWord(next, .the) && number(next + 1) != nil:
      // "on the 4th": a day number with its ordinal suffix.
      next += 1
      license = [.ordinalDay]
    case .on, .for, .per:
      license = [.weekday, .holiday]
    case .over where isWord(next, .the):
      // "over the weekend"
      return theWeekend(next + 1)
    case .a:
      // "a dicembre" (Italian for "in December"), "a Natale".
      license = [.holiday, .month]
    case .in, .during:
      license = [.month, .year]
    case .nel, .durante:
      // "nel weekend", "durante il weekend"
      if let hit = theWeekend(article(next, tables.definiteArticles) ?? next) { return hit }
      license = [.month, .year]
      if let afterArticle = article(next, tables.definiteArticles) { next = afterArticle }
    case .nell:
      guard isPunct(next, "'") else { return nil }
      next += 1
      license = [.month, .year]
    default:
      return nil
    }
    guard var hit = core(next, license), !hit.used.isDisjoint(with: license) else { return nil }
    if license == [.ordinalDay], hit.end < count, tokens[hit.end].kind == .word, tokens[hit.end].word == nil {
      // "on the 3rd floor", "on the 2nd attempt": an ordinal before a noun is not a day.
      return nil
    }
    hit.used = []
    return hit
  }

  /// A bare "weekend" after an article or "nel"/"over the": the coming one (this one on a weekend).
  func theWeekend(_ index: Int) -> DateHit? {
    guard isWord(index, .weekend), tables.postModifiers[word(index + 1)] == nil else { return nil }
    // "nel weekend di Pasqua", "the weekend of the launch": another weekend.
    if isWord(index + 1, .di) || isWord(index + 1, .del) || isWord(index + 1, .of) { return nil }
    return .period(unitRange(.weekend, offset: 0), end: index + 1)
  }

  // MARK: - Token access

  /// The word at `index` (nil for numbers, punctuation and words outside the vocabulary).
  @inline(__always)
  func word(_ index: Int) -> DateWord? {
    guard index >= 0, index < count else { return nil }
    return tokens[index].word
  }

  /// A word token at `index`, in the vocabulary or not.
  func isAnyWord(_ index: Int) -> Bool {
    index >= 0 && index < count && tokens[index].kind == .word
  }

  @inline(__always)
  func isWord(_ index: Int, _ word: DateWord) -> Bool {
    self.word(index) == word
  }

  func number(_ index: Int) -> DateToken? {
    guard index >= 0, index < count, tokens[index].kind == .number else { return nil }
    return tokens[index]
  }

  func isPunct(_ index: Int, _ scalar: Unicode.Scalar) -> Bool {
    index >= 0 && index < count && tokens[index].kind == .punct && tokens[index].scalar == scalar
  }

  func isGlued(_ index: Int) -> Bool {
    index >= 0 && index < count && tokens[index].glued
  }

  /// Matches words and punctuation in order (a one-scalar non-letter part matches punctuation);
  /// a hyphen may join two words ("end-of-month", "year-end"). Returns the index after the match.
  func sequence(_ index: Int, _ parts: DatePhrase) -> Int? {
    var position = index
    for offset in parts.indices {
      if offset > 0, isPunct(position, "-"), isGlued(position), isGlued(position + 1),
        tokens[position - 1].kind == .word
      {
        position += 1
      }
      guard position < count else { return nil }
      let token = tokens[position]
      let part = parts[offset]
      if let word = part.word {
        guard token.word == word else { return nil }
      } else {
        guard token.kind == .punct, token.scalar == part.scalar else { return nil }
      }
      position += 1
    }
    return position
  }

  /// `first` then `second`, maybe joined by a hyphen ("year-end", "month end"): the index after.
  func pair(_ index: Int, _ first: DateWord, _ second: DateWord) -> Int? {
    guard isWord(index, first) else { return nil }
    var position = index + 1
    if isPunct(position, "-"), isGlued(position), isGlued(position + 1) { position += 1 }
    return isWord(position, second) ? position + 1 : nil
  }

  /// The end of the longest of `phrases` matching at `index`.
  func longestSequence(_ index: Int, _ phrases: [DatePhrase]) -> Int? {
    var best: Int?
    for phrase in phrases {
      if let end = sequence(index, phrase), end > (best ?? index) { best = end }
    }
    return best
  }

  /// One article from `set` at `index` (elided forms are written with the apostrophe: "l'",
  /// "dell'"); returns the index after it.
  func article(_ index: Int, _ set: DateArticles) -> Int? {
    guard let word = word(index) else { return nil }
    if isPunct(index + 1, "'"), isGlued(index + 1), set.elided.contains(word) { return index + 2 }
    return set.plain.contains(word) ? index + 1 : nil
  }

  /// Index after an ordinal suffix glued at `index` ("4th", "1°", "1º").
  func ordinalSuffix(_ index: Int) -> Int? {
    guard index < count, tokens[index].glued else { return nil }
    let token = tokens[index]
    if tables.ordinalSuffixes.contains(token.word) { return index + 1 }
    if token.kind == .punct, token.scalar == "°" { return index + 1 }
    return nil
  }

  func monthName(_ index: Int) -> DateLexicon.Month? {
    tables.months[word(index)]
  }

  func weekdayNumber(_ index: Int, fullOnly: Bool = false) -> Int? {
    guard let weekday = tables.weekdays[word(index)] else { return nil }
    return fullOnly && weekday.abbreviation ? nil : weekday.number
  }

  /// The previous token is a money symbol or word, or a percent sign.
  func isMoney(_ index: Int) -> Bool {
    guard index >= 0, index < count else { return false }
    let token = tokens[index]
    switch token.kind {
    case .punct: return DateLexicon.isMoneySymbol(token.scalar)
    case .word: return tables.moneyWords.contains(token.word)
    case .number: return false
    }
  }

  /// Nothing glued before a number at `index` that would make it part of a larger number, a code
  /// or a version ("v2", "1.2", "x-4"), and no currency right before it.
  func cleanBefore(_ index: Int) -> Bool {
    guard index > 0 else { return true }
    if !tokens[index].glued { return !isMoney(index - 1) }
    let previous = tokens[index - 1]
    switch previous.kind {
    case .word, .number:
      return false
    case .punct:
      switch previous.scalar {
      case ".", ",", ":", "/", "-", "+", "#", "_", "=", "@", "€", "$", "£", "¥", "%", "&", "*", "^",
        "~":
        return false
      default:
        return true
      }
    }
  }

  /// Nothing glued after a match ending before `index` that would make its last number part of a
  /// larger number, a code, a percentage or an amount ("4.12%", "4/12/2", "4.12€", "4.12 eur").
  func cleanAfter(_ index: Int) -> Bool {
    guard index < count else { return true }
    let next = tokens[index]
    guard next.glued else { return !isMoney(index) }
    switch next.kind {
    case .word, .number:
      return false
    case .punct:
      if DateLexicon.isMoneySymbol(next.scalar) { return false }
      switch next.scalar {
      case ".", ",", "/", "-", ":", "_", "+":
        if index + 1 < count, tokens[index + 1].glued, tokens[index + 1].kind != .punct {
          return false
        }
        return true
      default:
        return true
      }
    }
  }

  // MARK: - Resolution helpers

  /// Day `day` of `month` in the year that puts it nearest the reference (in a January note
  /// `18 Dec` is last December, in a December note `4 Jan` is next January; an exact half-year
  /// tie goes forward). 29 February is the nearest one that exists.
  func inferDay(month: Int, day: Int) -> CivilDate? {
    var best: CivilDate?
    for year in (reference.year - 4)...(reference.year + 4) {
      guard let date = CivilDate(year: year, month: month, day: day) else { continue }
      if let current = best {
        let distance = abs(date.days(to: reference))
        let bestDistance = abs(current.days(to: reference))
        if distance < bestDistance || (distance == bestDistance && date > current) { best = date }
      } else {
        best = date
      }
    }
    return best
  }

  /// The year of a period given for the reference year by `range`: the one of the previous, the
  /// reference and the next year whose period's middle day is nearest the reference (a tie goes
  /// forward).
  func inferYear(_ range: (Int) -> (CivilDate, CivilDate)?) -> Int {
    let year = reference.year
    var best = year
    var bestDistance = Int.max
    for candidate in [year + 1, year, year - 1] {
      guard let (start, due) = range(candidate) else { continue }
      if start <= reference && reference <= due { return candidate }
      let middle = start.adding(days: start.days(to: due) / 2)
      let distance = abs(middle.days(to: reference))
      if distance < bestDistance {
        best = candidate
        bestDistance = distance
      }
    }
    return best
  }

  func monthRange(year: Int, month: Int) -> (CivilDate, CivilDate) {
    let first = CivilDate(unchecked: year, month, 1)
    return (first, first.lastOfMonth)
  }

  /// Range of `months` consecutive months starting with `month` of `year`.
  func monthsRange(year: Int, month: Int, months: Int) -> (CivilDate, CivilDate) {
    let first = CivilDate(unchecked: year, month, 1)
    return (first, first.adding(months: months - 1).lastOfMonth)
  }

  func yearRange(_ year: Int) -> (CivilDate, CivilDate) {
    (CivilDate(unchecked: year, 1, 1), CivilDate(unchecked: year, 12, 31))
  }

  /// The next `weekday` on or after the reference.
  func onOrAfter(_ weekday: Int) -> CivilDate {
    reference.adding(days: (weekday - reference.weekday + 7) % 7)
  }

  /// `weekday` in the ISO week `weeks` weeks after the reference's.
  func inWeek(_ weekday: Int, weeks: Int) -> CivilDate {
    reference.monday.adding(days: weeks * 7 + weekday - 1)
  }

  /// Sprint `number` (1-based), when the first sprint's date is known.
  func sprintRange(_ number: Int) -> (CivilDate, CivilDate)? {
    guard let one = context.sprintOne, (1...3660).contains(context.sprintLengthDays) else {
      return nil
    }
    let start = one.adding(days: (number - 1) * context.sprintLengthDays)
    return (start, start.adding(days: context.sprintLengthDays - 1))
  }

  /// The sprint `offset` sprints after the one containing the reference.
  func currentSprintRange(offset: Int) -> (CivilDate, CivilDate)? {
    guard let one = context.sprintOne, (1...3660).contains(context.sprintLengthDays) else {
      return nil
    }
    let length = context.sprintLengthDays
    let elapsed = one.days(to: reference)
    let index = (elapsed >= 0 ? elapsed / length : (elapsed - length + 1) / length) + offset
    return sprintRange(index + 1)
  }

  /// The calendar unit containing the reference, moved by `offset` units.
  func unitRange(_ unit: DateLexicon.PeriodUnit, offset: Int) -> (CivilDate, CivilDate)? {
    switch unit {
    case .week:
      let monday = reference.monday.adding(days: 7 * offset)
      return (monday, monday.adding(days: 6))
    case .weekend:
      let saturday = reference.monday.adding(days: 7 * offset + 5)
      return (saturday, saturday.adding(days: 1))
    case .month:
      let first = reference.firstOfMonth.adding(months: offset)
      return (first, first.lastOfMonth)
    case .quarter:
      let first = CivilDate(unchecked: reference.year, (reference.month - 1) / 3 * 3 + 1, 1).adding(
        months: 3 * offset)
      return monthsRange(year: first.year, month: first.month, months: 3)
    case .half:
      let first = CivilDate(unchecked: reference.year, (reference.month - 1) / 6 * 6 + 1, 1).adding(
        months: 6 * offset)
      return monthsRange(year: first.year, month: first.month, months: 6)
    case .year:
      return yearRange(reference.year + offset)
    case .sprint:
      return currentSprintRange(offset: offset)
    }
  }

  /// The first day on or after the reference that is day `day` of its month (and, if given,
  /// falls on `weekday`; when no such day comes within 28 months, the weekday is ignored).
  func nextDayOfMonth(_ day: Int, weekday: Int?) -> CivilDate? {
    var month = reference.firstOfMonth
    var fallback: CivilDate?
    for _ in 0..<28 {
      if let date = CivilDate(year: month.year, month: month.month, day: day), date >= reference {
        if weekday == nil || date.weekday == weekday { return date }
        if fallback == nil { fallback = date }
      }
      month = month.adding(months: 1)
    }
    return fallback
  }
}
