import CopyLintBase
import Foundation

extension DocumentFacts {
    /// Computes `needs` for `document` in one pass over its blocks (in slices on all cores for a large
    /// file). A giant block (a file without line breaks) is counted in the windows rules read it in.
    public init(_ document: Document, computing needs: FactSet) {
        var needs = needs
        if needs.contains(.windows) { needs.insert(.scripts) }
        guard needs.contains(.scripts) else {
            let hashes = needs.contains(.byteHashes) ? FactsPass.hashes(document.bytes, document.blocks) : []
            self.init(computed: needs, language: .english, variant: nil, blocks: [], windows: [:], hashes: hashes)
            return
        }
        self = FactsPass.count(document.bytes, document.blocks, needs)
    }
}

extension BlockFacts {
    /// The facts of one stretch of text, counted as the facts step counts each block (the plain
    /// computation that the step's shortcuts are tested against).
    public init(counting bytes: [UInt8], _ range: SourceRange) {
        var facts = BlockFacts()
        withUnsafeMutablePointer(to: &facts) { p in
            let out = UnsafeMutableBufferPointer(start: p, count: 1)
            bytes.withUnsafeBufferPointer { buf in _ = FactsPass.countItem(buf, range, into: out, at: 0) }
        }
        self = facts
    }
}

/// The facts step: counts scripts, notes openings and endings, hashes bytes.
enum FactsPass {
    /// A block this short whose bytes repeat an earlier block of its slice (a repeated paragraph, a
    /// recurring credit line) takes that block's facts uncounted: its bytes decide them all.
    static let reuseLimit = 360

    /// Whole-copy counts for the language decision (Latin here means ASCII letters only).
    struct Totals {
        var han = 0, latin = 0, trad = 0, simp = 0
        mutating func add(_ o: Totals) { han += o.han; latin += o.latin; trad += o.trad; simp += o.simp }
    }

    static func hashes(_ bytes: [UInt8], _ blocks: [Block]) -> [UInt64] {
        bytes.withUnsafeBufferPointer { buf in
            blocks.map { $0.textRange.length > TextWindows.giant ? 0 : HashIndex.hashBytes(buf, $0.textRange) }
        }
    }

    /// Chinese when Han characters carry at least as much as the Latin letters (a character weighs
    /// about a four-letter word); traditional when traditional-only characters are common (們, 這, 說 …)
    /// and outnumber simplified-only ones two to one.
    static func count(_ bytes: [UInt8], _ blocks: [Block], _ needs: FactSet) -> DocumentFacts {
        let chunks = ParallelMap.slices(forBytes: bytes.count)
        // A giant block is counted in pieces: the windows the rules read it in.
        var pieces: [(block: Int, range: SourceRange)]? = nil
        if blocks.contains(where: { $0.textRange.length > TextWindows.giant }) {
            pieces = blocks.indices.flatMap { k -> [(block: Int, range: SourceRange)] in
                TextWindows.split(bytes, blocks[k].textRange).map { (k, $0) }
            }
        }
        let count = pieces?.count ?? blocks.count
        let wantHashes = needs.contains(.byteHashes)
        var perItem = [BlockFacts](repeating: BlockFacts(), count: count)
        var hashes = [UInt64](repeating: 0, count: wantHashes ? blocks.count : 0)
        let ranges = pieces
        // Each slice writes the facts (and hashes) of its own items into the shared arrays.
        let totals = perItem.withUnsafeMutableBufferPointer { facts in
            hashes.withUnsafeMutableBufferPointer { hashed in
                nonisolated(unsafe) let out = facts, hashOut = hashed
                return bytes.withUnsafeBufferPointer { buffer in
                    nonisolated(unsafe) let buf = buffer
                    return ParallelMap.run(count: chunks) { c -> Totals in
                        var totals = Totals()
                        var seen = HashIndex()                 // hash of a short block's bytes -> entry in `kept`
                        var kept: [(item: Int, totals: Totals)] = []
                        for item in (count * c / chunks)..<(count * (c + 1) / chunks) {
                            let block = ranges?[item].block ?? item
                            let range = ranges?[item].range ?? blocks[item].textRange
                            // A piece is a whole block unless its block is giant.
                            let whole = range.length <= TextWindows.giant
                            let short = whole && range.length <= reuseLimit
                            var hash: UInt64 = 0
                            if whole, wantHashes || short {
                                hash = HashIndex.hashBytes(buf, range)
                                if wantHashes { hashOut[block] = hash }
                            }
                            if short {
                                let s = seen.find(hash)
                                if s >= 0 {
                                    let prior = kept[Int(s)]
                                    let p = ranges?[prior.item].range ?? blocks[prior.item].textRange
                                    if p.length == range.length,
                                       memcmp(buf.baseAddress! + p.start, buf.baseAddress! + range.start, range.length) == 0 {
                                        out[item] = out[prior.item]
                                        totals.add(prior.totals)
                                        continue
                                    }
                                }
                            }
                            let counted = countItem(buf, range, into: out, at: item)
                            totals.add(counted)
                            // (Different bytes under the same hash keep the entry that was there.)
                            if short, seen.insert(hash, Int32(kept.count)) < 0 { kept.append((item, counted)) }
                        }
                        return totals
                    }
                }
            }
        }
        var windows: [Int: [BlockFacts]] = [:]
        if let pieces {
            var merged = [BlockFacts](repeating: BlockFacts(), count: blocks.count)
            for (k, piece) in pieces.enumerated() {
                merged[piece.block].merge(perItem[k])
                if needs.contains(.windows), blocks[piece.block].textRange.length > TextWindows.giant {
                    windows[piece.block, default: []].append(perItem[k])
                }
            }
            perItem = merged
        }
        let sum = totals.reduce(into: Totals()) { $0.add($1) }
        var language = Language.english
        var variant: ChineseVariant? = nil
        if sum.han > 0, sum.han * 4 >= sum.latin {
            language = .chinese
            variant = sum.trad >= 2 * sum.simp && sum.trad * 12 >= sum.han ? .traditional : .simplified
        }
        return DocumentFacts(computed: needs, language: language, variant: variant, blocks: perItem, windows: windows,
                             hashes: hashes)
    }

