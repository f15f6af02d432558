import NoteLintLanguage
import XCTest

/// Reference date for most tables: Monday 23 November 2026 (ISO week 48).
let monday = DateContext(reference: day("2026-11-23"))

final class AbsoluteDateTests: XCTestCase {
  func testNumericDates() {
    check(
      [
        row("Consegna prevista 2026-12-04.", "2026-12-04", .absolute, "2026-12-04"),
        row("Deadline 2026/12/04 for the draft", "2026/12/04", .absolute, "2026-12-04"),
        row("Meeting at 2026-12-01T10:00 sharp", "2026-12-01", .absolute, "2026-12-01"),
        row("Inviare il 04/12/2026 al cliente", "04/12/2026", .absolute, "2026-12-04"),
        row("Rilascio il 4/12/26 alle 10", "4/12/26", .absolute, "2026-12-04"),
        row("Data: 4.12.2026", "4.12.2026", .absolute, "2026-12-04"),
        row("Data: 4-12-2026", "4-12-2026", .absolute, "2026-12-04"),
        row("Consegna 4/12 in mattinata", "4/12", .absolute, "2026-12-04"),
        row("Consegna 04.12 in mattinata", "04.12", .absolute, "2026-12-04"),
        row("Demo il 15/01 con il team", "15/01", .absolute, "2027-01-15"),
        row("Recap del 10/06 inviato", "10/06", .absolute, "2026-06-10"),
        row("Ship it 12/25 at the latest", "12/25", .absolute, "2026-12-25"),
        row("Ship it 25/12 at the latest", "25/12", .absolute, "2026-12-25"),
        row("Ship on 12/25/2026 please", "12/25/2026", .absolute, "2026-12-25"),
        row("Vediamoci il 3/4 alle 10", "3/4", .absolute, "2027-04-03"),
        row("Scadenza: 31/12.", "31/12", .absolute, "2026-12-31"),
        row("Review (4/12) in the big room", "4/12", .absolute, "2026-12-04"),
        row("Leap day 29/02/2028 is fine", "29/02/2028", .absolute, "2028-02-29"),
        row(
          "Entro venerdì 4/12 la bozza", "entro venerdì 4/12", .period, "2026-11-23", "2026-12-04"),
        row("Call venerdì 4/12 con Marco", "venerdì 4/12", .absolute, "2026-12-04"),
      ], context: monday)
  }

  func testMonthNames() {
    check(
      [
        row("Consegna 4 dicembre 2026", "4 dicembre 2026", .absolute, "2026-12-04"),
        row("Consegna 4 dic, poi vediamo", "4 dic", .absolute, "2026-12-04"),
        row("Consegna 4 dic. alle 9", "4 dic.", .absolute, "2026-12-04"),
        row("Ci vediamo il 4 dicembre", "4 dicembre", .absolute, "2026-12-04"),
        row("Riunione venerdì 4 dicembre", "venerdì 4 dicembre", .absolute, "2026-12-04"),
        row("Riunione venerdì, 4 dicembre", "venerdì, 4 dicembre", .absolute, "2026-12-04"),
        row("Riunione giovedì 4 dicembre (sic)", "giovedì 4 dicembre", .absolute, "2026-12-04"),
        row("Festa l'8 dicembre", "8 dicembre", .absolute, "2026-12-08"),
        row("Ship Dec 4 if green", "Dec 4", .absolute, "2026-12-04"),
        row("Ship December 4th if green", "December 4th", .absolute, "2026-12-04"),
        row("Ship on the 4th of December", "4th of December", .absolute, "2026-12-04"),
        row("Ship Dec. 4, 2026 at noon", "Dec. 4, 2026", .absolute, "2026-12-04"),
        row("Ship Friday, December 4 at noon", "Friday, December 4", .absolute, "2026-12-04"),
        row("Ship dec 31st", "dec 31st", .absolute, "2026-12-31"),
        row("Kickoff 1st of May", "1st of May", .absolute, "2027-05-01"),
        row("Kickoff May 4 with everyone", "May 4", .absolute, "2027-05-04"),
        row("Kickoff 4 May 2026 with everyone", "4 May 2026", .absolute, "2026-05-04"),
        row("Kickoff March 3 with everyone", "March 3", .absolute, "2027-03-03"),
        row("Capodanno 1° gennaio", "1° gennaio", .absolute, "2027-01-01"),
        row("Chiusura 31 dicembre 2026.", "31 dicembre 2026", .absolute, "2026-12-31"),
        row("Bilancio 29 febbraio", "29 febbraio", .absolute, "2028-02-29"),
        row("Ferie dal 3 ago 2026", "3 ago 2026", .absolute, "2026-08-03"),
        row("Avvio 5 mar con tutti", "5 mar", .absolute, "2027-03-05"),
        row("Uscita 12 set, salvo imprevisti", "12 set", .absolute, "2026-09-12"),
        row("Piano dicembre 2026 da fare", "dicembre 2026", .period, "2026-12-01", "2026-12-31"),
        row(
          "Plan for December 2026 is ready", "December 2026", .period, "2026-12-01", "2026-12-31"),
        row("Plan for Dec 2026 is ready", "Dec 2026", .period, "2026-12-01", "2026-12-31"),
        row("Plan for May 2027 is ready", "May 2027", .period, "2027-05-01", "2027-05-31"),
        row("Budget di gennaio 2027 da chiudere", "gennaio 2027", .period, "2027-01-01", "2027-01-31"),
        row("Chiudere a dicembre", "a dicembre", .period, "2026-12-01", "2026-12-31"),
        row("Review in June with legal", "in June", .period, "2026-06-01", "2026-06-30"),
      ], context: monday)
  }

