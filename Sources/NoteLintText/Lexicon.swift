import NoteLintCore

/// A phrase of a lexicon: its token hashes (`TokenHash.anyNumber` for `<num>`).
public struct Phrase: Sendable, Equatable {
  public var text: String
  public var hashes: [UInt64]
  public var suggestion: String?

  public init(text: String, hashes: [UInt64], suggestion: String?) {
    self.text = text
    self.hashes = hashes
    self.suggestion = suggestion
  }
}

/// A match of a lexicon phrase in a text: token indices and the phrase.
public struct PhraseMatch: Sendable, Equatable {
  public var tokens: Range<Int>
  /// Index into the lexicon's `phrases` (-1 for a match a rule made itself).
  public var phrase: Int

  public init(tokens: Range<Int>, phrase: Int) {
    self.tokens = tokens
    self.phrase = phrase
  }
}

/// A word or phrase list loaded from a resource file, matched by hashed token n-grams.
///
/// File format: one entry a line, `#` comments, `{a,b}` alternation, `<num>` for any number,
/// `!` for an exception phrase (matches overlapping it are dropped), ` => ` before a suggestion.
///
/// A class: lexicons are built once and shared by every rule and thread, never copied.
public final class Lexicon: Sendable {
  public let name: String
  let table: PhraseTable
  let exceptionTable: PhraseTable
  /// Hashes of the one-token phrases.
  public let singleWords: TokenSet
  /// This lexicon's bit in `Token.filter`: positions whose filter lacks it cannot start a phrase
  /// (or an exception) of it and are skipped without a look-up. 0: no filter, every position looks.
  public let filterBit: UInt64

  public convenience init(name: String, text: String, tokenizer: Tokenizer) {
    // Built once per process and language, before the first note is linted: it works on scalar
    // arrays, never on `String` pieces, so that a one-file pre-commit run does not pay for it.
    var phrases: [Phrase] = []
    var exceptions: [Phrase] = []
    var seen = Set<[UInt64]>()
    var folded: [Unicode.Scalar] = []
    for rawLine in Self.lines(Array(text.unicodeScalars)) {
      var line = rawLine
      var isException = false
      if line.first == "!" {
        isException = true
        line = Self.trimmed(line.dropFirst())
      }
      var suggestion: String?
      if let arrow = Self.firstArrow(in: line) {
        let advice = Self.trimmed(line[(arrow + 4)...])
        suggestion = advice.isEmpty ? nil : String(scalars: advice)
        line = Self.trimmed(line[..<arrow])
      }
      for expanded in Self.expand(line) {
        let hashes = Self.hashes(of: expanded, tokenizer: tokenizer, folded: &folded)
        guard !hashes.isEmpty else { continue }
        let phrase = Phrase(text: String(scalars: expanded), hashes: hashes, suggestion: suggestion)
        if isException {
          exceptions.append(phrase)
        } else if seen.insert(hashes).inserted {
          phrases.append(phrase)
        }
      }
    }
    self.init(name: name, phrases: phrases, exceptions: exceptions)
  }

  /// A lexicon of the given phrases (in order; exceptions drop the matches they overlap).
  public convenience init(name: String, phrases: [Phrase], exceptions: [Phrase]) {
    self.init(name: name, table: PhraseTable(phrases), exceptionTable: PhraseTable(exceptions))
  }

  /// A lexicon from tables laid out beforehand (see `CompiledLexicons`).
  init(name: String, table: PhraseTable, exceptionTable: PhraseTable, filterBit: UInt64 = 0) {
    self.name = name
    self.table = table
    self.exceptionTable = exceptionTable
    self.filterBit = filterBit
    var words = TokenSet()
    for phrase in 0..<table.count where table.length(phrase) == 1 { words.insert(table.hashes(phrase).first ?? 0) }
    self.singleWords = words
  }

