import NoteLintText

/// Every word the date rules know, in folded form. A word token of the date tokenizer carries its
/// `DateWord` (nil for words outside this vocabulary), so rules compare small integers instead of
/// strings and look words up in arrays instead of hashed sets.
///
/// The text of a word is its case name, except `someWord` ("some"), `ordinalFeminine` ("ª") and
/// `ordinalMasculine` ("º"). Adding a word to a lexicon or a rule's list means adding it here (the
/// tables trap at start-up on an unknown word, and `DateVocabularyTests` checks them all).
enum DateWord: UInt16, CaseIterable, Sendable {
  case a, about, adesso, after, afternoon, ago, agosto, al, all, alla, alle, allo, alterne, alterni, altra, altro
  case am, an, and, android, anni, anno, annually, annualmente, api, apr, april, aprile, arco, around, art, articolo
  case at, attuale, aug, august, basis, befana, before, beginning, between, bi, bimestrale, bimonthly, bisettimanale
  case bisettimanali, biweekly, boxing, build, business, but, by, capitolo, capodanno, chapter, chf, christmas
  case chrome, cinque, close, cob, coming, con, contro, corrente, corso, current, cw, da, daily, dal, dalle, data
  case date, day, days, deadline, debian, dec, december, degli, dei, del, dell, della, delle, dello, di, dic
  case dicembre, diciannove, diciassette, diciotto, dieci, dodici, dollar, dollari, dollars, dom, domani, domattina
  case domenica, domeniche, dopo, dopodomani, dovra, due, durante, during, e, each, early, ed, edge, eight, eighteen
  case eleven, end, entro, eob, eod, eom, eoq, eow, eoy, epifania, eq, eur, euro, eve, evening, every, fase, feb
  case febbraio, february, ferragosto, fifteen, fig, figura, figure, fine, fino, firefox, first, five, `for`
  case fortnight, fortnightly, four, fourteen, fourth, fra, fri, friday, fridays, from, gbp, gen, gennaio, gg, gio,
    giornaliera
  case giornaliere, giornalieri, giornaliero, giornalmente, giornata, giorni, giorno, giovedi, giro, giu, giugno
  case gli, go, h, half, halloween, hour, hourly, hours, hr, hrs, i, ieri, il, `in`, inizio, ios, ipados, `is`, item
  case iteration, iterazione, jan, january, java, jul, july, jun, june, k, kotlin, kw, l, la, last, late, later
  case lavorative, lavorativi, lavorativo, le, lo, lug, luglio, lun, lunedi, ma, macos, mag, maggio, mar, march
  case martedi, marzo, mattina, mattine, may, mensile, mensili, mensilmente, mer, mercoledi, mese, mesi, meta, mezza
  case mezzo, mid
  case middle, mila, milione, milioni, million, millions, mln, mon, monday, mondays, month, monthly, months, morning
  case must, n, natale, nd, nei, nel, nell, nelle, new, next, night, nightly, nine, nineteen, no, node, non, not
  case notte, notti, nov, nove, november, novembre, now, nr, num, numero, o, oct, october, of, off, oggi, ogni
  case oltre, on, once, one, oppure, or, ora, ore, other, ott, otto, ottobre, over, p, pag, page, pagina, par, passo
  case per, percent, percento, php, pm, poi, pomeriggio, pp, previous, prima, primi, primo, prossima, prossime
  case prossimi, prossimo, punteggio, punto, python, q, quarantotto, quarta, quarter, quarterly, quarto, quattordici
  case quattro, quest, questa, questo, quindici, quindicinale, quindicinali, quotidiana, quotidianamente, quotidiane
  case quotidiani, quotidiano, rating, rd, rel, release, rfc, ruby, rust, s, sab, sabati, sabato, safari, san, santo
  case sat, saturday, saturdays, scadenza, score, scorsa, scorso, sdk, second, seconda, secondo, section, sedici
  case sei, semestre, semi, sep, sept, september, sera, sere, set, sett, settantadue, sette, settembre, settimana
  case settimanale, settimanali, settimanalmente, settimane, seven, seventeen, sezione, silvestro, since, single
  case six, sixteen, someWord, sprint, st, stamani, stamattina, stanotte, start, stasera, stefano, step, sun, sunday
  case sundays, swift, t, tabella, table, ten, terza, terzo, th, than, the, then, third, thirteen, thirty, this
  case three, thrice, through, thu, thur, thurs, thursday, thursdays, til, till, times, to, today, tomorrow, tonight
  case tra, tre, tredici, trenta, trimestrale, trimestrali, trimestre, trimestri, tue, tues, tuesday, tuesdays
  case tutte, tutti, twelve, twenty, twice, two, ubuntu, ultima, un, una, undici, uno, until, up, usd, v, ven
  case venerdi, venti, ventiquattro, ver, version, versione, verso, versus, vigilia, volta, volte, voto, vs, w, we
  case wed, wednesday, wednesdays, weds, week, weekday, weekend, weekly, weeks, windows, with, within, wk, wks, work
  case workday, workdays, working, xcode, year, yearly, years, yesterday, ordinalFeminine, ordinalMasculine