  func testWeekdays() {
    check(
      [
        row("Send it by Friday", "by Friday", .period, "2026-11-23", "2026-11-27"),
        row("Mandalo entro venerdì", "entro venerdì", .period, "2026-11-23", "2026-11-27"),
        row("Mandalo entro venerdi", "entro venerdi", .period, "2026-11-23", "2026-11-27"),
        row("Finish before Wednesday", "before Wednesday", .period, "2026-11-23", "2026-11-24"),
        row("Finish before Monday", "before Monday", .period, "2026-11-23", "2026-11-29"),
        row(
          "Prima di venerdì serve la bozza", "Prima di venerdì", .period, "2026-11-23", "2026-11-26"
        ),
        row("Fino a giovedì siamo fuori", "Fino a giovedì", .period, "2026-11-23", "2026-11-26"),
        row("Until Friday we freeze", "Until Friday", .period, "2026-11-23", "2026-11-27"),
        row("Let's talk on Monday", "on Monday", .absolute, "2026-11-23"),
        row("Let's talk on Thursday", "on Thursday", .absolute, "2026-11-26"),
        row("Ready for Wednesday", "for Wednesday", .absolute, "2026-11-25"),
        row("Pronto per sabato", "per sabato", .absolute, "2026-11-28"),
        row("Let's talk next Monday", "next Monday", .absolute, "2026-11-30"),
        row("Let's talk next Friday", "next Friday", .absolute, "2026-12-04"),
        row("Ne parliamo lunedì prossimo", "lunedì prossimo", .absolute, "2026-11-30"),
        row("Ne parliamo domenica prossima", "domenica prossima", .absolute, "2026-12-06"),
        row("Ne parliamo il prossimo lunedì", "prossimo lunedì", .absolute, "2026-11-30"),
        row("Ne parliamo la prossima domenica", "prossima domenica", .absolute, "2026-12-06"),
        row("Demo this Friday", "this Friday", .absolute, "2026-11-27"),
        row("Demo this coming Friday", "this coming Friday", .absolute, "2026-11-27"),
        row("Demo questo venerdì", "questo venerdì", .absolute, "2026-11-27"),
        row("Consegna venerdì 4", "venerdì 4", .absolute, "2026-12-04"),
        row("Consegna giovedì 3 alle 10", "giovedì 3", .absolute, "2026-12-03"),
        row("Demo Friday the 4th", "Friday the 4th", .absolute, "2026-12-04"),
        row("Demo Friday next week", "Friday next week", .absolute, "2026-12-04"),
        row(
          "Demo venerdì della prossima settimana", "venerdì della prossima settimana", .absolute,
          "2026-12-04"),
        row(
          "Demo mercoledì di questa settimana", "mercoledì di questa settimana", .absolute,
          "2026-11-25"),
        row(
          "Entro venerdì 4 dicembre la bozza", "Entro venerdì 4 dicembre", .period, "2026-11-23",
          "2026-12-04"),
        row("Send it by fri", "by fri", .period, "2026-11-23", "2026-11-27"),
      ], context: monday)
  }

  func testRelativeDays() {
    check(
      [
        row("Do it tomorrow", "tomorrow", .absolute, "2026-11-24"),
        row("Fallo domani", "domani", .absolute, "2026-11-24"),
        row("Fallo dopodomani", "dopodomani", .absolute, "2026-11-25"),
        row("Do it the day after tomorrow", "day after tomorrow", .absolute, "2026-11-25"),
        row("Do it today", "today", .absolute, "2026-11-23"),
        row("Fallo oggi", "oggi", .absolute, "2026-11-23"),
        row("Chiudi stasera", "stasera", .absolute, "2026-11-23"),
        row("Sent yesterday", "yesterday", .absolute, "2026-11-22"),
        row("Inviato ieri", "ieri", .absolute, "2026-11-22"),
        row("Ne parliamo domani mattina", "domani mattina", .absolute, "2026-11-24"),
        row("Talk tomorrow morning", "tomorrow morning", .absolute, "2026-11-24"),
        row("Fix by EOD", "by EOD", .period, "2026-11-23", "2026-11-23"),
        row("Fix EOD", "EOD", .period, "2026-11-23", "2026-11-23"),
        row("Fix by end of day", "by end of day", .period, "2026-11-23", "2026-11-23"),
        row(
          "Fix by the end of the day", "by the end of the day", .period, "2026-11-23", "2026-11-23"),
        row("Fix COB", "COB", .period, "2026-11-23", "2026-11-23"),
        row("Fix EOD Friday", "EOD Friday", .period, "2026-11-27", "2026-11-27"),
        row("Fix COB tomorrow", "COB tomorrow", .period, "2026-11-24", "2026-11-24"),
        row("Fix tomorrow EOD", "tomorrow EOD", .period, "2026-11-24", "2026-11-24"),
        row(
          "Chiudere entro fine giornata", "entro fine giornata", .period, "2026-11-23", "2026-11-23"
        ),
        row("Chiudere in giornata", "in giornata", .period, "2026-11-23", "2026-11-23"),
        row("Chiudere entro oggi", "entro oggi", .period, "2026-11-23", "2026-11-23"),
        row("Chiudere entro domani", "entro domani", .period, "2026-11-23", "2026-11-24"),
        row("Chiudere entro stasera", "entro stasera", .period, "2026-11-23", "2026-11-23"),
        row("Chiudere entro la giornata", "entro la giornata", .period, "2026-11-23", "2026-11-23"),
      ], context: monday)
  }

