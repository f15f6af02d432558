import Dispatch
import Foundation
import NoteLint

/// What the client may change at run time (`initializationOptions`, `workspace/didChangeConfiguration`).
public struct LanguageServerSettings: Sendable, Equatable {
  /// nil: the local date at each lint.
  public var today: CivilDate?
  /// nil: the configuration's `min-confidence:`, else the built-in threshold.
  public var minConfidence: Double?
  /// nil: the configuration's or detected per note.
  public var language: Language?

  public init(today: CivilDate? = nil, minConfidence: Double? = nil, language: Language? = nil) {
    self.today = today
    self.minConfidence = minConfidence
    self.language = language
  }

  /// Applies the keys present in `json` (`{"notelint": {...}}` or the keys themselves); a key set to
  /// null goes back to its default. Throws a message for a bad value and changes nothing then.
  public mutating func apply(_ json: JSONValue?) throws(RPCError) {
    guard var object = json?.object else { return }
    if let nested = object["notelint"]?.object { object = nested }
    var copy = self
    if let value = object["today"] {
      if value.isNull {
        copy.today = nil
      } else if let text = value.string, let date = CivilDate.parseISO(text) {
        copy.today = date
      } else {
        throw .invalidParams("today must be a date as YYYY-MM-DD, not \(value.text)")
      }
    }
    if let value = object["minConfidence"] {
      if value.isNull {
        copy.minConfidence = nil
      } else if let number = value.double, (0...1).contains(number) {
        copy.minConfidence = number
      } else {
        throw .invalidParams("minConfidence must be a number from 0 to 1, not \(value.text)")
      }
    }
    if let value = object["language"] {
      if value.isNull || value.string == "auto" {
        copy.language = nil
      } else if let text = value.string, let language = LanguageDetector.parse(text) {
        copy.language = language
      } else {
        throw .invalidParams("language must be it, en or auto, not \(value.text)")
      }
    }
    self = copy
  }
}

/// `notelint lsp`: a Language Server Protocol 3.17 server. Messages are read on one thread and
/// answered at once from the state below; each lint runs on its own thread (one at a time per
/// document), so a large document never holds up requests about others. Each lint is the engine's own `Linter.lint(bytes:path:)` (the
/// path standard input takes), with the nearest `.notelint.yml` read afresh each time.
public final class LanguageServer: @unchecked Sendable {
  struct Linted: Sendable {
    var generation: Int
    var version: Int?
    var findings: [Finding]
    var language: Language?
    var diagnostics: [JSONValue]
  }

  struct OpenDocument: Sendable {
    var document: TextDocument
    var version: Int?
    var languageId: String
    var generation = 0
    var linted: Linted?
  }

  enum Phase { case starting, running, shutDown }

  private let writer: RPCWriter
  private let lock = NSLock()
  /// Seconds from the last change to the lint.
  public let debounce: Double
  private var phase = Phase.starting
  private var documents: [String: OpenDocument] = [:]
  private var settings = LanguageServerSettings()
  private var roots: [String] = []
  private var clientPulls = false
  private var clientRefreshes = false
  private var clientWatches = false
  private var pending: Set<JSONValue> = []
  /// Callbacks waiting for the lint of a document's latest generation, by URI.
  private var waiting: [String: (generation: Int, callbacks: [@Sendable (Linted, TextDocument) -> Void])] = [:]
  /// The documents with a lint running (one at most each).
  private var linting: Set<String> = []
  private var outgoing = 0
  /// Generations are unique across documents and reopenings: a lint of a closed document's text never
  /// passes for the reopened one's.
  private var generationCounter = 0
  /// The exit code once `exit` is received or the input ends: 0 after `shutdown`, else 1.
  public private(set) var exitCode: Int32 = 1

  public init(writer: RPCWriter, debounce: Double = 0.2) {
    self.writer = writer
    self.debounce = debounce
  }

  /// Serves until `exit` or the end of input.
  public func serve(input: Int32) -> Int32 {
    readMessages(descriptor: input) { handle($0) }
    lock.lock()
    defer { lock.unlock() }
    return phase == .shutDown ? 0 : exitCode
  }

