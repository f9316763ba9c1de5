import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

final class RegistryTests: XCTestCase {
    func testIdsAreUniqueAndKebabCase() {
        let ids = RuleRegistry.builtin.ids
        XCTAssertEqual(Set(ids).count, ids.count, "duplicate rule ids")
        for id in ids {
            XCTAssertNotNil(id.range(of: "^([a-z][a-z0-9]*(-[a-z0-9]+)*/)?[a-z][a-z0-9]*(-[a-z0-9]+)*$", options: .regularExpression), "\(id) is not kebab-case (pack/rule for pack rules)")
        }
    }

    func testDescriptionsAreComplete() {
        for entry in RuleRegistry.builtin.entries {
            let d = entry.description
            XCTAssertFalse(d.summary.isEmpty, d.id)
            XCTAssertFalse(d.summary.hasSuffix("."), "\(d.id): summaries carry no trailing period")
            XCTAssertGreaterThan(d.rationale.count, 40, "\(d.id): rationale too thin")
            for o in d.options { XCTAssertFalse(o.help.isEmpty, "\(d.id).\(o.name) has no help") }
        }
    }

    func testExplainPrintsEverySection() {
        for entry in RuleRegistry.builtin.entries {
            let text = RuleDocs.explain(entry.description)
            XCTAssertTrue(text.contains(entry.description.summary))
            XCTAssertTrue(text.contains("Why"))
            XCTAssertTrue(text.contains("Flagged"))
            XCTAssertTrue(text.contains("Not flagged"))
            for o in entry.description.options { XCTAssertTrue(text.contains(o.name)) }
        }
    }

    func testLintrcExampleNamesEveryRuleAndOption() throws {
        let url = TestPaths.repoRoot.appendingPathComponent(".lintrc.example")
        let text = try String(contentsOf: url, encoding: .utf8)
        // The example must itself be a valid configuration.
        XCTAssertNoThrow(try ConfigLoader().parse(Array(text.utf8), path: url.path))
        for key in Configuration.topLevelKeys { XCTAssertTrue(text.contains("\"\(key)\""), "\(key) undocumented") }
        for entry in RuleRegistry.builtin.entries {
            XCTAssertTrue(text.contains("\"\(entry.id)\""), "\(entry.id) missing from .lintrc.example")
            for o in entry.description.options {
                XCTAssertTrue(text.contains("\"\(o.name)\""), "\(entry.id).\(o.name) missing from .lintrc.example")
            }
        }
    }
}
