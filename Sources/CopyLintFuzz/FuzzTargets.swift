import Foundation
import CopyLintKit

/// What the fuzzing harnesses under `fuzz/` run, kept in the library so that the test suite runs the
/// very same code over every input a fuzzer ever found (`Tests/…/Fuzz/`) and over seeded random input.
/// Each target takes arbitrary bytes and returns the invariants they broke (empty when all held);
/// the harness turns a broken invariant into a crash so libFuzzer keeps the input.
public enum FuzzTargets {
    public static let names = ["lint", "lintrc", "pack", "lsp"]

    public static func run(_ target: String, _ data: [UInt8]) -> [String] {
        switch target {
        case "lint": return lint(data)
        case "lintrc": return lintrc(data)
        case "pack": return pack(data)
        case "lsp": return lsp(data)
        default: return ["unknown fuzz target \(target)"]
        }
    }

    // MARK: - lint: decoding, parsing, every rule, every formatter, the fixer

    /// The first byte picks the encoding, the option set, the column unit and the fix mode; the rest is the file.
    public static func lint(_ data: [UInt8]) -> [String] {
        guard let mode = data.first else { return [] }
        let raw = Array(data.dropFirst())
        let encodings: [InputEncoding?] = [nil, .utf16, .gb18030, .big5]
        let encoding = encodings[Int(mode & 0b11)]
        let optionSet = Int(mode >> 2) & 0b11
        let unit = ColumnUnit.allCases[Int(mode >> 4) % ColumnUnit.allCases.count]
        let unsafeFixes = mode & 0x80 != 0

        let decoded: InputDecoder.Outcome
        do {
            decoded = try InputDecoder.decode(raw, encoding: encoding, path: "fuzz.txt")
        } catch {
            return error.description.contains("fuzz.txt") && !error.description.contains("\n") ? [] : ["decode error without the file name on one line: \(error)"]
        }
        guard case .text(let bytes) = decoded else { return [] }
        if String(validating: bytes, as: UTF8.self) == nil { return ["the decoder passed on invalid UTF-8"] }
        let source = SourceText(path: "fuzz.txt", bytes: bytes)
        let linter = everyRule[optionSet]
        var problems: [String] = []
        let diagnostics = linter.lint(source)
        problems += check(diagnostics, in: source)

        let context = ReportContext(columnUnit: unit, files: ["fuzz.txt"], root: "/", workingDirectory: "/")
        for type in Reporters.all {
            guard let reporter = Reporters.named(type.name) else { continue }
            let text = reporter.report(diagnostics, context: context)
            if ["json", "sarif", "rdjson"].contains(type.name),
               (try? JSONSerialization.jsonObject(with: Data(text.utf8))) == nil {
                problems.append("\(type.name) report is not valid JSON")
            }
        }

        let fixed = Fixer(linter: linter, allowUnsafe: unsafeFixes).fix(source)
        if String(validating: fixed.bytes, as: UTF8.self) == nil { problems.append("the fixer produced invalid UTF-8") }
        if fixed.changed {
            _ = UnifiedDiff.render(old: source.bytes, new: fixed.bytes, path: "fuzz.txt")
        } else if fixed.bytes != source.bytes {
            problems.append("the fixer changed the text without applying a fix")
        }
        problems += check(fixed.remaining, in: SourceText(path: "fuzz.txt", bytes: fixed.bytes))
        return problems
    }

    /// The four linters, built once: building the rule packs' automata for every input would spend
    /// the fuzzer's time on set-up instead of on the input.
    static let everyRule: [Linter] = (0..<4).map { linterWithEveryRule(optionSet: $0) }

    /// Every built-in rule switched on (opt-in ones too), with default options (0), low extremes (1),
    /// high extremes (2) or a mixture (3): the values a `.lintrc` could give.
    static func linterWithEveryRule(optionSet: Int, registry: RuleRegistry = .builtin) -> Linter {
        var settings: [String: RuleSettings.Setting] = [:]
        for (n, entry) in registry.entries.enumerated() {
            var options: [String: OptionValue] = [:]
            if optionSet != 0 {
                for (k, spec) in entry.description.options.enumerated() {
                    let low = optionSet == 1 || (optionSet == 3 && (n + k) % 2 == 0)
                    options[spec.name] = extreme(spec, low: low)
                }
            }
            settings[entry.id] = .init(enabled: true, options: options)
        }
        return Linter(registry: registry, settings: RuleSettings(settings))
    }

    static func extreme(_ spec: OptionSpec, low: Bool) -> OptionValue {
        switch spec.defaultValue {
        case .bool: return .bool(!low)
        case .int: return .int(low ? -1 : Int(Int32.max))
        case .double: return .double(low ? -1 : 1e300)
        case .string: return .string(spec.allowed.isEmpty ? (low ? "" : "𠮷\u{0}\u{FFFF}") : spec.allowed[low ? 0 : spec.allowed.count - 1])
        case .strings: return .strings(low ? [] : ["", "的", "a", "𠮷", String(repeating: "x", count: 300)])
        }
    }

