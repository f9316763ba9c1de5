import CopyLintBase

/// `□ 本报记者 李明远`, `本报通讯员 周文`, `By Jane Doe`.
public enum Byline {
    static let roles = ["本报记者", "本报通讯员", "本报特约记者", "本报评论员", "特约评论员", "本报驻", "记者", "通讯员",
                        "新华社记者", "特约记者", "本报特派记者", "文/", "文／"].map { Array($0.unicodeScalars) }

    /// The first scalars of `roles`: a line starting with anything else credits no role.
    static let roleStarts = ScalarSet(roles.compactMap(\.first))

    public static func matches(_ text: [Unicode.Scalar]) -> Bool {
        guard text.count <= 80 else { return false }
        var start = 0
        while start < text.count, text[start] == " " || TextTraits.boxMarks.contains(text[start]) { start += 1 }
        let t = text[start...]
        if t.starts(with: "By ".unicodeScalars) || t.starts(with: "BY ".unicodeScalars) {
            let words = t.split(separator: " ")
            guard words.count >= 2, words.count <= 10 else { return false }
            guard let second = words.dropFirst().first?.first, second.properties.isUppercase else { return false }
            return t.last != "." || words.last.map { $0.count <= 3 } == true
        }
        guard text.count <= 60 else { return false }
        if isSpacedNameCredit(t) { return true }
        guard let first = t.first, roleStarts.contains(first), let role = roles.first(where: { t.starts(with: $0) }) else { return false }
        if t.contains(where: { $0 == "。" || $0 == "！" || $0 == "？" || $0 == "，" }) { return false }
        // A lede's opening, not a credit: 记者从市气象台获悉：…, where the role is the sentence's
        // subject (a source after 从, what was learnt after a colon further on). A credit's colon
        // comes right after the role (记者：王静).
        let rest = t.dropFirst(role.count)
        if rest.first == "从" { return false }
        if let colon = rest.firstIndex(where: { $0 == "：" || $0 == ":" }), colon - rest.startIndex > 1 { return false }
        var tail = t[...]
        while let l = tail.last, l == " " || l == "\u{3000}" { tail = tail.dropLast() }
        if tail.last == "摄" || (tail.suffix(2).elementsEqual("报道".unicodeScalars) && t.count > 30) { return false }
        return true
    }
}

extension Byline {
    /// `山东蒙阴县  何  勇`, `河北唐山市  许贵元`: a place and a name set apart by wide spaces,
    /// the way Chinese papers credit readers and contributors.
    static let placeSuffixes = ScalarSet("省市县区州镇乡村旗".unicodeScalars)

    static func isSpacedNameCredit(_ t: ArraySlice<Unicode.Scalar>) -> Bool {
        guard t.count <= 24 else { return false }
        let isSpace = { (u: Unicode.Scalar) in u == " " || u == "\u{3000}" || u == "\u{A0}" }
        // (Read before anything is split: most lines hold a character that is neither Han nor a space,
        // or no space at all.)
        var spaced = false
        for u in t {
            if isSpace(u) { spaced = true } else if CharacterData.script(u.value) != .han { return false }
        }
        guard spaced else { return false }
        let parts = t.split(whereSeparator: isSpace)
        guard parts.count >= 2, parts.allSatisfy({ $0.count <= 8 }) else { return false }
        guard parts.allSatisfy({ $0.allSatisfy { CharacterData.script($0.value) == .han } }) else { return false }
        if parts.count >= 3, parts.contains(where: { $0.count == 1 }) { return true }
        // 河北唐山市  许贵元: a reader's or writer's place and name, set apart by a wide space.
        let wide = zip(t, t.dropFirst()).contains { $0 == " " && $1 == " " } || t.contains("\u{3000}") || t.contains("\u{A0}")
        guard let place = parts.first?.last, placeSuffixes.contains(place), let name = parts.last,
              (2...4).contains(name.count), wide else { return false }
        return true
    }
}
