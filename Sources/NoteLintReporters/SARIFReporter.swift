import NoteLintCore

/// SARIF 2.1.0 (OASIS), as GitHub code scanning and other dashboards read it: one run, the rules
/// with their help text in both languages, one result per finding with a fingerprint that survives
/// edits that only move lines. Byte-for-byte deterministic for the same report.
public struct SARIFReporter: Reporter {
  public static let schemaURI =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
  /// The key of the fingerprint in `partialFingerprints`.
  public static let fingerprintKey = "notelintFinding/v1"

  /// The rules described in `tool.driver.rules` (all of them, in this order, plus any rule a
  /// finding names that is not among them).
  public var rules: [RuleDescription]

  public init(rules: [RuleDescription] = []) {
    self.rules = rules
  }

  /// SARIF's three result levels.
  public static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "note"
    }
  }

  public func render(_ report: LintReport) -> String {
    let catalog = ruleCatalog(report)
    let index = Dictionary(
      catalog.enumerated().map { ($0.element.id, $0.offset) }, uniquingKeysWith: { first, _ in first })
    let fingerprints = Self.fingerprints(report.findings)
    let out = JSONWriter()
    out.object {
      out.field("$schema", Self.schemaURI)
      out.field("version", "2.1.0")
      out.key("runs")
      out.array([report]) { report in
        out.object {
          out.key("tool")
          out.object {
            out.key("driver")
            out.object {
              out.field("name", "notelint")
              out.field("version", report.toolVersion)
              out.field("semanticVersion", report.toolVersion)
              out.key("rules")
              out.array(catalog) { entry in writeRule(entry, out) }
            }
          }
          out.key("invocations")
          out.array([report]) { report in
            out.object {
              out.field("executionSuccessful", report.errors.isEmpty)
              if !report.errors.isEmpty {
                out.key("toolExecutionNotifications")
                out.array(report.errors) { error in
                  out.object {
                    out.key("locations")
                    out.array([error]) { error in
                      out.object {
                        out.key("physicalLocation")
                        out.object {
                          out.key("artifactLocation")
                          writeArtifactLocation(error.path, out)
                        }
                      }
                    }
                    out.key("message")
                    out.object { out.field("text", "\(error.path): \(error.reason)") }
                    out.field("level", "error")
                  }
                }
              }
            }
          }
          out.field("columnKind", "unicodeCodePoints")
          out.key("results")
          out.array(zip(report.findings, fingerprints).map { ($0, $1) }) { finding, fingerprint in
            writeResult(finding, ruleIndex: index[finding.rule], fingerprint: fingerprint, out)
          }
          out.key("properties")
          out.object {
            out.field("today", report.today)
            out.key("files")
            out.array(report.files) { file in
              out.object {
                out.field("path", file.path)
                out.field("language", file.language.rawValue)
                out.field("kind", file.kind.rawValue)
              }
            }
          }
        }
      }
    }
    return out.text + "\n"
  }

  /// One catalog entry: a known rule, or an unknown id (from a finding) with nothing but its id.
  struct Entry {
    var id: String
    var rule: RuleDescription?
  }

  func ruleCatalog(_ report: LintReport) -> [Entry] {
    var entries = rules.map { Entry(id: $0.id, rule: $0) }
    var known = Set(rules.map(\.id))
    let extra = report.findings.map(\.rule).filter { known.insert($0).inserted }
    entries.append(contentsOf: extra.sorted().map { Entry(id: $0, rule: nil) })
    return entries
  }

  private func writeRule(_ entry: Entry, _ out: JSONWriter) {
    out.object {
      out.field("id", entry.id)
      out.field("name", Self.pascalCase(entry.id))
      guard let rule = entry.rule else { return }
      out.key("shortDescription")
      out.object { out.field("text", rule.summary.en) }
      out.key("fullDescription")
      out.object { out.field("text", rule.summary.en + " " + rule.rationale.en) }
      out.key("help")
      out.object {
        out.field("text", Self.helpText(rule))
        out.field("markdown", Self.helpMarkdown(rule))
      }
      out.key("defaultConfiguration")
      out.object { out.field("level", Self.level(rule.severity)) }
      out.key("properties")
      out.object {
        out.key("tags")
        out.array(["notelint", rule.category.rawValue] + rule.checkpoints.map { "checkpoint:\($0.rawValue)" }) {
          out.value($0)
        }
        out.field("category", rule.category.rawValue)
        out.field("problem.severity", Self.problemSeverity(rule.severity))
        out.key("name")
        out.object {
          out.field("en", rule.name.en)
          out.field("it", rule.name.it)
        }
      }
    }
  }

  private func writeArtifactLocation(_ path: String, _ out: JSONWriter) {
    out.object {
      out.field("uri", Escape.uri(path: path))
      if !path.hasPrefix("/") { out.field("uriBaseId", "%SRCROOT%") }
    }
  }

  private func writeResult(_ finding: Finding, ruleIndex: Int?, fingerprint: String, _ out: JSONWriter) {
    out.object {
      out.field("ruleId", finding.rule)
      if let ruleIndex { out.field("ruleIndex", ruleIndex) }
      out.field("level", Self.level(finding.severity))
      // SARIF's rank (0 to 100): the confidence as a percentage; governance findings are facts (100).
      out.key("rank")
      out.raw(JSONWriter.decimal(finding.effectiveConfidence * 100, places: 1))
      out.key("message")
      out.object { out.field("text", finding.fullMessage) }
      out.key("locations")
      out.array([finding]) { finding in
        out.object {
          out.key("physicalLocation")
          out.object {
            out.key("artifactLocation")
            writeArtifactLocation(finding.file, out)
            out.key("region")
            out.object {
              out.field("startLine", max(1, finding.line))
              out.field("startColumn", max(1, finding.column))
              out.field("endLine", max(finding.line, finding.endLine))
              out.field("endColumn", max(1, finding.endColumn))
            }
          }
        }
      }
      out.key("partialFingerprints")
      out.object { out.field(Self.fingerprintKey, fingerprint) }
      out.key("properties")
      out.object {
        out.field("category", finding.category.rawValue)
        out.key("checkpoints")
        out.array(finding.checkpoints) { out.value($0.rawValue) }
        out.field("excerpt", finding.excerpt)
        if let suggestion = finding.suggestion { out.field("suggestion", suggestion) }
        out.key("confidence")
        out.raw(JSONWriter.decimal(finding.effectiveConfidence, places: 3))
      }
    }
  }

  /// A fingerprint per finding from its rule, file and quoted text (never its line, so moving a
  /// paragraph keeps it), with the occurrence number among identical ones.
  public static func fingerprints(_ findings: [Finding]) -> [String] {
    var seen: [String: Int] = [:]
    return findings.map { finding in
      let base = finding.rule + "\u{1F}" + finding.file + "\u{1F}" + StableHash.normalize(finding.excerpt)
      let occurrence = seen[base, default: 0]
      seen[base] = occurrence + 1
      return StableHash.hex(base) + ":" + String(occurrence + 1)
    }
  }

  /// `vague-time` → `VagueTime`.
  static func pascalCase(_ id: String) -> String {
    id.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined()
  }

  /// GitHub code scanning's severity property for non-security rules.
  static func problemSeverity(_ severity: Severity) -> String {
    switch severity {
    case .error: return "error"
    case .warning: return "warning"
    case .info: return "recommendation"
    }
  }

  static func helpText(_ rule: RuleDescription) -> String {
    var text = "\(rule.name.en) (\(rule.id), \(rule.category.rawValue)): \(rule.summary.en)\n\n\(rule.rationale.en)"
    text += "\n\n\(rule.name.it): \(rule.summary.it)\n\n\(rule.rationale.it)"
    return text
  }

  static func helpMarkdown(_ rule: RuleDescription) -> String {
    var text = "**\(rule.name.en)** · `\(rule.id)` · \(rule.category.rawValue) · \(rule.severity.rawValue)\n\n"
    text += "\(rule.summary.en)\n\n\(rule.rationale.en)\n\n"
    text += "**\(rule.name.it)** (italiano)\n\n\(rule.summary.it)\n\n\(rule.rationale.it)\n"
    let triggering = rule.triggering.prefix(2)
    let clean = rule.nonTriggering.prefix(2)
    if !triggering.isEmpty {
      text += "\n**Reported / Segnalato**\n"
      for example in triggering { text += "\n" + fenced(example.cleanText, example.format) }
    }
    if !clean.isEmpty {
      text += "\n**Not reported / Non segnalato**\n"
      for example in clean { text += "\n" + fenced(example.cleanText, example.format) }
    }
    return text
  }

  /// A fenced code block whose fence is longer than any backtick run inside the text.
  static func fenced(_ text: String, _ format: DocumentFormat) -> String {
    var longest = 0
    var run = 0
    for character in text {
      run = character == "`" ? run + 1 : 0
      longest = max(longest, run)
    }
    let fence = String(repeating: "`", count: max(3, longest + 1))
    let body = text.hasSuffix("\n") ? text : text + "\n"
    return fence + (format == .html ? "html" : "markdown") + "\n" + body + fence + "\n"
  }
}
