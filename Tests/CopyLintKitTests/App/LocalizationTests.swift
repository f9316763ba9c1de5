import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// copylint in zh-Hans, zh-Hant and English: the catalogs hold the same entries with the same
/// placeholders; every message, note and fix title a rule gives in its examples, every help line,
/// summary, rationale and `--help` line is said in both Chinese locales; the locale comes from
/// --locale, .lintrc, then LC_ALL, LC_MESSAGES and LANG; positions and rule ids do not change.
final class LocalizationTests: TempFolderTestCase {
    static let chinese: [MessageLocale] = [.zhHans, .zhHant]

    func catalog(_ locale: MessageLocale) throws -> Catalog {
        try XCTUnwrap(Catalog.builtin(locale), "the \(locale.rawValue) catalog did not load")
    }

    func testTheEmbeddedCatalogsAreTheFilesAndLoad() throws {
        let folder = TestPaths.repoRoot.appendingPathComponent("Sources/CopyLintKit/Localization/Catalogs")
        for (name, json) in EmbeddedCatalogs.all {
            let file = try String(contentsOf: folder.appendingPathComponent(name + ".json"), encoding: .utf8)
            XCTAssertEqual(file.trimmingCharacters(in: .newlines), json, "\(name).json changed: run scripts/embed-locales.py")
        }
        XCTAssertEqual(Set(EmbeddedCatalogs.all.map(\.0)), Set(MessageLocale.allCases.map(\.rawValue)))
        for locale in MessageLocale.allCases { _ = try catalog(locale) }
    }

    /// The placeholders of a text, counted.
    static func slots(_ text: String) -> [String: Int] {
        Template(text).slots.reduce(into: [:]) { $0[$1, default: 0] += 1 }
    }

    func testEveryLocaleHasEveryEntryWithTheSamePlaceholders() throws {
        let en = try catalog(.en)
        func keys(_ list: [(template: Template, text: String)]) -> Set<String> { Set(list.map(\.template.source)) }
        for locale in Self.chinese {
            let c = try catalog(locale)
            XCTAssertEqual(Set(c.messages.keys), Set(en.messages.keys), locale.rawValue)
            for (rule, templates) in en.messages {
                XCTAssertEqual(keys(c.messages[rule] ?? []), keys(templates), "\(locale.rawValue) \(rule)")
            }
            XCTAssertEqual(keys(c.notes), keys(en.notes), locale.rawValue)
            XCTAssertEqual(keys(c.fixes), keys(en.fixes), locale.rawValue)
            XCTAssertEqual(Set(c.phrases.keys), Set(en.phrases.keys), locale.rawValue)
            XCTAssertEqual(Set(c.help.keys), Set(en.help.keys), locale.rawValue)
            XCTAssertEqual(Set(c.ui.keys), Set(en.ui.keys), locale.rawValue)
            XCTAssertEqual(Set(c.rules.keys), Set(en.rules.keys), locale.rawValue)
            XCTAssertEqual(keys(c.errors), keys(en.errors), locale.rawValue)
            XCTAssertEqual(Set(c.errorPhrases.keys), Set(en.errorPhrases.keys), locale.rawValue)
            let translated = c.messages.values.flatMap { $0 } + c.notes + c.fixes + c.errors
            for (template, text) in translated {
                XCTAssertEqual(Self.slots(text), Self.slots(template.source), "\(locale.rawValue): \(template.source) -> \(text)")
                XCTAssertTrue(text.unicodeScalars.contains { CharacterData.isHan($0.value) }, "\(locale.rawValue) leaves \(template.source) English")
            }
            for (key, text) in c.ui { XCTAssertEqual(Self.slots(text), Self.slots(key), "\(locale.rawValue) ui: \(key)") }
            for (key, text) in c.help { XCTAssertEqual(Self.slots(text), Self.slots(en.help[key] ?? ""), key) }
        }
    }

