import Foundation
import CopyLintBase

/// Finds the `.lintrc` that governs a folder by walking up from it.
public final class ConfigResolver: @unchecked Sendable {
    private let loader: ConfigLoader
    private var cache: [String: Configuration?] = [:]
    private let lock = NSLock()
    /// `--config FILE`: used for every input instead of discovery.
    public let explicit: Configuration?

    public init(loader: ConfigLoader, explicitPath: String?) throws(CopyLintError) {
        self.loader = loader
        explicit = try explicitPath.map { (p: String) throws(CopyLintError) in try loader.load(path: p) }
    }

    /// Every folder governed by `configuration`; no .lintrc is looked for.
    public init(fixed configuration: Configuration) {
        loader = ConfigLoader()
        explicit = configuration
    }

    /// The configuration for files in `directory` (nil: none found, defaults apply).
    public func configuration(forDirectory directory: String) throws(CopyLintError) -> Configuration? {
        if let explicit { return explicit }
        let absolute = ConfigResolver.absolute(directory)
        lock.lock()
        if let hit = cache[absolute] { lock.unlock(); return hit }
        lock.unlock()
        var found: Configuration?
        let candidate = (absolute as NSString).appendingPathComponent(".lintrc")
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDir), !isDir.boolValue {
            found = try loader.load(path: candidate)
        } else {
            let parent = (absolute as NSString).deletingLastPathComponent
            if parent != absolute, !parent.isEmpty { found = try configuration(forDirectory: parent) }
        }
        lock.lock()
        cache[absolute] = found
        lock.unlock()
        return found
    }

    static func absolute(_ path: String) -> String {
        let p = path.hasPrefix("/") ? path : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(path)
        return (p as NSString).standardizingPath
    }
}
