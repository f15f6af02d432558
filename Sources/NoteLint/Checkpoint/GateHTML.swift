import NoteLintCore

extension GateReport {
  static func html(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// One self-contained page (no network, no external assets): a table of counts per document,
  /// a bar chart in inline SVG, and the alert lists.
  public func htmlPage() -> String {
    let title = "notelint — \(gate.rawValue) checkpoint — \(today)"
    var out = """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
      <meta name="generator" content="notelint \(Self.html(NoteLintVersion.current))">
      <title>\(Self.html(title))</title>
      <style>
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 960px; color: #1d2330; padding: 0 1rem; }
      h1 { font-size: 1.5rem; margin-bottom: .2rem; }
      .sub { color: #5b6475; margin-top: 0; }
      table { border-collapse: collapse; width: 100%; margin: 1rem 0 1.5rem; }
      th, td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid #e3e6ec; }
      td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
      .blocking { color: #b42318; font-weight: 600; }
      .legend { color: #5b6475; font-size: .9rem; margin: .5rem 0 0; }
      .swatch { display: inline-block; width: .8rem; height: .8rem; vertical-align: -.1rem; margin-left: .4rem; }
      .discuss { color: #8a5a00; }
      section { border: 1px solid #e3e6ec; border-radius: 8px; padding: .6rem 1rem; margin: 1rem 0; }
      section h2 { font-size: 1.05rem; margin: .3rem 0 .5rem; word-break: break-all; }
      li { margin: .35rem 0; }
      .tag { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 4px; margin-right: .4rem; }
      .tag.error { background: #fde2e0; color: #b42318; }
      .tag.warning { background: #fdf0d5; color: #8a5a00; }
      .tag.info { background: #e5eefc; color: #1d4ed8; }
      .rule { color: #5b6475; font-size: .8rem; }
      svg text { font: 12px system-ui, sans-serif; fill: #1d2330; }
      </style>
      </head>
      <body>
      <h1>\(Self.html(gate.rawValue.capitalized)) checkpoint</h1>
      <p class="sub">\(Self.html(today)) · \(documents.count) document\(documents.count == 1 ? "" : "s") · <span class="blocking">\(blocking) blocking</span> · <span class="discuss">\(others) to discuss</span></p>

      """
    out += chart()
    out +=
      "<table>\n<thead><tr><th>Document</th><th>Kind</th><th class=\"n\">Blocking</th><th class=\"n\">To discuss</th></tr></thead>\n<tbody>\n"
    for (index, document) in documents.enumerated() {
      out +=
        "<tr><td><a href=\"#doc\(index)\">\(Self.html(document.file.path))</a></td><td>\(document.file.kind.rawValue)</td>"
      let red = document.blocking > 0 ? " blocking" : ""
      let amber = document.others > 0 ? " discuss" : ""
      out += "<td class=\"n\(red)\">\(document.blocking)</td><td class=\"n\(amber)\">\(document.others)</td></tr>\n"
    }
    out += "</tbody>\n</table>\n"
    for (index, document) in documents.enumerated() {
      let language = document.file.language
      out += "<section id=\"doc\(index)\" lang=\"\(language.rawValue)\">\n<h2>\(Self.html(document.file.path))</h2>\n"
      if document.alerts.isEmpty {
        out +=
          "<p>\(language == .italian ? "Nessun allarme per questo checkpoint." : "No alert for this checkpoint.")</p>\n"
      } else {
        out += "<ul>\n"
        for alert in document.alerts {
          out +=
            "<li><span class=\"tag \(alert.severity.rawValue)\">\(Self.html(Self.severityWord(alert.severity, language)))</span>"
          out +=
            "\(Self.html(alert.message)) <span class=\"rule\">line \(alert.line) · \(Self.html(alert.rule))</span></li>\n"
        }
        out += "</ul>\n"
      }
      out += "<p class=\"rule\">\(Self.html(Self.countLine(document)))</p>\n</section>\n"
    }
    out += "</body>\n</html>\n"
    return out
  }

  /// How many documents the chart shows at most: the page stays readable on thousands of notes
  /// (the table below lists every one).
  static let chartRows = 30

  /// A horizontal stacked bar per document (the `chartRows` with most alerts, blocking first):
  /// blocking in red, to discuss in amber, with a legend; labels are paths (cut at the front, the
  /// whole path in a tooltip) so two `minutes.md` in different folders differ; the SVG scales to the
  /// page width (a phone shows it whole).
  private func chart() -> String {
    let rowHeight = 22
    let labelWidth = 300
    let barWidth = 560
    let ranked = documents.filter { $0.blocking + $0.others > 0 }.sorted { lhs, rhs in
      if lhs.blocking != rhs.blocking { return lhs.blocking > rhs.blocking }
      if lhs.blocking + lhs.others != rhs.blocking + rhs.others {
        return lhs.blocking + lhs.others > rhs.blocking + rhs.others
      }
      return lhs.file.path.utf8.lexicographicallyPrecedes(rhs.file.path.utf8)
    }
    let shown = Array(ranked.prefix(Self.chartRows))
    guard !shown.isEmpty else { return "" }
    let maximum = max(1, shown.map { $0.blocking + $0.others }.max() ?? 1)
    let height = shown.count * rowHeight + 10
    let width = labelWidth + barWidth + 40
    var out = "<p class=\"legend\"><span class=\"swatch\" style=\"background:#d92d20\"></span> blocking "
    out += "<span class=\"swatch\" style=\"background:#f5b83d\"></span> to discuss"
    if ranked.count > shown.count {
      out += " · the \(shown.count) documents with most alerts, of \(ranked.count) with any"
    }
    out += "</p>\n"
    out +=
      "<svg role=\"img\" aria-label=\"Alerts per document\" width=\"100%\" style=\"max-width:\(width)px\" viewBox=\"0 0 \(width) \(height)\">\n"
    for (index, document) in shown.enumerated() {
      let y = index * rowHeight + 4
      let path = document.file.path
      let characters = Array(path)
      let label = characters.count > 44 ? "…" + String(characters.suffix(43)) : path
      let red = document.blocking * barWidth / maximum
      let amber = document.others * barWidth / maximum
      out += "<text x=\"0\" y=\"\(y + 14)\"><title>\(Self.html(path))</title>\(Self.html(label))</text>\n"
      out +=
        "<rect x=\"\(labelWidth)\" y=\"\(y + 2)\" width=\"\(red)\" height=\"16\" fill=\"#d92d20\"><title>\(document.blocking) blocking</title></rect>\n"
      out +=
        "<rect x=\"\(labelWidth + red)\" y=\"\(y + 2)\" width=\"\(amber)\" height=\"16\" fill=\"#f5b83d\"><title>\(document.others) to discuss</title></rect>\n"
      out +=
        "<text x=\"\(labelWidth + red + amber + 6)\" y=\"\(y + 14)\">\(document.blocking + document.others)</text>\n"
    }
    return out + "</svg>\n"
  }
}
