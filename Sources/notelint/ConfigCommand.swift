import ArgumentParser
import Foundation
import NoteLint

/// `--config`, the same for every command that reads notes: without it each note uses the nearest
/// `.notelint.yml` above it.
struct ConfigOption: ParsableArguments {
  @Option(name: .long, help: "Use this configuration file for every note instead of the nearest .notelint.yml.")
  var config: String?

  func resolver() throws -> ConfigurationResolver {
    do {
      return try ConfigurationResolver(configPath: config)
    } catch {
      throw Output.fail(String(describing: error))
    }
  }
}

struct ConfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "config",
    abstract: "Show the configuration notelint uses for a file.",
    subcommands: [ConfigShowCommand.self])
}

struct ConfigShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Print the effective configuration of a file (or folder): every key, and every rule's severity or off.",
    discussion: """
      The same resolution as every command: --config, else the nearest .notelint.yml above the file, \
      then the overrides whose files: match it, then the command line (--language, --min-confidence, \
      --pre-commit). The output is YAML.
      """)

  @Argument(help: "A note or folder (default: the current folder).")
  var path: String = "."

  @OptionGroup var configOption: ConfigOption

  @OptionGroup var common: CommonOptions

  @Flag(name: .long, help: "Show the settings of a pre-commit run (--staged, --pre-commit).")
  var preCommit = false

  func run() throws {
    var options = try common.lintOptions()
    options.preCommit = preCommit
    let resolver = try configOption.resolver()
    let absolute = PathUtilities.absolute(path)
    var isFolder: ObjCBool = false
    let exists = FileManager.default.fileExists(atPath: absolute, isDirectory: &isFolder)
    // A folder's settings are those of a note directly in it.
    let file = exists && isFolder.boolValue ? PathUtilities.join(absolute, "_.md") : absolute
    let settings = resolver.settings(forFile: file, options: options)
    if let error = resolver.error { throw Output.fail(error.description) }
    let configuration = resolver.configuration(forFile: file)
    let discovery = FileDiscovery(configuration: resolver)
    Output.writeStdout(
      EffectiveConfigurationText.render(
        path: path, isFolder: exists && isFolder.boolValue, settings: settings, configuration: configuration,
        overrides: configuration.map { $0.matchingOverrides(forAbsolutePath: file) } ?? [],
        excluded: !(exists && isFolder.boolValue) && discovery.isExcluded(file: file)))
  }
}
