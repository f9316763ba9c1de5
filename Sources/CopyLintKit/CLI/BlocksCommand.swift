import Foundation
import CopyLintBase
import CopyLintDocument

/// `copylint blocks FILE…`: how copylint reads the copy, one block a line.
struct BlocksCommand {
    let options: Options
    var localizer: Localizer = .english
    let stdout: TextSink
    let stderr: TextSink

    func run() -> Int32 {
        let json = options.format == "json"
        guard json || options.format == "text" else {
            stderr.write(localizer.error(CopyLintError("blocks prints text or json, not \(options.format)")) + "\n")
            return ExitCode.usage
        }
        var code = ExitCode.clean
        var files: [JSONOut] = []
        defer { if json { stdout.write(JSONOut.array(files).render(pretty: true, sortKeys: false) + "\n") } }
        for path in options.paths {
            switch FileReader.read(path) {
            case .failure(let error):
                stderr.write(localizer.error(error) + "\n")
                code = ExitCode.usage
            case .success(let raw):
                do {
                    guard case .text(let bytes) = try InputDecoder.decode(raw, encoding: options.encoding, path: path) else {
                        stderr.write(localizer.warning("\(path): binary file, skipped") + "\n")
                        continue
                    }
                    let document = CopyParser(layout: try layout(for: path)).parse(SourceText(path: path, bytes: bytes))
                    let facts = DocumentFacts(document, computing: .scripts)
                    if json {
                        files.append(Self.json(document, facts))
                        continue
                    }
                    stdout.write("\(path): \(document.layout) layout, \(facts.language.rawValue), \(document.articles.count) article(s)\n")
                    for block in document.blocks {
                        var text = document.text(block)
                        if text.count > 40 { text = String(text.prefix(40)) + "…" }
                        // A block of several lines is shown on one: each line end as ⏎.
                        text = text.replacingOccurrences(of: "\r\n", with: "⏎").replacingOccurrences(of: "\n", with: "⏎")
                            .replacingOccurrences(of: "\r", with: "⏎")
                        let lines = block.firstLine == block.lastLine ? "\(block.firstLine + 1)" : "\(block.firstLine + 1)-\(block.lastLine + 1)"
                        stdout.write("  \(lines.padding(toLength: 8, withPad: " ", startingAt: 0)) a\(block.article + 1)  "
                                     + "\(block.kind.rawValue.padding(toLength: 9, withPad: " ", startingAt: 0)) \(text)\n")
                    }
                } catch {
                    stderr.write(localizer.error(error) + "\n")
                    code = ExitCode.usage
                }
            }
        }
        return code
    }

    /// A file as `blocks --format json` gives it: its layout and language, and each block's lines
    /// (from 1), article (from 1), kind, byte range and text.
    static func json(_ document: Document, _ facts: DocumentFacts) -> JSONOut {
        let blocks: [JSONOut] = document.blocks.map { block in
            .object([("firstLine", .int(block.firstLine + 1)), ("lastLine", .int(block.lastLine + 1)),
                      ("article", .int(block.article + 1)), ("kind", .string(block.kind.rawValue)),
                      ("start", .int(block.textRange.start)), ("end", .int(block.textRange.end)),
                      ("text", .string(document.text(block)))])
        }
        return .object([("path", .string(document.source.path)), ("layout", .string(document.layout.description)),
                        ("language", .string(facts.language.rawValue)), ("articles", .int(document.articles.count)),
                        ("blocks", .array(blocks))])
    }

    /// `--layout`, else the `layout` of the .lintrc that governs `path`, else auto.
    private func layout(for path: String) throws(CopyLintError) -> LayoutChoice {
        if let layout = options.layout { return layout }
        let resolver = try ConfigResolver(loader: ConfigLoader(registry: .builtin), explicitPath: options.configPath)
        let directory = path == "-" ? "." : (path as NSString).deletingLastPathComponent
        return try resolver.configuration(forDirectory: directory.isEmpty ? "." : directory)?.layout ?? .auto
    }
}
