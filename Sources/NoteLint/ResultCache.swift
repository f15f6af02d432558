import Foundation
import NoteLintCore

/// The results of earlier runs, one entry per file, keyed on a digest of the tool version, the file's
/// effective settings (configuration included), its path and its content: a file whose key is
/// unchanged is not parsed again. Safe to use from several threads.
public final class ResultCache: @unchecked Sendable {
  struct Entry: Codable {
    var path: String
    var key: String
    var language: Language
    var kind: DocumentKind
    var findings: [Finding]
  }

  struct Stored: Codable {
    var format: Int
    var tool: String
    var entries: [Entry]
  }

  static let format = 1

  /// The cache folder.
  public let folder: String
  /// The cache file inside it.
  public let file: String
  private let lock = NSLock()
  private var entries: [String: Entry] = [:]
  private var touched = Set<String>()
  public private(set) var hits = 0
  public private(set) var misses = 0

  /// `name` distinguishes caches that share a folder (one per shard).
  public init(folder: String, name: String = "results.json") {
    self.folder = folder
    self.file = PathUtilities.join(folder, name)
  }

  /// Reads the cache file. Returns a message when one existed but could not be used (it is then
  /// rebuilt); nil when it was read or there was none.
  @discardableResult
  public func load() -> String? {
    guard PathUtilities.exists(file) else { return nil }
    guard case .success(let bytes) = FileReader.read(file, maxSize: 1 << 30) else {
      return "cache \(file) cannot be read; rebuilding it"
    }
    do {
      let stored = try JSONDecoder().decode(Stored.self, from: Data(bytes))
      guard stored.format == Self.format else {
        return "cache \(file) has another format (\(stored.format)); rebuilding it"
      }
      lock.lock()
      for entry in stored.entries { entries[entry.path] = entry }
      lock.unlock()
      return nil
    } catch {
      return "cache \(file) is corrupt; rebuilding it"
    }
  }

  /// The key of a file's result: the tool version, its settings, its path and its bytes.
  public static func key(version: String, settings: EffectiveSettings, path: String, bytes: [UInt8]) -> String {
    ContentHash.digest([Array(version.utf8), Array(settings.fingerprint.utf8), Array(path.utf8), bytes])
  }

  public func lookup(path: String, key: String) -> (summary: FileSummary, findings: [Finding])? {
    lock.lock()
    defer { lock.unlock() }
    touched.insert(path)
    guard let entry = entries[path], entry.key == key else {
      misses += 1
      return nil
    }
    hits += 1
    return (FileSummary(path: path, language: entry.language, kind: entry.kind), entry.findings)
  }

  public func store(path: String, key: String, summary: FileSummary, findings: [Finding]) {
    lock.lock()
    entries[path] = Entry(path: path, key: key, language: summary.language, kind: summary.kind, findings: findings)
    touched.insert(path)
    lock.unlock()
  }

  /// Writes the cache atomically: this run's entries, and earlier ones whose file still exists.
  public func save() throws(AtomicFile.WriteError) {
    lock.lock()
    let kept = entries.values.filter { touched.contains($0.path) || PathUtilities.exists($0.path) }
      .sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
    lock.unlock()
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: folder, reason: "cannot create the cache folder")
    }
    let ignore = PathUtilities.join(folder, ".gitignore")
    if !PathUtilities.exists(ignore) {
      try AtomicFile.write("# Created by notelint: the cache is never committed.\n*\n", to: ignore)
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    guard let data = try? encoder.encode(Stored(format: Self.format, tool: NoteLintVersion.current, entries: kept))
    else {
      throw AtomicFile.WriteError(path: file, reason: "cannot encode the cache")
    }
    try AtomicFile.write([UInt8](data), to: file)
  }
}
