import Foundation
import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// `pair`: an opening mark (“ 《 （) that is never closed, or a closing mark that nothing opened.
struct PairCheck: PackKindCheck {
    func findings(_ scan: PackScan) -> [Finding] {
        let spec = scan.spec, document = scan.document, bytes = scan.bytes
        // Marks are single characters (“ ” 《 》 「 」): compare scalars, no allocation per character.
        let opens = spec.pairs.map { $0.0.unicodeScalars.first!.value }
        let closes = spec.pairs.map { $0.1.unicodeScalars.first!.value }
        let marks = opens + closes
        // A bloom of the marks' low bits: one AND rejects nearly every character.
        let bloom = marks.reduce(UInt64(0)) { $0 | 1 << UInt64($1 & 63) }
        // The first UTF-8 byte of each mark, and for a multi-byte mark its first two bytes (a bitmap over
        // the 65,536 two-byte prefixes): a character led otherwise is skipped undecoded.
        var leads = [Bool](repeating: false, count: 256)
        var prefixes = [UInt64](repeating: 0, count: 1024)
        for m in marks {
            var encoded: [UInt8] = []
            UTF8Scalar.encode(m, into: &encoded)
            guard let first = encoded.first else { continue }
            leads[Int(first)] = true
            if encoded.count > 1 {
                let p = Int(first) << 8 | Int(encoded[1])
                prefixes[p >> 6] |= 1 << UInt64(p & 63)
            }
        }
        // A lead byte is never part of another character (ASCII never is; a multi-byte lead is never a
        // continuation byte), so the scan looks for the lead bytes at any offset, eight bytes at a
        // time while there are at most four of them (SWAR: a byte equal to a lead is a zero byte of
        // the XOR).
        let leadBytes = (0..<256).filter { leads[$0] }.map(UInt64.init)
        let swar = !leadBytes.isEmpty && leadBytes.count <= 4
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let patterns = swar ? (0..<4).map { leadBytes[min($0, leadBytes.count - 1)] &* ones } : [0, 0, 0, 0]
        let (l0, l1, l2, l3) = (patterns[0], patterns[1], patterns[2], patterns[3])
        var out: [Finding] = []
        // Each pair's two messages (a mark never closed, one never opened), made once and only when
        // needed: a page of fragments may have tens of thousands of findings, and most files none.
        var messages = [(open: String, close: String)?](repeating: nil, count: spec.pairs.count)
        func message(_ p: Int) -> (open: String, close: String) {
            if let known = messages[p] { return known }
            let pair = spec.pairs[p]
            let made = (open: scan.matcher.message(["match": pair.0, "open": pair.0, "close": pair.1]),
                        close: scan.matcher.message(["match": pair.1, "open": pair.0, "close": pair.1]))
            messages[p] = made
            return made
        }
        for (index, block) in document.blocks.enumerated() where spec.scope.includes(block.kind) {
            var stack: [(pair: Int, at: Int, length: Int)] = []
            var marksAt: [(c: UInt32, at: Int, length: Int)] = []
            bytes.withUnsafeBufferPointer { buf in
                var i = block.textRange.start
                let end = block.textRange.end
                let base = UnsafeRawPointer(buf.baseAddress!)
                leads.withUnsafeBufferPointer { leads in
                    prefixes.withUnsafeBufferPointer { prefixes in
                        while i < end {
                            if swar, i + 8 <= end {
                                let w = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
                                let x0 = w ^ l0, x1 = w ^ l1, x2 = w ^ l2, x3 = w ^ l3
                                let hit = ((x0 &- ones) & ~x0 | (x1 &- ones) & ~x1 | (x2 &- ones) & ~x2 | (x3 &- ones) & ~x3) & highs
                                if hit == 0 { i += 8; continue }
                                // The lowest flagged byte is a true match (a borrow only flags bytes above one).
                                i += hit.trailingZeroBitCount >> 3
                            }
                            let b = buf[i]
                            guard leads[Int(b)] else { i += 1; continue }
                            if b >= 0xC0, i + 1 < end {
                                let p = Int(b) << 8 | Int(buf[i + 1])
                                if prefixes[p >> 6] & (1 << UInt64(p & 63)) == 0 { i += 1; continue }
                            }
                            let (c, len) = UTF8Scalar.decode(buf, at: i)
                            if c >= 0x22, bloom & (1 << UInt64(c & 63)) != 0, marks.contains(c) { marksAt.append((c, i, len)) }
                            i += len
                        }
                    }
                }
            }
            for (c, i, len) in marksAt {
                for p in opens.indices {
                    if opens[p] == closes[p], c == opens[p] {
                        // Straight quotes: the same mark opens and closes.
                        if let top = stack.last, top.pair == p { stack.removeLast() } else { stack.append((p, i, len)) }
                        break
                    }
                    if c == opens[p] { stack.append((p, i, len)); break }
                    if c == closes[p] {
                        if let idx = stack.lastIndex(where: { $0.pair == p }) {
                            stack.removeSubrange(idx...)
                        } else {
                            out.append(Finding(range: SourceRange(i, i + len), message: message(p).close))
                        }
                        break
                    }
                }
            }
            for open in stack {
                // A quotation running over several paragraphs opens each one and closes only at its end.
                if spec.openAcrossParagraphs, index + 1 < document.blocks.count {
                    let next = document.blocks[index + 1].textRange
                    if next.length > 0, UTF8Scalar.decode(bytes, at: next.start).scalar == opens[open.pair] { continue }
                }
                out.append(Finding(range: SourceRange(open.at, open.at + open.length), message: message(open.pair).open))
            }
        }
        return out.sorted { $0.range < $1.range }
    }
}
