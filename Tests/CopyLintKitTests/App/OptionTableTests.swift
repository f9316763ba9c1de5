import XCTest
@testable import CopyLintBase
@testable import CopyLintEngine
@testable import CopyLintKit

/// One table of options drives parsing, `--help` and did-you-mean; README's option tables name
/// exactly the options it holds.
final class OptionTableTests: XCTestCase {
    /// The options README's tables (lines starting with `|` in its Usage section, up to Configuration)
    /// name: every one is an option of the table, and every option shown by `--help` is named there.
    func testReadmeOptionTablesMatchTheTable() throws {
        let readme = try String(contentsOf: TestPaths.repoRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let usage = try XCTUnwrap(readme.range(of: "## Usage")), configuration = try XCTUnwrap(readme.range(of: "## Configuration"))
        let rows = readme[usage.upperBound..<configuration.lowerBound].split(separator: "\n").filter { $0.hasPrefix("| `-") }
        var named = Set<String>()
        for row in rows {
            // The first cell: `-f, --format NAME`, `--color WHEN`, `--no-color`.
            let cell = row.dropFirst(2).prefix { $0 != "|" }
            for token in cell.split(whereSeparator: { " ,`".contains($0) }) where token.hasPrefix("-") {
                let name = String(token)
                XCTAssertNotNil(OptionTable.find(name), "README names \(name), which copylint does not take")
                named.insert(name)
            }
        }
        for option in OptionTable.all where option.help != nil {
            for name in option.shown ?? option.names {
                XCTAssertTrue(named.contains(name), "README's option tables do not name \(name)")
            }
        }
    }

    /// `--help` shows every option that is not hidden, with its help; every spelling parses.
    func testHelpShowsEveryOptionAndEverySpellingParses() throws {
        let usage = Options.usage
        for option in OptionTable.all {
            if let help = option.help {
                XCTAssertTrue(usage.contains("  " + option.synopsis), option.synopsis)
                for line in help { XCTAssertTrue(usage.contains(line), line) }
            } else {
                XCTAssertFalse(usage.contains(option.longName + " "), "\(option.longName) is hidden")
            }
            for name in option.names {
                let args = option.value == nil ? [name] : [name, Self.value(for: option)]
                XCTAssertNoThrow(try Options.parse(args + (option.longName == "--fail-on-stale-baseline" ? ["--baseline", "b"] : [])), name)
                if option.value != nil {
                    XCTAssertThrowsError(try Options.parse([name])) { XCTAssertTrue("\($0)".contains("needs a value"), "\($0)") }
                    XCTAssertNoThrow(try Options.parse(["\(name)=\(Self.value(for: option))"].filter { _ in name.hasPrefix("--") }))
                }
            }
        }
        // Names are unique across the table.
        let all = OptionTable.all.flatMap(\.names)
        XCTAssertEqual(all.count, Set(all).count)
        // An unknown option suggests the nearest one.
        XCTAssertThrowsError(try Options.parse(["--formt", "gcc"])) { XCTAssertTrue("\($0)".contains("did you mean \"--format\"")) }
    }

    func testEveryFormatIsRegisteredOnce() {
        XCTAssertEqual(Reporters.names.count, Set(Reporters.names).count)
        for name in Reporters.names { XCTAssertEqual(type(of: Reporters.named(name)!).name, name) }
        XCTAssertNil(Reporters.named("xml"))
        XCTAssertTrue(Options.usage.contains(Reporters.names.dropFirst().joined(separator: ", ")))
    }

    static func value(for option: OptionDefinition) -> String {
        switch option.longName {
        case "--format": return "gcc"
        case "--column-unit": return "byte"
        case "--fail-on": return "warning"
        case "--max-warnings": return "3"
        case "--encoding": return "gb18030"
        case "--color": return "never"
        case "--layout": return "wrapped"
        case "--min-severity": return "warning"
        case "--locale": return "zh-Hant"
        default: return "x.txt"
        }
    }
}
