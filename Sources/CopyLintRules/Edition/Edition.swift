import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// What the checks of an edition read of one page (one file): its number, its jump lines and its
/// stories, each story with the fingerprints of its paragraphs. Made from the parsed page while the
/// page is linted, so an edition is read once.
public struct EditionPage: Sendable {
    public struct Jump: Sendable {
        public let direction: JumpLine.Direction
        /// The page the line names (nil: a page copylint cannot read).
        public let target: PageID?
        public let slug: String?
        public let range: SourceRange
        /// The story (index into `stories`) the line belongs to.
        public let story: Int
    }

    public struct Story: Sendable {
        /// The headline, folded (spaces, punctuation and width dropped, letters in lower case); empty
        /// when the story has none.
        public let headline: [UInt32]
        /// The lines of its heading stack long enough to be a story's own headline (folded), with
        /// where they stand: the headline, and a kicker or subtitle that may be it.
        public let heads: [(text: [UInt32], range: SourceRange)]
        /// Every line of its heading stack that could be a headline (a head over stories on many pages
        /// is a standing one: counted from these).
        public let stack: [[UInt32]]
        /// Where a finding about the story goes: its headline, or its first block.
        public let anchor: SourceRange
        /// One fingerprint per paragraph of 20 characters or more (folded as the headline is).
        public let paragraphs: [UInt64]
        public let paragraphRanges: [SourceRange]
        /// A sample of the stretches of text in those paragraphs (`Shingles`), each a hash in the lower
        /// 48 bits and its paragraph (index into `paragraphs`, up to 65,535) in the upper 16: eight bytes.
        public let shingles: [UInt64]
    }

    public let source: SourceText
    public let page: PageID?
    public let jumps: [Jump]
    public let stories: [Story]
    /// A fingerprint of the whole copy: two files of one story (an export prints a story continued
    /// on another page whole on each) have the same.
    public let whole: UInt64

    public init(document: Document, page: PageID?) {
        source = document.source
        self.page = page
        let blocks = document.blocks
        var jumps: [Jump] = []
        var stories: [Story] = []
        var buffer: [UInt32] = []
        for article in document.articles {
            var headline: [UInt32] = []
            var anchor: SourceRange?
            var paragraphs: [UInt64] = []
            var paragraphRanges: [SourceRange] = []
            var shingles: [UInt64] = []
            var heads: [(text: [UInt32], range: SourceRange)] = []
            var stack: [(text: [UInt32], range: SourceRange)] = []
            var bylineSeen = false
            for i in article.blocks {
                let block = blocks[i]
                if anchor == nil { anchor = block.textRange }
                switch block.kind {
                // The heading stack above the story's text. The headline nearest the text is the story's
                // (a masthead or a page's flag above it is not); without one, a kicker or subtitle may be
                // the headline a layout did not see. Bylines, folios and page flags (…第6版…) are not.
                case .headline, .kicker, .subtitle where paragraphs.isEmpty && !bylineSeen:
                    let scalars = UTF8Scalar.scalars(document.bytes, block.textRange)
                    if Byline.matches(scalars) { bylineSeen = true }
                    guard !bylineSeen, JumpLine.parse(scalars) == nil, !scalars.contains("版") else { break }
                    let folded = Self.folded(document.bytes, block.textRange)
                    if block.kind == .headline { headline = folded; anchor = block.textRange }
                    if Self.isHeadline(folded) {
                        if block.kind == .headline { heads.append((folded, block.textRange)) } else { stack.append((folded, block.textRange)) }
                    }
                case .byline:
                    bylineSeen = true
                case .paragraph:
                    // A jump set at the paragraph's start or end (read only where a bracket stands there).
                    if Self.mayHoldInlineJump(document.bytes, block.textRange) {
                        let scalars = UTF8Scalar.scalars(document.bytes, block.textRange)
                        for (jump, at) in JumpLine.inline(scalars) {
                        let from = block.textRange.start + scalars[..<at.lowerBound].reduce(0) { $0 + UTF8.width($1) }
                        let to = from + scalars[at].reduce(0) { $0 + UTF8.width($1) }
                        jumps.append(Jump(direction: jump.direction, target: PageID(printed: jump.page), slug: jump.slug,
                                          range: SourceRange(from, to), story: stories.count))
                        }
                    }
                    // (Folded into one buffer reused paragraph after paragraph.)
                    let n = Self.fold(document.bytes, block.textRange, into: &buffer)
                    guard n >= Self.minParagraph else { break }
                    let k = Int32(paragraphs.count)
                    buffer.withUnsafeBufferPointer { folded in
                        let text = UnsafeBufferPointer(rebasing: folded[..<n])
                        Shingles.sample(text) { shingles.append(Shingles.pack($0, paragraph: k)) }
                        paragraphs.append(Self.hash(text))
                    }
                    paragraphRanges.append(block.textRange)
                case .jump:
                    if let jump = JumpLine.parse(UTF8Scalar.scalars(document.bytes, block.textRange)) {
                        jumps.append(Jump(direction: jump.direction, target: PageID(printed: jump.page), slug: jump.slug,
                                          range: block.textRange, story: stories.count))
                    }
                default:
                    break
                }
            }
            // A kicker or subtitle stands for the headline only where the story has none of its own.
            stories.append(Story(headline: headline, heads: heads.isEmpty ? stack : heads, stack: (heads + stack).map(\.text), anchor: anchor ?? SourceRange(0, 0), paragraphs: paragraphs,
                                 paragraphRanges: paragraphRanges, shingles: shingles))
        }
        self.jumps = jumps
        self.stories = stories
        whole = document.bytes.withUnsafeBufferPointer { HashIndex.hashBytes($0, SourceRange(0, $0.count)) }
    }

