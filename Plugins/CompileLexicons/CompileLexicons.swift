import Foundation
import PackagePlugin

/// Compiles the target's lexicon text files (`Resources/lexicons/<lang>/*.txt`) and first-name lists
/// (`Resources/names/<lang>.txt`) into `EmbeddedResources.swift`, a generated source that embeds the
/// ready tables and the text files in the executable: copying the binary alone is enough to run it.
@main
struct CompileLexicons: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    let resources = target.directoryURL.appending(path: "Resources")
    var inputs: [URL] = []
    // Every text file of the resources: the lexicons, the name lists and any list read as text.
    let walker = FileManager.default.enumerator(at: resources, includingPropertiesForKeys: nil)
    while let file = walker?.nextObject() as? URL {
      if file.pathExtension == "txt" { inputs.append(file) }
    }
    inputs.sort { $0.path < $1.path }
    let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedResources.swift")
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
