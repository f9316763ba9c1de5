import CopyLintBase

/// Facts about a document that rules share. Each rule declares the ones it reads
/// (`RuleChecker.neededFacts`); the engine computes what the active rules declared, once per document.
public struct FactSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Each block's scripts (Han, letters, traditional-only and simplified-only characters), how it
    /// opens and ends, and the language and Chinese variant of the copy as a whole.
    public static let scripts = FactSet(rawValue: 1)
    /// A hash of each block's text bytes (`HashIndex.hashBytes`), for telling repeated text from new.
    public static let byteHashes = FactSet(rawValue: 2)
    /// For a giant block (a file without line breaks), the facts of each window it is read in
    /// (`TextWindows.split`). Implies `scripts`.
    public static let windows = FactSet(rawValue: 4)

    public static let all: FactSet = [.scripts, .byteHashes, .windows]
}

/// The facts of one document: computed by `init(_:computing:)` for a `FactSet`, read by rules. Reading
/// a fact that was not asked for is a programming error (a rule that reads it must declare it), and
/// stops with a message naming the fact: the rule examples run every rule alone, so a missing
/// declaration fails the test suite.
public struct DocumentFacts: Sendable {
    /// What was computed.
    public let computed: FactSet
    private let language0: Language
    private let variant0: ChineseVariant?
    /// One entry per block (with `scripts`).
    @usableFromInline let blockFacts: [BlockFacts]
    /// Giant blocks' windows, by block index (with `windows`).
    private let windowFacts: [Int: [BlockFacts]]
    /// One entry per block; 0 for a giant block, which is never compared byte for byte (with `byteHashes`).
    @usableFromInline let hashes: [UInt64]

    /// Nothing computed.
    public static let none = DocumentFacts(computed: [], language: .english, variant: nil, blocks: [], windows: [:], hashes: [])

    package init(computed: FactSet, language: Language, variant: ChineseVariant?, blocks: [BlockFacts],
                 windows: [Int: [BlockFacts]], hashes: [UInt64]) {
        self.computed = computed
        language0 = language
        variant0 = variant
        blockFacts = blocks
        windowFacts = windows
        self.hashes = hashes
    }

    @inlinable @inline(__always)
    func require(_ fact: FactSet, _ name: StaticString) {
        precondition(computed.isSuperset(of: fact), "the \(name) fact was read but not declared in the rule's neededFacts")
    }

    /// Chinese when Han characters carry at least as much as the Latin letters (`scripts`).
    public var language: Language {
        require(.scripts, "scripts")
        return language0
    }

    /// For Chinese copy, simplified or traditional (`scripts`).
    public var chineseVariant: ChineseVariant? {
        require(.scripts, "scripts")
        return variant0
    }

    /// The facts of block `index` (`scripts`).
    @inlinable @inline(__always)
    public func block(_ index: Int) -> BlockFacts {
        require(.scripts, "scripts")
        return blockFacts[index]
    }

    /// How block `index` starts (`CharClass.opening`; `scripts`).
    public func opening(of index: Int) -> (first: UInt32?, earlyCloser: Bool) {
        let f = block(index)
        return (f.firstScalar, f.hasEarlyCloser)
    }

    /// How block `index` ends (`CharClass.lastSignificantScalar`; `scripts`).
    public func lastSignificantScalar(of index: Int) -> UInt32? { block(index).lastSignificantScalar }

    /// The hash of block `index`'s text bytes (`HashIndex.hashBytes`; `byteHashes`). Not made for a giant block.
    @inlinable @inline(__always)
    public func byteHash(of index: Int) -> UInt64 {
        require(.byteHashes, "byteHashes")
        return hashes[index]
    }

    /// The facts of each window of giant block `index`, in order (`windows`); nil for any other block.
    public func windows(of index: Int) -> [BlockFacts]? {
        require(.windows, "windows")
        return windowFacts[index]
    }
}
