import ArgumentParser
import Foundation
import NoteLint

struct LintCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "lint",
    abstract: "Lint notes and report vague phrasing, missing owners and deadlines, unverified hypotheses.",
    discussion: """
      Each note uses the nearest .notelint.yml above it (or --config). Folders are walked recursively, \
      honouring .gitignore and .notelintignore. Findings go to standard output (or --output); errors, \
      progress and the closing summary go to standard error.
      """)

  @Argument(
    help: "Files or folders to lint (folders recursively: .md, .markdown, .html, .htm); - for standard input.")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @Option(name: .long, help: "Display name and type for standard input (e.g. notes/minutes.md).")
  var stdinFilename: String?

  @Option(name: .long, help: "Output format: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: OutputFormatOption = .text

  @Option(
    name: .long,
    help:
      "Exit with 1 when a finding is at or above this severity: error, warning, info or none (default: the config's fail-on, else warning)."
  )
  var failOn: FailOnOption?

  @Flag(name: .shortAndLong, help: "Print only the findings: no summary, no progress.")
  var quiet = false

  @Option(
    name: .long,
    help:
      "List at most N findings (0: the summary alone); the exit code and the summary count all of them.")
  var maxFindings: Int?

  @Option(
    name: .long,
    help: "Colour text output: auto (a terminal, unless NO_COLOR or TERM=dumb; FORCE_COLOR forces it), always, never.")
  var color: ColorOption = .auto

  @Option(name: .long, help: "Use this configuration file for every note instead of the nearest .notelint.yml.")
  var config: String?

  @Flag(name: .long, help: "Lint the staged content (the index) of the staged notes, for a pre-commit hook.")
  var staged = false

  @Option(
    name: .long,
    help:
      "Lint the notes changed since this git ref (its merge base with HEAD; committed or not; deleted notes skipped), within the paths given."
  )
  var changedSince: String?

  @Flag(
    name: .long,
    help:
      "A pre-commit run on the named files (implied by --staged): rules that depend on today's date (overdue-item) are off unless pre-commit-calendar-rules: on."
  )
  var preCommit = false

  @Flag(
    inversion: .prefixedNo,
    help: "Run the rules that depend on today's date (overdue-item) or not, whatever the run and the configuration.")
  var calendarRules: Bool?

  @Flag(
    name: .long, help: "Apply ignore files and the config's include/exclude to files named on the command line too.")
  var forceExclude = false

  @Flag(name: .long, help: "Do not honour .gitignore and .notelintignore.")
  var noIgnore = false

  @Flag(name: .long, help: "Reuse results of unchanged files from the cache (.notelint-cache/ unless --cache-path).")
  var cache = false

  @Option(name: .long, help: "The cache folder (implies --cache).")
  var cachePath: String?

  @Flag(name: .long, help: "Follow symbolic links whose target is outside the folder walked (default: skipped).")
  var followExternalSymlinks = false

  @Option(name: .long, help: "Report only findings that are not in this baseline file.")
  var baseline: String?

  @Option(
    name: .long, help: "Record every finding of this run in a baseline file (the exit code then ignores findings).")
  var writeBaseline: String?

  @Option(name: .long, help: "Write the report to this file (atomically) instead of standard output.")
  var output: String?

  @Option(
    name: .long, help: "Lint only shard K of N (1 ≤ K ≤ N): files by a hash of their path; combine with notelint merge."
  )
  var shard: String?

  func validate() throws {
    if paths.isEmpty && !staged && changedSince == nil {
      throw ValidationError(
        "give at least one file or folder to lint, - for standard input, --staged or --changed-since REF")
    }
    if let changedSince {
      if staged { throw ValidationError("--changed-since and --staged exclude each other") }
      if paths.contains("-") { throw ValidationError("--changed-since cannot be combined with standard input (-)") }
      if changedSince.isEmpty || changedSince.hasPrefix("-") {
        throw ValidationError("--changed-since needs a git ref such as origin/main, not '\(changedSince)'")
      }
    }
    if staged && paths.contains("-") { throw ValidationError("--staged cannot be combined with standard input (-)") }
    if let shard, Shard(shard) == nil { throw ValidationError("--shard must be K/N with 1 ≤ K ≤ N, not '\(shard)'") }
    if shard != nil && paths.contains("-") {
      throw ValidationError("--shard cannot be combined with standard input (-)")
    }
    if let maxFindings, maxFindings < 0 { throw ValidationError("--max-findings must be 0 or more") }
  }

  func run() throws {
    let started = Date()
    var options = try common.lintOptions()
    options.preCommit = staged || preCommit
    options.calendarRules = calendarRules
    let resolver: ConfigurationResolver
    do {
      resolver = try ConfigurationResolver(configPath: config)
    } catch {
      throw Output.fail("\(error)")
    }
    let shard = self.shard.flatMap { Shard($0) }
    var resultCache: ResultCache?
    if cache || cachePath != nil {
      let name = shard.map { "results-shard-\($0.index)-of-\($0.count).bin" } ?? "results.bin"
      let store = ResultCache(folder: cachePath ?? ".notelint-cache", name: name)
      if let message = store.load() { Output.writeStderr("notelint: info: \(message)\n") }
      resultCache = store
    }
    let roots = ProjectRoots(configuration: resolver)
    var known: Baseline?
    if let baseline {
      switch Baseline.load(path: baseline, identity: { roots.identity($0) }) {
      case .success(let loaded): known = loaded
      case .failure(let error): throw Output.fail(error.line)
      }
    }
    let linter = Linter(options: options, configuration: resolver, cache: resultCache)
    let discovery = FileDiscovery(
      honourIgnoreFiles: !noIgnore, configuration: resolver, forceExclude: forceExclude,
      followExternalSymlinks: followExternalSymlinks)
    var paths = self.paths
    if let changedSince {
      paths = try changedNotes(since: changedSince, within: paths, discovery: discovery)
      if paths.isEmpty {
        if !quiet { Output.writeStderr("notelint: no notes changed since \(changedSince): nothing to lint\n") }
        try Output.deliver(
          render(
            Linter.report([], today: options.today), failOn: [:], roots: roots,
            color: output == nil && Output.color(color)), to: output)
        throw ExitCode(0)
      }
    }
    var stdin: (name: String, bytes: [UInt8])?
    if paths.contains("-") {
      // One byte past the limit is enough to know it is over: an endless stream is never held whole.
      switch FileReader.read(descriptor: STDIN_FILENO, atMost: options.maxFileSize + 1) {
      case .success(let bytes): stdin = (stdinFilename ?? "<stdin>.md", bytes)
      case .failure(let error): throw Output.fail("standard input: \(error)", code: 3)
      }
      // An editor piping a buffer named after an excluded file: --force-exclude skips it, as it
      // would skip the file named on the command line.
      if forceExclude, let name = stdinFilename, discovery.isExcluded(file: PathUtilities.absolute(name)) {
        stdin = nil
      }
    }
    // Text on standard output with nothing to filter or write first: findings are printed file by
    // file as they are ready (in the same order) and let go, so memory stays flat on any tree.
    let streaming =
      format == .text && output == nil && known == nil && writeBaseline == nil && !staged && !paths.contains("-")
      && maxFindings == nil
    let progress =
      !quiet && Output.stderrIsTerminal && !(streaming && Output.stdoutIsTerminal) ? ProgressLine() : nil
    var onProgress: (@Sendable (Int, Int) -> Void)?
    if let progress { onProgress = { done, total in progress.update(done, total) } }
    let result: ScanResult
    var streamedTally: FindingTally?
    do {
      let scan = Scan(linter: linter, discovery: discovery, shard: shard)
      if streaming {
        let reporter = TextReporter(color: Output.color(color), summary: false)
        let out = BufferedOutput()
        let streamed = try scan.stream(paths: paths, progress: onProgress) { findings in
          out.write(findings, with: reporter)
        }
        out.flush()
        result = streamed.result
        streamedTally = streamed.tally
      } else {
        result = try scan.run(
          ScanInput(paths: paths.filter { $0 != "-" }, stdin: stdin, staged: staged), progress: onProgress)
      }
    } catch {
      progress?.finish()
      throw Output.fail("\(error)")
    }
    progress?.finish()
    // A cache that cannot be written (full disk, a FIFO in its place) is an error of the run: the
    // report is still delivered, and the exit code is 2 unless input errors make it 3.
    var cacheFailed = false
    if let resultCache {
      do {
        try resultCache.save()
      } catch {
        Output.writeStderr("notelint: error: cache: \(error.description)\n")
        cacheFailed = true
      }
    }
    var report = result.report
    try Output.refuseWritingOverNotes(
      [output, writeBaseline], notes: report.files.map(\.path) + report.errors.map(\.path))
    try Output.refuseWritingOverInputs(
      [output, writeBaseline], inputs: resolver.loadedPaths, what: "the configuration")
    try Output.refuseWritingOverInputs([output], inputs: baseline.map { [$0] } ?? [], what: "the baseline")
    if let writeBaseline {
      try Output.deliver(Baseline.render(report.findings, identity: { roots.identity($0) }), to: writeBaseline)
    }
    var knownCount: Int?
    if let known {
      let filtered = known.filter(report.findings)
      report.findings = filtered.new
      knownCount = filtered.known
    }
    for notice in discovery.notices.all {
      Output.writeStderr("notelint: notice: \(notice)\n")
    }
    if !staged, !paths.contains("-") {
      try checkIncludes(resolver, linted: report.files.map(\.path) + report.errors.map(\.path), paths: paths)
    }
    for error in report.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    let tally = streamedTally ?? FindingTally(report.findings, failOn: result.failOn)
    if streamedTally == nil {
      let color = self.color == .always || (output == nil && Output.color(self.color))
      try Output.deliver(render(report, failOn: result.failOn, roots: roots, color: color), to: output)
    }
    if format == .text && !quiet {
      Output.writeStderr(
        Output.summary(
          files: report.files.count, errors: report.errors.count, tally: tally,
          seconds: Date().timeIntervalSince(started), known: knownCount, cache: resultCache, shard: shard))
    }
    if cacheFailed { throw ExitCode(report.errors.isEmpty ? 2 : 3) }
    if writeBaseline != nil {
      throw ExitCode(report.errors.isEmpty ? 0 : 3)
    }
    throw ExitCode(Output.exitCode(errors: report.errors.count, tally: tally, override: failOn?.value))
  }

  /// The report in the chosen format, with `--max-findings`, JUnit's failures as the exit code
  /// counts them, and Code Quality's paths from the project's root.
  private func render(_ report: LintReport, failOn: [String: FailThreshold], roots: ProjectRoots, color: Bool)
    -> String
  {
    var listed = report
    if let maxFindings, format != .markdown { listed.findings = Array(report.findings.prefix(maxFindings)) }
    switch format {
    case .markdown:
      return MarkdownReporter(maxFindings: maxFindings).render(listed)
    case .junit:
      let explicit = self.failOn?.value
      return JUnitReporter(fails: { finding in
        (explicit ?? failOn[finding.file] ?? .warning).fails(finding.severity)
      }).render(listed)
    case .codequality:
      listed.findings = listed.findings.map { finding in
        var moved = finding
        moved.file = roots.identity(finding.file)
        return moved
      }
      listed.errors = listed.errors.map { FileError(path: roots.identity($0.path), reason: $0.reason) }
      return CodeQualityReporter().render(listed)
    default:
      return Output.render(listed, format: format.value, color: color)
    }
  }

  /// An `include` that lets no note through is a configuration mistake, not a clean run: with
  /// nothing linted the run stops (exit 2) naming the configuration and its globs; a glob that
  /// matches nothing while others do is a notice, when the run covered the configuration's folder.
  private func checkIncludes(_ resolver: ConfigurationResolver, linted: [String], paths: [String]) throws {
    let folders = paths.filter { $0 != "-" }.map { PathUtilities.absolute($0) }
    let files = linted.map { PathUtilities.absolute($0) }
    for configuration in resolver.loadedConfigurations where !configuration.include.isEmpty {
      let covered = folders.contains { PathUtilities.relative(configuration.folder, to: $0) != nil }
      let unmatched = configuration.unmatchedIncludes(files)
      let globs = unmatched.map { "'\($0)'" }.joined(separator: ", ")
      if linted.isEmpty {
        let all = configuration.include.map { "'\($0.pattern)'" }.joined(separator: ", ")
        throw Output.fail(
          "\(configuration.path): include \(all) lets none of the files named through: nothing was linted")
      } else if covered, !unmatched.isEmpty {
        Output.writeStderr("notelint: notice: \(configuration.path): include \(globs) matches no note\n")
      }
    }
  }

  /// `--changed-since`: the changed notes inside `within` (all of them when it is empty), without
  /// those the ignore files or the configuration exclude (as for a pre-commit run).
  private func changedNotes(since ref: String, within: [String], discovery: FileDiscovery) throws -> [String] {
    let changed: [String]
    do {
      changed = try Git.changedFiles(since: ref) { FileDiscovery.isNote($0) }
    } catch {
      throw Output.fail("\(error)")
    }
    let filters = within.map { PathUtilities.absolute($0) }
    return changed.filter { path in
      let absolute = PathUtilities.absolute(path)
      return (filters.isEmpty || filters.contains { absolute == $0 || absolute.hasPrefix($0 + "/") })
        && !discovery.isExcluded(file: absolute)
    }
  }
}
