import Foundation

/// Unicode properties the recognisers ask of every scalar they read, answered without the standard
/// library's property tables for ASCII and for Chinese (where the answer is fixed).
package enum ScalarProperties {
    @inlinable @inline(__always)
    package static func isWhitespace(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v == 0x3000 { return true }
        if v > 0x3000 && v < 0xA640 { return false }   // CJK: no other white space
        return s.properties.isWhitespace
    }

    @inlinable @inline(__always)
    package static func isUppercase(_ s: Unicode.Scalar) -> Bool {
        let v = s.value
        if v < 0x80 { return v >= 0x41 && v <= 0x5A }
        if v >= 0x2E80 && v < 0xA640 { return false }   // CJK, Yi, Lisu, Vai: no capital letters
        return s.properties.isUppercase
    }
}
