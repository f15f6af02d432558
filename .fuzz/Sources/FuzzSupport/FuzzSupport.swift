import Foundation
import NoteLint

/// What the fuzz targets share: turning libFuzzer's bytes into a source file, and the invariants every
/// parse and every lint must keep. A broken invariant stops the process, so libFuzzer keeps the input.
public enum Fuzz {
  /// The date every lint runs with, so that a crash reproduces on any day.
  public static let today = CivilDate(year: 2026, month: 11, day: 23)!

  public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
  }

  /// Whether the lint target reads the input as HTML: its first byte after a BOM and blanks is `<`
  /// (the regression folder names such inputs `.html`).
  public static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    var body = bytes[...]
    if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
    let first = body.first { $0 != 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
    return first == UInt8(ascii: "<")
  }

  /// The source a parser target reads: decoded as notelint decodes a file, or, for bytes it refuses
  /// (invalid UTF-8, NUL bytes), decoded leniently, so that every input reaches the parser.
  public static func source(_ bytes: [UInt8], isHTML: Bool) -> SourceFile {
    let path = isHTML ? "fuzz.html" : "fuzz.md"
    switch TextDecoder.decode(bytes, path: path, isHTML: isHTML) {
    case .success(let source): return source
    case .failure: return SourceFile(path: path, text: String(decoding: bytes, as: UTF8.self))
    }
  }

  static func fail(_ message: String, _ source: SourceFile) -> Never {
    fatalError("invariant broken in \(source.path) (\(source.lineCount) lines): \(message)")
  }

  /// Whether a position lies in the file: an existing line, a column no further than just past its end.
  static func isInside(line: Int, column: Int, _ source: SourceFile) -> Bool {
    guard line >= 1, line <= source.lineCount, column >= 1 else { return false }
    return column <= source.lineRange(line).count + 1
  }

  /// Every block, every scalar of its text, every table row and comment points into the file.
  public static func check(_ document: Document) {
    let source = document.source
    for (index, block) in document.blocks.enumerated() {
      guard isInside(line: block.start.line, column: block.start.column, source) else {
        fail("block \(index) starts at \(block.start)", source)
      }
      guard block.endLine >= block.start.line, block.endLine <= source.lineCount else {
        fail("block \(index) from \(block.start) ends on line \(block.endLine)", source)
      }
      for anchor in block.text.anchors {
        guard isInside(line: Int(anchor.line), column: Int(anchor.column), source) else {
          fail("block \(index) has text at \(anchor.line):\(anchor.column)", source)
        }
      }
      for link in block.links where link.range.lowerBound < 0 || link.range.upperBound > block.text.count {
        fail("block \(index) has a link \(link.range) in \(block.text.count) scalars", source)
      }
    }
    for table in document.tables {
      for row in table.rows {
        for cell in row where !document.blocks.indices.contains(cell) { fail("table cell \(cell)", source) }
      }
    }
    for comment in document.comments {
      guard isInside(line: comment.start.line, column: comment.start.column, source),
        comment.endLine >= comment.start.line, comment.endLine <= source.lineCount
      else { fail("comment at \(comment.start) to line \(comment.endLine)", source) }
    }
  }

  /// Every finding starts and ends in the file, and does not end before it starts.
  public static func check(_ findings: [Finding], _ source: SourceFile) {
    for finding in findings {
      let label = "\(finding.rule) \(finding.line):\(finding.column)-\(finding.endLine):\(finding.endColumn)"
      guard finding.file == source.path else { fail("\(label) names \(finding.file)", source) }
      guard isInside(line: finding.line, column: finding.column, source),
        isInside(line: finding.endLine, column: finding.endColumn, source)
      else { fail("\(label) is outside the file", source) }
      guard (finding.endLine, finding.endColumn) >= (finding.line, finding.column) else {
        fail("\(label) ends before it starts", source)
      }
      guard !finding.message.isEmpty else { fail("\(label) has no message", source) }
    }
  }
}
