import CopyLintBase
import CopyLintDocument
import CopyLintEngine
import CopyLintRules

/// Unified diff of two texts, line by line (Myers' algorithm), three lines of context.
public enum UnifiedDiff {
    public static func render(old: [UInt8], new: [UInt8], path: String, context: Int = 3) -> String {
        let a = lines(old), b = lines(new)
        let ops = diff(a, b)
        guard ops.contains(where: { $0 != .same }) else { return "" }
        var out = "--- a/\(path)\n+++ b/\(path)\n"
        // Walk the edit script, grouping changes that lie within 2×context lines into hunks.
        var i = 0
        var ai = 0, bi = 0
        var positions: [(op: Op, a: Int, b: Int)] = []
        for op in ops {
            positions.append((op, ai, bi))
            switch op {
            case .same: ai += 1; bi += 1
            case .delete: ai += 1
            case .insert: bi += 1
            }
        }
        while i < positions.count {
            guard positions[i].op != .same else { i += 1; continue }
            var start = i
            var back = 0
            while start > 0, positions[start - 1].op == .same, back < context { start -= 1; back += 1 }
            var end = i
            var sameRun = 0
            while end < positions.count {
                if positions[end].op == .same {
                    sameRun += 1
                    if sameRun > 2 * context { break }
                } else {
                    sameRun = 0
                }
                end += 1
            }
            // Trim trailing context to `context` lines.
            var stop = end
            var trailing = 0
            while stop > i, positions[stop - 1].op == .same { stop -= 1; trailing += 1 }
            stop += min(trailing, context)
            let hunk = positions[start..<stop]
            let aStart = hunk.first!.a, bStart = hunk.first!.b
            let aCount = hunk.filter { $0.op != .insert }.count
            let bCount = hunk.filter { $0.op != .delete }.count
            out += "@@ -\(aCount == 0 ? aStart : aStart + 1),\(aCount) +\(bCount == 0 ? bStart : bStart + 1),\(bCount) @@\n"
            for p in hunk {
                switch p.op {
                case .same: out += " " + text(a[p.a])
                case .delete: out += "-" + text(a[p.a])
                case .insert: out += "+" + text(b[p.b])
                }
            }
            i = stop
        }
        return out
    }

    enum Op: Equatable { case same, delete, insert }

    /// Lines with their terminators; a last line without one is marked as git does.
    static func lines(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var out: [ArraySlice<UInt8>] = []
        var start = 0
        for (i, b) in bytes.enumerated() where b == 0x0A {
            out.append(bytes[start...i])
            start = i + 1
        }
        if start < bytes.count { out.append(bytes[start...]) }
        return out
    }

    /// The line as the diff shows it. Its terminator is kept byte for byte (a CRLF file's lines end
    /// in CR LF in the patch too, as `diff` writes them); a last line without LF is marked as git
    /// does. (Asked of the bytes: in a Swift string CR LF is one character, not a line ending on LF.)
    static func text(_ line: ArraySlice<UInt8>) -> String {
        let s = String(decoding: line, as: UTF8.self)
        return line.last == 0x0A ? s : s + "\n\\ No newline at end of file\n"
    }

    /// Myers' O((N+M)D) shortest edit script.
    static func diff(_ a: [ArraySlice<UInt8>], _ b: [ArraySlice<UInt8>]) -> [Op] {
        let n = a.count, m = b.count
        let max = n + m
        if max == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) { x = v[max + k + 1] } else { x = v[max + k - 1] + 1 }
                var y = x - k
                while x < n, y < m, a[x] == b[y] { x += 1; y += 1 }
                v[max + k] = x
                if x >= n, y >= m { break outer }
            }
        }
        // Backtrack.
        var ops: [Op] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let prevK: Int
            if k == -d || (k != d && v[max + k - 1] < v[max + k + 1]) { prevK = k + 1 } else { prevK = k - 1 }
            let prevX = v[max + prevK], prevY = prevX - prevK
            while x > prevX, y > prevY { ops.append(.same); x -= 1; y -= 1 }
            if d > 0 {
                if x == prevX { ops.append(.insert); y -= 1 } else { ops.append(.delete); x -= 1 }
            }
        }
        while x > 0, y > 0 { ops.append(.same); x -= 1; y -= 1 }
        return ops.reversed()
    }
}
