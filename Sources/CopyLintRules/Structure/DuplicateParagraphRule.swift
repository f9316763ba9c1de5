import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Flags a paragraph printed again in the same file, exactly or nearly.
///
/// Exact repeats are found by hashing normalised text; near repeats (a character or
/// two changed by OCR or layout) by min-hash fingerprints over character shingles,
/// each candidate verified with a bounded edit distance. Both are linear in the size
/// of the text: no paragraph is compared with every other.
public struct DuplicateParagraphRule: Rule {
    /// It normalises and hashes every paragraph.
    public var relativeCost: Int { 5 }

    /// A byte-for-byte repeat is settled by a hash of its bytes.
    public var neededFacts: FactSet { [.byteHashes, .scripts] }

    public static let description = RuleDescription(
        id: "duplicate-paragraph",
        summary: "A paragraph is printed again in the same file",
        rationale: """
            Layout systems and hurried pasting repeat paragraphs: once, in bursts, or dozens of times in a row \
            after a crashed export. A reader sees the same text twice and the page loses space it needed. \
            Repeats are compared after folding white space, full-width and half-width punctuation and letter \
            case, and a near repeat that differs by a character or two (OCR variance) counts too. Headlines, \
            bylines, datelines, captions and short labels such as 核心阅读 legitimately recur and are not checked.
            """,
        defaultSeverity: .error,
        options: [
            OptionSpec("minLength", default: .int(16),
                       help: "Shortest paragraph, in characters after normalisation, that is checked"),
            OptionSpec("near", default: .bool(true),
                       help: "Also report near repeats that differ by a few characters"),
            OptionSpec("nearMinLength", default: .int(40),
                       help: "Shortest paragraph, in characters, checked for near repeats"),
            OptionSpec("maxEditRatio", default: .double(0.02),
                       help: "Most characters that may differ in a near repeat, as a share of its length (at least 2)"),
        ],
        triggering: [
            Example("""
                Council fines fly-tipper

                A man who dumped rubbish in a lane near 𠮷 Bay has been ordered to pay almost one thousand pounds by the town's magistrates.

                Officers found bin bags, a broken fridge and two old mattresses in the lane last winter, along with letters that bore his name.

                He told the court he had paid a stranger to take the rubbish away.

                ↓Officers found bin bags, a broken fridge and two old mattresses in the lane last winter, along with several letters that bore his name.
                """, note: "reprinted with one word put in (several): a near repeat, however long the word"),
            Example("""
                # 标题

                市政府昨日公布了新的公交线路调整方案，涉及十二条线路。

                ↓市政府昨日公布了新的公交线路调整方案，涉及十二条线路。
                """,
                fixed: """
                # 标题

                市政府昨日公布了新的公交线路调整方案，涉及十二条线路。
                """),
            Example("""
                城市图书馆的夜间开放时间将延长到晚上十点，首批试点覆盖五个区。

                读者可以通过小程序预约座位。

                ↓城市图书馆的夜间开放时间将延长到晚上十点,首批试点覆盖五个区。
                """, note: "differs only by a half-width comma"),
            Example("""
                The council voted on Tuesday to extend the night bus service to all districts.

                Officials said the plan would cost about 2m pounds a year.

                ↓The council voted on Tuesday to extend the night bus service to all district.
                """, note: "a near repeat: one letter lost"),
            Example("""
                连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册。

                ↓连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册。

                ↓连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册。
                """, note: "every repeat after the first is reported"),
            Example("""
                一、补贴标准

                加装电梯每台补贴十五万元。同一单元有八十岁以上老人的，每台另加两万元。

                二、申请条件

                ↓加装电梯每台补贴十五万元；同一单元有八十岁以上老人的，每台另加两万元。
                """, note: "a paragraph of two sentences printed again under the next heading, its stop turned into a semicolon"),
        ],
        nonTriggering: [
            Example("""
                核心阅读

                今年以来，全省新增就业岗位超过二十万个。

                核心阅读

                各地还推出了技能培训补贴。
                """, note: "short labels recur legitimately"),
            Example("""
                HOCKEY RESULTS
                Eastmarsh League, Division Two
                Saltmarket 1 Harrowgate 4
                Dyer's Yard v Castle Hill
                Postponed (pitch unavailable)
                Eastgate v Wyvern Park Vets
                Postponed (pitch unavailable)
                """, note: "a results list: the same short entry under two fixtures is no paragraph printed twice"),
            Example("""
                WHAT'S ON

                FRIDAY, OCTOBER 11
                Quiz night, The Plough, Brandle, 8pm. £2 a head, teams of up to six.
                Toddler rhyme time, Ottersby Library, 10.30am. Free.

                WEDNESDAY, OCTOBER 16
                Toddler rhyme time, Ottersby Library, 10.30am. Free.
                Quiz night, The Plough, Brandle, 8pm. £2 a head, teams of up to six.
                """, note: "a what's-on listing: a weekly event's entry recurs under each day's heading"),
            Example("""
                The bank raised interest rates by a quarter of a point on Thursday.

                The bank left interest rates unchanged for a third month on Thursday.
                """),
            Example("""
                好。

                好。
                """, note: "shorter than minLength"),
        ],
        fixSafety: "Deleting an exact repeat is safe; deleting a near repeat is unsafe (which copy is right is an editor's call)."
    )