  func testDeadlineWordsAndBareDays() {
    check(
      [
        row(
          "Entro il 04/12/2026 la bozza", "Entro il 04/12/2026", .period, "2026-11-23", "2026-12-04"
        ),
        row(
          "Entro il 4 dicembre la bozza", "Entro il 4 dicembre", .period, "2026-11-23", "2026-12-04"
        ),
        row("Send by Dec 4", "by Dec 4", .period, "2026-11-23", "2026-12-04"),
        row("Send no later than Dec 4", "no later than Dec 4", .period, "2026-11-23", "2026-12-04"),
        row("Prima del 4 dicembre", "Prima del 4 dicembre", .period, "2026-11-23", "2026-12-03"),
        row("Entro il 15 serve il report", "Entro il 15", .period, "2026-11-23", "2026-12-15"),
        row("Send it by the 15th", "by the 15th", .period, "2026-11-23", "2026-12-15"),
        row("Fino al 15 sono in ferie", "Fino al 15", .period, "2026-11-23", "2026-12-15"),
        row(
          "Entro e non oltre il 30 novembre", "Entro e non oltre il 30 novembre", .period,
          "2026-11-23", "2026-11-30"),
        row("Entro il 20 novembre", "Entro il 20 novembre", .period, "2026-11-20", "2026-11-20"),
        row("Send it by Christmas", "by Christmas", .period, "2026-11-23", "2026-12-25"),
        row("Chiudere entro Natale", "entro Natale", .period, "2026-11-23", "2026-12-25"),
        row("Ne parliamo a Natale", "a Natale", .absolute, "2026-12-25"),
        row(
          "Chiudere prima di Capodanno", "prima di Capodanno", .period, "2026-11-23", "2026-12-31"),
        row("Pronto per Ferragosto", "per Ferragosto", .absolute, "2026-08-15"),
      ], context: monday)
  }

  func testDayRanges() {
    check(
      [
        row(
          "Offsite from 4 to 6 December", "from 4 to 6 December", .period, "2026-12-04",
          "2026-12-06"),
        row(
          "Offsite dal 4 al 6 dicembre", "dal 4 al 6 dicembre", .period, "2026-12-04", "2026-12-06"),
        row("Offsite 4-6 dicembre", "4-6 dicembre", .period, "2026-12-04", "2026-12-06"),
        row(
          "Offsite tra il 4 e il 6 dicembre", "tra il 4 e il 6 dicembre", .period, "2026-12-04",
          "2026-12-06"),
        row(
          "Offsite between 4 and 6 December 2026", "between 4 and 6 December 2026", .period,
          "2026-12-04", "2026-12-06"),
        row(
          "Ferie dal 28 dicembre al 4 gennaio", "dal 28 dicembre al 4 gennaio", .period,
          "2026-12-28", "2027-01-04"),
        row(
          "In Milan the first week of December", "first week of December", .period, "2026-12-01",
          "2026-12-07"),
        row(
          "In ferie la prima settimana di dicembre", "prima settimana di dicembre", .period,
          "2026-12-01", "2026-12-07"),
        row(
          "Chiusura l'ultima settimana del mese", "ultima settimana del mese", .period,
          "2026-11-24", "2026-11-30"),
        row(
          "Launch the second week of next month", "second week of next month", .period,
          "2026-12-08", "2026-12-14"),
      ], context: monday)
  }
}

