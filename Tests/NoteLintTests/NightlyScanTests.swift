import Foundation
import NoteLint
import XCTest

/// The pieces of a nightly scan: results cache, baseline, shards and merge, atomic writes.
final class NightlyScanTests: XCTestCase {
  private let english = "# Status\n\nThe model ships in the coming weeks, with some gains.\n"
  private let italian = "# Stato\n\nIl modello sarà pronto a breve, con alcune colonne in più.\n"

  private func makeTree(_ scratch: ScratchFolder, count: Int) throws {
    for index in 0..<count {
      try scratch.write("notes/\(index % 7)/note-\(index).md", index % 2 == 0 ? english : italian)
    }
  }

  private func scan(_ linter: Linter, shard: Shard? = nil) throws -> ScanResult {
    try Scan(linter: linter, discovery: FileDiscovery(configuration: linter.configuration), shard: shard)
      .run(ScanInput(paths: ["notes"]))
  }

  func testCacheReusesUnchangedFilesAndSeesChanges() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 20)
    let cold = ResultCache(folder: ".notelint-cache")
    XCTAssertNil(cold.load())
    let first = try scan(try configuredLinter(cache: cold))
    XCTAssertEqual(cold.misses, 20)
    try cold.save()

    let warm = ResultCache(folder: ".notelint-cache")
    XCTAssertNil(warm.load())
    let second = try scan(try configuredLinter(cache: warm))
    XCTAssertEqual([warm.hits, warm.misses], [20, 0])
    XCTAssertEqual(JSONReporter().render(first.report), JSONReporter().render(second.report))
    try warm.save()

    // A changed file and a changed configuration are linted again.
    try scratch.write("notes/0/note-0.md", "# Status\n\nShipped on 2026-11-20.\n")
    try scratch.write("notes/3/.notelint.yml", "rules:\n  vague-time: off\n")
    let third = ResultCache(folder: ".notelint-cache")
    third.load()
    let result = try scan(try configuredLinter(cache: third))
    XCTAssertEqual(third.misses, 1 + 3)  // note-0, and notes/3 holds note-3, note-10, note-17
    XCTAssertEqual(result.report.findings.filter { $0.file == "notes/0/note-0.md" }, [])
    XCTAssertFalse(result.report.findings.contains { $0.file.hasPrefix("notes/3/") && $0.rule == "vague-time" })
  }

  func testCacheFileIsTheSameForAnyJobCountAndAnUnchangedRunLeavesItAlone() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 30)
    func coldCache(jobs: Int) throws -> [UInt8] {
      try? FileManager.default.removeItem(atPath: ".notelint-cache")
      let cache = ResultCache(folder: ".notelint-cache")
      XCTAssertNil(cache.load())
      let linter = Linter(
        options: LintOptions(today: testToday, jobs: jobs), configuration: try ConfigurationResolver(), cache: cache)
      _ = try scan(linter)
      try cache.save()
      return Array(try Data(contentsOf: URL(fileURLWithPath: ".notelint-cache/results.bin")))
    }
    let serial = try coldCache(jobs: 1)
    XCTAssertEqual(try coldCache(jobs: 4), serial)
    XCTAssertEqual(Array(serial.prefix(4)), Array("NLRC".utf8))

    // A warm run of an unchanged tree reuses everything and does not rewrite the file.
    var before = stat()
    XCTAssertEqual(stat(".notelint-cache/results.bin", &before), 0)
    let warm = ResultCache(folder: ".notelint-cache")
    XCTAssertNil(warm.load())
    _ = try scan(try configuredLinter(cache: warm))
    XCTAssertEqual([warm.hits, warm.misses], [30, 0])
    try warm.save()
    var after = stat()
    XCTAssertEqual(stat(".notelint-cache/results.bin", &after), 0)
    XCTAssertEqual(after.st_ino, before.st_ino)
    XCTAssertEqual(Array(try Data(contentsOf: URL(fileURLWithPath: ".notelint-cache/results.bin"))), serial)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: ".notelint-cache").filter {
      $0.contains(".tmp-")
    }
    XCTAssertEqual(leftovers, [])

    // A deleted note's record is dropped at the next save.
    try FileManager.default.removeItem(atPath: "notes/0/note-0.md")
    let third = ResultCache(folder: ".notelint-cache")
    third.load()
    _ = try scan(try configuredLinter(cache: third))
    try third.save()
    let smaller = Array(try Data(contentsOf: URL(fileURLWithPath: ".notelint-cache/results.bin")))
    XCTAssertLessThan(smaller.count, serial.count)
    XCTAssertFalse(String(decoding: smaller, as: UTF8.self).contains("note-0.md"))
  }

  func testADamagedRecordMakesTheCacheCorrupt() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 4)
    let cache = ResultCache(folder: ".notelint-cache")
    _ = try scan(try configuredLinter(cache: cache))
    try cache.save()
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: ".notelint-cache/results.bin")))
    bytes[bytes.count - 3] ^= 0x20
    try Data(bytes).write(to: URL(fileURLWithPath: ".notelint-cache/results.bin"))
    XCTAssertEqual(
      ResultCache(folder: ".notelint-cache").load(), "cache .notelint-cache/results.bin is corrupt; rebuilding it")
  }

  func testCorruptCacheIsDiscardedAndRebuilt() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 3)
    try scratch.write(".notelint-cache/results.bin", "{ this is not json")
    let cache = ResultCache(folder: ".notelint-cache")
    XCTAssertEqual(cache.load(), "cache .notelint-cache/results.bin is corrupt; rebuilding it")
    let result = try scan(try configuredLinter(cache: cache))
    XCTAssertEqual(result.report.files.count, 3)
    try cache.save()
    XCTAssertNil(ResultCache(folder: ".notelint-cache").load())
    XCTAssertEqual(try scratch.read(".notelint-cache/.gitignore").split(separator: "\n").last, "*")
  }

  func testBaselineSurvivesShiftedLinesAndCountsDuplicates() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/a.md", "# Status\n\nThe model ships in the coming weeks.\n")
    let linter = try configuredLinter()
    let recorded = try scan(linter).report.findings
    try AtomicFile.write(Baseline.render(recorded), to: "baseline.json")
    let baseline = try Baseline.load(path: "baseline.json").get()

    // Unrelated edits above shift the known finding down; a new one is added.
    try scratch.write(
      "notes/a.md",
      "# Status\n\nIntro paragraph.\n\nMore context here.\n\nThe model ships in the coming weeks.\n\nThe report ships in the coming weeks.\n"
    )
    let now = try scan(linter).report.findings
    XCTAssertEqual(now.map(\.line), [7, 9])
    let filtered = baseline.filter(now)
    XCTAssertEqual(filtered.known, 1)
    XCTAssertEqual(filtered.new.map(\.line), [9])

    // A second identical finding in the same file is new: the baseline counts occurrences.
    try scratch.write(
      "notes/a.md", "# Status\n\nThe model ships in the coming weeks.\n\nThe model ships in the coming weeks.\n")
    XCTAssertEqual(baseline.filter(try scan(linter).report.findings).new.map(\.line), [5])

    XCTAssertThrowsError(try Baseline.load(path: "notes/a.md").get())
  }

  func testShardsPartitionTheFilesAndMergeIsByteIdenticalToOneRun() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 40)
    try scratch.write("notes/bad.md", "")
    try FileManager.default.removeItem(atPath: scratch.path + "/notes/bad.md")
    try FileManager.default.createSymbolicLink(atPath: scratch.path + "/notes/loop", withDestinationPath: ".")
    let linter = try configuredLinter()
    let whole = JSONReporter().render(try scan(linter).report)
    var outputs: [String] = []
    var seen: [String] = []
    for index in 1...3 {
      let part = try scan(linter, shard: Shard(index: index, count: 3))
      seen += part.report.files.map(\.path)
      let path = "shard-\(index).json"
      try AtomicFile.write(JSONReporter().render(part.report), to: path)
      outputs.append(path)
    }
    XCTAssertEqual(seen.count, 40)
    XCTAssertEqual(Set(seen).count, 40)
    let merged = try ReportMerger.merge(paths: outputs.reversed()).get()
    XCTAssertEqual(JSONReporter().render(merged), whole)
    // The same shard twice is refused.
    XCTAssertThrowsError(try ReportMerger.merge(paths: [outputs[0], outputs[0]]).get()) { error in
      XCTAssertTrue("\(error)".contains("shards overlap"), "\(error)")
    }
  }

  func testShardAssignmentIsDeterministic() {
    let shard = Shard("2/5")!
    XCTAssertEqual(shard.contains("notes/a.md"), shard.contains("./notes/a.md"))
    let paths = (0..<500).map { "notes/\($0).md" }
    let sizes = (1...5).map { Shard(index: $0, count: 5)!.select(paths).count }
    XCTAssertEqual(sizes.reduce(0, +), 500)
    XCTAssertTrue(sizes.allSatisfy { $0 > 60 }, "\(sizes)")
    XCTAssertNil(Shard("0/3"))
    XCTAssertNil(Shard("4/3"))
    XCTAssertNil(Shard("x"))
  }

  func testMergeRefusesReportsOfDifferentDays() throws {
    let scratch = try ScratchFolder()
    try makeTree(scratch, count: 2)
    try AtomicFile.write(JSONReporter().render(try scan(try configuredLinter()).report), to: "a.json")
    var other = LintOptions(today: CivilDate(year: 2026, month: 12, day: 1)!)
    other.jobs = 1
    let later = Linter(options: other, configuration: try ConfigurationResolver())
    try AtomicFile.write(JSONReporter().render(try scan(later).report), to: "b.json")
    XCTAssertThrowsError(try ReportMerger.merge(paths: ["a.json", "b.json"]).get()) { error in
      XCTAssertTrue("\(error)".contains("--today 2026-12-01"), "\(error)")
    }
  }

  func testAtomicWriteReplacesWholeAndLeavesNoTemporaryFile() throws {
    let scratch = try ScratchFolder()
    try scratch.write("out/report.json", "old")
    try AtomicFile.write("new content\n", to: "out/report.json")
    XCTAssertEqual(try scratch.read("out/report.json"), "new content\n")
    XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: scratch.path + "/out"), ["report.json"])
    XCTAssertThrowsError(try AtomicFile.write("x", to: "missing-folder/report.json"))
  }
}
