import CopyLintBase
import CopyLintDocument

/// The text of each block as scalars with their offsets, decoded on first use and kept: the one text
/// cache of the rules that read blocks again and again (truncated-sentence, misplaced-headline).
final class BlockTexts {
    private let bytes: [UInt8]
    private let blocks: [Block]
    private var cache: [ScalarText?]

    /// Whether a giant block is decoded whole (by default only its head and tail, `text`).
    private let wholeGiants: Bool

    init(bytes: [UInt8], blocks: [Block], wholeGiants: Bool = false) {
        self.bytes = bytes
        self.blocks = blocks
        self.wholeGiants = wholeGiants
        cache = Array(repeating: nil, count: blocks.count)
    }

    private var dropped = 0

    subscript(i: Int) -> ScalarText {
        if let hit = cache[i] { return hit }
        let t = wholeGiants ? ScalarText(bytes, blocks[i].textRange) : Self.text(bytes, blocks[i].textRange)
        cache[i] = t
        return t
    }

    /// A block's scalars; a giant block's head and tail only (how a sentence ends, and how the next begins).
    static func text(_ bytes: [UInt8], _ range: SourceRange) -> ScalarText {
        range.length > TextWindows.giant
            ? ScalarText.headAndTail(bytes, range, head: TextWindows.giant / 8, tail: TextWindows.giant / 2)
            : ScalarText(bytes, range)
    }

    /// Lets go of the texts of blocks before `i` (a later use decodes again): a pass that moves
    /// forward keeps a few blocks decoded, not the whole file.
    func drop(before i: Int) {
        while dropped < min(i, cache.count) {
            cache[dropped] = nil
            dropped += 1
        }
    }

    /// Block `i`'s text as `Unicode.Scalar`s (what the recognisers read).
    func scalars(_ i: Int) -> [Unicode.Scalar] {
        self[i].scalars.map { Unicode.Scalar($0) ?? "\u{FFFD}" }
    }
}
