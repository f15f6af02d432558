import NoteLintText

/// The date parser's word lists keyed by `DateWord`, compiled once from `DateLexicon` and the
/// rules' lists (which stay in readable string form next to the rules that use them).
final class DateTables: Sendable {
  static let shared = DateTables()

  let vocabulary = DateVocabulary.shared

  // MARK: Lexicon

  let months: DateWordMap<DateLexicon.Month>
  let weekdays: DateWordMap<DateLexicon.Weekday>
  let weekdayPlurals: DateWordMap<Int>
  /// Plural weekdays ending in "s" (the English ones: "on Mondays").
  let weekdayPluralsWithS: DateWordSet
  let numberWords: DateWordMap<Int>
  let durationUnits: DateWordMap<DateLexicon.DurationUnit>
  let periodUnits: DateWordMap<DateLexicon.PeriodUnit>
  let preModifiers: DateWordMap<Int>
  let postModifiers: DateWordMap<Int>
  let relativeDays: DateWordMap<Int>
  let partsOfDay: DateWordSet
  let ordinalSuffixes: DateWordSet
  let ordinals: DateWordMap<Int>
  let recurringWords: DateWordSet
  let cadenceUnits: DateWordSet
  let cadencePlurals: DateWordSet
  let connectors: DateWordSet
  let numberContextWords: DateWordSet
  let dateIntroducers: DateWordSet
  let moneyWords: DateWordSet

  // MARK: Rules

  let starters: DateWordSet
  /// Deadline prefixes by first word (in list order), with whether the phrase ends in an article
  /// ("fino al").
  let deadlinePrefixes: DateWordMap<[(phrase: DatePhrase, mode: DateMatcher.DeadlineMode, endsInArticle: Bool)]>
  let deadlineArticles: DateArticles
  let holidayPhrases: [(phrase: DatePhrase, month: Int, day: Int)]
  /// First words of `holidayPhrases`.
  let holidayStarters: DateWordSet
  let eodPhrases: [DatePhrase]
  let eodStarters: DateWordSet
  let ofArticles: DateArticles
  let endAbbreviations: DateWordMap<DateLexicon.PeriodUnit>
  let partPhrases: [(phrase: DatePhrase, part: DateMatcher.Part)]
  let partStarters: DateWordSet
  let entroUnitWords: DateWordMap<DateLexicon.PeriodUnit?>
  /// Duration triggers by first word (in list order).
  let durationTriggers: DateWordMap<[DatePhrase]>
  let fromNowPhrases: [DatePhrase]
  let dayAfterTomorrow = DatePhrase(phrase: ["day", "after", "tomorrow"])
  let weekOrdinals: DateWordMap<Int>
  let multiWordCadences: [DatePhrase]
  let cadenceStarters: DateWordSet

  // MARK: Small lists of the rules

  /// After an ambiguous month: "3 set of tests", "2 march to".
  let ambiguousMonthNext = DateWordSet(["of", "up", "di", "to", "on", "off"])
  /// Before the day of an ambiguous month: "a week or 2 ago".
  let ambiguousMonthPrevious = DateWordSet(["or", "and", "about", "some", "around", "o"])
  let rangeOpeners = DateWordSet(["dal", "from", "between", "tra", "fra"])
  let rangeJoiners = DateWordSet(["al", "to", "and", "e", "till", "until", "through"])
  /// "il", "l'": after tra/fra/e in ranges, nel in licensing prefixes.
  let definiteArticles = DateArticles(["il", "l'"])
  let endOfDayWords = DateWordSet(["eod", "cob", "eob"])
  let endOfDayTargets = DateWordMap(["today": 0, "oggi": 0, "tomorrow": 1, "domani": 1])
  let businessWords = DateWordSet(["business", "working", "work"])
  let dottedUnits = DateWordSet(["sett", "gg", "hrs", "hr", "wk", "wks"])
  let lavorativi = DateWordSet(["lavorativi", "lavorativo", "lavorative"])
  let fractionFollowers = DateWordSet(["of", "dei", "degli", "delle"])
  let yearArticles = DateArticles(["of", "del", "dell'", "di", "in", "nel", "nell'"])
  let weekMarkers = DateWordSet(["n", "no", "nr", "num"])
  let sprintMarkers = DateWordSet(["n", "no", "nr"])
  let weekOfMonthArticles = DateArticles(["of", "di", "del", "dell'"])
  let entroArticles = DateArticles(["il", "lo", "la", "l'"])
  /// "daily vs weekly refresh" names a choice, not a schedule.
  let alternatives = DateWordSet(["vs", "versus", "or", "o", "oppure", "contro"])
  let everyOther = DateWordSet(["other", "altro", "altra", "single"])
  let tuttiArticles = DateArticles(["i", "le", "gli"])
  let timesWords = DateWordSet(["times", "volta", "volte"])
  let frequencyConnectors = DateArticles(["a", "per", "every", "each", "al", "alla", "allo", "all'", "ogni"])

