import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// One self-contained HTML page for an editor to read: a summary of files and rules, then each file
/// with findings shown as its copy, every finding highlighted in place with a note under its line.
///
/// The page fetches nothing (inline style and script only), so it can be mailed or opened from a
/// CI artifact as it is. Its filters and the grouping by rule run in the page, without a server.
public struct HTMLReporter: Reporter {
    public static let name = "html"
    public static let summary = "one self-contained HTML page: the copy with findings highlighted, notes, filters"

    /// A file longer than this many lines shows only the lines around its findings.
    static let wholeFileLines = 2_000
    /// Lines of context kept either side of a finding in a long file.
    static let contextLines = 3

    public init() {}

    // MARK: - text of a note (where translations of messages will go)

    /// The message of a finding as the page prints it. Every note's message comes through here, so a
    /// translation of the messages can be plugged in at this one place.
    func messageText(_ d: Diagnostic, _ context: ReportContext) -> String { context.localizer.message(d) }

    /// The help line of a note: what the fix does when there is one, otherwise what the rule checks.
    func helpText(_ d: Diagnostic, _ context: ReportContext) -> String {
        let l = context.localizer
        if let fix = d.fix { return l.fixTitle(fix.title) }
        return l.help(rule: d.ruleID) ?? context.registry[d.ruleID].map { l.summary(rule: d.ruleID, $0.description.summary) } ?? ""
    }

    // MARK: - the page

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let files = context.everyFile(diagnostics)
        var plans: [FilePlan] = []
        plans.reserveCapacity(files.count)
        var planOf: [String: Int] = [:]
        for (k, f) in files.enumerated() {
            plans.append(FilePlan(index: k, path: f.path, diagnostics: f.diagnostics))
            planOf[f.path] = k
        }
        // The copy of every file with findings is printed: room for it, its markup, and a note per finding.
        let copyBytes = plans.reduce(0) { sum, plan in sum + (plan.source.map { Self.shownBytes($0, plan) } ?? 0) }
        var out = ""
        out.reserveCapacity(copyBytes * 2 + diagnostics.count * 700 + files.count * 200 + 16_384)

