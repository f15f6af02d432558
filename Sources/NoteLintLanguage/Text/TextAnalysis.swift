import NoteLintCore
import NoteLintText

/// One block's text, tokenized and split into sentences once, shared by every rule.
///
/// A class: rules and the detectors take a block's analysis many times over, and a copy of a
/// struct of arrays retained and released each of them.
public final class TextAnalysis: Sendable {
  public let text: MappedText
  public let tokens: [Token]
  public let folded: [Unicode.Scalar]
  /// Token index ranges, one per sentence.
  public let sentences: [Range<Int>]
  /// For each token, the index of its sentence.
  public let sentenceOfToken: [Int32]

  public init(text: MappedText, tokenizer: Tokenizer) {
    self.text = text
    var folded: [Unicode.Scalar] = []
    var tokens = tokenizer.tokenize(text.scalars, folded: &folded)
    if let filter = LanguageResources.tokenFilter {
      tokens.withUnsafeMutableBufferPointer { tokens in
        for index in tokens.indices {
          let token = tokens[index]
          tokens[index].filter = filter.words[token.hash] | (token.kind == .number ? filter.numbers : 0)
        }
      }
    }
    self.tokens = tokens
    self.folded = folded
    var sentences: [Range<Int>] = []
    sentences.reserveCapacity(tokens.count / 12 + 1)
    // Filled in token order, one entry a token (appending costs less than a zeroed array).
    var sentenceOfToken: [Int32] = []
    sentenceOfToken.reserveCapacity(tokens.count)
    var start = 0
    var index = 0
    let scalars = text.scalars
    while index < tokens.count {
      let token = tokens[index]
      if token.kind == .paragraphBreak {
        // A paragraph break ends the sentence without being part of it.
        if index > start { sentences.append(start..<index) }
        sentenceOfToken.append(Int32(max(0, sentences.count - 1)))
        start = index + 1
        index += 1
        continue
      }
      var ends = false
      if token.kind == .punctuation, token.length == 1 {
        let scalar = scalars[Int(token.start)]
        if scalar == "." || scalar == "!" || scalar == "?" || scalar == "…" {
          // Several closing marks written together ("?!", "...", ".»") end one sentence.
          while index + 1 < tokens.count, tokens[index + 1].kind == .punctuation,
            tokens[index + 1].length == 1,
            tokens[index + 1].start == tokens[index].end,
            ".!?…\"”»)'’".unicodeScalars.contains(scalars[Int(tokens[index + 1].start)])
          {
            sentenceOfToken.append(Int32(sentences.count))
            index += 1
          }
          // A dot with a letter or digit right after it (example.com, v2.0) is not a full stop.
          let after = Int(tokens[index].end)
          ends = !(scalar == "." && after < scalars.count && Self.isLetterOrDigit(scalars[after]))
        }
      }
      sentenceOfToken.append(Int32(sentences.count))
      if ends {
        if index + 1 > start { sentences.append(start..<(index + 1)) }
        start = index + 1
      }
      index += 1
    }
    if start < tokens.count { sentences.append(start..<tokens.count) }
    self.sentences = sentences
    self.sentenceOfToken = sentenceOfToken
  }

  private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
    Tokenizer.isLetter(scalar) || Tokenizer.isDigit(scalar)
  }

  /// The folded text of a token (allocates: for rare uses, not the inner loop).
  public func foldedString(_ token: Token) -> String {
    String(scalars: folded[token.range])
  }

  /// Whether a token's folded text ends with `suffix` (compared scalar by scalar, no allocation).
  public func foldedHasSuffix(_ token: Token, _ suffix: String) -> Bool {
    Self.hasSuffix(folded, token, suffix)
  }

  /// Whether a token's folded text starts with `prefix`.
  public func foldedHasPrefix(_ token: Token, _ prefix: String) -> Bool {
    var position = Int(token.start)
    for scalar in prefix.unicodeScalars {
      if position >= Int(token.end) || folded[position] != scalar { return false }
      position += 1
    }
    return true
  }

  /// Whether a token's original text ends with `suffix`, exactly (case and accents count).
  public func originalHasSuffix(_ token: Token, _ suffix: String) -> Bool {
    Self.hasSuffix(text.scalars, token, suffix)
  }

  /// Whether `scalars[token.range]` ends with `suffix`.
  private static func hasSuffix(_ scalars: [Unicode.Scalar], _ token: Token, _ suffix: String) -> Bool {
    var position = Int(token.end)
    for scalar in suffix.unicodeScalars.reversed() {
      position -= 1
      if position < Int(token.start) || scalars[position] != scalar { return false }
    }
    return true
  }

  /// Whether a token's folded text ends with `suffix`, given as scalars (for inner loops: walking
  /// a String's scalars costs more than the comparison).
  public func foldedHasSuffix(_ token: Token, _ suffix: [Unicode.Scalar]) -> Bool {
    let start = Int(token.end) - suffix.count
    guard start >= Int(token.start) else { return false }
    return folded[start..<Int(token.end)].elementsEqual(suffix)
  }

  public func originalString(_ token: Token) -> String {
    text.string(token.range)
  }

  /// The sentence that contains the token.
  public func sentence(containing tokenIndex: Int) -> Range<Int> {
    guard tokenIndex < sentenceOfToken.count else { return tokens.count..<tokens.count }
    let number = Int(sentenceOfToken[tokenIndex])
    return number < sentences.count ? sentences[number] : tokenIndex..<(tokenIndex + 1)
  }

  /// Whether a sentence ends with a question mark.
  public func isQuestion(_ sentence: Range<Int>) -> Bool {
    var index = sentence.upperBound - 1
    while index >= sentence.lowerBound {
      let token = tokens[index]
      if token.kind == .punctuation {
        let scalar = text.scalars[Int(token.start)]
        if scalar == "?" { return true }
        if scalar == "." || scalar == "!" { return false }
        index -= 1
        continue
      }
      return false
    }
    return false
  }

  /// Whether a range of tokens holds a number, a percentage or an amount.
  public func hasNumber(_ range: Range<Int>) -> Bool {
    for index in range where tokens[index].kind == .number { return true }
    return false
  }

  /// Scalar range covered by a range of tokens.
  public func scalarRange(_ range: Range<Int>) -> Range<Int> {
    guard !range.isEmpty else { return 0..<0 }
    return Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end)
  }
}