  /// Handles one framed item; false once `exit` has been received.
  public func handle(_ item: RPCFrameReader.Item) -> Bool {
    switch item {
    case .malformed(let reason):
      writer.send(
        RPCMessage.errorResponse(id: .null, error: RPCError(RPCErrorCode.parseError, "parse error: \(reason)")))
      return true
    case .message(let data):
      return handle(RPCMessage.parse(data))
    }
  }

  func handle(_ message: RPCMessage) -> Bool {
    switch message {
    case .invalid(let id, let error):
      writer.send(RPCMessage.errorResponse(id: id, error: error))
    case .response:
      break
    case .notification(let method, let params):
      if method == "exit" {
        lock.lock()
        exitCode = phase == .shutDown ? 0 : 1
        lock.unlock()
        return false
      }
      notification(method, params)
    case .request(let id, let method, let params):
      do {
        if let result = try request(id: id, method: method, params: params) {
          writer.send(RPCMessage.response(id: id, result: result))
        }
      } catch {
        writer.send(RPCMessage.errorResponse(id: id, error: error))
      }
    }
    return true
  }

  private var currentPhase: Phase {
    lock.lock()
    defer { lock.unlock() }
    return phase
  }

  /// The result of a request answered at once; nil when it is answered later (asynchronously).
  private func request(id: JSONValue, method: String, params: JSONValue?) throws(RPCError) -> JSONValue? {
    switch (currentPhase, method) {
    case (.starting, "initialize"): return initialize(params)
    case (.starting, _): throw RPCError(RPCErrorCode.serverNotInitialized, "the server is not initialized")
    case (_, "initialize"): throw RPCError(RPCErrorCode.invalidRequest, "initialize was already received")
    case (.shutDown, _): throw RPCError(RPCErrorCode.invalidRequest, "the server is shut down")
    case (.running, "shutdown"):
      lock.lock()
      phase = .shutDown
      lock.unlock()
      return .null
    case (.running, "textDocument/hover"):
      try later(id, params) { [self] linted, document throws(RPCError) in try hover(params, linted, document) }
      return nil
    case (.running, "textDocument/codeAction"):
      try later(id, params) { [self] linted, document throws(RPCError) in try codeActions(params, linted, document) }
      return nil
    case (.running, "textDocument/diagnostic"):
      try later(id, params) { linted, _ in ["kind": "full", "items": .array(linted.diagnostics)] }
      return nil
    default: throw RPCError(RPCErrorCode.methodNotFound, "method not found: \(method)")
    }
  }

  private func notification(_ method: String, _ params: JSONValue?) {
    guard currentPhase == .running else { return }
    switch method {
    case "initialized": watchConfigurations()
    case "textDocument/didOpen": didOpen(params)
    case "textDocument/didChange": didChange(params)
    case "textDocument/didSave": didSave(params)
    case "textDocument/didClose": didClose(params)
    case "workspace/didChangeConfiguration": didChangeConfiguration(params)
    case "workspace/didChangeWatchedFiles": relintAll()
    case "$/cancelRequest":
      // Answered at once; the result, when it comes, is dropped.
      if let id = params?["id"] {
        lock.lock()
        let wasPending = pending.remove(id) != nil
        lock.unlock()
        if wasPending {
          writer.send(
            RPCMessage.errorResponse(id: id, error: RPCError(RPCErrorCode.requestCancelled, "request cancelled")))
        }
      }
    default: break  // Unknown notifications are ignored, as JSON-RPC requires.
    }
  }

  // MARK: Lifecycle

