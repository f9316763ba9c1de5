import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// For people: the location, the source line, carets under the range, notes and the fix.
public struct TextReporter: Reporter {
    public static let name = "text"
    public static let summary = "for people: source line, carets, notes and fixes (colour on a terminal)"

    /// Widest stretch of a source line shown, in terminal columns.
    static let window = 100

    public init() {}

    /// A rule with more findings than this in a file (warnings and notes) is shown as one block
    /// naming their lines, unless `--verbose`.
    static let collapseAbove = 3

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var out = ""
        var start = 0
        // File by file (a run's findings come in path order), each file's blocks errors first.
        while start < diagnostics.count {
            var end = start + 1
            while end < diagnostics.count, diagnostics[end].source === diagnostics[start].source { end += 1 }
            for block in Self.blocks(Array(diagnostics[start..<end]), verbose: context.verbose) {
                render(block, context: context, into: &out)
            }
            start = end
        }
        return out
    }

    /// Findings shown as one: a finding alone, findings alike (one rule, one message: a paragraph
    /// printed many times), or all of a rule's many warnings in a file.
    struct Block {
        enum Kind { case single, alike, collapsed }
        var kind: Kind
        var members: [Diagnostic]
        var first: Diagnostic { members[0] }
    }

    /// A file's findings as blocks: errors first, then warnings, then notes, each in order of place.
    static func blocks(_ diagnostics: [Diagnostic], verbose: Bool) -> [Block] {
        let sorted = diagnostics.enumerated().sorted { a, b in
            a.element.severity != b.element.severity ? a.element.severity > b.element.severity : a.offset < b.offset
        }.map(\.element)
        guard !verbose else { return sorted.map { Block(kind: .single, members: [$0]) } }
        var perRule: [String: Int] = [:]
        for d in sorted where d.severity != .error { perRule[d.ruleID, default: 0] += 1 }
        var blocks: [Block] = []
        var at: [String: Int] = [:]   // group key -> index in blocks
        for d in sorted {
            if d.severity != .error, perRule[d.ruleID, default: 0] > collapseAbove {
                let key = "r\u{1}\(d.ruleID)"
                if let k = at[key] { blocks[k].members.append(d) } else {
                    at[key] = blocks.count
                    blocks.append(Block(kind: .collapsed, members: [d]))
                }
                continue
            }
            let key = "m\u{1}\(d.ruleID)\u{1}\(d.severity.rawValue)\u{1}\(d.message)"
            if let k = at[key] {
                blocks[k].kind = .alike
                blocks[k].members.append(d)
            } else {
                at[key] = blocks.count
                blocks.append(Block(kind: .single, members: [d]))
            }
        }
        return blocks
    }

    func render(_ block: Block, context: ReportContext, into out: inout String) {
        let style = Style(enabled: context.color)
        let l = context.localizer
        let unit = context.columnUnit
        let d = block.first
        let n = block.members.count
        let p = d.start(unit)
        let sevColor = d.severity == .error ? style.red : d.severity == .warning ? style.yellow : style.cyan
        let message: String
        if block.kind == .collapsed {
            let summary = context.registry[d.ruleID].map { l.summary(rule: d.ruleID, $0.description.summary) } ?? d.ruleID
            message = l.ui("{n} in this file: {summary}", ["n": "\(n)", "summary": summary])
        } else {
            message = l.message(d)
        }
        out += style.bold("\(d.path):\(p.line):\(p.column): ") + sevColor(l.ui(d.severity.gccName)) + style.bold(": \(message.singleLine)")
            + " " + style.dim("[\(d.ruleID)]") + "\n"
        let (gutter, snippet, carets) = TextReporter.excerpt(d, ambiguousWide: context.ambiguousWide)
        let pad = String(repeating: " ", count: gutter.count)
        out += style.blue("\(pad) |") + "\n"
        out += style.blue("\(gutter) |") + " \(snippet)\n"
        out += style.blue("\(pad) |") + " " + sevColor(carets) + "\n"
        let note = l.ui("note"), help = l.ui("help")
        if block.kind == .single || block.kind == .alike {
            for r in d.related {
                let other = r.source(d.source)
                let rp = other.position(r.range.start, unit: unit)
                out += style.blue("\(pad) = ") + "\(note): \(l.note(r.message)): \(other.path):\(rp.line):\(rp.column)\n"
            }
        }
        if n > 1 {
            // Every error's line is named; a collapsed rule's lines are shortened in the middle.
            var lines: [Int] = []
            for m in block.members {
                let line = m.source.lines.lineIndex(of: m.range.start) + 1
                if lines.last != line { lines.append(line) }
            }
            let shown = d.severity == .error || lines.count <= 12
                ? lines.map(String.init).joined(separator: ", ")
                : (lines.prefix(10).map(String.init) + ["…", String(lines[lines.count - 1])]).joined(separator: ", ")
            let template = block.kind == .alike ? "the same finding {n} times, at lines {lines}" : "at lines {lines}"
            out += style.blue("\(pad) = ") + "\(note): " + l.ui(template, ["n": "\(n)", "lines": shown]) + "\n"
        }
        let fixes = block.members.filter { $0.fix != nil }
        if block.kind != .collapsed, let fix = d.fix {
            let how = fix.applicability == .safe ? l.ui("safe fix") : l.ui("unsafe fix")
            var line = l.ui("{fix} ({how})", ["fix": l.fixTitle(fix.title), "how": how])
            if fixes.count > 1 {
                line += l.ui(fix.applicability == .safe ? "; --fix does it at all {n}" : "; --fix-unsafe does it at all {n}",
                             ["n": "\(fixes.count)"])
            }
            out += style.blue("\(pad) = ") + style.green(help) + ": " + line + "\n"
        } else {
            var line = l.help(rule: d.ruleID) ?? l.ui("see copylint explain {rule}", ["rule": d.ruleID])
            if !fixes.isEmpty {
                let safe = fixes.filter(\.hasSafeFix).count
                line += safe > 0 ? l.ui(" (--fix fixes {n} of them)", ["n": "\(safe)"])
                    : l.ui(" (--fix-unsafe fixes {n} of them)", ["n": "\(fixes.count)"])
            }
            out += style.blue("\(pad) = ") + style.green(help) + ": " + line + "\n"
        }
        out += "\n"
    }

    /// The flagged line, clipped to a window around the range, and the caret line under it.
    static func excerpt(_ d: Diagnostic, ambiguousWide: Bool = false) -> (gutter: String, snippet: String, carets: String) {
        let bytes = d.source.bytes
        let lines = d.source.lines
        let line = lines.lineIndex(of: d.range.start)
        let lineStart = lines.lineStarts[line], lineEnd = lines.contentEnds[line]
        let start = min(max(d.range.start, lineStart), lineEnd)
        let end = max(start, min(d.range.end, lineEnd))
        // Collect (offset, width) of each scalar on the line.
        var cells: [(offset: Int, length: Int, width: Int)] = []
        var i = lineStart
        var col = 0
        while i < lineEnd {
            let (cp, len) = UTF8Scalar.decode(bytes, at: i)
            let w = cp == 0x09 ? (col / 8 + 1) * 8 - col
                : ambiguousWide && CharacterData.isAmbiguousWidth(cp) ? 2 : CharacterData.displayWidth(cp)
            cells.append((i, len, w))
            col += w
            i += len
        }
        let startCell = cells.firstIndex { $0.offset >= start } ?? cells.count
        let endCell = cells.firstIndex { $0.offset >= end } ?? cells.count
        var first = 0
        var widthBefore = cells[..<startCell].reduce(0) { $0 + $1.width }
        let lineWidth = cells.reduce(0) { $0 + $1.width }
        if lineWidth > window, widthBefore > 30 {
            // Scroll: keep the range at least 20 columns in, and fill the window with what precedes it
            // when the rest of the line is short.
            let after = cells[startCell...].reduce(0) { $0 + $1.width }
            let keepBefore = max(20, window - 2 - after)
            var w = widthBefore
            while first < startCell, w > keepBefore { w -= cells[first].width; first += 1 }
            widthBefore = w
        }
        var snippet = first > 0 ? "…" : ""
        var used = 0
        var last = first
        while last < cells.count, used + cells[last].width <= window {
            used += cells[last].width
            last += 1
        }
        for c in cells[first..<last] {
            let scalarBytes = bytes[c.offset..<(c.offset + c.length)]
            if bytes[c.offset] == 0x09 {
                snippet += String(repeating: " ", count: c.width)
            } else {
                snippet += String(decoding: scalarBytes, as: UTF8.self)
            }
        }
        if last < cells.count { snippet += "…" }
        let caretStart = widthBefore + (first > 0 ? 1 : 0)
        var caretWidth = cells[min(startCell, last)..<min(max(endCell, startCell), last)].reduce(0) { $0 + $1.width }
        if caretWidth == 0 { caretWidth = 1 }
        let carets = String(repeating: " ", count: caretStart) + String(repeating: "^", count: caretWidth)
        return (String(line + 1), snippet, carets)
    }
}

/// ANSI styling that collapses to plain text when colour is off.
struct Style: Sendable {
    let enabled: Bool

    private func wrap(_ code: String) -> (String) -> String {
        { enabled ? "\u{1B}[\(code)m\($0)\u{1B}[0m" : $0 }
    }

    var red: (String) -> String { wrap("1;31") }
    var yellow: (String) -> String { wrap("1;33") }
    var cyan: (String) -> String { wrap("1;36") }
    var blue: (String) -> String { wrap("1;34") }
    var green: (String) -> String { wrap("1;32") }
    func bold(_ s: String) -> String { wrap("1")(s) }
    func dim(_ s: String) -> String { wrap("2")(s) }
}