final class PeriodTests: XCTestCase {
  func testWeeksMonthsYears() {
    check(
      [
        row("Finish by end of week", "by end of week", .period, "2026-11-23", "2026-11-29"),
        row("Finish end of week", "end of week", .period, "2026-11-23", "2026-11-29"),
        row(
          "Finish by the end of the week", "by the end of the week", .period, "2026-11-23",
          "2026-11-29"),
        row("Finish EOW", "EOW", .period, "2026-11-23", "2026-11-27"),
        row(
          "Chiudere entro fine settimana", "entro fine settimana", .period, "2026-11-23",
          "2026-11-29"),
        row("Chiudere entro fine mese", "entro fine mese", .period, "2026-11-23", "2026-11-30"),
        row("Chiudere fine mese", "fine mese", .period, "2026-11-01", "2026-11-30"),
        row("Chiudere alla fine del mese", "fine del mese", .period, "2026-11-01", "2026-11-30"),
        row(
          "Chiudere entro la fine del mese", "entro la fine del mese", .period, "2026-11-23",
          "2026-11-30"),
        row("Close at end of month", "end of month", .period, "2026-11-01", "2026-11-30"),
        row(
          "Close at the end of the month", "end of the month", .period, "2026-11-01", "2026-11-30"),
        row("Close EOM", "EOM", .period, "2026-11-01", "2026-11-30"),
        // "before the end of X" is by that end, not the day before X begins.
        row(
          "Write it before the end of the year", "before the end of the year", .period, "2026-11-23",
          "2026-12-31"),
        row(
          "Chiudere prima della fine del mese", "prima della fine del mese", .period, "2026-11-23",
          "2026-11-30"),
        row("Close month-end", "month-end", .period, "2026-11-01", "2026-11-30"),
        row("Close by end of quarter", "by end of quarter", .period, "2026-11-23", "2026-12-31"),
        row("Chiudere a fine trimestre", "fine trimestre", .period, "2026-10-01", "2026-12-31"),
        row("Close EOQ", "EOQ", .period, "2026-10-01", "2026-12-31"),
        row("Chiudere entro l'anno", "entro l'anno", .period, "2026-11-23", "2026-12-31"),
        row("Close by end of year", "by end of year", .period, "2026-11-23", "2026-12-31"),
        row("Chiudere a fine anno", "fine anno", .period, "2026-01-01", "2026-12-31"),
        row("Chiudere entro fine anno", "entro fine anno", .period, "2026-11-23", "2026-12-31"),
        row("Close by year-end", "by year-end", .period, "2026-11-23", "2026-12-31"),
        row("Close EOY", "EOY", .period, "2026-01-01", "2026-12-31"),
        row("Ship next week", "next week", .period, "2026-11-30", "2026-12-06"),
        row(
          "Rilascio la prossima settimana", "prossima settimana", .period, "2026-11-30",
          "2026-12-06"),
        row(
          "Rilascio settimana prossima", "settimana prossima", .period, "2026-11-30", "2026-12-06"),
        row(
          "Rilascio entro la prossima settimana", "entro la prossima settimana", .period,
          "2026-11-23", "2026-12-06"),
        row("Ship by next week", "by next week", .period, "2026-11-23", "2026-12-06"),
        row("Ship next month", "next month", .period, "2026-12-01", "2026-12-31"),
        row("Rilascio il mese prossimo", "mese prossimo", .period, "2026-12-01", "2026-12-31"),
        row("Rilascio il prossimo mese", "prossimo mese", .period, "2026-12-01", "2026-12-31"),
        row(
          "Rilascio entro il mese prossimo", "entro il mese prossimo", .period, "2026-11-23",
          "2026-12-31"),
        row("Rilascio entro il mese", "entro il mese", .period, "2026-11-23", "2026-11-30"),
        row("Ship this week", "this week", .period, "2026-11-23", "2026-11-29"),
        row("Rilascio questa settimana", "questa settimana", .period, "2026-11-23", "2026-11-29"),
        row("Rilascio in settimana", "in settimana", .period, "2026-11-23", "2026-11-29"),
        row("Ship within the week", "within the week", .period, "2026-11-23", "2026-11-29"),
        row("Ship this month", "this month", .period, "2026-11-01", "2026-11-30"),
        row("Rilascio questo mese", "questo mese", .period, "2026-11-01", "2026-11-30"),
        row("Ship last week", "last week", .period, "2026-11-16", "2026-11-22"),
        row(
          "Rilascio la settimana scorsa", "settimana scorsa", .period, "2026-11-16", "2026-11-22"),
        row("Ship this weekend", "this weekend", .period, "2026-11-28", "2026-11-29"),
        row("Rilascio weekend prossimo", "weekend prossimo", .period, "2026-12-05", "2026-12-06"),
        row("Ship next quarter", "next quarter", .period, "2027-01-01", "2027-03-31"),
        row(
          "Rilascio prossimo trimestre", "prossimo trimestre", .period, "2027-01-01", "2027-03-31"),
        row("Rilascio quest'anno", "quest'anno", .period, "2026-01-01", "2026-12-31"),
        row("Rilascio l'anno prossimo", "anno prossimo", .period, "2027-01-01", "2027-12-31"),
        row("Ship next year", "next year", .period, "2027-01-01", "2027-12-31"),
        row("Ship end of next week", "end of next week", .period, "2026-11-30", "2026-12-06"),
        row(
          "Rilascio fine della prossima settimana", "fine della prossima settimana", .period,
          "2026-11-30", "2026-12-06"),
        row(
          "Rilascio fine del mese prossimo", "fine del mese prossimo", .period, "2026-12-01",
          "2026-12-31"),
      ], context: monday)
  }

