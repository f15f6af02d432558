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

/// Scores notelint against a labelled corpus: per category, at line level, a finding matches a
/// label with the same file, line and category (several findings of one category on one line count once).
public struct CorpusEvaluator: Sendable {
  public var linter: Linter

  public init(linter: Linter) {
    self.linter = linter
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

  public func evaluate(folder: String) -> CorpusEvaluation {
    let discovered = FileDiscovery().discover([folder])
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
    let outcomes = linter.lint(files: files)
    var findings: [Finding] = []
    for outcome in outcomes {
      findings.append(contentsOf: outcome.findings)
      if let error = outcome.error { errors.append(error) }
    }
    return Self.score(cases: files.count, labels: labels, findings: findings, errors: errors)
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

  /// The report `notelint eval` prints.
  public static func render(_ evaluation: CorpusEvaluation, details: Bool = true) -> String {
    func pad(_ text: String, _ width: Int) -> String {
      text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
    func format(_ value: Double) -> String {
      let scaled = Int((value * 1000).rounded())
      let whole = scaled / 1000
      let fraction = scaled % 1000
      return "\(whole)." + String(repeating: "0", count: 3 - String(fraction).count) + String(fraction)
    }
    var out = "notelint eval: \(evaluation.cases) labelled cases\n\n"
    out += pad("category", 24) + pad("precision", 11) + pad("recall", 9) + pad("F1", 8) + "TP   FP   FN\n"
    let rows: [(String, CorpusScore)] =
      Category.allCases.map { ($0.rawValue, evaluation.score($0)) } + [("overall", evaluation.overall)]
    for (name, score) in rows {
      out += pad(name, 24) + pad(format(score.precision), 11) + pad(format(score.recall), 9) + pad(format(score.f1), 8)
      out += pad(String(score.truePositives), 5) + pad(String(score.falsePositives), 5) + String(score.falseNegatives)
      out += "\n"
    }
    if details {
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
    }
    for error in evaluation.errors {
      out += "error: \(error.line)\n"
    }
    return out
  }
}
