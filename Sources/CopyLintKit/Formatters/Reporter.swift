import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// What every report format may need besides the diagnostics.
public struct ReportContext: Sendable {
    public var columnUnit: ColumnUnit
    public var color: Bool
    public var registry: RuleRegistry
    /// Every file linted, with or without findings (checkstyle and JUnit list clean files too).
    public var files: [String]
    /// Absolute path of the repository root (or the working folder): SARIF artifact paths are relative to it.
    public var root: String
    /// Absolute path of the working folder, to resolve relative input paths.
    public var workingDirectory: String
    /// The language messages, notes, fix titles and help are printed in.
    public var localizer: Localizer = .english
    /// Text output: every finding in full (`--verbose`), none grouped or collapsed.
    public var verbose = false
    /// Text output: ambiguous-width characters (“ ” … ·) take two columns, as in a CJK terminal.
    public var ambiguousWide = false

    public init(columnUnit: ColumnUnit = .char, color: Bool = false, registry: RuleRegistry = .builtin,
                files: [String] = [], root: String = "/", workingDirectory: String = "/") {
        self.columnUnit = columnUnit
        self.color = color
        self.registry = registry
        self.files = files
        self.root = root
        self.workingDirectory = workingDirectory
    }

    /// Every linted file in path order with its findings (none for a clean file): the XML formats list all.
    public func everyFile(_ diagnostics: [Diagnostic]) -> [(path: String, diagnostics: [Diagnostic])] {
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics { byFile[d.path, default: []].append(d) }
        return Set(files).union(byFile.keys).sorted().map { ($0, byFile[$0] ?? []) }
    }

    /// `path` relative to the root, with `/` separators (stdin names are kept as they are).
    public func rootRelative(_ path: String) -> String {
        guard !path.hasPrefix("<") else { return path }
        var absolute = path.hasPrefix("/") ? path : workingDirectory + "/" + path
        // Resolve "." and ".." segments without touching the file system.
        var parts: [Substring] = []
        for part in absolute.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        absolute = "/" + parts.joined(separator: "/")
        let base = root.hasSuffix("/") ? root : root + "/"
        return absolute.hasPrefix(base) ? String(absolute.dropFirst(base.count)) : absolute
    }
}

/// Line formats render each finding on its own: a file with thousands of findings is rendered in
/// slices on all cores, joined in order.
enum PerFinding {
    static let parallelFrom = 4096

    static func render(_ diagnostics: [Diagnostic], _ one: @Sendable (Diagnostic, inout String) -> Void) -> String {
        let slices = ParallelMap.slices(parallel: diagnostics.count >= parallelFrom)
        var parts = ParallelMap.run(count: slices) { c -> String in
            let range = (diagnostics.count * c / slices)..<(diagnostics.count * (c + 1) / slices)
            var out = ""
            // Room for a typical line per finding up front: the text is not copied as it grows.
            out.reserveCapacity(range.count * 160)
            for k in range { one(diagnostics[k], &out) }
            return out
        }
        guard slices > 1 else { return parts[0] }
        // Joined into one allocation, each part let go once copied: the peak is the report and one part.
        var out = ""
        out.reserveCapacity(parts.reduce(0) { $0 + $1.utf8.count })
        for k in parts.indices {
            out += parts[k]
            parts[k] = ""
        }
        return out
    }
}

