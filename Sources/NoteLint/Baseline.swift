import Foundation
import NoteLintCore
import NoteLintReporters

/// Known findings recorded once (`--write-baseline`), so later runs (`--baseline`) report only new
/// ones. A finding is known when its file, rule and normalised excerpt match a recorded one. The
/// file is its identity (`ProjectRoots`: the path from the git root, else from the configuration's
/// folder), so a baseline matches from any working folder and any spelling of the paths. Lines
/// are not compared, so edits elsewhere in the file that shift it up or down keep it known. Equal
/// keys count as a multiset: a third identical finding where two were recorded is new.
public struct Baseline: Sendable {
  public struct Key: Hashable, Sendable {
    public var file: String
    public var rule: String
    public var excerpt: String
  }

  struct Stored: Decodable {
    struct Entry: Decodable {
      var file: String
      /// The file's identity (written since the root-relative identities; absent in older files,
      /// whose `file` is then read from the current folder).
      var path: String?
      var rule: String
      var excerpt: String
    }

    var baseline: Int
    var findings: [Entry]
  }

  public private(set) var counts: [Key: Int] = [:]

  /// How a finding's file becomes its identity (the same in the run that writes and the one that reads).
  public var identity: @Sendable (String) -> String = { $0 }

  public init(findings: [Finding], identity: @escaping @Sendable (String) -> String = { $0 }) {
    self.identity = identity
    for finding in findings { counts[key(finding), default: 0] += 1 }
  }

  public func key(_ finding: Finding) -> Key {
    Key(file: identity(finding.file), rule: finding.rule, excerpt: Self.normalise(finding.excerpt))
  }

  /// Whitespace runs folded to one space, trimmed, lowercased: reflowing a paragraph keeps a finding known.
  public static func normalise(_ text: String) -> String {
    var result: [Unicode.Scalar] = []
    var pendingSpace = false
    for scalar in text.lowercased().unicodeScalars {
      if scalar.properties.isWhitespace {
        pendingSpace = !result.isEmpty
        continue
      }
      if pendingSpace { result.append(" ") }
      pendingSpace = false
      result.append(scalar)
    }
    return String(scalars: result)
  }

  /// Reads a baseline file; the error names the file and the reason.
  public static func load(path: String, identity: @escaping @Sendable (String) -> String = { $0 }) -> Result<
    Baseline, FileError
  > {
    let bytes: [UInt8]
    switch FileReader.read(path, maxSize: 1 << 30) {
    case .success(let read): bytes = read
    case .failure(let error): return .failure(FileError(path: path, reason: "cannot be read: \(error.description)"))
    }
    guard let stored = try? JSONDecoder().decode(Stored.self, from: Data(bytes)) else {
      return .failure(FileError(path: path, reason: "is not a notelint baseline (write one with --write-baseline)"))
    }
    guard stored.baseline == 1 else {
      return .failure(FileError(path: path, reason: "baseline format \(stored.baseline) is not supported"))
    }
    var baseline = Baseline(findings: [], identity: identity)
    for entry in stored.findings {
      let file = entry.path ?? identity(entry.file)
      baseline.counts[Key(file: file, rule: entry.rule, excerpt: normalise(entry.excerpt)), default: 0] += 1
    }
    return .success(baseline)
  }

  /// The findings that are not in the baseline (in their order), and how many were.
  public func filter(_ findings: [Finding]) -> (new: [Finding], known: Int) {
    var remaining = counts
    var fresh: [Finding] = []
    var known = 0
    for finding in findings {
      let key = key(finding)
      if let count = remaining[key], count > 0 {
        remaining[key] = count - 1
        known += 1
      } else {
        fresh.append(finding)
      }
    }
    return (fresh, known)
  }

  /// The baseline file for a run's findings: stable JSON, one entry per finding, sorted; `path` is
  /// each file's identity (`file` as this run shows it, for people).
  public static func render(_ findings: [Finding], identity: (String) -> String = { $0 }) -> String {
    let out = JSONWriter()
    out.object {
      out.key("tool")
      out.object {
        out.field("name", "notelint")
        out.field("version", NoteLintVersion.current)
      }
      out.field("baseline", 1)
      out.key("findings")
      out.array(Finding.sorted(findings)) { finding in
        out.object {
          out.field("file", finding.file)
          out.field("path", identity(finding.file))
          out.field("rule", finding.rule)
          out.field("category", finding.category.rawValue)
          out.field("line", finding.line)
          out.field("excerpt", finding.excerpt)
          if let confidence = finding.confidence {
            out.key("confidence")
            out.raw(JSONWriter.decimal(confidence, places: 3))
          }
        }
      }
    }
    return out.text + "\n"
  }
}
