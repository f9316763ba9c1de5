/// What a block of copy is on the page.
public enum BlockKind: String, Sendable, CaseIterable {
    /// A line above the headline that introduces it (引题, eyebrow).
    case kicker
    /// The main headline of a story.
    case headline
    /// A deck or subtitle under the headline (副题).
    case subtitle
    /// A section heading inside a story (小标题, crosshead).
    case subhead
    /// `□ 本报记者 李明远`, `By Jane Doe`.
    case byline
    /// A dateline standing alone: `新华社南京3月5日电`, `BEIJING (Reuters) -`.
    case dateline
    /// A photo caption: `图为…`, `… 摄`, `Photo: …`.
    case caption
    /// A short label or note that is not a sentence: `核心阅读`, `——编者`, `（执笔：韩震）`.
    case label
    /// Running text.
    case paragraph

    /// Headline-like blocks that stack above a story.
    public var isHeading: Bool {
        switch self {
        case .kicker, .headline, .subtitle, .subhead: return true
        default: return false
        }
    }

    /// Blocks whose text is made of sentences.
    public var isProse: Bool { self == .paragraph }
}

/// One block of copy with its exact place in the source.
///
/// A large file has hundreds of thousands of blocks, so offsets and line numbers are stored in
/// 32 bits (files up to 4 GB): 44 bytes a block instead of 104. The properties are plain `Int`s.
public struct Block: Sendable {
    public var kind: BlockKind
    private let level8: UInt8
    private var hasLede = false
    private let start32: UInt32, end32: UInt32, textStart32: UInt32, textEnd32: UInt32
    private let firstLine32: UInt32, lastLine32: UInt32, blank32: UInt32
    private var ledeStart32: UInt32 = 0, ledeEnd32: UInt32 = 0
    private var article32: UInt32 = 0

    /// The block's lines, markup included, from the first byte of its first line
    /// to the end of its last line (line terminator excluded).
    public var range: SourceRange { SourceRange(unchecked: Int(start32), Int(end32)) }
    /// The words of the block: heading markers, indentation and trailing white space removed.
    public var textRange: SourceRange { SourceRange(unchecked: Int(textStart32), Int(textEnd32)) }
    /// 0-based first and last line.
    public var firstLine: Int { Int(firstLine32) }
    public var lastLine: Int { Int(lastLine32) }
    /// 1...6 for a Markdown heading, 0 otherwise.
    public var headingLevel: Int { Int(level8) }
    /// Blank lines between this block and the previous one (or the start of the file).
    public var blankLinesBefore: Int { Int(blank32) }
    /// The lede marker at the start of a paragraph (`本报讯`, `新华社南京3月5日电`, `LONDON (Reuters) -`).
    public var ledeRange: SourceRange? {
        get { hasLede ? SourceRange(unchecked: Int(ledeStart32), Int(ledeEnd32)) : nil }
        set {
            hasLede = newValue != nil
            ledeStart32 = UInt32(truncatingIfNeeded: newValue?.start ?? 0)
            ledeEnd32 = UInt32(truncatingIfNeeded: newValue?.end ?? 0)
        }
    }
    /// Index into `Document.articles`.
    public var article: Int {
        get { Int(article32) }
        set { article32 = UInt32(truncatingIfNeeded: newValue) }
    }

    public init(kind: BlockKind, range: SourceRange, textRange: SourceRange, firstLine: Int, lastLine: Int,
                headingLevel: Int, blankLinesBefore: Int, ledeRange: SourceRange? = nil) {
        self.kind = kind
        start32 = UInt32(truncatingIfNeeded: range.start)
        end32 = UInt32(truncatingIfNeeded: range.end)
        textStart32 = UInt32(truncatingIfNeeded: textRange.start)
        textEnd32 = UInt32(truncatingIfNeeded: textRange.end)
        firstLine32 = UInt32(truncatingIfNeeded: firstLine)
        lastLine32 = UInt32(truncatingIfNeeded: lastLine)
        level8 = UInt8(clamping: headingLevel)
        blank32 = UInt32(clamping: blankLinesBefore)
        self.ledeRange = ledeRange
    }
}

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

public enum Layout: String, Sendable {
    case markdown, plain
}

public enum Language: String, Sendable {
    case chinese = "zh", english = "en"
}

/// Which written form Chinese copy uses, from the share of characters found only in one.
public enum ChineseVariant: String, Sendable {
    case simplified, traditional
}

/// What scripts a block's text is written in, counted once while the parser detects the language,
/// so that rules need not decode every block again to learn that it holds nothing for them.
public struct BlockScripts: Sendable, Equatable {
    /// Han characters.
    public var han: UInt32 = 0
    /// Letters of an alphabet (`CharClass.isAlphabetic`: Latin, Greek, Cyrillic, full-width Latin).
    public var letters: UInt32 = 0
    private var flags: UInt8 = 0
    /// The last scalar that is not white space or a closing quote or bracket (`UInt32.max`: none).
    private var ending = UInt32.max

