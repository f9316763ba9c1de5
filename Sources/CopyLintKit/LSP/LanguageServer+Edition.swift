import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

extension LanguageServer {
    /// The findings of the edition rules on one open page, whose folder its configuration makes an
    /// edition. The other pages are the folder's files (after include and exclude): the editor's text
    /// for those open in it, the disk's for the rest (read again only when they change on disk). Runs
    /// on the lint queue.
    func editionDiagnostics(page document: Document, settings: EditionSettings, linter: Linter) -> [Diagnostic] {
        let path = document.source.path
        let folder = (path as NSString).deletingLastPathComponent
        let patterns = settings.patterns()
        let open = state.sync { documents.values.filter { ($0.path as NSString).deletingLastPathComponent == folder } }
        var openText: [String: [UInt8]] = [:]
        for doc in open { openText[ConfigResolver.absolute(doc.path)] = doc.text }
        guard let resolver = try? ConfigResolver(loader: ConfigLoader(), explicitPath: nil) else { return [] }
        let files = FileCollector(resolver: resolver).collect([folder.isEmpty ? "." : folder], allowEmpty: true).files
            .filter { ($0 as NSString).deletingLastPathComponent == folder || folder.isEmpty }
        let me = ConfigResolver.absolute(path)
        var pages = [EditionPage(document: document, page: PageNumbering.fromFileName(path, patterns: patterns) ?? PageNumbering.fromFolio(document))]
        var live = Set<String>()
        for file in files {
            let absolute = ConfigResolver.absolute(file)
            guard absolute != me else { continue }
            live.insert(absolute)
            if let text = openText[absolute] {
                pages.append(Self.page(SourceText(path: absolute, bytes: text), linter: linter, patterns: patterns))
                continue
            }
            var st = stat()
            guard stat(absolute, &st) == 0 else { continue }
            let stamp = "\(st.st_size):\(st.st_mtim.tv_sec).\(st.st_mtim.tv_nsec)"
            if let cached = editionPages[absolute], cached.stamp == stamp { pages.append(cached.page); continue }
            guard let data = FileManager.default.contents(atPath: absolute), String(validating: data, as: UTF8.self) != nil else { continue }
            let page = Self.page(SourceText(path: absolute, bytes: Array(data)), linter: linter, patterns: patterns)
            editionPages[absolute] = (stamp, page)
            pages.append(page)
        }
        // Pages gone from the folder are forgotten.
        for key in editionPages.keys where (key as NSString).deletingLastPathComponent == ConfigResolver.absolute(folder.isEmpty ? "." : folder) && !live.contains(key) {
            editionPages[key] = nil
        }
        let edition = Edition(pages: pages)
        var out: [Diagnostic] = []
        for active in linter.rules {
            guard let rule = active.checker as? any EditionRule else { continue }
            for (p, finding) in rule.check(edition: edition) where edition.pages[p].source.path == path {
                out.append(Diagnostic(ruleID: active.id, severity: active.severity, finding: finding, source: document.source))
            }
        }
        return out
    }

    static func page(_ source: SourceText, linter: Linter, patterns: [NSRegularExpression]) -> EditionPage {
        let document = linter.parser.parse(source)
        return EditionPage(document: document, page: PageNumbering.fromFileName(source.path, patterns: patterns) ?? PageNumbering.fromFolio(document))
    }
}
