import NoteLintCore

/// Every built-in rule, in one list.
public enum RuleRegistry {
  public static let all: [any Rule.Type] = [
    VagueTimeRule.self,
    VagueQuantityRule.self,
    PlaceholderRule.self,
    UnmeasurableGoalRule.self,
    AIAsGoalRule.self,
    SubjectiveQualityRule.self,
    MissingOwnerRule.self,
    DiffuseOwnerRule.self,
    MissingDeadlineRule.self,
    VagueDeadlineRule.self,
    UnverifiedHypothesisRule.self,
  ]

  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  public static func rule(id: String) -> (any Rule.Type)? {
    all.first { $0.description.id == id }
  }
}
