import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules

final class DuplicateParagraphRuleTests: XCTestCase {
    /// duplicate-paragraph settles byte-for-byte repeats by a hash of their bytes: the findings are the
    /// ones the normalising path gives, for exact, normalised-only, near and short repeats, with BOM,
    /// CRLF and astral text.
    func testDuplicateParagraphByteRepeatsChangeNoFinding() {
        let a = "连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册。"
        let spaced = "连日来， 志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放宣传册 。"
        let near = "连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动，入户发放了宣传册。"
        let b = "The council raised parking fees in March after a long debate."
        let wide = "Ｔhe council raised parking fees in March after a long debate."
        let paragraphs = [a, b, a, spaced, near, "好。", b, wide, a, "好。", spaced, near, b]
        let text = "\u{FEFF}# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
        let document = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
        let options = RuleOptions(specs: DuplicateParagraphRule.description.options)
        var withHashes = DuplicateParagraphRule(options: options)
        withHashes.byteRepeats = true
        var without = withHashes
        without.byteRepeats = false
        let context = RuleContext(document: document)
        let found = withHashes.check(context)
        XCTAssertEqual(found, without.check(context))
        XCTAssertGreaterThanOrEqual(found.count, 8)
    }

    /// A large file (over the parallel threshold) has its blocks normalised, hashed and sketched on all
    /// cores before the walk, and near-repeat candidates whose signatures differ by more than the edits
    /// allow are not compared: the findings are those of the plain walk that compares every candidate,
    /// on random copy full of exact, normalised, punctuation-only and near repeats and of paragraphs
    /// that share sentences but are no repeats.
    func testPreparedWalkAndSignatureFilterChangeNoFinding() {
        var rng = SystemRandomNumberGenerator()
        var paragraphs: [String] = []
        var size = 0
        while size < ParallelMap.parallelThreshold + 50_000 {
            let p = Self.randomParagraph(after: paragraphs, repeatOneIn: 4, using: &rng)
            paragraphs.append(p)
            size += p.utf8.count + 2
        }
        let text = "\u{FEFF}# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
        let document = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
        XCTAssertGreaterThanOrEqual(document.bytes.count, ParallelMap.parallelThreshold)
        let options = RuleOptions(specs: DuplicateParagraphRule.description.options)
        let fast = DuplicateParagraphRule(options: options)
        var plain = fast
        plain.prepares = false
        plain.filtersBySignature = false
        let context = RuleContext(document: document)
        let found = fast.check(context)
        XCTAssertEqual(found, plain.check(context))
        // Near repeats that differ in more than punctuation: found by the sketches and the signatures,
        // not by the punctuation-blind hash.
        let letters = { (r: SourceRange) in Normalizer.scalars(document.bytes, r).filter { !Normalizer.isPunctuation($0) } }
        let sketched = found.filter { f in
            f.message.contains("nearly") && f.related.first.map { letters($0.range) != letters(f.range) } == true
        }
        XCTAssertGreaterThan(sketched.count, 10, "near repeats found through the sketches must be among them")
    }

    /// A small file's paragraphs are compared pair by pair instead of through sketches: on random
    /// pages of exact, normalised, punctuation-only and near repeats, every repeat the sketches find is
    /// found, the signature filter passes over no repeat, and every near repeat reported is within the
    /// edits allowed of the paragraph it names, or one word from it (astral text, CRLF and a BOM
    /// included).
    func testSmallFilesComparedPairByPairMissNoRepeatTheSketchesFind() {
        var rng = SystemRandomNumberGenerator()
        let options = RuleOptions(specs: DuplicateParagraphRule.description.options)
        let pairwise = DuplicateParagraphRule(options: options)
        var sketching = pairwise
        sketching.sketchesSmallFiles = true
        var unfiltered = pairwise
        unfiltered.filtersBySignature = false
        var near = 0
        for _ in 0..<200 {
            var paragraphs: [String] = []
            for _ in 0..<Int.random(in: 2...DuplicateParagraphRule.pairwiseLimit - 1, using: &rng) {
                paragraphs.append(Self.randomParagraph(after: paragraphs, repeatOneIn: 3, using: &rng))
            }
            let text = "\u{FEFF}# 标题\r\n\r\n" + paragraphs.joined(separator: "\r\n\r\n") + "\r\n"
            let document = CopyParser().parse(SourceText(path: "t", bytes: Array(text.utf8)))
            let context = RuleContext(document: document)
            let found = pairwise.check(context)
            XCTAssertEqual(found, unfiltered.check(context))
            let ranges = Set(found.map(\.range))
            for f in sketching.check(context) { XCTAssertTrue(ranges.contains(f.range), "missed: \(f.message)") }
            for f in found where f.message.contains("nearly") {
                near += 1
                let a = Normalizer.scalars(document.bytes, f.range), b = Normalizer.scalars(document.bytes, f.related[0].range)
                XCTAssertNotNil(BoundedEditDistance.distance(a, b, limit: max(2, Int(Double(a.count) * 0.02)))
                                    ?? (a.filter { !Normalizer.isPunctuation($0) } == b.filter { !Normalizer.isPunctuation($0) } ? 0 : nil)
                                    ?? (DuplicateParagraphRule.differByOneWord(document.bytes, f.range, f.related[0].range) ? 0 : nil))
            }
        }
        XCTAssertGreaterThan(near, 50, "near repeats must be among the pages")
    }

