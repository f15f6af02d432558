/// Whether a document is a one-page project pact or any other note.
public enum DocumentKind: String, Sendable, Codable {
  case pact
  case note
}

/// One linted file as the report lists it.
public struct FileSummary: Sendable, Equatable {
  public var path: String
  public var language: Language
  public var kind: DocumentKind

  public init(path: String, language: Language, kind: DocumentKind) {
    self.path = path
    self.language = language
    self.kind = kind
  }
}

/// A file that could not be read or parsed, and why.
public struct FileError: Sendable, Equatable, Error {
  public var path: String
  public var reason: String

  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }

  /// One line: `notelint: path: reason`.
  public var line: String { "\(path): \(reason)" }
}

/// The result of a run: the files, the findings (sorted) and the files that failed.
public struct LintReport: Sendable {
  public var toolVersion: String
  public var today: String
  public var files: [FileSummary]
  public var findings: [Finding]
  public var errors: [FileError]

  public init(toolVersion: String, today: String, files: [FileSummary], findings: [Finding], errors: [FileError]) {
    self.toolVersion = toolVersion
    self.today = today
    self.files = files
    self.findings = findings
    self.errors = errors
  }

  public func count(_ severity: Severity) -> Int {
    findings.reduce(0) { $0 + ($1.severity == severity ? 1 : 0) }
  }
}
