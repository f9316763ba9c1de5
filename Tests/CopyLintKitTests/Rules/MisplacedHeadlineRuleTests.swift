import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class MisplacedHeadlineRuleTests: XCTestCase {
    func check(_ text: String) -> (findings: [Finding], bytes: [UInt8]) {
        let rule = MisplacedHeadlineRule(options: RuleOptions(specs: MisplacedHeadlineRule.description.options))
        let document = CopyParser().parse(SourceText(path: "t.md", bytes: Array(text.utf8)))
        return (rule.check(RuleContext(document: document)), document.bytes)
    }

    /// The rule over `text` read as plain copy: what each finding covers, and the line it starts on.
    func plain(_ text: String) -> (texts: [String], lines: [Int]) {
        let rule = MisplacedHeadlineRule(options: RuleOptions(specs: MisplacedHeadlineRule.description.options))
        let document = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(text.utf8)))
        let found = rule.check(RuleContext(document: document))
        return (found.map { String(decoding: document.bytes[$0.range.start..<$0.range.end], as: UTF8.self) },
                found.map { document.source.position($0.range.start).line })
    }

    /// A round-up under its section's name in capitals (ROUND-UP over the first item's heading): an
    /// item's heading with nothing under it before the next item's is an empty section, the items'
    /// headings being one series (CRLF, astral text).
    func testAnEmptyItemOfARoundUpUnderASectionName() {
        let lines = ["SPORT", "", "Rovers come from behind to beat Albion", "By Jo Penn",
                     "Two late goals from Kieran Moss turned the derby at 𠮷 Park on Saturday.",
                     "Albion led through a first-half header and looked comfortable until the last twenty minutes.",
                     "Rovers move up to fifth in the league.", "", "ROUND-UP", "", "Harbour Ladies into county cup final",
                     "Harbour Ladies reached the final of the county cup with a 3-0 win on Sunday.", "",
                     "Quay Town part company with manager", "", "Mill Lane hold on for a point",
                     "Mill Lane drew 1-1 with Eastcombe at Station Road on Saturday.", "", "Harriers win county team title",
                     "Bay Harriers won the team title at the county cross-country championships on Saturday.", ""]
        let rule = MisplacedHeadlineRule(options: RuleOptions(specs: MisplacedHeadlineRule.description.options))
        let document = CopyParser().parse(SourceText(path: "t.txt", string: lines.joined(separator: "\r\n")))
        let found = rule.check(RuleContext(document: document))
        XCTAssertEqual(found.map { document.source.position($0.range.start).line }, [14])
        XCTAssertEqual(found.map(\.message), ["section heading has no text under it: the next heading follows at line 16"])
    }

    /// A match report set a paragraph a line: another story's headline in headlinese (Darts league
    /// moves…), set as a paragraph with no blank line around it, that shares no word with the copy on
    /// either side while that copy goes on with itself, is a headline in the middle of the story; a
    /// line of the report in headlinese that shares its words is not (CRLF, astral text).
    func testHeadlineseSetAsCopy() {
        func scan(_ middle: String) -> HeadlineScan {
            let lines = ["FOOTBALL", "", "Rovers come from behind to beat Albion", "By Jo Penn", "BAY ROVERS 2 KELHAM ALBION 1",
                         "Two late goals from substitute Kieran Moss turned the derby at 𠮷 Park on Saturday and ended the visitors' run of fourteen matches without defeat.",
                         "Albion, who had not lost since November, led through a first-half header from their captain and looked comfortable until Rovers made a double change on the hour.",
                         "Moss had been on the pitch for barely three minutes when he met a low cross from the right at the near post to make it 1-1.",
                         middle,
                         "The winner came in the 86th minute, when the Albion goalkeeper could only parry a shot and Moss reacted first to sweep the rebound into the roof of the net.",
                         "Rovers climb to fifth in the table, two points off the play-off places with a game in hand.", ""]
            let document = CopyParser().parse(SourceText(path: "t.txt", string: lines.joined(separator: "\r\n")))
            let s = HeadlineScan(RuleContext(document: document))
            MisplacedHeadlineRule(options: RuleOptions(specs: MisplacedHeadlineRule.description.options)).headlineseInCopy(s)
            return s
        }
        let dropped = scan("Darts league moves to new venue for summer season")
        XCTAssertEqual(dropped.findings.map { dropped.context.document.source.position($0.range.start).line }, [9])
        XCTAssertEqual(dropped.findings.map(\.message), [MisplacedHeadlineRule.midStoryMessage])
        XCTAssertTrue(scan("Moss double seals derby win for Rovers at 𠮷 Park").findings.isEmpty)
    }

    /// A time of day opens a live report's lines (18.10, 9:05, 16.50 BST, 10.32am); a figure, a
    /// score or a time in words is none.
    func testClockTimesAreTold() {
        func prefix(_ t: String) -> Int? { TextTraits.clockTimePrefix(Array(t.unicodeScalars)) }
        XCTAssertEqual(prefix("18.10 Assembly approves the fund"), 5)
        XCTAssertEqual(prefix("16.50 BST"), 9)
        XCTAssertEqual(prefix("10.32am"), 7)
        XCTAssertEqual(prefix("9:05 p.m. Polls close"), 9)
        XCTAssertTrue(MisplacedHeadlineRule.isClockTime(Array("16.50 BST".unicodeScalars)))
        XCTAssertFalse(MisplacedHeadlineRule.isClockTime(Array("18.10 Assembly".unicodeScalars)))
        XCTAssertNil(prefix("2000 GMT"))
        XCTAssertNil(prefix("3.9 metres"))
        XCTAssertNil(prefix("12.345 tonnes"))
        XCTAssertNil(prefix("𠮷 18.10"))
    }

    /// An unmarked Chinese line read as the headline of a new story, over copy that goes on with the
    /// story above it (its names come back) and takes up none of its words, is a headline in the middle
    /// of that story; a line that ends on a dash leads into the copy under it and is no one's headline
    /// (plain copy, CRLF and a BOM, astral text in the copy).
    func testAnUnmarkedHeadlineInsideOneStoryIsInTheMiddleOfIt() {
        func page(_ line: String) -> String {
            "\u{FEFF}渡口的最后一个冬天\r\n"
                + "　　腊月里，𠮷河的水浅了，老周的渡船每天只跑三趟。\r\n"
                + "　　小满从省城回来过年，一下车就去渡口找老周，渡口边的老柳树还在。\r\n"
                + "　　老周正蹲在渡船船头补船板，小满在渡口喊了一声爷爷，老周抬起头笑了。\r\n"
                + line + "\r\n"
                + "　　小满把箱子搬上渡船，老周解开缆绳，渡船慢慢离了渡口。\r\n"
                + "　　渡船到了河心，小满问老周，桥修好了还撑不撑渡船，老周没有答话，只看了看渡口边的老柳树。\r\n"
                + "社区食堂开进老街\r\n"
                + "　　本报讯　城东老街的社区食堂本周开张，六十岁以上的居民吃饭可以打八折。\r\n"
                + "　　食堂负责人说，菜价每月公示一次。\r\n"
        }
        let rule = MisplacedHeadlineRule(options: RuleOptions(specs: MisplacedHeadlineRule.description.options))
        func messages(_ text: String) -> [String] {
            let document = CopyParser().parse(SourceText(path: "t.txt", bytes: Array(text.utf8)))
            return rule.check(RuleContext(document: document)).map(\.message)
        }
        XCTAssertEqual(messages(page("北方多地迎来今冬首场降雪")), [MisplacedHeadlineRule.midStoryMessage])
        XCTAssertEqual(messages(page("一个特殊的年份，一次特殊的告别——")), [])
    }

    /// A line of Chinese with three clauses that stops without a stop between two paragraphs is a
    /// sentence (cut or not), not another story's headline (CRLF and a BOM, astral text in the copy).
    func testAClauseChainIsNoHeading() {
        let text = "\u{FEFF}# 𠮷安新貌\r\n\r\n近年来，𠮷安老城区完成了管网改造，街巷面貌焕然一新。\r\n\r\n"
            + "改造期间，施工队在夜里加班，尽量减少对居民的影响，直到新年前夕\r\n\r\n"
            + "如今，老街上的游客越来越多，商户们的生意也越来越好。\r\n"
        XCTAssertEqual(check(text).findings.map(\.message), [])
    }

    /// A story that opens on its copy with a short title line under its last paragraph has its
    /// headline printed after it; a credit in brackets closing it is no headline (plain copy, CRLF and a
    /// BOM, astral text in the copy).
    func testAShortTitleUnderAHeadlessStoryIsItsHeadline() {
        let body = "\u{FEFF}　　那年盛夏，我和二弟在𠮷安河边的池塘里捉到一条大鲤鱼，兴冲冲地拎回了家。\r\n"
            + "　　母亲看了看鱼，又看了看我们，让我们把鱼送回池塘里去。\r\n"
            + "　　这次，我和二弟没再笑，望着生养我们的老母亲，久久说不出话来。\r\n"
        func lint(_ text: String) -> [String] { plain(text).texts }
        XCTAssertEqual(lint(body + "一条鱼的故事\r\n"), ["一条鱼的故事"])
        XCTAssertEqual(lint(body + "（本报𠮷安1月13日电）\r\n"), [])
    }

    /// A headline group printed after its story is reported at the headline, whatever the line ends.
    func testHeadlineAfterItsStoryIsFoundAtTheHeadline() {
        let story = ["市政府昨日公布了新的公交线路调整方案，涉及十二条线路。", "调整后，全市公交线网覆盖率将提高到百分之九十五。",
                     "## 公交线路调整方案公布"]
        for (eol, prefix) in [("\n", ""), ("\r\n", "\u{FEFF}"), ("\n", "<!-- 𠮷野家 -->\n")] {
            let text = prefix + story.joined(separator: eol + eol) + eol
            let (found, bytes) = check(text)
            XCTAssertEqual(found.count, 1, eol.debugDescription)
            XCTAssertEqual(String(decoding: bytes[found[0].range.start..<found[0].range.end], as: UTF8.self), "公交线路调整方案公布")
        }
    }

    /// A level-1 headline whose copy goes on with the story above it is in the middle of that story,
    /// even when it shares words with it; over a story of its own, or over copy that takes up its
    /// words, it opens a story (CRLF and a BOM, astral text in the copy).
    func testALevelOneHeadlineInsideOneStoryIsMisplaced() {
        let above = "\u{FEFF}# 𠮷安老城区管网改造完工\r\n\r\n近年来，𠮷安老城区完成了管网改造，老城区街巷面貌焕然一新，居民出行更加方便。\r\n\r\n"
            + "管网改造期间，施工队在夜里加班，冬夜里尽量减少对老城区居民生活的影响。\r\n\r\n"
        let sameStory = "管网改造完工后，老城区居民用水更加稳定，街巷面貌焕然一新。\r\n\r\n老城区的商户们说，管网改造让街巷更干净，居民生活更方便。\r\n"
        let otherStory = "春节将至，市图书馆推出了系列阅读活动，吸引了众多读者参加。\r\n\r\n图书馆工作人员说，今年的活动增加了儿童绘本专区和非遗展览。\r\n"
        let (found, bytes) = check(above + "# 施工队的冬夜\r\n\r\n" + sameStory)
        XCTAssertEqual(found.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }, ["施工队的冬夜"])
        XCTAssertEqual(found.map(\.message), [MisplacedHeadlineRule.midStoryMessage])
        XCTAssertEqual(check(above + "# 施工队的冬夜\r\n\r\n" + otherStory).findings.map(\.message), [])
        XCTAssertEqual(check(above + "# 管网改造让老城区商户居民受益\r\n\r\n" + sameStory).findings.map(\.message), [])
    }

    /// Where headings carry their mark, a line without one is copy, even a short one that stops
    /// without a stop: the headline under it comes after its story (CRLF and a BOM, astral text).
    func testAnUnmarkedLineIsCopyWhereHeadingsAreMarked() {
        let text = "\u{FEFF}随着春节临近，𠮷安街头的红灯笼、中国结、春联等新春装饰品纷纷上\r\n\r\n# 年味渐浓\r\n"
        let (found, bytes) = check(text)
        XCTAssertEqual(found.map { String(decoding: bytes[$0.range.start..<$0.range.end], as: UTF8.self) }, ["年味渐浓"])
        XCTAssertTrue(found.allSatisfy { $0.message.hasPrefix("headline comes after its own story") })
    }

    /// A headline's sentence dropped between two paragraphs of one story, none of its words in the
    /// copy under it, is another story's headline, even where the page's other stories open under
    /// headlines of the same shape (plain copy, CRLF and a BOM, astral text in the copy).
    func testAHeadlineSentenceInsideOneStoryIsForeign() {
        let text = "\u{FEFF}Mill Meadow footbridge to close for six weeks\r\n\r\nBy Ruth Aldenby\r\n\r\n"
            + "The Mill Meadow footbridge over the river will close on Monday for repairs, the council said.\r\n\r\n"
            + "Engineers found rot in several deck boards of the footbridge during an inspection in the summer, the council said.\r\n\r\n"
            + "Library extends Saturday opening hours\r\n\r\n"
            + "The council said the footbridge repairs will be paid for from its bridges budget, and the river path will stay open.\r\n\r\n"
            + "Giant marrow takes top prize at harvest show\r\n\r\n"
            + "A marrow weighing 31lb took first prize at the 𠮷ston allotment society's harvest show on Saturday, where the marrow drew a crowd.\r\n"
        XCTAssertEqual(plain(text).texts, ["Library extends Saturday opening hours"])
    }

    /// A numbered section head with a colon in it (三、清单办得怎么样：群众打分) is a heading, not a
    /// credit: one followed straight by the next numbered head has no text (plain copy, CRLF and a BOM,
    /// astral text in the copy).
    func testANumberedHeadWithAColonIsAHeading() {
        XCTAssertFalse(TextTraits.isLabel(Array("三、清单办得怎么样：群众打分".unicodeScalars)))
        XCTAssertTrue(TextTraits.isLabel(Array("制图：蔡华伟".unicodeScalars)))
        let text = "\u{FEFF}把民生实事办到群众心坎上\r\n\r\n　　年初，𠮷湾市把十二件民生实事写进政府工作报告。\r\n"
            + "一、清单从哪里来：问需于民\r\n　　今年的清单，是一条一条问出来的。\r\n"
            + "二、清单怎么办：一抓到底\r\n　　每件实事都有一张进度表，每月公开进展。\r\n"
            + "三、清单办得怎么样：群众打分\r\n四、清单怎么续：久久为功\r\n　　民生无小事，枝叶总关情。\r\n"
        XCTAssertEqual(plain(text).lines, [8])
    }

    /// A heading in running case over a section's name in capitals (… on top / RESULTS) is a group of
    /// its own: the first has no text after it. A section's name over its first part (THIS WEEKEND /
    /// Saturday) is one section; a time in capitals (2000 GMT) is no section's name (plain copy, CRLF
    /// and a BOM, astral text in the copy).
    func testASectionNameInCapitalsStartsASection() {
        let story = "\u{FEFF}Late penalty sends Town into second round\r\n\r\nBy Owen Hartigan\r\n\r\n"
            + "Wrenhallow's forwards laid the platform for a bonus-point win over 𠮷ston at Brook Lane.\r\n\r\n"
            + "Hooker Matt Cardew claimed two of the tries, and the fly-half added eleven points with the boot.\r\n\r\n"
        func lint(_ text: String) -> [Int] { plain(text).lines }
        let rows = "County Cup, first round: Wrenhallow Town 2 Pellingford Athletic 1; Harnsey United 0 Coldharbour Rovers 3; Marlstead 2 Skarrow 2.\r\n"
            + "Westmoor League Division Two: Wrenhallow 31 Harnsey 17; Pellingford 24 Marlstead 24.\r\n"
        let third = "Harnsey rallied with two late tries, but Wrenhallow held on. Their coach said: \"The pack were outstanding.\"\r\n\r\n"
        XCTAssertEqual(lint(story + third + "Cardew double keeps Wrenhallow on top\r\n\r\nRESULTS\r\n\r\n" + rows), [11])
        XCTAssertEqual(lint(story + "THIS WEEKEND\r\nSaturday\r\n" + rows), [])
        XCTAssertEqual(lint(story + third + "Friday, 25 February\r\n\r\n2000 GMT\r\n\r\n" + rows), [])
    }

    /// Under a story that opens on its copy, a credit with its colon (版式设计：蔡华伟) and a speech's
    /// closing exclamations are no headline printed after it; a title that quotes its source
    /// (最高法：…) still is; a photo report's credit is a caption (plain copy, CRLF and a BOM, astral
    /// text in the copy).
    func testCreditsAndClosingExclamationsAreNoHeadline() {
        let body = "\u{FEFF}　　通知要求，𠮷安各级法院要建立拖欠农民工工资案件一站式诉讼服务机制，做到有案必立。\r\n\r\n"
            + "　　通知强调，对恶意欠薪的，要依法从严惩处，切实维护农民工合法权益。\r\n\r\n"
        func lint(_ text: String) -> [String] { plain(text).texts }
        XCTAssertEqual(lint(body + "版式设计：蔡华伟\r\n"), [])
        XCTAssertEqual(lint(body + "最高法：涉农民工工资有案必立\r\n"), ["最高法：涉农民工工资有案必立"])
        let speech = "\u{FEFF}新年贺词\r\n\r\n𠮷安各界人士欢聚一堂，共迎新年。市长在讲话中回顾了过去一年的工作。\r\n\r\n"
            + "同志们、朋友们！让我们团结一心、奋力拼搏，为建设美丽𠮷安而努力奋斗！\r\n\r\n"
            + "衷心祝愿伟大的祖国繁荣昌盛！\r\n\r\n衷心祝愿𠮷安的明天更加美好！\r\n"
        XCTAssertEqual(lint(speech), [])
        let document = CopyParser().parse(SourceText(path: "t.txt", bytes: Array((body + "许昌亮摄影报道（人民视觉）\r\n").utf8)))
        XCTAssertEqual(document.blocks.last?.kind, .caption)
    }

    /// The share of a heading's words found in copy, by one pass over the bytes, is what a plain
    /// count of the copy's words gives (below the stopping point).
    func testAffinityShareAgreesWithAPlainCount() {
        let words = ["council", "Councils", "budget", "the", "night", "buses", "bus", "城市", "公交", "线路", "调整", "方案", "é", "café"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<200 {
            let heading = (0..<Int.random(in: 2...5, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let body = (0..<Int.random(in: 0...30, using: &rng)).map { _ in words.randomElement(using: &rng)! }.joined(separator: " ")
            let own = Affinity.features(Array(heading.unicodeScalars))
            guard !own.isEmpty else { continue }
            let bytes = Array(body.utf8)
            let share = Affinity.share(of: own, in: bytes, ranges: [SourceRange(0, bytes.count)])
            // The plain count: the body's own words (its English words: features() keeps Chinese pairs
            // for text with Han, so the Han is left out), or for a Chinese heading the body's pairs.
            let english = own.allSatisfy { $0 >> 63 == 1 }
            let bodyText = english ? body.unicodeScalars.filter { !CharClass.isHan($0.value) } : Array(body.unicodeScalars)
            let plain = Double(own.intersection(Affinity.features(bodyText)).count) / Double(own.count)
            XCTAssertEqual(share, plain, "\(heading) | \(body)")
            XCTAssertLessThanOrEqual(share, 1)
        }
    }

    /// The shortcut for Alphabetic agrees with Unicode's property for every scalar.
    func testTheAlphabeticShortcutIsUnicodesProperty() {
        for value in UInt32(0)...0x10FFFF {
            guard let s = Unicode.Scalar(value) else { continue }
            if Affinity.isAlphabetic(s) != s.properties.isAlphabetic { return XCTFail(String(value, radix: 16)) }
        }
    }

    /// A credit for a page's making (Letters page compiled by Ann Kell, Photographs by …) is no
    /// headline; a headline that ends on "by" and a name (Bridge opened by Prince Edward) is one. A
    /// letter's signature is a name of two or three capitalised words alone.
    func testCreditsAndSignatures() {
        func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }
        XCTAssertTrue(MisplacedHeadlineRule.isMakingCredit(scalars("Letters page compiled by Imelda Sharratt")))
        XCTAssertTrue(MisplacedHeadlineRule.isMakingCredit(scalars("Photographs by Ann Kell")))
        XCTAssertFalse(MisplacedHeadlineRule.isMakingCredit(scalars("Bridge opened by Prince Edward")))
        XCTAssertFalse(MisplacedHeadlineRule.isMakingCredit(scalars("Compiled by the parish council")))
        XCTAssertTrue(MisplacedHeadlineRule.isSignature(scalars("Margot Fairweather")))
        XCTAssertTrue(MisplacedHeadlineRule.isSignature(scalars("Mary-Jo O'Neill Hart")))
        XCTAssertFalse(MisplacedHeadlineRule.isSignature(scalars("Library opening hours")))
        XCTAssertFalse(MisplacedHeadlineRule.isSignature(scalars("BBC")))
    }

    /// Two lines of a stanza, set close under a line of the poem that has no stop, are no section
    /// heading left empty, whatever the story's other subheads (a line of dialogue read as one). Verse
    /// still draws other findings: only this one is settled here.
    func testTwoLinesOfAStanzaAreNoEmptySection() {
        let page = "　　阿青从包里翻出一张旧照片给奶奶看。那是她六岁的时候，穿一件红棉袄，站在渡船的船头。" + "\n"
            + "　　“这张照片我一直留着，”阿青说，“换了好几个手机都没舍得删。”" + "\n"
            + "　　奶奶凑过去看了很久。她的眼睛不好了，看东西要把手机拿得远远的。" + "\n"
            + "　　“那根竹篙还在。”她说。" + "\n"
            + "　　“在哪儿？”" + "\n"
            + "　　“柴房里，挂在梁上。”" + "\n"
            + "　　船到了对岸。岸上有几个等船的人，是河西村赶集回来的。" + "\n"
            + "　　“婶子，明天还开船吗？”有人问。" + "\n"
            + "　　“开。”" + "\n"
            + "　　那天夜里，阿青睡不着。她听见奶奶在院子里走来走去，一直走到后半夜。" + "\n"
            + "（作者系𠮷川市作家协会会员）" + "\n"
            + "" + "\n"
            + "诗歌" + "\n"
            + "河边的黄昏（外一首）" + "\n"
            + "□ 林　岸" + "\n"
            + "" + "\n"
            + "石板路把最后一点光" + "\n"
            + "一块一块，收进青苔里" + "\n"
            + "卖豆腐的老人推着车" + "\n"
            + "把吆喝声留在了巷子口" + "\n"
            + "" + "\n"
            + "炊烟是慢慢升起来的" + "\n"
            + "像谁家的孩子" + "\n"
            + "迟迟不肯回家" + "\n"
        let found = plain(page)
        XCTAssertFalse(found.texts.contains("卖豆腐的老人推着车"), "\(found)")
    }
}
