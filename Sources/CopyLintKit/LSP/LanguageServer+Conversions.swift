import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// LSP positions and ranges in the encoding the client asked for, diagnostics and code actions.
extension LanguageServer {
    // MARK: - positions

    func bomLength(_ text: [UInt8]) -> Int {
        text.count >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF ? 3 : 0
    }

    /// An LSP position (0-based line, character in the negotiated encoding) as a byte offset in `text`.
    func offset(_ position: [String: Any]?, in text: [UInt8], lines: LineIndex) -> Int {
        let line = position?["line"] as? Int ?? 0
        let character = position?["character"] as? Int ?? 0
        if line < 0 { return 0 }
        if line >= lines.count { return text.count }
        return lines.offset(line: line, column: max(0, character) + 1, in: text, unit: unit)
    }

    func offsets(_ range: [String: Any], in text: [UInt8], lines: LineIndex) -> SourceRange {
        let a = offset(range["start"] as? [String: Any], in: text, lines: lines)
        let b = offset(range["end"] as? [String: Any], in: text, lines: lines)
        return SourceRange(min(a, b), max(a, b))
    }

    /// A byte range of the linted text (which has no BOM) as an LSP range over the client's text.
    func lspRange(_ r: SourceRange, text: [UInt8], lines: LineIndex) -> [String: Any] {
        let bom = bomLength(text)
        func position(_ offset: Int) -> [String: Any] {
            let p = lines.position(of: min(text.count, offset + bom), in: text, unit: unit)
            return ["line": p.line - 1, "character": p.column - 1]
        }
        return ["start": position(r.start), "end": position(r.end)]
    }

    func lspDiagnostic(_ d: Diagnostic, uri: String, text: [UInt8], lines: LineIndex? = nil) -> [String: Any] {
        let lines = lines ?? LineIndex(text)
        var out: [String: Any] = [
            "range": lspRange(d.range, text: text, lines: lines),
            "severity": d.severity == .error ? 1 : d.severity == .warning ? 2 : 3,
            "code": d.ruleID,
            "source": "copylint",
            "message": localizer.message(d),
        ]
        if let href = Self.documentation(rule: d.ruleID) { out["codeDescription"] = ["href": href] }
        if !d.related.isEmpty {
            out["relatedInformation"] = d.related.map { r in
                // A place in another page of an edition: its own file, read as its text has it (no BOM).
                if let other = r.file {
                    let otherURI = URL(fileURLWithPath: other.path).absoluteString
                    return ["location": ["uri": otherURI, "range": lspRange(r.range, text: other.bytes, lines: other.lines)],
                            "message": localizer.note(r.message)] as [String: Any]
                }
                return ["location": ["uri": uri, "range": lspRange(r.range, text: text, lines: lines)],
                        "message": localizer.note(r.message)] as [String: Any]
            }
        }
        return out
    }

    // MARK: - code actions

    func codeActions(uri: String, range: [String: Any]) -> [[String: Any]] {
        guard var doc = documents[uri] else { return [] }
        if doc.lintedEdit != doc.edits {
            // Asked before the debounced lint ran: lint now, so the actions match the text.
            switch linterFor(doc.path) {
            case .success(let linter):
                doc.diagnostics = linter.lint(SourceText(path: doc.path, bytes: doc.text))
                doc.lintedEdit = doc.edits
                documents[uri] = doc
            case .failure: return []
            }
        }
        let text = doc.text, lines = LineIndex(text), bom = bomLength(text)
        let asked = offsets(range, in: text, lines: lines)
        let wanted = SourceRange(max(0, asked.start - bom), max(0, asked.end - bom))
        var actions: [[String: Any]] = []
        for d in doc.diagnostics where d.range.start <= wanted.end && wanted.start <= d.range.end && d.ruleID != "configuration" {
            let diagnostic = lspDiagnostic(d, uri: uri, text: text, lines: lines)
            if let fix = d.fix {
                let edits = fix.edits.map { ["range": lspRange($0.range, text: text, lines: lines), "newText": $0.replacement] as [String: Any] }
                actions.append(["title": localizer.fixTitle(fix.title), "kind": "quickfix", "diagnostics": [diagnostic],
                                "isPreferred": fix.applicability == .safe, "edit": ["changes": [uri: edits]]])
            }
            // "Disable RULE for this line": a directive on its own line above the flagged one.
            let line = lines.lineIndex(of: min(text.count, d.range.start + bom))
            let lineStart = lines.lineStarts[line]
            let newline = lines.contentEnds[line] < text.count && text[lines.contentEnds[line]] == 0x0D ? "\r\n" : "\n"
            let markdown = [".md", ".markdown", ".html", ".htm"].contains { doc.path.lowercased().hasSuffix($0) }
            let directive = markdown ? "<!-- copylint-disable-next-line \(d.ruleID) -->" : "%% copylint-disable-next-line \(d.ruleID)"
            let at = lines.position(of: lineStart, in: text, unit: unit)
            let point: [String: Any] = ["line": at.line - 1, "character": 0]
            actions.append(["title": "Disable \(d.ruleID) for this line", "kind": "quickfix", "diagnostics": [diagnostic],
                            "edit": ["changes": [uri: [["range": ["start": point, "end": point], "newText": directive + newline]]]]])
        }
        return actions
    }
}