    let minLength: Int
    let near: Bool
    let nearMinLength: Int
    let maxEditRatio: Double

    public init(options: RuleOptions) {
        minLength = max(1, options.int("minLength"))
        near = options.bool("near")
        nearMinLength = max(1, options.int("nearMinLength"))
        maxEditRatio = min(1, max(0, options.double("maxEditRatio")))
    }

    /// Byte-for-byte repeats settled by a hash of the bytes (off only to test that it changes nothing).
    var byteRepeats = true
    /// A large file's blocks prepared on all cores, and candidates whose pairs of characters differ too
    /// much passed over unread (off only to test that they change nothing).
    var prepares = true, filtersBySignature = true
    /// A small file's paragraphs sketched as a large file's are, not compared pair by pair (on only
    /// to test that the two find the same repeats).
    var sketchesSmallFiles = false

    /// Most blocks checked in a file whose paragraphs are compared pair by pair.
    static let pairwiseLimit = 64

    /// A hash of a byte range, eight bytes at a time (collisions are checked for by comparing the bytes).
    static func byteHash(_ bytes: [UInt8], _ r: SourceRange) -> UInt64 {
        bytes.withUnsafeBufferPointer { HashIndex.hashBytes($0, r) }
    }

    /// How many shingle hashes each paragraph's sketch keeps.
    private static let sketchSize = 6
    private static let shingle = 4
    private static let bucketScanLimit = 4