    func testEveryRuleHasHelpAndIsDocumentedInEveryLanguage() throws {
        let en = try catalog(.en)
        for entry in RuleRegistry.builtin.entries {
            let d = entry.description
            XCTAssertNotNil(en.help[d.id], "\(d.id) has no help")
            for locale in Self.chinese {
                let l = Localizer(locale)
                XCTAssertNotEqual(l.summary(rule: d.id, d.summary), d.summary, "\(locale.rawValue) \(d.id) summary")
                XCTAssertNotEqual(l.rationale(rule: d.id, d.rationale), d.rationale, "\(locale.rawValue) \(d.id) rationale")
                for o in d.options {
                    XCTAssertNotEqual(l.optionHelp(rule: d.id, option: o.name, o.help), o.help, "\(locale.rawValue) \(d.id).\(o.name)")
                }
                for e in d.triggering + d.nonTriggering {
                    if let note = e.note { XCTAssertNotEqual(l.exampleNote(rule: d.id, note), note, "\(locale.rawValue) \(d.id): \(note)") }
                }
                if let fix = d.fixSafety { XCTAssertNotEqual(l.ui(fix), fix, "\(locale.rawValue) \(d.id) fixSafety") }
                let explain = RuleDocs.explain(d, l)
                XCTAssertTrue(explain.contains(l.ui("Why")) && explain.contains(l.help(rule: d.id) ?? "?"), d.id)
            }
        }
    }

    /// Every message, note and fix title that the rules' own examples produce is said in Chinese,
    /// from a template of its rule.
    func testEveryMessageOfEveryExampleIsSaidInChinese() throws {
        var seen = 0
        for entry in RuleRegistry.builtin.entries {
            for example in entry.description.triggering {
                let diagnostics: [(rule: String, message: String, notes: [String], fix: String?)]
                if entry.description.scope == .edition {
                    let checker = entry.make(RuleOptions(specs: entry.description.options, overrides: example.options))
                    let pages = example.pages.map { EditionExampleTests.page(SourceText(path: "edition/" + $0.name, string: Example.textAndMarkers($0.text).text)) }
                    diagnostics = (checker as! any EditionRule).check(edition: Edition(pages: pages)).map {
                        (entry.id, $0.finding.message, $0.finding.related.map(\.message), $0.finding.fix?.title)
                    }
                } else {
                    let source = SourceText(path: "example.txt", string: example.textAndMarkers.text)
                    diagnostics = RuleExampleTests.run(entry, example, source).map { ($0.ruleID, $0.message, $0.related.map(\.message), $0.fix?.title) }
                }
                for d in diagnostics where d.rule == entry.id {
                    seen += 1
                    for locale in Self.chinese {
                        let l = Localizer(locale)
                        XCTAssertNotEqual(l.message(d.message, rule: d.rule), d.message, "\(locale.rawValue) \(d.rule): \(d.message)")
                        for note in d.notes { XCTAssertNotEqual(l.note(note), note, "\(locale.rawValue) note: \(note)") }
                        if let fix = d.fix { XCTAssertNotEqual(l.fixTitle(fix), fix, "\(locale.rawValue) fix: \(fix)") }
                    }
                }
            }
        }
        XCTAssertGreaterThan(seen, 50)
    }

