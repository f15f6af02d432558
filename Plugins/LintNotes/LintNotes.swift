import Foundation
import PackagePlugin

/// `swift package lint-notes [PATH…] [notelint options…]`
///
/// Lints a package's notes and docs with the package's own `.notelint.yml` (notelint finds the
/// nearest configuration above each file, so the package's own applies), by running this
/// package's `notelint` tool from the package directory. Without paths it lints the notes at the
/// root of the package (`*.md`, `*.markdown`, `*.html`, `*.htm`), the documentation folders
/// (`Docs/`, `docs/`, `Documentation/`, `Notes/`, `notes/`) and the DocC catalogs in `Sources/<target>/`.
/// Arguments that start with `-` (and the value after an option that takes one) are passed to
/// notelint unchanged: `swift package lint-notes --format sarif Docs`.
@main
struct LintNotes: CommandPlugin {
  static let noteExtensions: Set<String> = ["md", "markdown", "html", "htm"]
  static let documentationFolders = ["Docs", "docs", "Documentation", "Notes", "notes"]
  /// notelint options that take a value (the value may be a separate argument).
  static let optionsWithValue: Set<String> = [
    "--format", "--today", "--language", "--fail-on", "--config", "--max-file-size", "--jobs", "--cache-path",
    "--baseline", "--write-baseline", "--output", "--shard", "--stdin-filename",
  ]

  func performCommand(context: PluginContext, arguments: [String]) async throws {
    let tool = try context.tool(named: "notelint")
    let root = context.package.directoryURL.standardizedFileURL
    let split = Self.split(arguments)
    var paths = split.paths.map { Self.relative($0, to: root) }
    if paths.isEmpty {
      paths = Self.defaultPaths(root: root)
      guard !paths.isEmpty else {
        Diagnostics.remark("lint-notes: no notes found at the package root, in \(Self.documentationFolders) or DocC")
        return
      }
    }
    let process = Process()
    process.executableURL = tool.url
    process.arguments = ["lint"] + split.options + paths
    process.currentDirectoryURL = root
    try process.run()
    process.waitUntilExit()
    switch process.terminationStatus {
    case 0:
      return
    case 1:
      throw LintNotesError("notelint reported findings at or above --fail-on (exit 1)")
    case let code:
      throw LintNotesError("notelint failed with exit code \(code)")
    }
  }

  /// Splits the plugin's arguments into notelint options (with their values) and paths.
  static func split(_ arguments: [String]) -> (options: [String], paths: [String]) {
    var options: [String] = []
    var paths: [String] = []
    var index = 0
    var onlyPaths = false
    while index < arguments.count {
      let argument = arguments[index]
      if onlyPaths || !argument.hasPrefix("-") || argument == "-" {
        paths.append(argument)
      } else if argument == "--" {
        onlyPaths = true
      } else {
        options.append(argument)
        if optionsWithValue.contains(argument), index + 1 < arguments.count {
          index += 1
          options.append(arguments[index])
        }
      }
      index += 1
    }
    return (options, paths)
  }

  /// A path as notelint should see it from the package directory: relative when inside it.
  static func relative(_ path: String, to root: URL) -> String {
    guard path.hasPrefix("/") else { return path }
    let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
    let standardized = URL(fileURLWithPath: path).standardizedFileURL.path
    if standardized.hasPrefix(rootPath) { return String(standardized.dropFirst(rootPath.count)) }
    return path
  }

  /// The package's notes and docs: root-level notes, documentation folders, DocC catalogs.
  static func defaultPaths(root: URL) -> [String] {
    let manager = FileManager.default
    var paths: [String] = []
    let entries = (try? manager.contentsOfDirectory(atPath: root.path)) ?? []
    for name in entries.sorted() {
      var isDirectory: ObjCBool = false
      guard manager.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory) else {
        continue
      }
      if isDirectory.boolValue {
        if documentationFolders.contains(name) { paths.append(name) }
      } else if noteExtensions.contains((name as NSString).pathExtension.lowercased()) {
        paths.append(name)
      }
    }
    // DocC catalogs of the targets (`Sources/<target>/<name>.docc`).
    let sources = root.appendingPathComponent("Sources")
    for target in ((try? manager.contentsOfDirectory(atPath: sources.path)) ?? []).sorted() {
      let folder = sources.appendingPathComponent(target)
      let catalogs = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".docc") }
      for catalog in catalogs.sorted() { paths.append("Sources/\(target)/\(catalog)") }
    }
    return paths
  }
}

struct LintNotesError: Error, CustomStringConvertible {
  let description: String

  init(_ description: String) {
    self.description = description
  }
}
