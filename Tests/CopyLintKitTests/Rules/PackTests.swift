import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

final class PackTests: TempFolderTestCase {
    static let repoRoot = TestPaths.repoRoot

    /// The packs compiled into copylint are exactly the files in rules/.
    func testEmbeddedPacksMatchRulesFolder() throws {
        let rules = Self.repoRoot.appendingPathComponent("rules")
        var onDisk: [String: String] = [:]
        for pack in try FileManager.default.contentsOfDirectory(atPath: rules.path) {
            let folder = rules.appendingPathComponent(pack)
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDir), isDir.boolValue else { continue }
            for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".json") {
                onDisk["rules/\(pack)/\(name)"] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            }
        }
        var embedded: [String: String] = [:]
        for file in BuiltinPacks.files { embedded[file.path] = file.text + "\n" }
        XCTAssertEqual(Set(onDisk.keys), Set(embedded.keys), "rules/ changed: run python3 scripts/embed-packs.py")
        for (path, text) in onDisk {
            XCTAssertEqual(embedded[path], text, "\(path) differs from the embedded copy: run python3 scripts/embed-packs.py")
        }
        XCTAssertEqual(BuiltinRules.packs.map(\.name).sorted(), ["en-news", "zh-hans-news", "zh-hant-news"], "a built-in pack failed to parse")
        // copylint skips compiling its own packs' patterns at start-up: they must be valid.
        XCTAssertNoThrow(try PackLoader().load(folder: rules.path))
        XCTAssertEqual(BuiltinRules.packs.flatMap(\.rules).count, BuiltinPacks.files.filter { !$0.path.hasSuffix("/pack.json") }.count)
    }

    func testAhoCorasickFindsOverlappingAndCaseFolded() {
        let ac = AhoCorasick([Array("he".utf8), Array("she".utf8), Array("hers".utf8), Array("窨井".utf8)], ignoreASCIICase: true)
        let text = Array("uSHErs 窨井盖".utf8)
        let found = ac.matches(in: text, range: SourceRange(0, text.count)).map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
        XCTAssertEqual(found.sorted(), ["HE", "HErs", "SHE", "窨井"].sorted())
        let longest = ac.nonOverlappingMatches(in: text, range: SourceRange(0, text.count)).map { String(decoding: text[$0.start..<$0.end], as: UTF8.self) }
        XCTAssertEqual(longest, ["SHE", "窨井"])
    }

    /// The byte scan for doubled Han characters finds exactly what a decode-and-compare finds:
    /// three- and four-byte characters, at every offset, in short ranges and in long ones; doubled
    /// dashes and ellipses (not Han) are not doublings.
    func testDoubledHanCharacterScanMatchesDecoding() {
        let pieces = ["低", "低", "𠮷", "𠮷", "——", "……", "a", " ", "。", "好", "常常", "𠮷𠮷", "国国", "é", "ab", "　"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<400 {
            let text = (0..<Int.random(in: 0...24, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let bytes = Array(text.utf8)
            let range = SourceRange(0, bytes.count)
            let t = ScalarText(bytes, range)
            var expected: [Int] = []
            for i in t.scalars.indices.dropFirst() where t.scalars[i] == t.scalars[i - 1] && CharClass.isHan(t.scalars[i]) {
                expected.append(Int(t.offsets[i - 1]))
            }
            XCTAssertEqual(DoubledCharacters.offsets(bytes, range), expected, text)
        }
    }

    /// Whether a doubling recurs elsewhere in the file is told from the file's index of doublings: the
    /// same answer as reading the whole file for the three characters, on random texts with names
    /// written twice, paragraphs printed twice, four-byte characters and doublings at either end.
    func testRecurringDoublingFoundFromIndexAsFromWholeFile() {
        let pieces = ["庙庙湖", "庙庙", "湖", "村", "离开", "𠮷𠮷", "𠮷", "低低", "五度", "，", "。", "a", "\n\n", "村村", "湖湖"]
        var generator = SystemRandomNumberGenerator()
        var recurring = 0, tested = 0
        for _ in 0..<300 {
            var text = (0..<Int.random(in: 2...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            if Bool.random(using: &generator) { text += "\n\n" + text }   // a paragraph printed twice
            let bytes = Array(text.utf8)
            let t = ScalarText(bytes, SourceRange(0, bytes.count))
            let index = DoubledCharacters.Index(bytes)
            for i in t.scalars.indices.dropFirst() where t.scalars[i] == t.scalars[i - 1] && CharClass.isHan(t.scalars[i]) {
                let found = DoubledCharacters.recursElsewhere(t, at: i, bytes, index)
                XCTAssertEqual(found, Self.recursByReadingEverything(t, at: i, bytes), "\(text) at \(i)")
                tested += 1
                if found { recurring += 1 }
            }
        }
        XCTAssertGreaterThan(recurring, 20, "the random texts must hold recurring doublings")
        XCTAssertGreaterThan(tested - recurring, 20, "and doublings that do not recur")
    }

    /// The reference: every place in the file where the doubling and its neighbour recur, with other
    /// text around them.
    static func recursByReadingEverything(_ t: ScalarText, at i: Int, _ bytes: [UInt8]) -> Bool {
        guard let (start, end) = DoubledCharacters.withNeighbour(t, at: i) else { return false }
        let needle = Array(bytes[start..<end])
        func around(_ a: Int, _ z: Int) -> [UInt8] { Array(bytes[max(0, a - 9)..<a]) + [0xFF] + Array(bytes[z..<min(bytes.count, z + 9)]) }
        var k = 0
        while k + needle.count <= bytes.count {
            if k != start, Array(bytes[k..<(k + needle.count)]) == needle, around(k, k + needle.count) != around(start, end) { return true }
            k += 1
        }
        return false
    }

    /// A pattern's prefilter never says no where ICU finds a match: on random texts, for the built-in
    /// packs' patterns and for patterns with groups, alternations, repeats, classes, ranges and
    /// escapes. Patterns it cannot read have none, and the built-in ones do have one (else the test
    /// would pass by running every pattern everywhere).
    func testRegexPrefilterNeverRejectsWhatThePatternMatches() throws {
        let builtIn = BuiltinRules.packs.flatMap(\.rules).flatMap(\.patterns)
        XCTAssertFalse(builtIn.isEmpty)
        for p in builtIn { XCTAssertNotNil(RegexPrefilter(p, ignoreCase: false), p) }
        let own = ["[ab]+b", "x(?:yz|w)+q?", "\\bfoo\\b", "a{2,}[.,]", "(?<=\\w)[ \\t]+([,;:!?]|\\.(?![.\\w]))",
                   "[A-Za-z0-9]+(?=\\p{Han})", "(?<name>b|c)\\s*,", "^a*b", "a?b+c", "[-,]x", "\\.\\.", "ab|cd", "a\\d+b",
                   "(a)\\1b", "[^a]b", "(?i)ab", "[a-c&&b]x", "\\Qa.b\\E",
                   // Shapes a first reading got wrong: an alternation after an escape it stops at, \U
                   // with eight figures, a POSIX class, a range ending on an escaped ], \Q…\E in a group.
                   ",\\p{L}|;", "\\U0000002C", "[:digit:]", "[!-\\]]", "(\\Q),\\E)?;", "(?x)a # b"]
        for p in ["ab|cd", "(?i)ab", "[^a]", "."] { XCTAssertNil(RegexPrefilter(p, ignoreCase: false), p) }
        XCTAssertEqual(RegexPrefilter("[^a]b", ignoreCase: false), RegexPrefilter("b", ignoreCase: false), "the first element it can read")
        XCTAssertNil(RegexPrefilter("ab", ignoreCase: true), "a letter without case: ICU folds it beyond ASCII")
        let pieces = ["a", "b", "c", "x", "y", "z", "w", "q", "foo", " ", "\t", ",", ".", "..", "!", "-", "1", "漢", "𠮷", "K", "\n", "é", "yz",
                      ";", "]", "5", ":", "\u{212A}", "\u{17F}", "),"]
        var generator = SystemRandomNumberGenerator()
        var rejected = 0, matched = 0
        for (p, ignoreCase) in (builtIn + own).map({ ($0, false) }) + ["[ -~]x", "[ -~]", "k,", "[a-z]+;", ",[ks]"].map({ ($0, true) }) {
            let regex = try NSRegularExpression(pattern: p, options: ignoreCase ? [.caseInsensitive] : [])
            let filter = RegexPrefilter(p, ignoreCase: ignoreCase)
            for _ in 0..<300 {
                let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
                let bytes = Array(text.utf8)
                let found = regex.firstMatch(in: text, range: NSRange(location: 0, length: (text as NSString).length)) != nil
                let may = bytes.withUnsafeBufferPointer { filter?.mayMatch($0, SourceRange(0, bytes.count)) ?? true }
                if found { matched += 1; XCTAssertTrue(may, "/\(p)/ on \(text.debugDescription)") }
                if !may { rejected += 1 }
            }
        }
        XCTAssertGreaterThan(matched, 200)
        XCTAssertGreaterThan(rejected, 500, "the prefilters must turn texts away")
    }

    /// A pack rule's message is filled in one pass over its template: the same text as replacing each
    /// `{key}` in turn, for every built-in rule's message and for templates with braces that hold no
    /// key, keys with no value and several keys.
    func testMessageTemplateFillsAsSearchAndReplaceDoes() {
        var templates = BuiltinRules.packs.flatMap(\.rules).map(\.message)
        templates += ["{match} then {match}", "{", "}", "{}", "a{b", "{a{match}}", "x {other} y {match}", "", "{match}", "全角“{match}”，应为{expected}。"]
        for template in templates {
            var spec = BuiltinRules.packs[0].rules[0]
            spec.message = template
            let matcher = PackMatcher(spec)
            for values in [["match": "低低"], ["match": "“", "expected": "”"], [:], ["other": "𠮷", "match": "x"]] {
                var expected = template
                for (k, v) in values { expected = expected.replacingOccurrences(of: "{\(k)}", with: v) }
                XCTAssertEqual(matcher.message(values), expected, "\(template) \(values)")
            }
        }
    }

    /// doubled-word passes over ASCII copy whose bytes hold no word twice in a row, compares ASCII
    /// words in place and makes strings only of a matching pair: it finds what comparing every word
    /// as a lower-cased string finds, across case, apostrophes (straight and curly), accented letters
    /// and the Kelvin sign (which lower-cases to k).
    func testDoubledWordsComparedInPlaceAgreeWithStrings() throws {
        let pieces = ["the", "The", "THE", "the", "of", "OF", "a", "an", "An", "it's", "it’s", "It's", "café", "Café", "CAFÉ",
                      "\u{212A}ing", "king", "King", "and", "And", "for", "For", "to"]
        let gaps = [" ", " ", " ", "  ", ", ", ". ", "\n\n", ""]
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        let rule = try XCTUnwrap(linter.rules.first { $0.id == "en-news/doubled-word" })
        var fast = try XCTUnwrap(rule.checker as? PackChecker)
        fast.comparesWordsInPlace = true
        var strings = fast
        strings.comparesWordsInPlace = false
        assertShortcutChangesNothing(pieces: pieces, gaps: gaps, prefix: "The council met on Monday. ", atLeast: 50,
                                     fast: { fast.check(RuleContext(document: $0)) }, full: { strings.check(RuleContext(document: $0)) })
    }

    /// The automaton finds what a plain search finds, in both case modes: one-byte patterns, patterns
    /// that share a first letter with common words, Chinese, at the ends of the range.
    func testAhoCorasickAgreesWithAPlainSearch() {
        let patterns = [",", "e-mail", "email", "Wi-Fi", "wifi", "5G", "一愁莫展", "。。。", "ab", "EM"].map { Array($0.utf8) }
        let pieces = ["e", "m", "a", "i", "l", "-", ",", "W", "w", "F", "f", "5", "G", "g", "一", "愁", "莫", "展", "。", "b", "A", "E", "M", " ", "的"]
        var generator = SystemRandomNumberGenerator()
        for ignoreCase in [false, true] {
            let ac = AhoCorasick(patterns, ignoreASCIICase: ignoreCase)
            let fold = { (b: UInt8) in ignoreCase ? AhoCorasick.fold(b) : b }
            for _ in 0..<300 {
                let text = Array((0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined().utf8)
                var expected: [String] = []
                for start in text.indices {
                    for (p, pattern) in patterns.enumerated() where start + pattern.count <= text.count
                        && zip(text[start...], pattern).allSatisfy({ fold($0) == fold($1) }) {
                        expected.append("\(p)@\(start)")
                    }
                }
                let found = ac.matches(in: text, range: SourceRange(0, text.count)).map { "\($0.pattern)@\($0.start)" }
                XCTAssertEqual(found.sorted(), expected.sorted(), String(decoding: text, as: UTF8.self))
            }
        }
    }

    func writePack(_ folder: String, _ files: [String: String]) throws {
        for (name, text) in files { try write("\(folder)/\(name)", text) }
    }

    static let house = """
        {
          "id": "banned-words",
          "kind": "existence",
          "summary": "Words the house style book bans",
          "message": "'{match}' is banned by the house style",
          "severity": "error",
          "tokens": ["众所周知", "毋庸置疑"],
          "examples": { "triggering": ["↓众所周知，这是好事。"], "nonTriggering": ["大家都知道，这是好事。"] }
        }
        """

    func testLintrcLoadsHousePackAndConfiguresItsRules() throws {
        try writePack("house", ["banned-words.json": Self.house])
        try write(".lintrc", #"{"packs": ["./house"], "rules": {"house/banned-words": "warning"}}"#)
        try write("page.md", "# 标题\n\n众所周知，城市图书馆延长了夜间开放时间。\n")
        let r = copylint(["--format", "gcc", "page.md"])
        XCTAssertEqual(r.out, "page.md:3:1: warning: '众所周知' is banned by the house style [house/banned-words]\n")
        XCTAssertTrue(copylint(["rules"]).out.contains("house/banned-words"))
        XCTAssertTrue(copylint(["explain", "house/banned-words"]).out.contains("Words the house style book bans"))
    }

    func testOwnPacksCanBeNamedInLintrc() throws {
        try writePack("house", ["banned-words.json": Self.house])
        try write(".lintrc", #"{"packs": ["rules/zh-hans-news", "./house"], "rules": {"zh-hans-news/doubled-character": "error"}}"#)
        try write("page.md", "# 标题\n\n众所周知，今天比昨天低低五度。\n")
        let r = copylint(["--format", "gcc", "page.md"])
        XCTAssertTrue(r.out.contains("[house/banned-words]") && r.out.contains("error: '低低'"), r.out + r.err)
    }

    func testBrokenPacksAreClearErrors() throws {
        try write("page.md", "# 标题\n\n正文。\n")
        try writePack("bad-regex", ["r.json": """
            {
              "id": "broken", "kind": "existence", "summary": "s", "message": "m",
              "patterns": ["ok", "(unclosed"]
            }
            """])
        try write(".lintrc", #"{"packs": ["bad-regex"]}"#)
        var r = copylint(["page.md"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("bad-regex/r.json:3:22: error: invalid regular expression in rule \"bad-regex/broken\""), r.err)

        try writePack("bad-kind", ["r.json": #"{"id": "x", "kind": "existance", "summary": "s", "message": "m"}"#])
        try write(".lintrc", #"{"packs": ["bad-kind"]}"#)
        r = copylint(["page.md"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("bad-kind/r.json:1:21: error: invalid kind \"existance\"") && r.err.contains("did you mean \"existence\"")
                      && r.err.contains("(rule \"bad-kind/x\")"), r.err)

        try writePack("bad-json", ["r.json": "{\"id\": \"x\",, }"])
        try write(".lintrc", #"{"packs": ["bad-json"]}"#)
        r = copylint(["page.md"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("bad-json/r.json:1:12: error:"), r.err)

        try write(".lintrc", #"{"packs": ["missing-folder"]}"#)
        r = copylint(["page.md"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("missing-folder: rule pack folder not found"), r.err)
    }

    func testPackRulesRunOnlyForTheirLanguage() throws {
        try write("zh.md", "# 标题\n\n秋收时节,随着新型农机陆续下田。\n")
        try write("en.md", "# Title\n\nThe council said the the plan would cost more.\n")
        let r = copylint(["--format", "gcc", "zh.md", "en.md"])
        XCTAssertEqual(r.out, """
            en.md:3:18: warning: 'the' is printed twice [en-news/doubled-word]
            zh.md:3:5: warning: half-width ',' in Chinese text: use '，' [zh-hans-news/half-width-punctuation]

            """)
    }
}

/// Which pack patterns are watched by the time budget while they match.
final class RegexRiskTests: XCTestCase {
    func testNestedQuantifiersAlternationsAndBackreferencesAreRisky() {
        for risky in [#"(a+)+b"#, #"(\w+\s?)*x"#, #"(a|ab)*c"#, #"(x)\1"#, #"((ab)+)+"#, #"(?:好+)+坏"#, #"(a{2,})*"#] {
            XCTAssertTrue(RegexRisk.canBacktrackBadly(risky), risky)
        }
        for plain in [#"(?<=\p{Han})[A-Za-z0-9]+"#, #"(?<=\w)[ \t]+([,;:!?]|\.(?![.\w]))"#, #"[(+*)]+"#, #"a+b*"#, #"(abc)+"#, #"\(a+\)+"#, #"(a|b)"#] {
            XCTAssertFalse(RegexRisk.canBacktrackBadly(plain), plain)
        }
    }

    /// Spaces that open a line inside a block (a boxed quote's indented lines) are layout: a pack's
    /// literal match there is no finding; a run between words is.
    func testIndentationInsideABlockIsNoMatch() {
        let text = "    \"Half of them went to 𠮷  that\r\n    school.\""
        let bytes = Array(text.utf8)
        let block = SourceRange(4, bytes.count)
        let second = Array("\r\n    ".utf8)
        let lineStart = (0..<bytes.count).first { Array(bytes[$0..<min(bytes.count, $0 + second.count)]) == second }! + 2
        XCTAssertTrue(PackScan.isIndentation(SourceRange(lineStart, lineStart + 4), bytes, within: block))
        XCTAssertTrue(PackScan.isIndentation(SourceRange(lineStart + 2, lineStart + 4), bytes, within: block))
        let gap = Array(text.utf8).indices.first { bytes[$0] == 0x20 && bytes[$0 + 1] == 0x20 && $0 > 4 }!
        XCTAssertFalse(PackScan.isIndentation(SourceRange(gap, gap + 2), bytes, within: block))
    }

}
