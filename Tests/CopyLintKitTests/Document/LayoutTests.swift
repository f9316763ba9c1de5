import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// Copy as newsrooms lay it out: each layout is recognised, its paragraphs are whole, and the four
/// checks read the paragraphs, not the lines.
final class LayoutTests: TempFolderTestCase {
    func parse(_ text: String, layout: LayoutChoice = .auto) -> Document {
        CopyParser(layout: layout).parse(SourceText(path: "t.txt", string: text))
    }

    /// The findings of copylint's default rules on `text`.
    func lint(_ text: String) -> [Diagnostic] {
        Linter(registry: .builtin, settings: RuleSettings()).lint(SourceText(path: "t.txt", string: text))
    }

    /// The four checks' findings, as `line: message [rule]`.
    func fourChecks(_ text: String) -> [String] {
        lint(text).filter { ["duplicate-paragraph", "truncated-sentence", "mixed-script", "misplaced-headline"].contains($0.ruleID) }
            .map { "\($0.start().line): \($0.message) [\($0.ruleID)]" }
    }

    /// Wire copy at 62 columns, blank lines between paragraphs.
    static let wire = """
        Ferry operator adds winter sailings

        The island ferry operator said on Monday it would add two
        sailings a day through the winter, after a season in which
        queues at the east quay stretched back past the fish market
        on most weekends.

        The extra boats will run from the first week of December
        until the end of February, the company said, and fares will
        not change.

        """

    /// A line's characters and columns, eight ASCII bytes at a time where it can, are what counting
    /// each character gives: tabs four columns, CJK and full-width forms two, astral ideographs two.
    func testLineWidthCountsAsEachCharacterDoes() {
        let pieces = ["The council ", "met\ton Monday", "，", "社区", "𠮷", "ＡＢ", "“quoted”", " ", "\t", "abcdefgh", "é", "—", "12345678"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let text = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            // (Every wide character among the pieces is at or above U+3000; “ ” — é are narrow.)
            var chars = 0, cols = 0
            for c in text.unicodeScalars {
                chars += 1
                cols += c.value == 0x09 ? 4 : c.value >= 0x3000 ? 2 : 1
            }
            let bytes = Array(text.utf8)
            let got = bytes.withUnsafeBufferPointer { LayoutRecognizer.width($0, 0, $0.count) }
            XCTAssertEqual(got.chars, chars, text)
            XCTAssertEqual(got.cols, cols, text)
        }
    }

    func testHardWrappedEnglishWithBlankLines() {
        let d = parse(Self.wire)
        guard case .wrapped(let width, _, let indentStarts) = d.layout.flow else { return XCTFail("\(d.layout)") }
        XCTAssertTrue((58...62).contains(width), "\(width)")
        XCTAssertFalse(indentStarts)
        XCTAssertEqual(d.blocks.map(\.kind), [.headline, .paragraph, .paragraph])
        XCTAssertEqual(d.blocks.map(\.firstLine), [0, 2, 7])
        XCTAssertEqual(d.blocks.map(\.lastLine), [0, 5, 9])
        XCTAssertEqual(fourChecks(Self.wire), [], "a wrap is not a break")
        // Read a line a paragraph, the same copy is full of cut sentences.
        XCTAssertFalse(Linter(registry: .builtin, settings: RuleSettings()).lint(parse(Self.wire, layout: .lines))
            .filter { $0.ruleID == "truncated-sentence" }.isEmpty)
    }

    /// A wrapped match report over a team line, a few result lines and a fixtures list of short rows
    /// set close: the rows, shorter than half the width, say nothing of a wrapper, and the report is
    /// read as wrapped (CRLF, a BOM, astral text in a row).
    func testWrappedCopyOverAListOfShortRows() {
        let lines = [
            "Rovers climb to third with late winner",
            "",
            "By Ann Kell",
            "",
            "Harbour Rovers came from behind to beat Quayside Athletic on",
            "Saturday and climb to third place in the coastal league table,",
            "two points behind the leaders.",
            "",
            "Quayside went ahead after a quarter of an hour when a corner",
            "was only half cleared and their captain drove the loose ball",
            "in from the edge of the area.",
            "",
            "Rovers were level before half-time through a header from a",
            "free kick on the left, and the winner came ten minutes from",
            "the end from a long ball over the top.",
            "",
            "The Rovers manager said afterwards that his side had shown",
            "real patience in the second half and that the result kept",
            "their hopes of promotion alive.",
            "",
            "The two sides meet again in the county cup next month, when",
            "Quayside will have home advantage and their first-choice",
            "goalkeeper back from injury.",
            "",
            "ROVERS: Pascoe; Tremayne, Bolitho, Curnow, Jago; Penrose, Trevithick, Nance (Rowe 70); Hocking, Polglase, Angove (Tonkin 81).",
            "Goals: Polglase 44, Hocking 80.",
            "Referee: Peter Kitto",
            "Attendance: 912",
            "",
            "FIXTURES",
            "Saturday",
            "Coastal League",
            "Harbour Rovers v Porthleven (3pm)",
            "Quayside Athletic v St Erth (3pm)",
            "Mousehole v Newlyn (3pm)",
            "Sunday",
            "Women's League",
            "Harbour Rovers Women v 𠮷 Bay Ladies (2pm)",
            "Tuesday",
            "County Cup",
            "Quayside Athletic v Harbour Rovers (7.45pm)"
        ]
        let text = "\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n"
        let d = parse(text)
        guard case .wrapped(let width, _, _) = d.layout.flow else { return XCTFail("\(d.layout)") }
        XCTAssertTrue((58...64).contains(width), "\(width)")
        XCTAssertEqual(fourChecks(text), [], "a wrap is not a break")
    }

