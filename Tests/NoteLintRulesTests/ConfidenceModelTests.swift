import Foundation
import NoteLint
import XCTest

@testable import NoteLintRules

/// The hashed scoring path (no crossed strings) gives the same confidence as scoring the crossed
/// features by name, on the features of real findings.
final class ConfidenceModelTests: XCTestCase {
  func testHashedScoreEqualsScoreOfCrossedFeatures() throws {
    let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Corpus")
    let names = try FileManager.default.contentsOfDirectory(atPath: corpus.appendingPathComponent("en").path)
      .filter { $0.hasSuffix(".md") || $0.hasSuffix(".html") }.sorted().prefix(12)
    XCTAssertFalse(names.isEmpty)
    var compared = 0
    for name in names {
      let path = corpus.appendingPathComponent("en").appendingPathComponent(name).path
      let source = SourceFile(path: path, text: try String(contentsOfFile: path, encoding: .utf8))
      let document = Linter.parse(source, format: name.hasSuffix(".html") ? .html : .markdown)
      let options = RuleOptions(today: CivilDate(year: 2026, month: 11, day: 23)!)
      let context = LintContext(analysis: DocumentAnalysis(document: document, options: options), options: options)
      for rule in RuleRegistry.all.map({ $0.init() }) {
        for finding in rule.check(context) {
          // The features as the rule left them; the model adds the rule and crosses them.
          guard let features = finding.features else { continue }
          let plain = features + ["rule=\(finding.rule)"]
          let byName = ConfidenceModel.score(finding.category, features: ConfidenceModel.crossed(plain))
          let byHash = ConfidenceModel.hashedScore(finding.category, features: plain)
          XCTAssertEqual(byName, byHash, accuracy: 1e-12, "\(name):\(finding.line) \(finding.rule)")
          compared += 1
        }
      }
    }
    XCTAssertGreaterThan(compared, 20)
  }
}
