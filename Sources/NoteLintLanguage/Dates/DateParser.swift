import NoteLintText

/// Finds date expressions (deadlines, periods, cadences) in Italian and English text.
///
/// The scanner is hand-written over tokens of Unicode scalars (no regular expressions). At each
/// token every rule is tried and the longest match wins; matches never overlap.
///
/// Resolution conventions (relative to `DateContext.reference`):
/// - A day without a year is in the reference year, or the next one when it would fall more than
///   182 days before the reference. Periods without a year (`Q1`, `week 5`, `gennaio`) use the same
///   rule on their middle day.
/// - A bare weekday (`by Friday`, `on Monday`, `this Friday`) is the next such day on or after the
///   reference (the same day counts). `next Friday` / `venerdì prossimo` is that weekday in the
///   following ISO week (on Monday 23 Nov 2026, `next Friday` is 4 Dec, not 27 Nov).
/// - `by`/`entro`/`until`/`fino a`/`before`/`prima di` + X is a period from the reference to X's
///   last day (to the day before X's first day for `before`).
/// - `end of X` / `fine X` covers all of X (`end of month` = the whole month, due on its last day);
///   `early`/`mid`/`late` (`inizio`/`metà`) take the first, middle or last third (days 1–10, 11–20,
///   21–end of a month). `end of week`, `EOW` and `fine settimana` end on Sunday (ISO week).
/// - Sprint N starts at `sprintOne + (N - 1) * sprintLengthDays`; without `sprintOne`, sprint
///   expressions are periods with nil dates.
/// - `within 2 weeks`, `in 3 days`, `entro 10 giorni`, `tra 3 giorni`: from the reference to
///   reference + amount (hours round up to whole days, business days skip Saturday and Sunday).
/// - Day ranges (`dal 4 al 6 dicembre`, `4-6 dicembre`) and weeks of a month (`first week of
///   December` = days 1–7) are periods; fixed-date holidays (`entro Natale`, `by Christmas`) are
///   days, and need a by/entro/per/a-style word in front.
/// - Leading articles are not part of a match unless a deadline word precedes them: `il 4
///   dicembre` matches `4 dicembre`, `entro il 4 dicembre` matches whole. Licensing words (`on`,
///   `for`, `in`, `nel`) are included only when the rest needs them (`on Monday`, `in May`,
///   `nel 2027`), not in `in dicembre` (just `dicembre`).
public struct DateParser: Sendable {
  /// Read once here rather than on every `find` (a global's one-time check is a call on Linux).
  let tables: DateTables

  public init() { tables = DateTables.shared }

  /// `text` is the text to scan as Unicode scalars, ALREADY case-folded and accent-folded by the caller
  /// (lowercase; à→a, è/é→e, ì→i, ò→o, ù→u; curly apostrophes → '). Returns non-overlapping matches
  /// in order, longest match preferred.
  public func find(in text: [Unicode.Scalar], context: DateContext) -> [DateExpression] {
    let tokens = DateTokenizer.tokenize(text, vocabulary: tables.vocabulary)
    let matcher = DateMatcher(tokens: tokens, context: context, tables: tables)
    var found: [DateExpression] = []
    var index = 0
    while index < tokens.count {
      if let hit = matcher.longest(at: index), hit.end > index {
        found.append(
          DateExpression(
            range: tokens[index].start..<tokens[hit.end - 1].end, kind: hit.kind, start: hit.start,
            due: hit.due))
        index = hit.end
      } else {
        index += 1
      }
    }
    return found
  }
}