    public func check(_ context: RuleContext) -> [Finding] {
        let document = context.document
        let bytes = document.bytes
        let blocks = document.blocks
        var findings: [Finding] = []
        // Only hashes and block indices are kept: a paragraph's normalised text is derived again from
        // the bytes when a hash matches, so memory does not grow with the size of the copy.
        var exact = HashIndex()                   // hash of the normalised text -> first block
        var bare = HashIndex()                    // hash of the text without punctuation -> first block
        var buckets = HashIndex()                 // (seed, min-hash) -> bucket of block indices
        // (Each table grows with the distinct texts it holds: a file of repeats holds few.)
        var bucketItems: [Int32] = []             // bucketScanLimit indices per bucket, -1 when free
        var scratch: [UInt32] = []
        var sketch: [UInt64] = []
        var tried: [Int32] = []
        // Each sketched block's pairs of characters (`signature`), `signatureWords` words a block, in
        // the order the blocks were sketched (`signatureAt`: block -> its place; a file of repeats
        // sketches few of its blocks).
        var signatures: [UInt64] = []
        var signatureAt: [Int32] = []
        var lengths = [Int32](repeating: 0, count: blocks.count)   // normalised length of each block checked
        // Repeats of one paragraph share its message and related location (one string, not thousands).
        var shared: [Int: (message: String, related: [RelatedLocation])] = [:]
        // Hash of the bytes -> the first block with those bytes, and for each block what it was found
        // to repeat exactly (itself when it was the first of its text, -1 when nothing).
        var raw = HashIndex()
        var outcome = [Int32](repeating: -1, count: byteRepeats ? blocks.count : 0)

        // A block's text can only equal one with as many normalised characters. The one giant block of
        // a file, when it surely has more than any other block can have (at most `giant` bytes each),
        // equals none of them: it is not read at all.
        let giants = blocks.indices.filter { Self.checked(blocks[$0].kind) && blocks[$0].textRange.length > TextWindows.giant }
        let alone = giants.count == 1 && Self.surelyLonger(bytes, blocks[giants[0]].textRange, than: TextWindows.giant) ? giants[0] : -1

        // A large file's blocks are normalised, hashed and sketched on all cores first (the work that
        // grows with the copy); the walk below then only looks them up, in order. A block whose bytes
        // were met before is left out: the walk settles it by its bytes.
        let prepared = prepares && bytes.count >= ParallelMap.parallelThreshold ? prepare(context) : nil
        // A file of a few dozen paragraphs (a story, a page) compares each paragraph with every earlier
        // one of about its length: fewer steps than sketching them all, and exact (no pair is missed).
        let pairwise = prepared == nil && sketchesSmallFiles == false
            && blocks.lazy.filter({ Self.checked($0.kind) }).count <= Self.pairwiseLimit
        var pool: [Int32] = []                    // pairwise: the blocks a later one may nearly repeat

        for index in blocks.indices where Self.checked(blocks[index].kind) {
            if blocks[index].textRange.length > TextWindows.giant {
                if index == alone { continue }
                // A giant block (a file without line breaks): exact repeats only, hashed as it is read.
                var sink = Hashing()
                Normalizer.fold(bytes, blocks[index].textRange, into: &sink)
                guard sink.count >= minLength else { continue }
                let known = exact.insert(HashIndex.mix(sink.hash), Int32(index))
                if known >= 0, Self.sameBytes(bytes, blocks[Int(known)].textRange, blocks[index].textRange)
                    || Normalizer.scalars(bytes, blocks[Int(known)].textRange) == Normalizer.scalars(bytes, blocks[index].textRange) {
                    if let f = report(document, repeat: index, of: Int(known), edits: 0, shared: &shared) { findings.append(f) }
                }
                continue
            }
            let range = blocks[index].textRange
            // A byte-for-byte repeat of a paragraph already seen (the usual duplicate: reprinted copy)
            // is settled by a hash of its bytes, without normalising it: the answer is the one given
            // for the earlier copy.
            let rawHash = byteRepeats ? context.facts.byteHash(of: index) : 0
            if byteRepeats {
                let seen = raw.find(rawHash)
                if seen >= 0, Self.sameBytes(bytes, blocks[Int(seen)].textRange, range) {
                    let j = Int(seen)
                    lengths[index] = lengths[j]
                    if outcome[j] >= 0 { if let f = report(document, repeat: index, of: Int(outcome[j]), edits: 0, shared: &shared) { findings.append(f) } }
                    continue
                }
            }
            // Normalised into a buffer kept from block to block, hashed as it is written (or taken
            // from the preparation, the text then normalised again only where it is compared).
            let n: Int, h: UInt64, bareHash: UInt64
            var stored = false
            if let prepared, let k = prepared.slot(index) {
                (n, h, bareHash) = (Int(prepared.count[k]), prepared.hash[k], prepared.bare[k])
            } else {
                (n, h, bareHash) = Self.normalise(bytes, range, into: &scratch)
                stored = true
            }
            guard n >= minLength else { continue }
            func normalised() -> [UInt32] { stored ? Array(scratch[0..<n]) : Normalizer.scalars(bytes, range) }
            lengths[index] = Int32(truncatingIfNeeded: n)
            // (Different bytes under the same hash keep the entry that was there.)
            if byteRepeats { _ = raw.insert(rawHash, Int32(index)) }
            let known = exact.insert(HashIndex.mix(h), Int32(index))
            if known >= 0 {
                // The same hash: the same text (a 64-bit collision is checked for, never assumed).
                let first = Int(known)
                // A byte-for-byte repeat (the usual case) needs no second normalisation.
                if Self.sameBytes(bytes, blocks[first].textRange, range)
                    || Normalizer.scalars(bytes, blocks[first].textRange) == normalised() {
                    if byteRepeats { outcome[index] = Int32(first) }
                    if let f = report(document, repeat: index, of: first, edits: 0, shared: &shared) { findings.append(f) }
                }
                continue
            }
            if byteRepeats { outcome[index] = Int32(index) }   // the first of its text
            guard near else { continue }

            // Differing only by punctuation (a lost 。 or an added comma) is a near repeat at any length.
            let sameLetters = bare.insert(bareHash, Int32(index))
            if sameLetters >= 0 {
                let first = Int(sameLetters)
                let other = Normalizer.scalars(bytes, blocks[first].textRange)
                let text = normalised()
                if other.filter({ !Normalizer.isPunctuation($0) }) == text.filter({ !Normalizer.isPunctuation($0) }) {
                    let edits = BoundedEditDistance.distance(other, text, limit: 8) ?? abs(other.count - text.count)
                    if let f = report(document, repeat: index, of: first, edits: max(1, edits), shared: &shared) { findings.append(f) }
                }
                continue
            }

            guard n >= nearMinLength else { continue }
            let limit = max(2, Int(Double(n) * maxEditRatio))
            // A paragraph of words (fifteen or more) reprinted with one word put in, dropped or changed
            // (found black bin bags / found bin bags) is a near repeat too, however long the word: the
            // search reaches up to twelve characters apart, and what lies beyond `limit` must differ
            // by that one word.
            // (Words: a block of letters, four for each character of Chinese at least, told from the facts.)
            let wide = n >= 80 && Self.isWordy(context.facts.block(index)) ? max(limit, 12) : limit
            func accepts(_ c: Int, _ d: Int) -> Bool { d <= limit || Self.differByOneWord(bytes, blocks[c].textRange, range) }
            let words = Self.signatureWords
            if signatureAt.isEmpty { signatureAt = [Int32](repeating: -1, count: blocks.count) }
            if pairwise {
                // The earliest block within the limit; signatures (of this block, and of each earlier
                // one when it is first a candidate) pass over most pairs of a similar length unread.
                var mine = -1
                var found: (index: Int, edits: Int)?
                var text: [UInt32]?
                for candidate in pool {
                    let c = Int(candidate)
                    guard abs(Int(lengths[c]) - n) <= wide else { continue }
                    if mine < 0 {
                        mine = signatures.count
                        signatures.append(contentsOf: repeatElement(0, count: words))
                        signatures.withUnsafeMutableBufferPointer { out in
                            scratch.withUnsafeBufferPointer {
                                Self.signature(UnsafeBufferPointer(rebasing: $0[0..<n]), into: UnsafeMutableBufferPointer(rebasing: out[mine..<(mine + words)]))
                            }
                        }
                    }
                    var other: [UInt32]?
                    if signatureAt[c] < 0 {
                        let t = Normalizer.scalars(bytes, blocks[c].textRange)
                        other = t
                        signatureAt[c] = Int32(signatures.count / words)
                        let at = signatures.count
                        signatures.append(contentsOf: repeatElement(0, count: words))
                        signatures.withUnsafeMutableBufferPointer { out in
                            t.withUnsafeBufferPointer { Self.signature($0, into: UnsafeMutableBufferPointer(rebasing: out[at..<(at + words)])) }
                        }
                    }
                    let theirs = Int(signatureAt[c]) * words
                    let apart = (0..<words).reduce(0) { $0 + (signatures[theirs + $1] ^ signatures[mine + $1]).nonzeroBitCount }
                    guard apart <= 4 * wide || !filtersBySignature else { continue }
                    if text == nil { text = normalised() }
                    if let d = BoundedEditDistance.distance(other ?? Normalizer.scalars(bytes, blocks[c].textRange), text!, limit: wide), accepts(c, d) {
                        found = (c, d)
                        break
                    }
                }
                if mine >= 0 { signatureAt[index] = Int32(mine / words) }
                // (A near repeat stays a candidate: a later paragraph may repeat it more nearly than
                // the one it repeats.)
                pool.append(Int32(index))
                if let found, let f = report(document, repeat: index, of: found.index, edits: found.edits, shared: &shared) { findings.append(f) }
                continue
            }
            let mine = signatures.count
            signatureAt[index] = Int32(mine / words)
            signatures.append(contentsOf: repeatElement(0, count: words))
            if let prepared, let k = prepared.slot(index) {
                sketch.removeAll(keepingCapacity: true)
                sketch.append(contentsOf: prepared.sketches[(k * Self.sketchSize)..<(k * Self.sketchSize + Int(prepared.sketchCount[k]))])
                for w in 0..<words { signatures[mine + w] = prepared.signatures[k * words + w] }
            } else {
                Self.sketchAndSign(scratch, n, sketch: &sketch, signatures: &signatures, at: mine)
            }
            var text: [UInt32]?
            var best: (index: Int, edits: Int)?
            tried.removeAll(keepingCapacity: true)
            for key in sketch {
                let bucket = buckets.find(key)
                guard bucket >= 0 else { continue }
                for slot in Int(bucket) * Self.bucketScanLimit..<(Int(bucket) + 1) * Self.bucketScanLimit {
                    let candidate = bucketItems[slot]
                    guard candidate >= 0, !tried.contains(candidate) else { continue }
                    tried.append(candidate)
                    // Lengths further apart than the limit cannot be within it: no need to read the text.
                    guard abs(Int(lengths[Int(candidate)]) - n) <= wide else { continue }
                    // Nor can texts whose pairs of characters differ by more than four for each edit allowed.
                    let c = Int(signatureAt[Int(candidate)]) * words
                    let apart = (0..<words).reduce(0) { $0 + (signatures[c + $1] ^ signatures[mine + $1]).nonzeroBitCount }
                    guard apart <= 4 * wide || !filtersBySignature else { continue }
                    let other = Normalizer.scalars(bytes, blocks[Int(candidate)].textRange)
                    if text == nil { text = normalised() }
                    if let d = BoundedEditDistance.distance(other, text!, limit: wide), accepts(Int(candidate), d),
                       best == nil || Int(candidate) < best!.index {
                        best = (Int(candidate), d)
                    }
                }
            }
            if let best, let f = report(document, repeat: index, of: best.index, edits: best.edits, shared: &shared) { findings.append(f) }
            // (A near repeat stays a candidate: a later paragraph may repeat it more nearly than the
            // one it repeats.)
            for key in sketch {
                var bucket = Int(buckets.find(key))
                if bucket < 0 {
                    bucket = bucketItems.count / Self.bucketScanLimit
                    _ = buckets.insert(key, Int32(bucket))
                    bucketItems.append(contentsOf: repeatElement(-1, count: Self.bucketScanLimit))
                }
                let base = bucket * Self.bucketScanLimit
                if let free = (base..<base + Self.bucketScanLimit).first(where: { bucketItems[$0] < 0 }) {
                    bucketItems[free] = Int32(index)
                }
            }
        }
        return findings
    }

