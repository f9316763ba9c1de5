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
        /// The lines of its heading stack long enough to be a story's own headline, each by a hash of
        /// its folded text (spaces, punctuation and width dropped, letters in lower case), with where it
        /// stands: the headline, or (where the story has none) a kicker or subtitle that may be it.
        public let heads: [(text: UInt64, range: SourceRange)]
        /// Every line of its heading stack that could be a headline (a head over stories on many pages
        /// is a standing one: counted from these).
        public let stack: [UInt64]
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
        // Room the fingerprinting pass writes to: the last sixteen scalars, and the sampled stretches
        // of a paragraph (at most one a byte).
        let ring = UnsafeMutablePointer<UInt32>.allocate(capacity: 16)
        var sampleRoom = 1024
        var samples = UnsafeMutablePointer<UInt64>.allocate(capacity: sampleRoom)
        defer { ring.deallocate(); samples.deallocate() }
        for article in document.articles {
            var anchor: SourceRange?
            var paragraphs: [UInt64] = []
            var paragraphRanges: [SourceRange] = []
            var shingles: [UInt64] = []
            var heads: [(text: UInt64, range: SourceRange)] = []
            var stack: [(text: UInt64, range: SourceRange)] = []
            var bylineSeen = false
            for i in article.blocks {
                let block = blocks[i]
                if anchor == nil { anchor = block.textRange }
                switch block.kind {
                // The heading stack above the story's text. The headline nearest the text is the story's
                // (a masthead or a page's flag above it is not); without one, a kicker or subtitle may be
                // the headline a layout did not see. Bylines, folios and page flags (…第6版…) are not.
                case .headline where paragraphs.isEmpty && !bylineSeen, .kicker where paragraphs.isEmpty && !bylineSeen,
                     .subtitle where paragraphs.isEmpty && !bylineSeen:
                    let scalars = UTF8Scalar.scalars(document.bytes, block.textRange)
                    if Byline.matches(scalars) { bylineSeen = true }
                    guard !bylineSeen, JumpLine.parse(scalars) == nil, !scalars.contains("版") else { break }
                    let folded = Self.folded(document.bytes, block.textRange)
                    if block.kind == .headline { anchor = block.textRange }
                    if Self.isHeadline(folded) {
                        let text = Self.hash(folded)
                        if block.kind == .headline { heads.append((text, block.textRange)) } else { stack.append((text, block.textRange)) }
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
                    // Folded, fingerprinted and sampled in one pass over the bytes.
                    let k = Int32(paragraphs.count)
                    if sampleRoom < block.textRange.length {
                        sampleRoom = max(block.textRange.length, 2 * sampleRoom)
                        samples.deallocate()
                        samples = .allocate(capacity: sampleRoom)
                    }
                    var print = Fingerprint(ring: ring, out: samples)
                    Normalizer.fold(document.bytes, block.textRange, into: &print)
                    guard print.count >= Self.minParagraph else { break }
                    for j in 0..<print.sampled { shingles.append(Shingles.pack(samples[j], paragraph: k)) }
                    paragraphs.append(print.hash)
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
            stories.append(Story(heads: heads.isEmpty ? stack : heads, stack: (heads + stack).map(\.text), anchor: anchor ?? SourceRange(0, 0), paragraphs: paragraphs,
                                 paragraphRanges: paragraphRanges, shingles: shingles))
        }
        self.jumps = jumps
        self.stories = stories
        whole = document.bytes.withUnsafeBufferPointer { HashIndex.hashBytes($0, SourceRange(0, $0.count)) }
    }

    /// FNV-1a of folded scalars (as a paragraph's fingerprint is made).
    static func hash(_ folded: [UInt32]) -> UInt64 {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        for c in folded { h = (h ^ UInt64(c)) &* 0x0000_0100_0000_01B3 }
        return HashIndex.mix(h)
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

    static let base: UInt64 = 0x100_0000_01B3

    /// `base` to the power `width - 1`: what the scalar leaving the stretch weighs in its hash.
    static func top(_ width: Int) -> UInt64 {
        var top: UInt64 = 1
        for _ in 1..<width { top = top &* base }
        return top
    }
    static let top8 = top(8), top16 = top(16)

    /// Whether a stretch's rolling hash is in the sampled eighth (one multiply), and the hash kept.
    @inline(__always) static func sampled(_ h: UInt64) -> UInt64? {
        guard (h &* 0x9E37_79B9_7F4A_7C15) >> 61 == 0 else { return nil }
        let mixed = (h ^ (h >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return mixed ^ (mixed >> 32)
    }
}

/// One paragraph's fingerprint and sampled stretches, taken as `Normalizer.fold` gives its folded
/// scalars (punctuation dropped): a hash of the whole, and a rolling hash of the last `width` scalars
/// (kept in a ring of sixteen) whose sampled values are written out. (No call in the loop: its state
/// stays in registers.)
struct Fingerprint: Normalizer.Sink {
    /// Scalars kept, and stretches sampled.
    var count = 0, sampled = 0
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    private var rolling: UInt64 = 0
    private var width = 16, top = Shingles.top16
    private let last: UnsafeMutablePointer<UInt32>
    private let out: UnsafeMutablePointer<UInt64>

    /// `ring`: room for sixteen scalars; `out`: for a hash per byte of the paragraph.
    init(ring: UnsafeMutablePointer<UInt32>, out: UnsafeMutablePointer<UInt64>) {
        last = ring
        self.out = out
    }

    @inline(__always) mutating func put(_ cp: UInt32) {
        if Normalizer.isPunctuation(cp) { return }
        hash = (hash ^ UInt64(cp)) &* 0x0000_0100_0000_01B3
        if count == 0, Shingles.width(cp) == 8 { width = 8; top = Shingles.top8 }
        if count >= width { rolling = rolling &- UInt64(last[(count - width) & 15]) &* top }
        rolling = rolling &* Shingles.base &+ UInt64(cp)
        last[count & 15] = cp
        count += 1
        if count >= width, let h = Shingles.sampled(rolling) {
            out[sampled] = h
            sampled += 1
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
