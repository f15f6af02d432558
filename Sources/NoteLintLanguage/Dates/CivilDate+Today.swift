import NoteLintText

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension CivilDate {
  /// Today in the local time zone.
  public static func currentLocal() -> CivilDate {
    var now = time(nil)
    var parts = tm()
    localtime_r(&now, &parts)
    return CivilDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))
      ?? CivilDate(daysSinceEpoch: 0)
  }
}

extension DateParser {
  /// Whether a folded word is a month or weekday name (name detection must not take "May" or
  /// "Venerdì" for a person).
  public static func isCalendarWord(_ hash: UInt64) -> Bool { calendarHashes.contains(hash) }

  private static let calendarHashes = TokenSet(
    [
      "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre",
      "novembre", "dicembre", "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december", "lunedi", "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica",
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "gen", "mag", "giu", "lug", "ago", "set", "ott", "dic",
    ].map(TokenHash.hash))
}
