import Foundation
import NoteLintCore

/// Combines JSON reports (`json-output.md`) of disjoint runs — the shards of one scan — into one
/// report, in the canonical order: rendered as JSON it is byte-identical to a single run over all the
/// files with the same options.
public enum ReportMerger {
  struct Input: Decodable {
    struct Tool: Decodable {
      var name: String
      var version: String
    }

    struct File: Decodable {
      var path: String
      var language: Language
      var kind: DocumentKind
    }

    struct Failure: Decodable {
      var file: String
      var reason: String
    }

    var tool: Tool
    var today: String
    var files: [File]
    var findings: [Finding]
    var errors: [Failure]?
  }

  /// Reads and merges reports; the error names the report and the reason.
  public static func merge(paths: [String]) -> Result<LintReport, FileError> {
    var version: (String, String)?
    var today: (String, String)?
    var owner: [String: String] = [:]
    var files: [FileSummary] = []
    var findings: [Finding] = []
    var errors: [FileError] = []
    for path in paths {
      let bytes: [UInt8]
      switch FileReader.read(path, maxSize: 1 << 30) {
      case .success(let read): bytes = read
      case .failure(let error): return .failure(FileError(path: path, reason: "cannot be read: \(error.description)"))
      }
      let input: Input
      do {
        input = try JSONDecoder().decode(Input.self, from: Data(bytes))
      } catch {
        return .failure(FileError(path: path, reason: "is not a notelint JSON report (notelint lint --format json)"))
      }
      guard input.tool.name == "notelint" else {
        return .failure(FileError(path: path, reason: "was written by \(input.tool.name), not notelint"))
      }
      if let (first, from) = version, first != input.tool.version {
        return .failure(
          FileError(path: path, reason: "is from notelint \(input.tool.version), \(from) from \(first): rerun both"))
      }
      if let (first, from) = today, first != input.today {
        return .failure(
          FileError(path: path, reason: "was judged against --today \(input.today), \(from) against \(first)"))
      }
      version = version ?? (input.tool.version, path)
      today = today ?? (input.today, path)
      for file in input.files {
        if let other = owner[file.path] {
          return .failure(FileError(path: path, reason: "lists \(file.path), which \(other) lists too: shards overlap"))
        }
        owner[file.path] = path
        files.append(FileSummary(path: file.path, language: file.language, kind: file.kind))
      }
      for finding in input.findings {
        guard finding.line >= 1, finding.column >= 1, finding.endLine >= finding.line, finding.endColumn >= 1 else {
          return .failure(
            FileError(
              path: path,
              reason:
                "has a finding in \(finding.file) at \(finding.line):\(finding.column)-\(finding.endLine):\(finding.endColumn): lines and columns start at 1 and end at or after the start"
            ))
        }
      }
      findings.append(contentsOf: input.findings)
      errors.append(contentsOf: (input.errors ?? []).map { FileError(path: $0.file, reason: $0.reason) })
    }
    guard let version, let today else { return .failure(FileError(path: "merge", reason: "no reports given")) }
    return .success(
      Linter.assemble(version: version.0, today: today.0, files: files, findings: findings, errors: errors))
  }
}
