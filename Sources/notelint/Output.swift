import ArgumentParser
import Foundation
import NoteLint

enum Output {
  static func writeStdout(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }

  static func writeStderr(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Colour on a terminal (auto), never with `NO_COLOR` or `TERM=dumb`, always with `FORCE_COLOR`.
  static var useColor: Bool { color(.auto) }

  /// Whether text output is coloured: `--color always|never` wins; with `auto`, `NO_COLOR` (any
  /// value) turns it off, then `FORCE_COLOR` (any value but `0`) on, then `TERM=dumb` off, else
  /// colour when standard output is a terminal.
  static func color(_ choice: ColorOption, environment: [String: String] = ProcessInfo.processInfo.environment)
    -> Bool
  {
    switch choice {
    case .always: return true
    case .never: return false
    case .auto:
      if let value = environment["NO_COLOR"], !value.isEmpty { return false }
      if let value = environment["FORCE_COLOR"], !value.isEmpty, value != "0" { return true }
      if environment["TERM"] == "dumb" { return false }
      return isatty(STDOUT_FILENO) == 1
    }
  }

  static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
  static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

  /// Prints a message that stops the run and exits with `code` (2: usage or configuration).
  static func fail(_ message: String, code: Int32 = 2) -> ExitCode {
    writeStderr("notelint: \(message)\n")
    return ExitCode(code)
  }

  /// The report in a format. Text has no summary line: the closing summary goes to standard error.
  static func render(_ report: LintReport, format: OutputFormat, color: Bool) -> String {
    switch format {
    case .text: return TextReporter(color: color, summary: false).render(report)
    default: return format.reporter(color: color, rules: RuleCatalog.descriptions).render(report)
    }
  }

  /// Stops the run when a file it would write is one of the notes it read: notelint never writes
  /// over a note (`--output notes/a.md` given by mistake).
  static func refuseWritingOverNotes(_ targets: [String?], notes: [String]) throws {
    for case let target? in targets where !writesToStandardOutput(target) {
      if let note = PathUtilities.sameFile(as: target, in: notes) {
        let what = note == target ? "a note" : "the note \(note)"
        throw fail("\(target): is \(what) that this run reads, and notelint never writes over a note")
      }
    }
  }

  /// Stops the run when a file it would write is an input of the run other than a note: a
  /// configuration it read or the baseline it compares with.
  static func refuseWritingOverInputs(_ targets: [String?], inputs: [String], what: String) throws {
    for case let target? in targets where !writesToStandardOutput(target) {
      if let input = PathUtilities.sameFile(as: target, in: inputs) {
        throw fail("\(target): is \(what) \(input) that this run reads, and notelint never writes over an input")
      }
    }
  }

  /// `-` and `/dev/stdout` name standard output: written directly, never replaced by a file.
  static func writesToStandardOutput(_ path: String) -> Bool {
    path == "-" || path == "/dev/stdout" || path == "/proc/self/fd/1" || path == "/dev/fd/1"
  }

  /// Writes the rendered report to standard output, or atomically to `path`.
  static func deliver(_ text: String, to path: String?) throws {
    guard let path, !writesToStandardOutput(path) else {
      writeStdout(text)
      return
    }
    do {
      try AtomicFile.write(text, to: path)
    } catch {
      throw fail(error.description)
    }
  }

  static func emit(_ report: LintReport, format: OutputFormat, quiet: Bool) throws {
    for error in report.errors {
      writeStderr("notelint: error: \(error.line)\n")
    }
    writeStdout(render(report, format: format, color: useColor))
  }

  /// 3 when input failed, else 1 when a finding reaches its file's `fail-on` (or `override`), else 0.
  static func exitCode(_ report: LintReport, failOn: [String: FailThreshold] = [:], override: FailThreshold?) -> Int32 {
    exitCode(errors: report.errors.count, tally: FindingTally(report.findings, failOn: failOn), override: override)
  }

  static func exitCode(errors: Int, tally: FindingTally, override: FailThreshold?) -> Int32 {
    if errors > 0 { return 3 }
    return tally.fails(override: override) ? 1 : 0
  }

  /// The closing summary: files, findings by category and severity, time.
  static func summary(
    files: Int, errors: Int, tally: FindingTally, seconds: Double, known: Int?, cache: ResultCache?, shard: Shard?
  ) -> String {
    func plural(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
    var line = "notelint: \(plural(files, "file"))"
    if let shard { line += " (shard \(shard))" }
    line += ", \(plural(tally.total, "finding"))"
    line += " (\(tally.count(.error)) error\(tally.count(.error) == 1 ? "" : "s"),"
    line += " \(tally.count(.warning)) warning\(tally.count(.warning) == 1 ? "" : "s"),"
    line += " \(tally.count(.info)) info)"
    if let known { line += ", \(known) known in the baseline" }
    if errors > 0 { line += ", \(errors) unreadable" }
    let tenths = Int((seconds * 100).rounded())
    line += " in \(tenths / 100).\(tenths % 100 < 10 ? "0" : "")\(tenths % 100) s"
    if let cache { line += "; cache: \(cache.hits) reused, \(cache.misses) linted" }
    var out = line + "\n"
    if tally.total > 0 {
      var parts: [String] = []
      for category in Category.allCases {
        let count = tally.byCategory[category] ?? 0
        if count > 0 { parts.append("\(category.rawValue) \(count)") }
      }
      out += "  by category: " + parts.joined(separator: ", ") + "\n"
    }
    return out
  }
}

/// A progress line on standard error, only when it is a terminal and the scan has run over a second.
final class ProgressLine: @unchecked Sendable {
  private let lock = NSLock()
  private let start = Date()
  private var lastDraw = Date.distantPast
  private var drawn = false

  func update(_ done: Int, _ total: Int) {
    lock.lock()
    defer { lock.unlock() }
    let now = Date()
    guard now.timeIntervalSince(start) > 1, now.timeIntervalSince(lastDraw) > 0.1 || done == total else { return }
    lastDraw = now
    drawn = true
    Output.writeStderr("\rnotelint: \(done)/\(total) files…")
  }

  /// `update` as the progress callback of a scan.
  var callback: @Sendable (Int, Int) -> Void { { done, total in self.update(done, total) } }

  func finish() {
    lock.lock()
    defer { lock.unlock() }
    if drawn { Output.writeStderr("\r\u{1B}[K") }
  }
}

/// Standard output in 64 KB writes: a streamed report is written as it is made, without one
/// system call a line.
final class BufferedOutput {
  private var buffer: [UInt8] = []

  init() { buffer.reserveCapacity(1 << 16) }

  func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if buffer.count >= 1 << 16 { flush() }
  }

  /// Writes the text lines of findings.
  func write(_ findings: [Finding], with reporter: TextReporter) {
    reporter.append(findings, to: &buffer)
    if buffer.count >= 1 << 16 { flush() }
  }

  func flush() {
    guard !buffer.isEmpty else { return }
    FileHandle.standardOutput.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }
}