  /// The same lexicon with a bit in `Token.filter` (see `LexiconFilter`).
  public func withFilterBit(_ bit: UInt64) -> Lexicon {
    Lexicon(name: name, table: table, exceptionTable: exceptionTable, filterBit: bit)
  }

  /// The first-token hashes of every phrase and exception, and whether some start with `<num>`.
  public var firstTokens: (hashes: [UInt64], anyNumber: Bool) {
    var hashes: [UInt64] = []
    var anyNumber = false
    for table in [table, exceptionTable] {
      for phrase in 0..<table.count {
        let first = table.hashes(phrase).first ?? 0
        if first == TokenHash.anyNumber { anyNumber = true } else { hashes.append(first) }
      }
    }
    return (hashes, anyNumber)
  }

  /// How many phrases (not counting exceptions).
  public var count: Int { table.count }

  /// The text of a phrase as the lexicon file spells it (alternations expanded).
  public func text(_ phrase: Int) -> String { table.text(phrase) }

  /// The token hash of a one-word phrase (the first token's hash of a longer one).
  public func firstHash(_ phrase: Int) -> UInt64 { table.hashes(phrase).first ?? 0 }

  /// The suggestion (after ` => `) of a phrase, if any.
  public func suggestion(_ phrase: Int) -> String? { table.suggestion(phrase) }

  /// The phrases, as values (builds them: for tests and tools, not the inner loop).
  public var phrases: [Phrase] { table.phrases }

  /// The exception phrases, as values.
  public var exceptions: [Phrase] { exceptionTable.phrases }

  /// The entry lines of a lexicon file: trimmed, without blank lines and `#` comments.
  private static func lines(_ scalars: [Unicode.Scalar]) -> [ArraySlice<Unicode.Scalar>] {
    var result: [ArraySlice<Unicode.Scalar>] = []
    var start = 0
    for position in 0...scalars.count
    where position == scalars.count || scalars[position] == "\n"
      || scalars[position] == "\r"
    {
      let line = trimmed(scalars[start..<position])
      if let first = line.first, first != "#" { result.append(line) }
      start = position + 1
    }
    return result
  }

  private static func trimmed(_ slice: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
    var slice = slice
    while let first = slice.first, first == " " || first == "\t" { slice = slice.dropFirst() }
    while let last = slice.last, last == " " || last == "\t" { slice = slice.dropLast() }
    return slice
  }

  /// Position of the first ` => ` in an entry.
  private static func firstArrow(in line: ArraySlice<Unicode.Scalar>) -> Int? {
    var position = line.startIndex
    while position + 4 <= line.endIndex {
      if line[position] == " ", line[position + 1] == "=", line[position + 2] == ">", line[position + 3] == " " {
        return position
      }
      position += 1
    }
    return nil
  }

  public var isEmpty: Bool { table.count == 0 }

  /// The union of the tokens' `filter`s: computed once for a block, it tells with one test whether
  /// a lexicon can match anywhere in it (see `mayMatch(filter:)`).
  public static func filter(of tokens: [Token]) -> UInt64 {
    var union: UInt64 = 0
    for token in tokens { union |= token.filter }
    return union
  }

  /// Whether a phrase or an exception of the lexicon can start in tokens whose filters unite to
  /// `filter` (false: `matches` finds nothing there).
  @inline(__always)
  public func mayMatch(filter: UInt64) -> Bool {
    filterBit == 0 || filter & filterBit != 0
  }

  /// Whether a single folded word is in the lexicon as a one-token phrase.
  @inline(__always)
  public func contains(word hash: UInt64) -> Bool {
    singleWords.contains(hash)
  }

  /// Token hashes of one phrase, as a lexicon entry would have them.
  public static func phraseHashes(_ phrase: String, tokenizer: Tokenizer) -> [UInt64] {
    var folded: [Unicode.Scalar] = []
    return hashes(of: Array(phrase.unicodeScalars), tokenizer: tokenizer, folded: &folded)
  }

