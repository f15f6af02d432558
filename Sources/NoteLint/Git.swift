import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The few git commands notelint needs: the staged notes (for a pre-commit hook) and the hooks folder.
public enum Git {
  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// A staged file: its path as shown (relative to the current folder) and its content in the index.
  public struct StagedFile: Sendable {
    public var path: String
    public var absolutePath: String
    /// The staged content; nil when it is larger than the size limit (it is then never read).
    public var bytes: [UInt8]?
    /// The size of the staged content in bytes.
    public var size: Int
  }

  struct Output {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
  }

  /// Runs git with posix_spawn and a poll loop over its pipes (Foundation's Process waits on a run
  /// loop that adds tens of milliseconds per call: a pre-commit hook runs four of them).
  static func run(_ arguments: [String], input: [UInt8]? = nil, folder: String? = nil) throws -> Output {
    var argv = ["git"]
    if let folder { argv += ["-C", folder] }
    argv += arguments
    var environment = ProcessInfo.processInfo.environment
    environment["GIT_LITERAL_PATHSPECS"] = "1"
    let envp = environment.map { "\($0.key)=\($0.value)" }.sorted()
    var inPipe: [Int32] = [0, 0]
    var outPipe: [Int32] = [0, 0]
    var errPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else {
      throw Failure(description: "cannot run git: \(String(cString: strerror(errno)))")
    }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for descriptor in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, descriptor) }
    var pid: pid_t = 0
    let status = withCStrings(argv) { cArguments in
      withCStrings(envp) { cEnvironment in
        posix_spawnp(&pid, "git", &actions, nil, cArguments, cEnvironment)
      }
    }
    close(inPipe[0])
    close(outPipe[1])
    close(errPipe[1])
    guard status == 0 else {
      close(inPipe[1])
      close(outPipe[0])
      close(errPipe[0])
      throw Failure(description: "cannot run git: \(String(cString: strerror(status)))")
    }
    var stdout: [UInt8] = []
    var stderr: [UInt8] = []
    let pending = input ?? []
    var written = 0
    var writer: Int32 = inPipe[1]
    if pending.isEmpty {
      close(writer)
      writer = -1
    } else {
      _ = fcntl(writer, F_SETFL, fcntl(writer, F_GETFL) | O_NONBLOCK)
    }
    var readers: [Int32] = [outPipe[0], errPipe[0]]
    var buffer = [UInt8](repeating: 0, count: 65536)
    while !readers.isEmpty || writer >= 0 {
      var fds = readers.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      if writer >= 0 { fds.append(pollfd(fd: writer, events: Int16(POLLOUT), revents: 0)) }
      let ready = poll(&fds, nfds_t(fds.count), -1)
      if ready < 0 {
        if errno == EINTR { continue }
        break
      }
      for entry in fds where entry.revents != 0 {
        if entry.fd == writer {
          let count = pending.withUnsafeBytes {
            Glibc.write(writer, $0.baseAddress! + written, pending.count - written)
          }
          if count > 0 { written += count }
          if count < 0 && errno != EAGAIN && errno != EINTR || written >= pending.count {
            close(writer)
            writer = -1
          }
          continue
        }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(entry.fd, $0.baseAddress, $0.count) }
        if count > 0 {
          if entry.fd == outPipe[0] {
            stdout.append(contentsOf: buffer[0..<count])
          } else {
            stderr.append(contentsOf: buffer[0..<count])
          }
        } else if count == 0 || errno != EINTR && errno != EAGAIN {
          close(entry.fd)
          readers.removeAll { $0 == entry.fd }
        }
      }
    }
    var exitStatus: Int32 = 0
    while waitpid(pid, &exitStatus, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS.
    let code: Int32 = (exitStatus & 0x7F) == 0 ? (exitStatus >> 8) & 0xFF : 128 + (exitStatus & 0x7F)
    return Output(
      status: code, stdout: stdout,
      stderr: String(decoding: stderr, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
  }

  /// A NUL-terminated array of C strings for posix_spawn.
  static func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let pointers = strings.map { strdup($0) } + [nil]
    defer { for pointer in pointers { free(pointer) } }
    return body(pointers)
  }

  /// The work tree's root folder.
  public static func topLevel() throws -> String {
    let output = try run(["rev-parse", "--show-toplevel"])
    guard output.status == 0 else {
      throw Failure(description: output.stderr.isEmpty ? "not inside a git work tree" : output.stderr)
    }
    return String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
  }

  /// The folder git runs hooks from (`core.hooksPath` and worktrees respected), absolute.
  public static func hooksFolder() throws -> String {
    let output = try run(["rev-parse", "--git-path", "hooks"])
    guard output.status == 0 else {
      throw Failure(description: output.stderr.isEmpty ? "not inside a git repository" : output.stderr)
    }
    let path = String(decoding: output.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
    return PathUtilities.absolute(path)
  }

  /// The notes changed since the branch left `ref` (its merge base with HEAD), committed or not:
  /// added, copied, modified and renamed files that still exist (a deleted note is nothing to lint,
  /// a renamed one is linted under its new name), as paths relative to the current folder; any
  /// name (spaces, newlines, non-ASCII) is read NUL-separated. `accept` sees paths from the root.
  public static func changedFiles(since ref: String, accept: (String) -> Bool) throws -> [String] {
    let top = try topLevel()
    let base = try run(["merge-base", ref, "HEAD"], folder: top)
    guard base.status == 0 else {
      let reason = base.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
      throw Failure(
        description: "--changed-since \(ref): not a commit this branch shares history with"
          + (reason.isEmpty ? "" : " (\(reason))"))
    }
    let commit = String(decoding: base.stdout, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    let diff = try run(
      ["-c", "core.quotePath=false", "diff", "--name-only", "--no-renames", "--diff-filter=ACMR", "-z", commit, "--"],
      folder: top)
    guard diff.status == 0 else { throw Failure(description: "git diff \(ref) failed: \(diff.stderr)") }
    let current = PathUtilities.currentDirectory
    var result: [String] = []
    for relative in nulSeparated(diff.stdout) where accept(relative) {
      let absolute = PathUtilities.join(top, relative)
      guard PathUtilities.exists(absolute) else { continue }
      result.append(PathUtilities.display(absolute, from: current))
    }
    return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static func nulSeparated(_ bytes: [UInt8]) -> [String] {
    bytes.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  }

  /// The staged content (the index, not the work tree) of the added, copied, modified and renamed
  /// files that `accept` keeps (it sees paths relative to the work tree's root). Blobs larger than
  /// `maxSize` are only sized, never read.
  public static func stagedFiles(maxSize: Int = .max, accept: (String) -> Bool) throws -> [StagedFile] {
    let top = try topLevel()
    // Raw records give each staged blob's mode and id: `:old new oldID newID STATUS\0path\0`, with a
    // second path for renames and copies (the staged one is the last).
    let diff = try run(
      ["diff", "--cached", "--raw", "--no-abbrev", "--diff-filter=ACMR", "-z"], folder: top)
    guard diff.status == 0 else { throw Failure(description: "git diff --cached failed: \(diff.stderr)") }
    var blobs: [(path: String, id: String)] = []
    var fields = nulSeparated(diff.stdout)[...]
    while let record = fields.popFirst() {
      let meta = record.split(separator: " ")
      guard meta.count == 5, let status = meta[4].first else { continue }
      if status == "R" || status == "C" { _ = fields.popFirst() }
      guard let path = fields.popFirst() else { break }
      guard meta[1] != "160000", accept(path) else { continue }
      blobs.append((path, String(meta[3])))
    }
    guard !blobs.isEmpty else { return [] }
    // Sizes first, so that a blob over the limit is never loaded.
    let checked = try run(
      ["cat-file", "--batch-check"], input: Array(blobs.map { $0.id + "\n" }.joined().utf8), folder: top)
    guard checked.status == 0 else { throw Failure(description: "git cat-file failed: \(checked.stderr)") }
    let sizes = String(decoding: checked.stdout, as: UTF8.self).split(separator: "\n").map { line in
      line.split(separator: " ").count == 3 ? Int(line.split(separator: " ")[2]) : nil
    }
    guard sizes.count == blobs.count else { throw Failure(description: "git cat-file: unexpected output") }
    var wanted: [String] = []
    for (blob, size) in zip(blobs, sizes) {
      guard let size else { throw Failure(description: "git cat-file: cannot read the staged \(blob.path)") }
      if size <= maxSize { wanted.append(blob.id) }
    }
    var bytes: [UInt8] = []
    if !wanted.isEmpty {
      let contents = try run(
        ["cat-file", "--batch"], input: Array(wanted.map { $0 + "\n" }.joined().utf8), folder: top)
      guard contents.status == 0 else { throw Failure(description: "git cat-file failed: \(contents.stderr)") }
      bytes = contents.stdout
    }
    var files: [StagedFile] = []
    var offset = 0
    let base = PathUtilities.absolute(FileManager.default.currentDirectoryPath)
    for (blob, size) in zip(blobs, sizes) {
      let size = size ?? 0
      let absolute = PathUtilities.join(top, blob.path)
      var file = StagedFile(
        path: PathUtilities.display(absolute, from: base), absolutePath: absolute, bytes: nil, size: size)
      if size <= maxSize {
        guard let newline = bytes[offset...].firstIndex(of: 0x0A) else {
          throw Failure(description: "git cat-file: unexpected end of output")
        }
        let header = String(decoding: bytes[offset..<newline], as: UTF8.self).split(separator: " ")
        guard header.count == 3, header[1] == "blob", Int(header[2]) == size, newline + 1 + size <= bytes.count else {
          throw Failure(description: "git cat-file: cannot read the staged \(blob.path)")
        }
        let start = newline + 1
        file.bytes = Array(bytes[start..<(start + size)])
        offset = start + size + 1
      }
      files.append(file)
    }
    return files
  }
}
