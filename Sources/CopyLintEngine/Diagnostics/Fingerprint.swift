import CopyLintBase
import CopyLintDocument

/// A location-free identity of a finding: its rule, the flagged text and the line around it,
/// with white space folded. Inserting lines above a finding does not change it; editing the
/// flagged text does. Baselines and SARIF `partialFingerprints` use it.
public enum Fingerprint {
    public static func of(_ d: Diagnostic) -> String {
        let bytes = d.source.bytes
        let lines = d.source.lines
        let first = lines.lineIndex(of: d.range.start)
        let last = lines.lineIndex(of: max(d.range.start, d.range.end - 1))
        let neighbourhood = SourceRange(lines.lineStarts[first], lines.contentEnds[last])
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        func feed(_ b: UInt8) { h = (h ^ UInt64(b)) &* 0x100_0000_01B3 }
        for b in d.ruleID.utf8 { feed(b) }
        feed(0)
        for range in [d.range, neighbourhood] {
            for i in range.start..<range.end {
                let b = bytes[i]
                if b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A { continue }
                feed(b)
            }
            feed(0)
        }
        return String(h, radix: 16).leftPadded(16)
    }
}
