import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// Shared judgements of the governance rules: placeholders, owners, dates and terms in pact fields.
struct GovernanceSupport {
  let context: LintContext

  init(_ context: LintContext) {
    self.context = context
  }

  var analysis: DocumentAnalysis { context.analysis }
  var pact: Pact { analysis.pact }
  var isPact: Bool { analysis.kind == .pact }

  /// The lexicon of both languages (notes quote the other language).
  func lexicons(_ name: String) -> [Lexicon] {
    Language.allCases.map { LanguageResources.shared($0).lexicon(name) }
  }

  func matches(_ name: String, _ span: TextSpan) -> [PhraseMatch] {
    lexicons(name).flatMap { analysis.matches($0, block: span.block, range: span.tokens) }
  }

  func contains(_ name: String, _ spans: [TextSpan]) -> Bool {
    spans.contains { !matches(name, $0).isEmpty }
  }

  func text(_ span: TextSpan) -> String {
    let text = analysis.blocks[span.block]
    return text.text.string(text.scalarRange(span.tokens))
  }

  func text(_ field: PactField) -> String {
    field.entries.map(text).joined(separator: " ")
  }

  /// A field with no value, or only a placeholder ("TBD", "da definire", "?").
  func isEmptyOrPlaceholder(_ field: PactField) -> Bool {
    for span in field.entries {
      let tokens = analysis.blocks[span.block].tokens
      var covered = Set<Int>()
      for name in ["placeholder", "vague-time"] {
        for match in matches(name, span) { covered.formUnion(match.tokens) }
      }
      for position in span.tokens where !covered.contains(position) {
        let kind = tokens[position].kind
        if kind == .word || kind == .number || kind == .mention || kind == .url || kind == .placeholder { return false }
      }
    }
    return true
  }

  /// Whether a span names a person or a single role as owner.
  func namesPerson(_ span: TextSpan) -> Bool {
    analysis.ownerProbe.namesPerson(analysis.blocks[span.block], block: span.block, range: span.tokens)
  }

  func dates(_ span: TextSpan) -> [DateExpression] {
    analysis.pactReader.dates(in: span, reference: analysis.dateContext.reference)
  }

  func hasNumber(_ span: TextSpan) -> Bool {
    analysis.blocks[span.block].tokens[span.tokens].contains { $0.kind == .number }
  }

  /// Money or a business figure: € / $ / £ or a business term.
  func isBusiness(_ spans: [TextSpan]) -> Bool {
    for span in spans {
      let text = analysis.blocks[span.block]
      for position in span.tokens where text.tokens[position].kind == .symbol {
        let scalar = text.text.scalars[Int(text.tokens[position].start)]
        if scalar == "€" || scalar == "$" || scalar == "£" { return true }
      }
    }
    return contains("business-terms", spans)
  }

  /// Splits a span at `·`, `;`, `|`, `•` (several phase owners in one table cell).
  func pieces(_ span: TextSpan) -> [TextSpan] {
    let text = analysis.blocks[span.block]
    var result: [TextSpan] = []
    var start = span.tokens.lowerBound
    for position in span.tokens where text.tokens[position].kind == .punctuation {
      let scalar = text.text.scalars[Int(text.tokens[position].start)]
      if "·;|•".unicodeScalars.contains(scalar) {
        if position > start { result.append(TextSpan(block: span.block, tokens: start..<position, line: span.line)) }
        start = position + 1
      }
    }
    if start < span.tokens.upperBound {
      result.append(TextSpan(block: span.block, tokens: start..<span.tokens.upperBound, line: span.line))
    }
    return result
  }

  /// The part of a piece after its label ("Data: Tomasz" → "Tomasz"; "dati — Paolo" → "Paolo").
  func valueAfterLabel(_ span: TextSpan) -> TextSpan {
    let text = analysis.blocks[span.block]
    for position in span.tokens where text.tokens[position].kind == .punctuation {
      let scalar = text.text.scalars[Int(text.tokens[position].start)]
      if ":—–".unicodeScalars.contains(scalar) || (scalar == "-" && position > span.tokens.lowerBound) {
        return TextSpan(block: span.block, tokens: (position + 1)..<span.tokens.upperBound, line: span.line)
      }
    }
    return span
  }

  /// Checkpoint entries of a kind: the dedicated fields, and the items of a "Checkpoints" section
  /// that start with its name ("Technical, 2 Dec — …", "Tecnico: …").
  func checkpointEntries(_ kind: PactFieldKind) -> [(line: Int, spans: [TextSpan])] {
    var result: [(line: Int, spans: [TextSpan])] = []
    for field in pact.fields(kind) {
      result.append((field.line, field.entries + (field.label.map { [$0] } ?? [])))
    }
    let reader = analysis.pactReader
    for container in pact.fields(.checkpoints) {
      for entry in container.entries {
        let text = analysis.blocks[entry.block]
        if let found = reader.label(in: text, range: entry.tokens) {
          if found.kind == kind { result.append((entry.line, [entry])) }
        } else if let cues = PactExtractor.checkpointCues[kind],
          // The item's first line, not the continuation of a named one.
          !text.tokens[..<entry.tokens.lowerBound].contains(where: { $0.kind == .word || $0.kind == .number }),
          !cues.matches(in: text.tokens, range: entry.tokens).isEmpty
        {
          // Named by what it asks ("does the model hold?", "il valore giustifica il rilascio?").
          result.append((entry.line, [entry]))
        }
      }
    }
    return result
  }

  /// A finding over a span of text (a phase, a trigger, a checkpoint entry).
  func finding(_ description: RuleDescription, span: TextSpan, message: Localized, suggestion: Localized) -> Finding {
    let text = analysis.blocks[span.block]
    var range = text.scalarRange(span.tokens)
    if range.isEmpty { range = 0..<max(1, text.text.count) }
    return context.finding(
      description, block: span.block, range: range, message: message, suggestion: suggestion,
      excerpt: Excerpt.make(text.text.string(range)))
  }

  func finding(_ description: RuleDescription, line: Int, message: Localized, suggestion: Localized) -> Finding {
    context.finding(description, line: line, message: message, suggestion: suggestion)
  }
}
