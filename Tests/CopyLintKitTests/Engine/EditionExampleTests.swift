import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

/// Runs the examples of the rules that read an edition: each example is a set of pages (`=== NAME ===`
/// lines), numbered from their names as a run numbers them. Triggering examples must fire exactly at
/// their `↓` markers (on whichever page they stand), non-triggering ones must stay silent, in every
/// variant: behind a multibyte + astral first line on each page, with CRLF line ends, with a BOM.
final class EditionExampleTests: XCTestCase {
    typealias Variant = RuleExampleTests.Variant

    static var editionRules: [RuleEntry] { RuleRegistry.builtin.entries.filter { $0.description.scope == .edition } }

    func testThereAreEditionRules() {
        XCTAssertEqual(Set(Self.editionRules.map(\.id)), ["broken-jump", "duplicate-story"])
    }

    func testEditionExamplesHaveTwoPagesOrMore() {
        for entry in Self.editionRules {
            for example in entry.description.triggering + entry.description.nonTriggering {
                RuleExampleTests.check(example.pages.count >= 2, "\(entry.id): an edition example needs pages", example)
            }
        }
    }

    func testTriggeringEditionExamplesFireAtMarkers() {
        for entry in Self.editionRules {
            for (n, example) in entry.description.triggering.enumerated() {
                for variant in Variant.allCases {
                    let (found, expected) = Self.run(entry, example, variant)
                    RuleExampleTests.check(!expected.isEmpty, "\(entry.id) triggering #\(n + 1): no ↓ marker", example)
                    RuleExampleTests.check(found.map(\.at).sorted() == expected.sorted(),
                                           "\(entry.id) triggering #\(n + 1) [\(variant)]: findings at \(found.map(\.at).sorted()) — \(found.map(\.message)); expected at \(expected.sorted())",
                                           example)
                }
            }
        }
    }

    func testNonTriggeringEditionExamplesStaySilent() {
        for entry in Self.editionRules {
            for (n, example) in entry.description.nonTriggering.enumerated() {
                for variant in Variant.allCases {
                    let (found, expected) = Self.run(entry, example, variant)
                    RuleExampleTests.check(expected.isEmpty, "\(entry.id) non-triggering #\(n + 1) has a marker", example)
                    RuleExampleTests.check(found.isEmpty, "\(entry.id) non-triggering #\(n + 1) [\(variant)] fired: \(found.map(\.message))", example)
                }
            }
        }
    }

    /// An edition rule finds nothing in one file: outside an edition a jump line is not reported.
    func testEditionRulesAreSilentOnOneFile() {
        for entry in Self.editionRules {
            for example in entry.description.triggering {
                let text = example.pages.map { Example.textAndMarkers($0.text).text }.joined(separator: "\n")
                XCTAssertTrue(RuleExampleTests.run(entry, example, SourceText(path: "page.txt", string: text)).isEmpty, entry.id)
            }
        }
    }

    // MARK: - helpers

    struct Found { let at: String; let message: String }

    /// The findings of `entry` on the example's edition, each as `PAGE:offset`, and where the markers say.
    static func run(_ entry: RuleEntry, _ example: Example, _ variant: Variant) -> (found: [Found], expected: [String]) {
        var pages: [EditionPage] = []
        var expected: [String] = []
        for page in example.pages {
            let (text, markers) = Example.textAndMarkers(page.text)
            let (source, moved) = RuleExampleTests.make(text, variant, markers: markers)
            let named = SourceText(path: "edition/" + page.name, bytes: source.bytes)
            expected += moved.map { "\(page.name):\($0)" }
            pages.append(Self.page(named))
        }
        let checker = entry.make(RuleOptions(specs: entry.description.options, overrides: example.options))
        guard let rule = checker as? any EditionRule else {
            XCTFail("\(entry.id) is an edition rule without check(edition:)")
            return ([], expected)
        }
        let edition = Edition(pages: pages)
        let found = rule.check(edition: edition).map { p, finding in
            Found(at: "\((edition.pages[p].source.path as NSString).lastPathComponent):\(finding.range.start)", message: finding.message)
        }
        return (found, expected)
    }

    /// A page as a run reads it: parsed, numbered from its name or else its folio.
    static func page(_ source: SourceText) -> EditionPage {
        let document = Linter(rules: []).lintKeepingDocument(source).document
        return EditionPage(document: document, page: PageNumbering.fromFileName(source.path) ?? PageNumbering.fromFolio(document))
    }

    static func edition(_ pages: [(String, String)]) -> Edition {
        Edition(pages: pages.map { page(SourceText(path: "edition/" + $0.0, string: $0.1)) })
    }
}
