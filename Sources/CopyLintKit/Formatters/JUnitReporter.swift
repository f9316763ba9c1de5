import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// JUnit XML for CI test dashboards: one test suite per file, one failed test case per
/// finding, and a passing test case for a clean file.
public struct JUnitReporter: Reporter {
    public static let name = "junit"
    public static let summary = "JUnit XML (CI test dashboards: GitLab, Jenkins, Azure)"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        let files = context.everyFile(diagnostics)
        let tests = files.reduce(0) { $0 + max(1, $1.diagnostics.count) }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"copylint\" tests=\"\(tests)\" failures=\"\(diagnostics.count)\" errors=\"0\">\n"
        for (file, ds) in files {
            let name = XML.escape(file)
            out += "  <testsuite name=\"\(name)\" tests=\"\(max(1, ds.count))\" failures=\"\(ds.count)\" errors=\"0\" skipped=\"0\">\n"
            if ds.isEmpty {
                out += "    <testcase classname=\"\(name)\" name=\"copylint\"/>\n"
            }
            for d in ds {
                let p = d.start(context.columnUnit)
                let where_ = "\(file):\(p.line):\(p.column)"
                out += "    <testcase classname=\"\(name)\" name=\"\(XML.escape("\(d.ruleID) at \(where_)"))\">\n"
                out += "      <failure type=\"\(XML.escape(d.ruleID))\" message=\"\(XML.escape(context.localizer.message(d)))\">"
                out += XML.escape("\(where_): \(d.severity.gccName): \(context.localizer.message(d)) [\(d.ruleID)]")
                out += "</failure>\n    </testcase>\n"
            }
            out += "  </testsuite>\n"
        }
        return out + "</testsuites>\n"
    }
}
