import Foundation
import CopyLintBase

/// Turns copy as newsroom systems export it into a `Document`.
///
/// Two layouts are understood:
/// - Markdown-style: `#`, `##`, `###` headings; blocks separated by blank lines,
///   the lines of one block joined into one paragraph.
/// - plain: headline lines, a blank line, then paragraphs; each non-blank line is
///   its own block, optionally indented with ideographic spaces (U+3000).
///
/// Lines that are whole HTML comments (`<!-- … -->`) or start with `%%` are not
/// copy; they are kept as `comments` for inline directives.
///
/// The parser parses: lines, blocks, what each block is, stories. What the text is written in is a
/// fact the rules ask for (`DocumentFacts`).
public struct CopyParser: Sendable {
    /// How the lines make blocks: recognised file by file, or set (`layout` in `.lintrc`).
    public var layoutChoice: LayoutChoice

    public init(layout: LayoutChoice = .auto) {
        layoutChoice = layout
    }

    public func parse(_ source: SourceText) -> Document {
        let bytes = source.bytes
        var tp = DispatchTime.now().uptimeNanoseconds
        func lap(_ w: String) { if Profile.enabled { Profile.report(w, since: tp); tp = DispatchTime.now().uptimeNanoseconds } }
        let lines = source.lines
        // Lines are classified one by one, in slices on all cores for a large file. Blank lines are
        // not kept (a file of a million empty lines keeps nothing): they are the gaps between the
        // line numbers of the lines kept.
        let slices = ParallelMap.slices(forBytes: bytes.count)
        let parts = ParallelMap.run(count: slices) { c -> (raws: [RawLine], comments: [CommentLine], markdown: Bool) in
            let lo = lines.count * c / slices, hi = lines.count * (c + 1) / slices
            var raws: [RawLine] = []
            var comments: [CommentLine] = []
            var markdown = false
            bytes.withUnsafeBufferPointer { buf in
                for i in lo..<hi {
                    let raw = RawLine.classify(buf, line: i, start: lines.lineStarts[i], end: lines.contentEnds[i])
                    switch raw.kind {
                    case .blank: continue
                    case .heading: markdown = true
                    case .comment:
                        comments.append(CommentLine(range: SourceRange(raw.start, raw.end), text: RawLine.commentText(buf, raw), line: i))
                    case .text: break
                    }
                    raws.append(raw)
                }
            }
            return (raws, comments, markdown)
        }
        let raws = parts.count == 1 ? parts[0].raws : parts.flatMap(\.raws)
        let comments = parts.flatMap(\.comments)
        let markdown = parts.contains { $0.markdown }
        lap("raw lines")
        let (layout, joinsNext) = bytes.withUnsafeBufferPointer {
            LayoutRecognizer.recognize($0, raws, markdown: markdown, choice: layoutChoice)
        }
        lap("layout")
        var blocks = makeBlocks(raws, joinsNext: joinsNext)
        lap("blocks")
        // Each block's own text says what it may be (headings excepted: their markup says it).
        let judgements = BlockClassifier.judgeAll(bytes, blocks)
        lap("judge")
        let classifier = BlockClassifier(bytes: bytes)
        classifier.classify(&blocks, layout: layout, judgements: judgements)
        lap("classify")
        let articles = groupArticles(&blocks)
        lap("articles")
        return Document(source: source, blocks: blocks, articles: articles, layout: layout, comments: comments)
    }

    /// `joinsNext[k]`: raw line `k` runs on into line `k + 1` as one paragraph (empty: none does).
    private func makeBlocks(_ raws: [RawLine], joinsNext: [Bool]) -> [Block] {
        let joins = { (k: Int) in !joinsNext.isEmpty && joinsNext[k] }
        // Counted first, so that the array is allocated once at its size (a doubling array of a large
        // file's blocks would hold up to twice the memory).
        // (`raws` holds the lines that are not blank: a gap in their line numbers is blank lines.)
        var count = 0
        for (k, raw) in raws.enumerated() {
            switch raw.kind {
            case .heading: count += 1
            case .text: if k == 0 || !joins(k - 1) { count += 1 }
            case .blank, .comment: break
            }
        }
        var blocks: [Block] = []
        blocks.reserveCapacity(count)
        var blank = 0
        var previousLine = -1
        var i = 0
        while i < raws.count {
            let raw = raws[i]
            blank += raw.line - previousLine - 1
            switch raw.kind {
            case .blank:
                blank += 1
                previousLine = raw.line
                i += 1
            case .comment:
                previousLine = raw.line
                i += 1
            case .heading(let level):
                blocks.append(Block(kind: .headline, range: SourceRange(raw.start, raw.end),
                                    textRange: SourceRange(raw.textStart, raw.textEnd), firstLine: raw.line, lastLine: raw.line,
                                    headingLevel: Int(level), blankLinesBefore: blank))
                blank = 0
                previousLine = raw.line
                i += 1
            case .text:
                var j = i
                while joins(j) { j += 1 }
                blocks.append(Block(kind: .paragraph, range: SourceRange(raw.start, raws[j].end),
                                    textRange: SourceRange(raw.textStart, max(raw.textStart, raws[j].textEnd)),
                                    firstLine: raw.line, lastLine: raws[j].line, headingLevel: 0, blankLinesBefore: blank))
                blank = 0
                previousLine = raws[j].line
                i = j + 1
            }
        }
        return blocks
    }

    /// A new article starts at a heading group that holds a kicker or headline, or at a
    /// paragraph opening with a lede marker, once the current article has body text.
    private func groupArticles(_ blocks: inout [Block]) -> [Article] {
        var articles: [Article] = []
        var start = 0
        var hasBody = false
        for i in blocks.indices {
            let block = blocks[i]
            let opensStory: Bool
            switch block.kind {
            case .kicker, .headline:
                opensStory = i == 0 || !blocks[i - 1].kind.isHeading
            case .dateline:
                opensStory = true
            case .paragraph:
                opensStory = block.ledeRange != nil
            default:
                opensStory = false
            }
            if opensStory, hasBody, i > start {
                // Keep a byline, and before a lede the headline group, with the story they open.
                var cut = i
                func belongsToOpener(_ previous: Block) -> Bool {
                    if previous.kind == .byline { return true }
                    return block.kind == .paragraph && previous.kind.isHeading && previous.kind != .subhead
                }
                while cut > start, belongsToOpener(blocks[cut - 1]) { cut -= 1 }
                if cut > start {
                    articles.append(Article(blocks: start..<cut))
                    start = cut
                    hasBody = false
                }
            }
            if block.kind == .paragraph || block.kind == .caption { hasBody = true }
        }
        if start < blocks.count || articles.isEmpty {
            articles.append(Article(blocks: start..<blocks.count))
        }
        for (n, article) in articles.enumerated() {
            for i in article.blocks { blocks[i].article = n }
        }
        return articles
    }
}
