import Foundation
import NoteLintCore

/// The results of earlier runs, one entry per file, keyed on a digest of the tool version, the file's
/// effective settings (configuration included), its path and its content: a file whose key is
/// unchanged is not parsed again. Safe to use from several threads.
///
/// The file is binary (see `encode`): a warm run of a large tree spends its time reading notes, not
/// decoding a document of every finding.
public final class ResultCache: @unchecked Sendable {
  struct Entry {
    var path: String
    var key: String
    var language: Language
    var kind: DocumentKind
    var findings: [Finding]
  }

  static let format: UInt32 = 2
  private static let magic = Array("NLRC".utf8)

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
  public init(folder: String, name: String = "results.bin") {
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
    let decoded: Result<[Entry], CacheError> = bytes.withUnsafeBufferPointer { Self.decode($0) }
    switch decoded {
    case .success(let stored):
      lock.lock()
      for entry in stored { entries[entry.path] = entry }
      lock.unlock()
      return nil
    case .failure(.otherFormat(let format)):
      return "cache \(file) has another format (\(format)); rebuilding it"
    case .failure(.corrupt):
      return "cache \(file) is corrupt; rebuilding it"
    }
  }

  enum CacheError: Error {
    case otherFormat(UInt32)
    case corrupt
  }

  /// Layout: magic `NLRC`, format (u32), tool version, entry count (u32); each entry: path, key,
  /// language (u8), kind, finding count (u32); each finding: file (none: the entry's path), line,
  /// column, end line, end column (u32), category (u8), rule, severity (u8), message, suggestion
  /// (optional), checkpoints (count u8, each u8), excerpt. Enums by their index in `allCases`.
  static func encode(_ entries: [Entry]) -> [UInt8] {
    var writer = BinaryWriter()
    writer.bytes.append(contentsOf: magic)
    writer.u32(format)
    writer.string(NoteLintVersion.current)
    writer.u32(UInt32(entries.count))
    for entry in entries {
      writer.string(entry.path)
      writer.string(entry.key)
      writer.u8(index(entry.language))
      writer.string(entry.kind.rawValue)
      writer.u32(UInt32(entry.findings.count))
      for finding in entry.findings {
        writer.optionalString(finding.file == entry.path ? nil : finding.file)
        for value in [finding.line, finding.column, finding.endLine, finding.endColumn] {
          writer.u32(UInt32(clamping: value))
        }
        writer.u8(index(finding.category))
        writer.string(finding.rule)
        writer.u8(index(finding.severity))
        writer.string(finding.message)
        writer.optionalString(finding.suggestion)
        writer.u8(UInt8(clamping: finding.checkpoints.count))
        for checkpoint in finding.checkpoints.prefix(255) { writer.u8(index(checkpoint)) }
        writer.string(finding.excerpt)
      }
    }
    return writer.bytes
  }

  static func decode(_ buffer: UnsafeBufferPointer<UInt8>) -> Result<[Entry], CacheError> {
    var reader = BinaryReader(buffer: buffer)
    guard reader.take(magic.count).map(Array.init) == magic, let format = reader.u32() else {
      return .failure(.corrupt)
    }
    guard format == Self.format else { return .failure(.otherFormat(format)) }
    guard reader.string() != nil, let count = reader.u32() else { return .failure(.corrupt) }
    var entries: [Entry] = []
    for _ in 0..<count {
      guard let path = reader.string(), let key = reader.string(), let language: Language = value(reader.u8()),
        let kind = reader.string().flatMap(DocumentKind.init(rawValue:)), let findingCount = reader.u32(),
        Int(findingCount) <= reader.remaining
      else { return .failure(.corrupt) }
      var findings: [Finding] = []
      findings.reserveCapacity(Int(findingCount))
      for _ in 0..<findingCount {
        guard let file = reader.optionalString(), let line = reader.u32(), let column = reader.u32(),
          let endLine = reader.u32(), let endColumn = reader.u32(), let category: Category = value(reader.u8()),
          let rule = reader.string(), let severity: Severity = value(reader.u8()), let message = reader.string(),
          let suggestion = reader.optionalString(), let checkpointCount = reader.u8()
        else { return .failure(.corrupt) }
        var checkpoints: [Checkpoint] = []
        for _ in 0..<checkpointCount {
          guard let checkpoint: Checkpoint = value(reader.u8()) else { return .failure(.corrupt) }
          checkpoints.append(checkpoint)
        }
        guard let excerpt = reader.string() else { return .failure(.corrupt) }
        findings.append(
          Finding(
            file: file ?? path, start: SourcePosition(line: Int(line), column: Int(column)),
            end: SourcePosition(line: Int(endLine), column: Int(endColumn)), category: category, rule: rule,
            severity: severity, message: message,
            suggestion: suggestion, checkpoints: checkpoints, excerpt: excerpt))
      }
      entries.append(Entry(path: path, key: key, language: language, kind: kind, findings: findings))
    }
    return reader.remaining == 0 ? .success(entries) : .failure(.corrupt)
  }

  private static func index<T: CaseIterable & Equatable>(_ value: T) -> UInt8 {
    UInt8(Array(T.allCases).firstIndex(of: value) ?? 0)
  }

  private static func value<T: CaseIterable>(_ index: UInt8?) -> T? {
    guard let index else { return nil }
    let all = Array(T.allCases)
    return Int(index) < all.count ? all[Int(index)] : nil
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
    try AtomicFile.write(Self.encode(kept), to: file)
  }
}