    /// Words a paragraph needs for one word's change to leave it a near repeat.
    static let oneWordMinimum = 15

    /// A block written in words: letters enough for `oneWordMinimum` words, and four for each Han
    /// character at least.
    static func isWordy(_ f: BlockFacts) -> Bool {
        f.letters >= UInt32(4 * oneWordMinimum) && f.letters >= 4 * f.han
    }

    /// The words of `a` and `b` (split at white space, compared byte for byte) are the same but for
    /// one word put in, dropped or changed, and the longer has at least `oneWordMinimum` words.
    static func differByOneWord(_ bytes: [UInt8], _ a: SourceRange, _ b: SourceRange) -> Bool {
        func words(_ r: SourceRange) -> [ArraySlice<UInt8>] {
            bytes[r.start..<r.end].split(whereSeparator: { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 })
        }
        let x = words(a), y = words(b)
        guard max(x.count, y.count) >= oneWordMinimum, abs(x.count - y.count) <= 1 else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i].elementsEqual(y[i]) { i += 1 }
        if x.count == y.count {
            return i < x.count && x[(i + 1)...].elementsEqual(y[(i + 1)...], by: { $0.elementsEqual($1) })
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return long[(i + 1)...].elementsEqual(short[i...], by: { $0.elementsEqual($1) })
    }

