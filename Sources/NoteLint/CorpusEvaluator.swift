import Foundation
import NoteLintCore

/// One expected finding of a labelled corpus: `LINE CATEGORY [rule]`.
public struct CorpusLabel: Sendable, Hashable {
  public var file: String
  public var line: Int
  public var category: Category
  public var rule: String?

  public init(file: String, line: Int, category: Category, rule: String?) {
    self.file = file
    self.line = line
    self.category = category
    self.rule = rule
  }
}

/// Precision, recall and F1 of one category (or overall).
public struct CorpusScore: Sendable, Equatable {
  public var truePositives = 0
  public var falsePositives = 0
  public var falseNegatives = 0

  public var precision: Double {
    truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
  }
  public var recall: Double {
    truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
  }
  public var f1: Double {
    precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
  }
}

/// The result of scoring a labelled folder (corpus-format.md).
public struct CorpusEvaluation: Sendable {
  public struct Miss: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var category: Category
    /// The finding's message for a false positive, the label's rule for a false negative.
    public var detail: String
  }

  public var cases: Int
  public var scores: [Category: CorpusScore]
  public var overall: CorpusScore
  public var falsePositives: [Miss]
  public var falseNegatives: [Miss]
  public var errors: [FileError]

  public func score(_ category: Category) -> CorpusScore { scores[category] ?? CorpusScore() }
}

/// The findings of a labelled folder at every confidence (nothing dropped), to score at any threshold.
public struct CorpusRun: Sendable {
  public var files: [String]
  public var labels: [CorpusLabel]
  public var findings: [Finding]
  public var errors: [FileError]

  public init(files: [String], labels: [CorpusLabel], findings: [Finding], errors: [FileError]) {
    self.files = files
    self.labels = labels
    self.findings = findings
    self.errors = errors
  }

  /// The scores when findings below `threshold` are dropped (as `--min-confidence` and the realdev
  /// scorer drop them: a finding without a confidence counts as 1), over `subset` of the files if given.
  public func evaluation(threshold: Double, files subset: Set<String>? = nil) -> CorpusEvaluation {
    let kept = findings.filter { finding in
      finding.effectiveConfidence >= threshold && (subset?.contains(finding.file) ?? true)
    }
    let chosen = subset.map { set in labels.filter { set.contains($0.file) } } ?? labels
    let cases = subset.map { set in files.filter { set.contains($0) }.count } ?? files.count
    return CorpusEvaluator.score(cases: cases, labels: chosen, findings: kept, errors: subset == nil ? errors : [])
  }
}

/// Scores notelint against a labelled corpus: per category, at line level, a finding matches a
/// label with the same file, line and category (several findings of one category on one line count once).
public struct CorpusEvaluator: Sendable {
  /// The thresholds `notelint eval` reports besides the current one.
  public static let sweepThresholds: [Double] = [0.0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9]

  /// Lints with no confidence threshold, so that every threshold can be scored from one run.
  public var linter: Linter
  /// The threshold of the main table: the linter's `--min-confidence`, else the built-in default.
  public var threshold: Double

  public init(linter: Linter) {
    var unfiltered = linter
    unfiltered.options.minConfidence = 0
    self.linter = unfiltered
    self.threshold = linter.options.minConfidence ?? ConfidenceModel.defaultThreshold
  }

