import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// How a piece of text became an action item.
public enum ActionSource: String, Sendable {
  /// An unchecked or checked task-list item.
  case task
  /// A list item under an action section heading.
  case section
  /// A table row under an action section, or in a table with owner/deadline columns.
  case tableRow
  /// A line that starts with `Action:`, `TODO:`, `Azione:`…
  case prefix
  /// A sentence that commits to future work or states an obligation.
  case commitment
  /// A list item that names a piece of work ("Stesura del manuale", "Review of the glossary") in a
  /// list of decisions or plans.
  case nominal
  /// A list item that opens with an infinitive or an imperative ("Aggiornare il piano", "Read up on…").
  case imperative
  /// The cell of a mitigation column in a risk table ("Mitigation", "Contromisure").
  case mitigation
}

/// An action item found in a document, with what was found of its owner and deadline.
public struct ActionItem: Sendable {
  /// The block where the item starts (the first cell for a table row).
  public var block: Int
  /// All blocks of the item (the cells of a table row).
  public var blocks: [Int]
  /// Token range in `block` (the whole block unless the item is one sentence of a paragraph).
  public var tokens: Range<Int>
  public var start: SourcePosition
  public var source: ActionSource
  public var done: Bool
  /// Owner names, handles or roles as written.
  public var owners: [String]
  /// A diffuse subject (the team, noi…) standing as the only owner, with its token range in `block`.
  public var diffuseOwner: (text: String, block: Int, tokens: Range<Int>)?
  /// The checkable dates found in the item.
  public var deadlines: [DateExpression]
  /// A vague time standing in for a deadline (soon, a breve…), with its block and token range.
  public var vagueDeadline: (text: String, block: Int, tokens: Range<Int>)?
  /// The item's text, as one line.
  public var text: String

  /// The owner is the speaker of the turn the item sits in (a first-person commitment).
  public var speakerOwned = false

  public var hasOwner: Bool { !owners.isEmpty }
  public var hasDeadline: Bool { !deadlines.isEmpty }
}
