// swift-tools-version:6.0
// libFuzzer targets for notelint: a package of its own, so that the main package's `swift build` and
// `swift test` never see them (libFuzzer brings its own `main`). Build and run them with `.fuzz/run`.
import PackageDescription

let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
  name: "notelint-fuzz",
  platforms: [.macOS(.v13)],
  dependencies: [.package(name: "notelint", path: "..")],
  targets: [
    .target(name: "FuzzSupport", dependencies: [.product(name: "NoteLint", package: "notelint")]),
    .executableTarget(name: "FuzzMarkdown", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
    .executableTarget(name: "FuzzHTML", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
    .executableTarget(name: "FuzzLint", dependencies: ["FuzzSupport"], swiftSettings: fuzzTarget),
  ],
  swiftLanguageModes: [.v6]
)
