import Foundation
import NoteLintCore

/// What `notelint lint` lints: paths, standard input, or the staged notes.
public struct ScanInput: Sendable {
  public var paths: [String]
  /// Standard input's bytes and display name.
  public var stdin: (name: String, bytes: [UInt8])?
  /// Lint the staged content of the staged notes (restricted to `paths` when some are given).
  public var staged: Bool

  public init(paths: [String], stdin: (name: String, bytes: [UInt8])? = nil, staged: Bool = false) {
    self.paths = paths
    self.stdin = stdin
    self.staged = staged
  }
}

/// The result of a scan: the report, and each file's `fail-on`.
public struct ScanResult: Sendable {
  public var report: LintReport
  /// `fail-on` by file path (from each file's configuration).
  public var failOn: [String: FailThreshold]
  /// Files considered before sharding.
  public var discovered: Int
}

/// A problem that stops a scan before any file is linted (exit 2).
public struct ScanError: Error, CustomStringConvertible, Sendable {
  public var description: String
}

/// One run over many files: discovery (ignore files, configuration include/exclude), sharding,
/// parallel linting with the cache, and the report.
public struct Scan: Sendable {
  public var linter: Linter
  public var discovery: FileDiscovery
  public var shard: Shard?

  public init(linter: Linter, discovery: FileDiscovery, shard: Shard? = nil) {
    self.linter = linter
    self.discovery = discovery
    self.shard = shard
  }

  /// Runs the scan; `progress` gets (files done, files in all).
  public func run(_ input: ScanInput, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> ScanResult {
    var outcomes: [FileOutcome] = []
    var errors: [FileError] = []
    var discovered = 0
    if input.staged {
      let filters = input.paths.map { PathUtilities.absolute($0) }
      let staged: [Git.StagedFile]
      do {
        staged = try Git.stagedFiles(maxSize: linter.options.maxFileSize) { relative in FileDiscovery.isNote(relative) }
      } catch {
        throw ScanError(description: "--staged: \(error)")
      }
      if let error = linter.configuration?.error { throw ScanError(description: error.description) }
      var selected = staged.filter { file in
        (filters.isEmpty || filters.contains { file.absolutePath == $0 || file.absolutePath.hasPrefix($0 + "/") })
          && !discovery.isExcluded(file: file.absolutePath)
      }
      if let error = linter.configuration?.error { throw ScanError(description: error.description) }
      discovered = selected.count
      if let shard { selected = selected.filter { shard.contains($0.path) } }
      let files = selected
      let total = files.count
      outcomes = linter.lint(count: total, progress: Self.counting(progress, total)) {
        let file = files[$0]
        guard let bytes = file.bytes else { return linter.tooLarge(path: file.path, bytes: file.size) }
        return linter.lint(bytes: bytes, path: file.path)
      }
    } else {
      let found = try files(for: input.paths)
      errors = found.errors
      let files = found.files
      discovered = found.discovered
      let total = files.count
      outcomes = linter.lint(files: files, progress: Self.counting(progress, total))
    }
    if let stdin = input.stdin {
      _ = linter.settings(for: stdin.name)
      if let error = linter.configuration?.error { throw ScanError(description: error.description) }
      outcomes.append(linter.lint(bytes: stdin.bytes, path: stdin.name))
      discovered += 1
    }
    var failOn: [String: FailThreshold] = [:]
    for outcome in outcomes {
      if let path = outcome.summary?.path ?? outcome.error?.path { failOn[path] = outcome.failOn }
    }
    let report = Linter.report(outcomes, extraErrors: errors, today: linter.options.today)
    return ScanResult(report: report, failOn: failOn, discovered: discovered)
  }

  /// The files a plain scan lints: discovered, filtered by the configuration and the shard.
  private func files(for paths: [String]) throws -> (files: [String], errors: [FileError], discovered: Int) {
    let found = discovery.discover(paths)
    if let error = linter.configuration?.error { throw ScanError(description: error.description) }
    var files = found.files
    let discovered = files.count
    if let shard { files = files.filter { shard.contains($0) } }
    // Settings are resolved before the parallel phase, so a bad configuration stops the run first.
    for path in files { _ = linter.settings(for: path) }
    if let error = linter.configuration?.error { throw ScanError(description: error.description) }
    return (files, found.errors, discovered)
  }

  /// A scan of paths whose findings go to `write` file by file, in the report's order (files by
  /// path), as they are ready, and are then let go: memory does not grow with the tree. The
  /// returned report has the files and errors but no findings; the tally counts them.
  public func stream(
    paths: [String], progress: (@Sendable (Int, Int) -> Void)? = nil, write: @escaping ([Finding]) -> Void
  ) throws -> (result: ScanResult, tally: FindingTally) {
    let found = try files(for: paths)
    let files = found.files.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    var summaries: [FileSummary] = []
    var errors = found.errors
    var tally = FindingTally()
    var failOn: [String: FailThreshold] = [:]
    linter.lint(files: files, progress: Self.counting(progress, files.count)) { outcome in
      if let summary = outcome.summary { summaries.append(summary) }
      if let error = outcome.error { errors.append(error) }
      if let path = outcome.summary?.path ?? outcome.error?.path { failOn[path] = outcome.failOn }
      for finding in outcome.findings { tally.add(finding, failOn: outcome.failOn) }
      if !outcome.findings.isEmpty { write(outcome.findings) }
    }
    let report = Linter.assemble(
      version: NoteLintVersion.current, today: linter.options.today.description, files: summaries, findings: [],
      errors: errors)
    return (ScanResult(report: report, failOn: failOn, discovered: found.discovered), tally)
  }

  static func counting(_ progress: (@Sendable (Int, Int) -> Void)?, _ total: Int) -> (@Sendable (Int) -> Void)? {
    guard let progress else { return nil }
    return { done in progress(done, total) }
  }
}
