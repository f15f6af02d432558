import NoteLintLanguage
import XCTest

final class CivilDateTests: XCTestCase {
  func testValidation() {
    XCTAssertNotNil(CivilDate(year: 2024, month: 2, day: 29))
    XCTAssertNil(CivilDate(year: 2026, month: 2, day: 29))
    XCTAssertNil(CivilDate(year: 1900, month: 2, day: 29))
    XCTAssertNotNil(CivilDate(year: 2000, month: 2, day: 29))
    XCTAssertNil(CivilDate(year: 2026, month: 4, day: 31))
    XCTAssertNil(CivilDate(year: 2026, month: 13, day: 1))
    XCTAssertNil(CivilDate(year: 2026, month: 0, day: 1))
    XCTAssertNil(CivilDate(year: 2026, month: 1, day: 0))
    XCTAssertEqual(CivilDate.lastDay(year: 2024, month: 2), 29)
    XCTAssertEqual(CivilDate.lastDay(year: 2023, month: 2), 28)
    XCTAssertEqual(CivilDate.lastDay(year: 2100, month: 2), 28)
    XCTAssertEqual(CivilDate.lastDay(year: 2000, month: 2), 29)
    XCTAssertEqual(CivilDate.lastDay(year: 2026, month: 11), 30)
    XCTAssertEqual(CivilDate.lastDay(year: 2026, month: 12), 31)
    XCTAssertTrue(CivilDate.isLeapYear(2028))
    XCTAssertFalse(CivilDate.isLeapYear(2100))
  }

  func testEpochDays() {
    XCTAssertEqual(day("1970-01-01").daysSinceEpoch, 0)
    XCTAssertEqual(day("1969-12-31").daysSinceEpoch, -1)
    XCTAssertEqual(day("2000-03-01").daysSinceEpoch, 11_017)
    XCTAssertEqual(day("2026-11-23").daysSinceEpoch, 20_780)
    XCTAssertEqual(CivilDate(daysSinceEpoch: 0), day("1970-01-01"))
    XCTAssertEqual(CivilDate(daysSinceEpoch: 11_016), day("2000-02-29"))
    XCTAssertEqual(CivilDate(daysSinceEpoch: -719_468), day("0000-03-01"))
    // Round trip over ±2,000 years, checking that consecutive days are consecutive dates.
    var previous = CivilDate(daysSinceEpoch: -730_000)
    for days in stride(from: -729_999, through: 730_000, by: 1) {
      let date = CivilDate(daysSinceEpoch: days)
      if date.daysSinceEpoch != days || date <= previous {
        XCTFail("round trip failed at \(days): \(date)")
        break
      }
      previous = date
    }
  }

  func testWeekday() {
    XCTAssertEqual(day("1970-01-01").weekday, 4)
    XCTAssertEqual(day("2026-11-23").weekday, 1)
    XCTAssertEqual(day("2026-11-29").weekday, 7)
    XCTAssertEqual(day("2000-01-01").weekday, 6)
    XCTAssertEqual(day("2024-02-29").weekday, 4)
    XCTAssertEqual(day("1969-12-28").weekday, 7)
    XCTAssertEqual(day("1600-01-01").weekday, 6)
  }

  func testAddingDaysAndMonths() {
    XCTAssertEqual(day("2026-12-31").adding(days: 1), day("2027-01-01"))
    XCTAssertEqual(day("2028-02-28").adding(days: 1), day("2028-02-29"))
    XCTAssertEqual(day("2027-02-28").adding(days: 1), day("2027-03-01"))
    XCTAssertEqual(day("2026-03-01").adding(days: -1), day("2026-02-28"))
    XCTAssertEqual(day("2026-01-31").adding(months: 1), day("2026-02-28"))
    XCTAssertEqual(day("2024-01-31").adding(months: 1), day("2024-02-29"))
    XCTAssertEqual(day("2026-03-31").adding(months: -1), day("2026-02-28"))
    XCTAssertEqual(day("2026-12-15").adding(months: 1), day("2027-01-15"))
    XCTAssertEqual(day("2026-01-15").adding(months: -13), day("2024-12-15"))
    XCTAssertEqual(day("2024-02-29").adding(months: 12), day("2025-02-28"))
    XCTAssertEqual(day("2026-05-31").adding(months: 24), day("2028-05-31"))
    XCTAssertEqual(day("0001-01-15").adding(months: -1), day("0000-12-15"))
  }

  func testISOWeeks() {
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2026, week: 1), day("2025-12-29"))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2026, week: 49), day("2026-11-30"))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2026, week: 53), day("2026-12-28"))
    XCTAssertNil(CivilDate.isoWeekStart(year: 2027, week: 53))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2020, week: 53), day("2020-12-28"))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2015, week: 53), day("2015-12-28"))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2021, week: 1), day("2021-01-04"))
    XCTAssertEqual(CivilDate.isoWeekStart(year: 2009, week: 1), day("2008-12-29"))
    XCTAssertNil(CivilDate.isoWeekStart(year: 2026, week: 0))
    XCTAssertNil(CivilDate.isoWeekStart(year: 2026, week: 54))
    XCTAssertEqual(CivilDate.isoWeeksInYear(2026), 53)
    XCTAssertEqual(CivilDate.isoWeeksInYear(2027), 52)
    XCTAssertEqual(CivilDate.isoWeeksInYear(2020), 53)
    XCTAssertEqual(CivilDate.isoWeeksInYear(2032), 53)
    XCTAssertEqual(CivilDate.isoWeeksInYear(2019), 52)
    XCTAssertTrue(day("2021-01-03").isoWeek == (2020, 53))
    XCTAssertTrue(day("2008-12-29").isoWeek == (2009, 1))
    XCTAssertTrue(day("2026-11-23").isoWeek == (2026, 48))
    XCTAssertTrue(day("2027-01-01").isoWeek == (2026, 53))
    XCTAssertTrue(day("2027-01-04").isoWeek == (2027, 1))
    // Every ISO week start is a Monday and maps back to its own week.
    for year in 1990...2040 {
      for week in 1...CivilDate.isoWeeksInYear(year) {
        guard let start = CivilDate.isoWeekStart(year: year, week: week) else {
          XCTFail("missing week \(week) of \(year)")
          continue
        }
        XCTAssertEqual(start.weekday, 1)
        XCTAssertTrue(start.isoWeek == (year, week), "\(year)-W\(week)")
      }
    }
  }

  func testParsingAndDescription() {
    XCTAssertEqual(CivilDate.parseISO("2026-12-04"), CivilDate(year: 2026, month: 12, day: 4))
    XCTAssertNil(CivilDate.parseISO("2026-2-04"))
    XCTAssertNil(CivilDate.parseISO("2026-13-01"))
    XCTAssertNil(CivilDate.parseISO("2026-02-30"))
    XCTAssertNil(CivilDate.parseISO("20261204"))
    XCTAssertNil(CivilDate.parseISO("2026-12-04x"))
    XCTAssertNil(CivilDate.parseISO("2026/12/04"))
    XCTAssertEqual(day("2026-12-04").description, "2026-12-04")
    XCTAssertEqual(CivilDate(year: 999, month: 1, day: 5)?.description, "0999-01-05")
    XCTAssertLessThan(day("2026-11-30"), day("2026-12-01"))
    XCTAssertLessThan(day("2025-12-31"), day("2026-01-01"))
    XCTAssertEqual([day("2026-12-01"), day("2026-01-31")].max(), day("2026-12-01"))
  }
}
