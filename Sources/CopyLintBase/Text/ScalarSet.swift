import Foundation

/// A small fixed set of scalars, asked about every character the recognisers read: one AND against a
/// 64-bit filter rejects most characters, and the few that pass are looked up in a sorted list (no
/// hashing, unlike `Set<Unicode.Scalar>`, whose SipHash cost more than the rest of the test).
package struct ScalarSet: Sendable, ExpressibleByArrayLiteral {
    @usableFromInline let filter: UInt64
    @usableFromInline let values: [UInt32]

    package init<S: Sequence>(_ scalars: S) where S.Element == UInt32 {
        values = Array(Set(scalars)).sorted()
        filter = values.reduce(0) { $0 | 1 << UInt64($1 & 63) }
    }

    package init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar { self.init(scalars.map(\.value)) }

    package init(arrayLiteral elements: Unicode.Scalar...) { self.init(elements) }

    /// The members, in order.
    package var sortedValues: [UInt32] { values }

    @inlinable @inline(__always)
    package func contains(_ v: UInt32) -> Bool {
        guard filter & 1 << UInt64(v & 63) != 0 else { return false }
        if values.count <= 16 { return values.contains(v) }
        var lo = 0, hi = values.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if values[mid] < v { lo = mid + 1 } else { hi = mid }
        }
        return lo < values.count && values[lo] == v
    }

    @inlinable @inline(__always)
    package func contains(_ s: Unicode.Scalar) -> Bool { contains(s.value) }
}