  private static let numberPlaceholder: [Unicode.Scalar] = Array("<num>".unicodeScalars)

  /// Token hashes of one entry: `<num>` stands for any number.
  package static func hashes(of entry: [Unicode.Scalar], tokenizer: Tokenizer, folded: inout [Unicode.Scalar])
    -> [UInt64]
  {
    var result: [UInt64] = []
    for piece in entry.split(separator: " ") {
      if piece.elementsEqual(numberPlaceholder) {
        result.append(TokenHash.anyNumber)
        continue
      }
      // An elided word ("dell'", "l'") is one token in running text: hash it whole.
      if let last = piece.last, Tokenizer.isApostrophe(last), piece.count > 1,
        piece.dropLast().allSatisfy({ Tokenizer.isLetter($0) })
      {
        result.append(TokenHash.hash(piece))
        continue
      }
      let tokens = tokenizer.tokenize(Array(piece), folded: &folded)
      for token in tokens { result.append(token.hash) }
    }
    return result
  }

  /// Expands `{a,b}` alternations (cartesian product), with runs of spaces folded to one.
  package static func expand(_ entry: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
    var result: [[Unicode.Scalar]] = []
    for raw in expandRaw(entry) {
      var collapsed: [Unicode.Scalar] = []
      collapsed.reserveCapacity(raw.count)
      for scalar in raw where !(scalar == " " && (collapsed.isEmpty || collapsed.last == " ")) {
        collapsed.append(scalar)
      }
      if collapsed.last == " " { collapsed.removeLast() }
      if !collapsed.isEmpty { result.append(collapsed) }
    }
    return result
  }

  /// How many phrases an entry's `{a,b}` alternations expand to (saturating at `Int.max`), counted
  /// without expanding: a configuration refuses an entry past `maxExpansions` before building it.
  public static func expansionCount(_ entry: String) -> Int {
    var count = 1
    var entry = ArraySlice(entry.unicodeScalars)
    while let open = entry.firstIndex(of: "{"), let close = entry[open...].firstIndex(of: "}") {
      let options = entry[(open + 1)..<close].split(separator: ",", omittingEmptySubsequences: false).count
      let (product, overflow) = count.multipliedReportingOverflow(by: max(1, options))
      count = overflow ? Int.max : product
      entry = entry[(close + 1)...]
    }
    return count
  }

  /// The most phrases one configured lexicon entry may expand to.
  public static let maxExpansions = 1_000

  /// The expansion of one entry (for tests and tools).
  public static func expandForTesting(_ entry: String) -> [String] {
    expand(ArraySlice(entry.unicodeScalars)).map { String(scalars: $0) }
  }

  private static func expandRaw(_ entry: ArraySlice<Unicode.Scalar>) -> [[Unicode.Scalar]] {
    guard let open = entry.firstIndex(of: "{"), let close = entry[open...].firstIndex(of: "}") else {
      return [Array(entry)]
    }
    let head = entry[..<open]
    let options = entry[(open + 1)..<close].split(separator: ",", omittingEmptySubsequences: false)
    let rests = expandRaw(entry[(close + 1)...])
    var result: [[Unicode.Scalar]] = []
    result.reserveCapacity(options.count * rests.count)
    for option in options {
      for rest in rests {
        result.append(Array(head) + Array(option) + rest)
      }
    }
    return result
  }

