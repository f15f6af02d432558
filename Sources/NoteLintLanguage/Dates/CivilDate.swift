import NoteLintText

/// A calendar day in the proleptic Gregorian calendar, with no time of day and no time zone.
///
/// All arithmetic is done here (days since 1970-01-01), without Foundation's `Calendar`.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
  public let year: Int
  public let month: Int
  public let day: Int

  /// Validates the month (1...12) and the day (1...length of the month).
  public init?(year: Int, month: Int, day: Int) {
    guard (1...12).contains(month), day >= 1, day <= CivilDate.lastDay(year: year, month: month)
    else {
      return nil
    }
    self.year = year
    self.month = month
    self.day = day
  }

  /// The day `daysSinceEpoch` days after 1970-01-01 (negative: before it).
  public init(daysSinceEpoch: Int) {
    // Howard Hinnant's civil_from_days, eras of 400 years starting on 0000-03-01.
    let shifted = daysSinceEpoch + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let marchMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
    let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
    let year = yearOfEra + era * 400
    self.year = month <= 2 ? year + 1 : year
    self.month = month
    self.day = day
  }

  /// Days since 1970-01-01 (which is 0).
  public var daysSinceEpoch: Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let marchMonth = month > 2 ? month - 3 : month + 9
    let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// ISO weekday: 1 = Monday … 7 = Sunday.
  public var weekday: Int {
    let mod = (daysSinceEpoch + 3) % 7  // 1970-01-01 was a Thursday (4)
    return (mod < 0 ? mod + 7 : mod) + 1
  }

  /// The ISO 8601 week-numbering year and week (1...53) this day belongs to.
  public var isoWeek: (year: Int, week: Int) {
    let thursday = daysSinceEpoch + 4 - weekday
    let weekYear = CivilDate(daysSinceEpoch: thursday).year
    let janFirst = CivilDate(unchecked: weekYear, 1, 1).daysSinceEpoch
    return (weekYear, (thursday - janFirst) / 7 + 1)
  }

  public func adding(days: Int) -> CivilDate {
    CivilDate(daysSinceEpoch: daysSinceEpoch + days)
  }

  /// Moves by whole months, clamping the day to the length of the target month (31 Jan + 1 = 28/29 Feb).
  public func adding(months: Int) -> CivilDate {
    let total = year * 12 + (month - 1) + months
    let newYear = total >= 0 ? total / 12 : (total - 11) / 12
    let newMonth = total - newYear * 12 + 1
    return CivilDate(
      unchecked: newYear, newMonth, min(day, CivilDate.lastDay(year: newYear, month: newMonth)))
  }

  /// Number of days between `self` and `other` (positive when `other` is later).
  func days(to other: CivilDate) -> Int {
    other.daysSinceEpoch - daysSinceEpoch
  }

  public static func isLeapYear(_ year: Int) -> Bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
  }

  /// Length of the month (28...31), or 0 for a month outside 1...12.
  public static func lastDay(year: Int, month: Int) -> Int {
    switch month {
    case 1, 3, 5, 7, 8, 10, 12: return 31
    case 4, 6, 9, 11: return 30
    case 2: return isLeapYear(year) ? 29 : 28
    default: return 0
    }
  }

  /// 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday.
  public static func isoWeeksInYear(_ year: Int) -> Int {
    let janFirst = CivilDate(unchecked: year, 1, 1).weekday
    return janFirst == 4 || (janFirst == 3 && isLeapYear(year)) ? 53 : 52
  }

  /// Monday of ISO week `week` of ISO year `year` (week 1 contains 4 January), or nil for an invalid week.
  public static func isoWeekStart(year: Int, week: Int) -> CivilDate? {
    guard week >= 1, week <= isoWeeksInYear(year) else { return nil }
    let janFourth = CivilDate(unchecked: year, 1, 4)
    let monday = janFourth.daysSinceEpoch - (janFourth.weekday - 1)
    return CivilDate(daysSinceEpoch: monday + (week - 1) * 7)
  }

  /// Parses exactly `YYYY-MM-DD`; nil for anything else or an invalid date.
  public static func parseISO(_ s: String) -> CivilDate? {
    let scalars = Array(s.unicodeScalars)
    guard scalars.count == 10, scalars[4] == "-", scalars[7] == "-" else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let digit = scalars[index].value
        guard digit >= 0x30, digit <= 0x39 else { return nil }
        value = value * 10 + Int(digit - 0x30)
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else {
      return nil
    }
    return CivilDate(year: year, month: month, day: day)
  }

  public var description: String {
    func padded(_ value: Int, _ width: Int) -> String {
      let digits = String(abs(value))
      let zeros = String(repeating: "0", count: max(0, width - digits.count))
      return (value < 0 ? "-" : "") + zeros + digits
    }
    return padded(year, 4) + "-" + padded(month, 2) + "-" + padded(day, 2)
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// For values already known to be valid.
  init(unchecked year: Int, _ month: Int, _ day: Int) {
    self.year = year
    self.month = month
    self.day = day
  }

  /// First day of this day's month.
  var firstOfMonth: CivilDate { CivilDate(unchecked: year, month, 1) }

  /// Last day of this day's month.
  var lastOfMonth: CivilDate {
    CivilDate(unchecked: year, month, CivilDate.lastDay(year: year, month: month))
  }

  /// Monday of this day's ISO week.
  var monday: CivilDate { adding(days: 1 - weekday) }
}
