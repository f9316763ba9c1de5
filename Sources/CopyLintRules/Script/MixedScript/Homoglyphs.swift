import CopyLintBase
import CopyLintDocument
import CopyLintEngine

/// Cyrillic and Greek letters that look like Latin ones.
enum Homoglyphs {
    static let map: [UInt32: UInt32] = {
        let pairs: [(String, String)] = [
            // Cyrillic
            ("а", "a"), ("е", "e"), ("о", "o"), ("р", "p"), ("с", "c"), ("у", "y"), ("х", "x"), ("і", "i"), ("ј", "j"),
            ("ѕ", "s"), ("ԁ", "d"), ("һ", "h"), ("ԛ", "q"), ("ԝ", "w"), ("ӏ", "l"), ("ɡ", "g"),
            ("А", "A"), ("В", "B"), ("Е", "E"), ("К", "K"), ("М", "M"), ("Н", "H"), ("О", "O"), ("Р", "P"), ("С", "C"),
            ("Т", "T"), ("Х", "X"), ("І", "I"), ("Ј", "J"), ("Ѕ", "S"), ("Ү", "Y"), ("Ԛ", "Q"), ("Ԝ", "W"),
            // Greek
            ("α", "a"), ("ο", "o"), ("ι", "i"), ("υ", "u"), ("ν", "v"), ("ρ", "p"), ("κ", "k"), ("τ", "t"), ("ε", "e"),
            ("Α", "A"), ("Β", "B"), ("Ε", "E"), ("Ζ", "Z"), ("Η", "H"), ("Ι", "I"), ("Κ", "K"), ("Μ", "M"), ("Ν", "N"),
            ("Ο", "O"), ("Ρ", "P"), ("Τ", "T"), ("Υ", "Y"), ("Χ", "X"),
        ]
        var m: [UInt32: UInt32] = [:]
        for (a, b) in pairs { m[a.unicodeScalars.first!.value] = b.unicodeScalars.first!.value }
        return m
    }()

    static func latin(for c: UInt32) -> UInt32? {
        if CharClass.isFullwidthLetter(c) { return c - 0xFEE0 }
        return map[c]
    }
}
