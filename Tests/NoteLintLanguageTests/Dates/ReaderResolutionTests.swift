import NoteLintLanguage
import XCTest

/// Deadlines resolved as a careful reader means them (issue 14): hours are not days, partial dates
/// take their nearest occurrence, EOW is Friday, "by Monday" on a Monday is the next one.
final class ReaderResolutionTests: XCTestCase {
  func testHoursAreNotDays() {
    check(
      [
        row(
          "Invia il piano entro le 16 di martedì", "entro le 16 di martedi", .period, "2026-11-23",
          "2026-11-24"),
        row("Consegna entro le 12:30 di venerdì", "entro le 12:30 di venerdi", .period, "2026-11-23", "2026-11-27"),
        row("Send the deck by 4pm Tuesday", "by 4pm tuesday", .period, "2026-11-23", "2026-11-24"),
        row("Send the deck by 16:00 on Friday", "by 16:00 on friday", .period, "2026-11-23", "2026-11-27"),
        row("Send it by 5pm", "by 5pm", .period, "2026-11-23", "2026-11-23"),
        row("Chiudi entro le 18", "entro le 18", .period, "2026-11-23", "2026-11-23"),
      ], context: monday)
  }

  func testNearestOccurrence() {
    let january = DateContext(reference: day("2027-01-12"))
    check(
      [
        row("Fix the build by 18 Dec", "by 18 dec", .period, "2026-12-18", "2026-12-18"),
        row("Chiudere entro il 18 dicembre", "entro il 18 dicembre", .period, "2026-12-18", "2026-12-18"),
        row("Review on 3 Feb", "3 feb", .absolute, "2027-02-03"),
        row("Rilascio 20/12", "20/12", .absolute, "2026-12-20"),
      ], context: january)
    let december = DateContext(reference: day("2026-12-20"))
    check(
      [
        row("Demo 4 Jan", "4 jan", .absolute, "2027-01-04"),
        row("Consegna 10 gennaio", "10 gennaio", .absolute, "2027-01-10"),
      ], context: december)
  }

  func testEndOfWorkingWeekAndSameWeekday() {
    check(
      [
        row("Review the PR by EOW", "by eow", .period, "2026-11-23", "2026-11-27"),
        row("Ship it by Monday", "by monday", .period, "2026-11-23", "2026-11-30"),
        row("Consegna entro lunedì", "entro lunedi", .period, "2026-11-23", "2026-11-30"),
        row("Ship it by Tuesday", "by tuesday", .period, "2026-11-23", "2026-11-24"),
        row("Ship it by today", "by today", .period, "2026-11-23", "2026-11-23"),
      ], context: monday)
  }

  /// Shapes the date benchmark (`Benchmarks/dates`) found missing.
  func testWeekendsFortnightsRangesAndNextMonth() {
    check(
      [
        row("Ship it on the 10th", "on the 10th", .absolute, "2026-12-10"),
        row("Chiudere il ticket entro il 10 p.v.", "entro il 10 p.v.", .period, "2026-11-23", "2026-12-10"),
        row("Ravi is off Dec 23\u{2013}25", "Dec 23\u{2013}25", .period, "2026-12-23", "2026-12-25"),
        row("Offsite March 2 to 4", "March 2 to 4", .period, "2027-03-02", "2027-03-04"),
        row("Offsite Dec 2-4, 2026", "Dec 2-4, 2026", .period, "2026-12-02", "2026-12-04"),
        row("Fix it in a fortnight", "in a fortnight", .absolute, "2026-12-07"),
        row("Fix it within a fortnight", "within a fortnight", .period, "2026-11-23", "2026-12-07"),
        row("Sistemare i dati nel weekend", "nel weekend", .period, "2026-11-28", "2026-11-29"),
        row("Clean the backlog over the weekend", "over the weekend", .period, "2026-11-28", "2026-11-29"),
        row("Consegna entro il weekend", "entro il weekend", .period, "2026-11-23", "2026-11-29"),
        row("Call the vendor this September", "this September", .period, "2026-09-01", "2026-09-30"),
        row("Rilascio nella settimana del 9 dicembre", "settimana del 9 dicembre", .period, "2026-12-07", "2026-12-13"),
        row("Book the room in the week of Dec 9", "week of Dec 9", .period, "2026-12-07", "2026-12-13"),
      ], context: monday)
    let march = DateContext(reference: day("2026-03-04"))
    check(
      [
        row("Entro il 10 del mese prossimo", "Entro il 10 del mese prossimo", .period, "2026-03-04", "2026-04-10"),
        row("Send it by the 4th of next month", "by the 4th of next month", .period, "2026-03-04", "2026-04-04"),
      ], context: march)
    checkNone(
      [
        "The weekend shift is covered", "Pagina 10 p.v. del manuale", "Move the racks on the 3rd floor",
        "It worked on the 2nd attempt", "Ci vediamo nel weekend di Pasqua",
      ], context: monday)
  }

