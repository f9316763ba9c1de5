import Foundation

/// How Chinese clauses open, from the part-of-speech HMM of Debian's python3-jieba
/// (scripts/gen-zh-clause-model.py): its 256 states are a position in a word and a part of speech,
/// its start distribution says how a clause opens, its stationary distribution what the model sees
/// anywhere in running text.
public enum ChineseClauseModel {
    package struct Model: Sendable {
        let start: [Double]
        let stationary: [Double]
        /// Transition probabilities, `from * states + to`.
        let transition: [Double]
        /// Emissions, flat: (state, p) pairs of each character in `emissionStates`, `emissionProbs`.
        let emissionStates: [UInt8]
        let emissionProbs: [Double]
        /// Per code point from `base`: the first emission << 9 | the count << 1 | rarer at opening.
        let slots: [UInt32]
        static let base: UInt32 = 0x3000, limit: UInt32 = 0xA000

        @inline(__always) func slot(_ c: UInt32) -> UInt32 {
            c >= Self.base && c < Self.limit ? slots[Int(c - Self.base)] : 0
        }
    }

    /// e^(-q/16) for each byte, 0 for 255.
    static let probabilities: [Double] = (0..<256).map { $0 == 255 ? 0 : exp(-Double($0) / 16) }

    static func probability(_ q: UInt8) -> Double { probabilities[Int(q)] }

    package static let model: Model = {
        let n = ChineseClauseModelData.states
        let dist = ChineseLexicon.decodeBase64(ChineseClauseModelData.distributions)
        let start = (0..<n).map { probability(dist[$0]) }
        let stationary = (0..<n).map { probability(dist[n + $0]) }
        let t = ChineseLexicon.decodeBase64(ChineseClauseModelData.transitions)
        var transition = [Double](repeating: 0, count: n * n)
        for k in stride(from: 0, to: t.count - 2, by: 3) {
            transition[Int(t[k]) * n + Int(t[k + 1])] = probability(t[k + 2])
        }
        let e = ChineseLexicon.decodeBase64(ChineseClauseModelData.emissions)
        // Read in one pass over the bytes, into storage sized up front (a record is three bytes, a
        // pair two: at most half the bytes are pairs).
        var states = [UInt8](), probs = [Double]()
        states.reserveCapacity(e.count / 2)
        probs.reserveCapacity(e.count / 2)
        var slots = [UInt32](repeating: 0, count: Int(Model.limit - Model.base))
        let table = probabilities
        e.withUnsafeBufferPointer { e in
            table.withUnsafeBufferPointer { table in
                var k = 0
                while k + 3 <= e.count {
                    let c = UInt32(e[k]) << 8 | UInt32(e[k + 1]), count = min(Int(e[k + 2]), (e.count - k - 3) / 2)
                    k += 3
                    let first = states.count
                    var s = 0.0, a = 0.0
                    for j in 0..<count {
                        let state = e[k + 2 * j], p = table[Int(e[k + 2 * j + 1])]
                        states.append(state)
                        probs.append(p)
                        s += start[Int(state)] * p
                        a += stationary[Int(state)] * p
                    }
                    k += 2 * count
                    guard c >= Model.base, c < Model.limit, count > 0 else { continue }
                    slots[Int(c - Model.base)] = UInt32(first) << 9 | UInt32(count) << 1 | (s < a ? 1 : 0)
                }
            }
        }
        return Model(start: start, stationary: stationary, transition: transition,
                     emissionStates: states, emissionProbs: probs, slots: slots)
    }()

    /// The model opens a clause with `c` less often than it sees `c` anywhere (制, 决, 域; not 在, 我, 这):
    /// only a paragraph opening on one can have an opening likelier mid-clause.
    public static func isRarerAtOpening(_ c: UInt32) -> Bool { model.slot(c) & 1 != 0 }

    /// log10 of how likely the model finds `chars` as the opening of a clause, over how likely it
    /// finds them anywhere in running text (the forward probability from the start distribution over
    /// the one from the stationary distribution). Below 0 the characters are likelier mid-clause;
    /// at -1, ten times likelier. Nil if the model does not know one of them.
    public static func openingLog10Ratio<C: Collection>(_ chars: C) -> Double? where C.Element == UInt32 {
        let m = model
        guard !chars.isEmpty else { return nil }
        return m.transition.withUnsafeBufferPointer { transition in
            m.emissionStates.withUnsafeBufferPointer { states in
                m.emissionProbs.withUnsafeBufferPointer { probs in
                    m.start.withUnsafeBufferPointer { start in
                        m.stationary.withUnsafeBufferPointer { stationary in
                            forward(chars, m, transition, states, probs, start, stationary)
                        }
                    }
                }
            }
        }
    }

    /// The forward probabilities from the start and from anywhere, kept only for the states that emit
    /// the character just read: (state, from start, from anywhere) in one half of the buffer, the
    /// next character's in the other.
    private static func forward<C: Collection>(_ chars: C, _ m: Model, _ transition: UnsafeBufferPointer<Double>,
                                               _ states: UnsafeBufferPointer<UInt8>, _ probs: UnsafeBufferPointer<Double>,
                                               _ start: UnsafeBufferPointer<Double>, _ stationary: UnsafeBufferPointer<Double>) -> Double?
    where C.Element == UInt32 {
        let n = start.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: 512) { ids -> Double? in
            withUnsafeTemporaryAllocation(of: Double.self, capacity: 1024) { p -> Double? in
                // ids[k], p[2k] from the start, p[2k + 1] from anywhere.
                var current = 0, count = 0
                var first = true
                for c in chars {
                    let slot = m.slot(c), emitted = Int(slot >> 1 & 0xFF), lower = Int(slot >> 9)
                    guard emitted > 0 else { return nil }
                    let next = 256 - current
                    var written = 0, maxS = 0.0, maxA = 0.0
                    for j in lower..<(lower + emitted) {
                        let t = Int(states[j]), e = probs[j]
                        var ps = 0.0, pa = 0.0
                        if first {
                            ps = start[t]
                            pa = stationary[t]
                        } else {
                            for k in current..<(current + count) {
                                let q = transition[ids[k] &* n &+ t]
                                ps += p[2 &* k] * q
                                pa += p[2 &* k &+ 1] * q
                            }
                        }
                        guard pa > 0 else { continue }
                        ids[next + written] = t
                        p[2 * (next + written)] = ps * e
                        p[2 * (next + written) + 1] = pa * e
                        maxS = max(maxS, ps * e)
                        maxA = max(maxA, pa * e)
                        written += 1
                    }
                    guard written > 0 else { return nil }
                    // States holding less than a thousandth of the largest share, from the start and
                    // from anywhere, are dropped: together they move the ratio by a few hundredths of
                    // its tenfold threshold at most, and the next step costs the states kept times the
                    // states the next character is emitted by.
                    var kept = 0
                    for k in next..<(next + written) where p[2 * k] >= maxS * 1e-3 || p[2 * k + 1] >= maxA * 1e-3 {
                        ids[next + kept] = ids[k]
                        p[2 * (next + kept)] = p[2 * k]
                        p[2 * (next + kept) + 1] = p[2 * k + 1]
                        kept += 1
                    }
                    current = next
                    count = kept
                    first = false
                }
                var s = 0.0, a = 0.0
                for k in current..<(current + count) {
                    s += p[2 * k]
                    a += p[2 * k + 1]
                }
                return s > 0 ? log10(s / a) : -10
            }
        }
    }
}
