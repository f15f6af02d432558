import ArgumentParser
import Foundation
import NoteLint

struct HookCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hook",
    abstract: "Install or remove notelint's git pre-commit hook.",
    subcommands: [Install.self, Uninstall.self])

  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Install a pre-commit hook that runs `notelint lint --staged`.",
      discussion: """
        An existing pre-commit hook that is not notelint's is never overwritten silently: without a \
        flag the install stops; --chain keeps it (renamed pre-commit.before-notelint) and runs it \
        before notelint; --force replaces it, saving it as pre-commit.notelint-backup.
        """)

    @Flag(name: .long, help: "Keep an existing hook and run it before notelint.")
    var chain = false

    @Flag(name: .long, help: "Replace an existing hook (it is saved as pre-commit.notelint-backup).")
    var force = false

    func validate() throws {
      if chain && force { throw ValidationError("use --chain or --force, not both") }
    }

    func run() throws {
      do {
        let folder = try Git.hooksFolder()
        let message = try HookInstaller.install(
          folder: folder, executable: HookInstaller.currentExecutable, mode: chain ? .chain : force ? .force : .refuse)
        Output.writeStdout("notelint: \(message)\n")
      } catch {
        throw Output.fail("\(error)")
      }
    }
  }

  struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Remove notelint's pre-commit hook (a chained earlier hook is put back).")

    func run() throws {
      do {
        let folder = try Git.hooksFolder()
        Output.writeStdout("notelint: \(try HookInstaller.uninstall(folder: folder))\n")
      } catch {
        throw Output.fail("\(error)")
      }
    }
  }
}
