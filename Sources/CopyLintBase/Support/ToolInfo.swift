/// The tool's name and version, as `--version`, the reporters and the language server give them.
public enum ToolInfo {
    public static let name = "copylint"
    public static let version = "0.1.0"
}
