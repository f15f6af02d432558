import NoteLintCore

/// Maps text that a parser decoded (entities, backslash escapes) back onto the source scalars it
/// came from, so every scalar of a block's text knows its line and column.
struct SourceAligner {
  let source: SourceFile
  /// Whether a backslash escapes the ASCII punctuation after it (Markdown, not HTML).
  let backslashEscapes: Bool
  private var lineIndex = 0
  /// Scalars that searches may still look at: a failed search costs its whole window, so a document
  /// full of text that cannot be found must not make parsing quadratic.
  private(set) var searchBudget: Int

  /// How far `find` looks ahead, and how many scalars of a literal it compares: keeps every search
  /// bounded, so parsing stays linear in the size of the input.
  static let searchWindow = 4096
  static let matchPrefix = 16

  init(source: SourceFile, backslashEscapes: Bool) {
    self.source = source
    self.backslashEscapes = backslashEscapes
    self.searchBudget = 64 * source.scalars.count + 65536
  }

  /// Takes `cost` from the search budget; false once it is spent.
  mutating func spend(_ cost: Int) -> Bool {
    guard searchBudget >= cost else {
      searchBudget = 0
      return false
    }
    searchBudget -= cost
    return true
  }

  /// The position of a scalar offset; fast when offsets mostly grow.
  mutating func position(of offset: Int) -> SourcePosition {
    let starts = source.lineStarts
    if lineIndex >= starts.count || starts[lineIndex] > offset {
      lineIndex = 0
      var low = 0
      var high = starts.count - 1
      while low < high {
        let mid = (low + high + 1) / 2
        if starts[mid] <= offset { low = mid } else { high = mid - 1 }
      }
      lineIndex = low
    }
    while lineIndex + 1 < starts.count, starts[lineIndex + 1] <= offset {
      lineIndex += 1
    }
    var column = offset - starts[lineIndex] + 1
    // The LF of a CRLF is part of the line ending that starts at its CR.
    let scalars = source.scalars
    if offset > starts[lineIndex], offset < scalars.count, scalars[offset] == "\n", scalars[offset - 1] == "\r" {
      column -= 1
    }
    return SourcePosition(line: lineIndex + 1, column: column)
  }

  /// Length of an HTML character reference (`&egrave;`, `&#232;`, `&#xE8;`) at `offset`, or 0.
  func entityLength(at offset: Int) -> Int {
    let scalars = source.scalars
    guard offset < scalars.count, scalars[offset] == "&" else { return 0 }
    var index = offset + 1
    let limit = min(scalars.count, offset + 34)
    while index < limit {
      let value = scalars[index].value
      if value == 0x3B { return index > offset + 1 ? index - offset + 1 : 0 }
      let isAlnum =
        (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
      if !(isAlnum || value == 0x23) { return 0 }
      index += 1
    }
    return 0
  }

  private func isAmpersandEntity(at offset: Int, length: Int) -> Bool {
    let text = String(scalars: source.scalars[offset..<offset + length])
      .lowercased()
    return text == "&amp;" || text == "&#38;" || text == "&#x26;"
  }

  @inline(__always)
  static func isASCIIPunctuation(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    return (value >= 0x21 && value <= 0x2F) || (value >= 0x3A && value <= 0x40)
      || (value >= 0x5B && value <= 0x60)
      || (value >= 0x7B && value <= 0x7E)
  }

  /// Scalars whose place in the source needs `step` (a reference, an escape, a line ending).
  @inline(__always)
  private static func needsStep(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "&" || scalar == "\\" || scalar == "\n" || scalar == "\r"
  }

  @inline(__always)
  private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "\n" || scalar == "\r"
  }

  /// How many source scalars `scalar` of a decoded literal takes at `index`, or 0 when it does not
  /// stand there: itself, a character reference, a backslash escape, or a line ending for `\n`.
  private func step(_ scalar: Unicode.Scalar, at index: Int, limit: Int) -> Int {
    let scalars = source.scalars
    guard index < limit else { return 0 }
    let current = scalars[index]
    if current == "&" {
      let length = entityLength(at: index)
      if length > 0, scalar != "&" || isAmpersandEntity(at: index, length: length) { return length }
    }
    if backslashEscapes, current == "\\", index + 1 < limit, scalars[index + 1] == scalar,
      Self.isASCIIPunctuation(scalar)
    {
      return 2
    }
    if current == scalar { return 1 }
    if scalar == "\n", current == "\r" {
      return index + 1 < limit && scalars[index + 1] == "\n" ? 2 : 1
    }
    return 0
  }

  /// Whether the first scalars of `literal` stand in the source at `offset`.
  func matches<C: Collection<Unicode.Scalar>>(_ literal: C, at offset: Int, limit: Int) -> Bool {
    var index = offset
    var afterEntity = false
    let scalars = source.scalars
    for scalar in literal.prefix(Self.matchPrefix) {
      if index < limit, scalars[index] == scalar, !Self.needsStep(scalar) {
        // The scalar as it is (what `step` finds for it, without its checks).
        afterEntity = false
        index += 1
        continue
      }
      let length = step(scalar, at: index, limit: limit)
      if length > 0 {
        afterEntity = length > 2 && source.scalars[index] == "&"
        index += length
        continue
      }
      if afterEntity {
        // The second scalar of a reference that decodes to two (`&NotEqualTilde;`).
        afterEntity = false
        continue
      }
      guard index < limit else { return false }
      let current = source.scalars[index]
      if scalar.isWhitespaceFast, current.isWhitespaceFast,
        !Self.isLineBreak(current),
        !Self.isLineBreak(scalar)
      {
        index += 1
        continue
      }
      return false
    }
    return true
  }

