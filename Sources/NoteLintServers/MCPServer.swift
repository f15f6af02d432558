import Foundation
import NoteLint

/// `notelint mcp`: a Model Context Protocol server (stdio, newline-delimited JSON-RPC, protocol
/// 2025-06-18) on the same JSON-RPC layer as `notelint lsp`. Tools lint notes, list a gate's alerts
/// and action items, and explain rules; resources are the rule list and each rule's explanation.
/// Every path is resolved (symbolic links included) and must lie inside one of the roots.
public final class MCPServer: @unchecked Sendable {
  public static let protocolVersions = ["2025-06-18", "2025-03-26", "2024-11-05"]

  private let writer: RPCWriter
  /// The roots, resolved.
  public let roots: [String]
  private let lock = NSLock()
  private var initialized = false

  /// Throws a message when a root is not an existing folder.
  public init(writer: RPCWriter, roots: [String]) throws(RPCError) {
    self.writer = writer
    var resolved: [String] = []
    for root in roots {
      var isFolder: ObjCBool = false
      guard let real = Self.realPath(PathUtilities.absolute(root)),
        FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue
      else {
        throw RPCError(RPCErrorCode.invalidParams, "\(root): not a folder")
      }
      resolved.append(real)
    }
    self.roots = resolved
  }

  public func serve(input: Int32) {
    readMessages(descriptor: input, framing: .newline) { item in
      handle(item)
      return true
    }
  }

  public func handle(_ item: RPCFrameReader.Item) {
    switch item {
    case .malformed(let reason):
      writer.send(
        RPCMessage.errorResponse(id: .null, error: RPCError(RPCErrorCode.parseError, "parse error: \(reason)")))
    case .message(let data):
      switch RPCMessage.parse(data) {
      case .invalid(let id, let error): writer.send(RPCMessage.errorResponse(id: id, error: error))
      case .response, .notification: break
      case .request(let id, let method, let params):
        do {
          writer.send(RPCMessage.response(id: id, result: try request(method, params)))
        } catch {
          writer.send(RPCMessage.errorResponse(id: id, error: error))
        }
      }
    }
  }

  private func request(_ method: String, _ params: JSONValue?) throws(RPCError) -> JSONValue {
    switch method {
    case "initialize":
      let asked = params?["protocolVersion"]?.string ?? Self.protocolVersions[0]
      lock.lock()
      initialized = true
      lock.unlock()
      return [
        "protocolVersion": .string(Self.protocolVersions.contains(asked) ? asked : Self.protocolVersions[0]),
        "capabilities": ["tools": ["listChanged": false], "resources": ["listChanged": false, "subscribe": false]],
        "serverInfo": ["name": "notelint", "version": .string(NoteLintVersion.current)],
        "instructions": .string(
          "notelint lints project notes and pacts (Markdown, HTML; Italian, English). Paths must be inside: "
            + roots.joined(separator: ", ")),
      ]
    case "ping": return [:]
    default: break
    }
    lock.lock()
    let ready = initialized
    lock.unlock()
    guard ready else { throw RPCError(RPCErrorCode.serverNotInitialized, "the server is not initialized") }
    switch method {
    case "tools/list": return ["tools": .array(Self.tools)]
    case "tools/call":
      guard let name = params?["name"]?.string else { throw .invalidParams("tools/call needs a tool name") }
      let arguments = params?["arguments"] ?? [:]
      guard arguments.object != nil else { throw .invalidParams("arguments must be an object") }
      guard Self.tools.contains(where: { $0["name"]?.string == name }) else {
        throw .invalidParams("unknown tool '\(name)'; tools are: lint_note, checkpoint, action_items, explain_rule")
      }
      do {
        let result = try call(name, arguments)
        return [
          "content": [["type": "text", "text": .string(result.text)]], "structuredContent": result, "isError": false,
        ]
      } catch {
        // A tool's own failure is a result the model can read, not a protocol error.
        return ["content": [["type": "text", "text": .string(error.message)]], "isError": true]
      }
    case "resources/list": return ["resources": .array(Self.resources)]
    case "resources/templates/list":
      return [
        "resourceTemplates": [
          [
            "uriTemplate": "notelint://rules/{id}", "name": "rule", "mimeType": "text/plain",
            "description": "The explanation of one rule (as notelint explain prints it)",
          ]
        ]
      ]
    case "resources/read":
      guard let uri = params?["uri"]?.string else { throw .invalidParams("resources/read needs a uri") }
      return ["contents": [try Self.read(resource: uri)]]
    default: throw RPCError(RPCErrorCode.methodNotFound, "method not found: \(method)")
    }
  }

