import ArgumentParser
import Foundation
import NoteLint

struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a commented starter .notelint.yml (never over an existing one without --force).")

  @Argument(help: "The folder to write it in (default: the current folder).")
  var folder: String = "."

  @Option(name: .long, help: "The team's language: it or en (default: auto, detected per note).")
  var language: String?

  @Flag(name: .long, help: "Replace an existing .notelint.yml.")
  var force = false

  func run() throws {
    var chosen: Language?
    if let language {
      guard let parsed = LanguageDetector.parse(language) else {
        throw ValidationError("--language must be it or en, not '\(language)'")
      }
      chosen = parsed
    }
    guard PathUtilities.isDirectory(folder) else { throw Output.fail("\(folder): not a folder") }
    let path = PathUtilities.join(folder == "." ? "" : folder, Configuration.fileNames[0])
    if PathUtilities.exists(path) && !force {
      throw Output.fail("\(path) already exists: edit it, or rerun with --force to replace it")
    }
    do {
      try AtomicFile.write(StarterConfiguration.text(language: chosen), to: path)
    } catch {
      throw Output.fail("\(error)")
    }
    Output.writeStdout("notelint: wrote \(path)\n")
  }
}