    /// The command line's own words: every `ui(…)`, `t(…)` and `heading(…)` literal in the sources,
    /// and every `--help` line, is in the English catalog (and so, by the test above, in the others).
    func testEveryLineOfTheCommandLineIsInTheCatalogs() throws {
        let en = try catalog(.en)
        for option in OptionTable.all {
            for (k, line) in (option.help ?? []).enumerated() where !(option.longName == "--format" && k == 0) {
                XCTAssertNotNil(en.ui[line], "--help line not in the catalogs: \(line)")
            }
        }
        let sources = TestPaths.repoRoot.appendingPathComponent("Sources/CopyLintKit")
        let files = FileManager.default.enumerator(atPath: sources.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
        let call = try NSRegularExpression(pattern: #"\b(?:ui|t|heading)\(((?:[^()"]|"(?:[^"\\]|\\.)*")*?)(?:,|\))"#)
        let literal = try NSRegularExpression(pattern: #""((?:[^"\\]|\\.)*)""#)
        var checked = 0
        for file in files {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            for m in call.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let argument = (text as NSString).substring(with: m.range(at: 1))
                for l in literal.matches(in: argument, range: NSRange(argument.startIndex..., in: argument)) {
                    let raw = (argument as NSString).substring(with: l.range(at: 1))
                    guard !raw.contains("\\(") else { continue }
                    let key = raw.replacingOccurrences(of: "\\\"", with: "\"")
                    checked += 1
                    XCTAssertNotNil(en.ui[key], "\(file): \"\(key)\" is not in the catalogs")
                }
            }
        }
        XCTAssertGreaterThan(checked, 80)
        for severity in Severity.allCases { XCTAssertNotNil(en.ui[severity.gccName]) }
    }

    func testTheLocaleComesFromTheFlagTheLintrcThenTheEnvironment() throws {
        XCTAssertEqual(MessageLocale(name: "zh_CN.UTF-8"), .zhHans)
        XCTAssertEqual(MessageLocale(name: "zh_TW.UTF-8"), .zhHant)
        XCTAssertEqual(MessageLocale(name: "zh-Hant-HK"), .zhHant)
        XCTAssertEqual(MessageLocale(name: "zh-Hans-HK"), .zhHans)
        XCTAssertEqual(MessageLocale(name: "zh_SG"), .zhHans)
        XCTAssertEqual(MessageLocale(name: "zh"), .zhHans)
        XCTAssertEqual(MessageLocale(name: "C"), .en)
        XCTAssertEqual(MessageLocale(name: "en_GB.UTF-8"), .en)
        XCTAssertNil(MessageLocale(name: "fr_FR.UTF-8"))
        XCTAssertEqual(MessageLocale.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zhHans)
        XCTAssertEqual(MessageLocale.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_TW.UTF-8"]), .zhHant)
        XCTAssertEqual(MessageLocale.fromEnvironment(["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "zh_TW", "LC_ALL": "C"]), .en)
        XCTAssertEqual(MessageLocale.fromEnvironment(["LANG": "fr_FR.UTF-8"]), .en)
        XCTAssertEqual(MessageLocale.fromEnvironment([:]), .en)

        try write("copy/page.txt", "# 标题\n\n秋收时节,村里的收割进度明显加快。\n\n秋收时节,村里的收割进度明显加快。\n")
        func message(_ args: [String], env: [String: String] = [:]) -> String {
            copylint(["--format", "gcc", "-q", "--select", "duplicate-paragraph"] + args + ["copy/page.txt"], env: env).out
        }
        let english = "paragraph repeats the one first printed at line 3"
        XCTAssertTrue(message([]).contains(english))
        XCTAssertTrue(message([], env: ["LANG": "zh_CN.UTF-8"]).contains("该段与第 3 行重复"))
        XCTAssertTrue(message([], env: ["LANG": "zh_TW.UTF-8"]).contains("本段與第 3 行重複"), message([], env: ["LANG": "zh_TW.UTF-8"]))
        XCTAssertTrue(message(["--locale", "en"], env: ["LANG": "zh_CN.UTF-8"]).contains(english))
        try write("copy/.lintrc", "{ \"locale\": \"zh-Hant\" }\n")
        XCTAssertTrue(message([], env: ["LANG": "zh_CN.UTF-8"]).contains("本段與第 3 行重複"))
        XCTAssertTrue(message(["--locale", "zh-Hans"]).contains("该段与第 3 行重复"))
        let bad = copylint(["--locale", "fr", "copy"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains("invalid value 'fr' for --locale"), bad.err)
    }

    /// The same positions, rule ids and structure in every locale; only the message text changes.
    func testMachineFormatsKeepTheirShapeInEveryLocale() throws {
        let examples = TestPaths.repoRoot.appendingPathComponent("examples").path
        func gcc(_ locale: String) -> [(place: String, rule: String, message: String)] {
            copylint(["--format", "gcc", "-q", "--locale", locale, examples]).out.split(separator: "\n").map { line in
                let parts = line.components(separatedBy: ": ")
                let rule = String(line[line.range(of: " [", options: .backwards)!.upperBound...].dropLast())
                return (parts[0], rule, parts.dropFirst(2).joined(separator: ": "))
            }
        }
        let en = gcc("en")
        XCTAssertGreaterThan(en.count, 5)
        for locale in ["zh-Hans", "zh-Hant"] {
            let zh = gcc(locale)
            XCTAssertEqual(zh.map(\.place), en.map(\.place), locale)
            XCTAssertEqual(zh.map(\.rule), en.map(\.rule), locale)
            for (a, b) in zip(zh, en) {
                XCTAssertNotEqual(a.message, b.message, "\(locale): \(b.message)")
                XCTAssertTrue(a.message.unicodeScalars.contains { CharacterData.isHan($0.value) }, a.message)
            }
            // SARIF carries the run's language; JSON keeps its keys.
            let sarif = try JSONSerialization.jsonObject(with: Data(copylint(["--format", "sarif", "-q", "--locale", locale, examples]).out.utf8)) as? [String: Any]
            let run = (sarif?["runs"] as? [[String: Any]])?.first
            XCTAssertEqual(run?["language"] as? String, locale)
            let json = try JSONSerialization.jsonObject(with: Data(copylint(["--format", "json", "-q", "--locale", locale, examples]).out.utf8)) as? [String: Any]
            let english = try JSONSerialization.jsonObject(with: Data(copylint(["--format", "json", "-q", examples]).out.utf8)) as? [String: Any]
            XCTAssertEqual((json?["diagnostics"] as? [[String: Any]])?.map { Set($0.keys) },
                           (english?["diagnostics"] as? [[String: Any]])?.map { Set($0.keys) })
        }
    }

    func testHelpExplainAndTheSummaryInChinese() throws {
        let help = copylint(["--help", "--locale", "zh-Hans"])
        XCTAssertTrue(help.out.contains("用法") && help.out.contains("退出码"), help.out)
        XCTAssertTrue(help.out.contains("  --select RULES"), "option names stay as they are")
        let explain = copylint(["explain", "duplicate-paragraph", "--locale", "zh-Hant"])
        XCTAssertTrue(explain.out.contains("為什麼"), explain.out)
        XCTAssertTrue(explain.out.contains("預設級別：error"), explain.out)
        try write("page.txt", "# 标题\n\n秋收时节,村里的收割进度明显加快。\n")
        let summary = copylint(["--locale", "zh-Hans", "page.txt"])
        XCTAssertTrue(summary.err.contains("copylint：共 1 个问题（1 个警告），涉及 1 个文件中的 1 个"), summary.err)
        XCTAssertTrue(summary.out.contains(": 警告: "), summary.out)
    }

    /// Errors and warnings keep their shape (`FILE:LINE:COL: error:`, `copylint: error: FILE:`) and
    /// say their message in the run's language.
    func testErrorsAndWarningsInChinese() throws {
        try write("bad.lintrc", "{\n  \"failOn\": \"sometimes\",\n}\n")
        try write("latin1.txt", [0x63, 0x61, 0x66, 0xE9, 0x0A])
        try write("copy/a.txt", "The council met on Tuesday.\n")
        try write("copy/b.txt", [0x50, 0x4B, 0x00, 0x01])
        let runs: [(args: [String], shape: String)] = [
            (["--formt", "gcc", "copy"], "copylint: error: "),
            (["--config", "bad.lintrc", "copy"], "bad.lintrc:2:13: error: "),
            (["missing.txt"], "copylint: error: missing.txt: "),
            (["latin1.txt"], "copylint: error: latin1.txt: "),
            (["--select", "duplicate-paragrph", "copy"], "copylint: error: "),
            (["--max-warnings", "many", "copy"], "copylint: error: "),
            (["explain", "elipsis"], "copylint: error: "),
            (["copy"], "copylint: warning: copy/b.txt"),
        ]
        for (args, shape) in runs {
            let english = copylint(args)
            for locale in ["zh-Hans", "zh-Hant"] {
                let r = copylint(args + ["--locale", locale])
                XCTAssertEqual(r.code, english.code, "\(args)")
                let line = try XCTUnwrap(r.err.split(separator: "\n").first { $0.hasPrefix(shape) }, "\(locale) \(args): \(r.err)")
                XCTAssertTrue(line.unicodeScalars.contains { CharacterData.isHan($0.value) }, "\(locale) \(args): \(line)")
                XCTAssertTrue(english.err.contains(shape), english.err)
            }
        }
    }
}