  /// The folded text of the word.
  var text: String { DateVocabulary.shared.texts[Int(rawValue)] }

  /// The text of `word` (built once, for the vocabulary).
  fileprivate static func spelling(_ word: DateWord) -> String {
    switch word {
    case .someWord: return "some"
    case .ordinalFeminine: return "\u{AA}"
    case .ordinalMasculine: return "\u{BA}"
    default: return String(describing: word)
    }
  }
}

/// Maps the scalars of a word token to its `DateWord`: FNV-1a hashes in an open-addressing table,
/// and an exact comparison of the scalars on a hit (so a hash collision cannot make a keyword).
final class DateVocabulary: Sendable {
  static let shared = DateVocabulary()

  let texts: [String]
  /// Per slot: the hash of the word in it and the word (nil: empty slot).
  private let slotHashes: [UInt64]
  private let slotWords: [DateWord?]
  private let mask: Int
  /// The words' scalars one after another; word `n` is `scalars[starts[n]..<starts[n + 1]]`.
  private let scalars: [Unicode.Scalar]
  private let starts: [Int]
  private let byText: [String: DateWord]

  private init() {
    let words = DateWord.allCases
    texts = words.map(DateWord.spelling)
    var size = 8
    while size < words.count * 4 { size *= 2 }
    var hashes = [UInt64](repeating: 0, count: size)
    var slots = [DateWord?](repeating: nil, count: size)
    var scalars: [Unicode.Scalar] = []
    var starts: [Int] = []
    var byText: [String: DateWord] = [:]
    for (index, word) in words.enumerated() {
      precondition(Int(word.rawValue) == index, "DateWord raw values must count from 0")
      let text = texts[index]
      precondition(byText[text] == nil, "\(text) is twice in DateWord")
      byText[text] = word
      starts.append(scalars.count)
      scalars.append(contentsOf: text.unicodeScalars)
      let hash = DateVocabulary.hash(text.unicodeScalars)
      var slot = DateVocabulary.slot(hash, mask: size - 1)
      while slots[slot] != nil { slot = (slot + 1) & (size - 1) }
      hashes[slot] = hash
      slots[slot] = word
    }
    starts.append(scalars.count)
    slotHashes = hashes
    slotWords = slots
    mask = size - 1
    self.scalars = scalars
    self.starts = starts
    self.byText = byText
  }

  /// FNV-1a over the scalar values (the values of `TokenHash`, written out so that the
  /// tokenizer's loop reads no global).
  static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325

  @inline(__always)
  static func combine(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
    (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
  }

  static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
    var hash = offsetBasis
    for scalar in scalars { hash = combine(hash, scalar) }
    return hash
  }

  @inline(__always)
  private static func slot(_ hash: UInt64, mask: Int) -> Int {
    Int(truncatingIfNeeded: hash ^ (hash >> 32)) & mask
  }

