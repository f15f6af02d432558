import Foundation
import XCTest

@testable import NoteLint

/// Globs with gitignore semantics, ignore files, include/exclude, loops and unreadable files.
final class DiscoveryTests: XCTestCase {
  func testAbsolutePathsAreNormalisedLexically() {
    let cases: [(String, String, String)] = [
      ("notes/a.md", "/work", "/work/notes/a.md"), ("./notes//b.md", "/work/", "/work/notes/b.md"),
      ("../x/./y.html", "/work/sub", "/work/x/y.html"), ("/abs/../c.md", "/ignored", "/c.md"),
      ("../../..", "/a", "/"), ("dir/", "/w", "/w/dir"), ("note è/ü.md", "/w", "/w/note è/ü.md"),
      // A slash carrying a combining mark is not a separator.
      ("a/\u{301}b/../c", "/w", "/w/c"),
    ]
    for (path, base, expected) in cases {
      XCTAssertEqual(PathUtilities.absolute(path, from: base), expected, path)
    }
  }

  func testExtensionsAreReadAsNSStringReadsThem() {
    let paths = [
      "a.md", "A.MD", "notes/x.Markdown", "x.html", "dir.md/", "dir.md//", "notes.d/readme", ".md", "notes/.md",
      "notes/.hidden.md", "a.", "a..md", "/", "", "a/b.c/d", "a/b.c/d.HTM", "naïve.mdx", "x.md.bak", "./y.html",
      "dir//z.htm",
    ]
    for path in paths {
      XCTAssertEqual(
        FileDiscovery.pathExtension(path), (path as NSString).pathExtension.lowercased(), "\(path)")
    }
  }

  private func glob(_ pattern: String) -> Glob { Glob(pattern)! }

  func testGlobSemantics() {
    let cases: [(String, String, Bool, Bool)] = [
      // pattern, path, is folder, matches
      ("*.md", "a.md", false, true),
      ("*.md", "deep/down/a.md", false, true),
      ("*.md", "a.html", false, false),
      ("/a.md", "a.md", false, true),
      ("/a.md", "x/a.md", false, false),
      ("docs/*.md", "docs/a.md", false, true),
      ("docs/*.md", "docs/x/a.md", false, false),
      ("docs/**", "docs/x/y/a.md", false, true),
      ("docs/**", "docs", true, false),
      ("**/drafts", "a/b/drafts", true, true),
      ("**/drafts", "drafts", true, true),
      ("a/**/b.md", "a/b.md", false, true),
      ("a/**/b.md", "a/x/y/b.md", false, true),
      ("build/", "build", true, true),
      ("build/", "build", false, false),
      ("note?.md", "note1.md", false, true),
      ("note?.md", "note10.md", false, false),
      ("note[0-9].md", "note7.md", false, true),
      ("note[!0-9].md", "note7.md", false, false),
      ("\\#x.md", "#x.md", false, true),
    ]
    for (pattern, path, isFolder, expected) in cases {
      XCTAssertEqual(glob(pattern).matches(path, isDirectory: isFolder), expected, "\(pattern) vs \(path)")
    }
    XCTAssertNil(Glob("# a comment"))
    XCTAssertNil(Glob("   "))
    XCTAssertTrue(glob("!keep.md").negated)
    XCTAssertTrue(glob("archive").matchesPathOrParent("archive/2024/a.md", isDirectory: false))
  }

  func testGitignoreAndNotelintignoreAreHonoured() throws {
    let scratch = try ScratchFolder()
    try scratch.git("init", "-q")
    try scratch.write(".gitignore", "build/\n*.tmp.md\n/generated.md\n")
    try scratch.write("docs/.gitignore", "drafts/\n!drafts/keep.md\n")
    try scratch.write(".notelintignore", "# not notes\nvendor/**\n*.html\n!docs/index.html\n")
    for name in [
      "a.md", "x.tmp.md", "generated.md", "sub/generated.md", "build/b.md", "docs/c.md", "docs/drafts/d.md",
      "docs/drafts/keep.md", "vendor/e.md", "page.html", "docs/index.html",
    ] {
      try scratch.write(name, "# Note\n")
    }
    let found = FileDiscovery().discover(["."]).files
    // A file inside an ignored folder stays ignored, as in git.
    XCTAssertEqual(found, ["./a.md", "./docs/c.md", "./docs/index.html", "./sub/generated.md"])
    // From a subfolder the repository root's ignore files still apply.
    XCTAssertEqual(FileDiscovery().discover(["docs"]).files, ["docs/c.md", "docs/index.html"])
    XCTAssertEqual(FileDiscovery(honourIgnoreFiles: false).discover(["."]).files.count, 11)
    // Files named on the command line are linted unless --force-exclude.
    XCTAssertEqual(FileDiscovery().discover(["build/b.md"]).files, ["build/b.md"])
    XCTAssertEqual(
      FileDiscovery(forceExclude: true).discover(["build/b.md", "a.md", "docs/drafts/keep.md"]).files, ["a.md"])
  }

  func testIncludeAndExcludeFromConfiguration() throws {
    let scratch = try ScratchFolder()
    try scratch.write(".notelint.yml", "include: [\"notes/**\", \"*.html\"]\nexclude: [archive, \"notes/old-*\"]\n")
    for name in ["notes/a.md", "notes/old-b.md", "notes/archive/c.md", "top.md", "site/p.html", "README.md"] {
      try scratch.write(name, "# Note\n")
    }
    let discovery = FileDiscovery(configuration: try ConfigurationResolver())
    XCTAssertEqual(discovery.discover(["."]).files, ["./notes/a.md", "./site/p.html"])
    XCTAssertTrue(discovery.isExcluded(file: scratch.path + "/notes/old-b.md"))
    XCTAssertFalse(discovery.isExcluded(file: scratch.path + "/notes/a.md"))
  }

  func testSymlinkLoopIsReportedAndUnreadableFileDoesNotStopTheScan() throws {
    let scratch = try ScratchFolder()
    try scratch.write("notes/a.md", "# A\n\nThe model ships soon.\n")
    try scratch.write("notes/locked.md", "# Locked\n")
    try scratch.write("notes/z.md", "# Z\n\nThe model ships soon.\n")
    try FileManager.default.createSymbolicLink(atPath: scratch.path + "/notes/loop", withDestinationPath: "..")
    XCTAssertEqual(mkfifo(scratch.path + "/notes/pipe.md", 0o644), 0)
    chmod(scratch.path + "/notes/locked.md", 0)
    defer { chmod(scratch.path + "/notes/locked.md", 0o644) }
    let report = Linter(options: LintOptions(today: testToday)).run(paths: ["notes"])
    XCTAssertTrue(
      report.errors.contains { $0.path.hasPrefix("notes/loop") && $0.reason.contains("loop") }, "\(report.errors)")
    XCTAssertEqual(Set(report.findings.map(\.file)), ["notes/a.md", "notes/z.md"])
    XCTAssertTrue(
      report.errors.contains { $0.path == "notes/pipe.md" && $0.reason.contains("not a regular file") },
      "\(report.errors)")
    if getuid() != 0 {
      XCTAssertTrue(report.errors.contains { $0.path == "notes/locked.md" && $0.reason.contains("permission") })
    }
  }
}
