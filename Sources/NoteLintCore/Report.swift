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

  /// One line: `path: reason` (control characters of the path escaped, so it stays one line).
  public var line: String { "\(DisplayText.escapingControls(path)): \(reason)" }
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

/// Text for a terminal or a line-oriented log.
public enum DisplayText {
  /// Control characters (C0, DEL, C1) as `\xNN`: a file name holding a line break or an escape
  /// sequence can neither split a line of output nor drive the terminal.
  public static func escapingControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: isControl) else { return text }
    var result = ""
    for scalar in text.unicodeScalars {
      if isControl(scalar) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\x" + (hex.count < 2 ? "0" : "") + hex
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (scalar.value >= 0x7F && scalar.value < 0xA0)
  }
}