  /// The first offset at or after `offset` (and before `limit`, within the search window) where
  /// `literal` stands in the source.
  mutating func find<C: Collection<Unicode.Scalar>>(_ literal: C, from offset: Int, limit: Int) -> Int? {
    guard let first = literal.first else { return nil }
    let scalars = source.scalars
    var index = max(0, offset)
    let end = min(limit, scalars.count, index + Self.searchWindow, index + searchBudget)
    var cost = 0
    defer { searchBudget = max(0, searchBudget - cost) }
    let firstIsSpace = first.isWhitespaceFast
    while index < end {
      cost += 1
      let current = scalars[index]
      if current == first || current == "&" || current == "\\" || current == "\r"
        || (firstIsSpace && current.isWhitespaceFast)
      {
        cost += Self.matchPrefix
        guard cost <= searchBudget else { return nil }
        if matches(literal, at: index, limit: limit) { return index }
      }
      index += 1
    }
    return nil
  }

  /// The first offset at or after `offset` (before `limit`, within the search window) holding `scalar`.
  func find(scalar: Unicode.Scalar, from offset: Int, limit: Int) -> Int? {
    let scalars = source.scalars
    let end = min(limit, scalars.count, offset + Self.searchWindow)
    var index = max(0, offset)
    while index < end {
      if scalars[index] == scalar { return index }
      index += 1
    }
    return nil
  }

  /// Appends `literal` to `text`, aligning it with the source from `offset` (exclusive `limit`).
  /// Returns the source offset just after the aligned text.
  @discardableResult
  mutating func append(
    _ literal: ArraySlice<Unicode.Scalar>, from offset: Int, limit: Int, into text: inout MappedText
  ) -> Int {
    let scalars = source.scalars
    let limit = min(limit, scalars.count)
    var index = offset
    var entityStart: Int?
    var cursor = literal.startIndex
    while cursor != literal.endIndex {
      let scalar = literal[cursor]
      if index < limit, scalars[index] == scalar, !Self.needsStep(scalar) {
        // A run that stands in the source as it is, on one line: one position for all of it.
        let position = position(of: index)
        let run = scalars.withUnsafeBufferPointer { source in
          literal.withUnsafeBufferPointer { decoded in
            var length = 1
            let most = min(decoded.count - (cursor - literal.startIndex), limit - index)
            let from = cursor - literal.startIndex
            while length < most, source[index + length] == decoded[from + length],
              !Self.needsStep(decoded[from + length])
            {
              length += 1
            }
            return length
          }
        }
        let end = cursor + run
        index += run
        text.append(contentsOf: literal[cursor..<end], at: position)
        entityStart = nil
        cursor = end
        continue
      }
      cursor = literal.index(after: cursor)
      if index < limit {
        let length = step(scalar, at: index, limit: limit)
        if length > 0 {
          let escaped = length == 2 && scalars[index] == "\\"
          entityStart = length > 2 && scalars[index] == "&" ? index : nil
          text.append(scalar, at: position(of: escaped ? index + 1 : index))
          index += length
          continue
        }
        if let start = entityStart {
          // The second scalar of a reference that decodes to two: it sits where the reference is.
          entityStart = nil
          text.append(scalar, at: position(of: start))
          continue
        }
        let current = scalars[index]
        if scalar.isWhitespaceFast, current.isWhitespaceFast,
          !Self.isLineBreak(current)
        {
          text.append(scalar, at: position(of: index))
          index += 1
          continue
        }
        if !scalar.isWhitespaceFast {
          // Resynchronise: the next occurrence of this scalar close by on the same line (the source
          // may hold markup or a container prefix that the literal does not).
          var probe = index
          if Self.isLineBreak(scalars[probe]) {
            // The literal left out a line ending: look on the next line.
            probe +=
              scalars[probe] == "\r" && probe + 1 < limit && scalars[probe + 1] == "\n" ? 2 : 1
          }
          let probeLimit = min(limit, probe + 48)
          while probe < probeLimit, scalars[probe] != scalar, !Self.isLineBreak(scalars[probe]) {
            probe += 1
          }
          if probe < probeLimit, scalars[probe] == scalar {
            text.append(scalar, at: position(of: probe))
            index = probe + 1
            continue
          }
        } else if Self.isLineBreak(scalar) {
          // The source has more on this line than the literal: move to the line ending.
          var probe = index
          let probeLimit = min(limit, index + 48)
          while probe < probeLimit, !Self.isLineBreak(scalars[probe]) { probe += 1 }
          if probe < probeLimit {
            text.append(scalar, at: position(of: probe))
            index =
              probe
              + (scalars[probe] == "\r" && probe + 1 < limit && scalars[probe + 1] == "\n" ? 2 : 1)
            continue
          }
        }
      }
      text.append(scalar, at: position(of: min(index, scalars.count)))
    }
    return index
  }
}
