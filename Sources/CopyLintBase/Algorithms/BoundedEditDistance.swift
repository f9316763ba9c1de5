import Foundation

/// Levenshtein distance, computed only within a band: returns nil when it exceeds `limit`.
package enum BoundedEditDistance {
    package static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int? {
        let n = a.count, m = b.count
        if abs(n - m) > limit { return nil }
        if n == 0 || m == 0 { return max(n, m) <= limit ? max(n, m) : nil }
        let inf = limit + 1
        var prev = [Int](repeating: inf, count: m + 2)
        var cur = [Int](repeating: inf, count: m + 2)
        for j in 0...min(m, limit) { prev[j] = j }
        for i in 1...n {
            let lo = max(1, i - limit), hi = min(m, i + limit)
            cur[lo - 1] = lo == 1 && i <= limit ? i : inf
            var rowMin = cur[lo - 1]
            for j in lo...hi {
                var v = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                if prev[j] + 1 < v { v = prev[j] + 1 }
                if cur[j - 1] + 1 < v { v = cur[j - 1] + 1 }
                if v > inf { v = inf }
                cur[j] = v
                if v < rowMin { rowMin = v }
            }
            cur[hi + 1] = inf
            if rowMin > limit { return nil }
            swap(&prev, &cur)
        }
        return prev[m] <= limit ? prev[m] : nil
    }
}
