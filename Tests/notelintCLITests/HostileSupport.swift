import Foundation
import XCTest

#if canImport(FoundationXML)
  import FoundationXML
#endif

#if canImport(Glibc)
  import Glibc
#endif

/// One run of the real binary.
struct BinaryRun {
  var out: [UInt8]
  var err: [UInt8]
  /// The exit code, or 128 + the signal when a signal ended it.
  var code: Int32
  /// Whether the run was killed (by `killWhen` or the time limit).
  var killed: Bool

  var stdout: String { String(decoding: out, as: UTF8.self) }
  var stderr: String { String(decoding: err, as: UTF8.self) }
  /// The lines of standard error.
  var errLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init) }
  /// The `notelint: error: …` lines of standard error, without that prefix.
  var errors: [String] {
    errLines.filter { $0.hasPrefix("notelint: error: ") }.map { String($0.dropFirst("notelint: error: ".count)) }
  }
}

/// Runs the built `notelint` with posix_spawn: standard output and error go to files (no pipe can fill
/// up), and the test polls the child, so a run that blocks is killed at its time limit and fails the
/// test instead of hanging the suite. `killWhen` is polled about every 0.2 ms and sends SIGKILL as
/// soon as it returns true.
enum Notelint {
  static func run(
    _ arguments: [String], in folder: URL, stdin: [UInt8] = [], stdinPath: String? = nil,
    environment: [String: String] = [:],
    timeout: TimeInterval = 180, killWhen: (() -> Bool)? = nil, file: StaticString = #filePath, line: UInt = #line
  ) throws -> BinaryRun {
    let io = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-io-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: io, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: io) }
    let paths = ["in", "out", "err"].map { io.appendingPathComponent($0).path }
    try Data(stdin).write(to: URL(fileURLWithPath: paths[0]))
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, stdinPath ?? paths[0], O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, paths[1], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, paths[2], O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    // posix_spawn has no portable "change folder" action: a shell changes it, then becomes notelint.
    let argv = ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", folder.path, BuiltBinary.url.path] + arguments
    let envp = env.map { "\($0.key)=\($0.value)" }
    var pid: pid_t = 0
    let spawned = withCStrings(argv) { cArguments in
      withCStrings(envp) { cEnvironment in
        posix_spawn(&pid, argv[0], &actions, nil, cArguments, cEnvironment)
      }
    }
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }
    let deadline = Date().addingTimeInterval(timeout)
    var status: Int32 = 0
    var killed = false
    while true {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { break }
      if result < 0, errno != EINTR { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
      if !killed, killWhen?() == true {
        kill(pid, SIGKILL)
        killed = true
      } else if !killed, Date() > deadline {
        kill(pid, SIGKILL)
        killed = true
        XCTFail(
          "notelint \(arguments.joined(separator: " ")) did not end within \(Int(timeout)) s", file: file, line: line)
      }
      usleep(killWhen == nil ? 2_000 : 200)
    }
    let signal = status & 0x7F
    let code = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
    let out = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: paths[1]))) ?? Data())
    let err = [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: paths[2]))) ?? Data())
    return BinaryRun(out: out, err: err, code: code, killed: killed)
  }

  private static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
  }
}

/// File-system helpers that take names as bytes and work one folder at a time (`*at` calls), so
/// they reach names that are not UTF-8 and paths longer than PATH_MAX.
enum RawFiles {
  /// `path` split at `/`, each component as bytes.
  static func components(_ path: String) -> [[UInt8]] {
    path.split(separator: "/").map { Array($0.utf8) }
  }

  static func cString<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
    (bytes + [0]).withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { body($0.baseAddress!) }
    }
  }

  /// Opens (creating them) the folders `parts` below `root`; the caller closes the descriptor.
  static func openFolder(_ root: String, _ parts: [[UInt8]]) -> Int32 {
    try? FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    var descriptor = open(root, O_RDONLY | O_DIRECTORY)
    for part in parts {
      _ = cString(part) { mkdirat(descriptor, $0, 0o755) }
      let next = cString(part) { openat(descriptor, $0, O_RDONLY | O_DIRECTORY) }
      close(descriptor)
      descriptor = next
      if descriptor < 0 { break }
    }
    return descriptor
  }

  /// Writes a file at `root`/`folders`/`name` (the folders are created).
  static func write(_ root: String, _ folders: [[UInt8]], _ name: [UInt8], _ bytes: [UInt8]) {
    let folder = openFolder(root, folders)
    precondition(folder >= 0, "cannot open the folder of \(String(decoding: name, as: UTF8.self))")
    defer { close(folder) }
    let descriptor = cString(name) { openat(folder, $0, O_WRONLY | O_CREAT | O_TRUNC, 0o644) }
    precondition(descriptor >= 0)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
      precondition(count > 0)
      written += count
    }
    close(descriptor)
  }

  static func write(_ root: String, _ path: String, _ bytes: [UInt8]) {
    let parts = components(path)
    write(root, Array(parts.dropLast()), parts.last!, bytes)
  }

  static func write(_ root: String, _ path: String, _ text: String) {
    write(root, path, Array(text.utf8))
  }

  /// Removes a tree however deep (rm -rf does not stop at PATH_MAX).
  static func removeTree(_ path: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/rm")
    process.arguments = ["-rf", path]
    try? process.run()
    process.waitUntilExit()
  }
}

/// Every entry of a tree (symbolic links not followed): its type, size, modification time and, for
/// regular files, its bytes. Two snapshots are equal when nothing in the tree was touched.
struct TreeSnapshot: Equatable {
  struct Entry: Equatable {
    var type: UInt32
    var size: Int
    var modified: [Int]
    var bytes: [UInt8]?
    var link: [UInt8]?
  }

