import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class TruncatedSentenceRuleTests: XCTestCase {
    /// The switch for sentence-final marks says what its documented set of marks says.
    func testSentenceFinalSwitchMatchesItsSet() {
        for v in UInt32(0)...0xFFFF {
            XCTAssertEqual(TruncatedSentenceRule.Ending.isFinal(v), TruncatedSentenceRule.Ending.final.contains(v), "U+\(String(v, radix: 16))")
        }
    }

    func lint(_ text: String) -> [Diagnostic] {
        let rule = TruncatedSentenceRule(options: RuleOptions(specs: TruncatedSentenceRule.description.options))
        return Linter(rules: [ActiveRule(id: "truncated-sentence", severity: .error, checker: rule)]).lint(SourceText(path: "t.md", bytes: Array(text.utf8)))
    }

    /// A paragraph whose first characters the tagging model finds ten times likelier mid-clause
    /// (决问题, of 解决问题) starts inside a word: reported with those characters (CRLF and a BOM,
    /// astral text in the copy). A foreign name the copy opens a word with elsewhere, after a title it
    /// makes no word with (团长姆南加图), is no orphan; characters the copy shows only inside the word
    /// that was cut (特色社会主义 for 色社会主) are no such evidence.
    func testAParagraphOpeningMidClauseIsAnOrphan() {
        let text = "\u{FEFF}# 𠮷溪社区试行垃圾分类积分\r\n\r\n　　𠮷溪社区上个月开始试行垃圾分类积分制度，居民参与的热情很高。\r\n\r\n"
            + "　　决问题的关键在于让每一户都看到实实在在的好处，社区为此专门设立了兑换点。\r\n\r\n　　工作人员说，下一步还将把经验推广到周边小区。\r\n"
        let found = lint(text)
        XCTAssertEqual(found.map(\.message), ["paragraph starts mid-sentence (its first words ('决问题') open no clause); its beginning is missing"])
        func elsewhere(_ word: String, _ copy: String) -> Bool {
            let bytes = Array(copy.utf8), pattern = Array(word.utf8)
            let at = copy.range(of: word, options: .backwards).map { copy.utf8.distance(from: copy.startIndex, to: $0.lowerBound) } ?? -1
            return TruncatedSentenceRule.opensWordElsewhere(pattern, bytes, except: at)
        }
        XCTAssertTrue(elsewhere("姆南加", "团长姆南加图致辞。\n姆南加图表示"))
        XCTAssertTrue(elsewhere("姆南加", "𠮷·姆南加图致辞。\n姆南加图表示"))
        XCTAssertFalse(elsewhere("色社会", "中国特色社会主义。\n色社会主义制度"))
        XCTAssertFalse(elsewhere("色社会", "色社会主义制度"))
    }

    /// A paragraph of running text that stops on a character which opens words far more often than
    /// it stands alone, with no word closing on it (平 of 平台), lost the rest of the word and of its
    /// sentence (CRLF and a BOM, astral text).
    func testACharacterThatOpensWordsEndsInsideOne() {
        let text = "\u{FEFF}# 𠮷溪新区建设提速\r\n\r\n今年以来，𠮷溪新区新开工项目四十二个，完成投资一百八十亿元。\r\n\r\n"
            + "新区将继续优化营商环境，吸引更多企业落户。区里还将加强政策宣传，依托各类网络和社会媒体平\r\n\r\n"
            + "据介绍，新区明年还将建成两所学校和一座医院。\r\n"
        XCTAssertEqual(lint(text).map(\.message), ["paragraph breaks off mid-sentence; the rest is missing (it ends inside a word)"])
        XCTAssertFalse(TruncatedSentenceRule.opensRatherThanStands(0x7684))   // 的 stands alone
        XCTAssertTrue(TruncatedSentenceRule.opensRatherThanStands(0x5E73))    // 平 opens 平台, 平安
    }

    /// Hard-wrapped Chinese is read across its line breaks: a last line of two characters after a
    /// list's 、 at the end of the line above is a list's item cut short, the same evidence as on one
    /// line (CRLF and a BOM, astral text in the copy).
    func testWrappedChineseIsReadAcrossItsLineBreaks() {
        let lines = ["\u{FEFF}　　𠮷溪县今年新修了十二条通村公", "路，全县所有行政村都通了客车。", "　　县交通运输局计划明年再改造危",
                     "桥九座，让群众出门有路走、有车坐、", "放心", "　　（记者　林小川）"]
        XCTAssertEqual(lint(lines.joined(separator: "\r\n") + "\r\n").map(\.message),
                       ["paragraph breaks off mid-sentence; the rest is missing (its last clause is cut short)"])
        let t = ScalarText(Array("有车坐、\r\n　放心".utf8), SourceRange(0, Array("有车坐、\r\n　放心".utf8).count)).joiningWrappedLines()
        XCTAssertEqual(t.string(0, t.count), "有车坐、放心")
        XCTAssertEqual(t.range(t.count - 1, t.count), SourceRange(20, 23))   // 心, after 有车坐、 (12 bytes), CRLF and 　
    }

    /// Copy set without stops counts toward a house style only where it is copy: not a mail's subject
    /// line, a deck in headlinese or an item of a list (CRLF, astral text).
    func testHeadlineseAndListItemsMakeNoHouseStyle() {
        let lines = ["From: Press Office <press@baycouncil.example>", "Subject: PRESS RELEASE: Flood resilience grants reopen for homes in 𠮷 Bay", "",
                     "Grants reopen for flooded homes", "", "Maximum award doubled as riverside streets prepare for another wet winter", "",
                     "- Householders whose homes flooded last winter can apply from today for grants", "",
                     "The scheme reopens after the brook burst its banks in January and water entered sixty homes.", "",
                     "Officers will visit each property to agree which measures are needed, and the approved contractor", "",
                     "Councillor Ann Kell said nobody should have to face another winter like the last one.", ""]
        let document = CopyParser().parse(SourceText(path: "t.txt", string: lines.joined(separator: "\r\n")))
        let scan = TruncationScan(RuleContext(document: document))
        XCTAssertEqual(scan.unfinished.map { document.blocks[$0].firstLine + 1 }, [12])
    }

    /// A narrow column wrapped at 40 with a poem at its foot: the stanza's lines run on over a comma or
    /// a semicolon, so a block that opens in lower case after one is no orphan; an orphan after a
    /// complete paragraph still is (CRLF and a BOM, astral text in the copy).
    func testPoemLinesAfterASemicolonAreNoOrphans() {
        let column = [
            "TOWN TALK",
            "",
            "  The old board school on Quay Street",
            "will reopen next spring as eleven",
            "flats for older residents of the",
            "marsh, the land trust said on Tuesday.",
            "  The Victorian building, with its bell",
            "tower and tiled hall, has stood empty",
            "since the last pupils left for the new",
            "academy in 2009.",
            "  Plans drawn up by the trust keep the",
            "tower, the two entrances and the hall",
            "where generations of 𠮷 children sang",
            "each morning.",
            "  and the trust says it has already had",
            "more than seventy inquiries this month.",
            "  The flats will be let at affordable",
            "rents to people over sixty with a",
            "local connection, and work should take",
            "about eighteen months.",
            "",
            "Low Tide",
            "",
            "The mud remembers every boot,",
            "the gulls remember bread;",
            "the marsh keeps all that it is given",
            "and gives it back instead.",
            "",
            "The mud remembers every boot,",
            "the heron keeps its post;",
            "and we who walk the sea wall home",
            "remember those we lost.",
        ]
        let text = "\u{FEFF}" + column.joined(separator: "\r\n") + "\r\n"
        let orphans = lint(text).filter { $0.message.contains("starts mid-sentence") }
        XCTAssertEqual(orphans.map { $0.source.position($0.range.start).line }, [15], orphans.map(\.message).joined(separator: "; "))
    }

    /// Headlinese carries figures: a comma or a point inside one (£3,400, 2.5m) is no clause's; a comma
    /// between words still makes running prose.
    func testHeadlineseTakesFiguresWithCommas() {
        for yes in ["Lifeboat open day raises £3,400", "Council wins 2.5m grant for sea wall", "Ferry fares rise by 3.5 per cent"] {
            XCTAssertTrue(TruncatedSentenceRule.isHeadlinese(Array(yes.unicodeScalars)), yes)
        }
        for no in ["Prices rose, and sales fell sharply", "Lifeboat open day raises funds. More soon", "After the storm the harbour reopened"] {
            XCTAssertFalse(TruncatedSentenceRule.isHeadlinese(Array(no.unicodeScalars)), no)
        }
    }

    /// A story's first paragraph that is a long sentence of running prose breaking off on a word in
    /// lower case lost its end; a deck set without a stop over the copy (shorter, or in headlinese,
    /// or over a byline, or ending on a name) did not (CRLF and a BOM, astral text in the copy).
    func testAnEnglishLeadCutShortIsFoundAndADeckIsNot() {
        let body = "\r\nThe trust said 𠮷 Fen pumping station would be rebuilt with a grant of £2.4m.\r\n\r\nWork starts in April.\r\n"
        let cut = "\u{FEFF}Pumping station to be rebuilt\r\n\r\nThe marsh trust has won a grant to rebuild the pumping station that failed during the winter\r\n" + body
        let found = lint(cut)
        XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [3], found.map(\.message).joined(separator: "; "))
        // (A lead of one line split inside a name: the rest of the name opens the next paragraph.)
        let name = "\u{FEFF}Pumping station to be rebuilt\r\n\r\nThe marsh trust has won a grant to rebuild the pumping station, the chair of its board, Councillor Ann\r\n\r\nKell, told a meeting on Monday." + body
        XCTAssertEqual(lint(name).map { $0.source.position($0.range.start).line }, [3])
        // (A shorter one with a finite "is" or "has", which headlinese leaves out.)
        for short in ["A man is facing charges over the fire at the pumping\r\n", "The marsh trust has won a grant to rebuild its station\r\n"] {
            let text = "\u{FEFF}Pumping station to be rebuilt\r\n\r\n" + short + body
            XCTAssertEqual(lint(text).map { $0.source.position($0.range.start).line }, [3], short)
        }
        for deck in ["The marsh trust has won a grant to rebuild the pumping station that failed in the floods, says Ann Kell\r\n",
                     "Trust wins grant to rebuild flood-hit pumping station on the marsh\r\n",
                     "The trust will rebuild the pumping station that failed in the floods\r\n",
                     "Man charged over fire at the marsh pumping station\r\n",
                     "The marsh trust has won a grant to rebuild the pumping station that failed during the winter\r\n\r\nBy Ann Kell\r\n"] {
            let text = "\u{FEFF}Pumping station to be rebuilt\r\n\r\n" + deck + body
            XCTAssertEqual(lint(text).map(\.message), [], deck)
        }
    }

    /// A paragraph opening on a scrap (流过。) under a line read as a subhead that holds a clause and
    /// stops short is that line's end: one sentence split at the break, reported there (CRLF and a
    /// BOM, astral text in the copy).
    func testAScrapUnderAClauseReadAsASubheadIsASplit() {
        let text = "\u{FEFF}义乌桥头遗址\r\n\r\n桥头遗址位于𠮷安市城西街道，桐溪在其东侧由北向南\r\n\r\n"
            + "流过。自去年以来，遗址考古发掘面积达两千多平方米，出土陶器数百件。\r\n\r\n发掘表明，桥头遗址是一处相对独立的聚落。\r\n"
        let found = lint(text)
        XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [3], found.map(\.message).joined(separator: "; "))
        XCTAssertTrue(found.allSatisfy { $0.message.hasPrefix("sentence breaks off here and continues at line 5") })
    }

    /// A line ending on a character that more often ends a longer word than stands alone (令 of 主席令,
    /// a word the lexicon lacks) does not dangle; one ending on 的 alone still does (CRLF and a BOM,
    /// astral text in the copy).
    func testAWordFinalCharacterAtALinesEndDoesNotDangle() {
        let title = "\u{FEFF}𠮷安市森林条例\r\n\r\n　　𠮷安市人民政府令\r\n　　第十二号\r\n　　《𠮷安市森林条例》已经市人民政府常务会议通过，现予公布。\r\n"
        XCTAssertEqual(lint(title).map(\.message), [])
        let cut = "\u{FEFF}𠮷安市森林条例\r\n\r\n　　条例规定，全市林地实行分级保护，各区县要落实护林员的\r\n　　第十二号\r\n　　《𠮷安市森林条例》已经市人民政府常务会议通过，现予公布。\r\n"
        XCTAssertEqual(lint(cut).map { $0.source.position($0.range.start).line }, [3])
        // (A preposition dangles however often it ends words: 于 of 会议于.)
        let preposition = "\u{FEFF}𠮷安市森林条例\r\n\r\n　　条例草案已提交审议，本次会议于\r\n　　第十二号\r\n　　《𠮷安市森林条例》已经市人民政府常务会议通过，现予公布。\r\n"
        XCTAssertEqual(lint(preposition).map { $0.source.position($0.range.start).line }, [3])
    }

    /// A quotation set as a subhead, “对…来说，…”, is no reported speech left without its end: 来说 is
    /// one word there, not a speaker's 说; a speaker's 说， still is (CRLF and a BOM, astral text).
    func testLaiShuoIsNoVerbOfSaying() {
        let lead = "\u{FEFF}𠮷安消费观察\r\n\r\n　　春节前后，𠮷安各大商场客流明显回升，餐饮和文旅消费增长较快。\r\n"
        let tail = "　　市商务局介绍，今年春节黄金周全市消费总额同比增长一成。\r\n"
        let quote = lead + "　　“对面向消费者的公司来说，这里将是最重要的市场”\r\n" + tail
        XCTAssertEqual(lint(quote).map(\.message), [])
        for speaker in ["市商务局负责人王平说", "他在接受记者采访时说", "张明说", "商户们纷纷表示"] {
            let speech = lead + "　　" + speaker + "，这里将是最重要的市场\r\n" + tail
            XCTAssertEqual(lint(speech).map { $0.source.position($0.range.start).line }, [4], speaker)
        }
    }

    /// In copy whose paragraphs leave out their stops, a list's last item as short as the one before
    /// it (学习、工作、生活) ends the list; one shorter (周密部署、积极) was cut (CRLF and a BOM, astral
    /// text in the copy).
    func testAShortLastItemOfAListIsNoCutClause() {
        let style = "\u{FEFF}我眼中的𠮷安\r\n\r\n　　我在𠮷安工作了十年。这座城市变化很大，街道越来越整洁\r\n"
            + "　　我结识了许多朋友。他们热情好客，经常邀请我到家里做客\r\n"
            + "　　我的孩子在这里上学。他很喜欢这里的老师和同学，学会了说中文\r\n"
        XCTAssertEqual(lint(style + "　　我很高兴。越来越多的外国人来这里学习、工作、生活\r\n").map(\.message), [])
        XCTAssertEqual(lint(style + "　　我很高兴。各地各部门为此作出周密部署、积极\r\n").map { $0.source.position($0.range.start).line }, [6])
    }

    /// A summary bullet set close to its text (■各级…) is an item, not a story stopping mid-clause
    /// (CRLF and a BOM, astral text in the copy).
    func testAClosedUpBulletIsAnItem() {
        let bullet = "■各级各部门要把安全放在首位，牢记人民利益高于一切，不忘初心、牢记使命，统筹做好运力调配和服务保障，"
            + "全面落实安全生产责任制，团结带领广大人民群众坚决贯彻落实各项决策部署，让旅客安全顺利回家过年"
        let text = "\u{FEFF}𠮷安市委作出部署要求各级党组织和广大党员干部\r\n团结带领群众坚决落实春运安全责任 全力保障旅客平安回家过年\r\n\r\n　　"
            + bullet + "\r\n　\r\n　　新华社𠮷安1月10日电\u{A0}𠮷安市今天召开春运工作会议，部署今年春运各项工作。\r\n　　会议要求，各部门加强协作，确保春运平稳有序。\r\n"
        XCTAssertEqual(lint(text).map(\.message), [])
    }

    /// A story's headline set as a paragraph between two stories, its words taken up by the paragraph
    /// under it and none in the one above, is no sentence without its stop; a line the copy under it
    /// does not take up still is (CRLF and a BOM, astral text in the copy).
    func testAStorysHeadlineSetAsAParagraphIsNoCutSentence() {
        let above = "\u{FEFF}School crossing patrol to return\r\n\r\nBy Ruth Aldenby\r\n\r\n"
            + "A school crossing patrol will return to 𠮷ston Road after the half-term, following a petition.\r\n\r\n"
            + "The patrol was withdrawn in July, when the warden retired, and parents say the road is dangerous.\r\n\r\n"
        let under = "\r\n\r\nA family bakery in Harnsey has been named the best independent baker in the region at the county food awards.\r\n\r\n"
            + "The judges praised the bakery's sourdough and its cheese scones, which are still made to the founder's recipe.\r\n"
        XCTAssertEqual(lint(above + "Harnsey bakery rises to the top in regional awards" + under).map(\.message), [])
        XCTAssertEqual(lint(above + "Parents who signed the petition were told on Monday that the patrol" + under).map { $0.source.position($0.range.start).line }, [9])
    }

    /// A couplet set a line a paragraph (一网连三地，/ 服务触手及。: lines of equal length, a comma then a
    /// stop) is verse, not a paragraph cut at its comma; a line cut at a comma over a line of another
    /// length still is (CRLF and a BOM, astral text in the copy).
    func testACoupletSetALineAParagraphIsVerse() {
        let lead = "\u{FEFF}# 便民服务再提速\r\n\r\n本报讯 𠮷安市政务服务中心昨日起实行跨区通办，市民在任一区县均可办理一百余项业务。\r\n\r\n"
        let verse = lead + "这正是：\r\n\r\n一网连三地，\r\n\r\n服务触手及。\r\n\r\n协同谋发展，\r\n\r\n未来更可期。\r\n"
        XCTAssertEqual(lint(verse).map(\.message), [])
        let cut = lead + "据介绍，中心还将推出夜间服务，\r\n\r\n服务窗口延长到晚上八点。\r\n"
        XCTAssertEqual(lint(cut).map { $0.source.position($0.range.start).line }, [5])
    }

    /// A credit line right under the copy closes it (新华社记者 余刚摄 under a picture's caption), even
    /// with a headline after it; a byline between two headlines heads a story that was cut (CRLF and a
    /// BOM, astral text in the copy).
    func testACreditUnderTheCopyIsNoStrandedByline() {
        let credit = "\u{FEFF}# 渔船靠岸\r\n\r\n　　近日，在𠮷安湖岸边，渔民们把渔船拖上岸，开始了新生活。\r\n\r\n　　新华社记者  余  刚摄\r\n\r\n# 从打鱼到护渔\r\n\r\n　　禁捕以后，不少渔民当上了护渔员。\r\n"
        XCTAssertEqual(lint(credit).map(\.message), [])
        let stranded = "\u{FEFF}# 渔船靠岸\r\n\r\n　　新华社记者  余  刚摄\r\n\r\n# 从打鱼到护渔\r\n\r\n　　禁捕以后，不少渔民当上了护渔员。\r\n"
        XCTAssertEqual(lint(stranded).map { $0.source.position($0.range.start).line }, [3])
    }

    /// A lead split at a page break is found at its break, not as an orphan below it: one that stops on
    /// a figure with a per cent sign, and one short enough to read as a subhead but in the perfect tense
    /// of running copy ("has sold"; a headline says "sells"), each over a line in lower case (CRLF and a
    /// BOM, astral text in the copy).
    func testASplitLeadIsFoundAtItsBreak() {
        let tail = "\r\n\r\nThe group said the 𠮷 Fen plant would close in the spring.\r\n"
        for (lead, column) in [("The paper is cutting 90 jobs - 17%", 34), ("Luxury goods group Brandt has sold", 31)] {
            let text = "\u{FEFF}Cuts at the Chronicle\r\n\r\n" + lead + "\r\n\r\nof its editorial staff, it said on Monday." + tail
            let found = lint(text)
            XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [3], found.map(\.message).joined(separator: "; "))
            XCTAssertEqual(found.first.map { $0.source.position($0.range.start).column }, column, lead)
        }
    }

    /// Where every paragraph of a story opens with an indent, an open paragraph followed by one set
    /// flush is a sentence split at a break, reported at the break with the join as its fix (CRLF and
    /// a BOM, astral text in the copy).
    func testAFlushLineUnderAnOpenIndentedParagraphContinuesIt() {
        let text = "\u{FEFF}# 雪场迎客\r\n\r\n　　本报𠮷安1月12日电　今冬全市各滑雪场陆续开放，接待游客人数比去年同期增长三成。\r\n\r\n"
            + "　　记者从市文化和旅游局获悉，去年全市共接待冰雪游客三百二十万人次，比上年增长百分之十五，冰雪旅游\r\n\r\n收入超过十亿元，带动周边民宿入住率明显提升。\r\n\r\n"
            + "　　市文化和旅游局表示，将继续推出冰雪旅游线路。\r\n\r\n　　滑雪场还为中小学生开设了免费体验课。\r\n"
        let found = lint(text)
        XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [5], found.map(\.message).joined(separator: "; "))
        XCTAssertTrue(found.first?.message.contains("continues at line 7") == true, found.first?.message ?? "")
        XCTAssertEqual(found.first?.fix?.edits.first?.replacement, "")
    }

    /// A lead that stops on a preposition that always governs what follows (according, despite, amid)
    /// lost its end, even where a deck might stand (CRLF and a BOM, astral text in the copy).
    func testALeadEndingOnAGoverningPrepositionIsCut() {
        for word in ["according", "despite", "amid"] {
            let text = "\u{FEFF}Broadband take-up soars\r\n\r\nMore homes in 𠮷 Fen are joining the fast lane, \(word)\r\n\r\n"
                + "The number of homes on broadband rose by a third in the year to June.\r\n"
            XCTAssertEqual(lint(text).map { $0.source.position($0.range.start).line }, [3], word)
        }
    }

    /// A paragraph that opens on a scrap of a sentence (起。, a particle before a comma: 等，) has lost its
    /// beginning; under a paragraph that stops without a stop, that beginning is the paragraph above,
    /// one sentence split at a break, reported there with the join. Copy opening on a one-word clause
    /// (如今，) is not (CRLF and a BOM, astral text in the copy).
    func testAParagraphOpeningOnAScrapLostItsBeginning() {
        let head = "\u{FEFF}# 𠮷安新貌\r\n\r\n近年来，𠮷安老城区完成了管网改造，街巷面貌焕然一新。\r\n\r\n"
        let tail = "\r\n\r\n如今，老街上的游客越来越多，商户们的生意也越来越好。\r\n"
        for (scrap, why) in [("起。树梢顶上，接续上天空，整条街都亮了起来。", "its first sentence is a scrap: '起。'"),
                             ("等，都属于老街改造的范围，明年还将继续推进。", "'等' cannot open a sentence")] {
            let found = lint(head + scrap + tail)
            XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [5], scrap)
            XCTAssertTrue(found.first?.message.contains(why) == true, found.first?.message ?? "")
        }
        let split = head + "改造期间，施工队在夜里加班，尽量减少对居民的影响，直到灯笼挂\r\n\r\n起。树梢顶上，接续上天空，整条街都亮了起来。" + tail
        let found = lint(split)
        XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [5], found.map(\.message).joined(separator: "; "))
        XCTAssertTrue(found.first?.message.contains("continues at line 7") == true, found.first?.message ?? "")
        XCTAssertEqual(lint(head + "如今，老街上的游客越来越多。" + tail).map(\.message), [])
    }

    /// A lede under its dateline that a cut has left short and without a stop is copy that lost its end,
    /// not a subhead and not a one-sentence lead set without a stop (CRLF and a BOM, astral text).
    func testALedeCutShortUnderItsDatelineLostItsEnd() {
        let text = "\u{FEFF}# 𠮷安会见外国客人\r\n\r\n新华社𠮷安1月10日电  （记者温馨）副市长张明10日在市政府会见法\r\n\r\n"
            + "张明表示，双方在经贸、文化等领域的合作成果丰硕，希望继续加强交流。\r\n\r\n客人表示，愿与𠮷安保持密切往来。\r\n"
        let found = lint(text)
        XCTAssertEqual(found.map { $0.source.position($0.range.start).line }, [3], found.map(\.message).joined(separator: "; "))
        let document = CopyParser().parse(SourceText(path: "t.md", bytes: Array(text.utf8)))
        XCTAssertEqual(document.blocks[1].kind, .paragraph)
    }

    /// An infographic's items (a figure set large, then its caption without a stop) are labels, not
    /// sentences cut short (a paragraph a line, indented, CRLF and a BOM, astral text in the copy).
    func testAFiguresCaptionIsNoCutSentence() {
        let text = "\u{FEFF}𠮷安公安去年成绩单\r\n　　2019年，全市公安机关持续开展打击整治行动。\r\n　　123.3%\r\n"
            + "　　全市抓获电信网络诈骗犯罪嫌疑人1.6万人，同比上升123.3%\r\n　　3.1%\r\n　　全市电信网络诈骗犯罪发案数同比下降3.1%\r\n"
            + "　　市公安局表示，今年将继续保持高压态势。\r\n"
        let rule = TruncatedSentenceRule(options: RuleOptions(specs: TruncatedSentenceRule.description.options))
        let found = Linter(rules: [ActiveRule(id: "truncated-sentence", severity: .error, checker: rule)]).lint(SourceText(path: "t.txt", bytes: Array(text.utf8)))
        XCTAssertEqual(found.map(\.message), [])
    }

    /// ’ after a letter is an apostrophe (Farmers’ Union), not a quote closed before it was opened; a
    /// capitalised May after a date is the month, not the verb a sentence cannot stop on.
    func testApostropheAndTheMonthOfMayAreNoTruncation() {
        let text = "Flood\n\nThe washes filled early this year, farmers at 𠮷 Fen said.\n\nThe National Farmers’ Union is calling for a compensation scheme.\n\nThe pump upgrade was approved on 3 May\n"
        XCTAssertEqual(lint(text).map(\.message), [])
        let cut = "Flood\n\nThe washes filled early this year, farmers at 𠮷 Fen said.\n\nThe board said the work may\n"
        XCTAssertEqual(lint(cut).count, 1)
    }

    /// A sentence split inside a word is found at its last character, with the next block as related
    /// location, and its fix joins the two without the break, in every line-end style. The fix is
    /// unsafe: a break may have lost words too.
    func testSplitWordIsJoinedByTheFix() {
        for (eol, prefix) in [("\n", ""), ("\r\n", "\u{FEFF}"), ("\n", "<!-- 𠮷野家 -->\n")] {
            let text = prefix + "# 标题" + eol + eol + "𠮷祥社区成立了一支青" + eol + eol + "年突击队，在防汛中发挥了作用。" + eol
            let found = lint(text)
            XCTAssertEqual(found.count, 1, eol.debugDescription)
            guard let d = found.first, let fix = d.fix else { return XCTFail("no fix") }
            XCTAssertEqual(d.source.string(d.range), "青")
            XCTAssertEqual(d.related.map { d.source.string($0.range) }, ["年突击队，在防汛中发挥了作用。"])
            XCTAssertEqual(fix.applicability, .unsafe)
            let fixed = String(decoding: Fix.apply(fix.edits, to: d.source.bytes), as: UTF8.self)
            XCTAssertTrue(fixed.hasSuffix("𠮷祥社区成立了一支青年突击队，在防汛中发挥了作用。" + eol), fixed)
        }
    }

    /// A join keeps the file's wrap style: in hard-wrapped copy the joined paragraph stays wrapped
    /// (the blank line goes, the line end stays), where a paragraph is a line it becomes one line.
    func testJoinKeepsTheWrapStyle() {
        let wrapped = """
            Harbour board approves terminal

            The harbour board on Tuesday approved plans for a new ferry
            terminal on the east quay, ending three years of argument over
            where the larger boats should berth during the winter, and

            said work would start in the spring and take two years.

            """
        for eol in ["\n", "\r\n"] {
            let text = wrapped.replacingOccurrences(of: "\n", with: eol)
            guard let d = lint(text).first(where: { $0.message.contains("continues at line 7") }), let fix = d.fix else { return XCTFail(eol.debugDescription) }
            let fixed = String(decoding: Fix.apply(fix.edits, to: d.source.bytes), as: UTF8.self)
            XCTAssertTrue(fixed.contains("berth during the winter, and" + eol + "said work would start"), fixed)
        }
        let lines = "Harbour board approves terminal\n\nThe harbour board on Tuesday approved plans for a new ferry terminal on the east quay, ending three years of argument, and\n\nsaid work would start in the spring.\n"
        guard let d = lint(lines).first(where: { $0.message.contains("continues at line 5") }), let fix = d.fix else { return XCTFail("lines") }
        XCTAssertTrue(String(decoding: Fix.apply(fix.edits, to: d.source.bytes), as: UTF8.self).contains("argument, and said work"))
    }

    /// Orphans and stranded datelines are reported at their first character; options switch them off.
    func testOrphansAndStrandedDatelinesFollowTheirOptions() {
        let text = "# 标题\n\n市里召开会议，部署今冬明春的供暖保障工作。\n\n们纷纷表示，今年的暖气比往年热得早。\n\n新华社南京3月5日电\n"
        XCTAssertEqual(lint(text).map { $0.source.string(SourceRange($0.range.start, $0.range.start + 3)) }, ["们", "新"])
        let off = TruncatedSentenceRule(options: RuleOptions(specs: TruncatedSentenceRule.description.options,
                                                             overrides: ["checkOrphans": .bool(false), "checkStranded": .bool(false)]))
        let document = CopyParser().parse(SourceText(path: "t.md", string: text))
        XCTAssertEqual(off.check(RuleContext(document: document)), [])
    }

    /// An item's number opens a list's line (1.首套…, 2、…, 3）…, 4) …): such lines set without stops
    /// keep a list's convention. A figure (2.5倍, 1998年) is no item's number.
    func testItemNumbers() {
        func item(_ s: String) -> Bool {
            let b = Array(s.utf8)
            return TruncatedSentenceRule.opensWithItemNumber(ScalarText(b, SourceRange(0, b.count)))
        }
        XCTAssertTrue(item("1.首套住房最高贷款额度提高到80万元"))
        XCTAssertTrue(item("2、首付款比例最低20%"))
        XCTAssertTrue(item("12) Bring a packed lunch"))
        XCTAssertFalse(item("2.5倍于去年"))
        XCTAssertFalse(item("1998年，𠮷溪建县"))
        XCTAssertFalse(item("3"))
    }

    /// A contact line that ends on a telephone number (… or call 01632 960571) goes without a stop: no
    /// story cut short there (a BOM, CRLF, astral text). A count at a line's end (for 29 years, 1,412)
    /// is no telephone number.
    func testAContactLineEndingOnATelephoneNumberIsNoCut() {
        let lines = ["Lives remembered",
                     "",
                     "Walter Pengelly, who kept the ferry at 𠮷 Point for thirty years, has died aged 88. He took",
                     "over the crossing from his uncle in 1958 and ran it in all weathers until the new bridge",
                     "opened, when he went back to fishing from the harbour.",
                     "",
                     "Ivy Rowe, who taught at the village school for forty years, has died aged 91. She",
                     "taught three generations of the same families and kept a photograph of every class.",
                     "",
                     "Ferry keeper knew every tide on the river",
                     "",
                     "To send a tribute, e-mail lives@baygazette.example or call 01632 960571"]
        let found = lint("\u{FEFF}" + lines.joined(separator: "\r\n") + "\r\n")
        XCTAssertFalse(found.contains { $0.message.hasPrefix("story ends mid-sentence") }, "\(found.map(\.message))")
        func phone(_ s: String) -> Bool { TruncatedSentenceRule.endsOnTelephoneNumber(ArraySlice(s.unicodeScalars.map(\.value))) }
        XCTAssertTrue(phone("or call 01632 960571"))
        XCTAssertTrue(phone("电话：0571-8888 6666"))
        XCTAssertTrue(phone("Tel: (01632) 960 571"))
        XCTAssertFalse(phone("the heart of the village for 29 years"))
        XCTAssertFalse(phone("Attendance: 1,412"))
        XCTAssertFalse(phone("in 2024 and 2025"))
    }
}
