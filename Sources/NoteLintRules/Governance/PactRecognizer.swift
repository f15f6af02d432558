import NoteLintCore
import NoteLintLanguage
import NoteLintText

/// Tells a one-page pact from any other note: front matter (`type: pact`, `tipo: patto`), a title
/// naming a pact, or most of the five required fields.
public enum PactRecognizer {
  public static func kind(of document: Document, pact: Pact) -> DocumentKind {
    if let type = document.frontMatter?.value("type", "tipo", "kind")?.lowercased() {
      if ["pact", "patto", "patto operativo", "project pact", "one-page pact"].contains(type) { return .pact }
      return .note
    }
    let title = Folding.fold(document.blocks.first { $0.kind.isHeading }?.text.string ?? document.title ?? "")
    let words = title.split(whereSeparator: { !$0.isLetter })
    if words.contains("pact") || words.contains("patto") { return .pact }
    let present = Set(pact.fields.map(\.kind)).intersection(PactFieldKind.required)
    return present.count >= 3 ? .pact : .note
  }
}
