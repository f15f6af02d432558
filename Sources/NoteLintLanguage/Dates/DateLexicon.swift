import NoteLintText

/// Word lists for the date parser, all in folded form (lowercase, no accents).
enum DateLexicon: Sendable {
  struct Month: Sendable {
    let number: Int
    /// Usable in English order ("Dec 4").
    let english: Bool
    let abbreviation: Bool
    /// Also an ordinary word (may, march, mar, giu, set, ago): a month only next to a day or
    /// a year, or after by/entro/in/end of/fine.
    let ambiguous: Bool
  }

  struct Weekday: Sendable {
    let number: Int
    let abbreviation: Bool
  }

  /// Calendar units for this/next/end of/entro il.
  enum PeriodUnit: Sendable {
    case week
    case weekend
    case month
    case quarter
    case half
    case year
    case sprint
  }

  /// Units of a bounded relative expression ("within 2 weeks").
  enum DurationUnit: Sendable {
    case hour
    case day
    case businessDay
    case week
    case month
    case year
  }

  static let months: [String: Month] = {
    var table: [String: Month] = [:]
    let italian = [
      "gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre",
      "ottobre",
      "novembre", "dicembre",
    ]
    let english = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october",
      "november", "december",
    ]
    for (index, name) in italian.enumerated() {
      table[name] = Month(number: index + 1, english: false, abbreviation: false, ambiguous: false)
    }
    for (index, name) in english.enumerated() {
      let ambiguous = name == "may" || name == "march"
      table[name] = Month(
        number: index + 1, english: true, abbreviation: false, ambiguous: ambiguous)
    }
    let englishShort: [(String, Int)] = [
      ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
      ("sep", 9),
      ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    for (name, number) in englishShort {
      table[name] = Month(
        number: number, english: true, abbreviation: true, ambiguous: name == "mar")
    }
    // "sett" is left out on purpose: it is the usual abbreviation of "settimana" ("sett. 49", "2 sett.").
    let italianShort: [(String, Int)] = [
      ("gen", 1), ("mag", 5), ("giu", 6), ("lug", 7), ("ago", 8), ("set", 9), ("ott", 10),
      ("dic", 12),
    ]
    for (name, number) in italianShort {
      let ambiguous = name == "giu" || name == "set" || name == "ago"
      table[name] = Month(number: number, english: false, abbreviation: true, ambiguous: ambiguous)
    }
    return table
  }()

  /// "mar" (martedì) is left out: it is read as March.
  static let weekdays: [String: Weekday] = {
    var table: [String: Weekday] = [:]
    let full = [
      ["monday", "lunedi"], ["tuesday", "martedi"], ["wednesday", "mercoledi"],
      ["thursday", "giovedi"],
      ["friday", "venerdi"], ["saturday", "sabato"], ["sunday", "domenica"],
    ]
    for (index, names) in full.enumerated() {
      for name in names { table[name] = Weekday(number: index + 1, abbreviation: false) }
    }
    let short = [
      ["mon", "lun"], ["tue", "tues"], ["wed", "weds", "mer"], ["thu", "thur", "thurs", "gio"],
      ["fri", "ven"],
      ["sat", "sab"], ["sun", "dom"],
    ]
    for (index, names) in short.enumerated() {
      for name in names { table[name] = Weekday(number: index + 1, abbreviation: true) }
    }
    return table
  }()

  /// Plural weekdays for cadences ("on Mondays", "tutti i lunedì"); Italian weekdays but sabato and
  /// domenica have the same singular and plural form.
  static let weekdayPlurals: [String: Int] = [
    "mondays": 1, "tuesdays": 2, "wednesdays": 3, "thursdays": 4, "fridays": 5, "saturdays": 6,
    "sundays": 7,
    "lunedi": 1, "martedi": 2, "mercoledi": 3, "giovedi": 4, "venerdi": 5, "sabati": 6,
    "domeniche": 7,
  ]