    /// How the block ends: its last character that is not white space or a closing quote or bracket.
    public var lastSignificantScalar: UInt32? { ending == .max ? nil : ending }

    mutating func setEnding(_ c: UInt32?) { ending = c ?? .max }

    /// How the block starts: its first character, and whether a closing quote or bracket of earlier
    /// text (” 」 ） …) comes among its first 30 (`CharClass.opening`).
    private var start = UInt32.max
    public private(set) var hasEarlyCloser = false
    public var firstScalar: UInt32? { start == .max ? nil : start }

    mutating func setOpening(_ opening: (first: UInt32?, earlyCloser: Bool)) {
        start = opening.first ?? .max
        hasEarlyCloser = opening.earlyCloser
    }

    /// The block holds kana, a traditional-only or a simplified-only character, a letter outside ASCII.
    public var hasKana: Bool { flags & 1 != 0 }
    public var hasTraditionalOnly: Bool { flags & 2 != 0 }
    public var hasSimplifiedOnly: Bool { flags & 4 != 0 }
    public var hasNonASCIILetter: Bool { flags & 8 != 0 }

    mutating func add(han: Int, letters: Int, kana: Bool, traditional: Bool, simplified: Bool, nonASCIILetter: Bool) {
        self.han &+= UInt32(truncatingIfNeeded: han)
        self.letters &+= UInt32(truncatingIfNeeded: letters)
        flags |= (kana ? 1 : 0) | (traditional ? 2 : 0) | (simplified ? 4 : 0) | (nonASCIILetter ? 8 : 0)
    }

    /// Adds the summary of the next piece of the same text (the later piece's ending, if it has one,
    /// wins; the opening is the first piece's).
    mutating func merge(_ other: BlockScripts) {
        han &+= other.han
        letters &+= other.letters
        flags |= other.flags
        if other.ending != .max { ending = other.ending }
        // The opening is the first piece's.
        if start == .max, other.start != .max { start = other.start; hasEarlyCloser = other.hasEarlyCloser }
    }
}

/// Parsed copy: the source and its blocks grouped into articles.
public struct Document: Sendable {
    public let source: SourceText
    public var blocks: [Block]
    public var articles: [Article]
    public let layout: Layout
    public let language: Language
    public let chineseVariant: ChineseVariant?
    public let comments: [CommentLine]
    /// One entry per block (empty when the document was not made by the parser).
    public let scripts: [BlockScripts]
    /// For a giant block (a file without line breaks), the summaries of the windows rules read it in
    /// (`TextWindows.split`), in order, when the parser counted it in those windows.
    public let windowScripts: [Int: [BlockScripts]]
    /// One hash of each block's text bytes (`HashIndex.hashBytes`), made by the parser while it counts
    /// them; empty when the parser counted a giant block in windows, or did not make the document.
    public let byteHashes: [UInt64]

    public init(source: SourceText, blocks: [Block], articles: [Article], layout: Layout,
                language: Language, chineseVariant: ChineseVariant? = nil, comments: [CommentLine],
                scripts: [BlockScripts] = [], windowScripts: [Int: [BlockScripts]] = [:], byteHashes: [UInt64] = []) {
        self.source = source
        self.blocks = blocks
        self.articles = articles
        self.layout = layout
        self.language = language
        self.chineseVariant = chineseVariant
        self.comments = comments
        self.scripts = scripts
        self.windowScripts = windowScripts
        self.byteHashes = byteHashes
    }

    /// The hash of block `index`'s text bytes, when the parser made one.
    @inline(__always)
    func byteHash(of index: Int) -> UInt64? { byteHashes.count == blocks.count ? byteHashes[index] : nil }

    /// The script summary of block `index`, when the parser made one for it.
    @inline(__always)
    public func scripts(of index: Int) -> BlockScripts? { scripts.count == blocks.count ? scripts[index] : nil }

    /// How block `index` starts (`CharClass.opening`): as the parser noted it, or read from the bytes.
    func opening(of index: Int) -> (first: UInt32?, earlyCloser: Bool) {
        if let s = scripts(of: index) { return (s.firstScalar, s.hasEarlyCloser) }
        return bytes.withUnsafeBufferPointer { CharClass.opening($0, blocks[index].textRange) }
    }

    /// How block `index` ends (`CharClass.lastSignificantScalar`): as the parser noted it, or read from the bytes.
    func lastSignificantScalar(of index: Int) -> UInt32? {
        if let s = scripts(of: index) { return s.lastSignificantScalar }
        return bytes.withUnsafeBufferPointer { CharClass.lastSignificantScalar($0, blocks[index].textRange) }
    }

    public var bytes: [UInt8] { source.bytes }

    public func text(_ block: Block) -> String { source.string(block.textRange) }
}
