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
    switch read(descriptor: descriptor, atMost: maxSize + 1, reserve: Int(status.st_size)) {
    case .success(let bytes) where bytes.count > maxSize: return .failure(.overLimit(limit: maxSize))
    case let result: return result
    }
  }

  /// Reads an open descriptor (standard input) to its end, or until `count` bytes: never more, so an
  /// endless stream cannot fill the memory.
  public static func read(descriptor: Int32, atMost count: Int, reserve: Int = 0) -> Result<[UInt8], InputError> {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(reserve, count))
    var chunk = [UInt8](repeating: 0, count: 65536)
    while bytes.count < count {
      let wanted = min(chunk.count, count - bytes.count)
      let read = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, wanted) }
      if read < 0 {
        if errno == EINTR { continue }
        if errno == EAGAIN || errno == EWOULDBLOCK {
          // A non-blocking standard input: wait until there is more to read.
          var ready = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
          _ = poll(&ready, 1, -1)
          continue
        }
        return .failure(.unreadable(reason(errno: errno)))
      }
      if read == 0 { break }
      bytes.append(contentsOf: chunk[0..<read])
    }
    return .success(bytes)
  }

  /// Why a file-system call failed, in the words of notelint's other messages.
  public static func reason(errno code: Int32) -> String {
    switch code {
    case ENOENT: return InputError.notFound.description
    case EACCES, EPERM: return "permission denied"
    case ENAMETOOLONG: return "path too long for the system (over \(PATH_MAX) bytes, or a name over 255)"
    case ELOOP: return "too many levels of symbolic links"
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
