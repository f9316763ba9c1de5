import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

/// Runs every registered rule's examples: triggering examples must fire exactly at their
/// `↓` markers, non-triggering ones must stay silent, and `fixed` must match after
/// applying the fixes. Each example also runs behind a multibyte + astral prefix line,
/// with CRLF line ends and with a UTF-8 BOM, and positions are checked in every column unit.
final class RuleExampleTests: XCTestCase {
    enum Variant: CaseIterable {
        case plain, astralPrefix, crlf, bom
    }

    static let prefixLine = "<!-- 𠮷野家 multibyte prefix 多字节前缀 -->\n"

    func testEveryRuleHasExamples() {
        for entry in RuleRegistry.builtin.entries {
            XCTAssertFalse(entry.description.triggering.isEmpty, "\(entry.id) has no triggering example")
            XCTAssertFalse(entry.description.nonTriggering.isEmpty, "\(entry.id) has no non-triggering example")
        }
    }

    /// The rules that read one file at a time (edition rules' examples are editions: EditionExampleTests).
    static var fileRules: [RuleEntry] { RuleRegistry.builtin.entries.filter { $0.description.scope == .file } }

    func testTriggeringExamplesFireAtMarkers() {
        for entry in Self.fileRules {
            for (n, example) in entry.description.triggering.enumerated() {
                for variant in Variant.allCases {
                    verify(entry, example, label: "\(entry.id) triggering #\(n + 1) [\(variant)]", variant: variant)
                }
            }
        }
    }

    func testNonTriggeringExamplesStaySilent() {
        for entry in Self.fileRules {
            for (n, example) in entry.description.nonTriggering.enumerated() {
                for variant in Variant.allCases {
                    let (text, markers) = example.textAndMarkers
                    Self.check(markers.isEmpty, "\(entry.id) non-triggering #\(n + 1) has a marker", example)
                    let source = Self.make(text, variant)
                    let found = Self.run(entry, example, source.text)
                    Self.check(found.isEmpty, "\(entry.id) non-triggering #\(n + 1) [\(variant)] fired: \(found.map(\.message))", example)
                }
            }
        }
    }

    /// Each triggering example behind a `copylint-disable` directive for its rule is silent: the
    /// engine masks every finding of a rule whose directive covers it. (A rule that reports on the
    /// directives themselves, unused-suppression, would report the directive: it is not masked.)
    func testTriggeringExamplesAreSilentBehindADisableDirective() {
        for entry in Self.fileRules {
            guard !(entry.make(RuleOptions(specs: entry.description.options)) is any SuppressionAuditor) else { continue }
            for (n, example) in entry.description.triggering.enumerated() {
                for directive in ["<!-- copylint-disable \(entry.id) -->\n", "%% copylint-disable \(entry.id)\n"] {
                    let text = directive + example.textAndMarkers.text
                    let found = Self.run(entry, example, SourceText(path: "example.txt", string: text))
                    Self.check(found.isEmpty, "\(entry.id) triggering #\(n + 1) behind \(directive): \(found.map(\.message))", example)
                    // The same example with the directive for another rule still fires.
                    let other = directive.replacingOccurrences(of: entry.id, with: "unused-suppression")
                    let unmasked = Self.run(entry, example, SourceText(path: "example.txt", string: other + example.textAndMarkers.text))
                    Self.check(!unmasked.isEmpty, "\(entry.id) triggering #\(n + 1) behind another rule's directive is silent", example)
                }
            }
        }
    }

    func testFixedExamples() {
        for entry in Self.fileRules {
            for (n, example) in entry.description.triggering.enumerated() {
                guard let fixed = example.fixed else { continue }
                let (text, _) = example.textAndMarkers
                let source = SourceText(path: "example.txt", string: text)
                let edits = Self.run(entry, example, source).compactMap(\.fix).flatMap(\.edits)
                let result = String(decoding: Fix.apply(edits, to: source.bytes), as: UTF8.self)
                Self.check(result == fixed, "\(entry.id) triggering #\(n + 1): fix gives \(result)", example)
            }
        }
    }

    /// Pack rules' word lists are matched together in one pass when several rules run: every example
    /// must give each rule the same findings alone as beside every other rule (opt-in ones too).
    func testSharedWordListsFindWhatEachRuleFindsAlone() {
        let everyRule = RuleRegistry.builtin.entries.map { entry in
            ActiveRule(id: entry.id, severity: entry.description.defaultSeverity,
                       checker: entry.make(RuleOptions(specs: entry.description.options)))
        }
        let together = Linter(rules: everyRule)
        XCTAssertNotNil(together.wordListPass, "the pack rules share a pass")
        for entry in Self.fileRules where entry.description.triggering.contains(where: { $0.options.isEmpty }) {
            for example in entry.description.triggering + entry.description.nonTriggering where example.options.isEmpty {
                for variant in Variant.allCases {
                    let source = Self.make(example.textAndMarkers.text, variant).text
                    let alone = Self.run(entry, example, source).map { "\($0.range) \($0.message)" }
                    let beside = together.lint(source).filter { $0.ruleID == entry.id }.map { "\($0.range) \($0.message)" }
                    XCTAssertEqual(beside, alone, "\(entry.id) [\(variant)]: \(example.text)")
                }
            }
        }
    }