    /// Whether a paragraph opens (after its indent) or ends (before a full stop) with a bracket,
    /// `(` or `（` / `)` or `）`: only such a paragraph can carry a jump in its own line.
    static func mayHoldInlineJump(_ bytes: [UInt8], _ range: SourceRange) -> Bool {
        var i = range.start
        while i < range.end, bytes[i] == 0x20 || bytes[i] == 0x09 || (i + 2 < range.end && bytes[i] == 0xE3 && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x80) {
            i += bytes[i] == 0xE3 ? 3 : 1
        }
        if i < range.end, bytes[i] == 0x28 || (i + 2 < range.end && bytes[i] == 0xEF && bytes[i + 1] == 0xBC && bytes[i + 2] == 0x88) { return true }
        var e = range.end
        while e > i, bytes[e - 1] == 0x20 || bytes[e - 1] == 0x2E || bytes[e - 1] == 0x0D { e -= 1 }
        if e - 3 >= i, bytes[e - 3] == 0xE3, bytes[e - 2] == 0x80, bytes[e - 1] == 0x82 { e -= 3 }   // 。
        return e > i && (bytes[e - 1] == 0x29 || (e - 3 >= i && bytes[e - 3] == 0xEF && bytes[e - 2] == 0xBC && bytes[e - 1] == 0x89))
    }

    /// Whether a folded heading is long enough to be one story's own: five Chinese characters
    /// (要闻, 图片新闻 and Weather are standing heads many pages share), or twelve letters and digits.
    static func isHeadline(_ folded: [UInt32]) -> Bool {
        let wide = folded.reduce(0) { $0 + ($1 >= 0x2E80 ? 1 : 0) }
        return wide * 12 / 5 + (folded.count - wide) >= 12
    }

    /// Characters a paragraph needs, folded, to count in a story's fingerprint: bylines, credits and
    /// standing lines (（记者 王某）, 新华社发, AP Photo) are shorter.
    public static let minParagraph = 20

