import Foundation

/// Cuts a giant block into windows that rules decoding scalars can read one at a time.
package enum TextWindows {
    /// Blocks up to this many bytes are read whole (every paragraph of real copy).
    package static let giant = 1 << 18

    /// `range` itself, or for a giant block consecutive windows of about `giant / 2` bytes, each ending
    /// after a sentence stop (。！？ or . ! ? before a space) where one is near, else at a character boundary.
    package static func split(_ bytes: [UInt8], _ range: SourceRange) -> [SourceRange] {
        guard range.length > giant else { return [range] }
        var out: [SourceRange] = []
        var start = range.start
        while range.end - start > giant {
            let target = start + giant / 2
            var cut = -1
            var i = target
            let limit = min(range.end, target + giant / 4)
            while i < limit {
                let b = bytes[i]
                if b == 0xE3, i + 2 < limit, bytes[i + 1] == 0x80, bytes[i + 2] == 0x82 { cut = i + 3; break }      // 。
                if b == 0xEF, i + 2 < limit, bytes[i + 1] == 0xBC, bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F { cut = i + 3; break }   // ！？
                if b == 0x2E || b == 0x21 || b == 0x3F, i + 1 < limit, bytes[i + 1] == 0x20 { cut = i + 1; break }
                i += 1
            }
            if cut < 0 {
                cut = target
                while cut < range.end, bytes[cut] & 0xC0 == 0x80 { cut += 1 }
            }
            out.append(SourceRange(start, cut))
            start = cut
        }
        out.append(SourceRange(start, range.end))
        return out
    }
}
