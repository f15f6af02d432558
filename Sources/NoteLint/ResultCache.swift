import Foundation
import NoteLintCore

/// The results of earlier runs, one entry per file, keyed on a digest of the tool version, the file's
/// effective settings (configuration included), its path and its content: a file whose key is
/// unchanged is not parsed again. Safe to use from several threads.
///
/// Memory stays flat however large the tree: `load` keeps only an index of the cache file (path,
/// key, where the record is), a hit reads its record from the file, and each new result goes to a
/// spill file as soon as it is stored. `save` writes the new cache file from the two, one record at
/// a time, and renames it over the old one; a run that changed nothing writes nothing.
public final class ResultCache: @unchecked Sendable {
  struct Entry {
    var path: String
    var key: String
    var language: Language
    var kind: DocumentKind
    var findings: [Finding]
  }

  /// Where a record of the loaded cache file is.
  struct Stored {
    var key: String
    var language: Language
    var kind: DocumentKind
    var offset: Int
    var length: Int
  }

  static let format: UInt32 = 4
  private static let magic = Array("NLRC".utf8)
  /// Record length (u32) and checksum (two u32).
  private static let frameSize = 12

  /// The cache folder.
  public let folder: String
  /// The cache file inside it.
  public let file: String
  private let lock = NSLock()
  private var stored: [String: Stored] = [:]
  /// The loaded cache file (-1: none).
  private var descriptor: Int32 = -1
  /// Whether `load` found a usable cache file (otherwise `save` always writes one).
  private var loadedFile = false
  private var output: AtomicFile.Stream?
  private var writeError: AtomicFile.WriteError?
  /// This run's results: where they are in the next cache file.
  private var written: [String: Stored] = [:]
  private var touched = Set<String>()
  public private(set) var hits = 0
  public private(set) var misses = 0

  /// `name` distinguishes caches that share a folder (one per shard).
  public init(folder: String, name: String = "results.bin") {
    self.folder = folder
    self.file = PathUtilities.join(folder, name)
  }

  deinit {
    if descriptor >= 0 { close(descriptor) }
  }

  /// Reads the index of the cache file. Returns a message when one existed but could not be used (it
  /// is then rebuilt); nil when it was read or there was none.
  @discardableResult
  public func load() -> String? {
    guard PathUtilities.exists(file) else { return nil }
    // Non-blocking, so a FIFO in its place cannot stall the run; anything but a regular file is refused.
    let descriptor = open(file, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
    var status = stat()
    guard descriptor >= 0, fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
      if descriptor >= 0 { close(descriptor) }
      return "cache \(file) cannot be read; rebuilding it"
    }
    switch Self.readIndex(descriptor) {
    case .success(let index):
      lock.lock()
      stored = index
      self.descriptor = descriptor
      loadedFile = true
      lock.unlock()
      return nil
    case .failure(let error):
      close(descriptor)
      switch error {
      case .otherFormat(let format): return "cache \(file) has another format (\(format)); rebuilding it"
      case .corrupt: return "cache \(file) is corrupt; rebuilding it"
      }
    }
  }

  enum CacheError: Error {
    case otherFormat(UInt32)
    case corrupt
  }

  /// Layout: magic `NLRC`, format (u32), tool version; then records to the end of the file, each
  /// framed by its length (u32) and checksum (two u32). A record: path, key, language (u8), kind,
  /// finding count (u32); each finding: file (none: the record's path), line, column, end line, end
  /// column (u32), category (u8), rule, severity (u8), message, suggestion (optional), checkpoints
  /// (count u8, each u8), excerpt, confidence (u32: thousandths plus one; 0 for none). Enums by their
  /// index in `allCases`.
  static func header() -> [UInt8] {
    var writer = BinaryWriter()
    writer.bytes.append(contentsOf: magic)
    writer.u32(format)
    writer.string(NoteLintVersion.current)
    return writer.bytes
  }