    /// The scalars of a range without spaces and punctuation, full-width forms folded, in lower case.
    static func folded(_ bytes: [UInt8], _ range: SourceRange) -> [UInt32] {
        Normalizer.scalars(bytes, range).filter { !Normalizer.isPunctuation($0) }
    }

    /// Folds a range (as `folded`) into `buffer`, grown as needed: the count of scalars.
    static func fold(_ bytes: [UInt8], _ range: SourceRange, into buffer: inout [UInt32]) -> Int {
        if buffer.count < range.length { buffer = [UInt32](repeating: 0, count: max(range.length, 2 * buffer.count)) }
        return buffer.withUnsafeMutableBufferPointer { out in
            var sink = Unpunctuated(out: out.baseAddress!)
            Normalizer.fold(bytes, range, into: &sink)
            return sink.count
        }
    }

    /// Keeps the folded scalars that are not punctuation.
    struct Unpunctuated: Normalizer.Sink {
        let out: UnsafeMutablePointer<UInt32>
        var count = 0
        @inline(__always) mutating func put(_ cp: UInt32) {
            if !Normalizer.isPunctuation(cp) { out[count] = cp; count += 1 }
        }
    }

    static func hash<C: Collection>(_ s: C) -> UInt64 where C.Element == UInt32 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in s { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return h
    }
}

/// Stretches of a paragraph's folded text (`width` characters: 8 of Chinese, 16 letters of English
/// with the spaces gone, about three words either way), hashed, and one in eight of them kept by its
/// hash: the same stretch is kept in every story that prints it, so a story lightly edited (a word
/// changed, a sentence cut, the paragraphs set another way) still shares most of its sample with the
/// first printing, and two stories merely on one subject share little.
enum Shingles {
    static func pack(_ hash: UInt64, paragraph: Int32) -> UInt64 { hash & 0xFFFF_FFFF_FFFF | UInt64(min(Int(paragraph), 0xFFFF)) << 48 }
    static func hash(_ packed: UInt64) -> UInt64 { packed & 0xFFFF_FFFF_FFFF }
    static func paragraph(_ packed: UInt64) -> Int32 { Int32(packed >> 48) }

    static func width(_ first: UInt32) -> Int { first >= 0x2E80 ? 8 : 16 }

    static func sample(_ s: UnsafeBufferPointer<UInt32>, _ body: (UInt64) -> Void) {
        guard let first = s.first else { return }
        let k = width(first)
        guard s.count >= k else { return }
        let base: UInt64 = 0x100_0000_01B3
        var top: UInt64 = 1
        for _ in 1..<k { top = top &* base }
        var h: UInt64 = 0
        for i in 0..<s.count {
            if i >= k { h = h &- UInt64(s[i - k]) &* top }
            h = h &* base &+ UInt64(s[i])
            // One multiply picks the sampled eighth; only those are mixed into the stored hash.
            guard i >= k - 1, (h &* 0x9E37_79B9_7F4A_7C15) >> 61 == 0 else { continue }
            let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
            body(mixed ^ (mixed >> 32))
        }
    }
}

/// An edition: the pages of a folder, in page order (section, then number; then file name).
public struct Edition: Sendable {
    public let pages: [EditionPage]

    public init(pages: [EditionPage]) {
        self.pages = pages.sorted { a, b in
            switch (a.page, b.page) {
            case let (x?, y?) where x != y: return x < y
            case (nil, _?): return false
            case (_?, nil): return true
            default: return a.source.path < b.source.path
            }
        }
    }

    /// The indices of the pages numbered `id`.
    public func pages(numbered id: PageID) -> [Int] { pages.indices.filter { pages[$0].page == id } }
}

/// A rule that reads an edition at once. Its check of a single file finds nothing.
package protocol EditionRule: RuleChecker {
    /// Findings, each with the index (into `edition.pages`) of the page it is reported on.
    func check(edition: Edition) -> [(page: Int, finding: Finding)]
}

extension EditionRule {
    public func check(_ context: RuleContext) -> [Finding] { [] }
}
