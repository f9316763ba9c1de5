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

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let style = Style(enabled: context.color)
        let unit = context.columnUnit
        return PerFinding.render(diagnostics) { d, out in
            let p = d.start(unit)
            let sevColor = d.severity == .error ? style.red : d.severity == .warning ? style.yellow : style.cyan
            out += style.bold("\(d.path):\(p.line):\(p.column): ") + sevColor(d.severity.gccName) + style.bold(": \(d.message.singleLine)")
                + " " + style.dim("[\(d.ruleID)]") + "\n"
            let (gutter, snippet, carets) = TextReporter.excerpt(d)
            let pad = String(repeating: " ", count: gutter.count)
            out += style.blue("\(pad) |") + "\n"
            out += style.blue("\(gutter) |") + " \(snippet)\n"
            out += style.blue("\(pad) |") + " " + sevColor(carets) + "\n"
            for r in d.related {
                let other = r.source(d.source)
                let rp = other.position(r.range.start, unit: unit)
                out += style.blue("\(pad) = ") + "note: \(r.message): \(other.path):\(rp.line):\(rp.column)\n"
            }
            if let fix = d.fix {
                let how = fix.applicability == .safe ? "safe fix" : "unsafe fix"
                out += style.blue("\(pad) = ") + style.green("help") + ": \(fix.title) (\(how))\n"
            }
            out += "\n"
        }
    }

    /// The flagged line, clipped to a window around the range, and the caret line under it.
    static func excerpt(_ d: Diagnostic) -> (gutter: String, snippet: String, carets: String) {
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
            let w = cp == 0x09 ? (col / 8 + 1) * 8 - col : CharacterData.displayWidth(cp)
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
