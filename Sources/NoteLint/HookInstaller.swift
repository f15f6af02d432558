import Foundation

/// Installs notelint as a git pre-commit hook without ever overwriting another hook silently:
/// an existing hook is refused (the default), chained (kept and run first) or, with force, replaced
/// after a backup.
public enum HookInstaller {
  public static let marker = "# notelint pre-commit hook"
  public static let hookName = "pre-commit"
  /// The earlier hook a chained install runs first.
  public static let chainedName = "pre-commit.before-notelint"

  public enum Mode: Sendable {
    /// Stop when another hook is there.
    case refuse
    /// Keep the other hook and run it before notelint.
    case chain
    /// Replace the other hook, keeping a backup of it.
    case force
  }

  public struct Failure: Error, CustomStringConvertible, Sendable {
    public var description: String
  }

  /// The hook script; `executable` is the notelint binary to prefer (the one that installed it).
  public static func script(executable: String) -> String {
    """
    #!/bin/sh
    \(marker): installed by `notelint hook install`, removed by `notelint hook uninstall`.
    # Lints the staged content of the staged notes; `git commit --no-verify` skips it.
    hooks=$(dirname "$0")
    if [ -x "$hooks/\(chainedName)" ]; then
      "$hooks/\(chainedName)" "$@" || exit $?
    fi
    notelint="${NOTELINT:-\(executable)}"
    if ! command -v "$notelint" >/dev/null 2>&1; then notelint=notelint; fi
    if ! command -v "$notelint" >/dev/null 2>&1; then
      echo "notelint pre-commit hook: notelint is not on PATH (set NOTELINT=/path/to/notelint)" >&2
      exit 1
    fi
    exec "$notelint" lint --staged

    """
  }

  static func isOurs(_ path: String) -> Bool {
    guard case .success(let bytes) = FileReader.read(path, maxSize: 1 << 20) else { return false }
    return String(decoding: bytes, as: UTF8.self).contains(marker)
  }

  /// The first free name `base`, `base.2`, `base.3`… in `folder`.
  static func freeName(_ folder: String, _ base: String) -> String {
    var candidate = base
    var number = 2
    while PathUtilities.exists(PathUtilities.join(folder, candidate)) {
      candidate = "\(base).\(number)"
      number += 1
    }
    return candidate
  }

  /// Installs the hook in `folder` (git's hooks folder); returns what was done, in one line.
  public static func install(folder: String, executable: String, mode: Mode) throws -> String {
    do {
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    } catch {
      throw Failure(description: "\(folder): cannot create the hooks folder")
    }
    let hook = PathUtilities.join(folder, hookName)
    let display = PathUtilities.display(hook, from: FileManager.default.currentDirectoryPath)
    var message = "installed \(display)"
    if PathUtilities.exists(hook) {
      if isOurs(hook) {
        message = "updated \(display)"
      } else {
        switch mode {
        case .refuse:
          throw Failure(
            description:
              "\(display) already exists and is not notelint's: rerun with --chain to keep it and run it before notelint, or --force to replace it (a backup is kept)"
          )
        case .chain:
          let chained = PathUtilities.join(folder, chainedName)
          guard !PathUtilities.exists(chained) else {
            throw Failure(description: "\(display) and \(chainedName) both exist: chain them by hand")
          }
          guard rename(hook, chained) == 0 else {
            throw Failure(
              description: "\(display): cannot be moved to \(chainedName): \(String(cString: strerror(errno)))")
          }
          message = "installed \(display); the earlier hook now runs first, as \(chainedName)"
        case .force:
          let backup = freeName(folder, "pre-commit.notelint-backup")
          guard rename(hook, PathUtilities.join(folder, backup)) == 0 else {
            throw Failure(description: "\(display): cannot be backed up: \(String(cString: strerror(errno)))")
          }
          message = "installed \(display); the earlier hook was saved as \(backup)"
        }
      }
    }
    do {
      try AtomicFile.write(script(executable: executable), to: hook, mode: 0o755)
    } catch {
      throw Failure(description: error.description)
    }
    return message
  }

  /// Removes notelint's hook (restoring a chained one); refuses to touch another tool's hook.
  public static func uninstall(folder: String) throws -> String {
    let hook = PathUtilities.join(folder, hookName)
    let display = PathUtilities.display(hook, from: FileManager.default.currentDirectoryPath)
    guard PathUtilities.exists(hook) else { throw Failure(description: "\(display) does not exist") }
    guard isOurs(hook) else { throw Failure(description: "\(display) is not notelint's hook: left as it is") }
    let chained = PathUtilities.join(folder, chainedName)
    if PathUtilities.exists(chained) {
      guard rename(chained, hook) == 0 else {
        throw Failure(description: "\(chainedName) cannot be restored: \(String(cString: strerror(errno)))")
      }
      return "removed notelint's hook; \(display) is the earlier hook again"
    }
    guard unlink(hook) == 0 else {
      throw Failure(description: "\(display) cannot be removed: \(String(cString: strerror(errno)))")
    }
    return "removed \(display)"
  }

  /// The running notelint binary's absolute path.
  public static var currentExecutable: String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    if count > 0 {
      return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
    return PathUtilities.absolute(CommandLine.arguments.first ?? "notelint")
  }
}
