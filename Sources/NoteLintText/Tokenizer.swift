import NoteLintCore

public enum TokenKind: UInt8, Sendable {
  case word
  case number
  case punctuation
  /// Currency signs and `%`.
  case symbol
  /// Inline code or an image: opaque.
  case placeholder
  case url
  /// `@handle`
  case mention
  /// A paragraph break inside a block (two line breaks).
  case paragraphBreak
}

/// A token: a range of scalars in its text, its kind and the hash of its folded form.
public struct Token: Sendable, Equatable {
  public var start: Int32
  public var end: Int32
  public var hash: UInt64
  /// Which lexicons have a phrase that can start here (see `Lexicon.filterBit`); all bits set
  /// when nobody computed it: every lexicon then looks.
  public var filter: UInt64 = .max
  public var kind: TokenKind
  /// Bit 0: starts with an uppercase letter; bit 1: all letters uppercase; bit 2: preceded by a line break.
  public var flags: UInt8

  public init(start: Int32, end: Int32, kind: TokenKind, hash: UInt64, flags: UInt8) {
    self.start = start
    self.end = end
    self.hash = hash
    self.kind = kind
    self.flags = flags
  }

  public static func == (lhs: Token, rhs: Token) -> Bool {
    lhs.start == rhs.start && lhs.end == rhs.end && lhs.hash == rhs.hash && lhs.kind == rhs.kind
      && lhs.flags == rhs.flags
  }

  public var range: Range<Int> { Int(start)..<Int(end) }
  public var isCapitalized: Bool { flags & 1 != 0 }
  public var isAllCaps: Bool { flags & 2 != 0 }
  public var followsLineBreak: Bool { flags & 4 != 0 }
  public var length: Int { Int(end - start) }
}

/// Splits text into tokens in one pass over its Unicode scalars, folding as it goes.
///
/// Apostrophes: English clitics stay in the word (`we'll`, `team's`); Italian elisions split after
/// the apostrophe (`l'` + `IA`, `dell'` + `azienda`). Hyphenated words are one token. Numbers keep
/// their `,` and `.` separators (`1,2`, `1.200`, `3.5`). Abbreviations with inner dots (`e.g.`,
/// `p.es.`) and listed ones (`etc.`, `ecc.`) keep their final dot.
public struct Tokenizer: Sendable {
  package let abbreviations: TokenSet

  public init(abbreviations: TokenSet = []) {
    self.abbreviations = abbreviations
  }

  /// A tokenizer that keeps the final dot of these abbreviations (folded hashes).
  public init<S: Sequence>(abbreviations: S) where S.Element == UInt64 {
    self.abbreviations = TokenSet(abbreviations)
  }

  private static let clitics: Set<String> = ["s", "t", "ll", "re", "ve", "d", "m"]

