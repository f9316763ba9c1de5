import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

extension HTMLReporter {
    /// A file of the page: its findings in file order, and which of its lines are printed.
    struct FilePlan {
        let index: Int
        let path: String
        let diagnostics: [Diagnostic]
        /// The text, for a file with findings; a clean file is only listed in the summary.
        let source: SourceText?
        /// The lines printed (0-based, half-open, in order, apart): every line, or for a long file
        /// only those around its findings.
        let shown: [Range<Int>]
        /// Lines of copy: the empty one the line index has after a final line break is not one.
        let lineCount: Int
        let counts: Counts

        init(index: Int, path: String, diagnostics: [Diagnostic]) {
            self.index = index
            self.path = path
            // Notes follow the copy, so findings go in the order of their places in it.
            self.diagnostics = diagnostics.sorted {
                ($0.range.start, $0.range.end, $0.ruleID, $0.message) < ($1.range.start, $1.range.end, $1.ruleID, $1.message)
            }
            counts = Counts(diagnostics)
            source = diagnostics.first?.source
            guard let source else {
                shown = []
                lineCount = 0
                return
            }
            let lineCount = FilePlan.lineCount(source)
            self.lineCount = lineCount
            guard lineCount > HTMLReporter.wholeFileLines else {
                shown = [0..<lineCount]
                return
            }
            // Both ends of each finding with their context, merged where they touch: a finding over
            // many lines keeps its first and last lines (its note goes under the last).
            let c = HTMLReporter.contextLines
            var around: [Range<Int>] = []
            for d in self.diagnostics {
                let span = FilePlan.span(d, in: source, lineCount: lineCount)
                around.append(max(0, span.firstLine - c)..<min(lineCount, span.firstLine + c + 1))
                around.append(max(0, span.lastLine - c)..<min(lineCount, span.lastLine + c + 1))
            }
            around.sort { $0.lowerBound < $1.lowerBound }
            var merged: [Range<Int>] = []
            for r in around {
                if let last = merged.last, r.lowerBound <= last.upperBound {
                    merged[merged.count - 1] = last.lowerBound..<max(last.upperBound, r.upperBound)
                } else {
                    merged.append(r)
                }
            }
            shown = merged
        }

        static func lineCount(_ source: SourceText) -> Int {
            let n = source.lines.lineStarts.count
            return n > 1 && source.lines.lineStarts[n - 1] == source.bytes.count ? n - 1 : n
        }

        /// A finding's byte range kept inside the text, and the lines it is on (an empty range is on
        /// the line of its offset; a range ending just after a line break does not reach the next
        /// line; the end of the text is at the end of its last line).
        static func span(_ d: Diagnostic, in source: SourceText, lineCount: Int)
            -> (start: Int, end: Int, firstLine: Int, lastLine: Int) {
            let n = source.bytes.count
            let s = min(d.range.start, n), e = min(max(d.range.end, s), n)
            let first = min(source.lines.lineIndex(of: s), lineCount - 1)
            return (s, e, first, e > s ? min(source.lines.lineIndex(of: e - 1), lineCount - 1) : first)
        }

        /// The first printed stretch that does not end before `line`.
        func firstShown(from line: Int) -> Int {
            shown.partitioningIndex { $0.upperBound > line }
        }

        func isShown(_ line: Int) -> Bool {
            let k = firstShown(from: line)
            return k < shown.count && shown[k].contains(line)
        }
    }
}

extension HTMLReporter {
    /// The part of one finding's range on one line. A range over several lines has a piece on each;
    /// the first (the head) carries the id the note links back to, and is printed even when empty.
    struct Piece {
        var line: Int, start: Int, end: Int, finding: Int, head: Bool
    }