  /// One entry as a framed record.
  static func record(_ entry: Entry) -> [UInt8] {
    var writer = BinaryWriter()
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
      writer.u32(finding.confidence.map { UInt32(($0 * 1000).rounded()) + 1 } ?? 0)
    }
    return frame(writer.bytes)
  }

  private static func frame(_ record: [UInt8]) -> [UInt8] {
    var writer = BinaryWriter()
    writer.u32(UInt32(record.count))
    let sum = checksum(record[...])
    writer.u32(UInt32(truncatingIfNeeded: sum))
    writer.u32(UInt32(truncatingIfNeeded: sum >> 32))
    writer.bytes.append(contentsOf: record)
    return writer.bytes
  }

  /// FNV-1a over 8-byte words: catches a damaged record without costing a warm run its time.
  static func checksum(_ bytes: ArraySlice<UInt8>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while offset + 8 <= raw.count {
        hash = (hash ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x0000_0100_0000_01B3
        offset += 8
      }
      while offset < raw.count {
        hash = (hash ^ UInt64(raw[offset])) &* 0x0000_0100_0000_01B3
        offset += 1
      }
    }
    return hash
  }

  /// The index of a cache file: every record checked (frame and checksum), its head read.
  static func readIndex(_ descriptor: Int32) -> Result<[String: Stored], CacheError> {
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.corrupt) }
    let size = Int(status.st_size)
    guard let head = FileReader.read(descriptor, min(size, 4096), at: 0) else { return .failure(.corrupt) }
    var offset = 0
    let versionOK: Bool = head.withUnsafeBufferPointer { buffer in
      var reader = BinaryReader(buffer: buffer)
      guard reader.take(magic.count).map(Array.init) == magic, let format = reader.u32() else { return false }
      guard format == Self.format else {
        offset = -Int(format) - 1
        return false
      }
      guard reader.string() != nil else { return false }
      offset = reader.position
      return true
    }
    guard versionOK else {
      return offset < 0 ? .failure(.otherFormat(UInt32(-(offset + 1)))) : .failure(.corrupt)
    }
    var index: [String: Stored] = [:]
    while offset < size {
      guard offset + frameSize <= size, let frame = FileReader.read(descriptor, frameSize, at: offset) else {
        return .failure(.corrupt)
      }
      let (length, sum) = frame.withUnsafeBufferPointer { buffer -> (Int, UInt64) in
        var reader = BinaryReader(buffer: buffer)
        let length = Int(reader.u32() ?? 0)
        let low = UInt64(reader.u32() ?? 0)
        let high = UInt64(reader.u32() ?? 0)
        return (length, high << 32 | low)
      }
      let start = offset + frameSize
      guard length <= size - start, let record = FileReader.read(descriptor, length, at: start),
        checksum(record[...]) == sum
      else { return .failure(.corrupt) }
      let head: (String, Stored)? = record.withUnsafeBufferPointer { buffer in
        var reader = BinaryReader(buffer: buffer)
        guard let path = reader.string(), let key = reader.string(), let language: Language = value(reader.u8()),
          let kind = reader.string().flatMap(DocumentKind.init(rawValue:))
        else { return nil }
        return (path, Stored(key: key, language: language, kind: kind, offset: start, length: length))
      }
      guard let (path, entry) = head else { return .failure(.corrupt) }
      index[path] = entry
      offset = start + length
    }
    return .success(index)
  }

  /// Decodes one record (without its frame).
  static func decode(record buffer: UnsafeBufferPointer<UInt8>) -> Entry? {
    var reader = BinaryReader(buffer: buffer)
    guard let path = reader.string(), let key = reader.string(), let language: Language = value(reader.u8()),
      let kind = reader.string().flatMap(DocumentKind.init(rawValue:)), let findingCount = reader.u32(),
      Int(findingCount) <= reader.remaining
    else { return nil }
    var findings: [Finding] = []
    findings.reserveCapacity(Int(findingCount))
    for _ in 0..<findingCount {
      guard let file = reader.optionalString(), let line = reader.u32(), let column = reader.u32(),
        let endLine = reader.u32(), let endColumn = reader.u32(), let category: Category = value(reader.u8()),
        let rule = reader.string(), let severity: Severity = value(reader.u8()), let message = reader.string(),
        let suggestion = reader.optionalString(), let checkpointCount = reader.u8()
      else { return nil }
      var checkpoints: [Checkpoint] = []
      for _ in 0..<checkpointCount {
        guard let checkpoint: Checkpoint = value(reader.u8()) else { return nil }
        checkpoints.append(checkpoint)
      }
      guard let excerpt = reader.string(), let confidence = reader.u32() else { return nil }
      var finding = Finding(
        file: file ?? path, start: SourcePosition(line: Int(line), column: Int(column)),
        end: SourcePosition(line: Int(endLine), column: Int(endColumn)), category: category, rule: rule,
        severity: severity, message: message,
        suggestion: suggestion, checkpoints: checkpoints, excerpt: excerpt)
      if confidence > 0 { finding.confidence = Double(confidence - 1) / 1000 }
      findings.append(finding)
    }
    guard reader.remaining == 0 else { return nil }
    return Entry(path: path, key: key, language: language, kind: kind, findings: findings)
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
    touched.insert(path)
    var record: [UInt8]?
    var entry = written[path]
    let fromOutput = entry?.key == key
    if fromOutput, let entry {
      record = output?.read(entry.length, at: entry.offset)
    } else {
      entry = stored[path]
    }
    let descriptor = self.descriptor
    lock.unlock()
    // A record of the loaded file is read outside the lock: reads at an offset do not disturb each other.
    if !fromOutput, let entry, entry.key == key {
      record = FileReader.read(descriptor, entry.length, at: entry.offset)
    }
    guard let entry, let record, let decoded = record.withUnsafeBufferPointer({ Self.decode(record: $0) }),
      decoded.path == path, decoded.key == key
    else {
      lock.lock()
      misses += 1
      lock.unlock()
      return nil
    }
    lock.lock()
    hits += 1
    lock.unlock()
    return (FileSummary(path: path, language: entry.language, kind: entry.kind), decoded.findings)
  }

  /// Records a file's result: written to the next cache file at once.
  public func store(path: String, key: String, summary: FileSummary, findings: [Finding]) {
    let bytes = Self.record(
      Entry(path: path, key: key, language: summary.language, kind: summary.kind, findings: findings))
    lock.lock()
    defer { lock.unlock() }
    touched.insert(path)
    guard let output = openOutput() else { return }
    do {
      try output.append(bytes)
      written[path] = Stored(
        key: key, language: summary.language, kind: summary.kind, offset: output.size - bytes.count + Self.frameSize,
        length: bytes.count - Self.frameSize)
    } catch {
      writeError = error
      self.output = nil
    }
  }

  /// The spill file of this run's results, opened on first use (with the folder and its
  /// `.gitignore`); nil after a write error, which `save` reports. Called with the lock held.
  private func openOutput() -> AtomicFile.Stream? {
    if let output { return output }
    guard writeError == nil else { return nil }
    do {
      try prepareFolder()
      AtomicFile.removeStaleTemporaries(of: file)
      let stream = try AtomicFile.Stream(path: file)
      output = stream
      return stream
    } catch {
      writeError = error
      return nil
    }
  }

  private func prepareFolder() throws(AtomicFile.WriteError) {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw AtomicFile.WriteError(path: folder, reason: "cannot create the cache folder")
    }
    let ignore = PathUtilities.join(folder, ".gitignore")
    if !PathUtilities.exists(ignore) {
      try AtomicFile.write("# Created by notelint: the cache is never committed.\n*\n", to: ignore)
    }
  }

  /// Writes the cache file atomically: this run's results, and earlier ones whose file still exists,
  /// in path order (the same bytes whatever order the files were linted in), one record in memory at
  /// a time. Writes nothing when the loaded file already holds exactly that.
  public func save() throws(AtomicFile.WriteError) {
    lock.lock()
    defer { lock.unlock() }
    if let writeError { throw writeError }
    let kept = stored.filter { path, _ in
      written[path] == nil && (touched.contains(path) || PathUtilities.exists(path))
    }
    guard !written.isEmpty || !loadedFile || kept.count != stored.count else { return }
    try prepareFolder()
    let final = try AtomicFile.Stream(path: file)
    try final.append(Self.header())
    let paths = Set(written.keys).union(kept.keys).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    for path in paths {
      let record: [UInt8]?
      if let entry = written[path] {
        record = output?.read(entry.length, at: entry.offset)
      } else if let entry = kept[path] {
        record = FileReader.read(descriptor, entry.length, at: entry.offset)
      } else {
        record = nil
      }
      guard let record else { continue }
      try final.append(Self.frame(record))
    }
    output?.abort()
    output = nil
    written = [:]
    try final.commit()
  }
}