  /// All non-overlapping matches in `range` of `tokens`, longest first at each position, minus
  /// those overlapping an exception.
  public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [PhraseMatch] {
    let range = range ?? 0..<tokens.count
    var result: [PhraseMatch] = []
    tokens.withUnsafeBufferPointer { tokens in
      // The exceptions are looked up only once a phrase matches: most calls find none.
      var blocked: [Range<Int>]?
      let bit = filterBit
      var position = range.lowerBound
      while position < range.upperBound {
        if bit != 0 {
          position = Self.nextStart(tokens, from: position, to: range.upperBound, bit: bit)
          if position == range.upperBound { break }
        }
        if let found = table.longest(tokens, at: position, limit: range.upperBound) {
          let span = position..<position + table.length(found)
          let exceptions = blocked ?? exceptionSpans(tokens, range: range)
          blocked = exceptions
          if exceptions.isEmpty || !exceptions.contains(where: { $0.overlaps(span) }) {
            result.append(PhraseMatch(tokens: span, phrase: found))
            position = span.upperBound
            continue
          }
        }
        position += 1
      }
    }
    return result
  }

  /// The match starting at `position` that `matches(in: tokens, range: position..<limit)` would
  /// list first, if it starts there: for callers that want a phrase right at a position, without
  /// reading the rest of the range.
  public func firstMatch(in tokens: [Token], at position: Int, limit: Int) -> PhraseMatch? {
    guard position < limit else { return nil }
    let bit = filterBit
    if bit != 0 && tokens[position].filter & bit == 0 { return nil }
    return tokens.withUnsafeBufferPointer { tokens -> PhraseMatch? in
      guard let found = table.longest(tokens, at: position, limit: limit) else { return nil }
      let span = position..<position + table.length(found)
      // An exception that starts inside the span overlaps it; one that starts after it does not.
      if exceptionTable.count > 0 {
        for probe in span where bit == 0 || tokens[probe].filter & bit != 0 {
          if exceptionTable.longest(tokens, at: probe, limit: limit) != nil { return nil }
        }
      }
      return PhraseMatch(tokens: span, phrase: found)
    }
  }

  /// The spans of the exceptions at every position of `range`.
  private func exceptionSpans(_ tokens: UnsafeBufferPointer<Token>, range: Range<Int>) -> [Range<Int>] {
    var spans: [Range<Int>] = []
    guard exceptionTable.count > 0 else { return spans }
    let bit = filterBit
    var probe = range.lowerBound
    while probe < range.upperBound {
      if bit != 0 {
        probe = Self.nextStart(tokens, from: probe, to: range.upperBound, bit: bit)
        if probe == range.upperBound { break }
      }
      if let found = exceptionTable.longest(tokens, at: probe, limit: range.upperBound) {
        spans.append(probe..<probe + exceptionTable.length(found))
      }
      probe += 1
    }
    return spans
  }

  /// The first position in `start..<end` whose filter has `bit` (`end` if none): four tokens are
  /// passed over on one test where none has it, the common case.
  @inline(__always)
  private static func nextStart(_ tokens: UnsafeBufferPointer<Token>, from start: Int, to end: Int, bit: UInt64)
    -> Int
  {
    var position = start
    while position &+ 4 <= end {
      let filters =
        tokens[position].filter | tokens[position &+ 1].filter | tokens[position &+ 2].filter
        | tokens[position &+ 3].filter
      if filters & bit != 0 { break }
      position &+= 4
    }
    while position < end, tokens[position].filter & bit == 0 { position &+= 1 }
    return position
  }
}

/// The phrases of a lexicon laid out flat for matching and for loading without work: their
/// hashes in one array, their texts and suggestions in UTF-8 pools, and an index from the first
/// token's hash to the phrases starting with it, longest first.
struct PhraseTable: Sendable {
  /// Phrase `i` has the hashes `hashes[hashStarts[i]..<hashStarts[i + 1]]`; likewise for texts.
  var hashes: [UInt64] = []
  var hashStarts: [Int32] = [0]
  var textBytes: [UInt8] = []
  var textStarts: [Int32] = [0]
  /// Empty: no suggestion.
  var suggestionBytes: [UInt8] = []
  var suggestionStarts: [Int32] = [0]
  var index: TokenIndex
  /// Phrases starting with `<num>`, longest first.
  var numberFirst: [Int32] = []
  /// The arrays the matching loop reads, copied once into buffers (built last by each init; the
  /// arrays above are not changed after it).
  let matcher: PhraseMatcher

