import NoteLintCore
import NoteLintLanguage

/// Finds the action items of a document (categories.md §2).
struct ActionDetector {
  let document: Document
  let blocks: [TextAnalysis]
  let resources: LanguageResources

  func detect() -> [ActionItem] {
    []
  }
}