    /// Ranges inside the text and on character boundaries; positions computable in every unit.
    static func check(_ diagnostics: [Diagnostic], in source: SourceText) -> [String] {
        var problems: [String] = []
        let bytes = source.bytes
        func valid(_ r: SourceRange) -> Bool {
            0 <= r.start && r.start <= r.end && r.end <= bytes.count
                && (r.start == bytes.count || bytes[r.start] & 0xC0 != 0x80)
                && (r.end == bytes.count || bytes[r.end] & 0xC0 != 0x80)
        }
        for d in diagnostics {
            if !valid(d.range) { problems.append("\(d.ruleID): range \(d.range.start)..<\(d.range.end) outside the text or inside a character") }
            for r in d.related where !valid(r.range) { problems.append("\(d.ruleID): related range outside the text or inside a character") }
            for e in d.fix?.edits ?? [] where !valid(e.range) { problems.append("\(d.ruleID): fix edit outside the text or inside a character") }
            if d.message.isEmpty { problems.append("\(d.ruleID): empty message") }
            for unit in ColumnUnit.allCases {
                let p = d.start(unit)
                if p.line < 1 || p.column < 1 { problems.append("\(d.ruleID): position \(p.line):\(p.column) in \(unit.rawValue)") }
            }
        }
        return problems
    }

    // MARK: - the language server

    /// Arbitrary bytes from an LSP client, after a valid `initialize` and `didOpen`: every message
    /// gets a well-formed reply or none, and the server never crashes.
    public static func lsp(_ data: [UInt8]) -> [String] {
        final class Sink: @unchecked Sendable {
            let lock = NSLock()
            var bytes: [UInt8] = []
        }
        let sink = Sink()
        let server = LanguageServer(debounce: 0) { b in sink.lock.lock(); sink.bytes += b; sink.lock.unlock() }
        func frame(_ json: String) -> [UInt8] { MessageFramer.frame(Array(json.utf8)) }
        server.receive(frame(#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":["utf-8"]}}}}"#))
        server.receive(frame(##"{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"untitled:fuzz.md","version":1,"text":"# 标题\n\n𠮷野家的網。\n"}}}"##))
        // Half the input as raw stream bytes, half wrapped as message bodies.
        let cut = data.count / 2
        server.receive(Array(data[..<cut]))
        server.receive(MessageFramer.frame(Array(data[cut...])))
        server.settle()
        sink.lock.lock(); defer { sink.lock.unlock() }
        var framer = MessageFramer()
        framer.append(sink.bytes)
        var problems: [String] = []
        while let f = framer.next() {
            guard case .message(let body) = f else { problems.append("the server wrote a bad frame"); break }
            if (try? JSONSerialization.jsonObject(with: Data(body))) == nil { problems.append("the server wrote invalid JSON") }
        }
        return problems
    }

    // MARK: - configuration and rule packs

    static let sample = SourceText(path: "sample.md", string: """
        # 市区新开三条公交线路 New bus lines

        本报讯　市交通局昨日宣布，三条新线路将于下月开通，覆盖城东五个社区。。

        The the council said on Monday ,that the lines would open \"next month.

        市交通局昨日宣布，三条新线路将于下月开通，覆盖城东五个社区。。
        """)

    /// Arbitrary bytes as a `.lintrc`: a clear error, or a configuration that lints.
    public static func lintrc(_ data: [UInt8]) -> [String] {
        do {
            let config = try ConfigLoader().parse(data, path: "/nonexistent/.lintrc")
            let linter = Linter(registry: config.registry, settings: config.rules)
            return check(linter.lint(sample), in: sample)
        } catch {
            return error.description.contains("\n") ? ["config error spans lines: \(error)"] : []
        }
    }

    /// Arbitrary bytes as a rule pack (a 0xFF byte separates `pack.json` from a rule file): a clear
    /// error, or rules that lint a sample page within their time budget.
    public static func pack(_ data: [UInt8]) -> [String] {
        var files: [(path: String, bytes: [UInt8])] = []
        if let cut = data.firstIndex(of: 0xFF) {
            files = [("fuzz/pack.json", Array(data[..<cut])), ("fuzz/rule.json", Array(data[(cut + 1)...]))]
        } else {
            files = [("fuzz/rule.json", data)]
        }
        do {
            let pack = try PackLoader().parse(name: "fuzz", files: files)
            var registry = RuleRegistry.builtin
            for spec in pack.rules { registry.add(spec.entry) }
            var linter = Linter(registry: registry, settings: RuleSettings())
            linter.timeBudget = 0.5
            return check(linter.lint(sample), in: sample)
        } catch {
            return error.description.contains("\n") ? ["pack error spans lines: \(error)"] : []
        }
    }
}
