import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Expands the paths given on the command line into the files to lint.
public struct FileCollector {
    public struct Result {
        public var files: [String] = []
        public var errors: [CopyLintError] = []
    }

    let resolver: ConfigResolver

    public init(resolver: ConfigResolver) {
        self.resolver = resolver
    }

    /// `allowEmpty`: a folder with nothing to lint is not an error (changed-lines mode).
    public func collect(_ paths: [String], allowEmpty: Bool = false) -> Result {
        var result = Result()
        for path in paths {
            if path == "-" { result.files.append(path); continue }
            var st = stat()
            guard stat(path, &st) == 0 else {
                let reason = errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno))
                result.errors.append(CopyLintError(reason, path: path))
                continue
            }
            if st.st_mode & S_IFMT == S_IFDIR {
                do {
                    let config = try resolver.configuration(forDirectory: path)
                    let before = result.files.count
                    walk(root: path, config: config, into: &result)
                    if !allowEmpty, result.files.count == before, !result.errors.contains(where: { $0.path?.hasPrefix(path) == true }) {
                        let include = config?.include ?? Configuration.defaultInclude
                        result.errors.append(CopyLintError("no files to lint in this directory (looked for \(include.joined(separator: ", ")))", path: path))
                    }
                } catch {
                    result.errors.append(error)
                }
            } else {
                result.files.append(path)
            }
        }
        return result
    }

    private func walk(root: String, config: Configuration?, into result: inout Result) {
        let include = (config?.include ?? Configuration.defaultInclude).map(Glob.init)
        let exclude = (config?.exclude ?? []).map(Glob.init)
        // Globs are relative to the configuration's folder, or to the root given.
        let base = config?.directory.map(ConfigResolver.absolute) ?? ConfigResolver.absolute(root)
        var stack = [root]
        var visited = Set<String>()
        var found: [String] = []
        while let dir = stack.popLast() {
            var st = stat()
            if stat(dir, &st) == 0 {
                let key = "\(st.st_dev):\(st.st_ino)"
                if !visited.insert(key).inserted { continue }
            }
            guard let entries = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
                result.errors.append(CopyLintError("cannot read directory (permission denied?)", path: dir))
                continue
            }
            // The folder's absolute path is worked out once; an entry's is the folder's and its name
            // (a link's is worked out in full, as it may lead elsewhere).
            let absoluteDir = ConfigResolver.absolute(dir)
            let prefix = base + "/"
            for name in entries.sorted() where !name.hasPrefix(".") {
                let path = dir.hasSuffix("/") ? dir + name : dir + "/" + name
                var lst = stat()
                guard lstat(path, &lst) == 0 else { continue }
                let absolute = lst.st_mode & S_IFMT == S_IFLNK ? ConfigResolver.absolute(path)
                    : absoluteDir.hasSuffix("/") ? absoluteDir + name : absoluteDir + "/" + name
                let relative = absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : name
                if exclude.contains(where: { $0.matches(relative) }) { continue }
                var kind = lst.st_mode & S_IFMT
                if kind == S_IFLNK {
                    var target = stat()
                    guard stat(path, &target) == 0 else { continue }    // dangling link
                    kind = target.st_mode & S_IFMT
                    if kind == S_IFDIR { continue }                       // never follow linked folders: no loops
                }
                if kind == S_IFDIR {
                    stack.append(path)
                } else if kind == S_IFREG, include.contains(where: { $0.matches(relative) }) {
                    found.append(path)
                }
            }
        }
        result.files.append(contentsOf: found.sorted())
    }
}