    /// Each block's normalised length, its two hashes and its sketch, made ahead of the walk.
    private struct Prepared {
        /// Block index -> slot in the arrays below (-1: not prepared).
        let slots: [Int32]
        let count: [Int32]
        let hash: [UInt64], bare: [UInt64]
        /// `sketchSize` values a slot, of which `sketchCount` are the sketch.
        let sketches: [UInt64]
        let sketchCount: [UInt8]
        /// `signatureWords` words a slot: the text's `signature`.
        let signatures: [UInt64]

        func slot(_ index: Int) -> Int? { slots[index] >= 0 ? Int(slots[index]) : nil }
    }

    /// Normalises, hashes and sketches the blocks the walk will read, in slices on all cores: every
    /// checked block that is not a giant and (where byte repeats are settled by their bytes) the
    /// first block of its bytes' hash. The walk reads the same values it would have made itself.
    private func prepare(_ context: RuleContext) -> Prepared {
        let document = context.document
        let bytes = document.bytes, blocks = document.blocks
        var slots = [Int32](repeating: -1, count: blocks.count)
        var chosen: [Int] = []
        var seen = HashIndex(expected: blocks.count)
        for i in blocks.indices where Self.checked(blocks[i].kind) && blocks[i].textRange.length <= TextWindows.giant {
            if byteRepeats, seen.insert(context.facts.byteHash(of: i), Int32(i)) >= 0 { continue }
            slots[i] = Int32(chosen.count)
            chosen.append(i)
        }
        let pieces = ParallelMap.slices(parallel: true)
        let order = chosen
        let size = (order.count + pieces - 1) / pieces
        let sketching = near, shortest = max(minLength, nearMinLength), k = Self.sketchSize
        let parts = ParallelMap.run(count: pieces) { p -> (count: [Int32], hash: [UInt64], bare: [UInt64], sketches: [UInt64], sketchCount: [UInt8],
                                                         signatures: [UInt64]) in
            let lo = min(order.count, p * size), hi = min(order.count, lo + size)
            var counts: [Int32] = [], hashes: [UInt64] = [], bares: [UInt64] = [], sketches: [UInt64] = [], sketchCounts: [UInt8] = []
            counts.reserveCapacity(hi - lo); hashes.reserveCapacity(hi - lo); bares.reserveCapacity(hi - lo)
            sketches.reserveCapacity((hi - lo) * k); sketchCounts.reserveCapacity(hi - lo)
            let words = Self.signatureWords
            var signatures = [UInt64](repeating: 0, count: (hi - lo) * words)
            var scratch: [UInt32] = []
            var sketch: [UInt64] = []
            for j in lo..<hi {
                let (n, h, b) = Self.normalise(bytes, blocks[order[j]].textRange, into: &scratch)
                counts.append(Int32(truncatingIfNeeded: n)); hashes.append(h); bares.append(b)
                sketch.removeAll(keepingCapacity: true)
                if sketching, n >= shortest {
                    Self.sketchAndSign(scratch, n, sketch: &sketch, signatures: &signatures, at: (j - lo) * words)
                }
                sketchCounts.append(UInt8(sketch.count))
                sketches.append(contentsOf: sketch)
                sketches.append(contentsOf: repeatElement(0, count: k - sketch.count))
            }
            return (counts, hashes, bares, sketches, sketchCounts, signatures)
        }
        return Prepared(slots: slots, count: parts.flatMap { $0.count }, hash: parts.flatMap { $0.hash }, bare: parts.flatMap { $0.bare },
                        sketches: parts.flatMap { $0.sketches }, sketchCount: parts.flatMap { $0.sketchCount },
                        signatures: parts.flatMap { $0.signatures })
    }

