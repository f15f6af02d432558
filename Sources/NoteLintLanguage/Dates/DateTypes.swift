import NoteLintText

/// How an all-numeric date without a four-digit year in front is read.
///
/// `04/12` is 4 December day-first and 12 April month-first. Whatever the setting, a date that can
/// only be read one way (`25/12`, `12/25`) is read that way when the separator is `/` or `-`;
/// dotted dates (`4.12`) never switch order, so times like `10.30` are not taken for 30 October.
public enum DateOrder: Sendable {
  case dayFirst
  case monthFirst
}

/// What relative and partial expressions are resolved against.
public struct DateContext: Sendable {
  /// The note's date (or today): relative expressions resolve against it.
  public var reference: CivilDate
  /// Numeric dates; default `.dayFirst`.
  public var order: DateOrder
  /// Length of a sprint in days (default 14).
  public var sprintLengthDays: Int
  /// Start date of sprint 1, if known (to resolve "end of sprint 12").
  public var sprintOne: CivilDate?

  public init(
    reference: CivilDate, order: DateOrder = .dayFirst, sprintLengthDays: Int = 14,
    sprintOne: CivilDate? = nil
  ) {
    self.reference = reference
    self.order = order
    self.sprintLengthDays = sprintLengthDays
    self.sprintOne = sprintOne
  }
}

public enum DateExpressionKind: Sendable, Equatable {
  /// A day: 2026-12-04, 4 dicembre, Dec 4th, 04/12/2026, tomorrow, next Monday.
  case absolute
  /// A bounded range or period: week 49, Q1 2027, end of month, end of sprint 12, next week,
  /// within 2 weeks, by Friday, EOD, EOW.
  case period
  /// A cadence: every Monday, weekly, ogni mese, settimanale, daily, biweekly, ogni sprint.
  case recurring
}

/// One date expression found in the text.
public struct DateExpression: Sendable, Equatable {
  /// Offsets into the input scalar array.
  public var range: Range<Int>
  public var kind: DateExpressionKind
  /// Resolved first day (nil for recurring, or for a sprint when the first sprint's date is unknown).
  public var start: CivilDate?
  /// Resolved deadline: the last day of the period (equal to `start` for a day).
  public var due: CivilDate?

  public init(range: Range<Int>, kind: DateExpressionKind, start: CivilDate?, due: CivilDate?) {
    self.range = range
    self.kind = kind
    self.start = start
    self.due = due
  }
}