  @inline(__always)
  public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 {
      return (value | 0x20) >= 0x61 && (value | 0x20) <= 0x7A
    }
    if value == 0xFFFC || value == 0xA0 { return false }
    // Latin-1 letters (à, è, ñ…) without a Unicode property look-up: × and ÷ are not letters.
    if value >= 0xC0 && value <= 0xFF { return value != 0xD7 && value != 0xF7 }
    return scalar.properties.isAlphabetic || Folding.isCombiningMark(value)
  }

  @inline(__always)
  package static func isUppercase(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x41 && value <= 0x5A }
    return scalar.properties.isUppercase
  }

  @inline(__always)
  package static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  @inline(__always)
  public static func isApostrophe(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return value == 0x27 || value == 0x2019 || value == 0x2018 || value == 0x02BC
  }

  @inline(__always)
  package static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value == 0x20 || value == 0x09 || value == 0x0A || value == 0x0D || value == 0xA0 {
      return true
    }
    if value < 0x80 { return false }
    return scalar.properties.isWhitespace || value == 0x200B || value == 0xFEFF
  }

  /// Tokenizes `scalars`; `folded` receives the folded text, scalar for scalar.
  public func tokenize(_ scalars: [Unicode.Scalar], folded: inout [Unicode.Scalar]) -> [Token] {
    folded = scalars.map(Folding.fold)
    return scalars.withUnsafeBufferPointer { scalars in
      folded.withUnsafeBufferPointer { folded in tokenize(scalars, folded) }
    }
  }

  /// The tokens of `scalars` (`folded` is their folded form), over raw buffers: no bounds or
  /// uniqueness checks in the per-scalar loops.
  private func tokenize(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ folded: UnsafeBufferPointer<Unicode.Scalar>)
    -> [Token]
  {
    var tokens: [Token] = []
    // About one token per four scalars in prose (words, spaces, punctuation): growing costs more.
    tokens.reserveCapacity(scalars.count / 3 + 2)
    let count = scalars.count
    var index = 0
    var newlines = 0
    var sawLineBreak = false
    // E-mail addresses need an "@": most texts have none, and their words skip that scan.
    let mayHoldEmail = scalars.contains("@")
    while index < count {
      let scalar = scalars[index]
      if Self.isSpace(scalar) {
        if scalar == "\n" {
          newlines += 1
          sawLineBreak = true
          if newlines == 2 {
            tokens.append(
              Token(
                start: Int32(index), end: Int32(index + 1), kind: .paragraphBreak, hash: 0, flags: 0
              ))
          }
        }
        index += 1
        continue
      }
      newlines = 0
      let start = index
      var kind = TokenKind.word
      if scalar.value == 0xFFFC {
        kind = .placeholder
        index += 1
      } else if let end = urlEnd(scalars, folded, at: index) {
        kind = .url
        index = end
      } else if scalar == "@", index + 1 < count,
        Self.isLetter(scalars[index + 1]) || Self.isDigit(scalars[index + 1])
      {
        kind = .mention
        index += 1
        while index < count,
          Self.isLetter(scalars[index]) || Self.isDigit(scalars[index]) || scalars[index] == "_"
            || scalars[index] == "-"
            || (scalars[index] == "." && index + 1 < count && Self.isLetter(scalars[index + 1]))
        {
          index += 1
        }
      } else if Self.isDigit(scalar) {
        kind = .number
        index = numberEnd(scalars, from: index)
      } else if Self.isLetter(scalar) {
        if mayHoldEmail, let end = emailEnd(scalars, from: index) {
          kind = .url
          index = end
        } else if let word = Self.plainASCIIWord(scalars, at: index) {
          // Most words: scanned, hashed and flagged in one pass.
          tokens.append(
            Token(
              start: Int32(start), end: Int32(word.end), kind: .word, hash: word.hash,
              flags: word.flags | (sawLineBreak ? 4 : 0)))
          sawLineBreak = false
          index = word.end
          continue
        } else {
          index = wordEnd(scalars, folded, from: index)
        }
      } else if scalar == "%" || scalar == "€" || scalar == "$" || scalar == "£" {
        kind = .symbol
        index += 1
      } else {
        kind = .punctuation
        index += 1
      }
      var hash = TokenHash.offsetBasis
      var upperCount = 0
      var letterCount = 0
      var firstUpper = false
      for position in start..<index {
        let value = folded[position].value
        if !Folding.isCombiningMark(value) { hash = TokenHash.combine(hash, value) }
        if kind == .word || kind == .number {
          let original = scalars[position]
          if Self.isLetter(original) {
            letterCount += 1
            if Self.isUppercase(original) {
              upperCount += 1
              if position == start { firstUpper = true }
            }
          }
        }
      }
      var flags: UInt8 = 0
      if firstUpper { flags |= 1 }
      if letterCount > 1 && upperCount == letterCount { flags |= 2 }
      if sawLineBreak { flags |= 4 }
      sawLineBreak = false
      tokens.append(
        Token(start: Int32(start), end: Int32(index), kind: kind, hash: hash, flags: flags))
    }
    return tokens
  }

  /// A word of ASCII letters and digits at `start` that nothing after it extends (no apostrophe,
  /// hyphen, dot or non-ASCII scalar follows): its end, folded hash and case flags, as the general
  /// path computes them. Nil when the general path is needed.
  @inline(__always)
  private static func plainASCIIWord(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, at start: Int)
    -> (end: Int, hash: UInt64, flags: UInt8)?
  {
    var index = start
    var hash = TokenHash.offsetBasis
    var letters = 0
    var uppers = 0
    while index < scalars.count {
      let value = scalars[index].value
      if value >= 0x61 && value <= 0x7A {
        letters += 1
      } else if value >= 0x41 && value <= 0x5A {
        letters += 1
        uppers += 1
        hash = TokenHash.combine(hash, value + 0x20)
        index += 1
        continue
      } else if !(value >= 0x30 && value <= 0x39) {
        break
      }
      hash = TokenHash.combine(hash, value)
      index += 1
    }
    if index < scalars.count {
      let value = scalars[index].value
      if value >= 0x80 || value == 0x27 || value == 0x2D || value == 0x2E { return nil }
    }
    var flags: UInt8 = 0
    if scalars[start].value <= 0x5A { flags |= 1 }
    if letters > 1 && uppers == letters { flags |= 2 }
    return (index, hash, flags)
  }

  /// End of an e-mail address starting at `start` (`mario.rossi@azienda.it`), if one starts there.
  private func emailEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int? {
    let count = scalars.count
    var index = start
    let limit = min(count, start + 64)
    while index < limit {
      let scalar = scalars[index]
      guard
        Self.isLetter(scalar) || Self.isDigit(scalar) || scalar == "." || scalar == "_"
          || scalar == "-" || scalar == "+"
      else { break }
      index += 1
    }
    guard index < count, index > start, scalars[index] == "@", scalars[index - 1] != ".",
      index + 1 < count,
      Self.isLetter(scalars[index + 1]) || Self.isDigit(scalars[index + 1])
    else { return nil }
    index += 1
    while index < count, !Self.isSpace(scalars[index]), scalars[index] != ")",
      scalars[index] != ">",
      scalars[index] != ",", scalars[index] != ";", scalars[index] != "]"
    {
      index += 1
    }
    while index > start, ".:!?".unicodeScalars.contains(scalars[index - 1]) { index -= 1 }
    return index
  }

  private func numberEnd(_ scalars: UnsafeBufferPointer<Unicode.Scalar>, from start: Int) -> Int {
    let count = scalars.count
    var index = start
    while index < count {
      if Self.isDigit(scalars[index]) {
        index += 1
      } else if scalars[index] == "." || scalars[index] == ",", index + 1 < count,
        Self.isDigit(scalars[index + 1])
      {
        index += 1
      } else {
        break
      }
    }
    // Units and ordinals glued to the number: 10k, 48h, 4th, 2x.
    var suffix = index
    while suffix < count, Self.isLetter(scalars[suffix]) { suffix += 1 }
    if suffix - index > 0, suffix - index <= 2 { index = suffix }
    return index
  }

  private func wordEnd(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ folded: UnsafeBufferPointer<Unicode.Scalar>, from start: Int
  )
    -> Int
  {
    let count = scalars.count
    var index = start
    while index < count {
      let scalar = scalars[index]
      if Self.isLetter(scalar) || Self.isDigit(scalar) {
        index += 1
        continue
      }
      if Self.isApostrophe(scalar), index + 1 < count, Self.isLetter(scalars[index + 1]) {
        // English clitic stays in the word; otherwise an elision ends the token after the apostrophe.
        var end = index + 1
        while end < count, Self.isLetter(scalars[end]) { end += 1 }
        let tail = String(scalars: folded[(index + 1)..<end])
        if Self.clitics.contains(tail) {
          index = end
          continue
        }
        return index + 1
      }
      if scalar == "-" || scalar == "\u{2011}", index + 1 < count,
        Self.isLetter(scalars[index + 1]) || Self.isDigit(scalars[index + 1])
      {
        index += 1
        continue
      }
      if scalar == ".", index + 1 < count {
        // Dotted abbreviations: e.g., i.e., p.es., U.S.
        var probe = index
        var segments = 0
        while probe + 1 < count, scalars[probe] == ".", Self.isLetter(scalars[probe + 1]) {
          var segmentEnd = probe + 1
          while segmentEnd < count, Self.isLetter(scalars[segmentEnd]) { segmentEnd += 1 }
          guard segmentEnd - probe - 1 <= 3, segmentEnd < count, scalars[segmentEnd] == "." else {
            break
          }
          probe = segmentEnd
          segments += 1
        }
        if segments > 0, index - start <= 3 {
          return probe + 1
        }
      }
      break
    }
    // A listed abbreviation keeps its final dot (etc., ecc., dott.).
    if index < count, scalars[index] == "." {
      var hash = TokenHash.offsetBasis
      for position in start...index {
        let value = folded[position].value
        if !Folding.isCombiningMark(value) { hash = TokenHash.combine(hash, value) }
      }
      if abbreviations.contains(hash) { return index + 1 }
    }
    return index
  }

  private static let schemes: [[Unicode.Scalar]] = [
    "https://", "http://", "ftp://", "mailto:", "www.", "file://",
  ]
  .map { Array($0.unicodeScalars) }

  /// End of a URL starting at `index`, if one starts there.
  private func urlEnd(
    _ scalars: UnsafeBufferPointer<Unicode.Scalar>, _ folded: UnsafeBufferPointer<Unicode.Scalar>, at index: Int
  )
    -> Int?
  {
    let first = folded[index]
    guard first == "h" || first == "f" || first == "m" || first == "w" else { return nil }
    // The second letter of every scheme: most words with those initials stop here.
    guard index + 1 < folded.count else { return nil }
    let second = folded[index + 1]
    guard second == "t" || second == "i" || second == "a" || second == "w" else { return nil }
    var matched = false
    for scheme in Self.schemes where index + scheme.count < folded.count {
      var equal = true
      for (offset, expected) in scheme.enumerated() where folded[index + offset] != expected {
        equal = false
        break
      }
      if equal {
        matched = true
        break
      }
    }
    guard matched else { return nil }
    var end = index
    var depth = 0
    while end < scalars.count, !Self.isSpace(scalars[end]) {
      let scalar = scalars[end]
      if scalar == "(" { depth += 1 }
      if scalar == ")" {
        if depth == 0 { break }
        depth -= 1
      }
      if scalar == ">" || scalar == "\"" || scalar == "»" || scalar == "]" { break }
      end += 1
    }
    while end > index,
      let last = scalars[end - 1].properties.isAlphabetic ? nil : Optional(scalars[end - 1]),
      ".,;:!?".unicodeScalars.contains(last)
    {
      end -= 1
    }
    return end
  }
}