  func testMonthParts() {
    check(
      [
        row("Ship by December", "by December", .period, "2026-11-23", "2026-12-31"),
        row("Rilascio entro dicembre", "entro dicembre", .period, "2026-11-23", "2026-12-31"),
        row("Rilascio fine dicembre", "fine dicembre", .period, "2026-12-01", "2026-12-31"),
        row("Ship end of December", "end of December", .period, "2026-12-01", "2026-12-31"),
        row("Ship early December", "early December", .period, "2026-12-01", "2026-12-10"),
        row("Ship mid December", "mid December", .period, "2026-12-11", "2026-12-20"),
        row("Ship mid-December", "mid-December", .period, "2026-12-11", "2026-12-20"),
        row("Ship late December", "late December", .period, "2026-12-21", "2026-12-31"),
        row("Rilascio metà dicembre", "metà dicembre", .period, "2026-12-11", "2026-12-20"),
        row("Rilascio inizio dicembre", "inizio dicembre", .period, "2026-12-01", "2026-12-10"),
        row(
          "Rilascio ai primi di gennaio", "primi di gennaio", .period, "2027-01-01", "2027-01-10"),
        row("Rilascio a metà mese", "metà mese", .period, "2026-11-11", "2026-11-20"),
        row(
          "Ship at the beginning of next month", "beginning of next month", .period, "2026-12-01",
          "2026-12-10"),
        row("Ship by May", "by May", .period, "2026-11-23", "2027-05-31"),
        row("Ship in March", "in March", .period, "2027-03-01", "2027-03-31"),
        row("Ship in Dec", "in Dec", .period, "2026-12-01", "2026-12-31"),
        row("Rilascio entro mar", "entro mar", .period, "2026-11-23", "2027-03-31"),
        row("Ship end of May", "end of May", .period, "2027-05-01", "2027-05-31"),
        row("Rilascio inizio 2027", "inizio 2027", .period, "2027-01-01", "2027-04-30"),
        row("Ship late 2027", "late 2027", .period, "2027-09-01", "2027-12-31"),
        row("Ship in 2027", "in 2027", .period, "2027-01-01", "2027-12-31"),
        row("Rilascio nel 2027", "nel 2027", .period, "2027-01-01", "2027-12-31"),
        row("Rilascio entro il 2027", "entro il 2027", .period, "2026-11-23", "2027-12-31"),
        row("Ship end of 2026", "end of 2026", .period, "2026-01-01", "2026-12-31"),
        row("Rilascio fine 2026", "fine 2026", .period, "2026-01-01", "2026-12-31"),
      ], context: monday)
  }

  func testQuartersAndHalves() {
    check(
      [
        row("Target Q1 2027 for launch", "Q1 2027", .period, "2027-01-01", "2027-03-31"),
        row("Target Q1 for launch", "Q1", .period, "2027-01-01", "2027-03-31"),
        row("Target Q4 for launch", "Q4", .period, "2026-10-01", "2026-12-31"),
        row("Target 1Q27 for launch", "1Q27", .period, "2027-01-01", "2027-03-31"),
        row("Target Q4/2026 for launch", "Q4/2026", .period, "2026-10-01", "2026-12-31"),
        row("Target Q4-2026 for launch", "Q4-2026", .period, "2026-10-01", "2026-12-31"),
        row("Target Q3 '27 for launch", "Q3 '27", .period, "2027-07-01", "2027-09-30"),
        row("Target Q1 of 2027 for launch", "Q1 of 2027", .period, "2027-01-01", "2027-03-31"),
        row(
          "Obiettivo primo trimestre 2027", "primo trimestre 2027", .period, "2027-01-01",
          "2027-03-31"),
        row("Obiettivo terzo trimestre", "terzo trimestre", .period, "2026-07-01", "2026-09-30"),
        row("Obiettivo 1° trimestre", "1° trimestre", .period, "2027-01-01", "2027-03-31"),
        row(
          "Target the fourth quarter of next year", "fourth quarter of next year", .period,
          "2027-10-01", "2027-12-31"),
        row("Target 1st quarter 2027", "1st quarter 2027", .period, "2027-01-01", "2027-03-31"),
        row("Target end of Q1", "end of Q1", .period, "2027-01-01", "2027-03-31"),
        row("Target mid-Q1", "mid-Q1", .period, "2027-02-01", "2027-02-28"),
        row("Target H1 2027", "H1 2027", .period, "2027-01-01", "2027-06-30"),
        row("Target H2", "H2", .period, "2026-07-01", "2026-12-31"),
        row(
          "Target the first half of 2027", "first half of 2027", .period, "2027-01-01", "2027-06-30"
        ),
        row(
          "Target the second half of next year", "second half of next year", .period, "2027-07-01",
          "2027-12-31"),
        row("Obiettivo primo semestre", "primo semestre", .period, "2027-01-01", "2027-06-30"),
        row(
          "Obiettivo secondo semestre 2027", "secondo semestre 2027", .period, "2027-07-01",
          "2027-12-31"),
        row(
          "Obiettivo prima metà del 2027", "prima metà del 2027", .period, "2027-01-01",
          "2027-06-30"),
        row(
          "Obiettivo seconda metà dell'anno", "seconda metà dell'anno", .period, "2026-07-01",
          "2026-12-31"),
      ], context: monday)
  }

