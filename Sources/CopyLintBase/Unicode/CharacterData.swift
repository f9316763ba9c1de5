import Foundation

/// Script of a Unicode scalar, as far as copylint needs to tell scripts apart.
/// Raw values match the codes written by `scripts/gen-unicode-tables.py`.
public enum Script: UInt8, Sendable, CustomStringConvertible {
    case unknown = 0, common, inherited, latin, greek, cyrillic, han, hiragana, katakana, hangul, bopomofo, other

    public var description: String {
        switch self {
        case .unknown: return "Unknown"
        case .common: return "Common"
        case .inherited: return "Inherited"
        case .latin: return "Latin"
        case .greek: return "Greek"
        case .cyrillic: return "Cyrillic"
        case .han: return "Han"
        case .hiragana: return "Hiragana"
        case .katakana: return "Katakana"
        case .hangul: return "Hangul"
        case .bopomofo: return "Bopomofo"
        case .other: return "Other"
        }
    }
}

/// Fast lookups of script, display width and Chinese variants, built once from
/// the generated `UnicodeTables`.
public enum CharacterData {
    /// BMP table: low 4 bits script, bit 4 wide, bit 5 zero width, bit 6 traditional-only, bit 7 simplified-only.
    @usableFromInline static let bmp: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for (a, b, v) in scriptRangesAll where a < 0x10000 {
            for cp in a...min(b, 0xFFFF) { table[Int(cp)] = UInt8(v) }
        }
        for (a, b) in wideRanges where a < 0x10000 {
            for cp in a...min(b, 0xFFFF) { table[Int(cp)] |= 0x10 }
        }
        for (a, b) in zeroWidthRanges where a < 0x10000 {
            for cp in a...min(b, 0xFFFF) { table[Int(cp)] |= 0x20 }
        }
        for cp in traditionalToSimplified.keys where cp < 0x10000 { table[Int(cp)] |= 0x40 }
        for cp in simplifiedToTraditional.keys where cp < 0x10000 { table[Int(cp)] |= 0x80 }
        return table
    }()

    /// The table held by a hot loop: every lookup through `CharacterData.…` goes through the
    /// lazily-initialised global (a `swift_once` check per character); a copy of this does not.
    package struct BMP: Sendable {
        package static var shared: BMP { BMP(table: bmp) }
        package let table: [UInt8]

        @inlinable @inline(__always) package func isHan(_ cp: UInt32) -> Bool {
            if cp >= 0x4E00, cp <= 0x9FFF { return true }
            return cp >= 0x2E80 && script(cp) == .han
        }
        @inlinable @inline(__always) package func script(_ cp: UInt32) -> Script {
            cp < 0x10000 ? Script(rawValue: table[Int(cp)] & 0x0F) ?? .unknown : CharacterData.script(cp)
        }
        @inlinable @inline(__always) package func isTraditionalOnly(_ cp: UInt32) -> Bool {
            cp < 0x10000 ? table[Int(cp)] & 0x40 != 0 : CharacterData.isTraditionalOnly(cp)
        }
        @inlinable @inline(__always) package func isSimplifiedOnly(_ cp: UInt32) -> Bool {
            cp < 0x10000 ? table[Int(cp)] & 0x80 != 0 : CharacterData.isSimplifiedOnly(cp)
        }
    }

    /// A character used only in traditional Chinese (級, 們).
    @inlinable @inline(__always)
    public static func isTraditionalOnly(_ cp: UInt32) -> Bool {
        cp < 0x10000 ? bmp[Int(cp)] & 0x40 != 0 : traditionalToSimplified[cp] != nil
    }

    /// A character used only in simplified Chinese (级, 们).
    @inlinable @inline(__always)
    public static func isSimplifiedOnly(_ cp: UInt32) -> Bool {
        cp < 0x10000 ? bmp[Int(cp)] & 0x80 != 0 : simplifiedToTraditional[cp] != nil
    }

    private static let scriptRangesAll: [(UInt32, UInt32, Int)] = parseRanges(UnicodeTables.scripts, withValue: true)
    @usableFromInline static let scriptRangesAstral: [(UInt32, UInt32, Int)] = scriptRangesAll.filter { $0.1 >= 0x10000 }
    @usableFromInline static let wideRanges: [(UInt32, UInt32)] = parseRanges(UnicodeTables.wide, withValue: false).map { ($0.0, $0.1) }
    @usableFromInline static let zeroWidthRanges: [(UInt32, UInt32)] = parseRanges(UnicodeTables.zeroWidth, withValue: false).map { ($0.0, $0.1) }

    /// Traditional-only characters mapped to their simplified forms.
    public static let traditionalToSimplified: [UInt32: [UInt32]] = parseMap(UnicodeTables.traditionalToSimplified)
    /// Simplified-only characters mapped to their traditional forms.
    public static let simplifiedToTraditional: [UInt32: [UInt32]] = parseMap(UnicodeTables.simplifiedToTraditional)

    @inlinable @inline(__always)
    public static func script(_ cp: UInt32) -> Script {
        if cp < 0x10000 { return Script(rawValue: bmp[Int(cp)] & 0x0F) ?? .unknown }
        return Script(rawValue: UInt8(lookup(cp, in: scriptRangesAstral) ?? 0)) ?? .unknown
    }

    /// Columns a terminal or editor gives the scalar: 0, 1 or 2.
    @inlinable @inline(__always)
    public static func displayWidth(_ cp: UInt32) -> Int {
        if cp < 0x7F { return cp >= 0x20 ? 1 : 0 }
        if cp < 0x10000 {
            let v = bmp[Int(cp)]
            if v & 0x20 != 0 { return 0 }
            return v & 0x10 != 0 ? 2 : 1
        }
        if contains(cp, zeroWidthRanges) { return 0 }
        return contains(cp, wideRanges) ? 2 : 1
    }

    @usableFromInline static let ambiguousRanges: [(UInt32, UInt32)] = parseRanges(UnicodeTables.ambiguous, withValue: false).map { ($0.0, $0.1) }

    /// East Asian Ambiguous width (“ ” ‘ ’ … · ×, Greek and Cyrillic letters): one column in a Western
    /// terminal, two in a CJK one.
    public static func isAmbiguousWidth(_ cp: UInt32) -> Bool {
        cp >= 0xA1 && contains(cp, ambiguousRanges)
    }

    /// Han ideographs (and CJK radicals): nothing below U+2E80 is, so most text skips the table.
    @inlinable @inline(__always)
    public static func isHan(_ cp: UInt32) -> Bool {
        // CJK Unified Ideographs and Extension A (most Chinese text) are Han throughout: no table read.
        if cp >= 0x4E00 { return cp <= 0x9FFF || script(cp) == .han }
        if cp >= 0x3400 { return cp <= 0x4DBF || script(cp) == .han }
        return cp >= 0x2E80 && script(cp) == .han
    }

    // MARK: - parsing the generated strings

    /// "a-b:v,c:v,…" (hex, newlines ignored), parsed by hand: this runs at every start.
    private static func parseRanges(_ s: String, withValue: Bool) -> [(UInt32, UInt32, Int)] {
        var out: [(UInt32, UInt32, Int)] = []
        out.reserveCapacity(2048)
        var a: UInt32 = 0, b: UInt32 = 0, v = 0
        var field = 0   // 0: start, 1: end, 2: value
        var sawEnd = false
        func flush() {
            if field > 0 || a > 0 || sawEnd { out.append((a, sawEnd ? b : a, withValue ? v : 1)) }
            a = 0; b = 0; v = 0; field = 0; sawEnd = false
        }
        for u in s.utf8 {
            switch u {
            case UInt8(ascii: ","): flush()
            case UInt8(ascii: "\n"): continue
            case UInt8(ascii: "-"): field = 1; sawEnd = true
            case UInt8(ascii: ":"): field = 2
            default:
                if field == 2 {
                    v = v * 10 + Int(u - 48)
                } else {
                    let d: UInt32 = u <= 57 ? UInt32(u - 48) : UInt32(u - 87)
                    if field == 0 { a = a << 4 | d } else { b = b << 4 | d }
                }
            }
        }
        flush()
        return out
    }

    /// "T=S1S2 T=S …", parsed scalar by scalar.
    private static func parseMap(_ s: String) -> [UInt32: [UInt32]] {
        var out: [UInt32: [UInt32]] = [:]
        out.reserveCapacity(8192)
        var key: UInt32?
        var afterEquals = false
        var values: [UInt32] = []
        for u in s.unicodeScalars {
            switch u {
            case "\n": continue
            case " ":
                if let k = key, !values.isEmpty { out[k] = values }
                key = nil; afterEquals = false; values = []
            case "=" where key != nil && !afterEquals:
                afterEquals = true
            default:
                if key == nil { key = u.value } else if afterEquals { values.append(u.value) }
            }
        }
        if let k = key, !values.isEmpty { out[k] = values }
        return out
    }

    @usableFromInline static func lookup(_ cp: UInt32, in ranges: [(UInt32, UInt32, Int)]) -> Int? {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if cp < ranges[mid].0 { hi = mid - 1 } else if cp > ranges[mid].1 { lo = mid + 1 } else { return ranges[mid].2 }
        }
        return nil
    }

    @usableFromInline static func contains(_ cp: UInt32, _ ranges: [(UInt32, UInt32)]) -> Bool {
        var lo = 0, hi = ranges.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if cp < ranges[mid].0 { hi = mid - 1 } else if cp > ranges[mid].1 { lo = mid + 1 } else { return true }
        }
        return false
    }
}
