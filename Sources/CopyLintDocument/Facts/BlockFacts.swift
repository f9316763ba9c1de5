import CopyLintBase

/// What the facts step noted of one block (or of one window of a giant block): the scripts its text
/// is written in and how it opens and ends, so that rules need not decode every block again to learn
/// that it holds nothing for them.
public struct BlockFacts: Sendable, Equatable {
    /// Han characters.
    public var han: UInt32 = 0
    /// Letters of an alphabet (`CharClass.isAlphabetic`: Latin, Greek, Cyrillic, full-width Latin).
    public var letters: UInt32 = 0
    @usableFromInline var flags: UInt8 = 0
    /// The last scalar that is not white space or a closing quote or bracket (`UInt32.max`: none).
    @usableFromInline var ending = UInt32.max

    /// How the block ends: its last character that is not white space or a closing quote or bracket.
    @inlinable public var lastSignificantScalar: UInt32? { ending == .max ? nil : ending }

    package mutating func setEnding(_ c: UInt32?) { ending = c ?? .max }

    /// How the block starts: its first character, and whether a closing quote or bracket of earlier
    /// text (” 」 ） …) comes among its first 30 (`CharClass.opening`).
    @usableFromInline var start = UInt32.max
    public private(set) var hasEarlyCloser = false
    @inlinable public var firstScalar: UInt32? { start == .max ? nil : start }

    package mutating func setOpening(_ opening: (first: UInt32?, earlyCloser: Bool)) {
        start = opening.first ?? .max
        hasEarlyCloser = opening.earlyCloser
    }

    /// The block holds kana, a traditional-only or a simplified-only character, a letter outside ASCII.
    @inlinable public var hasKana: Bool { flags & 1 != 0 }
    @inlinable public var hasTraditionalOnly: Bool { flags & 2 != 0 }
    @inlinable public var hasSimplifiedOnly: Bool { flags & 4 != 0 }
    @inlinable public var hasNonASCIILetter: Bool { flags & 8 != 0 }

    package mutating func add(han: Int, letters: Int, kana: Bool, traditional: Bool, simplified: Bool, nonASCIILetter: Bool) {
        self.han &+= UInt32(truncatingIfNeeded: han)
        self.letters &+= UInt32(truncatingIfNeeded: letters)
        flags |= (kana ? 1 : 0) | (traditional ? 2 : 0) | (simplified ? 4 : 0) | (nonASCIILetter ? 8 : 0)
    }

    /// Adds the summary of the next piece of the same text (the later piece's ending, if it has one,
    /// wins; the opening is the first piece's).
    package mutating func merge(_ other: BlockFacts) {
        han &+= other.han
        letters &+= other.letters
        flags |= other.flags
        if other.ending != .max { ending = other.ending }
        // The opening is the first piece's.
        if start == .max, other.start != .max { start = other.start; hasEarlyCloser = other.hasEarlyCloser }
    }
}