  func testISOWeeks() {
    check(
      [
        row("Release week 49", "week 49", .period, "2026-11-30", "2026-12-06"),
        row("Release W49", "W49", .period, "2026-11-30", "2026-12-06"),
        row("Release wk 49", "wk 49", .period, "2026-11-30", "2026-12-06"),
        row("Release wk. 49", "wk. 49", .period, "2026-11-30", "2026-12-06"),
        row("Release cw49", "cw49", .period, "2026-11-30", "2026-12-06"),
        row("Release KW 49", "KW 49", .period, "2026-11-30", "2026-12-06"),
        row("Rilascio settimana 49", "settimana 49", .period, "2026-11-30", "2026-12-06"),
        row("Rilascio sett. 49", "sett. 49", .period, "2026-11-30", "2026-12-06"),
        row("Rilascio settimana n. 49", "settimana n. 49", .period, "2026-11-30", "2026-12-06"),
        row("Release 2026-W49", "2026-W49", .period, "2026-11-30", "2026-12-06"),
        row("Release week #49", "week #49", .period, "2026-11-30", "2026-12-06"),
        row("Release week 49 of 2026", "week 49 of 2026", .period, "2026-11-30", "2026-12-06"),
        row("Release W49/2026", "W49/2026", .period, "2026-11-30", "2026-12-06"),
        row("Release W53", "W53", .period, "2026-12-28", "2027-01-03"),
        row("Release week 2", "week 2", .period, "2027-01-11", "2027-01-17"),
        row("Release end of week 49", "end of week 49", .period, "2026-11-30", "2026-12-06"),
      ], context: monday)
  }

  func testBoundedRelative() {
    check(
      [
        row("Reply within 2 weeks", "within 2 weeks", .period, "2026-11-23", "2026-12-07"),
        row("Reply within two weeks", "within two weeks", .period, "2026-11-23", "2026-12-07"),
        row("Reply in 3 days", "in 3 days", .period, "2026-11-23", "2026-11-26"),
        row(
          "Reply in the next 10 days", "in the next 10 days", .period, "2026-11-23", "2026-12-03"),
        row("Rispondere entro 10 giorni", "entro 10 giorni", .period, "2026-11-23", "2026-12-03"),
        row(
          "Rispondere entro due settimane", "entro due settimane", .period, "2026-11-23",
          "2026-12-07"),
        row("Rispondere tra 3 giorni", "tra 3 giorni", .period, "2026-11-23", "2026-11-26"),
        row(
          "Rispondere fra due settimane", "fra due settimane", .period, "2026-11-23", "2026-12-07"),
        row(
          "Rispondere nei prossimi 10 giorni", "nei prossimi 10 giorni", .period, "2026-11-23",
          "2026-12-03"),
        row("Reply within a month", "within a month", .period, "2026-11-23", "2026-12-23"),
        row("Rispondere entro un mese", "entro un mese", .period, "2026-11-23", "2026-12-23"),
        row("Reply in 48 hours", "in 48 hours", .period, "2026-11-23", "2026-11-25"),
        row("Rispondere entro 48 ore", "entro 48 ore", .period, "2026-11-23", "2026-11-25"),
        row("Rispondere entro 24h", "entro 24h", .period, "2026-11-23", "2026-11-24"),
        row("Rispondere entro un'ora", "entro un'ora", .period, "2026-11-23", "2026-11-24"),
        row("Reply in a week", "in a week", .period, "2026-11-23", "2026-11-30"),
        row("Rispondere in un mese", "in un mese", .period, "2026-11-23", "2026-12-23"),
        row("Reply in 3 business days", "in 3 business days", .period, "2026-11-23", "2026-11-26"),
        row(
          "Reply within 5 working days", "within 5 working days", .period, "2026-11-23",
          "2026-11-30"),
        row(
          "Rispondere entro 5 giorni lavorativi", "entro 5 giorni lavorativi", .period,
          "2026-11-23", "2026-11-30"),
        row("Reply 2 weeks from now", "2 weeks from now", .period, "2026-11-23", "2026-12-07"),
        row(
          "Rispondere tra 3 giorni da oggi", "tra 3 giorni da oggi", .period, "2026-11-23",
          "2026-11-26"),
        row(
          "Rispondere entro le prossime 2 settimane", "entro le prossime 2 settimane", .period,
          "2026-11-23", "2026-12-07"),
        row(
          "Rispondere nel giro di 3 giorni", "nel giro di 3 giorni", .period, "2026-11-23",
          "2026-11-26"),
        row("Rispondere entro 10 gg", "entro 10 gg", .period, "2026-11-23", "2026-12-03"),
        row("Rispondere entro 2 sett.", "entro 2 sett.", .period, "2026-11-23", "2026-12-07"),
        row("Rispondere entro 2-3 giorni", "entro 2-3 giorni", .period, "2026-11-23", "2026-11-26"),
        row(
          "Reply within twelve months", "within twelve months", .period, "2026-11-23", "2027-11-23"),
        row(
          "Rispondere entro trenta giorni", "entro trenta giorni", .period, "2026-11-23",
          "2026-12-23"),
      ], context: monday)
  }

