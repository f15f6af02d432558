import NoteLintCore

/// A phrase of a lexicon: its token hashes (`TokenHash.anyNumber` for `<num>`).
public struct Phrase: Sendable, Equatable {
  public var text: String
  public var hashes: [UInt64]
  public var suggestion: String?
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
public struct Lexicon: Sendable {
  public let name: String
  public private(set) var phrases: [Phrase] = []
  private var exceptions: [Phrase] = []
  /// First-token hash → phrase indices, longest first.
  private var index: [UInt64: [Int]] = [:]
  private var exceptionIndex: [UInt64: [Int]] = [:]
  private var numberFirst: [Int] = []
  private var exceptionNumberFirst: [Int] = []

  public init(name: String, text: String, tokenizer: Tokenizer) {
    self.name = name
    for rawLine in text.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
      var line = rawLine.trimmingCharacters(in: " \t")
      if line.isEmpty || line.hasPrefix("#") { continue }
      var isException = false
      if line.hasPrefix("!") {
        isException = true
        line = String(line.dropFirst()).trimmingCharacters(in: " \t")
      }
      var suggestion: String?
      if let arrow = line.range(of: " => ") {
        suggestion = String(line[arrow.upperBound...]).trimmingCharacters(in: " \t")
        line = String(line[..<arrow.lowerBound]).trimmingCharacters(in: " \t")
      }
      for expanded in Self.expand(line) {
        let hashes = Self.hashes(of: expanded, tokenizer: tokenizer)
        guard !hashes.isEmpty else { continue }
        let phrase = Phrase(text: expanded, hashes: hashes, suggestion: suggestion)
        if isException {
          exceptions.append(phrase)
        } else if !phrases.contains(where: { $0.hashes == hashes }) {
          phrases.append(phrase)
        }
      }
    }
    (index, numberFirst) = Self.buildIndex(phrases)
    (exceptionIndex, exceptionNumberFirst) = Self.buildIndex(exceptions)
  }

  public var isEmpty: Bool { phrases.isEmpty }

  /// Whether a single folded word is in the lexicon as a one-token phrase.
  public func contains(word hash: UInt64) -> Bool {
    index[hash]?.contains { phrases[$0].hashes.count == 1 } ?? false
  }

  private static func buildIndex(_ phrases: [Phrase]) -> ([UInt64: [Int]], [Int]) {
    var index: [UInt64: [Int]] = [:]
    var numberFirst: [Int] = []
    for (position, phrase) in phrases.enumerated() {
      if phrase.hashes[0] == TokenHash.anyNumber {
        numberFirst.append(position)
      } else {
        index[phrase.hashes[0], default: []].append(position)
      }
    }
    for key in index.keys {
      index[key]?.sort { phrases[$0].hashes.count > phrases[$1].hashes.count }
    }
    numberFirst.sort { phrases[$0].hashes.count > phrases[$1].hashes.count }
    return (index, numberFirst)
  }

  /// Token hashes of one phrase, as a lexicon entry would have them.
  public static func phraseHashes(_ phrase: String, tokenizer: Tokenizer) -> [UInt64] {
    hashes(of: phrase, tokenizer: tokenizer)
  }

  /// Token hashes of one entry: `<num>` stands for any number.
  static func hashes(of entry: String, tokenizer: Tokenizer) -> [UInt64] {
    var result: [UInt64] = []
    for piece in entry.split(separator: " ") {
      if piece == "<num>" {
        result.append(TokenHash.anyNumber)
        continue
      }
      // An elided word ("dell'", "l'") is one token in running text: hash it whole.
      if let last = piece.unicodeScalars.last, Tokenizer.isApostrophe(last), piece.unicodeScalars.count > 1,
        piece.unicodeScalars.dropLast().allSatisfy({ Tokenizer.isLetter($0) })
      {
        result.append(TokenHash.hash(String(piece)))
        continue
      }
      var folded: [Unicode.Scalar] = []
      let tokens = tokenizer.tokenize(Array(piece.unicodeScalars), folded: &folded)
      result.append(contentsOf: tokens.map(\.hash))
    }
    return result
  }

  /// Expands `{a,b}` alternations (cartesian product), with runs of spaces folded to one.
  static func expand(_ entry: String) -> [String] {
    expandRaw(entry).map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
      .filter { !$0.isEmpty }
  }

  /// The expansion of one entry (for tests and tools).
  public static func expandForTesting(_ entry: String) -> [String] { expand(entry) }

  private static func expandRaw(_ entry: String) -> [String] {
    guard let open = entry.firstIndex(of: "{"), let close = entry[open...].firstIndex(of: "}") else {
      return [entry]
    }
    let head = entry[..<open]
    let tail = String(entry[entry.index(after: close)...])
    let options = entry[entry.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
    var result: [String] = []
    let rests = expandRaw(tail)
    for option in options {
      for rest in rests {
        result.append(String(head) + String(option) + rest)
      }
    }
    return result
  }

  @inline(__always)
  private static func tokenMatches(_ token: Token, _ hash: UInt64) -> Bool {
    hash == TokenHash.anyNumber ? token.kind == .number : token.hash == hash
  }

  private static func matchLength(_ phrase: Phrase, _ tokens: [Token], at start: Int, limit: Int) -> Bool {
    guard start + phrase.hashes.count <= limit else { return false }
    for (offset, hash) in phrase.hashes.enumerated() where !tokenMatches(tokens[start + offset], hash) {
      return false
    }
    return true
  }

  private static func longest(
    _ phrases: [Phrase], _ index: [UInt64: [Int]], _ numberFirst: [Int], _ tokens: [Token], at position: Int,
    limit: Int
  ) -> Int? {
    let token = tokens[position]
    if token.kind == .number {
      for candidate in numberFirst where matchLength(phrases[candidate], tokens, at: position, limit: limit) {
        return candidate
      }
    }
    guard let candidates = index[token.hash] else { return nil }
    for candidate in candidates where matchLength(phrases[candidate], tokens, at: position, limit: limit) {
      return candidate
    }
    return nil
  }

  /// All non-overlapping matches in `range` of `tokens`, longest first at each position, minus
  /// those overlapping an exception.
  public func matches(in tokens: [Token], range: Range<Int>? = nil) -> [PhraseMatch] {
    let range = range ?? 0..<tokens.count
    var result: [PhraseMatch] = []
    var position = range.lowerBound
    var exceptionEnd = range.lowerBound
    var blocked: [Range<Int>] = []
    if !exceptions.isEmpty {
      var probe = range.lowerBound
      while probe < range.upperBound {
        if let found = Self.longest(
          exceptions, exceptionIndex, exceptionNumberFirst, tokens, at: probe, limit: range.upperBound)
        {
          let end = probe + exceptions[found].hashes.count
          blocked.append(probe..<end)
          exceptionEnd = max(exceptionEnd, end)
        }
        probe += 1
      }
    }
    while position < range.upperBound {
      if let found = Self.longest(phrases, index, numberFirst, tokens, at: position, limit: range.upperBound) {
        let end = position + phrases[found].hashes.count
        let span = position..<end
        if !blocked.contains(where: { $0.overlaps(span) }) {
          result.append(PhraseMatch(tokens: span, phrase: found))
          position = end
          continue
        }
      }
      position += 1
    }
    return result
  }
}

extension StringProtocol {
  func trimmingCharacters(in set: String) -> String {
    let characters = Set(set)
    var slice = Substring(self)
    while let first = slice.first, characters.contains(first) { slice = slice.dropFirst() }
    while let last = slice.last, characters.contains(last) { slice = slice.dropLast() }
    return String(slice)
  }
}
