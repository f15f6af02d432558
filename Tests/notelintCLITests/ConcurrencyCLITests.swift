import Foundation
import XCTest

/// Parallel linting gives the same bytes as one file at a time, whatever the number of workers.
final class ConcurrencyCLITests: XCTestCase {
  func testOneWorkerAndManyGiveByteIdenticalOutput() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("notelint-jobs-\(UUID().uuidString)")
    defer { RawFiles.removeTree(root.path) }
    SampleCorpus.generateTree(at: root.appendingPathComponent("tree").path, count: 200)
    let generated = TreeSnapshot.take(root.appendingPathComponent("tree").path).entries.values.filter {
      $0.bytes != nil
    }
    XCTAssertEqual(generated.count, 200)
    for format in ["json", "text"] {
      var outputs: [String: BinaryRun] = [:]
      // JSON with one worker, one per core and more workers than cores; text with one and four.
      let counts = format == "json" ? ["1", "0", "4"] : ["1", "4"]
      for jobs in counts {
        outputs[jobs] = try Notelint.run(
          ["lint", "tree", "--format", format, "--jobs", jobs, "--today", "2026-11-23"], in: root)
      }
      let one = try XCTUnwrap(outputs["1"])
      XCTAssertEqual(one.code, 1, one.stderr)
      XCTAssertGreaterThan(one.out.count, 100_000, format)
      for jobs in counts.dropFirst() {
        let many = try XCTUnwrap(outputs[jobs])
        XCTAssertEqual(many.code, one.code, "\(format), --jobs \(jobs)")
        XCTAssertTrue(many.out == one.out, "\(format): --jobs \(jobs) differs from --jobs 1")
      }
      if format == "json" {
        let report = try XCTUnwrap(parseJSON(one.stdout, "JSON") as? [String: Any])
        XCTAssertEqual((report["files"] as? [Any])?.count, 200)
      }
    }
    // Text on standard output is streamed file by file; written with --output it is rendered from
    // the whole report: the same bytes, and the same findings as the JSON report.
    let streamed = try Notelint.run(["lint", "tree", "--jobs", "4", "--today", "2026-11-23"], in: root)
    _ = try Notelint.run(
      ["lint", "tree", "--jobs", "4", "--today", "2026-11-23", "--output", "whole.txt"], in: root)
    let whole = try Data(contentsOf: root.appendingPathComponent("whole.txt"))
    XCTAssertGreaterThan(whole.count, 100_000)
    XCTAssertTrue(streamed.out == [UInt8](whole), "streamed text differs from the text of the whole report")
    let json = try Notelint.run(["lint", "tree", "--format", "json", "--today", "2026-11-23"], in: root)
    let findings = try XCTUnwrap((parseJSON(json.stdout, "JSON") as? [String: Any])?["findings"] as? [Any])
    XCTAssertEqual(streamed.stdout.split(separator: "\n").count, findings.count)
    XCTAssertTrue(streamed.stderr.contains("\(findings.count) findings"), streamed.stderr)
    // Action items are extracted in parallel too.
    let actions = try ["1", "4"].map { jobs in
      try Notelint.run(["actions", "tree", "--format", "json", "--jobs", jobs, "--today", "2026-11-23"], in: root)
    }
    XCTAssertEqual(actions[0].code, 0, actions[0].stderr)
    XCTAssertGreaterThan(actions[0].out.count, 100_000)
    XCTAssertTrue(actions[0].out == actions[1].out, "actions: --jobs 4 differs from --jobs 1")
  }
}