  /// Reads a sidecar's labels; malformed lines are errors naming the file and line.
  public static func labels(sidecar: String, file: String) -> Result<[CorpusLabel], FileError> {
    let text: String
    switch FileReader.read(sidecar, maxSize: 1 << 24) {
    case .failure(let error): return .failure(FileError(path: sidecar, reason: error.description))
    case .success(let bytes):
      guard let decoded = String(validating: bytes, as: UTF8.self) else {
        return .failure(FileError(path: sidecar, reason: "is not valid UTF-8"))
      }
      text = decoded
    }
    var labels: [CorpusLabel] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
      if fields.isEmpty { continue }
      guard fields.count >= 2, let lineNumber = Int(fields[0]), lineNumber >= 1,
        let category = Category(rawValue: String(fields[1]))
      else {
        return .failure(FileError(path: sidecar, reason: "line \(number + 1): expected `LINE CATEGORY [rule]`"))
      }
      labels.append(
        CorpusLabel(
          file: file, line: lineNumber, category: category, rule: fields.count > 2 ? String(fields[2]) : nil))
    }
    return .success(labels)
  }

  /// Scores the folder at `threshold`.
  public func evaluate(folder: String) -> CorpusEvaluation {
    run(folder: folder).evaluation(threshold: threshold)
  }

  /// Lints the labelled notes of a folder, keeping findings of every confidence. `progress` gets
  /// (notes done, notes in all).
  public func run(folder: String, progress: (@Sendable (Int, Int) -> Void)? = nil) -> CorpusRun {
    let discovered = FileDiscovery(configuration: linter.configuration).discover([folder])
    var files: [String] = []
    var labels: [CorpusLabel] = []
    var errors = discovered.errors
    for file in discovered.files {
      let sidecar = file + ".expected"
      guard FileManager.default.fileExists(atPath: sidecar) else { continue }
      switch Self.labels(sidecar: sidecar, file: file) {
      case .success(let found):
        files.append(file)
        labels.append(contentsOf: found)
      case .failure(let error):
        errors.append(error)
      }
    }
    let total = files.count
    var counted: (@Sendable (Int) -> Void)?
    if let progress { counted = { done in progress(done, total) } }
    let outcomes = linter.lint(files: files, progress: counted)
    var findings: [Finding] = []
    for outcome in outcomes {
      findings.append(contentsOf: outcome.findings)
      if let error = outcome.error { errors.append(error) }
    }
    return CorpusRun(files: files, labels: labels, findings: findings, errors: errors)
  }

  /// Reads a TSV of sources (`--by-source`): a header row, then one row per note whose first column
  /// is its file name; the group is the column named `column`, else `source`, else `repo`, else the
  /// second. The map goes from file name to group.
  public static func sources(tsv path: String, column: String? = nil) -> Result<[String: String], FileError> {
    let text: String
    switch FileReader.read(path, maxSize: 1 << 24) {
    case .failure(let error): return .failure(FileError(path: path, reason: error.description))
    case .success(let bytes):
      guard let decoded = String(validating: bytes, as: UTF8.self) else {
        return .failure(FileError(path: path, reason: "is not valid UTF-8"))
      }
      text = decoded
    }
    let rows = text.split(separator: "\n").map { row in
      row.split(separator: "\t", omittingEmptySubsequences: false).map {
        String($0).trimmingCharacters(in: .whitespacesAndNewlines)
      }
    }
    guard let header = rows.first, header.count >= 2 else {
      return .failure(FileError(path: path, reason: "needs a header row with at least two tab-separated columns"))
    }
    let index: Int
    if let column {
      guard let found = header.firstIndex(of: column), found > 0 else {
        return .failure(FileError(path: path, reason: "has no column '\(column)' after the first"))
      }
      index = found
    } else {
      index = header.firstIndex(of: "source") ?? header.firstIndex(of: "repo") ?? 1
    }
    var groups: [String: String] = [:]
    for row in rows.dropFirst() where row.count > index && !row[0].isEmpty {
      groups[row[0]] = row[index]
    }
    return .success(groups)
  }

  static func baseName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  /// The group of each scored file: its name's entry in `sources`, else `?`.
  public static func groups(_ run: CorpusRun, sources: [String: String]) -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for file in run.files {
      result[sources[baseName(file)] ?? "?", default: []].insert(file)
    }
    return result
  }

  /// The group of each scored file by the prefix of its name up to the first `-` (`it-…`, `en-…`).
  public static func prefixGroups(_ run: CorpusRun) -> [String: Set<String>] {
    var result: [String: Set<String>] = [:]
    for file in run.files {
      let name = baseName(file)
      let prefix = name.split(separator: "-", maxSplits: 1).first.map(String.init) ?? name
      result[prefix, default: []].insert(file)
    }
    return result
  }

  public static func score(cases: Int, labels: [CorpusLabel], findings: [Finding], errors: [FileError] = [])
    -> CorpusEvaluation
  {
    struct Key: Hashable {
      var file: String
      var line: Int
      var category: Category
    }
    var expected: [Key: String] = [:]
    for label in labels {
      expected[Key(file: label.file, line: label.line, category: label.category)] = label.rule ?? ""
    }
    var found: [Key: String] = [:]
    for finding in findings {
      let key = Key(file: finding.file, line: finding.line, category: finding.category)
      if found[key] == nil { found[key] = "\(finding.message) [\(finding.rule)]" }
    }
    var scores: [Category: CorpusScore] = [:]
    var overall = CorpusScore()
    var falsePositives: [CorpusEvaluation.Miss] = []
    var falseNegatives: [CorpusEvaluation.Miss] = []
    for (key, message) in found {
      if expected[key] != nil {
        scores[key.category, default: CorpusScore()].truePositives += 1
        overall.truePositives += 1
      } else {
        scores[key.category, default: CorpusScore()].falsePositives += 1
        overall.falsePositives += 1
        falsePositives.append(.init(file: key.file, line: key.line, category: key.category, detail: message))
      }
    }
    for (key, rule) in expected where found[key] == nil {
      scores[key.category, default: CorpusScore()].falseNegatives += 1
      overall.falseNegatives += 1
      falseNegatives.append(.init(file: key.file, line: key.line, category: key.category, detail: rule))
    }
    let order: (CorpusEvaluation.Miss, CorpusEvaluation.Miss) -> Bool = {
      ($0.file, $0.line, $0.category.rawValue) < ($1.file, $1.line, $1.category.rawValue)
    }
    return CorpusEvaluation(
      cases: cases, scores: scores, overall: overall, falsePositives: falsePositives.sorted(by: order),
      falseNegatives: falseNegatives.sorted(by: order), errors: errors)
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
  }

  public static func format(_ value: Double, places: Int = 3) -> String {
    var scale = 1
    for _ in 0..<places { scale *= 10 }
    let scaled = Int((value * Double(scale)).rounded())
    let fraction = String(scaled % scale)
    return "\(scaled / scale)." + String(repeating: "0", count: places - fraction.count) + fraction
  }

  /// The four line-level categories, then their sum (`line-level`: governance is not labelled line by line).
  static let lineLevelColumns = Category.lineLevel.map(\.rawValue) + ["line-level"]

  /// The scores of `lineLevelColumns`.
  static func lineLevelScores(_ evaluation: CorpusEvaluation) -> [CorpusScore] {
    var sum = CorpusScore()
    var scores: [CorpusScore] = []
    for category in Category.lineLevel {
      let score = evaluation.score(category)
      scores.append(score)
      sum.truePositives += score.truePositives
      sum.falsePositives += score.falsePositives
      sum.falseNegatives += score.falseNegatives
    }
    return scores + [sum]
  }

  /// Precision, recall and F1 of each line-level category and their sum at each threshold (and the
  /// current one, marked `*`), as `P/R/F1` cells.
  public static func renderThresholds(_ run: CorpusRun, current: Double, thresholds: [Double] = sweepThresholds)
    -> String
  {
    var out = "By confidence threshold (P/R/F1; findings below the threshold dropped, * current):\n"
    out += pad("min-confidence", 16) + lineLevelColumns.map { pad($0, 23) }.joined() + "\n"
    let all = (thresholds + [current]).reduce(into: [Double]()) { list, value in
      if !list.contains(value) { list.append(value) }
    }.sorted()
    for threshold in all {
      let evaluation = run.evaluation(threshold: threshold)
      let name = format(threshold) + (threshold == current ? " *" : "")
      out += pad(name, 16)
      for value in lineLevelScores(evaluation) {
        out += pad(
          format(value.precision, places: 2) + "/" + format(value.recall, places: 2) + "/"
            + format(value.f1, places: 2), 23)
      }
      out += "\n"
    }
    return trimmed(out)
  }

  /// The text without spaces at the ends of its lines (the padding of a table's last column).
  static func trimmed(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
      var line = Substring(line)
      while line.last == " " { line = line.dropLast() }
      return line
    }.joined(separator: "\n")
  }

  /// Precision and recall per category for each group of files at `threshold` (the held-out figure
  /// of a source when the model was tuned on the others), then all files.
  public static func renderGroups(_ run: CorpusRun, groups: [String: Set<String>], threshold: Double, title: String)
    -> String
  {
    let width = max(12, (groups.keys.map(\.count).max() ?? 0) + 2)
    var out = "By \(title) at min-confidence \(format(threshold)) (P/R):\n"
    out += pad(title, width) + pad("notes", 7) + lineLevelColumns.map { pad($0, 24) }.joined() + "\n"
    let rows =
      groups.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { ($0, groups[$0]) } + [("all", nil)]
    for (name, members) in rows {
      let evaluation = run.evaluation(threshold: threshold, files: members)
      out += pad(name, width) + pad(String(evaluation.cases), 7)
      for value in lineLevelScores(evaluation) {
        let cell = format(value.precision, places: 2) + "/" + format(value.recall, places: 2)
        let counts = "(\(value.truePositives + value.falseNegatives))"
        out += pad(cell + " " + counts, 24)
      }
      out += "\n"
    }
    return trimmed(out + "(n): labelled findings of that category in the group\n")
  }

  /// The report `notelint eval` prints.
  public static func render(_ evaluation: CorpusEvaluation, details: Bool = true) -> String {
    renderTable(evaluation) + (details ? renderDetails(evaluation) : "") + renderErrors(evaluation)
  }

  /// The header and the table of precision, recall and F1 per category.
  public static func renderTable(_ evaluation: CorpusEvaluation) -> String {
    var out = "notelint eval: \(evaluation.cases) labelled cases\n\n"
    out += pad("category", 24) + pad("precision", 11) + pad("recall", 9) + pad("F1", 8) + "TP   FP   FN\n"
    let rows: [(String, CorpusScore)] =
      Category.allCases.map { ($0.rawValue, evaluation.score($0)) } + [("overall", evaluation.overall)]
    for (name, score) in rows {
      out += pad(name, 24) + pad(format(score.precision), 11) + pad(format(score.recall), 9) + pad(format(score.f1), 8)
      out += pad(String(score.truePositives), 5) + pad(String(score.falsePositives), 5) + String(score.falseNegatives)
      out += "\n"
    }
    return out
  }

  /// The false positives and negatives.
  public static func renderDetails(_ evaluation: CorpusEvaluation) -> String {
    var out = ""
    if !evaluation.falsePositives.isEmpty {
      out += "\nFalse positives (reported, not labelled):\n"
      for miss in evaluation.falsePositives {
        out += "  \(miss.file):\(miss.line): \(miss.category.rawValue): \(miss.detail)\n"
      }
    }
    if !evaluation.falseNegatives.isEmpty {
      out += "\nFalse negatives (labelled, not reported):\n"
      for miss in evaluation.falseNegatives {
        let rule = miss.detail.isEmpty ? "" : " [\(miss.detail)]"
        out += "  \(miss.file):\(miss.line): \(miss.category.rawValue)\(rule)\n"
      }
    }
    return out
  }

  /// One line per file that could not be read or labelled.
  public static func renderErrors(_ evaluation: CorpusEvaluation) -> String {
    evaluation.errors.map { "error: \($0.line)\n" }.joined()
  }
}
