import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Checkstyle XML, as Jenkins' warnings plugin, reviewdog and many CI dashboards read it.
/// Every linted file is listed, clean or not.
public struct CheckstyleReporter: Reporter {
    public static let name = "checkstyle"
    public static let summary = "Checkstyle XML (Jenkins, reviewdog -f=checkstyle)"

    public init() {}

    public func report(_ diagnostics: [Diagnostic], context: ReportContext) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n"
        for (file, ds) in context.everyFile(diagnostics) {
            if ds.isEmpty {
                out += "  <file name=\"\(XML.escape(file))\"/>\n"
                continue
            }
            out += "  <file name=\"\(XML.escape(file))\">\n"
            for d in ds {
                let p = d.start(context.columnUnit)
                out += "    <error line=\"\(p.line)\" column=\"\(p.column)\" severity=\"\(d.severity.rawValue)\" "
                    + "message=\"\(XML.escape(context.localizer.message(d)))\" source=\"copylint.\(XML.escape(d.ruleID))\"/>\n"
            }
            out += "  </file>\n"
        }
        return out + "</checkstyle>\n"
    }
}
