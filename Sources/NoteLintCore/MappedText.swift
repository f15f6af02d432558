/// Text extracted from a document (a paragraph, a list item, a table cell) where every scalar
/// knows its line and column in the original file.
///
/// Positions are stored as anchors: runs of scalars that sit side by side on one source line
/// share one anchor, so a plain paragraph costs one anchor per source line.
public struct MappedText: Sendable, Equatable {
  public struct Anchor: Sendable, Equatable {
    public var offset: Int32
    public var line: Int32
    public var column: Int32
  }

  /// The scalar used in place of inline code, images and bare URLs: one opaque token.
  public static let placeholder: Unicode.Scalar = "\u{FFFC}"

  public private(set) var scalars: [Unicode.Scalar] = []
  public private(set) var anchors: [Anchor] = []

  public init() {}

  public init(_ text: String, at start: SourcePosition) {
    var line = start.line
    var column = start.column
    for scalar in text.unicodeScalars {
      append(scalar, line: line, column: column)
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
  }

  /// Makes room for `count` scalars (a leaf block knows its source extent, a bound on its text).
  public mutating func reserveCapacity(_ count: Int) {
    scalars.reserveCapacity(count)
  }

  public var isEmpty: Bool { scalars.isEmpty }
  public var count: Int { scalars.count }

  /// Appends one scalar that comes from `line`:`column` of the source.
  public mutating func append(_ scalar: Unicode.Scalar, line: Int, column: Int) {
    let offset = scalars.count
    scalars.append(scalar)
    if let last = anchors.last, Int(last.line) == line,
      Int(last.column) + (offset - Int(last.offset)) == column
    {
      return
    }
    anchors.append(Anchor(offset: Int32(offset), line: Int32(line), column: Int32(column)))
  }

  public mutating func append(_ scalar: Unicode.Scalar, at position: SourcePosition) {
    append(scalar, line: position.line, column: position.column)
  }

  /// Appends a run of scalars that stand side by side on one source line.
  public mutating func append(contentsOf run: ArraySlice<Unicode.Scalar>, at start: SourcePosition) {
    guard !run.isEmpty else { return }
    let offset = scalars.count
    if let last = anchors.last, Int(last.line) == start.line,
      Int(last.column) + (offset - Int(last.offset)) == start.column
    {
      // Continues the last anchor.
    } else {
      anchors.append(
        Anchor(offset: Int32(offset), line: Int32(start.line), column: Int32(start.column)))
    }
    scalars.append(contentsOf: run)
  }

  /// Appends a run of scalars that stand side by side on one source line.
  public mutating func append<S: Sequence<Unicode.Scalar>>(contentsOf run: S, at start: SourcePosition) {
    append(contentsOf: ArraySlice(run), at: start)
  }

  /// The source position of the scalar at `offset` (the end position for `offset == count`).
  public func position(at offset: Int) -> SourcePosition {
    guard !anchors.isEmpty else { return SourcePosition(line: 1, column: 1) }
    if offset >= scalars.count, let last = anchors.last {
      let steps = max(0, scalars.count - Int(last.offset))
      return SourcePosition(line: Int(last.line), column: Int(last.column) + steps)
    }
    var low = 0
    var high = anchors.count - 1
    while low < high {
      let mid = (low + high + 1) / 2
      if Int(anchors[mid].offset) <= offset {
        low = mid
      } else {
        high = mid - 1
      }
    }
    let anchor = anchors[low]
    return SourcePosition(
      line: Int(anchor.line), column: Int(anchor.column) + offset - Int(anchor.offset))
  }

  /// The text of a scalar range as a String.
  public func string(_ range: Range<Int>) -> String {
    String(scalars: scalars[range.clamped(to: 0..<scalars.count)])
  }

  public var string: String { string(0..<scalars.count) }

  /// Removes the last `count` scalars (and the anchors that only they used).
  public mutating func removeLast(_ count: Int) {
    let keep = max(0, scalars.count - max(0, count))
    scalars.removeLast(scalars.count - keep)
    while let last = anchors.last, Int(last.offset) >= keep {
      anchors.removeLast()
    }
  }

  /// Drops trailing whitespace (used when a block closes).
  public mutating func trimTrailingWhitespace() {
    var count = 0
    while count < scalars.count, scalars[scalars.count - 1 - count].isWhitespaceFast {
      count += 1
    }
    removeLast(count)
  }
}
