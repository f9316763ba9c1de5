import Dispatch
import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// What linting one file gave.
struct FileOutcome {
    var diagnostics: [Diagnostic] = []
    var error: CopyLintError?
    var warning: String?
    /// Fixes applied (or, with --diff, that would be), and the diff.
    var fixed = 0
    var diff = ""
    /// In streaming mode: each report's text for this file, and the counts the summary needs.
    var rendered: [String] = []
    var counts = Counts()
    /// A file with very many findings is rendered later, in pieces written one after another,
    /// so that its whole report is never held in memory at once.
    var renderInPieces = false
    /// What the checks of its edition read of it, when the file is a page of one.
    var page: EditionPage?
    /// Passed over (a binary file).
    var skipped = false
}

enum FileLinting {
    /// Reads, decodes and lints (or fixes) one file.
    /// `edition`: the patterns that number the file as a page of an edition (nil: not a page).
    static func lintOne(path: String, linter: Linter, encoding: InputEncoding?, stdin: [UInt8]?,
                        stdinName: String, fix: Options.FixMode = .none, showDiff: Bool = false,
                        edition: [NSRegularExpression]? = nil) -> FileOutcome {
        var outcome = FileOutcome()
        let name = path == "-" ? stdinName : path
        let raw: [UInt8]
        let t0 = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
        defer { if Profile.enabled { Profile.report("read+lint", since: t0) } }
        if path == "-" {
            raw = stdin ?? []
        } else {
            switch FileReader.read(path) {
            case .success(let bytes): raw = bytes
            case .failure(let error):
                outcome.error = error
                return outcome
            }
        }
        if Profile.enabled { Profile.report("read", since: t0) }
        do {
            let tDecode = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
            let decoded = try InputDecoder.decode(raw, encoding: encoding, path: name)
            if Profile.enabled { Profile.report("decode", since: tDecode) }
            switch decoded {
            case .binary(let offset):
                outcome.warning = "\(name): binary file (NUL byte at offset \(offset)), skipped"
                outcome.skipped = true
            case .text(let bytes):
                let tLines = Profile.enabled ? DispatchTime.now().uptimeNanoseconds : 0
                let source = SourceText(path: name, bytes: bytes)
                if Profile.enabled { Profile.report("line index", since: tLines) }
                if let patterns = edition {
                    // A page: parsed once, for its own checks and for the edition's (when fixing, the
                    // fixer lints on its own: the edition reads the page as it was).
                    let document: Document
                    if fix == .none {
                        let linted = linter.lintKeepingDocument(source)
                        outcome.diagnostics = linted.diagnostics
                        document = linted.document
                    } else {
                        document = linter.parser.parse(source)
                    }
                    outcome.page = EditionPage(document: document,
                                               page: PageNumbering.fromFileName(name, patterns: patterns) ?? PageNumbering.fromFolio(document))
                    if fix == .none { return outcome }
                }
                guard fix != .none else {
                    outcome.diagnostics = linter.lint(source)
                    return outcome
                }
                let result = Fixer(linter: linter, allowUnsafe: fix == .unsafe).fix(source)
                outcome.diagnostics = result.remaining
                outcome.fixed = result.applied
                guard result.changed else { return outcome }
                let legacy = bytes != raw
                let written = (source.hadByteOrderMark ? [0xEF, 0xBB, 0xBF] : []) + result.bytes
                do {
                    // A file read in a legacy encoding (or UTF-16) is written back in it: the diff shows
                    // the change decoded, and only when it can be written so.
                    let encoded = legacy ? try InputDecoder.encode(result.bytes, like: raw, encoding: encoding ?? .utf16, path: name) : written
                    if showDiff {
                        outcome.diff = UnifiedDiff.render(old: legacy ? bytes : raw, new: written, path: name)
                    } else {
                        try FileReader.writeBack(encoded, over: raw, path: path)
                    }
                } catch {
                    outcome.error = error
                    outcome.diagnostics = linter.lint(source)
                    outcome.fixed = 0
                    outcome.diff = ""
                }
            }
        } catch {
            outcome.error = error
        }
        return outcome
    }
}
