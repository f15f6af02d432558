import Foundation
import XCTest

/// `notelint checkpoint`, `rules` and `explain` as a user runs them.
final class CheckpointCLITests: XCTestCase {
  private var binary: URL { BuiltBinary.url }

  private func run(_ arguments: [String], in folder: URL) throws -> (out: String, code: Int32) {
    let process = Process()
    process.executableURL = binary
    process.arguments = arguments
    process.currentDirectoryURL = folder
    let out = Pipe()
    process.standardOutput = out
    process.standardError = Pipe()
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (String(decoding: data, as: UTF8.self), process.terminationStatus)
  }

  private func scratch(_ files: [String: String]) throws -> URL {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-gate-\(UUID().uuidString)")
    for (name, text) in files {
      let url = folder.appendingPathComponent(name)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    addTeardownBlock { try? FileManager.default.removeItem(at: folder) }
    return folder
  }

  private let badPact = """
    ---
    tipo: patto
    inizio: 2026-11-02
    ---
    # Patto operativo — churn fedeltà

    Problema: il 9% dei clienti fedeltà non compra più dopo sei mesi, circa 800.000 € l'anno.
    Decisione: a quali clienti inviare il buono di riattivazione.
    Dati: storico acquisti e carte fedeltà degli ultimi 24 mesi.
    Responsabile: da definire
    Scadenza: 2026-11-27
    KPI: clienti riattivati, target 1.500 al mese

    Checkpoint business: 2026-11-27, i buoni ripagano lo sconto?

    - [ ] Luca esporta le carte fedeltà entro il 2026-11-13
    """

  private let goodPact = """
    ---
    type: pact
    start: 2026-11-16
    ---
    # Project pact — lead scoring

    Problem: 70% of rep calls go to leads that never buy; conversion is stuck at 2.1%.
    Decision: which inbound leads a rep calls first each morning.
    Data: HubSpot forms and Salesforce opportunities, 18 months.
    Owner: Hannah Lee
    Deadline: 2026-12-11
    KPI: lead-to-customer conversion, baseline 2.1%, target 3.0% (+€180k a year)
    Technical checkpoint: 2026-11-27 — Aisha: data complete for 95% of leads?
    Business checkpoint: 2026-12-11 — Hannah: does the value justify the roll-out?
    """

  func testTechnicalGateListsBlockingAlertsFirstInTheNoteLanguage() throws {
    let folder = try scratch(["patti/churn.md": badPact, "patti/lead.md": goodPact])
    let result = try run(
      ["checkpoint", "technical", "patti", "--today", "2026-11-23", "--max-per-file", "0"], in: folder)
    XCTAssertEqual(result.code, 1, result.out)
    let lines = result.out.split(separator: "\n").map(String.init)
    let churn = try XCTUnwrap(
      lines.firstIndex { $0.hasPrefix("patti/churn.md (patto, checkpoint tecnico)") }, result.out)
    let alerts = lines[(churn + 1)...].prefix { $0.hasPrefix("  ") && !$0.hasPrefix("  =") }
    XCTAssertTrue(alerts.first?.contains("BLOCCANTE") ?? false, result.out)
    XCTAssertTrue(alerts.contains { $0.contains("[missing-technical-checkpoint]") }, result.out)
    XCTAssertTrue(alerts.contains { $0.contains("[pact-missing-field]") && $0.contains("responsabile") }, result.out)
    XCTAssertTrue(alerts.contains { $0.hasPrefix("  16: BLOCCANTE") && $0.contains("[overdue-item]") }, result.out)
    let severities = alerts.map { $0.contains("BLOCCANTE") }
    XCTAssertEqual(severities, severities.sorted { $0 && !$1 }, "blocking alerts come first")
    XCTAssertFalse(result.out.contains("patti/lead.md (pact"), "a clean pact has nothing for the gate")
  }

  func testBusinessGateOnCleanPactExitsZero() throws {
    let folder = try scratch(["lead.md": goodPact])
    let result = try run(["checkpoint", "business", "lead.md", "--today", "2026-11-23"], in: folder)
    XCTAssertEqual(result.code, 0, result.out)
  }

  func testMaxPerFileCutsTheList() throws {
    let folder = try scratch(["churn.md": badPact])
    let result = try run(
      ["checkpoint", "technical", "churn.md", "--today", "2026-11-23", "--max-per-file", "1"], in: folder)
    let alerts = result.out.split(separator: "\n").filter { $0.hasPrefix("  ") && !$0.hasPrefix("  =") }
    XCTAssertEqual(alerts.count, 1, result.out)
    XCTAssertTrue(result.out.contains("non mostrati"), result.out)
  }

  func testHTMLPageIsSelfContained() throws {
    let folder = try scratch(["churn.md": badPact, "lead.md": goodPact])
    let result = try run(["checkpoint", "business", ".", "--today", "2026-11-23", "--format", "html"], in: folder)
    XCTAssertTrue(result.out.hasPrefix("<!DOCTYPE html>"))
    XCTAssertTrue(result.out.contains("<svg"), "has a chart")
    XCTAssertFalse(result.out.contains("src=\"http"), "no external assets")
    XCTAssertFalse(result.out.contains("href=\"http"), "no external links")
    XCTAssertFalse(result.out.contains("<script"), "no scripts")
    XCTAssertTrue(result.out.contains("Patto") || result.out.contains("patto"))
  }

  func testJSONAndMarkdownFormats() throws {
    let folder = try scratch(["churn.md": badPact])
    let json = try run(["checkpoint", "review", "churn.md", "--today", "2026-11-23", "--format", "json"], in: folder)
    let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.out.utf8)) as? [String: Any])
    XCTAssertEqual(object["gate"] as? String, "review")
    let markdown = try run(
      ["checkpoint", "review", "churn.md", "--today", "2026-11-23", "--format", "markdown"], in: folder)
    XCTAssertTrue(markdown.out.contains("| Document | Blocking | To discuss |"), markdown.out)
  }

  func testRulesAndExplainCoverEveryRule() throws {
    let folder = FileManager.default.temporaryDirectory
    let rules = try run(["rules", "--json"], in: folder)
    let list = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(rules.out.utf8)) as? [[String: Any]])
    XCTAssertGreaterThanOrEqual(list.count, 20)
    for rule in list {
      let id = try XCTUnwrap(rule["id"] as? String)
      let explained = try run(["explain", id], in: folder)
      XCTAssertEqual(explained.code, 0, id)
      XCTAssertTrue(explained.out.hasPrefix(id), id)
      XCTAssertTrue(explained.out.contains("[it]") && explained.out.contains("[en]"), id)
      XCTAssertTrue(explained.out.contains("Bad:") && explained.out.contains("Meglio così:"), id)
    }
    XCTAssertEqual(try run(["explain", "no-such-rule"], in: folder).code, 2)
  }
}
