import NoteLintCore

/// One self-contained HTML page: inline styles only, no scripts, no external assets (a content
/// security policy forbids loading any), every piece of note text escaped. Messages carry the
/// `lang` of the note they are about.
public struct HTMLReporter: Reporter {
  public init() {}

  static let style = """
    body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;max-width:70rem;\
    padding:0 1rem;color:#1f2328;background:#fff}
    h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.1rem;margin:2rem 0 .5rem;word-break:break-all}
    p.meta{color:#59636e;margin:0 0 1.5rem}
    table{border-collapse:collapse;width:100%;margin:.3rem 0 1rem}
    th,td{border:1px solid #d1d9e0;padding:.35rem .55rem;text-align:left;vertical-align:top}
    th{background:#f6f8fa;font-weight:600}td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
    table.summary{width:auto;min-width:28rem}
    code{font:13px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}td code{white-space:nowrap}
    .sev{font-weight:600;white-space:nowrap}.error{color:#b42318}.warning{color:#9a6700}.info{color:#0969da}
    .hint{color:#59636e;display:block;margin-top:.2rem}.excerpt{color:#59636e;font-style:italic;display:block;\
    margin-top:.2rem}
    ul.clean{color:#59636e}
    """

  public func render(_ report: LintReport) -> String {
    let byFile = report.findingsByFile
    var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html += "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
    html += "<meta name=\"generator\" content=\"notelint \(Escape.html(report.toolVersion))\">\n"
    html += "<title>notelint report — \(Escape.html(report.today))</title>\n"
    html += "<style>\n\(Self.style)</style>\n</head>\n<body>\n"
    html += "<h1>notelint report</h1>\n"
    html += "<p class=\"meta\">\(Escape.html(report.summaryLine)) · notelint \(Escape.html(report.toolVersion))"
    html += " · today \(Escape.html(report.today))</p>\n"
    if !report.findings.isEmpty {
      html += "<table class=\"summary\">\n<thead><tr><th>Category</th><th>Errors</th><th>Warnings</th><th>Infos</th>"
      html += "</tr></thead>\n<tbody>\n"
      for category in Category.allCases {
        let findings = report.findings.filter { $0.category == category }
        guard !findings.isEmpty else { continue }
        html += "<tr><td>\(category.rawValue)</td>"
        for severity in Severity.allCases.reversed() {
          html += "<td class=\"num\">\(findings.filter { $0.severity == severity }.count)</td>"
        }
        html += "</tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    if !report.errors.isEmpty {
      html += "<h2>Could not be read</h2>\n<ul>\n"
      for error in report.errors {
        html += "<li><code>\(Escape.html(error.path))</code>: \(Escape.html(error.reason))</li>\n"
      }
      html += "</ul>\n"
    }
    let summaries = Dictionary(report.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    let languages = summaries.mapValues(\.language)
    var clean: [String] = []
    for path in report.allPaths {
      let findings = byFile[path] ?? []
      if findings.isEmpty {
        if languages[path] != nil { clean.append(path) }
        continue
      }
      let file = summaries[path]
      let about = file.map { " <small>(\($0.kind.rawValue), \($0.language.rawValue))</small>" } ?? ""
      html += "<section>\n<h2><code>\(Escape.html(path))</code>\(about)</h2>\n"
      html += "<table>\n<thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead>\n<tbody>\n"
      let lang = languages[path].map { " lang=\"\($0.rawValue)\"" } ?? ""
      for finding in findings {
        html += "<tr><td class=\"num\">\(finding.line):\(finding.column)</td>"
        html += "<td class=\"sev \(finding.severity.rawValue)\">\(finding.severity.rawValue)</td>"
        html += "<td><code>\(Escape.html(finding.rule))</code></td>"
        html += "<td\(lang)>\(Escape.html(finding.message))"
        if let suggestion = finding.suggestion, !suggestion.isEmpty {
          html += "<span class=\"hint\">\(Escape.html(suggestion))</span>"
        }
        if !finding.excerpt.isEmpty {
          html += "<span class=\"excerpt\">“\(Escape.html(finding.excerpt))”</span>"
        }
        html += "</td></tr>\n"
      }
      html += "</tbody>\n</table>\n</section>\n"
    }
    if !clean.isEmpty {
      html += "<h2>Without findings</h2>\n<ul class=\"clean\">\n"
      for path in clean { html += "<li><code>\(Escape.html(path))</code></li>\n" }
      html += "</ul>\n"
    }
    html += "</body>\n</html>\n"
    return html
  }
}