  func testSprintsWithoutStart() {
    check(
      [
        row("Done by end of sprint 12", "by end of sprint 12", .period, "-", "-"),
        row("Done end of sprint 12", "end of sprint 12", .period, "-", "-"),
        row("Done in sprint 12", "sprint 12", .period, "-", "-"),
        row("Fatto a fine sprint 12", "fine sprint 12", .period, "-", "-"),
        row("Fatto entro lo sprint 12", "entro lo sprint 12", .period, "-", "-"),
        row("Done by end of this sprint", "by end of this sprint", .period, "-", "-"),
        row("Done end of this sprint", "end of this sprint", .period, "-", "-"),
        row("Fatto a fine sprint", "fine sprint", .period, "-", "-"),
        row("Done next sprint", "next sprint", .period, "-", "-"),
        row("Fatto nel prossimo sprint", "prossimo sprint", .period, "-", "-"),
      ], context: monday)
  }

  func testSprintsWithStart() {
    // Sprint 1 starts Monday 12 January 2026; sprint 23 runs 16–29 November 2026.
    let sprints = DateContext(reference: day("2026-11-23"), sprintOne: day("2026-01-12"))
    check(
      [
        row("Done by end of sprint 12", "by end of sprint 12", .period, "2026-06-15", "2026-06-28"),
        row("Done end of sprint 12", "end of sprint 12", .period, "2026-06-15", "2026-06-28"),
        row("Done in sprint 24", "sprint 24", .period, "2026-11-30", "2026-12-13"),
        row("Done in sprint #24", "sprint #24", .period, "2026-11-30", "2026-12-13"),
        row("Fatto a fine sprint 24", "fine sprint 24", .period, "2026-11-30", "2026-12-13"),
        row("Fatto entro lo sprint 24", "entro lo sprint 24", .period, "2026-11-23", "2026-12-13"),
        row("Done end of this sprint", "end of this sprint", .period, "2026-11-16", "2026-11-29"),
        row("Fatto a fine sprint", "fine sprint", .period, "2026-11-16", "2026-11-29"),
        row("Fatto entro fine sprint", "entro fine sprint", .period, "2026-11-23", "2026-11-29"),
        row("Done next sprint", "next sprint", .period, "2026-11-30", "2026-12-13"),
        row("Fatto nel prossimo sprint", "prossimo sprint", .period, "2026-11-30", "2026-12-13"),
        row("Fatto nello sprint corrente", "sprint corrente", .period, "2026-11-16", "2026-11-29"),
      ], context: sprints)
    let weekly = DateContext(
      reference: day("2026-11-23"), sprintLengthDays: 7, sprintOne: day("2026-11-02"))
    check(
      [
        row("Done in sprint 5", "sprint 5", .period, "2026-11-30", "2026-12-06"),
        row("Done next sprint", "next sprint", .period, "2026-11-30", "2026-12-06"),
      ], context: weekly)
  }

  func testRecurring() {
    check(
      [
        row("Sync every Monday", "every Monday", .recurring, "-"),
        row("Sync each week", "each week", .recurring, "-"),
        row("Sync every two weeks", "every two weeks", .recurring, "-"),
        row("Sync every 2 weeks", "every 2 weeks", .recurring, "-"),
        row("Sync every other week", "every other week", .recurring, "-"),
        row("Sync every sprint", "every sprint", .recurring, "-"),
        row("Sync every day", "every day", .recurring, "-"),
        row("Sync every business day", "every business day", .recurring, "-"),
        row("Weekly sync with design", "Weekly", .recurring, "-"),
        row("The daily standup", "daily", .recurring, "-"),
        row("A monthly review", "monthly", .recurring, "-"),
        row("A biweekly review", "biweekly", .recurring, "-"),
        row("A bi-weekly review", "bi-weekly", .recurring, "-"),
        row("A fortnightly review", "fortnightly", .recurring, "-"),
        row("A quarterly review", "quarterly", .recurring, "-"),
        row("Sync once a week", "once a week", .recurring, "-"),
        row("Sync twice a month", "twice a month", .recurring, "-"),
        row("Sync 3 times a week", "3 times a week", .recurring, "-"),
        row("Sync on Mondays", "on Mondays", .recurring, "-"),
        row("Allineamento ogni lunedì", "ogni lunedì", .recurring, "-"),
        row("Allineamento ogni settimana", "ogni settimana", .recurring, "-"),
        row("Allineamento ogni mese", "ogni mese", .recurring, "-"),
        row("Allineamento ogni sprint", "ogni sprint", .recurring, "-"),
        row("Allineamento ogni due settimane", "ogni due settimane", .recurring, "-"),
        row("Allineamento ogni 15 giorni", "ogni 15 giorni", .recurring, "-"),
        row("Allineamento ogni giorno", "ogni giorno", .recurring, "-"),
        row("Allineamento ogni 2-3 settimane", "ogni 2-3 settimane", .recurring, "-"),
        row("Il report settimanale", "settimanale", .recurring, "-"),
        row("Aggiornare settimanalmente", "settimanalmente", .recurring, "-"),
        row("Il report mensile", "mensile", .recurring, "-"),
        row("Controllo quotidiano", "quotidiano", .recurring, "-"),
        row("Controllo giornaliero", "giornaliero", .recurring, "-"),
        row("Riunione quindicinale", "quindicinale", .recurring, "-"),
        row("Allineamento tutti i lunedì", "tutti i lunedì", .recurring, "-"),
        row("Allineamento tutti i giorni", "tutti i giorni", .recurring, "-"),
        row("Allineamento tutte le settimane", "tutte le settimane", .recurring, "-"),
        row("Allineamento a settimane alterne", "a settimane alterne", .recurring, "-"),
        row("Allineamento una volta al mese", "una volta al mese", .recurring, "-"),
        row("Allineamento due volte a settimana", "due volte a settimana", .recurring, "-"),
        // So many events a unit: a cadence.
        row("We will hold two stand-ups per week", "two stand-ups per week", .recurring, "-"),
        row("Terremo due riunioni a settimana", "due riunioni a settimana", .recurring, "-"),
      ], context: monday)
  }
}

