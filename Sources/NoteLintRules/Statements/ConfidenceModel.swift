import NoteLintCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The confidence of a line-level finding: a logistic model over its statement features, one per
/// category, whose weights were learned from labelled notes at build time (`Benchmarks/model/train.py`
/// writes `ModelWeights.swift`; leave-one-source-out figures in the README).
public enum ConfidenceModel {
  /// Findings below this confidence are not reported unless `--min-confidence` says otherwise.
  public static let defaultThreshold = ModelWeights.threshold

  /// The model's confidence for a finding of `category` with these features; 1 where the category
  /// has no model (governance: structural facts, not judgements).
  public static func score(_ category: Category, features: [String]) -> Double {
    let key = category == .missingOwner || category == .missingDeadline ? "action" : category.rawValue
    guard let model = ModelWeights.models[key] ?? ModelWeights.models[category.rawValue] else { return 1 }
    var sum = model.bias
    for feature in features {
      if let weight = model.weights[feature] { sum += weight }
    }
    return 1 / (1 + exp(-sum))
  }

  /// Pairs of feature families whose combination says more than each alone (a logistic model adds
  /// weights; "a list item under a decisions heading" is not the sum of the two).
  static let crosses: [(String, String)] = [
    ("src", "sec"), ("src", "kind"), ("turn", "subjm"), ("src", "turn"), ("blk", "sec"), ("rule", "sec"),
    ("rule", "kind"), ("rule", "blk"), ("rule", "turn"), ("src", "subj"), ("lang", "src"),
  ]

  /// The features with their crosses (`family=value` × `family=value`), in a fixed order.
  static func crossed(_ features: [String]) -> [String] {
    var byFamily: [Substring: [String]] = [:]
    for feature in features {
      let family = feature.split(separator: "=", maxSplits: 1).first ?? Substring(feature)
      byFamily[family, default: []].append(feature)
    }
    var result = features
    for (left, right) in crosses {
      // A feature without a value ("turn") is its own family.
      for a in byFamily[Substring(left)] ?? [] {
        for b in byFamily[Substring(right)] ?? [] { result.append(a + "&" + b) }
      }
    }
    return result
  }

  /// Scores the findings that carry features; keeps the features only when `keepFeatures`.
  public static func apply(_ findings: inout [Finding], keepFeatures: Bool) {
    for index in findings.indices {
      guard let features = findings[index].features else { continue }
      let all = crossed(features + ["rule=\(findings[index].rule)"])
      let value = score(findings[index].category, features: all)
      findings[index].confidence = (value * 1000).rounded() / 1000
      findings[index].features = keepFeatures ? all : nil
    }
  }
}

/// One category's weights.
struct CategoryModel: Sendable {
  var bias: Double
  var weights: [String: Double]
}
