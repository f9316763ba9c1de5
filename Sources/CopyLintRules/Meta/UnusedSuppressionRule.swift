import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Reports directives that switch nothing off and directives that name unknown rules.
/// The engine, which alone reads directives, hands it what the mask found once every rule has run.
public struct UnusedSuppressionRule: Rule, SuppressionAuditor {
    public static let description = RuleDescription(
        id: "unused-suppression",
        summary: "An inline copylint-disable directive switches nothing off",
        rationale: """
            A disable comment left behind after the copy it excused was fixed hides the next real problem in \
            its scope, and one that names a rule copylint does not know protects nothing. Both are reported so \
            suppressions stay few and deliberate. `--no-inline-config` ignores every directive, so a change \
            under review cannot switch the gate off.
            """,
        defaultSeverity: .warning,
        triggering: [
            Example("""
                <!-- ↓copylint-disable-next-line duplicate-paragraph -->
                市政府昨日公布了新的公交线路调整方案。
                """, note: "nothing to suppress on the next line"),
            Example("""
                %% ↓copylint-disable duplicate-paragraf
                正文。
                """, note: "an unknown rule id"),
        ],
        nonTriggering: [
            Example("""
                <!-- a comment that is not a directive -->
                市政府昨日公布了新的公交线路调整方案。
                """),
        ]
    )

    public init(options: RuleOptions) {}

    /// Its findings are all about directives: it has nothing to say in `check`.
    public func check(_ context: RuleContext) -> [Finding] { [] }

    public func audit(_ report: SuppressionReport, in context: RuleContext) -> [Finding] {
        let document = context.document
        var out: [Finding] = []
        for d in report.directives where !d.used {
            let what = d.rules.isEmpty ? "any rule" : d.rules.joined(separator: ", ")
            out.append(Finding(range: Self.directiveWord(d.range, in: document),
                               message: "suppression of \(what) is unused: nothing in its scope is reported",
                               fix: Fix(title: "remove the directive",
                                        edits: [TextEdit(range: Self.wholeLine(d.range, in: document), replacement: "")],
                                        applicability: .safe)))
        }
        for (range, id) in report.unknown {
            out.append(Finding(range: Self.directiveWord(range, in: document),
                               message: "unknown rule '\(id)' in a copylint directive" + didYouMean(id, Array(report.knownRules).sorted())))
        }
        return out
    }

    /// The `copylint-…` word of a directive line.
    static func directiveWord(_ range: SourceRange, in document: Document) -> SourceRange {
        let bytes = document.bytes
        let word = Array("copylint-".utf8)
        var i = range.start
        while i + word.count <= range.end {
            if Array(bytes[i..<(i + word.count)]) == word {
                var e = i
                while e < range.end, bytes[e] != 0x20, bytes[e] != 0x09 { e += 1 }
                return SourceRange(i, e)
            }
            i += 1
        }
        return range
    }

    /// The directive's line with its line break, for deletion.
    static func wholeLine(_ range: SourceRange, in document: Document) -> SourceRange {
        let lines = document.source.lines
        let line = lines.lineIndex(of: range.start)
        let end = line + 1 < lines.count ? lines.lineStarts[line + 1] : lines.contentEnds[line]
        return SourceRange(lines.lineStarts[line], end)
    }
}
