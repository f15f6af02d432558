import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// The lexicons the action detector reads, looked up by name once per process: for each name, the
/// lexicon of the note's language, then of the other language (a note in one language often quotes
/// the other).
struct ActionLexicons: Sendable {
  let actionHeadings: [Lexicon]
  let actionPrefixes: [Lexicon]
  let commitmentMarkers: [Lexicon]
  let deadlineLabels: [Lexicon]
  let decisionMarkers: [Lexicon]
  let diffuseOwners: [Lexicon]
  let doneMarkers: [Lexicon]
  let doneHeadings: [Lexicon]
  let fieldLabels: [Lexicon]
  let formHeadings: [Lexicon]
  let topicHeadings: [Lexicon]
  let taskVerbs: [Lexicon]
  let meetingMarkers: [Lexicon]
  let mitigationHeadings: [Lexicon]
  let ownerLabels: [Lexicon]
  let placeholder: [Lexicon]
  let productNouns: [Lexicon]
  let roles: [Lexicon]
  let vagueTime: [Lexicon]

  private init(_ language: Language) {
    let own = LanguageResources.shared(language)
    let other = LanguageResources.shared(language == .italian ? .english : .italian)
    func both(_ name: String) -> [Lexicon] { [own.lexicon(name), other.lexicon(name)] }
    actionHeadings = both("action-headings")
    actionPrefixes = both("action-prefixes")
    commitmentMarkers = both("commitment-markers")
    deadlineLabels = both("deadline-labels")
    decisionMarkers = both("decision-markers")
    diffuseOwners = both("diffuse-owners")
    doneMarkers = both("done-markers")
    doneHeadings = both("done-headings")
    fieldLabels = both("field-labels")
    formHeadings = both("form-headings")
    topicHeadings = both("topic-headings")
    taskVerbs = [own.lexicon("task-verbs")]
    meetingMarkers = both("meeting-markers")
    mitigationHeadings = both("mitigation-headings")
    ownerLabels = both("owner-labels")
    placeholder = both("placeholder")
    productNouns = both("product-nouns")
    roles = both("roles")
    vagueTime = both("vague-time")
  }

  private static let italian = ActionLexicons(.italian)
  private static let english = ActionLexicons(.english)

  static func shared(_ language: Language) -> ActionLexicons {
    switch language {
    case .italian: return italian
    case .english: return english
    }
  }

  /// The one-word entries of both languages' stop words, groups, action prefixes, owner and
  /// deadline labels and done markers: common words that are never a name.
  static let commonWords: TokenSet = {
    var words = TokenSet()
    for language in Language.allCases {
      let resources = LanguageResources.shared(language)
      for name in ["stopwords", "diffuse-owners", "action-prefixes", "owner-labels", "deadline-labels", "done-markers"]
      {
        words.formUnion(resources.lexicon(name).singleWords)
      }
    }
    return words
  }()
}
