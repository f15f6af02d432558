import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// The speaker turns of a document: minutes written as `**Ana:** …`, `Ana: …`, `<ana> …` or scribe
/// HTML (`<cite>ana:</cite> …`, continuation lines `… text`). A block that opens with a speaker's
/// label belongs to that speaker; a continuation (`…`) right after a turn keeps its speaker.
///
/// A label is a speaker when it is a known first name, a name of the roster, or the same label
/// opens at least two blocks of the document (minutes repeat their speakers; a field label such as
/// "Date:" or "Esito:" appears once, and the field lexicons exclude the usual ones).
public struct Transcript: Sendable {
  public struct Turn: Sendable, Equatable {
    /// The speaker as written.
    public var speaker: String
    /// The tokens of the label (name and colon, or `<name>`); empty for a continuation.
    public var label: Range<Int>
  }

  /// The turn each block belongs to, by block index.
  public let turns: [Int: Turn]
  /// How many blocks open with a speaker's label.
  public let turnCount: Int

  public var isTranscript: Bool { turnCount >= 4 }

  init(document: Document, blocks: [TextAnalysis], roster: TokenSet, fieldLabels: [Lexicon]) {
    var candidates: [(block: Int, speaker: String, key: UInt64, label: Range<Int>, known: Bool)] = []
    var counts: [UInt64: Int] = [:]
    for index in document.blocks.indices {
      switch document.blocks[index].kind {
      case .paragraph, .listItem: break
      default: continue
      }
      let text = blocks[index]
      guard let label = Self.label(text) else { continue }
      let words = label.words
      // A field label of the lexicons ("Owner:", "Data:", "Action:") is not a speaker.
      if fieldLabels.contains(where: {
        $0.firstMatch(in: text.tokens, at: words.lowerBound, limit: label.whole.upperBound) != nil
      }) {
        continue
      }
      let first = text.tokens[words.lowerBound]
      // An all-caps label is a field ("TO-DO:", "NOTE:"), not a speaker.
      if first.isAllCaps, first.length > 1 { continue }
      let key = words.reduce(into: UInt64(0)) { $0 = $0 &* 31 &+ text.tokens[$1].hash }
      let known =
        first.kind == .mention || LanguageResources.firstNames.contains(first.hash) || roster.contains(first.hash)
      counts[key, default: 0] += 1
      let speaker = text.text.string(text.scalarRange(words))
      candidates.append((index, speaker, key, label.whole, known))
    }
    var turns: [Int: Turn] = [:]
    var opened = 0
    var last: (block: Int, turn: Turn)?
    var byBlock: [Int: (speaker: String, label: Range<Int>)] = [:]
    for candidate in candidates where candidate.known || counts[candidate.key, default: 0] >= 2 {
      byBlock[candidate.block] = (candidate.speaker, candidate.label)
    }
    for index in document.blocks.indices {
      if let found = byBlock[index] {
        let turn = Turn(speaker: found.speaker, label: found.label)
        turns[index] = turn
        opened += 1
        last = (index, turn)
        continue
      }
      // "… more text" continues the turn before it; so does a nested item of a turn.
      guard let previous = last else { continue }
      let text = blocks[index]
      let isContinuation =
        text.tokens.first.map { text.text.scalars[Int($0.start)] == "…" } ?? false
        || document.blocks[index].list?.parent.map { turns[$0] != nil } ?? false
      if isContinuation, index - previous.block <= 3 {
        turns[index] = Turn(speaker: previous.turn.speaker, label: 0..<0)
        last = (index, previous.turn)
      } else {
        last = nil
      }
    }
    self.turns = turns
    self.turnCount = opened
  }

  /// The label at the start of a block: one to three words (or a handle) and a colon, or `<name>`.
  /// `words`: the name's tokens; `whole`: the label with its punctuation.
  static func label(_ text: TextAnalysis) -> (words: Range<Int>, whole: Range<Int>)? {
    let tokens = text.tokens
    var position = 0
    while position < tokens.count, tokens[position].kind == .placeholder { position += 1 }
    guard position < tokens.count else { return nil }
    let scalars = text.text.scalars
    func scalar(_ index: Int) -> Unicode.Scalar? {
      index < tokens.count && tokens[index].kind == .punctuation ? scalars[Int(tokens[index].start)] : nil
    }
    // "<ana> text" (IRC)
    if scalar(position) == "<", position + 2 < tokens.count, tokens[position + 1].kind == .word,
      scalar(position + 2) == ">"
    {
      return ((position + 1)..<(position + 2), position..<(position + 3))
    }
    let start = position
    while position < tokens.count, position - start < 3,
      tokens[position].kind == .word || tokens[position].kind == .mention
    {
      position += 1
    }
    guard position > start, scalar(position) == ":", position + 1 < tokens.count else { return nil }
    // Names are capitalised or handles: "ivan", "Ana", "Ana Rossi", "@ana"; never a long phrase.
    let first = tokens[start]
    if first.kind == .word {
      let folded = text.folded[first.range]
      guard folded.allSatisfy({ Tokenizer.isLetter($0) || Tokenizer.isDigit($0) || $0 == "_" || $0 == "-" }) else {
        return nil
      }
      if position - start > 1, !(start..<position).allSatisfy({ tokens[$0].isCapitalized }) { return nil }
    }
    return (start..<position, start..<(position + 1))
  }
}
