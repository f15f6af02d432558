import Foundation
import XCTest

/// The `notelint` executable SwiftPM built next to the test bundle.
enum BuiltBinary {
  private final class Anchor {}

  static var url: URL {
    var folder = Bundle(for: Anchor.self).bundleURL
    if folder.pathExtension == "xctest" { folder.deleteLastPathComponent() }
    return folder.appendingPathComponent("notelint")
  }

  /// Runs the binary with `arguments` in `folder` and returns what it printed and its exit code.
  static func run(_ arguments: [String], in folder: URL) throws -> (out: String, err: String, code: Int32) {
    let result = try CLIRunner.launch(url, arguments, folder: folder)
    return (result.out, result.err, result.code)
  }
}