extension PerFinding {
    /// `render` for line formats written as bytes: each finding appends UTF-8 to a buffer, one buffer
    /// per slice (no string append per piece of a line, and no string made of the whole: the slices
    /// are written out as they are). A line hint is carried from one finding to the next (they come
    /// in file order, so each line is found from the previous one's; another file's text starts afresh).
    /// The file's text and path are handed over by the slice: every finding of a file shares them, and
    /// retaining them per finding from both cores at once made the cores queue for their reference counts.
    static func renderBytes(_ diagnostics: [Diagnostic],
                            _ one: @Sendable (Diagnostic, _ source: SourceText, _ path: [UInt8], inout [UInt8], inout Int) -> Void) -> [[UInt8]] {
        let slices = ParallelMap.slices(parallel: diagnostics.count >= parallelFrom)
        return ParallelMap.run(count: slices) { c -> [UInt8] in
            let range = (diagnostics.count * c / slices)..<(diagnostics.count * (c + 1) / slices)
            var out: [UInt8] = []
            out.reserveCapacity(range.count * 160)
            var line = 0
            guard let firstSource = range.first.map({ diagnostics[$0].source }) else { return out }
            var source = firstSource
            var path = Array(source.path.utf8)
            for k in range {
                if diagnostics[k].source !== source {
                    source = diagnostics[k].source
                    line = 0
                    path = Array(source.path.utf8)
                }
                one(diagnostics[k], source, path, &out, &line)
            }
            return out
        }
    }

    /// Appends `n` (not negative) in decimal digits.
    @inline(__always)
    static func appendDecimal(_ n: Int, to out: inout [UInt8]) {
        var digits = 1, t = n
        while t >= 10 { t /= 10; digits += 1 }
        let start = out.count
        out.append(contentsOf: repeatElement(0x30, count: digits))
        out.withUnsafeMutableBufferPointer { b in
            var v = n, k = start + digits - 1
            repeat { b[k] = UInt8(truncatingIfNeeded: 0x30 + v % 10); v /= 10; k -= 1 } while v > 0
        }
    }

    /// Appends the string's UTF-8 from its own storage, borrowed (many findings share one message or
    /// rule id: taking a reference to it from both cores would make them queue for its count).
    @inline(__always)
    static func appendUTF8(_ s: String, to out: inout [UInt8]) {
        if s.utf8.withContiguousStorageIfAvailable({ out.append(contentsOf: $0) }) == nil { out.append(contentsOf: s.utf8) }
    }

    /// Appends a message on one line: its line breaks become spaces (what `singleLine` does).
    @inline(__always)
    static func appendSingleLine(_ message: String, to out: inout [UInt8]) {
        let start = out.count
        appendUTF8(message, to: &out)
        out.withUnsafeMutableBufferPointer { b in
            for k in start..<b.count where b[k] == 0x0A || b[k] == 0x0D { b[k] = 0x20 }
        }
    }
}

/// One output format. Reporters are pure: diagnostics in, text out.
public protocol Reporter: Sendable {
    init()
    static var name: String { get }
    static var summary: String { get }
    func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String
    /// The same report as UTF-8, in pieces to be written in order (line formats make bytes directly).
    func reportBytes(_ diagnostics: [Diagnostic], context: ReportContext) -> [[UInt8]]
}

extension Reporter {
    public func reportBytes(_ diagnostics: [Diagnostic], context: ReportContext) -> [[UInt8]] {
        [Array(report(diagnostics, context: context).utf8)]
    }
}

/// Every output format, registered once: `--format` names, `--help` and the tests read this list.
public enum Reporters {
    public static let all: [any Reporter.Type] = [
        TextReporter.self, GCCReporter.self, JSONReporter.self, SARIFReporter.self, GitHubReporter.self,
        CheckstyleReporter.self, JUnitReporter.self, RDJSONReporter.self, RDJSONLReporter.self, HTMLReporter.self,
    ]

    public static func named(_ name: String) -> (any Reporter)? {
        all.first { $0.name == name }.map { $0.init() }
    }

    public static var names: [String] { all.map { $0.name } }
}

extension String {
    /// The message on one line: line breaks become spaces.
    var singleLine: String {
        // Almost every message is one line already: check the bytes before copying.
        let multiLine = utf8.withContiguousStorageIfAvailable { bytes in bytes.contains { $0 == 0x0A || $0 == 0x0D } }
            ?? utf8.contains { $0 == 0x0A || $0 == 0x0D }
        guard multiLine else { return self }
        var out = ""
        out.reserveCapacity(utf8.count)
        for ch in unicodeScalars {
            if ch == "\n" || ch == "\r" { out.append(" ") } else { out.unicodeScalars.append(ch) }
        }
        return out
    }
}
