import NoteLintCore
import NoteLintLanguage

/// Tells a one-page pact from any other note.
public enum PactRecognizer {
  public static func kind(of analysis: DocumentAnalysis) -> DocumentKind {
    let document = analysis.document
    if let type = document.frontMatter?.value("type", "tipo", "kind")?.lowercased() {
      if ["pact", "patto", "patto operativo", "project pact"].contains(type) { return .pact }
    }
    let title = (document.blocks.first { $0.kind.isHeading }?.text.string ?? document.title ?? "").lowercased()
    if title.contains("pact") || title.contains("patto") { return .pact }
    return .note
  }
}