  private func initialize(_ params: JSONValue?) -> JSONValue {
    var folders: [String] = []
    for folder in params?["workspaceFolders"]?.array ?? [] {
      if let uri = folder["uri"]?.string, let path = Self.filePath(uri: uri) { folders.append(path) }
    }
    if folders.isEmpty, let uri = params?["rootUri"]?.string, let path = Self.filePath(uri: uri) {
      folders.append(path)
    }
    if folders.isEmpty, let path = params?["rootPath"]?.string { folders.append(path) }
    var initial = LanguageServerSettings()
    var warning: String?
    do {
      try initial.apply(params?["initializationOptions"])
    } catch {
      warning = error.message
    }
    let textDocument = params?["capabilities"]?["textDocument"]
    lock.lock()
    roots = folders
    settings = initial
    clientPulls = textDocument?["diagnostic"] != nil
    clientRefreshes = params?["capabilities"]?["workspace"]?["diagnostics"]?["refreshSupport"]?.bool == true
    clientWatches =
      params?["capabilities"]?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"]?.bool == true
    phase = .running
    lock.unlock()
    if let warning { showMessage("notelint: initializationOptions: \(warning)", type: 1) }
    return [
      "capabilities": [
        "positionEncoding": "utf-16",
        "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
        "hoverProvider": true,
        "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        "diagnosticProvider": [
          "identifier": "notelint", "interFileDependencies": false, "workspaceDiagnostics": false,
        ],
      ],
      "serverInfo": ["name": "notelint", "version": .string(NoteLintVersion.current)],
    ]
  }

  /// Asks the client to report changes of configuration files (`workspace/didChangeWatchedFiles`),
  /// when it can watch files for the server.
  private func watchConfigurations() {
    lock.lock()
    let watches = clientWatches
    outgoing += 1
    let id = JSONValue.string("notelint-\(outgoing)")
    lock.unlock()
    guard watches else { return }
    let watchers: [JSONValue] = Configuration.fileNames.map { ["globPattern": .string("**/\($0)")] }
    let registration: JSONValue = [
      "id": "notelint-configuration", "method": "workspace/didChangeWatchedFiles",
      "registerOptions": ["watchers": .array(watchers)],
    ]
    writer.send(
      ["jsonrpc": "2.0", "id": id, "method": "client/registerCapability", "params": ["registrations": [registration]]])
  }

  private func showMessage(_ text: String, type: Int) {
    writer.send(
      RPCMessage.notification(method: "window/showMessage", params: ["type": .int(type), "message": .string(text)]))
  }

  // MARK: Documents

  private func didOpen(_ params: JSONValue?) {
    guard let item = params?["textDocument"], let uri = item["uri"]?.string, let text = item["text"]?.string else {
      return
    }
    lock.lock()
    var open = OpenDocument(
      document: TextDocument(text), version: item["version"]?.int, languageId: item["languageId"]?.string ?? "")
    open.generation = nextGeneration()
    documents[uri] = open
    let generation = open.generation
    lock.unlock()
    schedule(uri: uri, generation: generation, after: 0)
  }

  private func didChange(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.string, let changes = params?["contentChanges"]?.array else {
      return
    }
    lock.lock()
    guard var open = documents[uri] else {
      lock.unlock()
      return
    }
    for change in changes {
      guard let text = change["text"]?.string else { continue }
      if let range = LSPRange(change["range"]) {
        open.document.apply(range: range, text: text)
      } else {
        open.document.replaceAll(text)
      }
    }
    open.version = params?["textDocument"]?["version"]?.int ?? open.version
    open.generation = nextGeneration()
    documents[uri] = open
    let generation = open.generation
    lock.unlock()
    schedule(uri: uri, generation: generation, after: debounce)
  }

  private func didSave(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.string else { return }
    if let path = Self.filePath(uri: uri), Configuration.fileNames.contains((path as NSString).lastPathComponent) {
      relintAll()
      return
    }
    lock.lock()
    guard var open = documents[uri] else {
      lock.unlock()
      return
    }
    if let text = params?["text"]?.string { open.document.replaceAll(text) }
    open.generation = nextGeneration()
    documents[uri] = open
    let generation = open.generation
    lock.unlock()
    schedule(uri: uri, generation: generation, after: 0)
  }

  private func didClose(_ params: JSONValue?) {
    guard let uri = params?["textDocument"]?["uri"]?.string else { return }
    lock.lock()
    let wasOpen = documents.removeValue(forKey: uri) != nil
    let pulls = clientPulls
    lock.unlock()
    if wasOpen && !pulls { publish(uri: uri, version: nil, diagnostics: []) }
  }

  private func didChangeConfiguration(_ params: JSONValue?) {
    lock.lock()
    var updated = settings
    lock.unlock()
    do {
      try updated.apply(params?["settings"])
    } catch {
      showMessage("notelint: configuration: \(error.message)", type: 1)
      return
    }
    lock.lock()
    settings = updated
    lock.unlock()
    relintAll()
  }

  /// Lints every open document again (the configuration or settings changed).
  private func relintAll() {
    lock.lock()
    var work: [(String, Int)] = []
    for uri in documents.keys.sorted() {
      documents[uri]?.generation = nextGeneration()
      work.append((uri, documents[uri]!.generation))
    }
    let refresh = clientPulls && clientRefreshes
    lock.unlock()
    for (uri, generation) in work { schedule(uri: uri, generation: generation, after: 0) }
    if refresh {
      lock.lock()
      outgoing += 1
      let id = JSONValue.string("notelint-\(outgoing)")
      lock.unlock()
      writer.send(["jsonrpc": "2.0", "id": id, "method": "workspace/diagnostic/refresh"])
    }
  }

  /// The next generation; the lock is held.
  private func nextGeneration() -> Int {
    generationCounter += 1
    return generationCounter
  }

  private func schedule(uri: String, generation: Int, after delay: Double) {
    let work: @Sendable () -> Void = { [self] in
      lock.lock()
      let current = documents[uri]?.generation == generation
      lock.unlock()
      guard current else { return }
      withLint(uri: uri) { [self] linted, _ in
        lock.lock()
        let pulls = clientPulls
        lock.unlock()
        if !pulls { publish(uri: uri, version: linted.version, diagnostics: linted.diagnostics) }
      }
    }
    if delay > 0 {
      DispatchQueue.global().asyncAfter(deadline: .now() + delay, execute: work)
    } else {
      work()
    }
  }

  /// Calls `body` with the lint of the document's latest generation: at once when it is stored,
  /// else when a lint of that generation ends. A document has at most one lint running, on its own
  /// thread: an edit during a lint does not start a second one beside it (the engine cannot stop a
  /// lint midway, and on a large note concurrent lints of superseded texts would take every core);
  /// when the running lint ends superseded, its result is dropped and the latest text is linted
  /// for the requests waiting. Nothing happens if the document is closed.
  private func withLint(uri: String, _ body: @escaping @Sendable (Linted, TextDocument) -> Void) {
    lock.lock()
    guard let open = documents[uri] else {
      lock.unlock()
      return
    }
    if let linted = open.linted, linted.generation == open.generation {
      lock.unlock()
      body(linted, open.document)
      return
    }
    waiting[uri] = (open.generation, (waiting[uri]?.callbacks ?? []) + [body])
    let start = linting.insert(uri).inserted
    let current = settings
    let base = roots.first
    lock.unlock()
    if start { startLint(uri: uri, open, settings: current, root: base) }
  }

  /// Lints one generation of a document on a thread of its own; `linting` holds the URI.
  private func startLint(uri: String, _ open: OpenDocument, settings: LanguageServerSettings, root: String?) {
    let generation = open.generation
    let thread = Thread { [self] in
      let linted = Self.lint(open, uri: uri, settings: settings, root: root, generation: generation)
      lock.lock()
      var callbacks: [@Sendable (Linted, TextDocument) -> Void] = []
      var next: (OpenDocument, LanguageServerSettings, String?)?
      if let latest = documents[uri], latest.generation != generation {
        // Superseded by an edit: the requests waiting get the latest text's lint, started now.
        if waiting[uri] != nil {
          waiting[uri]?.generation = latest.generation
          next = (latest, self.settings, roots.first)
        }
      } else {
        // Current, or closed meanwhile (its waiting requests are still answered).
        documents[uri]?.linted = linted
        callbacks = waiting.removeValue(forKey: uri)?.callbacks ?? []
      }
      if next == nil { linting.remove(uri) }
      lock.unlock()
      for callback in callbacks { callback(linted, open.document) }
      if let (latest, settings, root) = next { startLint(uri: uri, latest, settings: settings, root: root) }
    }
    thread.stackSize = 8 << 20
    thread.start()
  }

  private func publish(uri: String, version: Int?, diagnostics: [JSONValue]) {
    var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
    if let version { params["version"] = .int(version) }
    writer.send(RPCMessage.notification(method: "textDocument/publishDiagnostics", params: .object(params)))
  }

  // MARK: Linting

  /// The path a document is linted under: its file path, or for an unsaved one a name in the first
  /// workspace folder (so that folder's configuration applies); HTML by extension or language id.
  static func lintPath(uri: String, languageId: String, root: String?) -> String {
    var path: String
    if let file = filePath(uri: uri) {
      path = file
    } else {
      let name = uri.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "\\" }).last.map(String.init) ?? "untitled"
      path = ((root ?? FileManager.default.currentDirectoryPath) as NSString).appendingPathComponent(name)
    }
    let isHTML = FileDiscovery.isHTML(path)
    if languageId == "html" && !isHTML { path += ".html" }
    return path
  }

  static func filePath(uri: String) -> String? {
    guard uri.hasPrefix("file:"), let url = URL(string: uri), url.isFileURL else { return nil }
    return url.path
  }

  static func lint(_ open: OpenDocument, uri: String, settings: LanguageServerSettings, root: String?, generation: Int)
    -> Linted
  {
    let path = lintPath(uri: uri, languageId: open.languageId, root: root)
    let document = open.document
    var diagnostics: [JSONValue] = []
    var findings: [Finding] = []
    var language: Language?
    let resolver: ConfigurationResolver?
    do {
      resolver = try ConfigurationResolver()
    } catch {
      resolver = nil
    }
    var options = LintOptions(language: settings.language, today: settings.today ?? CivilDate.currentLocal())
    options.minConfidence = settings.minConfidence
    // Whatever its size, an open document is linted: the editor holds it already.
    options.maxFileSize = Int.max
    let linter = Linter(options: options, configuration: resolver)
    let outcome = linter.lint(bytes: Array(document.text.utf8), path: path)
    if let error = resolver?.error {
      diagnostics.append(Self.documentDiagnostic("configuration error: \(error.description)", code: "configuration"))
    }
    if let error = outcome.error {
      diagnostics.append(Self.documentDiagnostic(error.reason, code: "input"))
    }
    findings = outcome.findings
    language = outcome.summary?.language
    for finding in findings { diagnostics.append(diagnostic(finding, in: document)) }
    return Linted(
      generation: generation, version: open.version, findings: findings, language: language, diagnostics: diagnostics)
  }

  static func documentDiagnostic(_ message: String, code: String) -> JSONValue {
    [
      "range": LSPRange(start: LSPPosition(line: 0, character: 0), end: LSPPosition(line: 0, character: 0)).json,
      "severity": 1, "code": .string(code), "source": "notelint", "message": .string(message),
    ]
  }

  static func range(of finding: Finding, in document: TextDocument) -> LSPRange {
    let start = document.position(line: finding.line, column: finding.column)
    let end = document.position(line: finding.endLine, column: finding.endColumn)
    return LSPRange(start: start, end: max(start, end))
  }

  static func severity(_ severity: Severity) -> Int {
    switch severity {
    case .error: return 1
    case .warning: return 2
    case .info: return 3
    }
  }

  static func diagnostic(_ finding: Finding, in document: TextDocument) -> JSONValue {
    var message = finding.message
    if let suggestion = finding.suggestion, !suggestion.isEmpty { message += "\n" + suggestion }
    var data: [String: JSONValue] = ["category": .string(finding.category.rawValue)]
    if let confidence = finding.confidence { data["confidence"] = .double(confidence) }
    return [
      "range": range(of: finding, in: document).json, "severity": .int(severity(finding.severity)),
      "code": .string(finding.rule), "source": "notelint", "message": .string(message), "data": .object(data),
    ]
  }

  // MARK: Requests

  /// Answers a request about a document once its lint is ready; `$/cancelRequest` meanwhile
  /// answers RequestCancelled at once and this answer is dropped.
  private func later(
    _ id: JSONValue, _ params: JSONValue?,
    _ body: @escaping @Sendable (Linted, TextDocument) throws(RPCError) -> JSONValue
  ) throws(RPCError) {
    guard let uri = params?["textDocument"]?["uri"]?.string else {
      throw .invalidParams("textDocument.uri is required")
    }
    lock.lock()
    let isOpen = documents[uri] != nil
    if isOpen { pending.insert(id) }
    lock.unlock()
    guard isOpen else { throw .invalidParams("the document is not open: \(uri)") }
    withLint(uri: uri) { [self] linted, document in
      let answer: JSONValue
      do throws(RPCError) {
        let result = try body(linted, document)
        answer = RPCMessage.response(id: id, result: result)
      } catch {
        answer = RPCMessage.errorResponse(id: id, error: error)
      }
      lock.lock()
      let stillPending = pending.remove(id) != nil
      lock.unlock()
      if stillPending { writer.send(answer) }
    }
  }

  private func hover(_ params: JSONValue?, _ linted: Linted, _ document: TextDocument) throws(RPCError) -> JSONValue {
    guard let position = LSPPosition(params?["position"]) else { throw .invalidParams("position is required") }
    let language = linted.language ?? .english
    var parts: [String] = []
    var hit: LSPRange?
    var explained: Set<String> = []
    for finding in linted.findings {
      let range = Self.range(of: finding, in: document)
      guard range.contains(position) else { continue }
      hit = hit ?? range
      var part = "**\(finding.rule)** (notelint): \(finding.message)"
      if let suggestion = finding.suggestion { part += "\n\n\(suggestion)" }
      if !explained.contains(finding.rule), let rule = RuleCatalog.description(id: finding.rule) {
        explained.insert(finding.rule)
        part += "\n\n" + RuleExplanation.render(rule, languages: [language])
      }
      parts.append(part)
    }
    guard let hit else { return .null }
    return [
      "contents": ["kind": "markdown", "value": .string(parts.joined(separator: "\n\n---\n\n"))], "range": hit.json,
    ]
  }

  private func codeActions(_ params: JSONValue?, _ linted: Linted, _ document: TextDocument) throws(RPCError)
    -> JSONValue
  {
    guard let uri = params?["textDocument"]?["uri"]?.string, let range = LSPRange(params?["range"]) else {
      throw .invalidParams("range is required")
    }
    let frontMatterEnd = Self.frontMatterEnd(document.text)
    var actions: [JSONValue] = []
    var seen: Set<String> = []
    let lineBreak = document.text.contains("\r\n") ? "\r\n" : "\n"
    for finding in linted.findings where finding.rule != EngineRules.unusedSuppression.id {
      let findingRange = Self.range(of: finding, in: document)
      guard findingRange.overlaps(range) else { continue }
      let line = finding.line - 1
      guard seen.insert("\(finding.rule)@\(line)").inserted else { continue }
      let diagnostic = Self.diagnostic(finding, in: document)
      if line >= frontMatterEnd {
        let text =
          document.indentation(ofLine: line) + "<!-- notelint-disable-next-line \(finding.rule) -->" + lineBreak
        actions.append(
          Self.action(
            "Suppress \(finding.rule) here (notelint-disable-next-line)", uri: uri, diagnostic: diagnostic,
            at: LSPPosition(line: line, character: 0), text: text))
      }
      if seen.insert("\(finding.rule)@file").inserted {
        let end = document.position(line: document.lineCount, column: Int.max)
        let text = (end.character == 0 ? "" : lineBreak) + "<!-- notelint-disable-file \(finding.rule) -->" + lineBreak
        actions.append(
          Self.action(
            "Suppress \(finding.rule) in this file (notelint-disable-file)", uri: uri, diagnostic: diagnostic, at: end,
            text: text))
      }
    }
    return .array(actions)
  }

  static func action(_ title: String, uri: String, diagnostic: JSONValue, at position: LSPPosition, text: String)
    -> JSONValue
  {
    let edit: JSONValue = ["range": LSPRange(start: position, end: position).json, "newText": .string(text)]
    return [
      "title": .string(title), "kind": "quickfix", "diagnostics": [diagnostic],
      "edit": ["changes": .object([uri: [edit]])],
    ]
  }

  /// The 0-based line after a front matter block (`---` … `---`), 0 when there is none: a comment
  /// may not go inside it.
  static func frontMatterEnd(_ text: String) -> Int {
    var lines = text.split(separator: "\n", maxSplits: 4096, omittingEmptySubsequences: false).makeIterator()
    guard let first = lines.next(), first.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return 0 }
    var index = 1
    while let line = lines.next() {
      let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if trimmed == "---" || trimmed == "..." { return index + 1 }
      index += 1
    }
    return 0
  }
}
