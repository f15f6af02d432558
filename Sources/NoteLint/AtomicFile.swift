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

  /// Writes `bytes` to `path` atomically; `mode` sets the permissions (default 0644).
  public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) throws(WriteError) {
    let folder = PathUtilities.parent(PathUtilities.absolute(path)) ?? "/"
    let name = (path as NSString).lastPathComponent
    var template = Array(PathUtilities.join(folder, ".\(name).tmp-XXXXXX").utf8CString)
    let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard descriptor >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    var failure: String?
    var written = 0
    bytes.withUnsafeBytes { buffer in
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
    if failure == nil, fchmod(descriptor, mode) != 0 { failure = String(cString: strerror(errno)) }
    if failure == nil, fsync(descriptor) != 0 { failure = String(cString: strerror(errno)) }
    close(descriptor)
    if failure == nil, rename(temporary, path) != 0 { failure = String(cString: strerror(errno)) }
    if let failure {
      unlink(temporary)
      throw WriteError(path: path, reason: failure)
    }
  }

  public static func write(_ text: String, to path: String, mode: mode_t = 0o644) throws(WriteError) {
    try write(Array(text.utf8), to: path, mode: mode)
  }
}
