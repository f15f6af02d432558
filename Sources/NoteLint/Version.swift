/// The version notelint reports (`--version`, JSON `tool.version`).
public enum NoteLintVersion {
  public static let current = "0.2.0"
}
