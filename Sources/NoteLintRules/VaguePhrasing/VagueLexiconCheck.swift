import NoteLintCore
import NoteLintLanguage

/// The shared check behind the word-list rules of `vague-phrasing`: match one lexicon in every
/// prose block and report each match the conditions let through.
struct VagueLexiconCheck: Sendable {
  enum Condition: Sendable {
    /// Always a finding.
    case always
    /// Only when the sentence has no number, amount or named KPI, and is not a question.
    case unmeasured
    /// Only when the sentence is not a question.
    case statement
  }

  let lexicon: String
  let condition: Condition
  /// Vague times inside an action item are the deadline rules' business.
  let leaveActionItems: Bool
  let message: @Sendable (String) -> Localized
  let suggestion: Localized

  func run(_ description: RuleDescription, _ context: LintContext) -> [Finding] {
    let analysis = context.analysis
    let lexicon = context.resources.lexicon(self.lexicon)
    guard !lexicon.isEmpty else { return [] }
    let kpiNames = context.resources.lexicon("kpi-names")
    var findings: [Finding] = []
    for index in analysis.blocks.indices where analysis.isProse(index) {
      let text = analysis.blocks[index]
      for match in lexicon.matches(in: text.tokens) {
        let sentence = text.sentence(containing: match.tokens.lowerBound)
        switch condition {
        case .always:
          break
        case .statement:
          if text.isQuestion(sentence) { continue }
        case .unmeasured:
          if text.isQuestion(sentence) || text.hasNumber(sentence) { continue }
          if !kpiNames.matches(in: text.tokens, range: sentence).isEmpty { continue }
        }
        if leaveActionItems, analysis.actionItem(block: index, token: match.tokens.lowerBound) != nil { continue }
        let range = text.scalarRange(match.tokens)
        let phrase = text.text.string(range)
        let entry = lexicon.phrases[match.phrase]
        var advice = suggestion
        if let specific = entry.suggestion {
          advice = Localized(en: specific, it: specific)
        }
        findings.append(
          context.finding(
            description, block: index, range: range, message: message(phrase), suggestion: advice,
            excerpt: Excerpt.make(text.text.string(text.scalarRange(sentence)))))
      }
    }
    return findings
  }
}
