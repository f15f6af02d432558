/// What the numeric dates of a text say of its date order.
public enum NumericDateOrder {
  /// `.monthFirst` for the first slash date that only reads month-first (`12/25`, `3/14/2027`),
  /// `.dayFirst` for one that only reads day-first (`25/12`), nil when the text has neither.
  /// Times, fractions and versions are not dates: both numbers must be 1–31 and at most two digits,
  /// not next to another digit, dot or slash group.
  public static func evidence(in text: [Unicode.Scalar]) -> DateOrder? {
    var index = 0
    while index < text.count {
      guard let (first, afterFirst) = number(text, index), afterFirst < text.count, text[afterFirst] == "/",
        let (second, afterSecond) = number(text, afterFirst + 1)
      else {
        index += 1
        continue
      }
      let before = index > 0 ? text[index - 1] : " "
      let valid = !isDigit(before) && before != "/" && before != "."
      if valid, (1...12).contains(first), (13...31).contains(second) { return .monthFirst }
      if valid, (13...31).contains(first), (1...12).contains(second) { return .dayFirst }
      index = afterSecond
    }
    return nil
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  /// A number of one or two digits at `index` and the offset after it.
  private static func number(_ text: [Unicode.Scalar], _ index: Int) -> (Int, Int)? {
    var end = index
    var value = 0
    while end < text.count, isDigit(text[end]), end - index < 3 {
      value = value * 10 + Int(text[end].value - 0x30)
      end += 1
    }
    guard end > index, end - index <= 2 else { return nil }
    return (value, end)
  }
}
