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
    PactMissingFieldRule.self,
    DecisionNotActionableRule.self,
    PactMissingKPIRule.self,
    KPIMissingBaselineRule.self,
    KPIMissingTargetRule.self,
    KPINotBusinessRule.self,
    MissingTechnicalCheckpointRule.self,
    MissingBusinessCheckpointRule.self,
    CheckpointWithoutDateRule.self,
    DeadlineBeyondTwoSprintsRule.self,
    ProblemTechnicalRule.self,
    PhaseWithoutOwnerRule.self,
    TriggerIncompleteRule.self,
    PactTooLongRule.self,
    OverdueItemRule.self,
    DependencyUnownedRule.self,
  ]

  public static var descriptions: [RuleDescription] { all.map { $0.description } }

  public static func rule(id: String) -> (any Rule.Type)? {
    all.first { $0.description.id == id }
  }
}
