import NoteLintCore

/// A 64-bit FNV-1a hash over UTF-8, printed as 16 hex digits: stable across runs, platforms and
/// versions (unlike `Hasher`), for fingerprints and ids.
public enum StableHash {
  public static func hex(_ text: String) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in text.utf8 {
      hash ^= UInt64(byte)
      hash = hash &* 0x0000_0100_0000_01b3
    }
    let digits = String(hash, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
  }

  /// Text folded for matching across cosmetic edits: lowercased, diacritics and punctuation
  /// dropped, runs of spaces collapsed.
  public static func normalize(_ text: String) -> String {
    var result = ""
    var pendingSpace = false
    for character in text.lowercased() {
      let base = character.unicodeScalars.first.map(Self.stripAccent) ?? character
      if base.isLetter || base.isNumber {
        if pendingSpace, !result.isEmpty { result += " " }
        pendingSpace = false
        result.append(base)
      } else {
        pendingSpace = true
      }
    }
    return result
  }

  private static func stripAccent(_ scalar: Unicode.Scalar) -> Character {
    switch scalar {
    case "à", "á", "â", "ä", "ã", "å": return "a"
    case "è", "é", "ê", "ë": return "e"
    case "ì", "í", "î", "ï": return "i"
    case "ò", "ó", "ô", "ö", "õ": return "o"
    case "ù", "ú", "û", "ü": return "u"
    case "ç": return "c"
    case "ñ": return "n"
    default: return Character(scalar)
    }
  }
}

/// Escaping shared by the XML, HTML, Markdown and URI outputs.
public enum Escape {
  /// Text for XML content and attribute values. Characters XML 1.0 forbids become U+FFFD; line
  /// breaks and tabs stay literal in content and become character references in attributes.
  public static func xml(_ text: String, attribute: Bool = false) -> String {
    markup(text, apostrophe: "&apos;", keepBreaks: !attribute)
  }

  /// Text for HTML content or a quoted attribute (`&#39;` for the apostrophe, which HTML 4 lacks).
  public static func html(_ text: String) -> String {
    markup(text, apostrophe: "&#39;", keepBreaks: true)
  }

  private static func markup(_ text: String, apostrophe: String, keepBreaks: Bool) -> String {
    var result = ""
    result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += apostrophe
      case "\n": result += keepBreaks ? "\n" : "&#10;"
      case "\r": result += "&#13;"
      case "\t": result += keepBreaks ? "\t" : "&#9;"
      default:
        let value = scalar.value
        let allowed =
          (value >= 0x20 && value <= 0xD7FF) || (value >= 0xE000 && value <= 0xFFFD) || value >= 0x10000
        if allowed {
          result.unicodeScalars.append(scalar)
        } else {
          result += "\u{FFFD}"
        }
      }
    }
    return result
  }

  /// Text for a Markdown table cell: the characters Markdown or GFM tables read are backslash-
  /// escaped, `<` and `>` become entities, and line breaks become `<br>`.
  public static func markdownCell(_ text: String) -> String {
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\", "|", "*", "_", "`", "[", "]", "#", "~", "!": result += "\\" + String(scalar)
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "&": result += "&amp;"
      case "\n": result += "<br>"
      case "\r": continue
      default: result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// A file path as a URI reference: relative paths stay relative, absolute paths become
  /// `file://` URIs; everything but unreserved characters and `/` is percent-encoded (UTF-8).
  public static func uri(path: String) -> String {
    var encoded = ""
    for byte in path.utf8 {
      let isUnreserved =
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39)
        || byte == 0x2D || byte == 0x2E || byte == 0x5F || byte == 0x7E || byte == 0x2F
      if isUnreserved {
        encoded.unicodeScalars.append(Unicode.Scalar(byte))
      } else {
        let hex = String(byte, radix: 16, uppercase: true)
        encoded += "%" + (hex.count == 1 ? "0" + hex : hex)
      }
    }
    if path.hasPrefix("/") { return "file://" + encoded }
    if encoded.hasPrefix("./") { encoded.removeFirst(2) }
    return encoded
  }
}

extension Finding {
  /// The message followed by the suggestion, when there is one.
  public var fullMessage: String {
    guard let suggestion, !suggestion.isEmpty else { return message }
    return message + " " + suggestion
  }
}

extension LintReport {
  /// Every path the report names (linted files and unreadable ones), sorted, without repeats.
  public var allPaths: [String] {
    var seen = Set<String>()
    var paths: [String] = []
    for path in files.map(\.path) + findings.map(\.file) + errors.map(\.path) where seen.insert(path).inserted {
      paths.append(path)
    }
    return paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  /// The findings of each file, in report order.
  public var findingsByFile: [String: [Finding]] {
    Dictionary(grouping: findings, by: \.file)
  }

  /// The one-line summary used by the text-like reporters.
  public var summaryLine: String {
    let total = findings.count
    let fileCount = files.count
    return "\(total) finding\(total == 1 ? "" : "s") in \(fileCount) file\(fileCount == 1 ? "" : "s")"
      + " (\(count(.error)) errors, \(count(.warning)) warnings, \(count(.info)) infos)"
  }
}