  /// The word spelled by `text[start..<end]`, whose FNV-1a hash (`hash(_:)`) is `hash`.
  @inline(__always)
  func word(hash: UInt64, in text: [Unicode.Scalar], from start: Int, to end: Int) -> DateWord? {
    var slot = DateVocabulary.slot(hash, mask: mask)
    while true {
      guard let word = slotWords[slot] else { return nil }
      if slotHashes[slot] == hash {
        let index = Int(word.rawValue)
        let wordStart = starts[index]
        guard starts[index + 1] - wordStart == end - start else { return nil }
        for offset in 0..<(end - start) where scalars[wordStart + offset] != text[start + offset] {
          return nil
        }
        return word
      }
      slot = (slot + 1) & mask
    }
  }

  /// The word spelled `text`, nil when it is not in the vocabulary.
  func word(_ text: String) -> DateWord? { byText[text] }

  /// The word spelled `text`; traps when it is not in the vocabulary (the word lists are fixed).
  func require(_ text: String) -> DateWord {
    guard let word = byText[text] else { preconditionFailure("\(text) is not in DateWord") }
    return word
  }
}

/// A set of words: one flag per word.
struct DateWordSet: Sendable {
  private var members: [Bool]

  init<S: Sequence>(_ texts: S) where S.Element == String {
    members = [Bool](repeating: false, count: DateWord.allCases.count)
    for text in texts { members[Int(DateVocabulary.shared.require(text).rawValue)] = true }
  }

  @inline(__always)
  func contains(_ word: DateWord?) -> Bool {
    guard let word else { return false }
    return members[Int(word.rawValue)]
  }
}

/// A dictionary keyed by word: one optional value per word.
struct DateWordMap<Value: Sendable>: Sendable {
  private var values: [Value?]

  init(_ dictionary: [String: Value]) {
    values = [Value?](repeating: nil, count: DateWord.allCases.count)
    for (text, value) in dictionary { values[Int(DateVocabulary.shared.require(text).rawValue)] = value }
  }

  /// Values grouped by word, in the order given.
  init<Element>(grouping pairs: [(String, Element)]) where Value == [Element] {
    values = [Value?](repeating: nil, count: DateWord.allCases.count)
    for (text, element) in pairs {
      let index = Int(DateVocabulary.shared.require(text).rawValue)
      values[index] = (values[index] ?? []) + [element]
    }
  }

  @inline(__always)
  subscript(_ word: DateWord?) -> Value? {
    guard let word else { return nil }
    return values[Int(word.rawValue)]
  }
}

/// Articles and prepositions written as in the rules: "il", "l'", "dell'" (an elided form is a
/// word followed by a glued apostrophe).
struct DateArticles: Sendable {
  let plain: DateWordSet
  let elided: DateWordSet

  init<S: Sequence>(_ texts: S) where S.Element == String {
    plain = DateWordSet(texts.filter { !$0.hasSuffix("'") })
    elided = DateWordSet(texts.filter { $0.hasSuffix("'") }.map { String($0.dropLast()) })
  }
}

/// One part of a fixed phrase: a word, or a punctuation scalar when `word` is nil.
struct DatePhrasePart: Sendable {
  let word: DateWord?
  let scalar: Unicode.Scalar

  /// A one-scalar non-letter part is punctuation ("'", "-"); anything else is a word.
  init(_ text: String) {
    if text.utf8.count == 1, let scalar = text.unicodeScalars.first, !DateTokenizer.isLetter(scalar) {
      word = nil
      self.scalar = scalar
    } else {
      word = DateVocabulary.shared.require(text)
      scalar = " "
    }
  }
}

/// A fixed phrase ("end of the day", "nell ' arco di").
typealias DatePhrase = [DatePhrasePart]

extension Array where Element == DatePhrasePart {
  init(phrase texts: [String]) { self = texts.map(DatePhrasePart.init) }
}
