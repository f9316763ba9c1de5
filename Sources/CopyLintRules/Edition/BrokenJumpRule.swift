import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// A jump line whose other end is missing: the story goes on to a page that is not in the edition or
/// that has no line taking it up, or a continuation says it comes from a page whose story has no jump.
public struct BrokenJumpRule: Rule, EditionRule {
    public static let description = RuleDescription(
        id: "broken-jump",
        summary: "A jump line leads to a page that does not take the story up",
        rationale: """
            A story that breaks off on one page with （下转第2版） or "Continued on Page A6" must go on where \
            it says, under a line that points back (（上接第1版）, "Continued from Page A1"); otherwise the \
            reader is left in the middle of a sentence. Laying out pages separately, a desk drops a \
            continuation, moves it to another page, or keeps a jump whose story was cut. The rule reads the \
            edition (`--edition DIR`, or `"edition"` in .lintrc): each page's number comes from its file's \
            name (A01.txt, 01版.txt, page-01.txt, rmrb-20200102-05-03.txt …) or a folio line, and every jump \
            line must meet its other end. A slug (See BUDGET, Page A6) must match too. Tables of contents \
            (要闻 2版) and page numbers in running text are not jump lines. Outside an edition nothing is \
            reported.
            """,
        defaultSeverity: .error,
        triggering: [
            Example("""
                === A01.txt ===
                # Council approves harbour budget

                The council approved the harbour budget on Monday after a long debate over dredging costs and

                ↓Continued on Page A6

                === A06.txt ===
                # Weather

                Rain through Thursday.
                """, note: "page A6 has no line continuing the story"),
            Example("""
                === 01版.txt ===
                # 城北热电厂完成扩容改造

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米，

                ↓（下转第二版）

                === 03版.txt ===
                ↓（上接第一版）

                改造同步更新了老旧小区的供热管网。
                """, note: "the continuation is on page 3, not page 2"),
        ],
        nonTriggering: [
            Example("""
                === A01.txt ===
                # Council approves harbour budget

                The council approved the harbour budget on Monday after a long debate over dredging costs and

                Continued on Page A6

                === A06.txt ===
                Continued from Page A1

                the future of the ferry terminal.
                """),
            Example("""
                === 01版.txt ===
                本期导读：要闻 2版 / 国际 3版

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米。

                === 02版.txt ===
                # 老旧小区供热管网更新

                正如本报昨日第3版所报道的那样，改造同步更新了老旧小区的供热管网。
                """, note: "a table of contents and a page mentioned in running text are no jumps"),
        ],
        scope: .edition
    )

    public init(options: RuleOptions) {}

    package func check(edition: Edition) -> [(page: Int, finding: Finding)] {
        let pages = edition.pages
        var out: [(page: Int, finding: Finding)] = []
        // Every jump line, and the pages by number.
        var byPage: [PageID: [Int]] = [:]
        for (p, page) in pages.enumerated() { if let id = page.page { byPage[id, default: []].append(p) } }
        typealias JumpRef = (page: Int, jump: EditionPage.Jump)
        var tos: [JumpRef] = [], froms: [JumpRef] = []
        for (p, page) in pages.enumerated() {
            for jump in page.jumps { if jump.direction == .to { tos.append((p, jump)) } else { froms.append((p, jump)) } }
        }
        func slugsAgree(_ a: String?, _ b: String?) -> Bool {
            guard let a, let b else { return true }
            return a.lowercased() == b.lowercased()
        }
        func name(_ p: Int) -> String { (pages[p].source.path as NSString).lastPathComponent }
        func firstLine(_ p: Int) -> SourceRange { pages[p].stories.first?.anchor ?? SourceRange(0, 0) }
        /// A finding at a jump line whose other end, `range` on page `p`, is its related location.
        func finding(_ at: SourceRange, _ message: String, other p: Int, _ range: SourceRange, _ label: String) -> Finding {
            Finding(range: at, message: message, related: [RelatedLocation(range: range, message: label, file: pages[p].source)])
        }

        // Jumps forward: a line on the target page must come back from this page.
        for to in tos {
            guard let here = pages[to.page].page, let target = to.jump.target else { continue }
            let back = froms.filter { $0.jump.target == here && slugsAgree($0.jump.slug, to.jump.slug) }
            if back.contains(where: { pages[$0.page].page == target }) { continue }
            let result: Finding
            // A continuation on another page that no jump of this page names is this jump's.
            let unclaimed = back.filter { from in
                !tos.contains { $0.page == to.page && $0.jump.target == pages[from.page].page && slugsAgree($0.jump.slug, from.jump.slug) }
            }
            if let elsewhere = unclaimed.first, let page = pages[elsewhere.page].page {
                result = finding(to.jump.range, "jump to page \(target), but the story is taken up on page \(page) (\(name(elsewhere.page)))",
                                  other: elsewhere.page, elsewhere.jump.range, "the continuation")
            } else if let targetPages = byPage[target], let first = targetPages.first {
                result = finding(to.jump.range, "jump to page \(target), but page \(target) (\(name(first))) has no line continuing the story from page \(here)",
                                  other: first, firstLine(first), "page \(target)")
            } else {
                result = Finding(range: to.jump.range, message: "jump to page \(target), but the edition has no page \(target)")
            }
            out.append((to.page, result))
        }
        // Jumps back: a line on the page named must lead here.
        for from in froms {
            guard let here = pages[from.page].page, let source = from.jump.target else { continue }
            let forward = tos.filter { $0.jump.target == here && slugsAgree($0.jump.slug, from.jump.slug) }
            if forward.contains(where: { pages[$0.page].page == source }) { continue }
            // A jump of that page whose own target does not take it up.
            let astray = tos.first { to in
                pages[to.page].page == source && slugsAgree(to.jump.slug, from.jump.slug)
                    && !froms.contains { pages[$0.page].page == to.jump.target && $0.jump.target == source && slugsAgree($0.jump.slug, to.jump.slug) }
            }
            let result: Finding
            if let astray, let target = astray.jump.target {
                result = finding(from.jump.range, "continued from page \(source), but the jump on page \(source) (\(name(astray.page))) leads to page \(target), not page \(here)",
                                  other: astray.page, astray.jump.range, "the jump")
            } else if let sourcePages = byPage[source], let first = sourcePages.first {
                result = finding(from.jump.range, "continued from page \(source), but no jump on page \(source) (\(name(first))) leads to page \(here)",
                                  other: first, firstLine(first), "page \(source)")
            } else {
                result = Finding(range: from.jump.range, message: "continued from page \(source), but the edition has no page \(source)")
            }
            out.append((from.page, result))
        }
        return out
    }
}
