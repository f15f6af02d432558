import Foundation
import NoteLintCore

#if canImport(Glibc)
  import Glibc
#endif

/// Reads a note's bytes without ever blocking on a FIFO or a device, within a size limit.
public enum FileReader {
  public static let defaultMaxSize = 8 * 1024 * 1024

  public static func read(_ path: String, maxSize: Int = defaultMaxSize) -> Result<[UInt8], InputError> {
    var status = stat()
    guard stat(path, &status) == 0 else {
      return .failure(errno == ENOENT ? .notFound : .unreadable(reason(errno: errno)))
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
    if Int(status.st_size) > maxSize { return .failure(.tooLarge(bytes: Int(status.st_size), limit: maxSize)) }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return .failure(.unreadable(reason(errno: errno))) }
    defer { close(descriptor) }
    // What was opened is judged again (the path may have been swapped for a FIFO since the stat).
    var opened = stat()
    guard fstat(descriptor, &opened) == 0, (opened.st_mode & S_IFMT) == S_IFREG else {
      return .failure(.notRegularFile)
    }
    // A file never waits for data: one that says "try again" (/proc/kmsg) is a special file.
    switch read(descriptor: descriptor, atMost: maxSize + 1, reserve: Int(status.st_size), waits: false) {
    case .success(let bytes) where bytes.count > maxSize: return .failure(.overLimit(limit: maxSize))
    case let result: return result
    }
  }

  /// Reads an open descriptor (standard input) to its end, or until `count` bytes: never more, so an
  /// endless stream cannot fill the memory.
  /// `waits`: a descriptor with no data yet (a pipe) is waited for; otherwise that read fails.
  public static func read(
    descriptor: Int32, atMost count: Int, reserve: Int = 0, waits: Bool = true
  ) -> Result<[UInt8], InputError> {
    // The expected size and one byte more are read straight into the result (the extra byte tells
    // the end of the file from a file that grew); whatever else comes is read in chunks.
    var failure: Int32?
    var ended = false
    let first = min(max(reserve, 0) + 1, count)
    var bytes = [UInt8](unsafeUninitializedCapacity: first) { buffer, initialized in
      initialized = 0
      while initialized < first {
        switch readSome(descriptor, buffer.baseAddress! + initialized, first - initialized, waits: waits) {
        case .data(let read): initialized += read
        case .end:
          ended = true
          return
        case .failed(let code):
          failure = code
          return
        }
      }
    }
    if let failure { return .failure(.unreadable(reason(errno: failure))) }
    if ended { return .success(bytes) }
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count < count {
      let wanted = min(chunk.count, count - bytes.count)
      let result = chunk.withUnsafeMutableBytes { readSome(descriptor, $0.baseAddress!, wanted, waits: waits) }
      switch result {
      case .data(let read): bytes.append(contentsOf: chunk[0..<read])
      case .end: return .success(bytes)
      case .failed(let code): return .failure(.unreadable(reason(errno: code)))
      }
    }
    return .success(bytes)
  }

  private enum ReadResult {
    case data(Int)
    case end
    case failed(Int32)
  }

  /// One `read`, retried on EINTR; a non-blocking descriptor (standard input) waits for more.
  private static func readSome(
    _ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ wanted: Int, waits: Bool
  ) -> ReadResult {
    while true {
      let read = Glibc.read(descriptor, buffer, wanted)
      if read > 0 { return .data(read) }
      if read == 0 { return .end }
      if errno == EINTR { continue }
      if errno == EAGAIN || errno == EWOULDBLOCK {
        guard waits else { return .failed(EAGAIN) }
        var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        _ = poll(&ready, 1, -1)
        continue
      }
      return .failed(errno)
    }
  }

  /// Reads `count` bytes at `offset` of an open file; nil if the file ends first.
  static func read(_ descriptor: Int32, _ count: Int, at offset: Int) -> [UInt8]? {
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
      var done = 0
      while done < count {
        let got = pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
        if got < 0, errno == EINTR { continue }
        if got <= 0 {
          failed = true
          break
        }
        done += got
      }
      initialized = done
    }
    return failed ? nil : bytes
  }

  /// Why a file-system call failed, in the words of notelint's other messages.
  public static func reason(errno code: Int32) -> String {
    switch code {
    case ENOENT: return InputError.notFound.description
    case EACCES, EPERM: return "permission denied"
    case ENAMETOOLONG: return "path too long for the system (over \(PATH_MAX) bytes, or a name over 255)"
    case ELOOP: return "too many levels of symbolic links"
    case EAGAIN: return "a special file that has no data to read now (not a note)"
    default: return String(cString: strerror(code))
    }
  }

  /// Up to `count` bytes from the start of a regular file; nil for anything else (a missing file,
  /// a folder, a FIFO or a device: none of them is opened in a way that could block).
  public static func head(_ path: String, count: Int) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    var bytes = [UInt8](repeating: 0, count: max(0, count))
    var filled = 0
    while filled < bytes.count {
      let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
      if read < 0, errno == EINTR { continue }
      if read <= 0 { break }
      filled += read
    }
    return Array(bytes[0..<filled])
  }
}
