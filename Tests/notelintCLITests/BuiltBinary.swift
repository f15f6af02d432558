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
}
