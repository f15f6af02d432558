import Foundation
import NoteLintCore

/// Turns the paths a user gives into the list of notes to lint: folders are walked recursively
/// (sorted, hidden folders skipped, symlink loops detected), files given by name are always linted.
public struct FileDiscovery: Sendable {
  public static let extensions: Set<String> = ["md", "markdown", "html", "htm"]

  public init() {}

  public static func isNote(_ path: String) -> Bool {
    extensions.contains((path as NSString).pathExtension.lowercased())
  }

  public static func isHTML(_ path: String) -> Bool {
    let ext = (path as NSString).pathExtension.lowercased()
    return ext == "html" || ext == "htm"
  }

  /// The files to lint, in a stable order, and the paths that could not be used.
  public func discover(_ paths: [String]) -> (files: [String], errors: [FileError]) {
    var files: [String] = []
    var errors: [FileError] = []
    var seen = Set<String>()
    for path in paths {
      var status = stat()
      guard lstat(path, &status) == 0 || stat(path, &status) == 0 else {
        errors.append(FileError(path: path, reason: InputError.notFound.description))
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
        errors.append(FileError(path: path, reason: "broken symbolic link"))
        continue
      }
      if isDirectory.boolValue {
        var visited = Set<String>()
        walk(path, visited: &visited, files: &files, errors: &errors)
      } else if seen.insert(path).inserted {
        files.append(path)
      }
    }
    var unique = Set<String>()
    files = files.filter { unique.insert($0).inserted }
    return (files, errors)
  }

  private func walk(_ folder: String, visited: inout Set<String>, files: inout [String], errors: inout [FileError]) {
    let real = (folder as NSString).resolvingSymlinksInPath
    guard visited.insert(real).inserted else {
      errors.append(FileError(path: folder, reason: InputError.isDirectoryLoop.description))
      return
    }
    defer { visited.remove(real) }
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      errors.append(FileError(path: folder, reason: "cannot list folder: permission denied or unreadable"))
      return
    }
    for name in entries.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
      if name.hasPrefix(".") { continue }
      let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
      if isDirectory.boolValue {
        walk(path, visited: &visited, files: &files, errors: &errors)
      } else if Self.isNote(path) {
        files.append(path)
      }
    }
  }
}
