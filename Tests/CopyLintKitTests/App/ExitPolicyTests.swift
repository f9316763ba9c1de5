import XCTest
@testable import CopyLintBase
@testable import CopyLintEngine
@testable import CopyLintKit

/// The exit code is decided in one place, for streaming runs (counts) and whole runs alike.
final class ExitPolicyTests: XCTestCase {
    func counts(errors: Int = 0, warnings: Int = 0, infos: Int = 0) -> Counts {
        var c = Counts()
        c.errors = errors; c.warnings = warnings; c.infos = infos
        return c
    }

    func testFailLevelMaxWarningsStaleBaselineAndInputErrors() {
        let error = ExitPolicy(failOn: .error)
        XCTAssertEqual(error.decide(counts(warnings: 5), hadErrors: false).code, ExitCode.clean)
        XCTAssertEqual(error.decide(counts(errors: 1), hadErrors: false).code, ExitCode.findings)
        XCTAssertEqual(error.decide(counts(errors: 1), hadErrors: true).code, ExitCode.usage)
        let warning = ExitPolicy(failOn: .warning)
        XCTAssertEqual(warning.decide(counts(warnings: 1), hadErrors: false).code, ExitCode.findings)
        XCTAssertEqual(warning.decide(counts(infos: 1), hadErrors: false).code, ExitCode.clean)
        XCTAssertEqual(ExitPolicy(failOn: .info).decide(counts(infos: 1), hadErrors: false).code, ExitCode.findings)
        // More warnings than allowed: 1, with a note saying why (the findings alone would not fail).
        let capped = ExitPolicy(failOn: .error, maxWarnings: 2)
        XCTAssertEqual(capped.decide(counts(warnings: 2), hadErrors: false).code, ExitCode.clean)
        let over = capped.decide(counts(warnings: 3), hadErrors: false)
        XCTAssertEqual(over.code, ExitCode.findings)
        XCTAssertEqual(over.note, "copylint: 3 warnings, more than --max-warnings 2\n")
        // Baselined findings gone.
        let stale = ExitPolicy(failOn: .error, failOnStaleBaseline: true)
        XCTAssertEqual(stale.decide(counts(), hadErrors: false, staleBaseline: 0).code, ExitCode.clean)
        XCTAssertEqual(stale.decide(counts(), hadErrors: false, staleBaseline: 1).note,
                       "copylint: 1 baselined finding is gone; shrink the baseline with --write-baseline\n")
        XCTAssertEqual(ExitPolicy(failOn: .error).decide(counts(), hadErrors: false, staleBaseline: 4).code, ExitCode.clean)
    }

    /// Counts of a whole run are the counts added file by file.
    func testCountsAddUpFileByFile() {
        let a = SourceText(path: "a.txt", string: "一\n"), b = SourceText(path: "b.txt", string: "二\n")
        let fix = Fix(title: "x", edits: [], applicability: .safe)
        let diagnostics = [
            Diagnostic(ruleID: "r", severity: .error, finding: Finding(range: SourceRange(0, 1), message: "m", fix: fix), source: a),
            Diagnostic(ruleID: "r", severity: .warning, finding: Finding(range: SourceRange(0, 1), message: "m"), source: a),
            Diagnostic(ruleID: "r", severity: .info, finding: Finding(range: SourceRange(0, 1), message: "m"), source: b),
        ]
        var byFile = Counts()
        byFile.add(Array(diagnostics[0..<2]))
        byFile.add(Array(diagnostics[2...]))
        XCTAssertEqual(Counts(diagnostics), byFile)
        XCTAssertEqual([byFile.errors, byFile.warnings, byFile.infos, byFile.safeFixes, byFile.files, byFile.total], [1, 1, 1, 1, 2, 3])
    }
}