  init(_ phrases: [Phrase]) {
    for phrase in phrases {
      hashes.append(contentsOf: phrase.hashes)
      hashStarts.append(Int32(hashes.count))
      textBytes.append(contentsOf: phrase.text.utf8)
      textStarts.append(Int32(textBytes.count))
      suggestionBytes.append(contentsOf: (phrase.suggestion ?? "").utf8)
      suggestionStarts.append(Int32(suggestionBytes.count))
    }
    // Phrases grouped by first hash, longest first, then in the file's order: one sort of
    // indices, no dictionary of arrays.
    let firsts = phrases.map { $0.hashes[0] }
    let lengths = phrases.map(\.hashes.count)
    let order = (0..<phrases.count).sorted { left, right in
      if firsts[left] != firsts[right] { return firsts[left] < firsts[right] }
      if lengths[left] != lengths[right] { return lengths[left] > lengths[right] }
      return left < right
    }
    var groups: [(key: UInt64, values: [Int])] = []
    for position in order {
      if firsts[position] == TokenHash.anyNumber {
        numberFirst.append(Int32(position))
      } else if let last = groups.last, last.key == firsts[position] {
        groups[groups.count - 1].values.append(position)
      } else {
        groups.append((firsts[position], [position]))
      }
    }
    index = TokenIndex(groups)
    matcher = PhraseMatcher(hashes: hashes, hashStarts: hashStarts, index: index, numberFirst: numberFirst)
  }

  /// A table from its parts (a compiled lexicon file); nil when they do not fit together.
  init?(
    hashes: [UInt64], hashStarts: [Int32], textBytes: [UInt8], textStarts: [Int32], suggestionBytes: [UInt8],
    suggestionStarts: [Int32], index: TokenIndex, numberFirst: [Int32]
  ) {
    let count = hashStarts.count - 1
    func valid(_ starts: [Int32], _ total: Int) -> Bool {
      starts.count == count + 1 && starts.first == 0 && starts.last.map(Int.init) == total
        && zip(starts, starts.dropFirst()).allSatisfy { $0 <= $1 }
    }
    guard count >= 0, valid(hashStarts, hashes.count), valid(textStarts, textBytes.count),
      valid(suggestionStarts, suggestionBytes.count),
      zip(hashStarts, hashStarts.dropFirst()).allSatisfy({ $0 < $1 }),
      index.values.allSatisfy({ $0 >= 0 && Int($0) < count }), numberFirst.allSatisfy({ $0 >= 0 && Int($0) < count })
    else { return nil }
    self.hashes = hashes
    self.hashStarts = hashStarts
    self.textBytes = textBytes
    self.textStarts = textStarts
    self.suggestionBytes = suggestionBytes
    self.suggestionStarts = suggestionStarts
    self.index = index
    self.numberFirst = numberFirst
    self.matcher = PhraseMatcher(hashes: hashes, hashStarts: hashStarts, index: index, numberFirst: numberFirst)
  }

  var count: Int { hashStarts.count - 1 }

  @inline(__always)
  func length(_ phrase: Int) -> Int { Int(hashStarts[phrase + 1] - hashStarts[phrase]) }

  func hashes(_ phrase: Int) -> ArraySlice<UInt64> {
    hashes[Int(hashStarts[phrase])..<Int(hashStarts[phrase + 1])]
  }

  func text(_ phrase: Int) -> String {
    String(decoding: textBytes[Int(textStarts[phrase])..<Int(textStarts[phrase + 1])], as: UTF8.self)
  }

  func suggestion(_ phrase: Int) -> String? {
    let range = Int(suggestionStarts[phrase])..<Int(suggestionStarts[phrase + 1])
    return range.isEmpty ? nil : String(decoding: suggestionBytes[range], as: UTF8.self)
  }

