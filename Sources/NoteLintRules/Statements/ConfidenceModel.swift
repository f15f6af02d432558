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
    ("rule", "kind"), ("rule", "blk"), ("rule", "turn"), ("src", "subj"), ("lang", "src"), ("vp", "turn"),
    ("vp", "kind"),
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
      let withRule = features + ["rule=\(findings[index].rule)"]
      let value: Double
      if keepFeatures {
        let all = crossed(withRule)
        value = score(findings[index].category, features: all)
        findings[index].features = all
      } else {
        value = hashedScore(findings[index].category, features: withRule)
        findings[index].features = nil
      }
      findings[index].confidence = (value * 1000).rounded() / 1000
    }
  }

  // MARK: - The hot path: the same sum without building the crossed strings

  private static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
  private static let prime: UInt64 = 0x100_0000_01b3

  /// FNV-1a of a string's UTF-8, continuing from `seed`: `hash("a&b")` is
  /// `hash("b", seed: hash("&", seed: hash("a")))`.
  static func hash(_ text: String, seed: UInt64 = offset) -> UInt64 {
    var value = seed
    for byte in text.utf8 {
      value ^= UInt64(byte)
      value &*= prime
    }
    return value
  }

  /// Each model's weights keyed by the hash of the feature (crossed features included).
  private static let hashedModels: [String: (bias: Double, weights: [UInt64: Double])] = ModelWeights.models
    .mapValues { model in
      var weights: [UInt64: Double] = [:]
      for (feature, weight) in model.weights { weights[hash(feature), default: 0] += weight }
      return (model.bias, weights)
    }

  private static let families: [[UInt8]] = Array(Set(crosses.flatMap { [$0.0, $0.1] })).sorted().map {
    Array($0.utf8)
  }
  private static let crossIndices: [(Int, Int)] = crosses.map { pair in
    (families.firstIndex(of: Array(pair.0.utf8))!, families.firstIndex(of: Array(pair.1.utf8))!)
  }

  /// The family of a feature (`src=task` → `src`; `turn` → `turn`) as an index of `families`.
  private static func family(of feature: String) -> Int? {
    let utf8 = feature.utf8
    for (index, name) in families.enumerated() where utf8.starts(with: name) {
      let rest = utf8.dropFirst(name.count)
      if rest.isEmpty || rest.first == UInt8(ascii: "=") { return index }
    }
    return nil
  }

  /// `score(category, features: crossed(features))`, with hashes instead of strings.
  static func hashedScore(_ category: Category, features: [String]) -> Double {
    let key = category == .missingOwner || category == .missingDeadline ? "action" : category.rawValue
    guard let model = hashedModels[key] ?? hashedModels[category.rawValue] else { return 1 }
    var sum = model.bias
    // Per family, the positions of its features and the hash of "feature&", in the features' order.
    var byFamily = [[(position: Int, joined: UInt64)]](repeating: [], count: families.count)
    for (position, feature) in features.enumerated() {
      let value = hash(feature)
      if let weight = model.weights[value] { sum += weight }
      if let slot = family(of: feature) { byFamily[slot].append((position, hash("&", seed: value))) }
    }
    for (left, right) in crossIndices {
      for a in byFamily[left] {
        for b in byFamily[right] {
          if let weight = model.weights[hash(features[b.position], seed: a.joined)] { sum += weight }
        }
      }
    }
    return 1 / (1 + exp(-sum))
  }
}

/// One category's weights.
struct CategoryModel: Sendable {
  var bias: Double
  var weights: [String: Double]
}