  // MARK: Tools

  static let tools: [JSONValue] = [
    [
      "name": "lint_note",
      "title": "Lint a note",
      "description": .string(
        "Lint one project note or pact (Markdown or HTML, Italian or English), given as text or as a path inside the "
          + "roots. Returns the findings (rule, category, severity, line and column, message, suggestion, confidence)."),
      "inputSchema": [
        "type": "object",
        "properties": [
          "text": ["type": "string", "description": "The note's text (instead of path)"],
          "path": ["type": "string", "description": "A note's path inside the roots (instead of text)"],
          "filename": [
            "type": "string",
            "description": "With text: the name it would have (its extension picks Markdown or HTML; default note.md)",
          ],
          "language": ["type": "string", "enum": ["it", "en"], "description": "Default: detected"],
          "today": ["type": "string", "description": "The date deadlines are judged against, YYYY-MM-DD"],
          "minConfidence": ["type": "number", "minimum": 0, "maximum": 1],
        ],
        "additionalProperties": false,
      ],
    ],
    [
      "name": "checkpoint",
      "title": "Governance gate alerts",
      "description": .string(
        "The alert list of one governance gate (technical: mid-sprint; business: end of sprint; review: every two "
          + "sprints) for notes and folders inside the roots."),
      "inputSchema": [
        "type": "object",
        "properties": [
          "gate": ["type": "string", "enum": ["technical", "business", "review"]],
          "paths": ["type": "array", "items": ["type": "string"], "minItems": 1],
          "today": ["type": "string", "description": "YYYY-MM-DD"],
          "maxPerFile": ["type": "integer", "minimum": 0, "description": "Alerts per document, 0 for all (default 5)"],
        ],
        "required": ["gate", "paths"],
        "additionalProperties": false,
      ],
    ],
    [
      "name": "action_items",
      "title": "Action items",
      "description": .string(
        "Every action item (open and done) of notes and folders inside the roots, with owner, due date and problems."),
      "inputSchema": [
        "type": "object",
        "properties": [
          "paths": ["type": "array", "items": ["type": "string"], "minItems": 1],
          "today": ["type": "string", "description": "YYYY-MM-DD"],
          "owner": ["type": "string", "description": "Only items this person owns; - for items with no owner"],
          "open": ["type": "boolean", "description": "Only open items"],
          "overdue": ["type": "boolean", "description": "Only overdue items"],
          "dueWithin": ["type": "string", "description": "Only open items due within 7d, 2w or a number of days"],
          "problemsOnly": ["type": "boolean", "description": "Only items with at least one problem"],
        ],
        "required": ["paths"],
        "additionalProperties": false,
      ],
    ],
    [
      "name": "explain_rule",
      "title": "Explain a rule",
      "description": "What a rule flags, why it matters, and a bad and a good example (as notelint explain).",
      "inputSchema": [
        "type": "object",
        "properties": [
          "rule": ["type": "string", "description": "A rule id (see the notelint://rules resource)"],
          "language": ["type": "string", "enum": ["it", "en"], "description": "Default: both"],
        ],
        "required": ["rule"],
        "additionalProperties": false,
      ],
    ],
  ]

  func call(_ name: String, _ arguments: JSONValue) throws(RPCError) -> JSONValue {
    let allowed = Set(
      Self.tools.first { $0["name"]?.string == name }?["inputSchema"]?["properties"]?.object?.keys.map { $0 } ?? [])
    for key in (arguments.object ?? [:]).keys.sorted() where !allowed.contains(key) {
      throw .invalidParams(
        "\(name): unknown argument '\(key)'; arguments are: \(allowed.sorted().joined(separator: ", "))")
    }
    switch name {
    case "lint_note": return try lintNote(arguments)
    case "checkpoint": return try checkpoint(arguments)
    case "action_items": return try actionItems(arguments)
    default: return try explainRule(arguments)
    }
  }

  private func options(_ arguments: JSONValue) throws(RPCError) -> LintOptions {
    var language: Language?
    if let value = arguments["language"] {
      guard let text = value.string, let parsed = LanguageDetector.parse(text) else {
        throw .invalidParams("language must be it or en, not \(value.text)")
      }
      language = parsed
    }
    var today = CivilDate.currentLocal()
    if let value = arguments["today"] {
      guard let text = value.string, let parsed = CivilDate.parseISO(text) else {
        throw .invalidParams("today must be a date as YYYY-MM-DD, not \(value.text)")
      }
      today = parsed
    }
    var options = LintOptions(language: language, today: today)
    if let value = arguments["minConfidence"] {
      guard let number = value.double, (0...1).contains(number) else {
        throw .invalidParams("minConfidence must be a number from 0 to 1, not \(value.text)")
      }
      options.minConfidence = number
    }
    return options
  }

