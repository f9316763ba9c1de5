import CopyLintBase

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
    /// A row of a table or listing: `Wednesday: Rain, high 48, low 40`, `19:30  新闻联播`.
    case listing
    /// A jump line that sends the reader to another page or brings them from one: `（下转第2版）`,
    /// `Continued on Page A6`, `（上接第1版）`, `BUDGET, from Page A1`.
    case jump
    /// A rule between stories or sections: `* * *`, `——`, `◆◆◆`.
    case separator
    /// A wire service's take mark: `(MORE)`, `MORE`, `ENDS`, `-30-`, `###`.
    case marker
    /// Running text.
    case paragraph

    /// Headline-like blocks that stack above a story.
    @inlinable public var isHeading: Bool {
        switch self {
        case .kicker, .headline, .subtitle, .subhead: return true
        default: return false
        }
    }

    /// Blocks whose text is made of sentences.
    @inlinable public var isProse: Bool { self == .paragraph }

    /// Furniture of the page, not copy: jump lines, separators and take marks.
    @inlinable public var isFurniture: Bool {
        switch self {
        case .jump, .separator, .marker: return true
        default: return false
        }
    }
}

/// One block of copy with its exact place in the source.
///
/// A large file has hundreds of thousands of blocks, so offsets and line numbers are stored in
/// 32 bits (files up to 4 GB): 44 bytes a block instead of 104. The properties are plain `Int`s.
public struct Block: Sendable {
    public var kind: BlockKind
    @usableFromInline let level8: UInt8
    @usableFromInline var hasLede = false
    @usableFromInline let start32: UInt32, end32: UInt32, textStart32: UInt32, textEnd32: UInt32
    @usableFromInline let firstLine32: UInt32, lastLine32: UInt32, blank32: UInt32
    @usableFromInline var ledeStart32: UInt32 = 0, ledeEnd32: UInt32 = 0
    @usableFromInline var article32: UInt32 = 0

    /// The block's lines, markup included, from the first byte of its first line
    /// to the end of its last line (line terminator excluded).
    @inlinable public var range: SourceRange { SourceRange(unchecked: Int(start32), Int(end32)) }
    /// The words of the block: heading markers, indentation and trailing white space removed.
    @inlinable public var textRange: SourceRange { SourceRange(unchecked: Int(textStart32), Int(textEnd32)) }
    /// 0-based first and last line.
    @inlinable public var firstLine: Int { Int(firstLine32) }
    @inlinable public var lastLine: Int { Int(lastLine32) }
    /// 1...6 for a Markdown heading, 0 otherwise.
    @inlinable public var headingLevel: Int { Int(level8) }
    /// Blank lines between this block and the previous one (or the start of the file).
    @inlinable public var blankLinesBefore: Int { Int(blank32) }
    /// The lede marker at the start of a paragraph (`本报讯`, `新华社南京3月5日电`, `LONDON (Reuters) -`).
    @inlinable public var ledeRange: SourceRange? {
        get { hasLede ? SourceRange(unchecked: Int(ledeStart32), Int(ledeEnd32)) : nil }
        set {
            hasLede = newValue != nil
            ledeStart32 = UInt32(truncatingIfNeeded: newValue?.start ?? 0)
            ledeEnd32 = UInt32(truncatingIfNeeded: newValue?.end ?? 0)
        }
    }
    /// Index into `Document.articles`.
    @inlinable public var article: Int {
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

extension Block {
    /// The block's first line is indented (an ideographic space, or two spaces or more, before its text).
    @inlinable public var isIndented: Bool { textRange.start - range.start >= 2 }
}