    /// A file's section: header, then its printed lines, each note under the last line of its finding.
    func section(_ plan: FilePlan, plans: [FilePlan], planOf: [String: Int], context: ReportContext, into out: inout String) {
        guard let source = plan.source else { return }
        let fi = plan.index, lines = source.lines, bytes = source.bytes
        var pieces: [Piece] = []
        pieces.reserveCapacity(plan.diagnostics.count)
        var notes: [(line: Int, finding: Int)] = []
        notes.reserveCapacity(plan.diagnostics.count)
        for (k, d) in plan.diagnostics.enumerated() {
            let span = FilePlan.span(d, in: source, lineCount: plan.lineCount)
            var r = plan.firstShown(from: span.firstLine)
            while r < plan.shown.count, plan.shown[r].lowerBound <= span.lastLine {
                for line in max(plan.shown[r].lowerBound, span.firstLine)...min(plan.shown[r].upperBound - 1, span.lastLine) {
                    let ls = lines.lineStarts[line], ce = lines.contentEnds[line]
                    var ps = min(max(span.start, ls), ce), pe = max(ps, min(span.end, ce))
                    // Offsets are bytes: a piece never starts or ends inside a character's UTF-8.
                    while ps > ls, ps < bytes.count, bytes[ps] & 0xC0 == 0x80 { ps -= 1 }
                    while pe < ce, bytes[pe] & 0xC0 == 0x80 { pe += 1 }
                    if ps == pe, line != span.firstLine { continue }
                    pieces.append(Piece(line: line, start: ps, end: pe, finding: k, head: line == span.firstLine))
                }
                r += 1
            }
            notes.append((span.lastLine, k))
        }
        // In each line by start; of pieces starting together the longer first, so that it encloses the others.
        pieces.sort { ($0.line, $0.start, -$0.end, $0.finding) < ($1.line, $1.start, -$1.end, $1.finding) }
        notes.sort { ($0.line, $0.finding) < ($1.line, $1.finding) }
        let rules = plan.diagnostics.map { HTML.escape($0.ruleID) }

        let c = plan.counts
        let l = context.localizer
        func count(_ n: Int, _ one: String, _ many: String) -> String { HTML.escape(l.ui(n == 1 ? one : many, ["n": "\(n)"])) }
        out += "<section class=\"file\" id=\"file-\(fi)\" lang=\"\(l.locale.rawValue)\">\n<h2>\(HTML.escape(plan.path))</h2>\n"
        out += "<p class=\"counts\"><span data-severity=\"error\">\(count(c.errors, "{n} error", "{n} errors"))</span>\(HTML.escape(l.ui(", ")))"
            + "<span data-severity=\"warning\">\(count(c.warnings, "{n} warning", "{n} warnings"))</span>\(HTML.escape(l.ui(", ")))"
            + "<span data-severity=\"info\">\(count(c.infos, "{n} note", "{n} notes"))</span></p>\n"
        out += "<div class=\"copy\" lang=\"\(Self.language(bytes))\">\n"
        var p = 0, nk = 0, printedTo = 0
        bytes.withUnsafeBufferPointer { buf in
            for stretch in plan.shown {
                if stretch.lowerBound > printedTo { Self.gap(stretch.lowerBound - printedTo, l, into: &out) }
                for line in stretch {
                    while p < pieces.count, pieces[p].line < line { p += 1 }
                    var q = p
                    while q < pieces.count, pieces[q].line == line { q += 1 }
                    out += "<div class=\"line\" id=\"L\(fi)-\(line + 1)\"><span class=\"ln\">\(line + 1)</span><span class=\"tx\">"
                    Self.marked(buf, lines.lineStarts[line], lines.contentEnds[line], pieces[p..<q], plan, rules, into: &out)
                    out += "</span></div>\n"
                    p = q
                    while nk < notes.count, notes[nk].line <= line {
                        note(notes[nk].finding, plan, rules[notes[nk].finding], plans: plans, planOf: planOf, context: context, into: &out)
                        nk += 1
                    }
                }
                printedTo = stretch.upperBound
            }
        }
        if printedTo < plan.lineCount { Self.gap(plan.lineCount - printedTo, l, into: &out) }
        out += "</div>\n</section>\n"
    }

    static func gap(_ lines: Int, _ l: Localizer, into out: inout String) {
        out += "<div class=\"gap\">… " + HTML.escape(l.ui(lines == 1 ? "1 line not shown" : "{n} lines not shown", ["n": "\(lines)"])) + " …</div>\n"
    }

    /// One line's text with its pieces as `<mark>` elements. Marks must nest: when a piece ends
    /// inside another that began after it, the later one is closed with it and opened again.
    static func marked(_ buf: UnsafeBufferPointer<UInt8>, _ lineStart: Int, _ contentEnd: Int, _ pieces: ArraySlice<Piece>,
                       _ plan: FilePlan, _ rules: [String], into out: inout String) {
        func begin(_ piece: Piece, continued: Bool) {
            let id = "f-\(plan.index)-\(piece.finding)"
            out += continued ? "<mark class=\"cont\"" : piece.start == piece.end ? "<mark id=\"m-\(id)\" class=\"empty\"" : "<mark id=\"m-\(id)\""
            out += " data-finding=\"\(id)\" data-rule=\"\(rules[piece.finding])\" data-severity=\"\(plan.diagnostics[piece.finding].severity.rawValue)\">"
        }
        var open: [Piece] = []
        var next = pieces.startIndex
        var pos = lineStart
        while true {
            if let deepest = open.firstIndex(where: { $0.end == pos }) {
                let reopen = open[(deepest + 1)...].filter { $0.end > pos }
                for _ in deepest..<open.count { out += "</mark>" }
                open.removeSubrange(deepest...)
                for piece in reopen {
                    begin(piece, continued: true)
                    open.append(piece)
                }
            }
            while next < pieces.endIndex, pieces[next].start == pos {
                let piece = pieces[next]
                begin(piece, continued: !piece.head)
                if piece.start == piece.end { out += "</mark>" } else { open.append(piece) }
                next += 1
            }
            guard pos < contentEnd else { break }
            var stop = next < pieces.endIndex ? pieces[next].start : contentEnd
            for piece in open where piece.end < stop { stop = piece.end }
            HTML.appendEscaped(buf, from: pos, to: stop, into: &out)
            pos = stop
        }
    }

