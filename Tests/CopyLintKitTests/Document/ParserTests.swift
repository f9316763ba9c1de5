import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument

final class ParserTests: XCTestCase {
    func parse(_ text: String) -> Document { CopyParser().parse(SourceText(path: "t.txt", string: text)) }

    func kinds(_ d: Document) -> [BlockKind] { d.blocks.map(\.kind) }

    func testMarkdownHeadingGroupBylineAndBody() {
        let d = parse("""
            ### 冬季供暖季前瞻
            # 城北热电厂完成扩容改造
            ## 新增供热面积三百万平方米

            □ 本报记者 林小川

            本报讯 记者张蓓 城北热电厂扩容改造工程昨日通过验收。

            ### 管网同步更新

            改造同步更新了老旧管网。
            """)
        XCTAssertEqual(d.layout.markup, .markdown)
        XCTAssertEqual(DocumentFacts(d, computing: .scripts).language, .chinese)
        XCTAssertEqual(kinds(d), [.kicker, .headline, .subtitle, .byline, .paragraph, .subhead, .paragraph])
        XCTAssertEqual(d.text(d.blocks[1]), "城北热电厂完成扩容改造")
        XCTAssertEqual(d.source.string(d.blocks[4].ledeRange!), "本报讯 记者张蓓")
        XCTAssertEqual(d.articles.count, 1)
    }

