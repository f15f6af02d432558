import ArgumentParser
import Foundation
import NoteLint

struct CommonOptions: ParsableArguments {
  @Option(name: .long, help: "Language of the notes: it or en (default: detected per file, or front matter lang:).")
  var language: String?

  @Option(name: .long, help: "The date to judge deadlines against, YYYY-MM-DD (default: today).")
  var today: String?

  @Option(name: .long, help: "Skip files larger than this many bytes (default 8 MiB).")
  var maxFileSize: Int = FileReader.defaultMaxSize

  @Option(name: .long, help: "Files linted at once (default: one per core).")
  var jobs: Int = 0

  @Option(
    name: .long,
    help:
      "Drop judgements whose confidence is below this, 0 to 1 (default: min-confidence: of .notelint.yml, else built in)."
  )
  var minConfidence: Double?

  func lintOptions() throws -> LintOptions {
    var language: Language?
    if let name = self.language {
      guard let parsed = LanguageDetector.parse(name) else {
        throw ValidationError("--language must be it or en, not '\(name)'")
      }
      language = parsed
    }
    let date: CivilDate
    if let text = today {
      guard let parsed = CivilDate.parseISO(text) else {
        throw ValidationError("--today must be a date as YYYY-MM-DD, not '\(text)'")
      }
      date = parsed
    } else {
      date = CivilDate.currentLocal()
    }
    guard maxFileSize > 0 else { throw ValidationError("--max-file-size must be a positive number of bytes") }
    guard maxFileSize <= 1 << 40 else { throw ValidationError("--max-file-size must be at most 1 TiB (1099511627776)") }
    guard jobs >= 0 else { throw ValidationError("--jobs must be 0 (one per core) or more") }
    guard jobs <= 1024 else { throw ValidationError("--jobs must be at most 1024") }
    if let threshold = minConfidence, !(0...1).contains(threshold) {
      throw ValidationError("--min-confidence must be a number from 0 to 1, not '\(threshold)'")
    }
    var options = LintOptions(language: language, today: date, maxFileSize: maxFileSize, jobs: jobs)
    options.minConfidence = minConfidence
    return options
  }
}

enum OutputFormatOption: String, ExpressibleByArgument, CaseIterable {
  case text
  case json
  case sarif
  case github
  case checkstyle
  case junit
  case markdown
  case html
  case codequality

  var value: OutputFormat { OutputFormat(rawValue: rawValue) ?? .text }
}

enum ColorOption: String, ExpressibleByArgument, CaseIterable {
  case auto
  case always
  case never
}

enum SeverityOption: String, ExpressibleByArgument, CaseIterable {
  case error
  case warning
  case info

  var value: Severity {
    switch self {
    case .error: return .error
    case .warning: return .warning
    case .info: return .info
    }
  }
}

enum FailOnOption: String, ExpressibleByArgument, CaseIterable {
  case error
  case warning
  case info
  case none

  var value: FailThreshold { FailThreshold(rawValue: rawValue) ?? .warning }
}