    /// Texts `d` edits apart differ in at most `4d` bits of their signatures (what lets the walk pass
    /// over a candidate unread), on random texts and random edits.
    func testSignaturesOfTextsEditsApartDifferByAtMostFourBitsAnEdit() {
        let alphabet: [UInt32] = [0x4E2D, 0x6587, 0x20BB7, 0x61, 0x62, 0xFF0C, 0x3002, 0x597D]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let a = (0..<Int.random(in: 0...60, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! }
            var b = a
            let edits = Int.random(in: 0...4, using: &rng)
            for _ in 0..<edits {
                let at = Int.random(in: 0...b.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0 where at < b.count: b.remove(at: at)
                case 1: b.insert(alphabet.randomElement(using: &rng)!, at: at)
                default: if at < b.count { b[at] = alphabet.randomElement(using: &rng)! }
                }
            }
            var sa = [UInt64](repeating: 0, count: DuplicateParagraphRule.signatureWords), sb = sa
            a.withUnsafeBufferPointer { t in sa.withUnsafeMutableBufferPointer { DuplicateParagraphRule.signature(t, into: $0) } }
            b.withUnsafeBufferPointer { t in sb.withUnsafeMutableBufferPointer { DuplicateParagraphRule.signature(t, into: $0) } }
            let apart = zip(sa, sb).reduce(0) { $0 + ($1.0 ^ $1.1).nonzeroBitCount }
            XCTAssertLessThanOrEqual(apart, 4 * edits, "\(a) / \(b)")
        }
    }

    /// duplicate-paragraph does not read a giant block alone in its file when a lower bound of its
    /// normalised length rules out every other block: the bound never exceeds the true length.
    func testGiantBlockLengthBoundNeverExceedsTheNormalisedLength() {
        let pieces = ["a", " ", "\u{3000}", "中", "。", "𠮷", "ｍ", "\u{A0}", "B", "\t", "é"]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let bytes = Array((0..<Int.random(in: 0...80, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined().utf8)
            let range = SourceRange(0, bytes.count)
            let length = Normalizer.scalars(bytes, range).count
            for limit in [0, 5, 20, 40] where DuplicateParagraphRule.surelyLonger(bytes, range, than: limit) {
                XCTAssertGreaterThan(length, limit)
            }
        }
        // Two giant blocks with the same text are still one repeat of the other.
        let (line, _) = GiantBlockTests.giantLine(insert: "", at: -1)
        let document = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n" + line + "\n"))
        XCTAssertEqual(document.blocks.count, 2)
        let rule = DuplicateParagraphRule(options: RuleOptions(specs: DuplicateParagraphRule.description.options))
        XCTAssertEqual(rule.check(RuleContext(document: document)).map(\.range), [document.blocks[1].textRange])
        let alone = CopyParser().parse(SourceText(path: "t.txt", string: line + "\n\n第1条。\n"))
        XCTAssertEqual(rule.check(RuleContext(document: alone)), [])
    }

    static let sentences = ["连日来，志愿者在𠮷祥社区开展垃圾分类宣传活动。", "入户发放宣传册三千余份。", "居民纷纷表示支持。",
                            "The council raised parking fees in March. ", "Traders said trade fell. ", "Ｔhe mayor disagreed. ",
                            "市政府昨日公布了新的公交线路调整方案，涉及十二条线路。", "调整后全市公交线网覆盖率将提高。"]

    /// A paragraph of two to five of `sentences`, or (one time in `repeatOneIn`) a repeat of one of
    /// `paragraphs`, as it is or with up to three characters changed: deleted, a comma put in, replaced.
    static func randomParagraph(after paragraphs: [String], repeatOneIn: Int, using rng: inout SystemRandomNumberGenerator) -> String {
        guard !paragraphs.isEmpty, Int.random(in: 0..<repeatOneIn, using: &rng) == 0 else {
            return (0..<Int.random(in: 2...5, using: &rng)).map { _ in sentences.randomElement(using: &rng)! }.joined()
        }
        var scalars = Array(paragraphs.randomElement(using: &rng)!.unicodeScalars)
        for _ in 0..<Int.random(in: 0...3, using: &rng) where !scalars.isEmpty {
            let at = Int.random(in: 0..<scalars.count, using: &rng)
            switch Int.random(in: 0..<3, using: &rng) {
            case 0: scalars.remove(at: at)
            case 1: scalars.insert("，", at: at)
            default: scalars[at] = "好"
            }
        }
        return String(String.UnicodeScalarView(scalars))
    }

    /// Paragraphs of fifteen words or more that differ by one word put in, dropped or changed are
    /// the same paragraph; two words, or a short paragraph, are not.
    func testOneWordChangedInALongParagraph() {
        func differ(_ a: String, _ b: String) -> Bool {
            let bytes = Array((a + "\n" + b).utf8)
            return DuplicateParagraphRule.differByOneWord(bytes, SourceRange(0, a.utf8.count), SourceRange(a.utf8.count + 1, bytes.count))
        }
        let long = "Officers found bin bags, a broken fridge and two old mattresses in the lane last winter, along with letters that bore his name."
        XCTAssertTrue(differ(long, long.replacingOccurrences(of: "with letters", with: "with several letters")))
        XCTAssertTrue(differ(long, long.replacingOccurrences(of: "broken ", with: "")))
        XCTAssertTrue(differ(long, long.replacingOccurrences(of: "fridge", with: "washing-machine")))
        XCTAssertFalse(differ(long, long.replacingOccurrences(of: "with letters", with: "with two letters that")))
        XCTAssertFalse(differ("Officers found bin bags in the lane.", "Officers found black bin bags in the lane."))
        XCTAssertTrue(differ("𠮷 " + long, "𠮷 " + long.replacingOccurrences(of: "last winter", with: "last cold winter")))
    }
}