  private init() {
    func phrase(_ texts: [String]) -> DatePhrase { DatePhrase(phrase: texts) }
    func firstWords(_ phrases: [[String]]) -> DateWordSet { DateWordSet(phrases.map { $0[0] }) }

    months = DateWordMap(DateLexicon.months)
    weekdays = DateWordMap(DateLexicon.weekdays)
    weekdayPlurals = DateWordMap(DateLexicon.weekdayPlurals)
    weekdayPluralsWithS = DateWordSet(DateLexicon.weekdayPlurals.keys.filter { $0.hasSuffix("s") })
    numberWords = DateWordMap(DateLexicon.numberWords)
    durationUnits = DateWordMap(DateLexicon.durationUnits)
    periodUnits = DateWordMap(DateLexicon.periodUnits)
    preModifiers = DateWordMap(DateLexicon.preModifiers)
    postModifiers = DateWordMap(DateLexicon.postModifiers)
    relativeDays = DateWordMap(DateLexicon.relativeDays)
    partsOfDay = DateWordSet(DateLexicon.partsOfDay)
    ordinalSuffixes = DateWordSet(DateLexicon.ordinalSuffixes)
    ordinals = DateWordMap(DateLexicon.ordinals)
    recurringWords = DateWordSet(DateLexicon.recurringWords)
    cadenceUnits = DateWordSet(DateLexicon.cadenceUnits)
    cadencePlurals = DateWordSet(DateLexicon.cadencePlurals)
    connectors = DateWordSet(DateLexicon.connectors)
    numberContextWords = DateWordSet(DateLexicon.numberContextWords)
    dateIntroducers = DateWordSet(DateLexicon.dateIntroducers)
    moneyWords = DateWordSet(DateLexicon.moneyWords)

    starters = DateWordSet(DateMatcher.starters)
    deadlinePrefixes = DateWordMap(
      grouping: DateMatcher.deadlinePrefixes.map { words, mode in
        (words[0], (phrase(words), mode, DateMatcher.articleEndings.contains(words[words.count - 1])))
      })
    deadlineArticles = DateArticles(DateMatcher.deadlineArticles)
    holidayPhrases = DateMatcher.holidayPhrases.map { (phrase($0.0), $0.1, $0.2) }
    holidayStarters = firstWords(DateMatcher.holidayPhrases.map(\.0))
    eodPhrases = DateMatcher.eodPhrases.map(phrase)
    eodStarters = firstWords(DateMatcher.eodPhrases)
    ofArticles = DateArticles(DateMatcher.ofArticles)
    endAbbreviations = DateWordMap(DateMatcher.endAbbreviations)
    partPhrases = DateMatcher.partPhrases.map { (phrase($0.0), $0.1) }
    partStarters = firstWords(DateMatcher.partPhrases.map(\.0))
    entroUnitWords = DateWordMap(DateMatcher.entroUnitWords)
    durationTriggers = DateWordMap(grouping: DateMatcher.durationTriggers.map { ($0[0], phrase($0)) })
    fromNowPhrases = DateMatcher.fromNowPhrases.map(phrase)
    weekOrdinals = DateWordMap(DateMatcher.weekOrdinals)
    multiWordCadences = DateMatcher.multiWordCadences.map(phrase)
    cadenceStarters = firstWords(DateMatcher.multiWordCadences)
  }
}
