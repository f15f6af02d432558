import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Every file notelint writes (reports, baselines, the cache, hooks, starter configs) is written to a
/// temporary file in the same folder, flushed, then renamed over the target: a reader sees the old
/// file or the new one, never half of one.
public enum AtomicFile {
  public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(path): cannot be written: \(reason)" }
  }

  /// Refuses a target that exists and is not a regular file: renaming over a device (`/dev/null`),
  /// a FIFO, a socket or a folder would replace it with a regular file. A symbolic link is judged
  /// by what it points to.
  public static func checkTarget(_ path: String) throws(WriteError) {
    var status = stat()
    guard stat(path, &status) == 0 else { return }
    let type = status.st_mode & S_IFMT
    guard type != S_IFREG else { return }
    let kind: String
    switch type {
    case S_IFDIR: kind = "a folder"
    case S_IFIFO: kind = "a FIFO"
    case S_IFSOCK: kind = "a socket"
    case S_IFCHR, S_IFBLK: kind = "a device"
    default: kind = "not a regular file"
    }
    throw WriteError(path: path, reason: "is \(kind): notelint writes only regular files or new names")
  }

  /// Removes the temporary files of `path` (`.NAME.tmp-XXXXXX`) that a killed run left behind: those
  /// not modified for `age` seconds (a live run appends to its own as it goes). Returns how many.
  @discardableResult
  public static func removeStaleTemporaries(of path: String, age: Double = 600) -> Int {
    let folder = PathUtilities.parent(PathUtilities.absolute(path)) ?? "/"
    let prefix = ".\((path as NSString).lastPathComponent).tmp-"
    guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return 0 }
    let now = Date().timeIntervalSince1970
    var removed = 0
    for name in names where name.hasPrefix(prefix) && name.utf8.count == prefix.utf8.count + 6 {
      let temporary = PathUtilities.join(folder, name)
      var status = stat()
      guard lstat(temporary, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { continue }
      guard now - Double(status.st_mtim.tv_sec) >= age else { continue }
      if unlink(temporary) == 0 { removed += 1 }
    }
    return removed
  }

  /// Writes `bytes` to `path` atomically; `mode` sets the permissions (default 0644).
  public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(WriteError) {
    let stream = try Stream(path: path)
    try stream.append(bytes)
    try stream.commit(mode: mode)
  }

  /// A file written in pieces (the results cache, as a scan goes): the pieces go to a temporary
  /// file in the same folder, which `commit` renames over the target. Dropped without `commit`, the
  /// temporary file is removed and the target is left as it was.
  public final class Stream {
    public let path: String
    private let temporary: String
    private var descriptor: Int32
    private var done = false

    public init(path: String) throws(WriteError) {
      self.path = path
      try AtomicFile.checkTarget(path)
      let folder = PathUtilities.parent(PathUtilities.absolute(path)) ?? "/"
      let name = (path as NSString).lastPathComponent
      var template = Array(PathUtilities.join(folder, ".\(name).tmp-XXXXXX").utf8CString)
      let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
      guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
      self.descriptor = descriptor
      self.temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    deinit { abort() }

    /// Bytes appended so far.
    public private(set) var size = 0

    /// Reads back `count` bytes written at `offset`; nil when they are not there.
    public func read(_ count: Int, at offset: Int) -> [UInt8]? {
      guard !done else { return nil }
      return FileReader.read(descriptor, count, at: offset)
    }

    /// Appends bytes to the temporary file.
    public func append(_ bytes: [UInt8]) throws(WriteError) {
      var failure: String?
      bytes.withUnsafeBytes { buffer in
        var written = 0
        while written < buffer.count {
          let count = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
          if count < 0 {
            if errno == EINTR { continue }
            failure = String(cString: strerror(errno))
            return
          }
          written += count
        }
      }
      size += bytes.count
      if let failure {
        abort()
        throw WriteError(path: path, reason: failure)
      }
    }

    /// Flushes the temporary file and renames it over the target.
    public func commit(mode: mode_t = 0o644) throws(WriteError) {
      guard !done else { throw WriteError(path: path, reason: "already written or abandoned") }
      var failure: String?
      if fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
      if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
      close(descriptor)
      done = true
      if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
      if let failure {
        unlink(temporary)
        throw WriteError(path: path, reason: failure)
      }
    }

    /// Removes the temporary file; the target is untouched.
    public func abort() {
      guard !done else { return }
      done = true
      close(descriptor)
      unlink(temporary)
    }
  }

  public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(WriteError) {
    try write(Array(text.utf8), to: path, mode: mode)
  }
}