  private func resolver() throws(RPCError) -> ConfigurationResolver {
    do {
      return try ConfigurationResolver()
    } catch {
      throw .invalidParams("configuration: \(error)")
    }
  }

  private func lintNote(_ arguments: JSONValue) throws(RPCError) -> JSONValue {
    let options = try options(arguments)
    let configuration = try resolver()
    let linter = Linter(options: options, configuration: configuration)
    let outcome: FileOutcome
    switch (arguments["text"], arguments["path"]) {
    case (let text?, nil):
      guard let text = text.string else { throw .invalidParams("text must be a string") }
      let filename = arguments["filename"]?.string ?? "note.md"
      guard !filename.contains("/"), !filename.isEmpty, filename != "..", filename != "." else {
        throw .invalidParams("filename must be a plain file name, not '\(filename)'")
      }
      // Under the first root, so its configuration applies.
      outcome = linter.lint(bytes: Array(text.utf8), path: (roots[0] as NSString).appendingPathComponent(filename))
    case (nil, let path?):
      guard let path = path.string else { throw .invalidParams("path must be a string") }
      let file = try confine(path)
      outcome = linter.lint(file: file)
    default:
      throw .invalidParams("lint_note needs exactly one of text and path")
    }
    if let error = configuration.error { throw .invalidParams("configuration: \(error.description)") }
    if let error = outcome.error { throw .invalidParams(error.line) }
    return [
      "file": .optional(outcome.summary?.path), "language": .optional(outcome.summary?.language.rawValue),
      "kind": .optional(outcome.summary?.kind.rawValue), "today": .string(options.today.description),
      "findings": .array(outcome.findings.map(Self.json)),
    ]
  }

  static func json(_ finding: Finding) -> JSONValue {
    [
      "rule": .string(finding.rule), "category": .string(finding.category.rawValue),
      "severity": .string(finding.severity.rawValue), "line": .int(finding.line), "column": .int(finding.column),
      "endLine": .int(finding.endLine), "endColumn": .int(finding.endColumn), "message": .string(finding.message),
      "suggestion": .optional(finding.suggestion), "excerpt": .string(finding.excerpt),
      "checkpoints": .array(finding.checkpoints.map { .string($0.rawValue) }),
      "confidence": .double(finding.effectiveConfidence),
    ]
  }

  private func paths(_ arguments: JSONValue) throws(RPCError) -> [String] {
    guard let list = arguments["paths"]?.array, !list.isEmpty else {
      throw .invalidParams("paths must be a non-empty list of paths inside the roots")
    }
    var out: [String] = []
    for item in list {
      guard let path = item.string else { throw .invalidParams("paths must be strings, not \(item.text)") }
      out.append(try confine(path))
    }
    return out
  }

  private func checkpoint(_ arguments: JSONValue) throws(RPCError) -> JSONValue {
    guard let name = arguments["gate"]?.string, let gate = Checkpoint(rawValue: name) else {
      throw .invalidParams("gate must be technical, business or review, not \(arguments["gate"]?.text ?? "missing")")
    }
    var maxPerFile = 5
    if let value = arguments["maxPerFile"] {
      guard let number = value.int, number >= 0 else { throw .invalidParams("maxPerFile must be 0 or more") }
      maxPerFile = number
    }
    let files = try paths(arguments)
    let configuration = try resolver()
    let linter = Linter(options: try options(arguments), configuration: configuration)
    let report = linter.run(paths: files)
    if let error = configuration.error { throw .invalidParams("configuration: \(error.description)") }
    let gateReport = GateReport(report: report, gate: gate, maxPerFile: maxPerFile)
    guard let json = JSONValue.parse(gateReport.json()) else {
      throw RPCError(RPCErrorCode.internalError, "bad report")
    }
    return json
  }

