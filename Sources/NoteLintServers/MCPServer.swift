import Foundation
import MCP
import NoteLint

/// `notelint mcp`: a Model Context Protocol server built on the MCP Swift SDK (`Server` over
/// `StdioTransport`, screened by `ScreenedTransport`). Tools lint notes, list a gate's alerts and action
/// items, and explain rules; resources are the rule list and each rule's explanation. Every path is
/// resolved (symbolic links included) and must lie inside one of the roots.
public final class MCPServer: Sendable {
  /// The roots, resolved.
  public let roots: [String]

  /// Throws a message when a root is not an existing folder.
  public init(roots: [String]) throws(RPCError) {
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

  /// Serves standard input and output until the client closes its end and every request is answered.
  public func serve() async throws {
    let server = await makeServer()
    try await server.start(transport: ScreenedTransport(StdioTransport()))
    await server.waitUntilCompleted()
  }

  /// The SDK's server with notelint's tools and resources registered.
  public func makeServer() async -> Server {
    let server = Server(
      name: "notelint", version: NoteLintVersion.current, title: "notelint",
      instructions: "notelint lints project notes and pacts (Markdown, HTML; Italian, English). Paths must be inside: "
        + roots.joined(separator: ", "),
      capabilities: .init(resources: .init(subscribe: false, listChanged: false), tools: .init(listChanged: false)))
    await server.withMethodHandler(ListTools.self) { _ in ListTools.Result(tools: Self.tools) }
    await server.withMethodHandler(CallTool.self) { [self] params in
      guard Self.tools.contains(where: { $0.name == params.name }) else {
        // An unknown tool is a protocol error; a known tool's failure is a result the model can read.
        throw MCPError.invalidParams(
          "unknown tool '\(params.name)'; tools are: \(Self.tools.map(\.name).joined(separator: ", "))")
      }
      let arguments = JSONValue.object((params.arguments ?? [:]).mapValues { JSONValue($0) })
      let outcome = await Self.offTheCooperativePool {
        Result { () throws(RPCError) in try self.call(params.name, arguments) }
      }
      switch outcome {
      case .success(let result):
        return CallTool.Result(
          content: [.text(text: result.text, annotations: nil, _meta: nil)],
          structuredContent: MCP.Value?.some(MCP.Value(json: result)),
          isError: false)
      case .failure(let error):
        return CallTool.Result(content: [.text(text: error.message, annotations: nil, _meta: nil)], isError: true)
      }
    }
    await server.withMethodHandler(ListResources.self) { _ in ListResources.Result(resources: Self.resources) }
    await server.withMethodHandler(ListResourceTemplates.self) { _ in
      ListResourceTemplates.Result(templates: [
        Resource.Template(
          uriTemplate: "notelint://rules/{id}", name: "rule",
          description: "The explanation of one rule (as notelint explain prints it)",
          mimeType: "text/plain")
      ])
    }
    await server.withMethodHandler(ReadResource.self) { params in
      ReadResource.Result(contents: [try Self.read(resource: params.uri)])
    }
    return server
  }

  /// Linting is synchronous work: it runs on Dispatch's threads so that the SDK's tasks (reading the
  /// input, answering other requests) keep the cooperative pool.
  static func offTheCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      DispatchQueue.global().async { continuation.resume(returning: work()) }
    }
  }

  // MARK: Tools

  static let tools: [Tool] = [
    Tool(
      name: "lint_note", title: "Lint a note",
      description:
        "Lint one project note or pact (Markdown or HTML, Italian or English), given as text or as a path inside the "
        + "roots. Returns the findings (rule, category, severity, line and column, message, suggestion, confidence).",
      inputSchema: [
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
      ], annotations: .init(readOnlyHint: true, openWorldHint: false)),
    Tool(
      name: "checkpoint", title: "Governance gate alerts",
      description:
        "The alert list of one governance gate (technical: mid-sprint; business: end of sprint; review: every two "
        + "sprints) for notes and folders inside the roots.",
      inputSchema: [
        "type": "object",
        "properties": [
          "gate": ["type": "string", "enum": ["technical", "business", "review"]],
          "paths": ["type": "array", "items": ["type": "string"], "minItems": 1],
          "today": ["type": "string", "description": "YYYY-MM-DD"],
          "maxPerFile": ["type": "integer", "minimum": 0, "description": "Alerts per document, 0 for all (default 5)"],
        ],
        "required": ["gate", "paths"],
        "additionalProperties": false,
      ], annotations: .init(readOnlyHint: true, openWorldHint: false)),
    Tool(
      name: "action_items", title: "Action items",
      description:
        "Every action item (open and done) of notes and folders inside the roots, with owner, due date and problems.",
      inputSchema: [
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
      ], annotations: .init(readOnlyHint: true, openWorldHint: false)),
    Tool(
      name: "explain_rule", title: "Explain a rule",
      description: "What a rule flags, why it matters, and a bad and a good example (as notelint explain).",
      inputSchema: [
        "type": "object",
        "properties": [
          "rule": ["type": "string", "description": "A rule id (see the notelint://rules resource)"],
          "language": ["type": "string", "enum": ["it", "en"], "description": "Default: both"],
        ],
        "required": ["rule"],
        "additionalProperties": false,
      ], annotations: .init(readOnlyHint: true, openWorldHint: false)),
  ]

  func call(_ name: String, _ arguments: JSONValue) throws(RPCError) -> JSONValue {
    let properties = Self.tools.first { $0.name == name }?.inputSchema.objectValue?["properties"]?.objectValue ?? [:]
    let allowed = Set(properties.keys)
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

  static var resources: [Resource] {
    [
      Resource(
        name: "rules", uri: "notelint://rules", title: "notelint rules",
        description: "Every rule: id, name, category, severity, checkpoints, languages, summary",
        mimeType: "application/json")
    ]
      + RuleCatalog.descriptions.map { rule in
        Resource(
          name: rule.id, uri: "notelint://rules/\(rule.id)", title: rule.name.en, description: rule.summary.en,
          mimeType: "text/plain")
      }
  }

  static func read(resource uri: String) throws(MCPError) -> Resource.Content {
    if uri == "notelint://rules" {
      let rules: [JSONValue] = RuleCatalog.descriptions.map { rule in
        [
          "id": .string(rule.id), "name": .string(rule.name.en), "category": .string(rule.category.rawValue),
          "severity": .string(rule.severity.rawValue),
          "checkpoints": .array(rule.checkpoints.map { .string($0.rawValue) }),
          "languages": .array(rule.languages.map { .string($0.rawValue) }), "summary": .string(rule.summary.en),
        ]
      }
      return .text(JSONValue.array(rules).text, uri: uri, mimeType: "application/json")
    }
    let prefix = "notelint://rules/"
    if uri.hasPrefix(prefix), let rule = RuleCatalog.description(id: String(uri.dropFirst(prefix.count))) {
      return .text(
        RuleExplanation.render(rule, languages: Language.allCases.reversed().map { $0 }), uri: uri,
        mimeType: "text/plain")
    }
    // -32002: the MCP specification's code for a resource that does not exist.
    throw MCPError.serverError(code: -32002, message: "resource not found: \(uri)")
  }
}

extension JSONValue {
  /// An SDK value as our JSON value (a `data:` URL string, which the SDK decodes as data, stays a string).
  init(_ value: MCP.Value) {
    switch value {
    case .null: self = .null
    case .bool(let bool): self = .bool(bool)
    case .int(let int): self = .int(int)
    case .double(let double): self = .double(double)
    case .string(let string): self = .string(string)
    case .data(let mimeType, let data): self = .string(data.dataURLEncoded(mimeType: mimeType))
    case .array(let array): self = .array(array.map(JSONValue.init))
    case .object(let object): self = .object(object.mapValues { JSONValue($0) })
    }
  }
}

extension MCP.Value {
  /// Our JSON value as an SDK value.
  init(json: JSONValue) {
    switch json {
    case .null: self = .null
    case .bool(let bool): self = .bool(bool)
    case .int(let int): self = .int(int)
    case .double(let double): self = .double(double)
    case .string(let string): self = .string(string)
    case .array(let array): self = .array(array.map { MCP.Value(json: $0) })
    case .object(let object): self = .object(object.mapValues { MCP.Value(json: $0) })
    }
  }
}