  var phrases: [Phrase] {
    (0..<count).map { Phrase(text: text($0), hashes: Array(hashes($0)), suggestion: suggestion($0)) }
  }

  /// The longest phrase matching at `position` (its index), if any.
  @inline(__always)
  func longest(_ tokens: UnsafeBufferPointer<Token>, at position: Int, limit: Int) -> Int? {
    matcher.longest(tokens, at: position, limit: limit)
  }
}

/// A phrase table's hashes, phrase starts, first-token index and `<num>` phrases in buffers
/// allocated once (lexicons live as long as the process): the inner loop of matching reads them
/// with neither bounds checks nor reference counting. The tables are checked when they are built
/// or loaded (phrase indices in range, starts increasing), so every read stays inside.
final class PhraseMatcher: @unchecked Sendable {
  private let hashes: UnsafeMutableBufferPointer<UInt64>
  private let starts: UnsafeMutableBufferPointer<Int32>
  private let keys: UnsafeMutableBufferPointer<UInt64>
  private let slotCounts: UnsafeMutableBufferPointer<Int32>
  private let values: UnsafeMutableBufferPointer<Int32>
  /// Per slot of the first-token index: its one-token phrase (-1: none; the first one listed,
  /// entries after it are never reached), and where its longer phrases whose second token is
  /// `<num>` are listed in `numberEntries` (as entries of `values`, in the index's order).
  private let singles: UnsafeMutableBufferPointer<Int32>
  private let numberStarts: UnsafeMutableBufferPointer<Int32>
  private let numberCounts: UnsafeMutableBufferPointer<Int32>
  private let numberEntries: UnsafeMutableBufferPointer<Int32>
  /// (first hash, second hash) → the longer phrases starting with that pair (entries of `values`
  /// before the slot's one-token phrase, in the index's order), open addressing: a position whose
  /// first two tokens start no phrase is passed over on one probe, however many phrases share its
  /// first token.
  private let pairFirsts: UnsafeMutableBufferPointer<UInt64>
  private let pairSeconds: UnsafeMutableBufferPointer<UInt64>
  private let pairStarts: UnsafeMutableBufferPointer<Int32>
  private let pairCounts: UnsafeMutableBufferPointer<Int32>
  private let pairEntries: UnsafeMutableBufferPointer<Int32>
  private let pairMask: Int
  private let numberFirst: UnsafeMutableBufferPointer<Int32>
  private let mask: Int

  @inline(__always)
  private static func pairSlot(_ first: UInt64, _ second: UInt64, mask: Int) -> Int {
    TokenSet.slot(first ^ (second &* 0x9E37_79B9_7F4A_7C15), mask: mask)
  }

