import CopyLintBase

/// A story: its heading group (if any) and the blocks that follow it.
public struct Article: Sendable {
    /// Indices into `Document.blocks`.
    public var blocks: Range<Int>
}

/// A line of the source that is not copy: an HTML comment or a plain-copy directive line.
public struct CommentLine: Sendable {
    public let range: SourceRange
    /// The text inside the comment markers, trimmed.
    public let text: String
    public let line: Int
}

/// Parsed copy: the source, its blocks grouped into articles, and the lines that are not copy.
///
/// What the text is written in (scripts, language) and the other per-block facts that several rules
/// read are not the parser's business: `DocumentFacts` computes them, for the facts the rules ask for.
public struct Document: Sendable {
    public let source: SourceText
    public var blocks: [Block]
    public var articles: [Article]
    public let layout: Layout
    public let comments: [CommentLine]

    public init(source: SourceText, blocks: [Block], articles: [Article], layout: Layout, comments: [CommentLine]) {
        self.source = source
        self.blocks = blocks
        self.articles = articles
        self.layout = layout
        self.comments = comments
    }

    public var bytes: [UInt8] { source.bytes }

    public func text(_ block: Block) -> String { source.string(block.textRange) }
}
