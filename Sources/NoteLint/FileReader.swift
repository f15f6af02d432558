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
      return .failure(errno == ENOENT ? .notFound : .unreadable(String(cString: strerror(errno))))
    }
    guard (status.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
    if Int(status.st_size) > maxSize { return .failure(.tooLarge(bytes: Int(status.st_size), limit: maxSize)) }
    let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
    guard descriptor >= 0 else {
      return .failure(
        errno == EACCES ? .unreadable("permission denied") : .unreadable(String(cString: strerror(errno))))
    }
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
}