  private func actionItems(_ arguments: JSONValue) throws(RPCError) -> JSONValue {
    let files = try paths(arguments)
    let options = try options(arguments)
    var dueWithin: Int?
    if let value = arguments["dueWithin"] {
      guard let text = value.string, let days = ActionFilter.parseDays(text) else {
        throw .invalidParams("dueWithin must be a number of days such as 7d, 2w or 10, not \(value.text)")
      }
      dueWithin = days
    }
    for key in ["open", "overdue", "problemsOnly"] {
      if let value = arguments[key], value.bool == nil { throw .invalidParams("\(key) must be true or false") }
    }
    if let value = arguments["owner"], value.string == nil { throw .invalidParams("owner must be a string") }
    let configuration = try resolver()
    let extractor = ActionExtractor(options: options, configuration: configuration)
    var extraction = extractor.extract(paths: files)
    if let error = configuration.error { throw .invalidParams("configuration: \(error.description)") }
    let filter = ActionFilter(
      owner: arguments["owner"]?.string, openOnly: arguments["open"]?.bool ?? false,
      overdue: arguments["overdue"]?.bool ?? false, dueWithinDays: dueWithin,
      problemsOnly: arguments["problemsOnly"]?.bool ?? false)
    extraction.records = extraction.records.filter(filter.matches)
    let renderer = ActionRenderer(today: options.today)
    guard let json = JSONValue.parse(renderer.json(extraction)) else {
      throw RPCError(RPCErrorCode.internalError, "bad report")
    }
    return json
  }

  private func explainRule(_ arguments: JSONValue) throws(RPCError) -> JSONValue {
    guard let id = arguments["rule"]?.string else { throw .invalidParams("rule is required (a rule id)") }
    guard let rule = RuleCatalog.description(id: id) else {
      throw .invalidParams("unknown rule '\(id)'; rules are: \(RuleCatalog.ids.joined(separator: ", "))")
    }
    var languages = Language.allCases.reversed().map { $0 }
    if let value = arguments["language"] {
      guard let text = value.string, let parsed = LanguageDetector.parse(text) else {
        throw .invalidParams("language must be it or en, not \(value.text)")
      }
      languages = [parsed]
    }
    return ["rule": .string(id), "explanation": .string(RuleExplanation.render(rule, languages: languages))]
  }

  // MARK: Roots

  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  /// The resolved path if it lies inside a root (relative paths are taken from the first root).
  func confine(_ path: String) throws(RPCError) -> String {
    guard !path.isEmpty, !path.contains("\0") else { throw .invalidParams("a path must be a non-empty string") }
    let absolute = path.hasPrefix("/") ? path : (roots[0] as NSString).appendingPathComponent(path)
    guard let real = Self.realPath(absolute) else { throw .invalidParams("\(path): no such file or folder") }
    for root in roots where real == root || real.hasPrefix(root == "/" ? "/" : root + "/") {
      return real
    }
    throw .invalidParams("\(path): outside the roots (\(roots.joined(separator: ", "))); nothing outside them is read")
  }

  // MARK: Resources

  static var resources: [JSONValue] {
    var list: [JSONValue] = [
      [
        "uri": "notelint://rules", "name": "rules", "title": "notelint rules", "mimeType": "application/json",
        "description": "Every rule: id, name, category, severity, checkpoints, languages, summary",
      ]
    ]
    for rule in RuleCatalog.descriptions {
      list.append([
        "uri": .string("notelint://rules/\(rule.id)"), "name": .string(rule.id), "title": .string(rule.name.en),
        "mimeType": "text/plain", "description": .string(rule.summary.en),
      ])
    }
    return list
  }

  static func read(resource uri: String) throws(RPCError) -> JSONValue {
    if uri == "notelint://rules" {
      let rules: [JSONValue] = RuleCatalog.descriptions.map { rule in
        [
          "id": .string(rule.id), "name": .string(rule.name.en), "category": .string(rule.category.rawValue),
          "severity": .string(rule.severity.rawValue),
          "checkpoints": .array(rule.checkpoints.map { .string($0.rawValue) }),
          "languages": .array(rule.languages.map { .string($0.rawValue) }), "summary": .string(rule.summary.en),
        ]
      }
      return ["uri": .string(uri), "mimeType": "application/json", "text": .string(JSONValue.array(rules).text)]
    }
    let prefix = "notelint://rules/"
    if uri.hasPrefix(prefix), let rule = RuleCatalog.description(id: String(uri.dropFirst(prefix.count))) {
      let text = RuleExplanation.render(rule, languages: Language.allCases.reversed().map { $0 })
      return ["uri": .string(uri), "mimeType": "text/plain", "text": .string(text)]
    }
    throw RPCError(-32002, "resource not found: \(uri)")
  }
}
