import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// The one place a configuration becomes a linter: the command line and the language server both
/// build their linters here.
public enum LintPlanner {
    /// The linter for copy governed by `config` (nil: copylint's defaults).
    /// `layout`: `--layout`, over the configuration's.
    /// `selection`: `--select`, `--ignore` and the like, over the configuration's rule switches.
    public static func linter(for config: Configuration?, inlineConfig: Bool = true, layout: LayoutChoice? = nil,
                              selection: RuleSelection = RuleSelection()) -> Linter {
        let registry = config?.registry ?? .builtin
        var linter = Linter(registry: registry, settings: selection.apply(to: config?.rules ?? RuleSettings(), registry: registry))
        linter.parser = CopyParser(layout: layout ?? config?.layout ?? .auto)
        linter.inlineConfig = inlineConfig
        linter.timeBudget = config?.ruleTimeBudget ?? Linter.defaultTimeBudget
        return linter
    }
}

/// A file of a run, with the linter and encoding its configuration gives it.
struct FilePlan: Sendable {
    let path: String
    let linter: Linter
    let encoding: InputEncoding?
    /// Its configuration's `"edition"` settings, when that makes its folder an edition.
    var edition: EditionSettings? = nil
}

/// Works out each file's plan: its folder's configuration (found once per folder), and one linter per
/// configuration.
struct RunPlanner {
    let resolver: ConfigResolver
    let inlineConfig: Bool
    /// `--encoding`, over the configuration's.
    let encoding: InputEncoding?
    /// `--layout`, over the configuration's.
    var layout: LayoutChoice? = nil
    /// `--select` and the like.
    var selection = RuleSelection()

    /// The folder of `path`, as `NSString.deletingLastPathComponent` gives it: worked out from the
    /// bytes for a plain path (a folder and a name, one slash between), by Foundation otherwise (it
    /// cost more than reading a small file).
    static func directory(of path: String) -> String {
        let bytes = Array(path.utf8)
        if let slash = bytes.lastIndex(of: 0x2F), slash > 0, slash < bytes.count - 1,
           !zip(bytes, bytes.dropFirst()).contains(where: { $0 == 0x2F && $1 == 0x2F }) {
            return String(decoding: bytes[..<slash], as: UTF8.self)
        }
        return (path as NSString).deletingLastPathComponent
    }

    /// The plans, in the order of `files`; the configuration of the first file planned (the run's
    /// report settings come from it); and the configuration errors met.
    func plan(_ files: [String]) -> (plans: [FilePlan], rootConfig: Configuration?, errors: [CopyLintError]) {
        var linters: [String: Linter] = [:]
        var plans: [FilePlan] = []
        var errors: [CopyLintError] = []
        var rootConfig: Configuration?
        // Files of one folder come together: the folder's plan is made once for them.
        var last: (directory: String, linter: Linter, encoding: InputEncoding?, edition: EditionSettings?)?
        for file in files {
            let directory = file == "-" ? "." : Self.directory(of: file)
            if let last, last.directory == directory {
                plans.append(FilePlan(path: file, linter: last.linter, encoding: last.encoding, edition: last.edition))
                continue
            }
            do {
                let config = try resolver.configuration(forDirectory: directory.isEmpty ? "." : directory)
                if rootConfig == nil { rootConfig = config }
                let key = config?.path ?? ""
                let linter = linters[key] ?? LintPlanner.linter(for: config, inlineConfig: inlineConfig, layout: layout, selection: selection)
                linters[key] = linter
                let encoding = self.encoding ?? config?.encoding
                let edition = config?.edition.flatMap { $0.enabled ? $0 : nil }
                plans.append(FilePlan(path: file, linter: linter, encoding: encoding, edition: edition))
                last = (directory, linter, encoding, edition)
            } catch {
                errors.append(error)
            }
        }
        return (plans, rootConfig, errors)
    }
}