  /// "due Wed" in English (Italian "due" is two), half a unit.
  func testDueWeekdayAndHalfUnits() {
    check(
      [
        row("Email template due Wed", "due wed", .period, "2026-11-23", "2026-11-25"),
        row("Slides due on Friday", "due on friday", .period, "2026-11-23", "2026-11-27"),
        row("Ravi is away between Dec 23 and 25", "Dec 23 and 25", .period, "2026-12-23", "2026-12-25"),
        row("Offsite March 2 through 4", "March 2 through 4", .period, "2027-03-02", "2027-03-04"),
        row("Get the spec to CR within half a year", "within half a year", .period, "2026-11-23", "2027-05-23"),
        row("Chiudere il bando entro mezzo anno", "entro mezzo anno", .period, "2026-11-23", "2027-05-23"),
      ], context: monday)
    checkNone(["Giulia farà due venerdì di prova", "Servono due mesi di storico"], context: monday)
  }

  func testRoles() {
    func roles(_ sentence: String) -> [DateRole] {
      let text = fold(sentence)
      return DateParser().find(in: text, context: monday).map { DateRoles.role(of: $0, in: text) }
    }
    XCTAssertEqual(roles("Ravi is away 5 Dec: deck ready by 4 Dec"), [.absence, .deadline])
    XCTAssertEqual(roles("Migrate the DB (done 2 Oct)"), [.completion])
    XCTAssertEqual(roles("Migrazione del DB, fatto il 3 ottobre"), [.completion])
    XCTAssertEqual(roles("Job running since 3 Feb, fix by Friday"), [.since, .deadline])
    XCTAssertEqual(roles("Marco in ferie dal 4 al 6 dicembre: consegna entro il 2 dicembre"), [.absence, .deadline])
    XCTAssertEqual(roles("Meeting 4 Dec: ship the fix"), [.plain])
    XCTAssertEqual(roles("Due 4 Dec: ship the fix"), [.deadline])
    XCTAssertEqual(roles("Scadenza 4 dicembre"), [.deadline])
  }

  func testDeadlinePick() {
    func pick(_ sentence: String) -> String? {
      let text = fold(sentence)
      let found = DateParser().find(in: text, context: monday).map { ($0, text) }
      return DateRoles.deadline(among: found)?.due?.description
    }
    XCTAssertEqual(pick("Ravi is away 5 Dec: deck ready by 4 Dec"), "2026-12-04")
    XCTAssertEqual(pick("Migrate the DB, done 2 Oct"), nil)
    XCTAssertEqual(pick("Running since 3 Feb; fix by 30 Nov"), "2026-11-30")
    XCTAssertEqual(pick("Kickoff 1 Dec, then the review 8 Dec"), "2026-12-08")
    XCTAssertEqual(pick("Review 8 Dec, due 2 Dec"), "2026-12-02")
  }

  func testNumericDateOrderEvidence() {
    XCTAssertEqual(NumericDateOrder.evidence(in: fold("Ship on 12/25/2026")), .monthFirst)
    XCTAssertEqual(NumericDateOrder.evidence(in: fold("Consegna il 25/12")), .dayFirst)
    XCTAssertNil(NumericDateOrder.evidence(in: fold("Ship on 12/01, ratio 3/4")))
    XCTAssertNil(NumericDateOrder.evidence(in: fold("Version 1.12/20 build")))
  }
}