    /// Counts the scripts of `range`, notes how it opens and ends, and writes the facts to `out[at]`.
    static func countItem(_ buf: UnsafeBufferPointer<UInt8>, _ range: SourceRange,
                          into out: UnsafeMutableBufferPointer<BlockFacts>, at item: Int) -> Totals {
        // One access to the character table for the whole loop, not one per character; below
        // U+10000 one byte of it says script and variant at once.
        let bmp = CharacterData.BMP.shared
        let han3 = UInt8(Script.han.rawValue)
        let latin = UInt8(Script.latin.rawValue), greek = UInt8(Script.greek.rawValue), cyrillic = UInt8(Script.cyrillic.rawValue)
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        var han = 0, ascii = 0, letters = 0, trad = 0, simp = 0, kana = false, anyTrad = false, anySimp = false
        bmp.table.withUnsafeBufferPointer { table in
            var i = range.start
            while i < range.end {
                let b = buf[i]
                if b < 0x80 {
                    // Eight ASCII bytes at a time (English copy): with 0x20 set, a letter is a byte
                    // from 0x61 to 0x7A, found by two additions that carry into the top bit.
                    if i + 8 <= range.end {
                        let w = UnsafeRawPointer(buf.baseAddress! + i).loadUnaligned(as: UInt64.self)
                        if w & highs == 0 {
                            let x = w | (ones &* 0x20)
                            let from61 = (x &+ ones &* 0x1F) & highs, from7B = (x &+ ones &* 0x05) & highs
                            ascii &+= (from61 & ~from7B).nonzeroBitCount
                            i += 8
                            continue
                        }
                    }
                    ascii &+= (b | 0x20) &- 0x61 < 26 ? 1 : 0
                    i += 1
                    continue
                }
                // Two Han characters in a row (most of Chinese): counted from one eight-byte read.
                if i + 8 <= range.end {
                    if case let (a, b)? = UTF8Scalar.twoThreeByte(buf, at: i) {
                        let va = table[Int(a)], vb = table[Int(b)]
                        if va & 0x0F == han3, vb & 0x0F == han3 {
                            han &+= 2
                            trad &+= Int(va >> 6 & 1) + Int(vb >> 6 & 1)
                            simp &+= Int(va >> 7 & ~(va >> 6) & 1) + Int(vb >> 7 & ~(vb >> 6) & 1)
                            anyTrad = anyTrad || (va | vb) & 0x40 != 0
                            anySimp = anySimp || (va | vb) & 0x80 != 0
                            i += 6
                            continue
                        }
                    }
                }
                let (cp, len) = UTF8Scalar.decode(buf, at: i)
                i += len
                if cp < 0x10000 {
                    let v = table[Int(cp)]
                    let script = v & 0x0F
                    if script == han3 {
                        // A Han character is counted without a branch on its variant.
                        han &+= 1
                        trad &+= Int(v >> 6 & 1)
                        simp &+= Int(v >> 7 & ~(v >> 6) & 1)
                        anyTrad = anyTrad || v & 0x40 != 0
                        anySimp = anySimp || v & 0x80 != 0
                    } else if script == latin || script == greek || script == cyrillic {
                        // The table says the script; only these scripts hold letters that count.
                        if CharClass.isAlphabetic(cp) { letters += 1 }
                    } else if CharClass.isKana(cp) {
                        kana = true
                    }
                } else if bmp.script(cp) == .han {
                    han += 1
                    let t = bmp.isTraditionalOnly(cp), s = bmp.isSimplifiedOnly(cp)
                    if t { trad += 1 } else if s { simp += 1 }
                    anyTrad = anyTrad || t
                    anySimp = anySimp || s
                } else if CharClass.isAlphabetic(cp) { letters += 1 } else if CharClass.isKana(cp) { kana = true }
            }
        }
        var facts = BlockFacts()
        facts.add(han: han, letters: ascii + letters, kana: kana, traditional: anyTrad, simplified: anySimp,
                  nonASCIILetter: letters > 0)
        facts.setEnding(CharClass.lastSignificantScalar(buf, range))
        facts.setOpening(CharClass.opening(buf, range))
        out[item] = facts
        return Totals(han: han, latin: ascii, trad: trad, simp: simp)
    }
}