    /// Normalises `range` into `scratch` (grown as needed): its length, its hash and the hash of its
    /// letters (punctuation left out).
    private static func normalise(_ bytes: [UInt8], _ range: SourceRange, into scratch: inout [UInt32]) -> (Int, UInt64, UInt64) {
        if scratch.count < range.length { scratch = [UInt32](repeating: 0, count: max(range.length, scratch.count * 2)) }
        return scratch.withUnsafeMutableBufferPointer { buffer -> (Int, UInt64, UInt64) in
            var sink = Storing(out: buffer.baseAddress!)
            Normalizer.fold(bytes, range, into: &sink)
            return (sink.count, sink.hash, HashIndex.mix(sink.bare))
        }
    }

    /// The sketch of the first `n` scalars of `scratch`, and their signature written at `at`.
    private static func sketchAndSign(_ scratch: [UInt32], _ n: Int, sketch: inout [UInt64], signatures: inout [UInt64], at: Int) {
        scratch.withUnsafeBufferPointer {
            let t = UnsafeBufferPointer(rebasing: $0[0..<n])
            Self.sketch(t, into: &sketch)
            signatures.withUnsafeMutableBufferPointer { Self.signature(t, into: UnsafeMutableBufferPointer(rebasing: $0[at..<(at + signatureWords)])) }
        }
    }

    /// Stores the folded scalars and hashes them as they are given (FNV-1a): all of them, and those
    /// that are not punctuation (what a near repeat differing only by punctuation shares).
    private struct Storing: Normalizer.Sink {
        let out: UnsafeMutablePointer<UInt32>
        var count = 0
        var hash = DuplicateParagraphRule.fnvOffset
        var bare = DuplicateParagraphRule.fnvOffset
        @inline(__always) mutating func put(_ cp: UInt32) {
            out[count] = cp
            count += 1
            hash = DuplicateParagraphRule.fnv(hash, cp)
            if !Normalizer.isPunctuation(cp) { bare = DuplicateParagraphRule.fnv(bare, cp) }
        }
    }

    /// FNV-1a over the folded scalars as they are given (a giant block's: not stored).
    private struct Hashing: Normalizer.Sink {
        var count = 0
        var hash = DuplicateParagraphRule.fnvOffset
        @inline(__always) mutating func put(_ cp: UInt32) {
            count += 1
            hash = DuplicateParagraphRule.fnv(hash, cp)
        }
    }

    /// Whether `range` normalises to more than `limit` characters, told from a count that cannot
    /// exceed the true one: printable ASCII (each kept by the fold as one character) and Han of
    /// U+4000–U+9FFF (lead bytes E4–E9, never space). Every other block is at most `limit` bytes, so
    /// at most `limit` characters: none of them can equal this one.
    static func surelyLonger(_ bytes: [UInt8], _ range: SourceRange, than limit: Int) -> Bool {
        var kept = 0
        for i in range.start..<range.end {
            let b = bytes[i]
            if (b > 0x20 && b < 0x7F) || (b >= 0xE4 && b <= 0xE9) {
                kept += 1
                if kept > limit { return true }
            }
        }
        return false
    }