    // MARK: - helpers

    static func run(_ entry: RuleEntry, _ example: Example, _ source: SourceText) -> [Diagnostic] {
        let checker = entry.make(RuleOptions(specs: entry.description.options, overrides: example.options))
        let linter = Linter(rules: [ActiveRule(id: entry.id, severity: entry.description.defaultSeverity, checker: checker)],
                            knownRules: Set(RuleRegistry.builtin.ids))
        return linter.lint(source)
    }

    /// The example text in a variant, and where each marker offset moved.
    static func make(_ text: String, _ variant: Variant, markers: [Int] = []) -> (text: SourceText, markers: [Int]) {
        switch variant {
        case .plain:
            return (SourceText(path: "example.txt", string: text), markers)
        case .astralPrefix:
            let shift = prefixLine.utf8.count
            return (SourceText(path: "example.txt", string: prefixLine + text), markers.map { $0 + shift })
        case .crlf:
            // Each LF before a marker becomes CRLF, shifting the marker by one.
            let bytes = Array(text.utf8)
            var out: [UInt8] = []
            var moved: [Int] = []
            var shift = 0
            var m = 0
            let sorted = markers.sorted()
            for (i, b) in bytes.enumerated() {
                while m < sorted.count, sorted[m] == i { moved.append(i + shift); m += 1 }
                if b == 0x0A { out.append(0x0D); shift += 1 }
                out.append(b)
            }
            while m < sorted.count { moved.append(sorted[m] + shift); m += 1 }
            return (SourceText(path: "example.txt", bytes: out), moved)
        case .bom:
            // The BOM is stripped on reading: offsets do not move.
            return (SourceText(path: "example.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8)), markers)
        }
    }

    /// A failure points at the example's own line: in the Swift file that declares it, or (for a pack
    /// rule) at this test with the pack file and line in the message.
    static func check(_ condition: Bool, _ message: @autoclosure () -> String, _ example: Example) {
        if let file = example.file {
            XCTAssertTrue(condition, message(), file: file, line: example.line)
        } else {
            XCTAssertTrue(condition, "\(example.location): \(message())")
        }
    }

    private func verify(_ entry: RuleEntry, _ example: Example, label: String, variant: Variant) {
        let (text, markers) = example.textAndMarkers
        Self.check(!markers.isEmpty, "\(label): no ↓ marker", example)
        let (source, expected) = Self.make(text, variant, markers: markers)
        let found = Self.run(entry, example, source)
        Self.check(found.map(\.range.start).sorted() == expected.sorted(),
                   "\(label): findings at \(found.map { $0.start() }) — \(found.map(\.message)); expected at offsets \(expected.sorted())", example)
        // Columns in every unit agree with an independent count over Swift strings.
        let lines = Self.splitLines(source)
        for d in found {
            for unit in ColumnUnit.allCases {
                let p = d.start(unit)
                let expect = Self.independentPosition(d.range.start, lines: lines, bytes: source.bytes, unit: unit)
                Self.check(p == expect, "\(label): \(unit) position of \(d.ruleID) is \(p), not \(expect)", example)
            }
        }
    }

    /// Line starts computed with a plain loop over bytes, independent of LineIndex.
    static func splitLines(_ source: SourceText) -> [Int] {
        var starts = [0]
        let b = source.bytes
        var i = 0
        while i < b.count {
            if b[i] == 0x0D, i + 1 < b.count, b[i + 1] == 0x0A { starts.append(i + 2); i += 2; continue }
            if b[i] == 0x0A || b[i] == 0x0D { starts.append(i + 1) }
            i += 1
        }
        return starts
    }

    static func independentPosition(_ offset: Int, lines: [Int], bytes: [UInt8], unit: ColumnUnit) -> Position {
        let line = lines.lastIndex { $0 <= offset } ?? 0
        let prefix = String(decoding: bytes[lines[line]..<offset], as: UTF8.self)
        let column: Int
        switch unit {
        case .char: column = prefix.unicodeScalars.count
        case .utf16: column = prefix.utf16.count
        case .byte: column = prefix.utf8.count
        case .display:
            column = prefix.unicodeScalars.reduce(0) { w, s in
                let v = s.value
                // East Asian Wide/Fullwidth blocks that examples use, counted by hand.
                let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                    || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                    || (0xFFE0...0xFFE6).contains(v) || (0x20000...0x3FFFD).contains(v)
                return w + (wide ? 2 : 1)
            }
        }
        return Position(line: line + 1, column: column + 1)
    }
}
