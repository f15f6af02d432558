import NoteLintCore
import NoteLintReporters

/// The alert list of one governance gate: per document, the findings that gate cares about,
/// blocking ones (errors) first, at most a few per document.
public struct GateReport: Sendable {
  public struct Document: Sendable {
    public var file: FileSummary
    /// The alerts shown (already cut to `maxPerFile`).
    public var alerts: [Finding]
    /// How many alerts the gate has for this document in all, by severity.
    public var blocking: Int
    public var others: Int
    public var hidden: Int
  }

  public var gate: Checkpoint
  public var today: String
  public var documents: [Document]
  public var errors: [FileError]

  public var blocking: Int { documents.reduce(0) { $0 + $1.blocking } }
  public var others: Int { documents.reduce(0) { $0 + $1.others } }

  /// Builds the gate's view of a lint report. `maxPerFile` 0 shows every alert.
  public init(report: LintReport, gate: Checkpoint, maxPerFile: Int) {
    self.gate = gate
    self.today = report.today
    self.errors = report.errors
    var byFile: [String: [Finding]] = [:]
    for finding in report.findings where finding.checkpoints.contains(gate) {
      byFile[finding.file, default: []].append(finding)
    }
    documents = report.files.map { file in
      let all = (byFile[file.path] ?? []).sorted { lhs, rhs in
        if lhs.severity != rhs.severity { return lhs.severity > rhs.severity }
        // Pact-level governance first, then in reading order.
        if (lhs.category == .governance) != (rhs.category == .governance) { return lhs.category == .governance }
        return Finding.sortOrder(lhs, rhs)
      }
      let shown = maxPerFile > 0 ? Array(all.prefix(maxPerFile)) : all
      let blocking = all.filter { $0.severity == .error }.count
      return Document(
        file: file, alerts: shown, blocking: blocking, others: all.count - blocking, hidden: all.count - shown.count)
    }
  }

  /// Titles and labels in a document's language.
  static func gateName(_ gate: Checkpoint, _ language: Language) -> String {
    switch (gate, language) {
    case (.technical, .english): return "technical checkpoint"
    case (.technical, .italian): return "checkpoint tecnico"
    case (.business, .english): return "business checkpoint"
    case (.business, .italian): return "checkpoint di business"
    case (.review, .english): return "numbers review"
    case (.review, .italian): return "revisione dei numeri"
    }
  }

  static func countLine(_ document: Document) -> String {
    let language = document.file.language
    let hidden = document.hidden
    switch language {
    case .english:
      var line = "\(document.blocking) blocking, \(document.others) to discuss"
      if hidden > 0 { line += " (\(hidden) more not shown)" }
      return line
    case .italian:
      var line = "\(document.blocking) bloccant\(document.blocking == 1 ? "e" : "i"), \(document.others) da discutere"
      if hidden > 0 { line += hidden == 1 ? " (1 altro non mostrato)" : " (altri \(hidden) non mostrati)" }
      return line
    }
  }

  static func severityWord(_ severity: Severity, _ language: Language) -> String {
    switch (severity, language) {
    case (.error, .english): return "BLOCKING"
    case (.error, .italian): return "BLOCCANTE"
    case (.warning, .english): return "discuss"
    case (.warning, .italian): return "da discutere"
    case (.info, .english): return "note"
    case (.info, .italian): return "nota"
    }
  }

  // MARK: - Renderers

  public func text() -> String {
    var out = ""
    let quiet = documents.filter { $0.alerts.isEmpty }.count
    for document in documents where !document.alerts.isEmpty {
      let language = document.file.language
      let kind = document.file.kind == .pact ? (language == .italian ? "patto" : "pact") : "note"
      out += "\(DisplayText.escapingControls(document.file.path)) (\(kind), \(Self.gateName(gate, language)))\n"
      for alert in document.alerts {
        out += "  \(alert.line): \(Self.severityWord(alert.severity, language)): \(alert.message) [\(alert.rule)]\n"
      }
      out += "  = \(Self.countLine(document))\n\n"
    }
    if quiet > 0 { out += "\(quiet) document\(quiet == 1 ? "" : "s") with nothing for this gate.\n" }
    out += "\(gate.rawValue): \(blocking) blocking, \(others) to discuss in \(documents.count) document"
    out += documents.count == 1 ? "" : "s"
    if !errors.isEmpty { out += "; \(errors.count) could not be read" }
    return out + "\n"
  }

  public func markdown() -> String {
    var out = "# \(gate.rawValue.capitalized) checkpoint — \(today)\n\n"
    out += "| Document | Blocking | To discuss |\n|---|---:|---:|\n"
    for document in documents {
      out += "| \(Self.markdownEscape(document.file.path)) | \(document.blocking) | \(document.others) |\n"
    }
    for document in documents where !document.alerts.isEmpty {
      let language = document.file.language
      out += "\n## \(Self.markdownEscape(document.file.path))\n\n"
      for alert in document.alerts {
        let box =
          alert.severity == .error
          ? "**\(Self.severityWord(.error, language))**" : Self.severityWord(alert.severity, language)
        out += "- [ ] \(box) — \(Self.markdownEscape(alert.message)) (line \(alert.line), `\(alert.rule)`)\n"
      }
      out += "\n_\(Self.countLine(document))_\n"
    }
    return out
  }

  public func json() -> String {
    let out = JSONWriter()
    out.object {
      out.field("gate", gate.rawValue)
      out.field("today", today)
      out.key("documents")
      out.array(documents) { document in
        out.object {
          out.field("path", document.file.path)
          out.field("language", document.file.language.rawValue)
          out.field("kind", document.file.kind.rawValue)
          out.field("blocking", document.blocking)
          out.field("toDiscuss", document.others)
          out.field("notShown", document.hidden)
          out.key("alerts")
          out.array(document.alerts) { alert in
            out.object {
              out.field("line", alert.line)
              out.field("column", alert.column)
              out.field("rule", alert.rule)
              out.field("category", alert.category.rawValue)
              out.field("severity", alert.severity.rawValue)
              out.field("question", alert.message)
              if let suggestion = alert.suggestion { out.field("suggestion", suggestion) }
            }
          }
        }
      }
      out.key("summary")
      out.object {
        out.field("documents", documents.count)
        out.field("blocking", blocking)
        out.field("toDiscuss", others)
        out.field("unreadable", errors.count)
      }
    }
    return out.text + "\n"
  }

  static func markdownEscape(_ text: String) -> String {
    var out = ""
    for character in text {
      if "|*_`[]<>#".contains(character) { out.append("\\") }
      out.append(character)
    }
    return out
  }
}