    /// The article opens with a headline of its own: a story of a page, not a stretch of one story
    /// that a dateline set apart.
    static func headed(_ document: Document, _ article: Int) -> Bool {
        document.articles[article].blocks.prefix { document.blocks[$0].kind.isHeading }.contains {
            document.blocks[$0].kind == .headline || document.blocks[$0].kind == .kicker
        }
    }

    /// Characters a paragraph needs for --fix to delete its repeat without asking.
    static let safeDeletionLength = 20

    /// Block `i` is a short line with no stop (at most 48 characters) in a run of three or more such
    /// lines with no blank line between: an entry of a list or a table.
    static func isListEntry(_ document: Document, _ i: Int) -> Bool {
        let blocks = document.blocks
        func short(_ k: Int) -> Bool {
            guard k >= 0, k < blocks.count, blocks[k].textRange.length <= 4 * 48 else { return false }
            let t = UTF8Scalar.scalars(document.bytes, blocks[k].textRange)
            return t.count <= 48 && !TextTraits.hasSentenceStop(t) && !TextTraits.endsSentence(t)
        }
        guard blocks[i].lastLine == blocks[i].firstLine, short(i) else { return false }
        var run = 1
        var k = i
        while k > 0, run < 3, blocks[k].blankLinesBefore == 0, short(k - 1) { run += 1; k -= 1 }
        k = i
        while k + 1 < blocks.count, run < 3, blocks[k + 1].blankLinesBefore == 0, short(k + 1) { run += 1; k += 1 }
        return run >= 3
    }

    /// One sentence of at most 100 characters: the size of a line that recurs in stories by habit.
    static func isBoilerplateSized(_ bytes: [UInt8], _ range: SourceRange) -> Bool {
        let scalars = UTF8Scalar.scalars(bytes, range)
        guard scalars.count <= 100 else { return false }
        let stops = scalars.dropLast().filter { $0 == "。" || $0 == "！" || $0 == "？" || $0 == "." || $0 == "!" || $0 == "?" }
        return stops.isEmpty
    }

    /// The same bytes once spaces, tabs and line ends are skipped (a repeat wrapped differently).
    static func sameIgnoringWhitespace(_ bytes: [UInt8], _ a: SourceRange, _ b: SourceRange) -> Bool {
        var i = a.start, j = b.start
        func skip(_ k: inout Int, _ end: Int) { while k < end, bytes[k] == 0x20 || bytes[k] == 0x09 || bytes[k] == 0x0A || bytes[k] == 0x0D { k += 1 } }
        while true {
            skip(&i, a.end); skip(&j, b.end)
            if i == a.end || j == b.end { return i == a.end && j == b.end }
            if bytes[i] != bytes[j] { return false }
            i += 1; j += 1
        }
    }

