import Foundation
import XCTest

#if canImport(Glibc)
  import Glibc
#endif

/// What notelint writes, it writes whole or not at all, and it never writes to the notes: runs killed
/// mid-write leave the previous file, corrupt caches are rebuilt, corrupt baselines and configurations
/// stop the run, and no command changes a byte or a modification time of its input.
final class SafeWriteCLITests: XCTestCase {
  private var root: URL!

  override func setUpWithError() throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-safe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
  }

  override func tearDownWithError() throws {
    RawFiles.removeTree(root.path)
  }

  private func run(
    _ arguments: [String], in folder: String = "", killWhen: (() -> Bool)? = nil, file: StaticString = #filePath,
    line: UInt = #line
  ) throws -> BinaryRun {
    let place = folder.isEmpty ? root! : root.appendingPathComponent(folder)
    // No global git configuration: a core.hooksPath there would send the hook elsewhere.
    return try Notelint.run(
      arguments, in: place, environment: ["GIT_CONFIG_GLOBAL": "/dev/null"], killWhen: killWhen, file: file, line: line)
  }

  /// Copies the sample corpus (notes and sidecars) into `folder`.
  private func copyCorpus(to folder: String, only: Int? = nil) throws {
    var notes = SampleCorpus.notes
    if let only { notes = stride(from: 0, to: notes.count, by: notes.count / only).prefix(only).map { notes[$0] } }
    for note in notes {
      RawFiles.write(root.appendingPathComponent(folder).path, note, SampleCorpus.bytes(note))
      RawFiles.write(
        root.appendingPathComponent(folder).path, note + ".expected", SampleCorpus.bytes(note + ".expected"))
    }
  }

  /// Regular files of a folder, by relative path.
  private func files(_ folder: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for (path, entry) in TreeSnapshot.take(root.appendingPathComponent(folder).path).entries {
      if let bytes = entry.bytes { result[path] = bytes }
    }
    return result
  }

  /// Makes `folder` hold exactly `content`.
  private func restore(_ folder: String, _ content: [String: [UInt8]]) {
    RawFiles.removeTree(root.appendingPathComponent(folder).path)
    try? FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
    for (path, bytes) in content { RawFiles.write(root.appendingPathComponent(folder).path, path, bytes) }
  }

  // MARK: - (a) killed runs

  func testRunsKilledWhileWritingLeaveTheOldFileOrTheNewOneNeverPart() throws {
    try copyCorpus(to: "tree/Corpus", only: 24)
    // Two shards for merge.
    for shard in ["1/2", "2/2"] {
      let name = "shard-\(shard.prefix(1)).json"
      _ = try run([
        "lint", "tree/Corpus", "--shard", shard, "--format", "json", "--output", name, "--today", "2026-11-23",
      ])
    }
    // Each writer: the folder it writes in (inside the tree), the run that leaves the previous version,
    // and the run that writes the new one.
    let today = ["--today", "2026-11-23"]
    let writers: [(folder: String, old: [String], new: [String])] = [
      (
        "tree/out/report",
        ["lint", "tree/Corpus/en", "--format", "sarif", "--output", "tree/out/report/notelint.sarif"] + today,
        ["lint", "tree/Corpus", "--format", "sarif", "--output", "tree/out/report/notelint.sarif"] + today
      ),
      (
        "tree/out/baseline", ["lint", "tree/Corpus/en", "--write-baseline", "tree/out/baseline/baseline.json"] + today,
        ["lint", "tree/Corpus", "--write-baseline", "tree/out/baseline/baseline.json"] + today
      ),
      (
        "tree/out/cache", ["lint", "tree/Corpus", "--cache-path", "tree/out/cache", "--today", "2026-01-05"],
        ["lint", "tree/Corpus", "--cache-path", "tree/out/cache"] + today
      ),
      (
        "tree/out/actions",
        ["actions", "tree/Corpus/it", "--format", "json", "--output", "tree/out/actions/actions.json"] + today,
        ["actions", "tree/Corpus", "--format", "json", "--output", "tree/out/actions/actions.json"] + today
      ),
      (
        "tree/out/digest", ["digest", "tree/Corpus", "--out", "tree/out/digest", "--today", "2026-11-02"],
        ["digest", "tree/Corpus", "--out", "tree/out/digest"] + today
      ),
      (
        "tree/out/merge", ["merge", "shard-1.json", "--output", "tree/out/merge/notelint.json"],
        ["merge", "shard-1.json", "shard-2.json", "--output", "tree/out/merge/notelint.json"]
      ),
    ]
    var caughtMidWrite = 0
    for writer in writers {
      try FileManager.default.createDirectory(
        at: root.appendingPathComponent(writer.folder), withIntermediateDirectories: true)
      let first = try run(writer.old)
      XCTAssertNotEqual(first.code, 2, first.stderr)
      let old = files(writer.folder)
      XCTAssertFalse(old.isEmpty, writer.folder)
      let second = try run(writer.new)
      XCTAssertNotEqual(second.code, 2, second.stderr)
      let new = files(writer.folder)
      XCTAssertNotEqual(old, new, writer.folder)
      let folder = root.appendingPathComponent(writer.folder).path
      // Kill when a temporary file appears or any file of the folder changes (the moment of the
      // write), and at a few fixed moments.
      let triggers: [() -> (() -> Bool)] = [
        { { Self.writing(in: folder, comparedTo: old) } },
        { { Self.writing(in: folder, comparedTo: old) } },
        {
          let start = Date()
          return { Date().timeIntervalSince(start) > 0.1 }
        },
      ]
      for (attempt, trigger) in triggers.enumerated() {
        restore(writer.folder, old)
        let result = try run(writer.new, killWhen: trigger())
        let now = files(writer.folder)
        let what = "\(writer.folder), attempt \(attempt), killed: \(result.killed)"
        var strays: [String] = []
        for path in Set(now.keys).union(old.keys).union(new.keys).sorted() {
          let name = (path as NSString).lastPathComponent
          if old[path] == nil, new[path] == nil, name.hasPrefix("."), name.contains(".tmp-") {
            strays.append(path)
            continue
          }
          XCTAssertTrue(now[path] == old[path] || now[path] == new[path], "\(what): \(path) is neither old nor new")
        }
        if !strays.isEmpty {
          caughtMidWrite += 1
          // A temporary file left by the kill is hidden and never taken for a note.
          let scan = try run(["lint", writer.folder, "--format", "json", "--fail-on", "none"])
          let listed = (parseJSON(scan.stdout, "scan") as? [String: Any])?["files"] as? [[String: Any]] ?? []
          XCTAssertFalse(listed.contains { ($0["path"] as? String ?? "").contains(".tmp-") }, what)
        }
      }
    }
    // How many kills landed inside a write depends on timing: reported, never asserted.
    print("notelint kill test: \(caughtMidWrite) kills left a temporary file")
  }

  /// Whether a write has begun in `folder`: a temporary file exists, or a file differs from `old`.
  private static func writing(in folder: String, comparedTo old: [String: [UInt8]]) -> Bool {
    guard let names = try? FileManager.default.subpathsOfDirectory(atPath: folder) else { return false }
    for name in names {
      if name.contains(".tmp-") { return true }
      var status = stat()
      guard stat(folder + "/" + name, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
      guard let bytes = old[name] else { return true }
      if Int(status.st_size) != bytes.count { return true }
    }
    return false
  }

  // MARK: - (b) corrupt cache

  func testACorruptCacheIsDiscardedAndRebuiltWithOneInfoLine() throws {
    try copyCorpus(to: "notes", only: 8)
    let plain = try run(["lint", "notes", "--format", "json", "--today", "2026-11-23"])
    XCTAssertEqual(plain.code, 1, plain.stderr)
    let variants: [(String, [UInt8], String)] = [
      ("garbage", Array("not a cache".utf8), "is corrupt"),
      ("truncated", Array("NLRC".utf8) + [4, 0, 0, 0, 5, 0, 0, 0] + Array("0.1".utf8), "is corrupt"),
      ("previous format", Array("NLRC".utf8) + [3, 0, 0, 0, 5, 0, 0, 0] + Array("0.1".utf8), "has another format (3)"),
      ("empty", [], "is corrupt"),
      ("binary", [0, 1, 2, 0xFF, 0], "is corrupt"),
      ("old JSON cache", Array(#"{"format":1,"tool":"0.1.0","entries":[]}"#.utf8), "is corrupt"),
      ("other format", Array("NLRC".utf8) + [99, 0, 0, 0], "has another format (99)"),
    ]
    for (name, bytes, reason) in variants {
      RawFiles.removeTree(root.appendingPathComponent("cache").path)
      RawFiles.write(root.path, "cache/results.bin", bytes)
      let rebuilt = try run(["lint", "notes", "--cache-path", "cache", "--format", "json", "--today", "2026-11-23"])
      XCTAssertEqual(rebuilt.code, plain.code, name)
      XCTAssertEqual(rebuilt.stdout, plain.stdout, name)
      XCTAssertEqual(rebuilt.errLines, ["notelint: info: cache cache/results.bin \(reason); rebuilding it"], name)
      let cache = try Data(contentsOf: root.appendingPathComponent("cache/results.bin"))
      XCTAssertEqual(Array(cache.prefix(4)), Array("NLRC".utf8), name)
      let warm = try run(["lint", "notes", "--cache-path", "cache", "--today", "2026-11-23"])
      XCTAssertFalse(warm.stderr.contains("info:"), name)
      XCTAssertTrue(warm.stderr.contains("cache: 8 reused, 0 linted"), "\(name): \(warm.stderr)")
    }
  }

  // MARK: - (c) corrupt baseline or configuration

  func testACorruptBaselineStopsWithExitTwoAndOneLineNamingIt() throws {
    try copyCorpus(to: "notes", only: 4)
    let notBaseline = "is not a notelint baseline (write one with --write-baseline)"
    let variants: [(String, [UInt8]?, String)] = [
      ("garbage", Array("hello".utf8), notBaseline),
      ("truncated", Array(#"{"tool":{"name":"notelint"},"baseline":1,"findings":[{"file":"#.utf8), notBaseline),
      ("empty", [], notBaseline),
      ("binary", [0, 0, 0xFF], notBaseline),
      ("invalid UTF-8", [0x7B, 0xFF, 0x7D], notBaseline),
      ("no findings", Array(#"{"baseline":1}"#.utf8), notBaseline),
      ("version 2", Array(#"{"baseline":2,"findings":[]}"#.utf8), "baseline format 2 is not supported"),
      ("a folder", nil, "cannot be read: not a regular file"),
    ]
    for (name, bytes, reason) in variants {
      RawFiles.removeTree(root.appendingPathComponent("baseline.json").path)
      if let bytes {
        RawFiles.write(root.path, "baseline.json", bytes)
      } else {
        try FileManager.default.createDirectory(
          at: root.appendingPathComponent("baseline.json"), withIntermediateDirectories: false)
      }
      let result = try run(["lint", "notes", "--baseline", "baseline.json", "--today", "2026-11-23"])
      XCTAssertEqual(result.code, 2, name)
      XCTAssertEqual(result.errLines, ["notelint: baseline.json: \(reason)"], name)
      XCTAssertEqual(result.stdout, "", name)
    }
  }

  func testACorruptConfigurationStopsWithExitTwoAndOneLineNamingIt() throws {
    try copyCorpus(to: "notes", only: 4)
    let variants: [(String, [UInt8]?, String)] = [
      ("invalid YAML", Array("rules: [vague-time, \n  language: {".utf8), "notes/.notelint.yml:"),
      ("binary", Array("language: en\n".utf8) + [0, 0, 1], "notes/.notelint.yml:"),
      ("invalid UTF-8", Array("language: ".utf8) + [0xE9, 0x0A], "notes/.notelint.yml: is not valid UTF-8"),
      (
        "unknown rule", Array("rules:\n  vage-time: off\n".utf8),
        "notes/.notelint.yml:2: unknown rule or category 'vage-time'"
      ),
      ("wrong type", Array("fail-on: [1, 2]\n".utf8), "notes/.notelint.yml:1:"),
      (
        "too large", Array("# x\n".utf8) + [UInt8](repeating: 0x23, count: 1 << 21),
        "notes/.notelint.yml: cannot be read: "
      ),
      ("a folder", nil, "notes/.notelint.yml: cannot be read: not a regular file"),
    ]
    for (name, bytes, start) in variants {
      let path = root.appendingPathComponent("notes/.notelint.yml").path
      RawFiles.removeTree(path)
      if let bytes {
        RawFiles.write(root.path, "notes/.notelint.yml", bytes)
      } else {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
      }
      for command in [
        ["lint", "notes"], ["actions", "notes"], ["digest", "notes", "--out", "digest"],
      ] {
        let result = try run(command + ["--today", "2026-11-23"])
        let what = "\(name): \(command.joined(separator: " "))"
        XCTAssertEqual(result.code, 2, "\(what): \(result.stderr)")
        XCTAssertEqual(result.errLines.count, 1, "\(what): \(result.stderr)")
        XCTAssertTrue(result.errLines.first?.hasPrefix("notelint: " + start) ?? false, "\(what): \(result.stderr)")
        XCTAssertEqual(result.stdout, "", what)
      }
      // The same file given with --config.
      let given = try run(["lint", "notes", "--config", "notes/.notelint.yml"])
      XCTAssertEqual(given.code, 2, name)
      XCTAssertTrue(given.errLines.first?.hasPrefix("notelint: " + start) ?? false, "\(name): \(given.stderr)")
    }
  }

  func testAnOutputNeverReplacesANoteTheRunReads() throws {
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    RawFiles.write(root.path, "notes/b.html", "<p>Later.</p>\n")
    symlink("notes/a.md", root.appendingPathComponent("alias.md").path)
    let before = TreeSnapshot.take(root.path)
    for command in [
      ["lint", "notes", "--output", "notes/a.md"], ["lint", "notes", "--output", "./notes/../notes/b.html"],
      ["lint", "notes", "--format", "json", "--output", "alias.md"],
      ["lint", "notes", "--write-baseline", "notes/a.md"],
      ["actions", "notes", "--output", "notes/a.md"], ["lint", "notes/a.md", "--output", "alias.md"],
    ] {
      let result = try run(command + ["--today", "2026-11-23"])
      XCTAssertEqual(result.code, 2, "\(command): \(result.stderr)")
      XCTAssertEqual(result.errLines.count, 1, result.stderr)
      XCTAssertTrue(result.stderr.contains("notelint never writes over a note"), result.stderr)
      XCTAssertEqual(TreeSnapshot.take(root.path).differences(before), [], "\(command)")
    }
    // A new file next to the notes is fine.
    let report = try run([
      "lint", "notes", "--format", "markdown", "--output", "notes/report.md", "--today", "2026-11-23",
    ])
    XCTAssertEqual(report.code, 1, report.stderr)
    XCTAssertTrue(FileManager.default.fileExists(atPath: root.appendingPathComponent("notes/report.md").path))
  }

  // MARK: - (d) inputs untouched

  func testNoCommandChangesTheBytesOrTimesOfItsInputs() throws {
    try copyCorpus(to: "inputs", only: 12)
    let inputs = root.appendingPathComponent("inputs").path
    RawFiles.write(inputs, ".notelint.yml", "language: auto\nfail-on: warning\n")
    RawFiles.write(inputs, ".gitignore", "ignored/\n")
    RawFiles.write(inputs, "ignored/skip.md", "We ship soon.\n")
    RawFiles.write(inputs, "extra/crlf.md", "We ship soon.\r\nLater.\r\n")
    RawFiles.write(inputs, "extra/empty.md", "")
    symlink("crlf.md", inputs + "/extra/link.md")
    // Modification times in the past, so a rewrite with the same bytes would still show.
    var times = [
      timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789), timespec(tv_sec: 1_700_000_000, tv_nsec: 123_456_789),
    ]
    for (path, entry) in TreeSnapshot.take(inputs).entries where entry.type == S_IFREG {
      XCTAssertEqual(utimensat(AT_FDCWD, inputs + "/" + path, &times, AT_SYMLINK_NOFOLLOW), 0, path)
    }
    let git = Process()
    git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    git.environment = [
      "GIT_CONFIG_GLOBAL": "/dev/null", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
    ]
    git.arguments = ["sh", "-c", "git init -q && git add -A && git -c user.email=t@e -c user.name=t commit -qm x"]
    git.currentDirectoryURL = URL(fileURLWithPath: inputs)
    try git.run()
    git.waitUntilExit()
    XCTAssertEqual(git.terminationStatus, 0)
    mkfifo(inputs + "/extra/fifo.md", 0o644)  // git does not take FIFOs
    let before = TreeSnapshot.take(inputs, skipping: [".git"])
    XCTAssertGreaterThan(before.entries.count, 20)

    let today = ["--today", "2026-11-23"]
    var commands: [[String]] = []
    for format in ["text", "json", "sarif", "github", "checkstyle", "junit", "markdown", "html"] {
      commands.append(["lint", ".", "--format", format] + today)
    }
    commands += [
      ["lint", "."], ["lint", "--staged"] + today, ["lint", "extra/crlf.md", "extra/link.md", "extra/fifo.md"],
      ["lint", ".", "--cache-path", "../out/cache"] + today, ["lint", ".", "--cache-path", "../out/cache"] + today,
      ["lint", ".", "--write-baseline", "../out/baseline.json"] + today,
      ["lint", ".", "--baseline", "../out/baseline.json"] + today,
      ["lint", ".", "--format", "json", "--output", "../out/report.json"] + today,
      ["merge", "../out/report.json", "--format", "sarif"],
      ["checkpoint", "technical", "."] + today, ["checkpoint", "business", ".", "--format", "html"] + today,
      ["checkpoint", "review", ".", "--format", "json"] + today,
      ["eval", "."] + today, ["explain", "vague-time"], ["rules"], ["rules", "--json"], ["init", "."],
      ["hook", "install"], ["hook", "uninstall"],
    ]
    for format in ["text", "json", "csv", "markdown", "ics"] {
      commands.append(["actions", ".", "--format", format] + today)
    }
    commands.append(["actions", ".", "--format", "ics", "--output", "../out/actions.ics"] + today)
    commands.append(["digest", ".", "--out", "../out/digest"] + today)
    commands.append(["digest", ".", "--out", "../out/digest"] + today)
    try FileManager.default.createDirectory(at: root.appendingPathComponent("out"), withIntermediateDirectories: true)
    for command in commands {
      let result = try run(command, in: "inputs")
      XCTAssertTrue([0, 1, 2, 3].contains(result.code), "\(command): \(result.code) \(result.stderr)")
      let after = TreeSnapshot.take(inputs, skipping: [".git"])
      XCTAssertEqual(after.differences(before), [], "notelint \(command.joined(separator: " ")) changed its inputs")
    }
    // init in a folder of notes adds its own file and nothing else.
    let initialised = try run(["init", "en"], in: "inputs")
    XCTAssertEqual(initialised.code, 0, initialised.stderr)
    XCTAssertEqual(TreeSnapshot.take(inputs, skipping: [".git"]).differences(before), ["en/.notelint.yml"])
  }

  // MARK: - Hostile output paths (issue 18)

  /// An output path that is a FIFO, a folder, a socket or (through a link) a device is refused with
  /// exit 2 and a message naming it, for every command that writes; nothing is replaced.
  func testSpecialFileTargetsAreRefusedForEveryWriter() throws {
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    RawFiles.write(root.path, "report.json", "")
    let lint = try run(["lint", "notes", "--format", "json", "--output", "report.json"])
    XCTAssertEqual(lint.code, 1, lint.stderr)
    XCTAssertEqual(mkfifo(root.appendingPathComponent("fifo").path, 0o644), 0)
    try FileManager.default.createDirectory(
      at: root.appendingPathComponent("folder"), withIntermediateDirectories: true)
    XCTAssertEqual(symlink("/dev/null", root.appendingPathComponent("null-link").path), 0)
    for target in ["fifo", "folder", "null-link"] {
      let commands = [
        ["lint", "notes", "--output", target], ["lint", "notes", "--write-baseline", target],
        ["merge", "report.json", "--output", target], ["actions", "notes", "--format", "ics", "--output", target],
      ]
      for command in commands {
        let result = try run(command)
        XCTAssertEqual(result.code, 2, "\(command): \(result.stderr)")
        XCTAssertTrue(result.stderr.contains("\(target): cannot be written: is a"), "\(command): \(result.stderr)")
      }
    }
    var status = stat()
    XCTAssertEqual(lstat(root.appendingPathComponent("fifo").path, &status), 0)
    XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO)
    XCTAssertEqual(lstat(root.appendingPathComponent("null-link").path, &status), 0)
    XCTAssertEqual(status.st_mode & S_IFMT, S_IFLNK)
  }

  /// `-` and `/dev/stdout` are standard output; the configuration and the baseline a run reads are
  /// never replaced by its output.
  func testStandardOutputNamesAndInputsOfTheRun() throws {
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    RawFiles.write(root.path, ".notelint.yml", "version: 1\n")
    for name in ["-", "/dev/stdout"] {
      let result = try run(["lint", "notes", "--format", "json", "--output", name])
      XCTAssertEqual(result.code, 1, result.stderr)
      XCTAssertNotNil(parseJSON(result.stdout, name))
    }
    let baseline = try run(["lint", "notes", "--write-baseline", "base.json"])
    XCTAssertEqual(baseline.code, 0, baseline.stderr)
    let report = try run(["lint", "notes", "--format", "json", "--output", "report.json"])
    XCTAssertEqual(report.code, 1, report.stderr)
    let before = files("")
    let cases = [
      ["lint", "notes", "--output", ".notelint.yml"], ["lint", "notes", "--write-baseline", ".notelint.yml"],
      ["lint", "notes", "--config", ".notelint.yml", "--output", ".notelint.yml"],
      ["lint", "notes", "--baseline", "base.json", "--output", "base.json"],
      ["actions", "notes", "--output", ".notelint.yml"], ["merge", "report.json", "--output", "report.json"],
    ]
    for command in cases {
      let result = try run(command)
      XCTAssertEqual(result.code, 2, "\(command): \(result.stderr)")
      XCTAssertTrue(result.stderr.contains("never writes over an input"), "\(command): \(result.stderr)")
    }
    XCTAssertEqual(files(""), before)
  }

  /// The temporary file of a killed cache write is removed by the next run that uses the cache.
  func testStaleCacheTemporariesAreRemoved() throws {
    RawFiles.write(root.path, "notes/a.md", "We ship soon.\n")
    let first = try run(["lint", "notes", "--cache"])
    XCTAssertEqual(first.code, 1, first.stderr)
    let folder = root.appendingPathComponent(".notelint-cache")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
    guard let cacheName = names.first(where: { !$0.hasPrefix(".") }) else { return XCTFail("\(names)") }
    let stale = folder.appendingPathComponent(".\(cacheName).tmp-AbC123").path
    let fresh = folder.appendingPathComponent(".\(cacheName).tmp-XyZ789").path
    RawFiles.write(folder.path, ".\(cacheName).tmp-AbC123", "left by a killed run")
    RawFiles.write(folder.path, ".\(cacheName).tmp-XyZ789", "a live run's")
    var times = [timeval(tv_sec: 1_000_000, tv_usec: 0), timeval(tv_sec: 1_000_000, tv_usec: 0)]
    XCTAssertEqual(utimes(stale, &times), 0)
    RawFiles.write(root.path, "notes/b.md", "We ship later.\n")
    let second = try run(["lint", "notes", "--cache"])
    XCTAssertEqual(second.code, 1, second.stderr)
    XCTAssertFalse(FileManager.default.fileExists(atPath: stale))
    XCTAssertTrue(FileManager.default.fileExists(atPath: fresh))
  }
}
