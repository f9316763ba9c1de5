import CopyLintBase

/// `图为…`, `▲…` (the mark Chinese pages set before a picture's caption), `…  本报通讯员 赵一凡 摄`, `Photo: …`.
enum Caption {
    static let prefixes = ["图为", "上图", "下图", "左图", "右图", "图①", "图②", "图③", "图④", "图⑤", "题图", "图片", "照片为", "▲", "△",
                           "Photo:", "Photograph:", "Picture:", "Pictured:", "Image:", "PHOTO:", "Above:", "Below:", "Image caption,", "Image source,", "(Photo", "（Photo"].map { Array($0.unicodeScalars) }
    static let creditSuffixes = ["（新华社发）", "（资料图片）"].map { Array($0.unicodeScalars) }

    /// The text opens as a picture's caption does (图为, ▲, Photo:), not only a credit.
    static func opensWithMark<C: Collection>(_ text: C) -> Bool where C.Element == Unicode.Scalar {
        guard let first = text.first, prefixStarts.contains(first) else { return false }
        return prefixes.contains { text.starts(with: $0) }
    }

    /// The first scalars of `prefixes`: most blocks start with none of them.
    static let prefixStarts = ScalarSet(prefixes.compactMap(\.first))

    static func matches(_ text: [Unicode.Scalar]) -> Bool {
        if opensWithMark(text) { return true }
        var end = text.count
        while end > 0, text[end - 1] == " " || text[end - 1] == "\u{3000}" { end -= 1 }
        let trimmed = text[..<end]
        if creditSuffixes.contains(where: { trimmed.suffix($0.count).elementsEqual($0) }) { return true }
        var tail = trimmed
        while let l = tail.last, l == " " || l == "\u{3000}" || l == "）" || l == ")" { tail = tail.dropLast() }
        // The picture agency after the credit: 杜建坡摄（人民视觉）.
        if tail.last != "摄", trimmed.last == "）", let open = tail.lastIndex(of: "（"), open > tail.startIndex,
           tail[tail.index(before: open)] == "摄", tail.distance(from: open, to: tail.endIndex) <= 8 {
            return true
        }
        guard tail.last == "摄" else { return false }
        // A photographer's credit: "… 本报记者 王某 摄" / "（新华社记者 王某摄）".
        let last = tail.suffix(20)
        let has = { (w: String) in
            let u = Array(w.unicodeScalars)
            return last.count >= u.count && (0...(last.count - u.count)).contains { k in
                last[(last.startIndex + k)..<(last.startIndex + k + u.count)].elementsEqual(u)
            }
        }
        return has("记者") || has("通讯员") || last.contains(" ") || last.contains("\u{3000}") || last.contains("（")
    }
}

/// A web page's breadcrumb: a few short items set apart by › » or > (Home › News › Environment).
enum Breadcrumb {
    static func matches(_ t: [Unicode.Scalar]) -> Bool {
        let items = t.split { $0 == "›" || $0 == "»" || $0 == ">" }
        let separators = t.filter { $0 == "›" || $0 == "»" || $0 == ">" }.count
        guard separators >= 2, items.count == separators + 1 else { return false }
        return items.allSatisfy { item in
            let words = item.split(separator: " ").count
            return words >= 1 && words <= 4 && !item.contains { $0 == "." || $0 == "。" || $0 == "，" || $0 == "," }
        }
    }
}
