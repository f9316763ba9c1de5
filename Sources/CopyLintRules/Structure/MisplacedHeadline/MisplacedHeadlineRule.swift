import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Flags headlines out of place: printed after their own story, another story's headline
/// dropped into a body, and section headings with no text under them.
public struct MisplacedHeadlineRule: Rule {
    /// It reads the stories around each heading.
    public var relativeCost: Int { 4 }

    /// How each block opens.
    public var neededFacts: FactSet { .scripts }

    public static let description = RuleDescription(
        id: "misplaced-headline",
        summary: "A headline or section heading is out of place",
        rationale: """
            Page layout moves headline frames independently of text frames, and a late change can leave a \
            headline under the story it belongs to, another story's headline in the middle of a body, or a \
            section heading whose text was cut. Readers take the stray line for the start of a new story. The \
            rule reads the structure of the page: heading groups (kicker, headline, subtitle), what precedes and \
            follows them, and whether a heading shares vocabulary with the copy around it (a story's own headline \
            and subheads do; another story's headline does not). Normal structure stays silent: kicker → \
            headline → subtitle stacks, a headline followed by its byline or dateline, subheads with text on \
            both sides, and a new story that opens with its headline and a dateline.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("maxAffinity", default: .double(0.15),
                       help: "A heading sharing at most this share of its words (Chinese: character pairs) with the copy around it is foreign to it"),
        ],
        triggering: [
            Example("""
                市运会田径比赛落幕

                　　本报讯　为期三天的𠮷川市第十届运动会田径比赛昨天落幕，澄波区代表团以12枚金牌位列奖牌榜第一。

                ↓【男子篮球联赛第三轮赛果】

                【本周赛事预告】
                4月19日　9:00　青少年足球联赛揭幕战　体育公园
                4月20日　14:00　城市篮球联赛补赛　全民健身中心
                """, note: "a box's heading in 【】 with the next box's heading right under it: the first box is empty"),
            Example("""
                YOUR LETTERS

                Keep the ferry running

                The ferry to 𠮷 Point is the only way many of us can reach the market without a long drive.

                Moira Penhallow
                Tregarth

                ↓Library opening hours

                Speed bumps are overdue

                Cars come down Quay Road far too fast for a street where children walk to school every day.

                Daniel Roskilly
                Polwenna

                Thanks to the lifeboat crew

                I want to thank the volunteers who came to help my son when his dinghy overturned last month.

                Agnes Trebilcock
                Penmorva
                """, note: "a letters page whose titles stand alone (the town under each writer's name is no heading): a title stacked over the next letter's heads nothing"),
            Example("""
                稿件编号：XW-0001
                标题：河畔社区开办“长者食堂”
                作者：记者　林小川
                正文：
                河畔社区“长者食堂”昨天开张，每份午餐收费10元，80岁以上老人再减2元。
                食堂由社区闲置的活动室改建而成，可同时容纳40位老人就餐。
                【编辑：周　岚】
                ========================================
                稿件编号：XW-0002
                标题：𠮷溪小学新建塑胶跑道投入使用
                作者：记者　林小川
                正文：
                𠮷溪小学新建的塑胶跑道昨天投入使用，全长300米，铺设了环保材料。
                学校还在操场一角新建了沙坑和单杠，方便学生课间锻炼。
                ↓全市春季消防安全大检查启动
                “以前下雨天操场全是泥，现在随时都能跑。”五年级学生陈思远说。
                校长介绍，跑道在课余时间还将向周边居民开放。
                【编辑：周　岚】
                """, note: "a content system's export: each 标题 field heads its record, and a line in a record's body that shares no words with it is another story's headline"),
            Example("""
                本报讯 记者林晓 全市首批智慧停车场昨日投入使用，市民可通过手机查询空余车位。

                据介绍，今年还将新建智慧停车场二十个。

                # ↓首批智慧停车场投入使用
                """, note: "the story's headline printed after it"),
            Example("""
                𠮷溪日报　公告

                𠮷溪县交通运输局
                关于县城公交线路调整的通告
                溪交通〔2025〕8号
                    为方便群众出行，自3月1日起，县城3路公交车延伸至城南新区。
                    特此通告。
                𠮷溪县交通运输局
                2025年2月20日

                ↓𠮷溪县自然资源局关于城东地块规划调整的批前公示

                𠮷溪县民政局
                关于开展2025年度社会组织年检工作的通知
                    全县各社会组织应于4月30日前报送年度工作报告。
                𠮷溪县民政局
                2025年2月21日
                """, note: "a page of notices: an official document's title (…关于…的公示) with no text under it, the next notice's issuer and title following"),
            Example("""
                𠮷溪晚报　社会新闻
                街头志愿者冬夜送热汤
                　　本报讯（记者　林　木）12月2日晚，𠮷溪市一群志愿者在火车站广场为夜归的旅客送上热汤。
                　　志愿者说，热汤由附近的餐馆免费提供，今冬每周送三次。
                　　本报讯（记者　周　川）经过三个月施工，河滨公园的步道改造完工，沿河新增了十处休息座椅。
                　　公园管理处介绍，步道全长两公里，改造后铺上了防滑的透水砖。
                ↓河滨公园步道改造完工
                菜市场里开出“便民修补站”
                　　本报讯（记者　林　木）修鞋、配钥匙、缝补衣服，城南菜市场一角新开的修补站忙个不停。
                　　摊主老韩说，来修东西的大多是附近的老街坊。
                """, note: "a story with no headline, then a line that takes up its words set as the kicker over the next story's headline: the first story's headline, printed after it"),
            Example("""
                # 老街的年味

                　　腊月二十三一过，老街上的年货摊子就一天比一天多，卖对联的、卖糖瓜的，从街头排到𠮷桥边。

                ↓本报鹿鸣1月20日电

                　　摊主们说，今年买年货的年轻人明显多了，不少人是专门从城里开车回来的。
                """, note: "a dateline on a line of its own inside the copy, with no headline over it"),
            Example("""
                ### 城市观察

                # 首批智慧停车场投入使用

                本报讯 记者林晓 全市首批智慧停车场昨日投入使用，市民可通过手机查询空余车位。

                # ↓新建口袋公园十二个

                ## 市民出门三百米见绿

                ### 民生实事

                # 老旧小区加装电梯提速

                今年全市还将为老旧小区加装电梯三百部，并在𠮷安路试点共享电梯。
                """, note: "a headline and its subtitle with no story, stacked over the next story's kicker and headline"),
            Example("""
                港口吞吐量创新高

                　　今年前十个月，港口货物吞吐量同比增长百分之八，集装箱吞吐量增长百分之十二。

                　　港口方面表示，将继续扩建𠮷安码头的泊位，明年新增泊位四个。

                ↓春节返乡迎高峰　铁路加开夜间列车

                　　（本报记者周文）
                """, note: "another story's headline, two phrases set apart as only headlines are, at the end of a story it shares no words with"),
            Example("""
                # 今年首批消费券本周六发放

                本报讯　南江市今年首批消费券将于本周六上午起发放，市民可通过政务服务平台领取。

                参与活动的商户超过六千家，覆盖全市各区县。

                ↓消费券精准发放　拉动市场回暖
                """, note: "a headline set as only headlines are, at the end of a story it shares some words with: a headline with no story under it"),
            Example("""
                港口吞吐量创新高

                今年前十个月，港口货物吞吐量同比增长百分之八，集装箱吞吐量增长百分之十二。

                集装箱航线越开越多

                ↓春节返乡迎高峰 铁路加开夜间列车

                码头工人介绍，新泊位投用后，集装箱船靠泊时间缩短了三成，港口吞吐能力明显提升。
                """, note: "another story's headline under a subhead of this one"),
            Example("""
                量子科普进行时

                　　量子信息技术正在走出实验室，走进寻常百姓的生活。

                　　↓近十几年来，“量子”热度明显提升

                　　科研应用不断突破，科普任重道远

                　　由于量子信息在通信、金融等方面用途广泛，𠮷安等地的科研机构纷纷投入研究。
                """, note: "two subheads built alike in a row: the first section lost its text"),
            Example("""
                LETTERS TO THE EDITOR

                Keep the Harrow Lane library open

                I was dismayed to read that the library may close. For many older residents it is the only warm place they can go.

                - Margaret Lowell, Eastcombe

                The bypass forgets cyclists

                The revised plans for the bypass have no crossing for bicycles at the roundabout.

                - Henrik Sørensen, Millbridge

                Thank you, Dunmere volunteers

                On behalf of the allotment society, thank you to everyone who helped clear the flood damage.

                - Claire Bérubé, secretary, Dunmere Allotment Society

                Since the new parking charges came in, trade on Quay Street has fallen by a third.

                - Name and address supplied

                ↓Parking charges are emptying Quay Street

                Water bills need explaining

                My quarterly water bill has gone up by a fifth, and nobody has told me why.

                - Name and address supplied
                """, note: "a letters page, each letter closed by its credit: a letter that opens straight after the previous credit has no title, and the two titles stacked under its own credit are its title, printed after it, and the next letter's"),
            Example("""
                老字号的新味道

                走进南门老街，百年酱园的门店里顾客不断，酱菜和腐乳摆满了货架。

                坚持传统工艺

                酱园至今坚持日晒夜露，一缸酱要晒足一百八十天。

                ↓守住手艺根脉

                拓宽销售渠道

                过去，酱园的产品主要靠门店销售，如今网上旗舰店的销售额已占四成。
                """, note: "plain copy with short subheads: two in a row, where the story's others stand alone, leave the first section empty"),
            Example("""
                # 城北热电厂完成扩容改造

                城北热电厂扩容改造工程昨日通过验收，全市新增集中供热面积三百万平方米。

                ## ↓𠮷林雾凇节开幕吸引游客

                改造同步更新了老旧管网，供热效率提高百分之十五。
                """, note: "another story's headline in the middle of a body"),
            Example("""
                # 城市公交线路调整

                市交通局昨日公布了公交线路调整方案，涉及𠮷安路在内的十二条公交线路。调整后，公交线路将覆盖更多老旧社区。

                ### 方便老人出行

                # ↓全省冬小麦播种面积稳中有增

                调整后，社区老人乘坐公交线路到医院看病不必再换乘，候车时间平均缩短了十分钟。交通局还将根据乘客反馈继续优化公交线路。
                """, note: "another story's headline under a subhead of the story: the two read as a kicker and its headline, and the headline is judged on its own words"),
            Example("""
                Q&A: the reservoir repairs

                Q: Why does the dam need work?

                A: The spillway was built in 1958 and its concrete has cracked. Work starts in September.

                Costs

                Q: Who pays for it?

                A: Customers do, over several years, through their bills.

                ↓Riverside pool to reopen in September

                Q: Could the company not pay from its profits?

                A: Our shareholders will take no dividend this year.

                Drought

                Q: Are we heading for a hosepipe ban?

                A: Not this summer, unless it stays dry.
                """, note: "an interview whose crossheads are a word each: a headline's sentence among them is another story's, though it shares a word (September)"),
            Example("""
                # 港口吞吐量创新高

                今年前十个月，港口货物吞吐量同比增长百分之八。

                ### ↓集装箱航线持续加密

                ### 冷链物流快速发展

                冷链仓储面积比去年扩大一倍。
                """, note: "a section heading with no text under it"),
            Example("""
                Shares in the airline fell sharply on Monday after it warned on profits.

                The company blamed higher fuel costs.

                ↓Airline shares slump on profit warning
                """, note: "plain copy: the headline at the end"),
            Example("""
                Games win for new disc format

                The next-generation disc format has won the backing of two of the biggest games publishers.

                Both companies said their next titles would ship on the format.


                Third-generation mobile networks need to get faster if they are to deliver fast internet surfing on the move.

                That was one of the messages from the mobile industry at its congress in Cannes last week, where operators showed faster networks.

                ↓Mobile networks seek turbo boost
                """, note: "a page's second story, set without its headline, which is printed after it in headlinese"),
            Example("""
                By Nina Caldwell

                EASTCOMBE, June 9 - Eastcombe beat Dunmere by 43 runs on Saturday, with the left-arm spinner Tom Ashcroft taking four wickets for 22.

                Eastcombe are second in the table, three points behind Kestrel Bay, with four matches left.

                ↓Ashcroft spins Eastcombe to victory

                RESULTS

                Harbour League
                Millbridge Town 2  Harrow Vale Rovers 1
                Eastcombe United 1  Kestrel Bay 1
                """, note: "a report under only a byline, its headline printed after it, over the results section's name in capitals"),
            Example("""
                本报讯（记者 林晓）𠮷安市第二人民医院新门诊楼日前投入使用，新楼共七层。

                医院相关负责人表示，原门诊楼将改造为康复中心。

                ↓市二院新门诊楼投入使用

                城际公交今起开通
                本报讯（记者 钟予安）六月一日起，城际公交正式开通，高峰时段二十分钟一班。

                首班车六时三十分发车。
                """, note: "a page of briefs: one opens on 本报讯 with no headline, and its headline is printed under it, over the next brief's"),
            Example("""
                政策解读｜老旧小区加装电梯补贴新办法

                　　近日，𠮷安市修订了既有住宅加装电梯补贴办法。
                ↓三、哪些小区可以申请？
                四、申请流程是怎样的？
                　　新办法将审批环节压减为四个，全程网上办理。
                """, note: "numbered section heads in a row: the first section lost its text"),
            Example("""
                　　本报讯（记者　樊一鸣）5月14日，𠮷阳市首届市民篮球联赛在全民健身中心开幕，126支球队报名参赛。

                　　本届联赛分东、西两个赛区进行主客场循环赛，比赛将持续到9月底。

                ↓市民篮球联赛开赛　126支球队同场竞技

                【第九轮赛果】
                𠮷阳女排　3∶1　澄浦女排
                临江女排　3∶0　桑溪女排
                """, note: "a brief that opens on 本报讯 with its headline printed after it, over a box of results under a 【】 title"),
            Example("""
                一条邮路　四十年

                　　罗德贵在𠮷安的山里送了四十年邮件。

                【山里人等的不只是信】
                　　天还没亮，罗德贵就把报纸和包裹装上了车。

                ↓【从自行车到摩托车】

                【一部“活地图”】
                　　哪条路雨天会塌方，罗德贵都清清楚楚。
                """, note: "a story whose subheads are set in 【】: two in a row leave the first section empty"),
            Example("""
                区里建起书香驿站

                　　本报讯　在𠮷安市东门菜市场二
                楼，一间三十平方米的书香驿站日前
                开门迎客，书架上摆着两千多册图书。
                　　驿站由区图书馆和菜市场管理方
                共同建设，图书每月更换一次，每周
                二、周五有志愿者值守。
                　　区图书馆馆长介绍，今年全区计划
                在菜市场、公交场站等人流密集的地
                方建成二十个书香驿站。
                ↓鹤岭镇启动夏季山塘清淤
                """, note: "an OCR'd column whose paragraphs open with an indent: a line set flush with no mark at all after a complete paragraph, at the foot of the page, is a headline with no story"),
            Example("""
                本报讯（记者 林晓）今年暑期全市将开设公益托管班八十六个，覆盖𠮷安所有城区小学。

                托管班每天八时至十七时三十分开放，家长可在七月一日前报名。
                ↓暑期托管班七月一日截止报名

                旧书交换会　孩子当摊主
                ▲六月十八日，市青少年宫举办旧书交换活动，孩子们带来旧绘本。
                （本报记者　郑岚　摄）
                """, note: "a picture page: a story that opens on 本报讯 has its headline printed after it, over the next picture's headline and its ▲ caption"),
            Example("""
                天寒地冻，记者走进苏苏村的温室大棚，负责人正在查看蔬菜长势。

                两年前，苏苏村摘掉了“贫困帽”，全村贫困户都实现了扶贫产业全覆盖。

                ↓苏苏村扶贫产业全覆盖
                村民有了精气神（新春走基层）

                港口吞吐量创新高
                ——市港务局发布今年前十个月全市港口货物吞吐量和集装箱吞吐量的统计数据

                今年前十个月，𠮷安港货物吞吐量同比增长百分之八。

                码头新建的两个泊位已经投入使用。
                """, note: "a page of two stories: the first one's headline and deck, stacked without a blank line, printed after it, over the next story's headline and ——deck"),
        ],
        nonTriggering: [
            Example("""
                　　本报讯　记者昨日从市公交集团获悉，为配合𠮷湖大桥维修施工，5月1日起3条公交线路临时调整走向。

                　　12路：双向改经湖滨路，取消大桥北站。

                　　27路：运营时间不变，取消湖心公园站。

                【温馨提示】
                乘客可通过“公交出行”APP查询实时到站信息
                也可拨打12345政务服务便民热线咨询
                """, note: "the last line of a box, set close under its label in 【】 and the box's other lines, is an item of the box, not the headline of the story above"),
            Example("""
                YOUR LETTERS

                Keep the ferry running

                The ferry to 𠮷 Point is the only way many of us can reach the market without a long drive.

                Moira Penhallow
                Tregarth

                Speed bumps on Quay Road are long overdue

                Cars come down Quay Road far too fast for a street where children walk to school every day.

                Daniel Roskilly
                Polwenna

                Editor's note: The council will discuss the ferry timetable at its meeting on Thursday, June 5.

                Letters page compiled by Ruth Kernick
                """, note: "a credit for the page's making (Letters page compiled by …) closes the page: no headline"),
            Example("""
                首页 > 乡镇动态
                𠮷溪县举办首届乡村篮球赛
                　　本报讯　10月12日，𠮷溪县首届乡村篮球赛在城关镇开幕，全县十二支村队参赛。
                　　比赛将持续一个月，决赛安排在县体育馆举行。
                相关新闻
                · 城关镇新建灯光球场投用　2024-09-15
                · 乡村篮球赛报名启动　2024-09-02
                版权所有：𠮷溪县融媒体中心　　技术支持：𠮷溪县融媒体中心信息部
                """, note: "a web page's related-news list and its copyright line: no headline"),
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
                """, note: "a station's schedule, its rows opening on their times, and the previews' credit under it: no headlines"),
            Example("""
                Bay Evening Post
                Home › News › Coast
                LIVE
                Storm over 𠮷 Bay: 30 homes evacuated in Kelham as tide peaks – latest
                Families spend night in school hall; Quay Road closed; buses replace ferries between Kelham and Sandry

                Key events
                17.20 Council opens rest centre
                15.45 Tide peaks at 6.1 metres
                Show key events only

                Live feed
                By Ann Kell and Joe Marr
                Updated 17.40 BST

                17.40 BST
                We are pausing our coverage here. Thank you for following along tonight.

                Share

                17.20 BST
                Rest centre "busy but calm"
                Our reporter Ann Kell is at the Kelham school hall, where 48 people have now signed in.

                Volunteers from the sailing club are handing out tea and blankets.

                Share

                15.45 BST
                Tide peaks at 6.1 metres
                The gauge at Kelham pier has recorded 6.1 metres, the highest for a decade.

                Share
                """, note: "a live report: its key events open on their times, and each post's headline sits under the post's time"),
            Example("""
                Hi desk,

                One for the district page from 𠮷 Bay. Pictures to follow in a separate email.

                Ann

                --------

                CATCHLINE: LIFEBOAT
                WORDS: 210
                BYLINE: Ann Kell

                Lifeboat crew rescue two from sandbank

                By Ann Kell

                TWO walkers were rescued from a sandbank off Kelham on Sunday after the tide cut them off.

                The volunteer crew reached them within twenty minutes of the call.

                ENDS
                """, note: "filed copy: the reporter's note signed with a first name, then the copy's header fields (CATCHLINE:, WORDS:) over the story: no headlines"),
            Example("""
                Council approves harbour plan

                HARROW VALE, June 3 - The council approved the harbour plan on Monday by nine votes to two.

                The work will start in the autumn.

                - Staff report

                Bridge to close for repairs

                DUNMERE, June 4 - The old bridge will close for two weeks from Monday.

                - Staff report
                """, note: "a credit after each story of a roundup (- Staff report) is no heading"),
            Example("""
                # 𠮷溪县政协全会开幕

                本报讯　政协𠮷溪县第九届委员会第三次会议昨天上午开幕，委员们将围绕乡村振兴建言献策。

                会议听取了县政协常委会工作报告。

                【会议日程】

                一月十六日（星期二）上午　开幕会
                一月十七日（星期三）上午　大会发言
                一月十八日（星期四）上午　闭幕会
                """, note: "a programme's days, each row opening on its date, are a schedule's rows: none is a headline"),
            Example("""
                加装电梯补贴办法解读

                　　近日，𠮷安市修订了既有住宅加装电梯补贴办法。
                六、常见问题
                　　问：楼里有业主不同意怎么办？
                　　答：由社区组织协商，协商不成的暂缓实施。
                """, note: "a numbered section head heads a section of its story, whatever words it shares"),
            Example("""

                在团圆中传承好家风（评论员观察）
                ——新春之际话新风
                　　重新认识家风家教，在传承好家风中建构属于新时代的春节文化
                　　春节的价值内核经久不变，那就是对亲情团聚的依依眷恋
                　　春节期间是考验风气的重要节点，也是正家风、正家教的节点
                　　
                　　一句“回家过年”，牵动着亿万人对亲情团聚的眷恋。从𠮷安到北京，春节归乡的路再远也挡不住团圆的脚步。
                　　家风家教是春节文化的内核，正家风是社会风气的重要节点。
                """),
            Example("""
                港口吞吐量创新高

                今年前十个月，港口货物吞吐量同比增长百分之八，集装箱吞吐量增长百分之十二。

                集装箱航线越开越多 港口吞吐能力提升

                码头工人介绍，新泊位投用后，集装箱船靠泊时间缩短了三成，港口吞吐能力明显提升。
                """),
            Example("""
                ### 冬季供暖季前瞻

                # 城北热电厂完成扩容改造

                ## 新增供热面积三百万平方米

                □ 本报记者 林小川

                城北热电厂扩容改造工程昨日通过验收。

                ### 老旧小区管网同步更新

                改造同步更新了老旧小区的供热管网。
                """),
            Example("""
                # 第一篇报道的标题

                第一篇报道的正文。

                ## 跨江大桥主体工程完工

                新华社南京3月5日电 记者林晓 跨江大桥主体工程5日完工。
                """, note: "a new story opening with its dateline"),
        ]
    )

    let maxAffinity: Double

    public init(options: RuleOptions) {
        maxAffinity = options.double("maxAffinity")
    }

    public func check(_ context: RuleContext) -> [Finding] {
        guard context.blocks.count >= 2 else { return [] }
        let scan = HeadlineScan(context)
        strayDatelines(scan)
        for n in scan.groups.indices {
            if headlineAfterStory(scan, n) || lateHeadlineOverNext(scan, n) || stackedHeadings(scan, n) { continue }
            foreignHeadline(scan, n)
        }
        headlineseInCopy(scan)
        emptyBoxes(scan)
        return scan.findings
    }

    /// Block `i`'s first character is a lower-case letter (a body block is not decoded whole).
    static func startsLowercase(_ facts: DocumentFacts, _ i: Int) -> Bool {
        guard let first = facts.opening(of: i).first else { return false }
        if first < 0x80 { return CharClass.isASCIILower(first) }
        // Chinese has no case.
        if first >= 0x2E80, first < 0xA640 { return false }
        return Unicode.Scalar(first)?.properties.isLowercase == true
    }

    /// Paragraphs, captions, datelines and bylines (a switch: a set of kinds would hash each kind's name).
    static func isBodyKind(_ kind: BlockKind) -> Bool {
        switch kind {
        case .paragraph, .caption, .dateline, .byline, .listing: return true
        default: return false
        }
    }
}