    private static func sameBytes(_ bytes: [UInt8], _ a: SourceRange, _ b: SourceRange) -> Bool {
        guard a.length == b.length else { return false }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + a.start, $0.baseAddress! + b.start, a.length) == 0 }
    }

    /// Bylines and datelines recur by their nature; listing rows, jump lines, separators and take marks
    /// are furniture that recurs, not paragraphs.
    private static func checked(_ kind: BlockKind) -> Bool {
        switch kind {
        case .byline, .dateline, .listing, .jump, .separator, .marker: return false
        default: return true
        }
    }

    /// The finding for block `index` repeating block `first`; nil for a short boilerplate line that
    /// recurs in another story of the page (a wire's "did not respond to a request for comment") and
    /// for a label that recurs with copy between.
    private func report(_ document: Document, repeat index: Int, of first: Int, edits: Int,
                        shared: inout [Int: (message: String, related: [RelatedLocation])]) -> Finding? {
        let block = document.blocks[index]
        let original = document.blocks[first]
        // A label (核心阅读, Source: …) recurs as furniture; printed twice in a row, it is a repeat.
        if block.kind == .label, index == 0 || !Self.sameIgnoringWhitespace(document.bytes, document.blocks[index - 1].textRange, block.textRange) {
            return nil
        }
        // An entry of a list or a table (Postponed (pitch unavailable), under each of two fixtures): a
        // short line with no stop, set among short lines with no blank line between.
        // (Not one printed twice in a row: that is a slip in any list.)
        if index != first + 1, Self.isListEntry(document, index), Self.isListEntry(document, first) { return nil }
        // (Both copies one sentence: a paragraph of two whose stop became a semicolon is a near repeat.)
        if block.article != original.article, block.ledeRange == nil, Self.isBoilerplateSized(document.bytes, block.textRange),
           Self.isBoilerplateSized(document.bytes, original.textRange),
           Self.headed(document, block.article), Self.headed(document, original.article) { return nil }
        let line = original.firstLine + 1
        let message: String, related: [RelatedLocation]
        if edits == 0, let known = shared[first] {
            (message, related) = known
        } else {
            message = edits == 0
                ? "paragraph repeats the one first printed at line \(line)"
                : "paragraph nearly repeats the one first printed at line \(line) (\(edits) \(edits == 1 ? "character differs" : "characters differ"))"
            related = [RelatedLocation(range: original.textRange, message: "first printed here")]
            if edits == 0 { shared[first] = (message, related) }
        }
        // Delete the repeat with the blank lines before it.
        let previousEnd = index > 0 ? document.blocks[index - 1].range.end : block.range.start
        let deletion = index > 0
            ? SourceRange(previousEnd, block.range.end)
            : SourceRange(block.range.start, index + 1 < document.blocks.count ? document.blocks[index + 1].range.start : block.range.end)
        // Safe only for a paragraph of some length printed again word for word (its wrap aside): a
        // near repeat, a short line or a heading may be meant.
        let bytes = document.bytes, r = block.textRange
        let exact = edits == 0 && block.kind == .paragraph
            && (Self.sameBytes(bytes, original.textRange, r) || Self.sameIgnoringWhitespace(bytes, original.textRange, r))
            // (Four bytes a character at most: only a short paragraph's characters need counting.)
            && (r.length >= 4 * Self.safeDeletionLength || bytes[r.start..<r.end].lazy.filter({ $0 & 0xC0 != 0x80 }).count >= Self.safeDeletionLength)
        let fix = Fix(title: "delete the repeated paragraph", edits: [TextEdit(range: deletion, replacement: "")],
                      applicability: exact ? .safe : .unsafe)
        return Finding(range: block.textRange, message: message, related: related, fix: fix)
    }

    fileprivate static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325, fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// One step of FNV-1a over a scalar: the same for a stored text and for one hashed as it is read.
    @inline(__always)
    fileprivate static func fnv(_ h: UInt64, _ cp: UInt32) -> UInt64 { (h ^ UInt64(cp)) &* fnvPrime }

    /// Words of a block's `signature`.
    static let signatureWords = 8

    /// The text's pairs of neighbouring characters as bits of a 512-bit word (eight UInt64), one bit
    /// for each pair by a hash. An edit takes away at most two pairs and makes at most two, so two
    /// texts `d` edits apart differ in at most `4d` pairs and at most `4d` bits: a pair of texts
    /// further apart need not be compared.
    static func signature(_ t: UnsafeBufferPointer<UInt32>, into out: UnsafeMutableBufferPointer<UInt64>) {
        for w in 0..<signatureWords { out[w] = 0 }
        guard t.count >= 2 else { return }
        for i in 1..<t.count {
            let bit = ((t[i - 1] &* 0x9E37_79B1) ^ (t[i] &* 0x85EB_CA77)) >> 23
            out[Int(bit >> 6)] |= 1 << UInt64(bit & 63)
        }
    }

    /// A bottom-k sketch: the k smallest distinct shingle hashes of the text. Two texts a few edits
    /// apart share most of them, so sharing one makes them candidates. One hash per character.
    private static func sketch(_ t: UnsafeBufferPointer<UInt32>, into smallest: inout [UInt64]) {
        let k = sketchSize
        smallest.removeAll(keepingCapacity: true)
        let q = min(shingle, t.count)
        // The k smallest so far, sorted, in a buffer of the stack (an array's bookkeeping cost more
        // than the hashing when every paragraph is sketched).
        withUnsafeTemporaryAllocation(of: UInt64.self, capacity: k) { kept in
            // The last q scalars, 16 bits each, shifted through one word (an astral scalar's high bits
            // spill into its neighbour's: still a hash of the shingle), then mixed: one shift and one
            // exclusive or a character on the dependency chain, where a rolling hash needed a multiply.
            var window: UInt64 = 0, count = 0
            // Hashes at or above `cut` cannot enter the sketch (it is full and they are larger).
            var cut = UInt64.max
            for i in 0..<t.count {
                window = window << 16 ^ UInt64(t[i])
                guard i + 1 >= q else { continue }
                var v = window &* 0x9E37_79B9_7F4A_7C15
                v ^= v >> 29
                guard v < cut else { continue }
                var at = 0
                while at < count, kept[at] < v { at += 1 }
                if at < count, kept[at] == v { continue }
                var j = min(count, k - 1)
                while j > at { kept[j] = kept[j - 1]; j -= 1 }
                kept[at] = v
                if count < k { count += 1 }
                if count == k { cut = kept[k - 1] }
            }
            smallest.append(contentsOf: UnsafeBufferPointer(rebasing: kept[0..<count]))
        }
    }
}