  /// Keyed by path relative to the root, bytes that are not UTF-8 shown as `\xNN`.
  var entries: [String: Entry] = [:]

  /// Takes a snapshot of `root`, leaving out the top-level names in `skipping` (such as `.git`).
  static func take(_ root: String, skipping: Set<String> = []) -> TreeSnapshot {
    var snapshot = TreeSnapshot()
    let descriptor = open(root, O_RDONLY | O_DIRECTORY)
    guard descriptor >= 0 else { return snapshot }
    snapshot.walk(descriptor, prefix: "", skipping: skipping)
    return snapshot
  }

  private mutating func walk(_ folder: Int32, prefix: String, skipping: Set<String>) {
    defer { close(folder) }
    let listing = dup(folder)
    guard let stream = fdopendir(listing) else { return }
    defer { closedir(stream) }
    var names: [[UInt8]] = []
    while let entry = readdir(stream) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
      if name != Array(".".utf8), name != Array("..".utf8) { names.append(name) }
    }
    for name in names.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
      let shown = prefix + Self.display(name)
      if prefix.isEmpty, skipping.contains(shown) { continue }
      var status = stat()
      guard RawFiles.cString(name, { fstatat(folder, $0, &status, AT_SYMLINK_NOFOLLOW) }) == 0 else { continue }
      let type = status.st_mode & S_IFMT
      var entry = Entry(
        type: type, size: Int(status.st_size), modified: [Int(status.st_mtim.tv_sec), Int(status.st_mtim.tv_nsec)])
      if type == S_IFDIR {
        // A folder's own time changes when notelint adds a file next to the notes: its entries are compared instead.
        entry.modified = []
        entry.size = 0
      }
      if type == S_IFREG {
        let file = RawFiles.cString(name) { openat(folder, $0, O_RDONLY | O_NONBLOCK) }
        if file >= 0 {
          var bytes: [UInt8] = []
          var chunk = [UInt8](repeating: 0, count: 65536)
          while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(file, $0.baseAddress, $0.count) }
            if count <= 0 { break }
            bytes += chunk[0..<count]
          }
          close(file)
          entry.bytes = bytes
        }
      }
      if type == S_IFLNK {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = RawFiles.cString(name) { readlinkat(folder, $0, &buffer, buffer.count) }
        entry.link = buffer[0..<max(0, count)].map { UInt8(bitPattern: $0) }
      }
      entries[shown] = entry
      if type == S_IFDIR {
        let inner = RawFiles.cString(name) { openat(folder, $0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW) }
        if inner >= 0 { walk(inner, prefix: shown + "/", skipping: skipping) }
      }
    }
  }

  static func display(_ name: [UInt8]) -> String {
    if let text = String(validating: name, as: UTF8.self) { return text }
    return name.map { $0 < 0x80 ? String(UnicodeScalar($0)) : String(format: "\\x%02X", $0) }.joined()
  }

  /// The paths that differ between two snapshots (added, removed or changed), for messages.
  func differences(_ other: TreeSnapshot) -> [String] {
    Set(entries.keys).union(other.entries.keys).filter { entries[$0] != other.entries[$0] }.sorted()
  }
}

/// The sample corpus of the repository.
enum SampleCorpus {
  static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("Corpus")

  /// The corpus notes (not the sidecars), sorted: `en/…`, `it/…`.
  static let notes: [String] = {
    var notes: [String] = []
    for language in ["en", "it"] {
      let names =
        (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(language).path)) ?? []
      notes += names.filter { !$0.hasSuffix(".expected") }.sorted().map { "\(language)/\($0)" }
    }
    return notes
  }()

  static func bytes(_ note: String) -> [UInt8] {
    [UInt8]((try? Data(contentsOf: folder.appendingPathComponent(note))) ?? Data())
  }

  /// A deterministic tree of `count` notes built from the corpus: Markdown notes joined from two or
  /// three corpus notes (sometimes of both languages), HTML notes copied whole (keeping their
  /// declared encodings), spread over nested folders.
  static func generateTree(at root: String, count: Int) {
    let markdown = notes.filter { $0.hasSuffix(".md") }
    let html = notes.filter { $0.hasSuffix(".html") }
    for index in 0..<count {
      let folder = "team-\(index % 7)/sprint-\(index % 5)"
      if index % 3 == 2 {
        let source = html[(index * 5) % html.count]
        let name = (source as NSString).lastPathComponent
        RawFiles.write(root, "\(folder)/\(index)-\(name)", bytes(source))
      } else {
        var text: [UInt8] = []
        let parts = 1 + index % 2
        for part in 0..<parts {
          text += bytes(markdown[(index * 7 + part * 11) % markdown.count]) + Array("\n\n".utf8)
        }
        RawFiles.write(root, "\(folder)/\(index)-note.md", text)
      }
    }
  }
}

/// Parses JSON output, failing the test with the output's start when it is not JSON.
func parseJSON(_ text: String, _ what: String, file: StaticString = #filePath, line: UInt = #line) -> Any? {
  do {
    return try JSONSerialization.jsonObject(with: Data(text.utf8))
  } catch {
    XCTFail("\(what) is not valid JSON (\(error)): \(text.prefix(300))", file: file, line: line)
    return nil
  }
}

/// Whether XML output is well-formed (libxml2-backed XMLParser).
func isWellFormedXML(_ text: String) -> Bool {
  XMLParser(data: Data(text.utf8)).parse()
}