  init(hashes: [UInt64], hashStarts: [Int32], index: TokenIndex, numberFirst: [Int32]) {
    func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: array.count)
      array.withUnsafeBufferPointer { source in
        if let from = source.baseAddress, let to = buffer.baseAddress { to.initialize(from: from, count: source.count) }
      }
      return buffer
    }
    self.hashes = copy(hashes)
    self.starts = copy(hashStarts)
    self.keys = copy(index.keys)
    self.slotCounts = copy(index.counts)
    self.values = copy(index.values)
    // Built in two passes over the index, into buffers (no array a pair): this runs at start-up.
    func buffer<T>(_ count: Int, _ value: T) -> UnsafeMutableBufferPointer<T> {
      let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: count)
      buffer.initialize(repeating: value)
      return buffer
    }
    let size = index.keys.count
    let singles = buffer(size, Int32(-1))
    let numberStarts = buffer(size, Int32(0))
    let numberCounts = buffer(size, Int32(0))
    // How many entries each slot looks at before its first one-token phrase (later ones are never
    // reached), and how many longer phrases in all.
    let longerCounts = buffer(size, Int32(0))
    var longer = 0
    for slot in 0..<size where index.counts[slot] > 0 {
      let start = Int(index.starts[slot])
      for entry in start..<(start + Int(index.counts[slot])) {
        let value = Int(index.values[entry])
        if hashStarts[value + 1] - hashStarts[value] == 1 {
          singles[slot] = Int32(value)
          break
        }
        longerCounts[slot] += 1
      }
      longer += Int(longerCounts[slot])
    }
    var pairSize = 8
    // Load at most 2/3 even if every longer phrase starts a pair of its own (most share them).
    while pairSize * 2 < longer * 3 { pairSize *= 2 }
    let pairMask = pairSize - 1
    // Keys are read only where `pairCounts` marks a slot used, and written there first: they are
    // left uninitialized (trivial values) rather than cleared.
    let pairFirsts = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: pairSize)
    let pairSeconds = UnsafeMutableBufferPointer<UInt64>.allocate(capacity: pairSize)
    let pairStarts = UnsafeMutableBufferPointer<Int32>.allocate(capacity: pairSize)
    let pairCounts = buffer(pairSize, Int32(0))
    let pairEntries = buffer(longer, Int32(0))
    let numberEntries = buffer(longer, Int32(0))
    // Each longer entry's slot in the pair table (-1: listed under `<num>`).
    let entryPairs = buffer(longer, -1)
    var next = 0
    var numbers = 0
    for slot in 0..<size where longerCounts[slot] > 0 {
      let first = index.keys[slot]
      let start = Int(index.starts[slot])
      numberStarts[slot] = Int32(numbers)
      for entry in start..<(start + Int(longerCounts[slot])) {
        let second = hashes[Int(hashStarts[Int(index.values[entry])]) + 1]
        if second == TokenHash.anyNumber {
          numberEntries[numbers] = Int32(entry)
          numbers += 1
          numberCounts[slot] += 1
        } else {
          var probe = Self.pairSlot(first, second, mask: pairMask)
          while pairCounts[probe] != 0 && (pairFirsts[probe] != first || pairSeconds[probe] != second) {
            probe = (probe + 1) & pairMask
          }
          pairFirsts[probe] = first
          pairSeconds[probe] = second
          pairCounts[probe] += 1
          entryPairs[next] = probe
        }
        next += 1
      }
    }
    var total: Int32 = 0
    for probe in 0..<pairSize {
      (pairStarts.baseAddress! + probe).initialize(to: total)
      total += pairCounts[probe]
      pairCounts[probe] = 0
    }
    // Second pass, in the index's order: each pair's entries stay in it (and counted again).
    next = 0
    for slot in 0..<size where longerCounts[slot] > 0 {
      let start = Int(index.starts[slot])
      for entry in start..<(start + Int(longerCounts[slot])) {
        let probe = entryPairs[next]
        if probe >= 0 {
          pairEntries[Int(pairStarts[probe] + pairCounts[probe])] = Int32(entry)
          pairCounts[probe] += 1
        }
        next += 1
      }
    }
    entryPairs.deallocate()
    longerCounts.deallocate()
    self.singles = singles
    self.numberStarts = numberStarts
    self.numberCounts = numberCounts
    self.numberEntries = numberEntries
    self.pairFirsts = pairFirsts
    self.pairSeconds = pairSeconds
    self.pairStarts = pairStarts
    self.pairCounts = pairCounts
    self.pairEntries = pairEntries
    self.pairMask = pairMask
    self.numberFirst = copy(numberFirst)
    self.mask = index.keys.count - 1
  }

  deinit {
    hashes.deallocate()
    starts.deallocate()
    keys.deallocate()
    slotCounts.deallocate()
    values.deallocate()
    singles.deallocate()
    numberStarts.deallocate()
    numberCounts.deallocate()
    numberEntries.deallocate()
    pairFirsts.deallocate()
    pairSeconds.deallocate()
    pairStarts.deallocate()
    pairCounts.deallocate()
    pairEntries.deallocate()
    numberFirst.deallocate()
  }

  /// Whether a phrase matches at `start`, for a candidate whose first token is known to fit: one
  /// listed under the token's hash, or a `<num>` phrase at a number.
  @inline(__always)
  private func matches(_ phrase: Int, _ tokens: UnsafeBufferPointer<Token>, at start: Int, limit: Int) -> Bool {
    let base = Int(starts[phrase])
    let count = Int(starts[phrase &+ 1]) &- base
    guard start &+ count <= limit else { return false }
    var offset = 1
    while offset < count {
      let hash = hashes[base &+ offset]
      let token = tokens[start &+ offset]
      if hash == TokenHash.anyNumber ? token.kind != .number : token.hash != hash { return false }
      offset &+= 1
    }
    return true
  }

  /// The longest phrase matching at `position` (its index), if any: the `<num>` phrases at a
  /// number, then those listed under the token's hash (longest first, as `TokenIndex.lookup`).
  @inline(__always)
  func longest(_ tokens: UnsafeBufferPointer<Token>, at position: Int, limit: Int) -> Int? {
    let token = tokens[position]
    if token.kind == .number {
      for candidate in numberFirst where matches(Int(candidate), tokens, at: position, limit: limit) {
        return Int(candidate)
      }
    }
    guard mask >= 0 else { return nil }
    var slot = TokenSet.slot(token.hash, mask: mask)
    while true {
      if slotCounts[slot] == 0 { return nil }
      if keys[slot] == token.hash { break }
      slot = (slot &+ 1) & mask
    }
    if position &+ 1 < limit {
      // The longer phrases whose second token fits the next one: those listed under the pair, and
      // at a number those with `<num>` second, merged back into the index's order.
      let next = tokens[position &+ 1]
      var pair = 0
      var pairEnd = 0
      var probe = Self.pairSlot(token.hash, next.hash, mask: pairMask)
      while pairCounts[probe] != 0 {
        if pairFirsts[probe] == token.hash && pairSeconds[probe] == next.hash {
          pair = Int(pairStarts[probe])
          pairEnd = pair &+ Int(pairCounts[probe])
          break
        }
        probe = (probe &+ 1) & pairMask
      }
      var number = Int(numberStarts[slot])
      let numberEnd = next.kind == .number ? number &+ Int(numberCounts[slot]) : number
      while pair < pairEnd || number < numberEnd {
        let entry: Int32
        if number == numberEnd || (pair < pairEnd && pairEntries[pair] < numberEntries[number]) {
          entry = pairEntries[pair]
          pair &+= 1
        } else {
          entry = numberEntries[number]
          number &+= 1
        }
        let candidate = Int(values[Int(entry)])
        if matches(candidate, tokens, at: position, limit: limit) { return candidate }
      }
    }
    let single = Int(singles[slot])
    return single >= 0 ? single : nil
  }
}

extension StringProtocol {
  package func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    var slice = Substring(self)
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}

/// Lines of a word-list resource file.
public enum ResourceLines {
  /// The folded hashes of the non-comment lines of `text`, without a `String` a line.
  public static func hashes(_ text: String) -> [UInt64] {
    let scalars = Array(text.unicodeScalars)
    var result: [UInt64] = []
    var start = 0
    for position in 0...scalars.count
    where position == scalars.count || scalars[position] == "\n"
      || scalars[position] == "\r"
    {
      var lower = start
      var upper = position
      while lower < upper, scalars[lower] == " " || scalars[lower] == "\t" { lower += 1 }
      while upper > lower, scalars[upper - 1] == " " || scalars[upper - 1] == "\t" { upper -= 1 }
      if lower < upper, scalars[lower] != "#" { result.append(TokenHash.hash(scalars[lower..<upper])) }
      start = position + 1
    }
    return result
  }
}
