import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// `copylint init [DIR]`: reads a sample of the copy in DIR and writes DIR/.lintrc for it, commented:
/// the language and Chinese variant found (the messages' locale follows), the packs that apply, the
/// layout when every file sampled has the same one, and the edition settings when the files are
/// numbered as pages. An existing .lintrc is replaced only with `--force`; the file is written
/// atomically.
struct InitCommand {
    let folder: String
    let force: Bool
    var localizer: Localizer = .english
    let stdout: TextSink
    let stderr: TextSink

    /// Files read to decide (the copy of a desk is alike from file to file).
    static let sample = 200

    struct Findings: Equatable {
        var files = 0, simplified = 0, traditional = 0, english = 0
        /// The layout choice each file's recognised layout corresponds to, by count.
        var layouts: [LayoutChoice: Int] = [:]
        /// Files whose name numbers them as a page (A01.txt, 第03版.txt, …).
        var pages = 0

        var locale: MessageLocale {
            let chinese = simplified + traditional
            guard chinese > 0, chinese * 2 >= files else { return .en }
            return traditional > simplified ? .zhHant : .zhHans
        }

        /// The layout every file has, when they agree (else auto).
        var layout: LayoutChoice {
            guard layouts.count == 1, let only = layouts.first, only.value == files else { return .auto }
            return only.key
        }

        /// An edition: most files numbered as pages, and more than one of them.
        var edition: Bool { pages >= 2 && pages * 5 >= files * 4 }

        /// The built-in packs for the copy found, by share of files.
        var packs: [String] {
            var out: [String] = []
            if simplified > 0 { out.append("zh-hans-news") }
            if traditional > 0 { out.append("zh-hant-news") }
            if english > 0 { out.append("en-news") }
            return out
        }
    }

    func run() -> Int32 {
        let target = (folder as NSString).appendingPathComponent(".lintrc")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            stderr.write(localizer.error(CopyLintError("init: no such folder", path: folder)) + "\n")
            return ExitCode.usage
        }
        if FileManager.default.fileExists(atPath: target), !force {
            stderr.write(localizer.error(CopyLintError("init: a .lintrc is already there; --force replaces it", path: target)) + "\n")
            return ExitCode.usage
        }
        let findings = Self.survey(folder)
        let text = Self.render(findings)
        do {
            try AtomicFile.write(text, to: target)
        } catch {
            stderr.write(localizer.error(error) + "\n")
            return ExitCode.usage
        }
        let l = localizer
        var what = Self.describe(findings).map { l.ui($0) }
        if findings.layout != .auto { what.append(l.ui("layout {layout}", ["layout": findings.layout.rawValue])) }
        if findings.edition { what.append(l.ui("an edition")) }
        stderr.write(l.ui(findings.files == 1 ? "copylint: wrote {path} for 1 file read ({what})" : "copylint: wrote {path} for {n} files read ({what})", [
            "path": target, "n": "\(findings.files)", "what": what.joined(separator: l.ui(", "))]) + "\n")
        return ExitCode.clean
    }

    /// Reads up to `sample` copy files under `folder`, found as a run finds them with the default
    /// settings (a .lintrc already there, even a broken one, is not read: it is what init replaces).
    static func survey(_ folder: String) -> Findings {
        var findings = Findings()
        let paths = FileCollector(resolver: ConfigResolver(fixed: Configuration())).collect([folder], allowEmpty: true).files
        for path in paths.prefix(sample) {
            guard case .success(let raw) = FileReader.read(path),
                  let decoded = try? InputDecoder.decode(raw, encoding: nil, path: path), case .text(let bytes) = decoded else { continue }
            let document = CopyParser().parse(SourceText(path: path, bytes: bytes))
            guard !document.blocks.isEmpty else { continue }
            findings.files += 1
            let facts = DocumentFacts(document, computing: .scripts)
            switch (facts.language, facts.chineseVariant) {
            case (.chinese, .traditional?): findings.traditional += 1
            case (.chinese, _): findings.simplified += 1
            case (.english, _): findings.english += 1
            }
            findings.layouts[choice(document.layout), default: 0] += 1
            if PageNumbering.fromFileName(path) != nil { findings.pages += 1 }
        }
        return findings
    }

    /// The `"layout"` value that gives a recognised layout.
    static func choice(_ layout: Layout) -> LayoutChoice {
        if layout.export { return .export }
        if layout.markup == .markdown { return .markdown }
        switch layout.flow {
        case .wrapped: return .wrapped
        case .lines: return .lines
        case .blankSeparated: return .markdown
        }
    }

    /// The languages found, in English phrases (each a catalog entry).
    static func describe(_ f: Findings) -> [String] {
        var out: [String] = []
        if f.simplified > 0 { out.append("simplified Chinese") }
        if f.traditional > 0 { out.append("traditional Chinese") }
        if f.english > 0 { out.append("English") }
        return out
    }

    static func render(_ f: Findings) -> String {
        var s = """
        // .lintrc — written by `copylint init` from \(f.files) file\(f.files == 1 ? "" : "s") of copy read here.
        // JSON with // comments and trailing commas; .lintrc.example documents every key.
        {

        """
        let found = describe(f)
        s += "  // The copy found: \(found.isEmpty ? "none" : found.joined(separator: ", ")). Messages, help and the summary\n"
        s += "  // are in this language (--locale and LANG are overridden by it; zh-Hans, zh-Hant or en).\n"
        s += "  \"locale\": \"\(f.locale.rawValue)\",\n\n"
        if f.layout != .auto {
            s += "  // Every file read has this layout (`copylint blocks FILE` shows how a file is read). \"auto\"\n"
            s += "  // recognises it file by file instead.\n"
            s += "  \"layout\": \"\(f.layout.rawValue)\",\n\n"
        } else {
            s += "  // The files read differ in layout (or none was clear): each is recognised on its own.\n"
            s += "  \"layout\": \"auto\",\n\n"
        }
        if f.edition {
            s += "  // The files are numbered as pages: this folder is an edition, and the edition checks\n"
            s += "  // (broken-jump, duplicate-story) read its pages together.\n"
            s += "  \"edition\": { \"enabled\": true },\n\n"
        }
        s += "  \"rules\": {\n"
        s += "    // copylint's four checks of the page, on for all copy.\n"
        for id in ["duplicate-paragraph", "truncated-sentence", "mixed-script", "misplaced-headline"] {
            s += "    \"\(id)\": \"error\",\n"
        }
        let registry = RuleRegistry.builtin
        for pack in f.packs {
            s += "\n    // The \(pack) pack applies to this copy (each rule checks copy in its language).\n"
            for entry in registry.entries where entry.id.hasPrefix(pack + "/") {
                let d = entry.description
                let value = d.enabledByDefault ? d.defaultSeverity.rawValue : "off"
                s += "    // \(d.summary)\n"
                s += "    \"\(entry.id)\": \"\(value)\",\n"
            }
        }
        s += "  },\n}\n"
        return s
    }
}
