import NoteLintText

/// A lexical unit of folded text for the date parser: a run of letters, a run of ASCII digits,
/// or one other (non-space) scalar. Letter and digit runs are split from each other, so `w49`,
/// `4th` and `1q27` are several tokens, marked `glued` when nothing separates them.
struct DateToken: Sendable {
  enum Kind: Equatable, Sendable {
    case word
    case number
    case punct
  }

  var kind: Kind
  /// Offsets into the scalar array.
  var start: Int
  var end: Int
  /// No whitespace between this token and the previous one.
  var glued: Bool
  /// The word, for words in the date vocabulary (nil for other words, very long words included,
  /// and for numbers and punctuation).
  var word: DateWord?
  /// Numeric value for numbers (saturates at 999_999_999).
  var value: Int
  /// The scalar for punctuation.
  var scalar: Unicode.Scalar

  /// Number of scalars (the digit count, for numbers).
  var length: Int { end - start }
}

enum DateTokenizer: Sendable {
  /// Words longer than this are never keywords, so they are not looked up.
  static let maxWordLength = 20

  static func tokenize(_ text: [Unicode.Scalar], vocabulary: DateVocabulary = .shared) -> [DateToken] {
    var tokens: [DateToken] = []
    tokens.reserveCapacity(text.count / 3 + 1)
    var index = 0
    var previousEnd = -1
    while index < text.count {
      let scalar = text[index]
      if isSpace(scalar) {
        index += 1
        continue
      }
      let start = index
      let glued = previousEnd == start
      if isDigit(scalar) {
        var value = 0
        while index < text.count, isDigit(text[index]) {
          if value < 100_000_000 {
            value = value * 10 + Int(text[index].value - 0x30)
          } else {
            value = 999_999_999
          }
          index += 1
        }
        tokens.append(
          DateToken(
            kind: .number, start: start, end: index, glued: glued, word: nil, value: value,
            scalar: scalar))
      } else if isLetter(scalar) {
        // One FNV-1a pass over the letters; no string is built.
        var hash = DateVocabulary.offsetBasis
        while index < text.count, isLetter(text[index]) {
          hash = DateVocabulary.combine(hash, text[index])
          index += 1
        }
        let word =
          index - start <= maxWordLength
          ? vocabulary.word(hash: hash, in: text, from: start, to: index) : nil
        tokens.append(
          DateToken(
            kind: .word, start: start, end: index, glued: glued, word: word, value: 0, scalar: scalar))
      } else {
        index += 1
        tokens.append(
          DateToken(
            kind: .punct, start: start, end: index, glued: glued, word: nil, value: 0, scalar: scalar
          ))
      }
      previousEnd = index
    }
    return tokens
  }

  @inline(__always)
  static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x30 && scalar.value <= 0x39
  }

  @inline(__always)
  static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value >= 0x61 && value <= 0x7A || value >= 0x41 && value <= 0x5A }
    return scalar.properties.isAlphabetic
  }

  @inline(__always)
  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
    return scalar.properties.isWhitespace
  }
}
