import CopyLintBase
import CopyLintDocument
import CopyLintEngine

extension TruncatedSentenceRule {
    /// (d) a paragraph that starts mid-sentence, and the debris a cut leaves before the end of a story.
    func findOrphans(_ s: TruncationScan) {
        let facts = s.facts, bytes = s.bytes, blocks = s.blocks, texts = s.texts
        for i in blocks.indices where blocks[i].kind == .paragraph && i > 0 && !s.flaggedCut.contains(i - 1) {
            let prev = blocks[i - 1]
            // A continuation from another page starts where the sentence broke off there.
            if s.isJump(i - 1, .from) { continue }
            // A paragraph after a list intro or a label may start any way it likes.
            if prev.kind == .paragraph, let last = facts.lastSignificantScalar(of: i - 1),
               last == 0x3A || last == 0xFF1A || last == 0x2C || last == 0xFF0C {
                continue
            }
            // Most paragraphs open in a way that needs no closer look: read from the bytes.
            guard mayBeOrphan(facts, i) else { continue }
            let head = ScalarText.head(bytes, blocks[i].textRange, maxScalars: 40)
            if let why = orphanEvidence(head) {
                s.orphaned.insert(i)
                s.findings.append(Finding(range: head.range(0, min(1, head.count)),
                                          message: "paragraph starts mid-sentence (\(why)); its beginning is missing"))
            }
        }
        // A short paragraph between a cut paragraph and the end of the story is debris of the same break.
        for i in s.lost.sorted() {
            let n = i + 1
            guard n < blocks.count, blocks[n].kind == .paragraph, !s.flaggedCut.contains(n), texts[n].count <= 40,
                  Ending(texts[n]).complete, opensWithAnaphora(texts[n]),
                  !TextTraits.looksLikeHeadline(texts[n].scalars.compactMap(Unicode.Scalar.init)),
                  blocks[n].article == blocks[i].article else { continue }
            let alreadyReported = s.orphaned.contains(n)
            if !s.storyContinuesAfter(n), !alreadyReported, continuation(from: texts[i], to: texts[n], ending: Ending(texts[i])) == nil {
                s.findings.append(Finding(range: texts[n].range(0, min(1, texts[n].count)),
                                          message: "paragraph starts mid-sentence: it follows a cut paragraph at line \(s.line(i)) and its pronoun refers to lost text"))
            }
        }
    }

    static let neverOpensChinese = ScalarSet("的了着们吗呢吧么啊呀哇嘛".unicodeScalars.map(\.value))

    /// What `orphanEvidence` can find at all: an opening character it looks at, or a closing mark
    /// among the first 30 characters. False means it finds nothing.
    func mayBeOrphan(_ facts: DocumentFacts, _ i: Int) -> Bool {
        let opening = facts.opening(of: i)
        guard let c = opening.first else { return false }
        return CharClass.isASCIILower(c) || Self.neverOpensChinese.contains(c) || Self.isOpeningPunctuationSlip(c) || opening.earlyCloser
    }

    /// ，。、；：！？ cannot open a paragraph.
    static func isOpeningPunctuationSlip(_ c: UInt32) -> Bool {
        c == 0xFF0C || c == 0x3002 || c == 0x3001 || c == 0xFF1B || c == 0xFF1A || c == 0xFF01 || c == 0xFF1F
    }

    func orphanEvidence(_ t: ScalarText) -> String? {
        let s = t.scalars
        guard let first = s.first else { return nil }
        if CharClass.isASCIILower(first) {
            if s.count > 1, CharClass.isASCIIUpper(s[1]) { return nil }   // iPod, eBay
            return "it starts in lower case"
        }
        if Self.neverOpensChinese.contains(first) {
            // 的 alone cannot open a sentence; 地方, 着力, 过去 can.
            let head = hanHead(t)
            if let token = ChineseLexicon.segment(head).first, token.length == 1 || head.count == 1 {
                return "'\(t.string(0, 1))' cannot open a sentence"
            }
        }
        if Self.isOpeningPunctuationSlip(first) { return "it starts with punctuation" }
        if let c = firstUnmatchedCloser(t) {
            // A closing mark before any opening one, early in the paragraph.
            return "'\(String(Character(Unicode.Scalar(c)!)))' closes a quote or bracket opened before it"
        }
        return nil
    }
}