    /// The note of finding `k`: severity, rule, place, message, help, related places, fix preview.
    func note(_ k: Int, _ plan: FilePlan, _ rule: String, plans: [FilePlan], planOf: [String: Int], context: ReportContext,
              into out: inout String) {
        let d = plan.diagnostics[k]
        let id = "f-\(plan.index)-\(k)", severity = d.severity.rawValue
        let p = d.start(context.columnUnit)
        out += "<aside class=\"note\" id=\"\(id)\" data-rule=\"\(rule)\" data-severity=\"\(severity)\">"
        let l = context.localizer
        out += "<div class=\"nh\"><span class=\"sev\">\(HTML.escape(l.ui(severity)))</span> <code class=\"rule\">\(rule)</code> "
            + "<a class=\"at\" href=\"#m-\(id)\">\(HTML.escape(plan.path)):\(p.line):\(p.column)</a></div>"
        out += "<div class=\"msg\">"
        HTML.appendEscaped(messageText(d, context), to: &out)
        out += "</div>"
        let help = helpText(d, context)
        if !help.isEmpty {
            out += "<div class=\"help\"><span class=\"label\">\(HTML.escape(l.ui("help"))):</span> "
            HTML.appendEscaped(help, to: &out)
            out += "</div>"
        }
        if !d.related.isEmpty {
            out += "<ul class=\"related\">"
            for r in d.related {
                let other = r.source(d.source)
                let line = other.lines.lineIndex(of: min(r.range.start, other.bytes.count))
                let place = "\(HTML.escape(other.path)):\(line + 1)"
                out += "<li>"
                HTML.appendEscaped(l.note(r.message), to: &out)
                // A link only where that line is printed on the page.
                if let j = planOf[other.path], plans[j].source != nil, plans[j].isShown(line) {
                    out += ": <a href=\"#L\(j)-\(line + 1)\">\(place)</a></li>"
                } else {
                    out += ": \(place)</li>"
                }
            }
            out += "</ul>"
        }
        if let fix = d.fix {
            out += "<div class=\"fix\"><span class=\"kind\">\(HTML.escape(l.ui(fix.applicability == .safe ? "safe fix" : "unsafe fix")))</span>"
            let edits = fix.edits.sorted { $0.range < $1.range }
            for edit in edits.prefix(4) {
                let n = d.source.bytes.count
                let old = d.source.string(SourceRange(unchecked: min(edit.range.start, n), min(max(edit.range.end, edit.range.start), n)))
                out += " <span class=\"edit\">"
                if !old.isEmpty { out += "<del>− \(HTML.escape(Self.preview(old)))</del>" }
                if !old.isEmpty, !edit.replacement.isEmpty { out += " → " }
                if !edit.replacement.isEmpty { out += "<ins>+ \(HTML.escape(Self.preview(edit.replacement)))</ins>" }
                out += "</span>"
            }
            if edits.count > 4 { out += " <span class=\"more\">\(HTML.escape(l.ui("and {n} more", ["n": "\(edits.count - 4)"])))</span>" }
            out += "</div>"
        }
        out += "</aside>\n"
    }

    /// Text of an edit on one line: line breaks shown as ↵ (a fix that joins lines deletes them),
    /// and a long text cut in the middle.
    static func preview(_ s: String, limit: Int = 80) -> String {
        var scalars = Array(s.replacingOccurrences(of: "\r\n", with: "↵").unicodeScalars)
        for k in scalars.indices where scalars[k] == "\n" || scalars[k] == "\r" { scalars[k] = "↵" }
        guard scalars.count > limit else { return String(String.UnicodeScalarView(scalars)) }
        let head = scalars[..<(limit * 3 / 4)], tail = scalars[(scalars.count - limit / 4)...]
        return String(String.UnicodeScalarView(head)) + " … " + String(String.UnicodeScalarView(tail))
    }

    /// `zh` for Chinese copy (Han characters at least a quarter of the Latin letters, as the facts
    /// step decides), otherwise `en`: browsers pick the Chinese forms of the fonts and line breaking
    /// from it. The opening 64 KB are enough to tell.
    static func language(_ bytes: [UInt8]) -> String {
        var han = 0, latin = 0
        var i = 0
        let n = min(bytes.count, 65_536)
        bytes.withUnsafeBufferPointer { buf in
            while i < n {
                let b = buf[i]
                if b < 0x80 {
                    if (b | 0x20) >= 0x61, (b | 0x20) <= 0x7A { latin += 1 }
                    i += 1
                    continue
                }
                let (cp, len) = UTF8Scalar.decode(buf, at: i)
                if CharacterData.isHan(cp) { han += 1 }
                i += len
            }
        }
        return han > 0 && han * 4 >= latin ? "zh" : "en"
    }
}
