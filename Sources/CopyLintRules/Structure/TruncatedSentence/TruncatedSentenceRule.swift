import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Flags sentences cut by a page or column break, cut with the rest lost, stories that end
/// mid-sentence, orphan paragraphs that start mid-sentence, and datelines or bylines
/// stranded with no story after them.
public struct TruncatedSentenceRule: Rule {
    /// It decodes every open paragraph and its neighbour.
    public var relativeCost: Int { 4 }

    /// How each block opens and ends.
    public var neededFacts: FactSet { .scripts }

    public static let description = RuleDescription(
        id: "truncated-sentence",
        summary: "A sentence is cut off, split across a break, or starts mid-way",
        rationale: """
            Layout and OCR cut sentences: a column break leaves 一支青 at the foot of one column and 年突击队 \
            at the head of the next, a hyphenated word is split (the com- / mittee said), a paragraph loses its \
            end, a story stops mid-sentence, a fragment appears whose beginning is lost, or a dateline is left \
            at the foot of a page with no story. The rule reads paragraphs only (headlines, subheads, bylines, \
            captions and labels such as 核心阅读 are not sentences) and needs evidence, not just a missing full \
            stop: a break inside a word (checked against a Chinese word list), a continuation that starts in \
            lower case, a quote or bracket closed in the next block, or a paragraph that ends on a word that \
            cannot end a sentence (的, 和, the, of).
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("checkOrphans", default: .bool(true), help: "Report paragraphs that start mid-sentence"),
            OptionSpec("checkStranded", default: .bool(true), help: "Report datelines and bylines with no story after them"),
        ],
        triggering: [
            Example("""
                老旧小区加装电梯

                　　今年我市计划为老旧小区加装电梯60部，目前已有23部开工建设。

                　　↓后，住在高层的老人上下楼再也不用发愁了，不少居民专门到社区表示感谢。

                　　市住建局表示，将继续简化审批流程。
                """, note: "an orphan: a localizer alone before a comma (后，) opens the paragraph, the end of a time clause whose beginning is lost"),
            Example("""
                公积金新政4月起施行

                本报记者　林小川

                3月18日，市政府新闻办举行新闻发布会，发布住房公积金新政。市住房公积金管理中心主任𠮷振↓邦

                就政策内容回答了记者提问。现将主要内容整理如下。

                问：新政有哪些变化？

                答：主要有三个方面，贷款额度、首付比例和提取方式都有调整。
                """, note: "the first paragraph under a byline, with a sentence done inside it, stops on a name: its last sentence goes on in the next paragraph"),
            Example("""
                公积金新政4月起施行

                　　市住房公积金管理中心昨天公布新政。职工家庭购买首套住房的，最高贷款额度由60万元提高到80万元，首付款比例最低可

                　　新政自4月1日起施行，有效期两年。中心提醒，申请前可先在𠮷梧公积金APP上试算额度。

                　　问：多子女家庭有没有额外支持？

                　　答：有。生育二孩及以上的家庭购买自住住房，贷款额度可以再上↓浮

                　　问：租房提取有什么变化？

                　　答：每月可以提取一次，每次最高1500元。

                【政策要点】
                1.首套住房最高贷款额度提高到80万元，多子女家庭再上浮20%
                2.首套住房首付款比例最低20%，第二套最低25%
                """, note: "numbered items set without stops (1.…20%) keep a list's convention, not the copy's: an answer cut short is still cut"),
            Example("""
                # 标题

                社区改造时成立了一支↓青

                年突击队，在防汛中发挥了很大作用。
                """, fixed: """
                # 标题

                社区改造时成立了一支青年突击队，在防汛中发挥了很大作用。
                """, note: "a column break inside the word 青年"),
            Example("""
                Storm hits coast

                The council said the storm had damaged the com↓-

                mittee rooms and the town hall.
                """, note: "a hyphenated word split across a break"),
            Example("""
                # 标题

                记者来到𠮷安县的村委会，村干部正在整理新的档案资料。村里的年轻人告诉记者，他们↓的

                下一步打算是发展乡村旅游。
                """, note: "ends on 的: the sentence cannot stop there"),
            Example("""
                # 标题

                同样是在这个周末，𠮷安县图书馆开放了夜间自习室，附近的学生可以跟着社区志愿者↓的

                图书馆的工作人员说，下个月还会增加一百个座位。
                """, note: "ends on 的: the 是 of an earlier clause (同样是…) makes no 是…的 sentence of the last"),
            Example("""
                Markets slide

                Shares fell sharply on Monday as investors worried about ↓the

                Analysts expect further falls this week.
                """, note: "cut with the rest lost"),
            Example("""
                # 𠮷港客运站民警获表彰

                据新华社电　𠮷港客运站派出所民警林海涛日前被评为全省优秀人民警察。他在客运站工作了二十↓多

                林海涛说，车站每天接送旅客上万人次，安全是头等大事。
                """, note: "a story credited to an agency with no place or date (据新华社电) opens on its lede, which is copy: without its stop it is cut"),
            Example("""
                Library opens late on Fridays

                The old reading room of the Quay ↓Library

                will stay open until ten on Friday nights from next month.

                Staff said the change followed requests from students at the college.
                """, note: "a sentence's first half read as a deck (sentence case, no stop) over copy that goes on in lower case: split there, not an orphan under it"),
            Example("""
                Harbour plan rejected

                Local fishermen have lost a long court ↓fight

                They had challenged the council's decision to approve a new marina on the old quay last year.

                The group said it would now consider its next steps.
                """, note: "a lead cut short, read as a subhead: the first line under the headline holds a finite 'have' and an article, as a headlinese deck does not"),
            Example("""
                Q&A: the new bus lanes

                Q: When do the lanes open?

                A: On Monday. Buses will run every ten minutes at peak times.

                Q: Will drivers be fined?

                A: Not in the first month. After that, cameras will record every car in the lanes and the council will ↓send
                """, note: "an interview ends mid-sentence: its questions end on question marks, its answers on stops"),
            Example("""
                # 标题

                社区干部听说𠮷安村的老人家里漏雨，第二天一早，带着维修工，赶紧↓往

                维修工爬上屋顶，换掉了几块碎瓦，老人连声道谢。
                """, note: "cut with the rest lost: the last clause, three characters, ends on a preposition standing alone"),
            Example("""
                # 𠮷溪县养老服务站开到村里

                𠮷溪县今年新建村级养老服务站二十个，覆盖全县一半以上的行政村。

                李大爷的子女都在外地打工，以前他生病了只能托邻居帮忙买药；如今服务站的医生每周上门量血↓压

                服务站还开办了老年食堂，每餐收费五元，八十岁以上的老人免费就餐。
                """, note: "a paragraph of clauses that stops without its stop between paragraphs that keep theirs, and says what the rest of the story does not: its end is lost"),
            Example("""
                # 标题

                市里召开会议，部署今冬明春的供暖保障工作。

                ↓们纷纷表示，今年的暖气比往年热得早。
                """, note: "an orphan: 们 cannot open a sentence"),
            Example("""
                # 标题

                展馆门前排起长队，观众冒雨入场。

                ↓础设施建设仍在加快推进，新馆预计明年开放。
                """, note: "an orphan that opens with the second half of 基础"),
            Example("""
                # 𠮷溪县“一件事”改革提速

                𠮷溪县今年推出“一件事”集成办理改革，市民办事少跑腿。

                ↓等12个“一件事”已实现全程网办，平均审批时限压缩一半以上。

                县政务服务中心负责人说，明年还将推出更多服务。
                """, note: "an orphan that opens on 等 and a number: the close of a list whose items are lost"),
            Example("""
                在𠮷溪县新春团拜会上的致辞

                同志们，朋友们：

                新春佳节即将来临，我代表县委、县政府，向全县人民致以节日的问候。

                过去一年，全县新建农村公路一百二十公里，改造老旧小区三十个，城乡居民收入稳步增长。

                这一年，我们办成了许多群众盼望已久的大事。县医院新院区投入使用，城东学校顺利开学，全县农村自来水普及↓率

                新的一年，我们要继续把群众的冷暖放在心上，把每一件实事办好。

                我们要抓好春耕备耕，稳住粮食生产，让种粮农民有钱赚。

                我们要办好教育和医疗，让孩子们在家门口上好学，让老人们在家门口看好病。

                我们要守住安全底线，做好节日期间的防火和交通安全工作。

                祝大家新春快乐！

                祝全县人民身体健康、万事如意！

                祝我们的家乡越来越美好！
                """, note: "a speech that closes on three cheers is not copy that leaves its stops out: a paragraph in it without its stop is cut"),
            Example("""
                　　柿园村今年秋天办起了第一届村级篮球赛，十二支村队报名参加，𠮷溪县城的球迷也赶来观战。

                一、一块球场聚起一村人

                　　柿园村的灯光篮球↓场

                是2021年由村集体和在外乡贤共同出资修建的，占地1200平方米，配有看台。

                　　每到傍晚，球场上总是热热闹闹，老人在看台上聊天，孩子们在场边追跑。

                　　村支书说，球场建好以后，村里的年轻人回来得多了。
                """, note: "in copy whose paragraphs open with an indent, a short indented line over a line set flush is a sentence split there, not a subhead"),
            Example("""
                𠮷溪县融媒体中心
                首页 > 新闻中心 > 乡镇动态 > 正文
                柿园村办起村级篮球赛
                来源：𠮷溪县融媒体中心　　发布时间：2025-09-23 17:42

                　　柿园村今年秋天办起了第一届村级篮球赛，十二支村队报名参加，县城的球迷也赶来观战。

                　　柿园村的灯光篮球↓场

                是2021年由村集体和在外乡贤共同出资修建的，占地1200平方米，配有看台。

                　　每到傍晚，球场上总是热热闹闹，老人在看台上聊天，孩子们在场边追跑。

                　　村支书说，球场建好以后，村里的年轻人回来得多了。

                编辑：林小川　　审核：周文
                责任编辑：陈默
                上一篇：𠮷溪县召开秋季防火工作会议
                下一篇：枣湾镇千亩稻田迎来丰收
                相关新闻
                · 𠮷溪县首届乡村篮球联赛开幕
                · 柿园村入选市级美丽乡村示范村
                """, note: "a web page whose lines set flush (site name, breadcrumb, editors, related links) outnumber its copy: the story's own paragraphs open with an indent, and the line set flush among them is the rest of a split sentence"),
            Example("""
                KELHAM
                Correspondent: Joan Pell
                • The parish council meets on Monday at 7.30pm in the village hall.
                • Coffee morning in the chapel on Saturday from 10am, in aid of ↓the
                • Carol singers from 𠮷 Bay school will visit the Green on Friday.
                """, note: "an item of a list may go without a stop, but none ends on an article"),
            Example("""
                ARCHIVE NEWS

                HEADLINES
                - The harbour wall at 𠮷 Bay will be rebuilt over the next two summers
                - Ferry fares from the island are to rise by a fifth in the new year
                - And the lifeboat crew have been called out for the third time this week

                HARBOUR WALL

                The harbour wall at 𠮷 Bay will be rebuilt over the next two summers, the council says.

                Engineers found that the storms of last winter had undermined its foundations and that ↓repairs

                The work is expected to cost four million pounds.
                """, note: "items of a list go without their stops by convention: they make no house style of copy without stops, and a paragraph without its stop is cut"),
            Example("""
                Okafor will lead 𠮷 Bay Rovers out as ↓he

                Marcus Okafor, who joined the club in 2019, said he was proud to be asked. "It is a big day for me and for my family," he said.

                The manager said the armband was a reward for a season of hard work.
                """, note: "a line read as a headline that ends on a subject pronoun is a sentence cut short: no headline ends so"),
            Example("""
                Harbour paintings

                The largest canvas in the show sets the fishing boats of 𠮷 Bay against a pale lemon sky.

                "It is hard to stand in front of it without reaching for a coat"

                ↓which the painter finished only last spring, and which hangs alone in the final room.
                """, note: "a pull quote set in quotation marks without a stop is whole: the paragraph under it that starts in lower case is the orphan"),
            Example("""
                # 标题

                送到医院门口时，饭菜还是热的。

                ↓值班的护士长说。她请骑手们把外卖放在门口的推车上。
                """, note: "an orphan: who said it is left, what was said is lost"),
            Example("""
                Harbour concert raises four thousand pounds

                The Quay Singers filled the 𠮷 Bay chapel on Saturday for their winter concert.

                ↓Jude. The choir's director, Ann Kell, said the money would buy a new piano for the school.
                """, note: "an orphan: a sentence of a name alone (Jude.) opens the paragraph, the end of a title whose beginning is lost"),
            Example("""
                河畔社区试行垃圾分类积分

                　　河畔社区上个月开始试行垃圾分类积分制度，居民参与的热情很高。

                　　↓决问题的关键在于让每一户都看到实实在在的好处，社区为此专门设立了兑换点。

                　　工作人员说，下一步还将把经验推广到周边小区。
                """, note: "an orphan: its first characters (决问题, of 解决问题) are ten times likelier inside a clause than at its opening, by the tagging model of jieba"),
            Example("""
                港口吞吐量创新高

                　　今年前十个月，港口货物吞吐量同比增长百分之八。

                　　码头新建的两个泊位已经投入使用，每天可靠泊大型集装箱船四艘。

                ↓市民李女士，近日专门到港务局表示感谢，她开的餐馆生意比去年好了许多。

                　　港务局表示，明年还将开通三条新航线。
                """, note: "set flush among indented paragraphs: the line that opened it, with its indent, is gone"),
            Example("""
                Port talks stall

                Dockers at the city's container port stayed away for a third day
                on Tuesday, leaving ships waiting at anchor off the harbour wall.

                The dockers' union and the port authority met for six hours on
                Monday without reaching a deal on pay or on the new cranes, and
                both sides blamed each other for the delay in the talks so far.
                Among the sticking points are the ↓cranes

                Talks are due to resume on Thursday, a spokeswoman for the port
                said, and neither side expects a quick settlement of the dispute.
                """, note: "a wrapped paragraph loses its end: its short last line is no heading"),
            Example("""
                Port talks stall

                   Dockers at the city's container port stayed away for a third day
                on Tuesday, leaving ships waiting at anchor off the harbour wall.
                   The dockers' union and the port authority met for six hours on
                Monday without reaching a deal on pay or on the new cranes.
                   It was the third ↓round

                of talks this month, and neither side expects a quick settlement
                of the dispute before the holiday weekend, a spokeswoman said.
                   Talks are due to resume on Thursday at the port authority's
                offices, she added.
                """, note: "a paragraph's first line split off by a break: the rest goes on in lower case"),
            Example("""
                # 标题

                会上，各区负责人汇报了进展。

                ↓新华社南京3月5日电
                """, note: "a dateline stranded at the end"),
        ],
        nonTriggering: [
            Example("""
                Swimming club open day

                The 𠮷 Bay swimming club opens its doors to new members on Saturday from ten until two.

                Coaches will run taster sessions in the small pool for children aged six and over.

                To book a place, call 01632 960111 or email bookings@bayswim.example
                """, note: "a contact line that ends on an e-mail address goes without a stop"),
            Example("""
                老城区供暖管网改造启动

                　　本报讯　今年我市将改造老城区供暖管网42公里，涉及𠮷园、桂苑等17个小区。改造完成后，这些小区的
                （下转A4版）
                """, note: "a paragraph that breaks off over a jump line naming its page without 第 (（下转A4版）) goes on on that page"),
            Example("""
                代表团抵达港口城市

                　　港口城市代表团今天抵达𠮷湾，团长姆南加图在欢迎仪式上发表讲话，感谢主办方的邀请。

                　　姆南加图表示，两国在农业和教育领域的合作成果丰硕，希望继续扩大交流。
                """, note: "a foreign name the model does not know (姆南加图) opens a paragraph: the copy opens a word with it elsewhere, after a title it makes no word with"),
            Example("""
                Games preview

                The new handheld console goes on sale in 𠮷 Bay on Friday, with twelve games ready at launch.

                Sony handheld tipped as a 'must-have'

                Shops expect queues from early morning on the first day.
                """, note: "a hyphenated word's last part ('must-have') is no dangling 'have'"),
            Example("""
                Harbour plan approved

                The council approved the new harbour wall on Tuesday after a two-hour debate in 𠮷 Bay.

                Rail fares frozen for a year, Hale says

                Work on the wall is due to start in the spring and to last eight months.
                """, note: "a line that ends on its speaker's name and 'says' (…, Hale says) is whole: here another story's headline, misplaced-headline's to report"),
            Example("""
                RADIO

                BAY FM (97.2FM)
                6.00 Breakfast with Jo Penn
                10.00 Ruth Ambley
                1.00 Afternoons with Dev Moss
                4.00 Drivetime

                SANDRY SOUND (101.4FM)
                6.00 Morning Call
                9.00 The Phone-In
                12.00 Lunchtime News

                Listings are supplied by the stations and may change at short notice.
                Previews by Tamsin Kerrow
                """, note: "a station's name over its schedule is no dateline left without its story"),
            Example("""
                Letters

                Dear Sir,

                The new timetable leaves 𠮷 Bay without a bus after six in the evening.

                Yours faithfully,

                Mary Hollis
                """, note: "a letter's salutation and close (Dear Sir, / Yours faithfully,) end on their commas"),
            Example("""
                Harbour plan rejected

                Fishermen lose long court fight over new marina

                They had challenged the council's decision to approve a new marina on the old quay last year.
                """, note: "a deck in headlinese under the headline: no finite 'be' or 'have', no article"),
            Example("""
                # 标题

                𠮷安村这几年修了路、通了网，村里的变化，老百姓是看在眼里的

                村民们说，下一步想把民宿办起来。
                """, note: "是…的 within the last clause closes it"),
            Example("""
                The last shift at the yard

                Words by Ann Marsh | Photographs by Luis Peña

                The dry dock will close next month after 140 years of shipbuilding.

                Above: welding the wheelhouse in March. Photograph: José Peña

                Most of the workers have found jobs inland.
                """, note: "a credit and a caption that end on a name (Peña): a word with a letter outside ASCII is read whole, not as its last letters"),
            Example("""
                老码头变身滨江公园

                　　本报讯　𠮷安市南岸的老货运码
                头日前完成改造，三万平方米的滨江
                公园向市民开放，沿江步道长两公里。
                　　公园保留了码头的吊机和系缆桩，
                原来的仓库改成了图书室和茶座，周
                末有志愿者讲解码头的历史。
                　　市园林部门介绍，明年还将把步
                道向下游延伸，与城西湿地公园连成
                一片，方便市民骑行和散步。
                城北新建三所社区食堂
                """, note: "a line set flush with no mark at the foot of an OCR'd column whose paragraphs open with an indent is a headline (misplaced-headline's), not a cut sentence"),
            Example("""
                绿水青山间的新日子

                村里的垃圾集中处理以后，河水一年比一年清，村民们在河边种上了柳树。

                水更清，岸更绿

                游客多了起来，河边新开了三家民宿，周末常常客满。

                生态美，百姓富

                去年，村集体收入超过八十万元，比五年前翻了一番。
                """, note: "subheads of two short clauses (生态美，百姓富) are not cut sentences"),
            Example("""
                # 𠮷溪县养老服务站开到村里

                𠮷溪县今年新建村级养老服务站二十个，覆盖全县一半以上的行政村，老人看病吃饭都不用出村了。

                养老服务站建到村里，老人看病不出村，吃饭也不出村，子女在外打工更放心

                服务站还开办了老年食堂，每餐收费五元，八十岁以上的老人免费就餐。在外打工的子女说，这下放心了。
                """, note: "a pull quote set without its stop restates the story: most of its words are in the copy around it"),
            Example("""
                Harbour plan

                  The council met on Tuesday to set the budget for next year.
                  It agreed to raise the tax by two percent from April.

                The budget

                The treasurer said the rise was the smallest for ten years.
                  Councillors voted by nine to two.
                  The new rate will appear on bills sent out in March.
                """, note: "English copy indented a paragraph a line sets the first paragraph after a crosshead flush: no orphan"),
            Example("""
                County cricket

                Eastcombe beat Dunmere by 43 runs on Saturday to move second in Division One of the County Cricket League.

                County Cricket League, Division One
                Eastcombe 236-8 (50 ov) beat Dunmere 193 (45.4 ov) by 43 runs
                Kestrel Bay 251-6 (50 ov) beat Ashby Moor 187 (41.2 ov) by 64 runs
                """, note: "lines of results, dense with figures, stop without a full stop"),
            Example("""
                Ferry back in service

                The Brandle ferry returned to service on Monday after a fortnight out of action.

                Its skipper said a new drive wheel had been fitted by a firm in the town.

                Printed and published by Marsh Road Press Ltd, 9 Quay Lane, Harnford HF2 8QD
                """, note: "an imprint that ends on a postcode (HF2 8QD) is an address, which sets no stop"),
            Example("""
                Why the harbour needs its ferry

                The ferry to 𠮷 Island has run every hour for forty years, and the island's shops depend on it.

                If the council cuts the winter service, the island will lose its last bakery within a year.

                Ann Kell is the editor of the Island Review, which covers life on the islands of the bay
                """, note: "a note on the writer closing a story (Ann Kell is the editor of…) is set without a stop"),
            Example("""
                Choir to sing at the Guildhall

                Mr. Brown, who chairs the 𠮷 Bay chapel trustees, said the chapel had never been so full.

                LONDON. The choir will sing at the Guildhall in March, its first concert in the capital.
                """, note: "a title's abbreviation (Mr.) or a dateline in capitals (LONDON.) opening a paragraph is no scrap of a lost sentence"),
            Example("""
                # 关于征集𠮷溪县志编写资料的启事

                县志编纂委员会现面向社会征集反映本县历史沿革、风土人情的文字和图片资料。

                来稿请注明作者姓名和联系方式，一经采用，即付稿酬。

                联系地址：𠮷溪县城关镇文化路88号县档案馆三楼　　电子邮箱：xianzhi@jixi-county.example

                𠮷溪县县志编纂委员会办公室
                """, note: "a contact line that ends on an e-mail address sets no stop"),
            Example("""
                让老街重新热闹起来

                从修房子到留住人

                问：居民一开始支持吗？

                答：有支持的，也有观望的。后来，一位老大爷成了我们的义务讲解员。

                业态怎么定，听街坊的

                问：现在老街上主要有哪些业态？

                答：开什么店，是街坊们一起商量定的。目前开了二十七家店，有手工竹编、老字号糕点，也有咖啡馆。
                """, note: "an interview's subhead may end on 的: the question under it opens a turn of its own"),
            Example("""
                Election results

                Turnout in the city was the highest for a local election in twenty years.

                SCHOOL BOND MEASURE A

                Voters approved the bond by a wide margin, clearing the way for two new schools.
                """, note: "a line in capitals is a heading: its last letter names the measure"),
            Example("""
                # 标题

                核心阅读

                今年以来，全省新增就业岗位超过二十万个。

                ### 技能培训全面铺开

                各地还推出了技能培训补贴：

                一是扩大补贴范围。
                """),
            Example("""
                Markets rally

                Shares rose on Monday.

                "We are optimistic," the chief executive said.
                """),
            Example("""
                港口吞吐量创新高

                　　今年前十个月，港口货物吞吐量同比增长百分之八。

                　　（执笔：周文）
                """),
            Example("""
                港口吞吐量创新高

                　　今年前十个月，港口货物吞吐量同比增长百分之八。

                　　码头新建的两个泊位已经投入使用，每天可靠泊大型集装箱船四艘。

                新航线明年开通

                　　港务局表示，明年还将开通三条新航线。

                ——记者手记
                """),
            Example("""
                # 标题

                　　“谢谢你们，饭菜还是热的。”

                　　值班的护士长说。她请骑手们把外卖放在门口的推车上。

                　　正如老站长所说。车站的变化，旅客看得见。
                """),
        ],
        fixSafety: "Joining a sentence split across a break is safe; joining across a split hyphen is unsafe (the hyphen may belong)."
    )

    let checkOrphans: Bool
    let checkStranded: Bool

    public init(options: RuleOptions) {
        checkOrphans = options.bool("checkOrphans")
        checkStranded = options.bool("checkStranded")
    }

    public func check(_ context: RuleContext) -> [Finding] {
        let scan = TruncationScan(context)
        findCuts(scan)
        if checkOrphans { findOrphans(scan) }
        if checkStranded { findStranded(scan) }
        return scan.findings
    }
}
