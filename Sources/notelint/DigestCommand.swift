import ArgumentParser
import Foundation
import NoteLint

struct DigestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "Write one short Markdown digest per owner: overdue, due soon, new since the last run.",
    discussion: """
      For a nightly job. Each owner (and one file, _unassigned.md, for items with no person as owner) \
      gets a file in --out, in the language of their notes: overdue items first, then items due within \
      --soon days, then items new since the previous run. The previous run is remembered in --state \
      (written atomically). An owner with nothing overdue, due or new gets no file, and their file from \
      an earlier run is removed. Files in --out that notelint did not write are never touched.
      """)

  @Argument(help: "Files or folders (folders recursively).")
  var paths: [String] = []

  @OptionGroup var common: CommonOptions

  @OptionGroup var actionOptions: ActionOptions

  @Option(name: .long, help: "The folder the digests are written to (created if missing).")
  var out: String

  @Option(name: .long, help: "The state file of the previous run (default: <out>/.notelint-digest-state.json).")
  var state: String?

  func validate() throws {
    if paths.isEmpty { throw ValidationError("give at least one file or folder") }
  }

  func run() throws {
    let options = try common.lintOptions()
    let resolver = try actionOptions.resolver()
    let statePath = state ?? PathUtilities.join(out, ".notelint-digest-state.json")
    let previous: DigestState?
    do {
      previous = try DigestState.load(path: statePath)
    } catch {
      throw Output.fail(String(describing: error))
    }
    let extractor = ActionExtractor(options: options, configuration: resolver, soonDays: actionOptions.soon)
    let progress = Output.stderrIsTerminal ? ProgressLine() : nil
    let extraction = extractor.extract(paths: paths, progress: progress?.callback)
    progress?.finish()
    if let error = resolver.error { throw Output.fail(String(describing: error)) }
    for error in extraction.errors {
      Output.writeStderr("notelint: error: \(error.line)\n")
    }
    let builder = DigestBuilder(today: options.today, windowDays: actionOptions.soon, linkBase: actionOptions.linkBase)
    let digest = builder.build(extraction.records, previous: previous)
    let outcome = DigestWriter(folder: out).write(digest.files, previous: previous)
    for error in outcome.errors {
      Output.writeStderr("notelint: error: \(error)\n")
    }
    var report = ""
    for file in digest.files {
      let path = PathUtilities.join(out, file.name)
      guard outcome.written.contains(path) else { continue }
      report += "wrote \(path): \(file.overdue.count) overdue, \(file.dueSoon.count) due soon, \(file.new.count) new\n"
    }
    for path in outcome.removed { report += "removed \(path): nothing overdue, due or new\n" }
    report += "digest: \(outcome.written.count) file\(outcome.written.count == 1 ? "" : "s") written"
    report +=
      ", \(outcome.removed.count) removed, \(extraction.records.count) action item"
      + (extraction.records.count == 1 ? "" : "s")
      + " in \(extraction.fileCount) file\(extraction.fileCount == 1 ? "" : "s")\n"
    Output.writeStdout(report)
    // The state moves on only when every digest was written: a failed night is retried in full.
    if outcome.errors.isEmpty {
      var next = digest.state
      next.files = outcome.written.map { ($0 as NSString).lastPathComponent }.sorted()
      do {
        if let folder = PathUtilities.parent(PathUtilities.absolute(statePath)) {
          try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        try AtomicFile.write(next.encoded(), to: statePath)
      } catch {
        throw Output.fail(String(describing: error))
      }
    }
    if !extraction.errors.isEmpty || !outcome.errors.isEmpty { throw ExitCode(3) }
  }
}