  static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30,
    "uno": 1, "una": 1, "un": 1, "due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6,
    "sette": 7, "otto": 8,
    "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "tredici": 13, "quattordici": 14,
    "quindici": 15,
    "sedici": 16, "diciassette": 17, "diciotto": 18, "diciannove": 19, "venti": 20,
    "ventiquattro": 24,
    "trenta": 30, "quarantotto": 48, "settantadue": 72,
  ]

  static let durationUnits: [String: DurationUnit] = [
    "hour": .hour, "hours": .hour, "h": .hour, "hr": .hour, "hrs": .hour, "ora": .hour,
    "ore": .hour,
    "day": .day, "days": .day, "giorno": .day, "giorni": .day, "gg": .day,
    "workday": .businessDay, "workdays": .businessDay,
    "week": .week, "weeks": .week, "wk": .week, "wks": .week, "settimana": .week,
    "settimane": .week,
    "sett": .week,
    "month": .month, "months": .month, "mese": .month, "mesi": .month,
    "year": .year, "years": .year, "anno": .year, "anni": .year,
  ]

  static let periodUnits: [String: PeriodUnit] = [
    "week": .week, "settimana": .week, "weekend": .weekend, "month": .month, "mese": .month,
    "quarter": .quarter, "trimestre": .quarter, "semestre": .half, "half": .half, "year": .year,
    "anno": .year,
    "sprint": .sprint,
  ]

  /// this / next / last before a unit or weekday.
  static let preModifiers: [String: Int] = [
    "this": 0, "current": 0, "questo": 0, "questa": 0, "next": 1, "prossimo": 1, "prossima": 1,
    "last": -1,
    "previous": -1, "scorso": -1, "scorsa": -1,
  ]

  /// Italian modifiers after a unit or weekday ("settimana prossima").
  static let postModifiers: [String: Int] = [
    "prossimo": 1, "prossima": 1, "scorso": -1, "scorsa": -1, "corrente": 0, "attuale": 0,
  ]

  /// Day offsets of single relative words.
  static let relativeDays: [String: Int] = [
    "today": 0, "oggi": 0, "tonight": 0, "stasera": 0, "stamattina": 0, "stamani": 0, "stanotte": 0,
    "tomorrow": 1, "domani": 1, "domattina": 1, "dopodomani": 2, "yesterday": -1, "ieri": -1,
  ]

  static let partsOfDay: Set<String> = [
    "morning", "afternoon", "evening", "night", "mattina", "pomeriggio", "sera", "notte",
  ]

  static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "º", "ª"]

  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "primo": 1, "prima": 1, "secondo": 2,
    "seconda": 2,
    "terzo": 3, "quarto": 4,
  ]

  /// Single words that name a cadence.
  static let recurringWords: Set<String> = [
    "daily", "weekly", "biweekly", "fortnightly", "monthly", "bimonthly", "quarterly", "yearly",
    "annually",
    "nightly", "hourly", "settimanale", "settimanali", "settimanalmente", "bisettimanale",
    "bisettimanali",
    "quindicinale", "quindicinali", "mensile", "mensili", "mensilmente", "bimestrale",
    "trimestrale",
    "trimestrali", "quotidiano", "quotidiana", "quotidiani", "quotidiane", "quotidianamente",
    "giornaliero",
    "giornaliera", "giornalieri", "giornaliere", "giornalmente", "annualmente",
  ]

  /// What can follow every/each/ogni in a cadence ("every week", "ogni mattina").
  static let cadenceUnits: Set<String> = [
    "day", "week", "month", "quarter", "year", "sprint", "morning", "evening", "night", "weekday",
    "weekend",
    "workday", "giorno", "settimana", "mese", "trimestre", "semestre", "anno", "mattina", "sera",
    "notte",
    "iterazione", "iteration", "release",
  ]

  /// Plural nouns after tutti i / tutte le ("tutti i giorni").
  static let cadencePlurals: Set<String> = [
    "giorni", "settimane", "mesi", "anni", "mattine", "sere", "notti", "sprint", "trimestri",
    "weekend",
  ]

  /// Words that may follow a "weekday + day number" ("venerdì 4 alle 10") without turning the
  /// number into a count ("lunedì 3 riunioni"). (Word tokens never hold an apostrophe, so "e'"
  /// is not listed: it could not match.)
  static let connectors: Set<String> = [
    "e", "ed", "and", "o", "or", "alle", "ore", "at", "dalle", "from", "to", "entro", "by", "per",
    "for", "h",
    "mattina", "pomeriggio", "sera", "morning", "afternoon", "evening", "in", "a", "al", "con",
    "with", "ma",
    "but", "poi", "then", "we", "i", "il", "la", "le", "deadline", "scadenza", "is", "dovra",
    "must",
  ]

  /// Words right before a number that make it a version, a count or a time, not a date.
  static let numberContextWords: Set<String> = [
    "version", "versione", "ver", "v", "release", "rel", "build", "step", "fase", "passo",
    "chapter",
    "capitolo", "section", "sezione", "par", "art", "articolo", "page", "pag", "pagina", "p", "pp",
    "n", "no",
    "nr", "num", "numero", "item", "punto", "rfc", "ios", "ipados", "macos", "android", "python",
    "swift",
    "node", "java", "php", "ruby", "go", "rust", "kotlin", "xcode", "ubuntu", "debian", "windows",
    "chrome",
    "firefox", "safari", "edge", "api", "sdk", "alle", "ore", "dalle", "h", "at", "le", "verso",
    "score",
    "punteggio", "voto", "rating", "tabella", "table", "figura", "figure", "fig", "eq",
  ]

  /// Words after which even `3/4` is a date rather than a fraction.
  static let dateIntroducers: Set<String> = [
    "il", "l", "on", "entro", "by", "del", "dal", "al", "until", "till", "before", "after", "dopo",
    "fino",
    "prima", "scadenza", "deadline", "due", "data", "date", "since", "from", "giorno", "day",
    "lunedi",
    "martedi", "mercoledi", "giovedi", "venerdi", "sabato", "domenica", "monday", "tuesday",
    "wednesday",
    "thursday", "friday", "saturday", "sunday",
  ]

  /// Money and percentages: a number next to one of these is not a date.
  static let moneyWords: Set<String> = [
    "eur", "euro", "usd", "dollars", "dollar", "dollari", "gbp", "chf", "k", "mln", "milioni",
    "milione",
    "million", "millions", "mila", "percent", "percento", "am", "pm",
  ]

  static func isMoneySymbol(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "%", "‰", "€", "$", "£", "¥": return true
    default: return false
    }
  }
}
