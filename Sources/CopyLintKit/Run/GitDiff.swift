import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// What changed since a git revision: files and, in each, the lines added or modified.
public struct ChangedLines: Sendable {
    /// Repository root (absolute).
    public let root: String
    /// Absolute path -> 1-based changed line numbers (nil: the whole file is new).
    public var lines: [String: Set<Int>?]

    public func contains(path: String, line: Int) -> Bool {
        guard let entry = lines[path] else { return false }
        guard let set = entry else { return true }
        return set.contains(line)
    }
}

public enum GitDiff {
    /// Runs git and returns its standard output, or throws with its first error line.
    static func git(_ args: [String], in directory: String) throws(CopyLintError) -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + args
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        do {
            try process.run()
        } catch {
            throw CopyLintError("cannot run git: \(error.localizedDescription)")
        }
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = String(decoding: errData, as: UTF8.self).split(separator: "\n").first.map(String.init) ?? "git failed"
            throw CopyLintError("git \(args.first ?? ""): \(message)")
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// The repository holding `directory`.
    public static func root(of directory: String) throws(CopyLintError) -> String {
        do {
            return try git(["rev-parse", "--show-toplevel"], in: directory).trimmingCharacters(in: .whitespacesAndNewlines)
        } catch {
            throw CopyLintError("--diff-base needs a git repository, and \(directory) is not inside one")
        }
    }

    /// Files changed since `base` (committed, staged, unstaged and untracked), with their added lines.
    public static func changes(since base: String, in directory: String) throws(CopyLintError) -> ChangedLines {
        let root = try root(of: directory)
        _ = try git(["rev-parse", "--verify", "--quiet", base + "^{commit}"], in: root)
        var lines: [String: Set<Int>?] = [:]
        let diff = try git(["diff", "--no-color", "--no-ext-diff", "--unified=0", "--diff-filter=AMRC", base, "--"], in: root)
        var current: String?
        for raw in diff.split(separator: "\n", omittingEmptySubsequences: false) {
            if raw.hasPrefix("+++ ") {
                let name = raw.dropFirst(4)
                current = name == "/dev/null" ? nil : root + "/" + (name.hasPrefix("b/") ? String(name.dropFirst(2)) : String(name))
                if let current, lines[current] == nil { lines[current] = .some([]) }
            } else if raw.hasPrefix("@@"), let current {
                // @@ -a,b +c,d @@
                guard let plus = raw.split(separator: " ").first(where: { $0.hasPrefix("+") }) else { continue }
                let parts = plus.dropFirst().split(separator: ",")
                let start = Int(parts[0]) ?? 0
                let count = parts.count > 1 ? Int(parts[1]) ?? 1 : 1
                guard count > 0 else { continue }
                var set = lines[current].flatMap { $0 } ?? []
                for l in start..<(start + count) { set.insert(l) }
                lines[current] = .some(set)
            }
        }
        let untracked = try git(["ls-files", "--others", "--exclude-standard", "-z"], in: root)
        for name in untracked.split(separator: "\u{0}") where !name.isEmpty {
            lines[root + "/" + name] = .some(nil)
        }
        return ChangedLines(root: root, lines: lines)
    }
}
