import NoteLintCore

/// Maps text that a parser decoded (entities, backslash escapes) back onto the source scalars it
/// came from, so every scalar of a block's text knows its line and column.
struct SourceAligner {
  let source: SourceFile
  private var lineIndex = 0

  init(source: SourceFile) {
    self.source = source
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
    return SourcePosition(line: lineIndex + 1, column: offset - starts[lineIndex] + 1)
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
      let isAlnum = (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
      if !(isAlnum || value == 0x23) { return 0 }
      index += 1
    }
    return 0
  }

  private func isAmpersandEntity(at offset: Int, length: Int) -> Bool {
    let text = String(String.UnicodeScalarView(source.scalars[offset..<offset + length])).lowercased()
    return text == "&amp;" || text == "&#38;" || text == "&#x26;"
  }

  /// Appends `literal` to `text`, aligning it with the source from `offset` (exclusive `limit`).
  /// Returns the source offset just after the aligned text.
  @discardableResult
  mutating func append<C: Collection<Unicode.Scalar>>(
    _ literal: C, from offset: Int, limit: Int, into text: inout MappedText
  ) -> Int {
    let scalars = source.scalars
    var index = offset
    for scalar in literal {
      if index < limit {
        let current = scalars[index]
        if current == "&" {
          let length = entityLength(at: index)
          if length > 0, scalar != "&" || isAmpersandEntity(at: index, length: length) {
            text.append(scalar, at: position(of: index))
            index += length
            continue
          }
        }
        if current == scalar {
          text.append(scalar, at: position(of: index))
          index += 1
          continue
        }
        if current == "\\", index + 1 < limit, scalars[index + 1] == scalar {
          text.append(scalar, at: position(of: index + 1))
          index += 2
          continue
        }
        if scalar.properties.isWhitespace, current.properties.isWhitespace {
          text.append(scalar, at: position(of: index))
          index += 1
          continue
        }
        if !scalar.properties.isWhitespace {
          // Resynchronise: the next occurrence of this scalar close by on the same line.
          var probe = index + 1
          let probeLimit = min(limit, index + 48)
          while probe < probeLimit, scalars[probe] != scalar, scalars[probe] != "\n" {
            probe += 1
          }
          if probe < probeLimit, scalars[probe] == scalar {
            text.append(scalar, at: position(of: probe))
            index = probe + 1
            continue
          }
        }
      }
      text.append(scalar, at: position(of: min(index, scalars.count)))
    }
    return index
  }
}
