import Foundation

/// `COPYLINT_PROFILE=1`: wall time of each phase and rule on stderr (for bench/, not for users).
package enum Profile {
    package static let enabled = ProcessInfo.processInfo.environment["COPYLINT_PROFILE"] == "1"

    /// Peak resident memory so far.
    package static func residentMB() -> Int {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss >> 10
    }

    package static func threadCPU() -> UInt64 {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return UInt64(t.tv_sec) * 1_000_000_000 + UInt64(t.tv_nsec)
    }

    package static func report(_ what: String, since start: UInt64, now: UInt64 = DispatchTime.now().uptimeNanoseconds) {
        let ms = Double(now - start) / 1e6
        FileHandle.standardError.write(Data("profile: \(what) \((ms * 10).rounded() / 10) ms, \(residentMB()) MB peak\n".utf8))
    }
}
