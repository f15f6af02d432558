import Foundation
import PackagePlugin

/// Compiles the target's lexicon text files (`Resources/lexicons/<lang>/*.txt`) into
/// `lexicons.bin`, a resource the linter loads instead of expanding the entries at start-up.
@main
struct CompileLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let resources = target.directoryURL.appending(path: "Resources")
    let lexicons = resources.appending(path: "lexicons")
    var inputs: [URL] = []
    if let walker = FileManager.default.enumerator(at: lexicons, includingPropertiesForKeys: nil) {
      for case let file as URL in walker where file.pathExtension == "txt" { inputs.append(file) }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "lexicons.bin")
    return [
      .buildCommand(
        displayName: "Compiling the lexicons of \(target.name)",
        executable: try context.tool(named: "notelint-lexicons").url,
        arguments: [resources.path, output.path],
        inputFiles: inputs,
        outputFiles: [output])
    ]
  }
}
