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
    var bytes: [UInt8] = []
    bytes.reserveCapacity(Int(status.st_size))
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        return .failure(.unreadable(String(cString: strerror(errno))))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > maxSize { return .failure(.tooLarge(bytes: bytes.count, limit: maxSize)) }
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
