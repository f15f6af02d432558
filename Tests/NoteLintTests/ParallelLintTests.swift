import Foundation
import NoteLint
import XCTest

/// The parallel scan in-process: several workers over the corpus, with configuration files and a
/// results cache shared by every thread (run it under ThreadSanitizer: see the README).
final class ParallelLintTests: XCTestCase {
  private static func corpusFiles() throws -> [String] {
    let folder = CorpusTests.corpus
    var files: [String] = []
    for language in ["it", "en"] {
      for name in try FileManager.default.contentsOfDirectory(atPath: folder + "/" + language)
      where name.hasSuffix(".md") || name.hasSuffix(".html") {
        files.append(folder + "/" + language + "/" + name)
      }
    }
    return files.sorted()
  }

  func testFourWorkersFindWhatOneFinds() throws {
    let files = try Self.corpusFiles()
    XCTAssertGreaterThan(files.count, 20)
    let serial = Linter(options: LintOptions(today: testToday, jobs: 1)).lint(files: files)
    let done = ProgressLog()
    let parallel = Linter(options: LintOptions(today: testToday, jobs: 4)).lint(files: files) { done.record($0) }
    XCTAssertEqual(parallel.count, files.count)
    XCTAssertEqual(parallel.map(\.summary), serial.map(\.summary))
    XCTAssertEqual(parallel.map(\.findings), serial.map(\.findings))
    XCTAssertEqual(parallel.compactMap(\.error), [])
    XCTAssertGreaterThan(parallel.reduce(0) { $0 + $1.findings.count }, files.count)
    XCTAssertEqual(done.counts.sorted(), Array(1...files.count))
  }

  func testFourWorkersShareConfigurationAndCache() throws {
    let scratch = try ScratchFolder()
    for index in 0..<24 {
      let text =
        index % 2 == 0
        ? "# Status\n\nThe model ships in the coming weeks, with some gains.\n"
        : "# Stato\n\nIl modello sarà pronto a breve, con alcune colonne in più.\n"
      try scratch.write("notes/\(index % 3)/note-\(index).md", text)
    }
    try scratch.write("notes/1/.notelint.yml", "rules:\n  vague-time: error\n")
    try scratch.write("notes/2/.notelint.yml", "rules:\n  vague-quantity: off\n")
    let files = (0..<24).map { "notes/\($0 % 3)/note-\($0).md" }
    func linter(jobs: Int, cache: ResultCache?) throws -> Linter {
      Linter(
        options: LintOptions(today: testToday, jobs: jobs), configuration: try ConfigurationResolver(), cache: cache)
    }
    let serial = try linter(jobs: 1, cache: nil).lint(files: files)
    let cache = ResultCache(folder: ".notelint-cache")
    let cold = try linter(jobs: 4, cache: cache).lint(files: files)
    let warm = try linter(jobs: 4, cache: cache).lint(files: files)
    XCTAssertEqual([cache.hits, cache.misses], [24, 24])
    XCTAssertEqual(cold.map(\.findings), serial.map(\.findings))
    XCTAssertEqual(warm.map(\.findings), serial.map(\.findings))
    XCTAssertEqual(serial[1].findings.first { $0.rule == "vague-time" }?.severity, .error)
    XCTAssertFalse(serial[2].findings.contains { $0.rule == "vague-quantity" })
    XCTAssertTrue(serial[0].findings.contains { $0.rule == "vague-quantity" })
  }
}

/// The progress counts a run reports, from any thread.
private final class ProgressLog: @unchecked Sendable {
  private let lock = NSLock()
  private var values: [Int] = []

  func record(_ count: Int) {
    lock.lock()
    values.append(count)
    lock.unlock()
  }

  var counts: [Int] {
    lock.lock()
    defer { lock.unlock() }
    return values
  }
}