    /// In wrapped copy, a line all in capitals under a line in running case is a heading, not the
    /// rest of that line's sentence, however full the line above is (a BOM, CRLF).
    func testALineInCapitalsDoesNotRunOnFromRunningText() {
        let lines = ["Harbour wall repairs finish early",
                     "",
                     "Work on the harbour wall at 𠮷 Bay finished a week early, and the slipway reopened to",
                     "boats on Monday morning after two months of repairs to the stone and the railings.",
                     "",
                     "The council said the final bill came in under the budget set for the work last year,",
                     "thanks to a dry spell in March that let the contractors pour the concrete on time.",
                     "",
                     "- The wall is 180 metres long and was built in 1894 by the harbour commissioners",
                     "- Repairs used 40 tonnes of granite cut from the quarry at Penwithick last winter",
                     "THE WALL IN NUMBERS",
                     ""]
        let d = parse("\u{FEFF}" + lines.joined(separator: "\r\n"))
        guard case .wrapped = d.layout.flow else { return XCTFail("\(d.layout)") }
        XCTAssertEqual(d.blocks.last?.firstLine, 10, "\(d.blocks.map { ($0.firstLine, $0.lastLine) })")
    }

    func testHardWrappedEnglishWithIndentsAndNoBlankLines() {
        let text = """
            Council delays vote on parking charges
                The city council on Tuesday put off a vote on new parking
            charges for the harbour district until its January meeting,
            saying traders had not been consulted.
                Shop owners had asked for the delay, arguing that higher
            charges in the run-up to the holidays would drive customers
            to the retail park outside town.
                A council spokeswoman said the plans were not dropped.

            """
        let d = parse(text)
        guard case .wrapped(_, _, let indentStarts) = d.layout.flow else { return XCTFail("\(d.layout)") }
        XCTAssertTrue(indentStarts)
        XCTAssertEqual(d.blocks.filter { $0.kind == .paragraph }.map(\.firstLine), [1, 4, 7])
        XCTAssertEqual(fourChecks(text), [])
    }

    func testHyphenAtALineEndInsideAParagraphIsLayout() {
        let text = """
            Rail link wins approval

            Ministers approved the rail link on Friday after the regional gover-
            nment agreed to pay for a third of the cost of the new line and
            for the two stations at either end of the route across the valley.

            """
        XCTAssertEqual(parse(text).blocks.count, 2)
        XCTAssertEqual(fourChecks(text), [])
    }

    /// A column of 18 characters, paragraphs opening with 　　, no blank lines; lines that end on ，
    /// or 、 run on.
    static let column = """
        老城区改造进入新阶段
        　　记者从市住房和城乡建设局
        获悉，今年全市计划改造老旧小
        区一百二十个，涉及居民三万八
        千户，改造内容包括外墙保温、
        管网更新、加装电梯等。
        　　据介绍，改造资金由市区两
        级财政共同承担，居民可自愿出
        资参与电梯加装，相关补贴政策
        将于下月公布。

        """

    func testChineseColumnWithIndents() {
        let d = parse(Self.column)
        guard case .wrapped(let width, _, let indentStarts) = d.layout.flow else { return XCTFail("\(d.layout)") }
        XCTAssertTrue(indentStarts)
        XCTAssertTrue((13...16).contains(width), "\(width)")
        XCTAssertEqual(d.blocks.map(\.kind), [.headline, .paragraph, .paragraph])
        XCTAssertEqual(d.blocks.map(\.firstLine), [0, 1, 6])
        XCTAssertTrue(d.blocks[1].isIndented)
        XCTAssertEqual(fourChecks(Self.column), [], "a line ending on ， is a wrap, not a cut")
    }

    /// The paper's export: kicker, headline and subtitle lines (an empty one when absent), then a
    /// paragraph a line indented with 　　, CRLF line ends and no blank lines.
    func testPaperExportHeadingSlots() {
        let text = [
            "全市供暖季今日启动",
            "城北热电厂完成扩容改造",
            "",
            "　　城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米，供暖季今日正式启动。",
            "　　老旧管网同步更新",
            "　　改造同步更新了老旧小区的供热管网，热损耗比去年降低百分之十二，部分小区室温可提高两度。",
            "　　据了解，热电厂今年还将建设一座储热站，用于应对极端寒潮天气。",
        ].joined(separator: "\r\n") + "\r\n"
        let d = parse(text)
        XCTAssertTrue(d.layout.export, "\(d.layout)")
        XCTAssertEqual(d.layout.flow, .lines)
        XCTAssertEqual(d.blocks.map(\.kind), [.kicker, .headline, .paragraph, .subhead, .paragraph, .paragraph])
        XCTAssertEqual(fourChecks(text), [], "an indented subhead is a subhead, not a cut sentence")
    }

