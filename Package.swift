// swift-tools-version:6.1
import PackageDescription

let package = Package(
  name: "notelint",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "NoteLint", targets: ["NoteLint"]),
    .executable(name: "notelint", targets: ["notelint"]),
    .plugin(name: "LintNotes", targets: ["LintNotes"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    // `notelint mcp`: the Model Context Protocol SDK (its Server and StdioTransport) and its logger type.
    .package(url: "https://github.com/modelcontextprotocol/swift-sdk", .upToNextMinor(from: "0.12.1")),
    .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
  ],
  targets: [
    // System-library shims, nothing else.
    .systemLibrary(name: "CCmarkGFM", pkgConfig: "libcmark-gfm"),
    .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0"),
    // The model: source text, document, findings, the Rule protocol.
    .target(name: "NoteLintCore"),
    // Markdown (cmark-gfm), HTML (libxml2), front matter.
    .target(name: "NoteLintParsing", dependencies: ["NoteLintCore", "CCmarkGFM", "CLibXML2", "Yams"]),
    // Folding, tokenizer, lexicon matching and the compiled-lexicon format.
    .target(name: "NoteLintText", dependencies: ["NoteLintCore"]),
    // Build-time tool: compiles the lexicon text files for the CompileLexicons plugin.
    .executableTarget(name: "notelint-lexicons", dependencies: ["NoteLintCore", "NoteLintText"]),
    .plugin(name: "CompileLexicons", capability: .buildTool(), dependencies: ["notelint-lexicons"]),
    // Sentences, language detection, the lexicon and name resources, dates.
    .target(
      name: "NoteLintLanguage", dependencies: ["NoteLintCore", "NoteLintText"],
      // The resources are compiled into the executable (EmbeddedResources.swift), not bundled.
      exclude: ["Resources"],
      plugins: ["CompileLexicons"]),
    // The rules, one folder per category.
    .target(name: "NoteLintRules", dependencies: ["NoteLintCore", "NoteLintText", "NoteLintLanguage"]),
    // Output formats.
    .target(name: "NoteLintReporters", dependencies: ["NoteLintCore"]),
    // The engine and public API: discovery, config, linting.
    .target(
      name: "NoteLint",
      dependencies: [
        "NoteLintCore", "NoteLintParsing", "NoteLintText", "NoteLintLanguage", "NoteLintRules", "NoteLintReporters",
        "Yams",
      ]),
    // `notelint lsp` (our JSON-RPC layer) and `notelint mcp` (the MCP SDK): servers over stdio on the engine.
    .target(
      name: "NoteLintServers",
      dependencies: [
        "NoteLint", .product(name: "MCP", package: "swift-sdk"), .product(name: "Logging", package: "swift-log"),
      ]),
    // The command-line tool, thin.
    .executableTarget(
      name: "notelint",
      dependencies: [
        "NoteLint", "NoteLintServers", .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    .testTarget(name: "NoteLintCoreTests", dependencies: ["NoteLintCore"]),
    .testTarget(name: "NoteLintParsingTests", dependencies: ["NoteLintParsing"]),
    .testTarget(name: "NoteLintLanguageTests", dependencies: ["NoteLintText", "NoteLintLanguage"]),
    .testTarget(name: "NoteLintRulesTests", dependencies: ["NoteLint", "NoteLintText", "NoteLintRules"]),
    // FuzzRegressions: inputs read by path (FuzzRegressionTests), not bundled.
    .testTarget(name: "NoteLintTests", dependencies: ["NoteLint"], exclude: ["FuzzRegressions"]),
    .testTarget(name: "notelintCLITests", dependencies: ["notelint"]),
    .testTarget(
      name: "NoteLintServersTests", dependencies: ["NoteLintServers", .product(name: "MCP", package: "swift-sdk")]),
    .testTarget(name: "NoteLintReportersTests", dependencies: ["NoteLint", "NoteLintReporters"]),
    // `swift package lint-notes [PATH…]`: lints a package's notes and docs with its own config.
    .plugin(
      name: "LintNotes",
      capability: .command(
        intent: .custom(verb: "lint-notes", description: "Lint the package's notes and docs with notelint"),
        permissions: []),
      dependencies: ["notelint"]),
  ],
  swiftLanguageModes: [.v6]
)