    /// Three lines or more in a row that open on a time of day are a schedule's rows; two are not
    /// (CRLF and a BOM, astral text).
    func testARunOfTimedLinesIsASchedule() {
        let rows = "\u{FEFF}𠮷 BAY FM\r\n6.00 Breakfast with Jo Penn\r\n10.00 Ruth Ambley\r\n1.00pm Afternoons with Dev Moss\r\n\r\nThe station's new schedule starts on Monday.\r\n"
        let d = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(rows.utf8)))
        XCTAssertEqual(d.blocks.filter { $0.kind == .listing }.map { d.text($0) },
                       ["6.00 Breakfast with Jo Penn", "10.00 Ruth Ambley", "1.00pm Afternoons with Dev Moss"])
        let two = "\u{FEFF}𠮷 BAY FM\r\n6.00 Breakfast with Jo Penn\r\n10.00 Ruth Ambley\r\n\r\nThe station's new schedule starts on Monday.\r\n"
        let e = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(two.utf8)))
        XCTAssertFalse(e.blocks.contains { $0.kind == .listing && e.text($0).hasPrefix("10.00") })
    }

    /// A Chinese agency's end mark （完） and its "more follows" （待续） are wire marks, not copy: the
    /// story ends on the paragraph above (CRLF and a BOM, astral text).
    func testChineseWireMarksAreMarks() {
        let text = "\u{FEFF}𠮷溪江水位回落\r\n　　新华社𠮷溪9月24日电　𠮷溪江干流水位已连续两天回落。\r\n（待续）\r\n　　防汛指挥部提醒沿江群众注意安全。\r\n（完）\r\n"
        let d = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(text.utf8)))
        XCTAssertEqual(d.blocks.filter { $0.kind == .marker }.map { d.text($0) }, ["（待续）", "（完）"])
        XCTAssertFalse(WireMarker.matches(Array("完成".unicodeScalars)))
        XCTAssertFalse(WireMarker.matches(Array("（未完）".unicodeScalars)))
    }

    func testPlainLayoutWithIdeographicIndent() {
        let d = parse("""
            港口吞吐量创新高
            ——前十个月同比增长百分之八

            　　今年前十个月，港口货物吞吐量同比增长百分之八。
            　　集装箱航线新增十二条。

            　　（执笔：周文）
            """)
        XCTAssertEqual(d.layout.markup, .plain)
        XCTAssertEqual(kinds(d), [.headline, .subtitle, .paragraph, .paragraph, .label])
        XCTAssertEqual(d.text(d.blocks[2]), "今年前十个月，港口货物吞吐量同比增长百分之八。")
        XCTAssertEqual(d.blocks[3].blankLinesBefore, 0)
        XCTAssertEqual(d.blocks[2].firstLine, 3)
    }

    func testBlockRangesAreExactWithCRLFAndBOM() {
        let text = "# 标题\r\n\r\n第一段𠮷。\r\n"
        let s = SourceText(path: "t", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let d = CopyParser().parse(s)
        XCTAssertEqual(d.blocks.count, 2)
        XCTAssertEqual(d.source.string(d.blocks[0].range), "# 标题")
        XCTAssertEqual(d.source.string(d.blocks[1].textRange), "第一段𠮷。")
        XCTAssertEqual(d.source.position(d.blocks[1].textRange.start), Position(line: 3, column: 1))
    }

    func testDatelinesBylinesCaptions() {
        let d = parse("""
            Storm closes ports

            By Jane Doe

            LONDON, Sept. 27 (Reuters) - Ports along the coast closed on Tuesday.

            Photo: waves break over the harbour wall.

            新华社南京3月5日电

            图为工人在检修管道。 本报记者 王芳 摄
            """)
        XCTAssertEqual(kinds(d), [.headline, .byline, .paragraph, .caption, .dateline, .caption])
        XCTAssertEqual(d.source.string(d.blocks[2].ledeRange!), "LONDON, Sept. 27 (Reuters) -")
    }

    /// A credit names a role and people (本报记者 李明远, 记者：王静); a line opening on 记者 as the
    /// subject of a sentence (记者从市气象台获悉…, what was learnt after a colon) is copy, not a credit.
    func testBylineIsARoleAndNamesNotALedeOpeningOnTheReporter() {
        for credit in ["本报记者 李明远", "记者：王静", "□ 本报通讯员 周文"] {
            XCTAssertTrue(Byline.matches(Array(credit.unicodeScalars)), credit)
        }
        for lede in ["记者从市气象台获悉", "记者日前在𠮷安采访时了解到：全市"] {
            XCTAssertFalse(Byline.matches(Array(lede.unicodeScalars)), lede)
        }
    }

    /// A picture page: a ▲ caption and its credit (with the picture agency after it) are captions, and
    /// the short line set apart above a caption is the picture's headline, opening an item of its own;
    /// a credit line between captions is no heading.
    func testPictureItemsHeadlineOverCaption() {
        let d = parse("""
            𠮷安晚报　城事·图片

            河边步道　夜色正浓
            ▲六月十九日晚，市民在滨河步道散步纳凉。
            （本报记者　郑岚　摄）

            旧书交换会　孩子当摊主
            ▲孩子们带来旧绘本。
            图②：市民在书摊前挑选。
            王正摄（人民视觉）
            图③：志愿者整理书架。
            """)
        XCTAssertEqual(kinds(d), [.headline, .headline, .caption, .caption, .headline, .caption, .caption, .caption, .caption])
        XCTAssertEqual(d.blocks[4].article, d.blocks[1].article + 1)
    }

    /// Section numbers open numbered headings, in Chinese and Western forms; a figure or a date at a
    /// line's start does not.
    func testSectionNumbers() {
        for yes in ["三、哪些小区可以申请？", "二十、附则", "（一）补贴标准", "(2) 申请条件", "3. Who can apply", "第四部分　附则", "①申请", "１．申请"] {
            XCTAssertTrue(TextTraits.opensWithSectionNumber(Array(yes.unicodeScalars)), yes)
        }
        for no in ["2024年7月1日起施行", "3.5万元补贴到位", "一个都不能少", "三个小区率先加装", "第一时间处置", "政策解读", "", "𠮷安一、二期"] {
            XCTAssertFalse(TextTraits.opensWithSectionNumber(Array(no.unicodeScalars)), no)
        }
    }

    /// A line set whole in 【】 is a label (a box's name) once in a story, and the story's subheads where
    /// it sets two or more between its paragraphs.
    func testBlackBracketLinesAreSubheadsWhenTheStorySetsSeveral() {
        let once = parse("""
            一条邮路　四十年

            　　第一段正文，写𠮷安的山路。
            【记者手记】
            　　第二段正文。
            """)
        XCTAssertEqual(kinds(once), [.headline, .paragraph, .label, .paragraph])
        let twice = parse("""
            一条邮路　四十年

            　　第一段正文，写𠮷安的山路。
            【山里人等的不只是信】
            　　第二段正文。
            【一部活地图】
            　　第三段正文。
            """)
        XCTAssertEqual(kinds(twice), [.headline, .paragraph, .subhead, .paragraph, .subhead, .paragraph])
        XCTAssertEqual(Set(twice.blocks.map(\.article)).count, 1)
    }

    /// A pull quote boxed between rules on a wrapped page: its two lines are one block (the page's wrap
    /// holds in a box too small to measure), and the rule under it stays a rule.
    func testPullQuoteBetweenRulesIsOneBlock() {
        let lines = [
            "HARBOUR NOTES",
            "",
            "  The ferry from the north quay will run",
            "twice an hour from May, the harbour",
            "board said, after a winter in which",
            "storms cancelled more than forty trips.",
            "  The board has bought a second boat,",
            "built on the Clyde in 1998, and will",
            "train four more crew over the spring",
            "before the timetable changes.",
            "",
            "    ______________________________",
            "    \"Half of them went to the 𠮷",
            "    school, and some will stay.\"",
            "    ______________________________",
            "",
            "  Plans drawn up by the trust keep the",
            "tower, the two entrances and the hall",
            "where generations of children sang",
            "each morning.",
        ]
        let d = parse(lines.joined(separator: "\r\n") + "\r\n")
        let quote = d.blocks.filter { d.source.string($0.textRange).hasPrefix("\"Half") }
        XCTAssertEqual(quote.map { $0.lastLine - $0.firstLine }, [1])
        XCTAssertEqual(d.blocks.filter { $0.kind == .separator }.count, 2)
    }

    /// A what's-on entry (short fields, one a clock time) is a listing's row, and a day's heading in
    /// capitals over such rows is a subhead, not a row; a sentence with a time in it is copy.
    func testEventListingEntriesAndTheirDayHeadings() {
        for yes in ["Quiz night, The Plough, Brandle, 8pm. £2 a head, teams of up to six.", "Toddler rhyme time, Ottersby Library, 10.30am. Free.",
                    "Bridge club, Village Hall, 1.30 p.m., £1.50", "Coffee morning, Methodist Church, 10am-noon."] {
            XCTAssertTrue(ListingRow.isEventEntry(Array(yes.unicodeScalars)), yes)
        }
        for no in ["The parade will set off from the school at 6pm on Saturday, November 2, and make its way to the quay.",
                   "The exhibition runs until January 5. Admission is free.", "Tickets are on sale, the club said, from 9am."] {
            XCTAssertFalse(ListingRow.isEventEntry(Array(no.unicodeScalars)), no)
        }
        let d = parse("""
            WHAT'S ON

            FRIDAY, OCTOBER 11
            Quiz night, The Plough, Brandle, 8pm. £2 a head.
            Toddler rhyme time, Ottersby Library, 10.30am. Free.
            SATURDAY, OCTOBER 12
            Car boot sale, Rugby Club, sellers from 7am. Free entry.
            """)
        XCTAssertEqual(kinds(d), [.headline, .subhead, .listing, .listing, .subhead, .listing])
    }

    /// A web page's export: the breadcrumb over the headline is a label, the standfirst between the
    /// headline and the byline is the headline's deck, and "Image caption," opens a caption.
    func testWebExportBreadcrumbDeckAndImageCaption() {
        let d = parse("""
            Home › News › Environment

            Farmers count the cost as the 𠮷 washes flood early

            Drainage board says its pumps ran for six days

            By Mary Oyelaran

            Image caption, The wash at Brandle on Sunday

            Farmers on the edge of the washes say they have lost crops worth thousands of pounds.
            """)
        XCTAssertEqual(kinds(d), [.label, .headline, .subtitle, .byline, .caption, .paragraph])
        XCTAssertEqual(Set(d.blocks.map(\.article)).count, 1)
        XCTAssertFalse(Breadcrumb.matches(Array("Prices rose > 5% in May".unicodeScalars)))
    }

    /// In a Chinese column wrapped at 25 characters: a line with a clause in it, most of the width long,
    /// is running text (the end of a paragraph whose sentence broke off), not a heading standing alone;
    /// a line well over the width (a list's line, set whole) does not run on into the next.
    func testWrappedColumnClauseLinesAndLinesOverTheWidth() {
        let wrap = LayoutRecognizer.Wrap(width: 25, columns: false)
        func raw(_ text: String) -> (UnsafeBufferPointer<UInt8>) -> Bool {
            { buf in LayoutRecognizer.clauseLine(buf, RawLine(kind: .text, line: 0, start: 0, end: buf.count, textStart: 0, textEnd: buf.count), wrap) }
        }
        for (text, expected) in [("作者并不急着给他们安排命运，而是耐心地写𠮷他们", true), ("一本旧词典里的乡音", false), ("作者并不急着给他们安排命运而是耐心地写他们", false)] {
            let bytes = Array(text.utf8)
            XCTAssertEqual(bytes.withUnsafeBufferPointer(raw(text)), expected, text)
        }
        var p = LayoutRecognizer.Pair(k: 0)
        p.nextCJK = true
        p.chars = 24
        XCTAssertTrue(LayoutRecognizer.runsOnShort(p, wrap))
        p.chars = 33   // ◎《一棵棵树走进城市》　钟远山　著　绿野出版社　定价：52.00元
        XCTAssertFalse(LayoutRecognizer.runsOnShort(p, wrap))
    }

    /// In an interview hard-wrapped at 16 characters with no blank lines, each turn (记者：…, 答：…)
    /// opens a paragraph, even under a line that fills the width (CRLF, astral text in the copy).
    func testWrappedInterviewTurnsOpenParagraphs() {
        let text = [
            "𠮷溪县今年在全县推行村级公交，记", "者就此采访了县交通运输局局长。",
            "记者：村级公交开通以后，村民进城", "方便了多少？乘车要花多少钱呢？",
            "答：过去村民进城要先走到镇上，现", "在村口就有站点，每天六班车往返，", "票价两元。",
            "记者：山区的村子路窄弯多，安全怎", "么保障？",
            "答：我们给每辆车装了定位和监控，", "驾驶员都经过专门培训，雨雪天气一", "律停运。",
        ].joined(separator: "\r\n") + "\r\n"
        let d = parse(text)
        XCTAssertEqual(d.blocks.map { $0.firstLine + 1 }, [1, 3, 5, 8, 10])
        XCTAssertEqual(Set(kinds(d)), [.paragraph])
        XCTAssertEqual(TextTraits.interviewTurn(Array("记者：你好".unicodeScalars)), .question)
        XCTAssertNil(TextTraits.interviewTurn(Array("记者张蓓报道".unicodeScalars)))
    }

    /// Three lines in a row that open on a date (二〇二四年一月十六日, 1月17日, 二O二四年… as OCR leaves
    /// it) with a few words after it are a schedule's rows (CRLF, astral text).
    func testDateRowsAreAScheduleAndDatesAreRead() {
        let d = parse("𠮷溪县政协全会日程\r\n\r\n二〇二四年一月十六日（星期二）上午　开幕会\r\n1月17日上午　大会发言\r\n二O二四年一月十八日上午　闭幕会\r\n")
        XCTAssertEqual(Array(kinds(d).dropFirst()), [.listing, .listing, .listing])
        XCTAssertEqual(TextTraits.chineseDatePrefix(Array("二〇二四年一月十六日上午".unicodeScalars)), 10)
        XCTAssertEqual(TextTraits.chineseDatePrefix(Array("12月3日".unicodeScalars)), 5)
        XCTAssertNil(TextTraits.chineseDatePrefix(Array("一月份以来".unicodeScalars)))
        XCTAssertNil(TextTraits.chineseDatePrefix(Array("2024年全市".unicodeScalars)))
    }

    /// A page of notices: each official document's title (关于…的通告) is a headline with its issuer
    /// over it as the kicker and its number under it as the subtitle; the issuer and the date that
    /// sign it off are labels (CRLF, astral text).
    func testOfficialDocumentTitlesHeadTheirNotices() {
        let d = parse(["𠮷溪县交通运输局", "关于县城公交线路调整的通告", "溪交通〔2025〕8号", "    为方便群众出行，自3月1日起，县城3路公交车延伸至城南新区。",
                       "    特此通告。", "𠮷溪县交通运输局", "2025年2月20日", ""].joined(separator: "\r\n"))
        XCTAssertEqual(kinds(d), [.kicker, .headline, .subtitle, .paragraph, .paragraph, .label, .label])
        XCTAssertTrue(TextTraits.isOfficialTitle(Array("𠮷溪县自然资源局关于城东地块规划调整的批前公示".unicodeScalars)))
        XCTAssertFalse(TextTraits.isOfficialTitle(Array("县政府印发《关于加强安全生产的通知》".unicodeScalars)))
        XCTAssertFalse(TextTraits.isOfficialTitle(Array("大家都在关心的通知".unicodeScalars)))
        XCTAssertTrue(TextTraits.isDocumentNumber(Array("溪交通〔2025〕8号".unicodeScalars)))
        XCTAssertFalse(TextTraits.isDocumentNumber(Array("3号".unicodeScalars)))
    }

    /// A page wrapped at 50: a story in paragraphs set apart by blank lines, then a list of roadworks
    /// with hanging indents, each entry's first line set flush and running on into lines indented by
    /// two spaces. An entry is one paragraph, and the flush line under an indented one opens the next
    /// (CRLF, astral text).
    func testHangingIndentsContinueEntries() {
        let lines = [
            "Night closures as bypass is resurfaced", "",
            "Drivers using the 𠮷 Bay bypass face a month of", "night closures from Monday while the road is", "resurfaced, the county council said.", "",
            "The bypass will be shut in both directions between", "8pm and 6am on weeknights, with signed diversions", "through the village.", "",
            "A parish councillor said residents had been", "promised the lorries would not be sent past the", "school, and the council agreed.", "",
            "ROADWORKS THIS WEEK", "",
            "Harbour Road: closed between the ferry terminal", "  and the lifeboat station from 8pm to 6am, Monday", "  to Friday, while the sea wall is repaired.",
            "Quay Street: temporary traffic lights outside the", "  fish market until Thursday for a new water main.", "  Expect delays at peak times.",
            "Mill Lane: footway closed outside numbers 4 to 10", "  until the end of the month while a new dropped", "  kerb is built.", "",
        ]
        let d = parse(lines.joined(separator: "\r\n"))
        let entries = d.blocks.filter { $0.firstLine >= 16 }
        XCTAssertEqual(entries.map { $0.firstLine + 1 }, [17, 20, 23])
        XCTAssertEqual(entries.map { $0.lastLine + 1 }, [19, 22, 25])
        XCTAssertEqual(Set(entries.map(\.kind)), [.paragraph])
    }

    /// A wire's time stamp closing a story (the agency's code, the day and time sent, the zone) is a
    /// mark, not a line of copy or a headline; a kick-off time is neither (CRLF, astral text).
    func testWireTimestampsAreMarks() {
        XCTAssertTrue(WireTimestamp.matches(Array("APS 181142 GMT MAR 25".unicodeScalars)))
        XCTAssertTrue(WireTimestamp.matches(Array("AP-WF-03-25-25 1142GMT".unicodeScalars)))
        XCTAssertFalse(WireTimestamp.matches(Array("1500 GMT".unicodeScalars)))
        XCTAssertFalse(WireTimestamp.matches(Array("KICK-OFF 1500 GMT".unicodeScalars)))
        let d = parse("Boil-water notice lifted in 𠮷 Bay\r\n\r\nThe notice was lifted on Tuesday after tests came back clear.\r\n\r\n(Editing by Ann Kell)\r\n\r\nAPS 181142 GMT MAR 25\r\n")
        XCTAssertEqual(kinds(d).last, .marker)
    }

    /// A row of a table has cells set apart by gaps; a Chinese headline's two phrases about one gap,
    /// figures and all, are no row.
    func testHeadlineHalvesAreNoTableRow() {
        XCTAssertFalse(ListingRow.matches(Array("市民篮球联赛开赛　126支球队同场竞技".unicodeScalars)))
        XCTAssertTrue(ListingRow.matches(Array("𠮷阳女排　3∶1　澄浦女排".unicodeScalars)))
        XCTAssertTrue(ListingRow.matches(Array("4层　　　　　　　15".unicodeScalars)))
    }

    func testArticlesSplitAtNewHeadlineAndAtLede() {
        let d = parse("""
            # 第一篇

            第一篇的正文。

            # 第二篇

            第二篇的正文。

            新华社上海3月1日电 第三篇没有标题。
            """)
        XCTAssertEqual(d.articles.count, 3)
        XCTAssertEqual(d.articles.map(\.blocks), [0..<2, 2..<4, 4..<5])
        XCTAssertEqual(d.blocks[3].article, 1)
    }

    /// A first line that opens on a dateline and goes on is a story's lede, however short a cut has
    /// left it, not a headline (CRLF and a BOM, astral text in the copy).
    func testALineOpeningOnADatelineIsNoHeadline() {
        let d = parse("\u{FEFF}本报𠮷安1月18日电  （记者林小川）𠮷安市人大常委会今天选举\r\n\r\n会议期间，代表们审议了政府工作报告。\r\n\r\n𠮷安市人大常委会选举产生新一届领导\r\n")
        XCTAssertEqual(kinds(d).first, .paragraph)
        XCTAssertNotNil(d.blocks[0].ledeRange)
    }

    /// A printed page's folio (its date and page number) and the section's name in capitals over the
    /// headline are furniture and a kicker, not the headline (CRLF and a BOM, astral text in the copy).
    func testAFolioAndASectionSlugOverTheHeadline() {
        let d = parse("\u{FEFF}THE 𠮷 COURIER  Friday, September 19, 2025  Page 5\r\n\r\nCOUNCIL\r\n\r\n"
            + "Council tax rise backed after stormy meeting\r\n\r\nOpposition walks out as leisure cuts are approved\r\n\r\n"
            + "By Ann Kell, Local Democracy Reporter\r\n\r\nThe council has approved a rise in its share of council tax.\r\n\r\n"
            + "The increase will add £11 a year to the average bill.\r\n")
        XCTAssertEqual(kinds(d), [.label, .kicker, .headline, .subtitle, .byline, .paragraph, .paragraph])
        let zh = parse("𠮷安晚报　2024年6月20日　星期四\nA6　城事　责任编辑：方圆\n\n滨河步道　夜色正浓\n\n　　6月19日晚，市民在𠮷安市滨河步道散步纳凉。\n")
        XCTAssertEqual(Array(kinds(zh).prefix(3)), [.label, .label, .headline])
    }

    /// An English caption closed by its credit after a stop ("… with the award. Picture: Mercury
    /// staff") is a caption, not a sentence left without its stop (CRLF and a BOM, astral text).
    func testAnEnglishCaptionClosedByItsCredit() {
        let d = parse("\u{FEFF}Bakery wins regional award\r\n\r\nA family bakery in 𠮷ston has been named the best in the region.\r\n\r\n"
            + "Tessa and José Ferreira with the award. Picture: Mercury staff\r\n")
        XCTAssertEqual(kinds(d).last, .caption)
        XCTAssertFalse(Caption.matches(Array("He said so. Picture this: a town with no bridge".unicodeScalars)))
    }

    /// A wire dateline may name the country and the date before the agency (HARNSEY, England, Sept 17
    /// (NNS) -); a line in capitals with a clause after its comma is none.
    func testADatelineWithACountryAndADate() {
        XCTAssertNotNil(LedeMarker.match(Array("HARNSEY, England, Sept 17 (NNS) -".unicodeScalars)))
        XCTAssertNotNil(LedeMarker.match(Array("PARIS, France, Jan. 5 (AFP) - Ministers met on Monday.".unicodeScalars)))
        XCTAssertNil(LedeMarker.match(Array("NOTICE, the library will close early on Friday (staff training)".unicodeScalars)))
    }

    /// A folio with a weekday and a date (SPORT | Monday, June 10, 2024), then an English headline with
    /// its deck set close under it and a byline under that: headline first, deck second, the byline no
    /// deck (CRLF and a BOM, astral text in the copy).
    func testAnEnglishHeadlineAndDeckSetClose() {
        let d = parse("\u{FEFF}SPORT  |  Monday, June 10, 2024\r\n\r\nLate header sinks Rovers\r\nMillbridge Town 2  Harrow Vale Rovers 1\r\n"
            + "By Owen Pryce\r\n\r\nA late header from Lars 𠮷 Sørensen gave Millbridge Town victory on Saturday.\r\n\r\n"
            + "Rovers had led through an early penalty.\r\n")
        XCTAssertEqual(kinds(d), [.label, .headline, .subtitle, .byline, .paragraph, .paragraph])
    }

    func testCommentsAreNotCopy() {
        let d = parse("<!-- copylint-disable duplicate-paragraph -->\n正文。\n%% copylint-enable\n")
        XCTAssertEqual(d.blocks.count, 1)
        XCTAssertEqual(d.comments.map(\.text), ["copylint-disable duplicate-paragraph", "copylint-enable"])
    }

    func testEnglishPlainHeadline() {
        let d = parse("Markets rally on rate hopes\n\nShares rose sharply on Monday.\n\nThe index closed 2% higher.\n")
        XCTAssertEqual(DocumentFacts(d, computing: .scripts).language, .english)
        XCTAssertEqual(kinds(d), [.headline, .paragraph, .paragraph])
    }

    /// Where an indent starts each paragraph, an unindented line under a line that does not end a
    /// sentence runs on from it, capital letter or not (copy wrapped narrower than the page); a flush
    /// line under a finished sentence, over an indented one, stands alone.
    func testIndentedParagraphsRunOnOverAShortLine() {
        let text = """
            Cod quota cut

              Fishermen working the northern banks will be allowed to land a
            quarter less cod this year after government scientists warned that
            the stock had fallen to its lowest level since records began.
              The ministry's decision follows advice from the Marine
            Research Institute, which found that young cod had been scarce for
            five of the past six years, the ministry said on Friday morning.
            New ferry terminal opens at Strathmorran
              Skippers said the cut would hit smaller family boats hardest, and
            many of them have little room to switch to other species now.
            """
        for variant in [text + "\n", text.replacingOccurrences(of: "\n", with: "\r\n")] {
            let d = parse(variant)
            XCTAssertEqual(d.blocks.map { $0.firstLine + 1 }, [1, 3, 6, 9, 10], variant)
            XCTAssertEqual(kinds(d)[2], .paragraph)
        }
    }

    /// A cut line of some width over a flush heading that stands alone keeps its own end: the heading
    /// is not run into it.
    func testAFlushHeadingUnderACutLineStandsAlone() {
        let text = "Council news\n\n  The council met on Tuesday to set the budget for next year, and\nagreed to raise the tax by two percent, the treasurer said\nNew ferry terminal opens\n  The terminal at Strathmorran opened on Monday after two years of\nwork on the quay, the harbour board said in a statement.\n"
        XCTAssertEqual(parse(text).blocks.map { $0.firstLine + 1 }, [1, 3, 5, 6])
    }

    /// A dash and a few capitalised words alone is a credit; lines that all open with a dash are a list.
    func testDashCreditAndDashList() {
        let credit = parse("Harbour plan\n\nThe council approved the plan on Monday.\n\n- Staff report\n")
        XCTAssertEqual(kinds(credit), [.headline, .paragraph, .label])
        let list = parse("Council decisions\n\nThe council decided:\n\n- Council tax rises by two percent\n- The new library opens in May\n")
        XCTAssertEqual(kinds(list).suffix(2), [.paragraph, .paragraph])
    }

    /// A table's row is a few words a cell; a sentence with one double space in it is copy, figures or not.
    func testListingRowsAgainstASentenceWithADoubleSpace() {
        let d = parse("Results\n\nMillbridge Town 2  Harrow Vale Rovers 1\n\nMicrosoft has given game makers  a glimpse of what the Xbox 2 can do.\n\nEastcombe won by 43 runs.\n")
        XCTAssertEqual(kinds(d), [.headline, .listing, .paragraph, .paragraph])
    }

    /// A line of five or six Chinese characters alone is a label (内容提要, 编者的话) unless the story
    /// sets two or more of them between its paragraphs: then they are its subheads.
    func testShortLinesSetAsSubheadsInOneStory() {
        let story = """
            老字号的新味道

            内容提要

            走进南门老街，百年酱园的门店里顾客不断。

            坚持传统工艺

            酱园至今坚持日晒夜露，一缸酱要晒足一百八十天。

            守住手艺根脉

            过去，酱园的产品主要靠门店销售。

            编者的话
            """
        XCTAssertEqual(kinds(parse(story + "\n")), [.headline, .label, .paragraph, .subhead, .paragraph, .subhead, .paragraph, .label])
        // One such line between paragraphs is a label still.
        let one = story.replacingOccurrences(of: "守住手艺根脉\n\n", with: "")
        XCTAssertEqual(kinds(parse(one + "\n")), [.headline, .label, .paragraph, .label, .paragraph, .paragraph, .label])
        // A story is bounded by the next headline: one line in each of two stories stays a label.
        let two = story.replacingOccurrences(of: "守住手艺根脉", with: "# 新春庙会开幕").replacingOccurrences(of: "老字号的新味道", with: "# 老字号的新味道")
        XCTAssertEqual(kinds(parse(two + "\n")).filter { $0 == .subhead }, [])
        // In plain copy too, where the next story opens on its lede.
        let plain = story.replacingOccurrences(of: "守住手艺根脉\n\n过去，", with: "守住手艺根脉\n\n本报讯　过去，")
        XCTAssertEqual(kinds(parse(plain + "\n")).filter { $0 == .subhead }, [])
        // A line of six characters with an astral one (𠮷, four bytes) is measured in characters.
        let astral = story.replacingOccurrences(of: "守住手艺根脉", with: "守住𠮷安根脉")
        XCTAssertEqual(kinds(parse(astral + "\n")).filter { $0 == .subhead }.count, 2)
    }

    /// Every block is judged on its own text; a short block repeated in its slice takes the first copy's
    /// judgement (its lede moved): the result is judging every block on its own, on the shipped examples,
    /// on copy with every kind of block, and on a file large enough to be judged in slices.
    func testJudgementsOfRepeatsAreThoseOfJudgingEveryBlock() throws {
        let texts = try ParserTests.variedCopy()
        for text in texts {
            let source = SourceText(path: "t", bytes: Array(text.utf8))
            let d = CopyParser().parse(source)
            // The blocks as the parser judges them: before heading roles, a Markdown heading is a headline.
            let blocks = d.blocks.map { block -> Block in
                var b = block
                b.kind = block.headingLevel > 0 ? .headline : .paragraph
                return b
            }
            let judged = BlockClassifier.judgeAll(d.bytes, blocks)
            let alone = d.bytes.withUnsafeBufferPointer { buf in blocks.map { BlockClassifier.judge(buf, $0) } }
            for k in blocks.indices where blocks[k].headingLevel == 0 {
                XCTAssertEqual(judged[k].kind, alone[k].kind, "block \(k)")
                XCTAssertEqual(judged[k].lede, alone[k].lede, "block \(k)")
                XCTAssertEqual([judged[k].headingLine, judged[k].crosshead, judged[k].sentenceLike],
                               [alone[k].headingLine, alone[k].crosshead, alone[k].sentenceLike], "block \(k)")
            }
        }
    }

    /// The shipped examples, copy with a block of every kind, and a file of both large enough to be
    /// parsed in slices on all cores.
    static func variedCopy() throws -> [String] {
        let examples = TestPaths.repoRoot.appendingPathComponent("examples")
        var texts = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted().filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
            .map { try String(contentsOf: examples.appendingPathComponent($0), encoding: .utf8) }
        texts.append(everyKind)
        var large = ""
        while large.utf8.count <= ParallelMap.parallelThreshold { large += texts.joined(separator: "\n\n") + "\n\n" }
        texts.append(large)
        return texts
    }

    /// Copy with a block of every kind: kicker, lede, subhead, caption, label, dateline, byline, headlines.
    static let everyKind = """
        要闻

        本报北京3月5日电　记者从市政府获悉，全市新建公园二十个。

        绿地面积扩大

        各区还推出了补贴，城市更绿。

        图为市民在公园散步。　本报记者　李明摄

        核心阅读

        Markets rally

        LONDON (Reuters) - Shares rose on Monday.

        By Anna Smith

        Rates on hold
        Banks wait

        The council approves a new plan for the busy harbour front

        The vote was close.

        He said, "we are optimistic," and left.
        """

    /// Blank lines are not kept as lines: blocks found from the lines kept (blank lines being the
    /// gaps in their numbers) are those found reading every line, blank ones included.
    func testBlocksFromTheLinesKeptAreThoseOfEveryLine() {
        let pieces = ["# 标题", "## Markets rally", "市政府昨日公布了新方案。", "The vote was close.", "", "", "   ", "\u{3000}\u{3000}",
                      "<!-- copylint-disable mixed-script -->", "%% note", "𠮷野家开店。", "#not a heading", "  indented text"]
        var rng = SystemRandomNumberGenerator()
        for round in 0..<300 {
            let count = Int.random(in: 0...40, using: &rng)
            var text = (0..<count).map { _ in pieces.randomElement(using: &rng)! }.joined(separator: round % 3 == 0 ? "\r\n" : "\n")
            if round % 4 == 0 { text = "\u{FEFF}" + text + "\n" }
            let source = SourceText(path: "t", bytes: Array(text.utf8))
            let document = CopyParser().parse(source)
            // Every line read, blank ones counted as the parser once did.
            let lines = source.lines
            let raws = source.bytes.withUnsafeBufferPointer { buf in
                (0..<lines.count).map { RawLine.classify(buf, line: $0, start: lines.lineStarts[$0], end: lines.contentEnds[$0]) }
            }
            let markdown = raws.contains { if case .heading = $0.kind { return true } else { return false } }
            // Which line runs on into the next, decided over every line (the blank ones between them).
            let joins = source.bytes.withUnsafeBufferPointer {
                LayoutRecognizer.recognize($0, raws, markdown: markdown, choice: .auto).joinsNext
            }
            var expected: [[Int]] = []
            var blank = 0, i = 0
            while i < raws.count {
                switch raws[i].kind {
                case .blank: blank += 1; i += 1
                case .comment: i += 1
                case .heading:
                    expected.append([raws[i].start, raws[i].end, raws[i].textStart, raws[i].textEnd, i, i, blank]); blank = 0; i += 1
                case .text:
                    var j = i
                    while !joins.isEmpty, joins[j] { j += 1 }
                    expected.append([raws[i].start, raws[j].end, raws[i].textStart, max(raws[i].textStart, raws[j].textEnd), i, j, blank])
                    blank = 0; i = j + 1
                }
            }
            let found = document.blocks.map { [$0.range.start, $0.range.end, $0.textRange.start, $0.textRange.end, $0.firstLine, $0.lastLine, $0.blankLinesBefore] }
            XCTAssertEqual(found, expected, text)
        }
    }

    /// A jump line may leave out 第 before a page with its section's letter: （下转A4版）, （上接A1版）.
    func testJumpLineWithoutDi() {
        func jump(_ s: String) -> JumpLine? { JumpLine.parse(Array(s.unicodeScalars)) }
        XCTAssertEqual(jump("（下转A4版）"), JumpLine(direction: .to, page: "A4", slug: nil))
        XCTAssertEqual(jump("（上接A1版）"), JumpLine(direction: .from, page: "A1", slug: nil))
        XCTAssertEqual(jump("（下转第2版）"), JumpLine(direction: .to, page: "2", slug: nil))
        XCTAssertNil(jump("（下转A4）"))
        XCTAssertNil(jump("（见A4版）"))
    }

    /// A content system's export names its fields: where a title and a body field are named, the
    /// title field is a headline, the kicker and subtitle fields a kicker and a subtitle, and a field
    /// left empty (副标题：（无）) a label. Without a body field, nothing changes (CRLF, astral text).
    func testContentSystemFieldsHeadTheirRecords() {
        let export = ["稿件编号：XW-0002", "引题：校园新貌", "标题：𠮷溪小学新建塑胶跑道投入使用", "副标题：（无）", "作者：记者　林小川",
                      "正文：", "𠮷溪小学新建的塑胶跑道昨天投入使用，全长300米，铺设了环保材料。", "学校还在操场一角新建了沙坑和单杠，方便学生课间锻炼。"]
        let d = parse(export.joined(separator: "\r\n") + "\r\n")
        let kind = { (line: Int) in d.blocks.first { $0.firstLine == line }?.kind }
        XCTAssertEqual(kind(1), .kicker)
        XCTAssertEqual(kind(2), .headline)
        XCTAssertEqual(kind(3), .label)
        XCTAssertEqual(kind(6), .paragraph)
        let english = parse("HEADLINE: Pool reopens after repairs\nSTANDFIRST: Swimmers back in the water from Monday\nBODY:\nThe pool at 𠮷 Bay reopens on Monday after six weeks of repairs to its roof.\n")
        XCTAssertEqual(english.blocks.prefix(2).map(\.kind), [.headline, .subtitle])
        let noBody = parse(export.filter { $0 != "正文：" }.joined(separator: "\n") + "\n")
        XCTAssertNotEqual(noBody.blocks.first { $0.firstLine == 2 }?.kind, .headline)
    }

    /// A line opening on a date, alone between blank lines over a story's lede, is that story's
    /// headline, not a schedule's row (CRLF, astral text).
    func testADatedLineOverALedeIsAHeadline() {
        let text = ["　　𠮷湖社区的助浴服务开展以来，已累计服务老人600多人次。", "", "5月1日起　3条公交线路临时调整", "",
                    "　　本报讯（记者　林小川）记者昨日从市公交集团获悉，为配合大桥维修施工，3条公交线路将临时调整。"]
        let d = parse(text.joined(separator: "\r\n") + "\r\n")
        XCTAssertEqual(d.blocks.first { $0.firstLine == 2 }?.kind, .headline)
    }
}