        let totals = Counts(diagnostics)
        let withFindings = plans.filter { !$0.diagnostics.isEmpty }.count
        let n = diagnostics.count
        let l = context.localizer
        func count(_ n: Int, _ one: String, _ many: String) -> String { l.ui(n == 1 ? one : many, ["n": "\(n)"]) }
        let findings = count(n, "1 finding", "{n} findings"), fileCount = count(files.count, "1 file", "{n} files")
        out += "<!DOCTYPE html>\n<html lang=\"\(l.locale.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<meta name=\"generator\" content=\"copylint \(ToolInfo.version)\">\n"
        out += "<title>copylint: " + HTML.escape(l.ui("{findings} in {files}", ["findings": findings, "files": fileCount])) + "</title>\n"
        out += "<style>\n\(Self.style)</style>\n</head>\n"
        out += "<body data-findings=\"\(n)\">\n<header class=\"top\">\n<h1>\(HTML.escape(l.ui("copylint report")))</h1>\n"
        out += "<p class=\"totals\">" + HTML.escape(l.ui("{findings} ({counts}) in {m} of {files}", [
            "findings": findings, "counts": Summary.severities(totals, l, zeros: true), "m": "\(withFindings)", "files": fileCount])) + " · copylint \(ToolInfo.version)</p>\n</header>\n"
        summary(plans, totals: totals, l, into: &out)
        out += "<main>\n"
        if n == 0 { out += "<p class=\"none\">\(HTML.escape(l.ui("No findings.")))</p>\n" }
        for plan in plans where plan.source != nil {
            section(plan, plans: plans, planOf: planOf, context: context, into: &out)
        }
        out += "</main>\n<section id=\"by-rule\" class=\"by-rule\" hidden></section>\n"
        out += "<script>\n\(Self.script)</script>\n</body>\n</html>\n"
        return out
    }

    /// The summary: a row per file, a row per rule (most findings first) with its filter, and the
    /// severity filters.
    func summary(_ plans: [FilePlan], totals: Counts, _ l: Localizer, into out: inout String) {
        func t(_ s: String) -> String { HTML.escape(l.ui(s)) }
        out += "<nav class=\"summary\" id=\"summary\">\n<h2>\(t("Files"))</h2>\n<table class=\"files\">\n"
        out += "<thead><tr><th>\(t("file"))</th><th>\(t("errors"))</th><th>\(t("warnings"))</th><th>\(t("infos"))</th></tr></thead>\n<tbody>\n"
        for plan in plans {
            let c = plan.counts
            let path = HTML.escape(plan.path)
            let name = plan.source == nil ? path : "<a href=\"#file-\(plan.index)\">\(path)</a>"
            out += "<tr\(plan.source == nil ? " class=\"clean\"" : "")><td>\(name)</td><td>\(c.errors)</td>"
                + "<td>\(c.warnings)</td><td>\(c.infos)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n"
        guard totals.total > 0 else {
            out += "</nav>\n"
            return
        }

        out += "<h2>\(t("Rules"))</h2>\n<div class=\"filters\">\(t("show:"))"
        for severity in Severity.allCases.reversed() {
            out += " <label data-severity=\"\(severity.rawValue)\"><input type=\"checkbox\" data-filter=\"severity\" "
                + "value=\"\(severity.rawValue)\" checked> \(t(severity.rawValue)) (\(totals[severity]))</label>"
        }
        out += " <label class=\"group\"><input type=\"checkbox\" id=\"group-by-rule\"> \(t("group by rule"))</label></div>\n"
        // A rule's severity is set by configuration, which may differ from folder to folder: every
        // severity a rule was reported at is listed, the highest first.
        var rules: [String: (count: Int, severities: Set<Severity>)] = [:]
        for plan in plans {
            for d in plan.diagnostics {
                rules[d.ruleID, default: (0, [])].count += 1
                rules[d.ruleID]!.severities.insert(d.severity)
            }
        }
        let ordered = rules.sorted { $0.value.count != $1.value.count ? $0.value.count > $1.value.count : $0.key < $1.key }
        out += "<table class=\"rules\">\n<thead><tr><th>\(t("rule"))</th><th>\(t("severity"))</th><th>\(t("findings"))</th></tr></thead>\n<tbody>\n"
        for (rule, info) in ordered {
            let id = HTML.escape(rule)
            let severities = info.severities.sorted(by: >).map(\.rawValue)
            out += "<tr data-rule=\"\(id)\"><td><label><input type=\"checkbox\" data-filter=\"rule\" value=\"\(id)\" checked> "
                + "<code>\(id)</code></label></td><td data-severity=\"\(severities[0])\">\(severities.joined(separator: ", "))</td>"
                + "<td>\(info.count)</td></tr>\n"
        }
        out += "</tbody>\n</table>\n</nav>\n"
    }

    /// The bytes of copy a file's section prints, to size the page before writing it.
    static func shownBytes(_ source: SourceText, _ plan: FilePlan) -> Int {
        guard plan.shown.count != 1 || plan.shown[0].count != plan.lineCount else { return source.bytes.count }
        return plan.shown.reduce(0) { sum, r in
            sum + source.lines.contentEnds[r.upperBound - 1] - source.lines.lineStarts[r.lowerBound]
        }
    }
}

/// Escaping of text for HTML content and quoted attribute values.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        appendEscaped(s, to: &out)
        return out
    }

    static func appendEscaped(_ s: String, to out: inout String) {
        if s.utf8.withContiguousStorageIfAvailable({ appendEscaped($0, from: 0, to: $0.count, into: &out) }) == nil {
            let bytes = Array(s.utf8)
            bytes.withUnsafeBufferPointer { appendEscaped($0, from: 0, to: $0.count, into: &out) }
        }
    }

    /// Appends UTF-8 bytes `from..<to` escaped: `& < > "` become references, control characters
    /// (which HTML does not allow, and which would otherwise vanish) their visible pictures (␀…␟),
    /// CR LF and a lone CR one line break. Runs of ordinary bytes are appended whole.
    static func appendEscaped(_ buf: UnsafeBufferPointer<UInt8>, from: Int, to: Int, into out: inout String) {
        var run = from
        var i = from
        func flush() {
            if run < i { out += String(decoding: UnsafeBufferPointer(rebasing: buf[run..<i]), as: UTF8.self) }
        }
        while i < to {
            let b = buf[i]
            let special = b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F
            guard special else { i += 1; continue }
            flush()
            switch b {
            case 0x26: out += "&amp;"
            case 0x3C: out += "&lt;"
            case 0x3E: out += "&gt;"
            case 0x22: out += "&quot;"
            case 0x0D: if !(i + 1 < to && buf[i + 1] == 0x0A) { out += "\n" }
            case 0x7F: out += "\u{2421}"
            default: out.unicodeScalars.append(Unicode.Scalar(0x2400 + UInt32(b))!)
            }
            i += 1
            run = i
        }
        flush()
    }
}
