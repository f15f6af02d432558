import NoteLintLanguage
import XCTest

final class NegativeTests: XCTestCase {
  func testVagueTimes() {
    checkNone(
      [
        "We'll do it soon", "Send ASAP", "Later, maybe", "Deadline TBD", "Lo faccio presto",
        "Arriva a breve",
        "Prossimamente il resto", "Nelle prossime settimane vediamo",
        "In the coming weeks we will see",
        "It takes a few days", "Done in a few days", "Nei prossimi giorni ci sentiamo",
        "In a couple of weeks we'll see", "Tra qualche giorno", "Entro breve",
        "At some point next steps",
        "Prossimo step: il design", "Prossima release più stabile", "Every time it breaks",
        "Ogni volta che fallisce", "Ogni tanto controlla", "Each item has an owner",
        "I turni di dicembre sono pronti", "The December promo is live", "Decide daily vs weekly refresh",
        "Refresh giornaliero o settimanale: da decidere",
      ], context: monday)
  }

  func testNumbersThatAreNotDates() {
    checkNone(
      [
        "We need 42 of them", "Growth of 15% overall", "Train 2 models", "Upgrade to version 2.1",
        "Step 3 of the plan", "Meeting at 10:30", "Margin 3.5% lower", "Fatturato di 1,2 milioni",
        "Costo 1.200 €", "Upgrade to v2.1", "Move to Python 3.12", "Swift 6.2 is out",
        "Riunione alle 10.05",
        "Support is 24/7", "Takes 1/2 day", "3/4 of the team agreed", "Chiusi 2/3 dei task",
        "Server at 192.168.1.1", "Bump to 1.2.3", "Chiamare +39 02 1234 5678", "Price 4.12€",
        "Price € 4.12",
        "Price 4.12 eur", "Score 4,12 overall", "See page 12", "Vediamoci alle 14",
        "Slot 14:00-15:00",
        "The 2026 budget", "It took 100 days", "Sent 2 weeks ago", "Sent a week or 2 ago",
        "Ship 31/02",
        "Ship 13/13", "Water is H2O", "Per W3C rules", "Export to mp3", "COVID-19 policy",
        "In 2 models",
        "Tra 2 team", "Tra i due team",
      ], context: monday)
  }

  func testWordsThatAreNotDates() {
    checkNone(
      [
        "Sprint planning at ten", "Q&A with the team", "We may go", "Let's march on",
        "Vista sul mar",
        "Su e giù per le scale", "Set up the repo", "Bought 1 set of tests",
        "Fine tuning the model",
        "End of discussion", "La fine del progetto", "La settimana è lunga", "Il mese è lungo",
        "Week after week", "The Monday meeting", "May I ask", "The first half of the meeting",
        "Early feedback is welcome", "Late again", "Fine, let's go", "Sprint retro notes",
        "Sprint goal agreed", "Natale Rossi joins", "The Christmas party", "From 2 to 3 people",
        "Costi: 4.10 per unità", "Room 4.12 is booked", "Orario 9-18", "Next steps are clear",
        "Run it on DOM ready",
        "Good for sat nav",
      ], context: monday)
  }
}