final class ContextTests: XCTestCase {
  func testMonthFirst() {
    let usa = DateContext(reference: day("2026-11-23"), order: .monthFirst)
    check(
      [
        row("Ship 12/04/2026", "12/04/2026", .absolute, "2026-12-04"),
        row("Ship 12/4", "12/4", .absolute, "2026-12-04"),
        row("Ship 4/12", "4/12", .absolute, "2027-04-12"),
        row("Ship 25/12", "25/12", .absolute, "2026-12-25"),
        row("Ship 12/25", "12/25", .absolute, "2026-12-25"),
        row("Ship 12-04-2026", "12-04-2026", .absolute, "2026-12-04"),
        row("Ship 2026-12-04", "2026-12-04", .absolute, "2026-12-04"),
      ], context: usa)
  }

  func testYearEnd() {
    // Wednesday 30 December 2026, ISO week 53 of 2026.
    let yearEnd = DateContext(reference: day("2026-12-30"))
    check(
      [
        row("Release week 1", "week 1", .period, "2027-01-04", "2027-01-10"),
        row("Release W53", "W53", .period, "2026-12-28", "2027-01-03"),
        row("Release next week", "next week", .period, "2027-01-04", "2027-01-10"),
        row("Release by Friday", "by Friday", .period, "2026-12-30", "2027-01-01"),
        row("Release tomorrow", "tomorrow", .absolute, "2026-12-31"),
        row("Release next month", "next month", .period, "2027-01-01", "2027-01-31"),
        row("Release Q1", "Q1", .period, "2027-01-01", "2027-03-31"),
        row("Rilascio 04/01", "04/01", .absolute, "2027-01-04"),
        row("Release 15 gennaio", "15 gennaio", .absolute, "2027-01-15"),
        row("Release end of year", "end of year", .period, "2026-01-01", "2026-12-31"),
        row("Release in 3 days", "in 3 days", .period, "2026-12-30", "2027-01-02"),
      ], context: yearEnd)
  }

  func testSundayReference() {
    // Sunday 10 January 2027.
    let sunday = DateContext(reference: day("2027-01-10"))
    check(
      [
        // Nearest occurrence: in a January note 15 December is last month (overdue), not eleven months ahead.
        row("Consegna 15 dicembre", "15 dicembre", .absolute, "2026-12-15"),
        row("Send by Friday", "by Friday", .period, "2027-01-10", "2027-01-15"),
        row("Talk next Monday", "next Monday", .absolute, "2027-01-11"),
        row("Talk on Sunday", "on Sunday", .absolute, "2027-01-10"),
        row("Ship this week", "this week", .period, "2027-01-04", "2027-01-10"),
        row("Ship end of week", "end of week", .period, "2027-01-04", "2027-01-10"),
        row("Ship in 2 business days", "in 2 business days", .period, "2027-01-10", "2027-01-12"),
      ], context: sunday)
  }

  func testLeapYear() {
    let leap = DateContext(reference: day("2028-01-31"))
    check(
      [
        row("Reply within a month", "within a month", .period, "2028-01-31", "2028-02-29"),
        row("Close end of next month", "end of next month", .period, "2028-02-01", "2028-02-29"),
        row("Close 29/02", "29/02", .absolute, "2028-02-29"),
      ], context: leap)
    let notLeap = DateContext(reference: day("2027-01-31"))
    check(
      [
        row("Reply within a month", "within a month", .period, "2027-01-31", "2027-02-28"),
        row("Close 29 febbraio", "29 febbraio", .absolute, "2028-02-29"),
      ], context: notLeap)
  }
}