    func testParagraphALine() {
        let text = """
            港口吞吐量创新高
            今年前十个月，港口货物吞吐量同比增长百分之八，集装箱吞吐量增长百分之十一。
            新开通的三条远洋航线带来了大量中转货物。
            港口集团表示，明年将继续扩建东区码头，并启用自动化堆场。
            """
        let d = parse(text)
        XCTAssertEqual(d.layout.flow, .lines)
        XCTAssertEqual(d.blocks.map(\.kind), [.headline, .paragraph, .paragraph, .paragraph])
    }

    // MARK: - page furniture

    func testJumpLinesSeparatorsTakeMarksAndListings() {
        let text = """
            Storm closes coast road

            HARBOURTON, March 5 (Reuters) - The coast road was closed on Wednesday after waves washed stones across it.

            Continued on Page A6

            * * *

            Results

            Precincts reporting: 100 percent

            (MORE)

            -30-

            （下转第2版）

            """
        let d = parse(text)
        let kinds = Dictionary(d.blocks.map { (d.text($0), $0.kind) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(kinds["Continued on Page A6"], .jump)
        XCTAssertEqual(kinds["（下转第2版）"], .jump)
        XCTAssertEqual(kinds["* * *"], .separator)
        XCTAssertEqual(kinds["(MORE)"], .marker)
        XCTAssertEqual(kinds["-30-"], .marker)
        XCTAssertEqual(kinds["Precincts reporting: 100 percent"], .listing)
    }

    func testTableRowsAndSourceLinesAreNotRepeats() {
        let text = """
            Election night

            Mayor

            Precincts reporting: 100 percent

            Ann Holt 5,210

            Source: County elections office

            School board

            Precincts reporting: 100 percent

            Ben Ortiz 3,977

            Source: County elections office

            """
        XCTAssertEqual(lint(text).filter { $0.ruleID == "duplicate-paragraph" }.map(\.message), [])
    }

    func testBoilerplateAcrossStoriesIsNotARepeatButAParagraphIs() {
        let boilerplate = "The company did not immediately respond to a request for comment"
        let paragraph = "The harbour board said the new terminal would open in the spring and would handle twice as many passengers as the old one."
        let page = """
            Ferry company fined over delays

            HARBOURTON, March 5 - Regulators fined the island ferry company on Wednesday for a summer of late sailings.

            \(boilerplate).

            * * *

            Builder wins terminal contract

            HARBOURTON, March 5 - A local builder won the contract for the new ferry terminal on Wednesday.

            \(boilerplate).

            \(paragraph)

            \(paragraph)

            """
        let repeats = lint(page).filter { $0.ruleID == "duplicate-paragraph" }
        XCTAssertEqual(repeats.map { $0.start().line }, [17], "\(repeats.map(\.message))")
    }

    func testARepeatWrappedDifferentlyIsStillARepeat() {
        let text = """
            Library extends opening hours

            The city library will stay open until ten at night from next
            month, starting with five branches, the council said on Monday.

              The city library will stay open until ten at night from
            next month, starting with five branches, the council said on
            Monday.

            The pilot will run for six months before a decision is taken.

            """
        let repeats = lint(text).filter { $0.ruleID == "duplicate-paragraph" }
        XCTAssertEqual(repeats.map { $0.start().line }, [6])
        // The repeat is word for word: deleting it is safe, and takes its three lines with it.
        XCTAssertEqual(repeats.first?.fix?.applicability, .safe)
    }

    // MARK: - positions

    /// A finding inside a reflowed paragraph points at the line and column where the defect is, in
    /// every column unit, with a byte-order mark and CRLF line ends.
    func testFindingInsideAWrappedParagraphPointsAtItsLine() throws {
        // Line 5 holds a Cyrillic а (U+0430) in "hаrbour", after 𠮷 (astral: two UTF-16 units, four
        // bytes, two columns) and 、 (three bytes, two columns).
        let text = """
            Ferry operator adds winter sailings

            The island ferry operator said on Monday it would add two
            sailings a day through the winter, after a season in which
            queues 𠮷、at the east quay of the hаrbour stretched back past
            the fish market on most weekends, the company said.

            """
        try write("wire.txt", [0xEF, 0xBB, 0xBF] + Array(text.replacingOccurrences(of: "\n", with: "\r\n").utf8))
        // The finding covers the word; it starts at its h.
        let expected = ["char": 34, "utf16": 35, "byte": 39, "display": 36]
        for (unit, column) in expected {
            let r = copylint(["--format", "gcc", "--column-unit", unit, "wire.txt"])
            XCTAssertTrue(r.out.hasPrefix("wire.txt:5:\(column): error: "), "\(unit): \(r.out)")
            XCTAssertTrue(r.out.contains("[mixed-script]"), r.out)
        }
    }
}
