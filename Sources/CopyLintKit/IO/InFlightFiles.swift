import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CopyLintBase

/// Temporary files being written, removed by a SIGINT/SIGTERM/SIGHUP handler before the process dies.
/// The slots are plain C memory so the handler touches nothing but unlink(2).
enum InFlightFiles {
    static let capacity = 64
    static let pathMax = 4096
    nonisolated(unsafe) private static let storage: UnsafeMutablePointer<CChar> = {
        let p = UnsafeMutablePointer<CChar>.allocate(capacity: capacity * pathMax)
        p.initialize(repeating: 0, count: capacity * pathMax)
        return p
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var used = [Bool](repeating: false, count: capacity)
    nonisolated(unsafe) private static var installed = false

    /// Takes a slot for a path about to be created (nil when all are busy: the file is then
    /// still written safely, only not cleaned up on a signal).
    static func register() -> Int? {
        lock.lock(); defer { lock.unlock() }
        if !installed {
            _ = storage     // made before any handler can look at it
            installHandlers()
            installed = true
        }
        guard let k = used.firstIndex(of: false) else { return nil }
        used[k] = true
        return k
    }

    /// Records the temporary file's name, before it is created.
    static func update(_ slot: Int?, _ path: String) {
        guard let slot else { return }
        let bytes = Array(path.utf8)
        guard bytes.count < pathMax else { return }
        let base = storage + slot * pathMax
        base[0] = 0
        for (i, b) in bytes.enumerated() where i > 0 { base[i] = CChar(bitPattern: b) }
        base[bytes.count] = 0
        base[0] = CChar(bitPattern: bytes[0])     // the first byte last: the slot is never half set
    }

    static func unregister(_ slot: Int?) {
        guard let slot else { return }
        lock.lock(); defer { lock.unlock() }
        storage[slot * pathMax] = 0
        used[slot] = false
    }

    private static func installHandlers() {
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { sig in
                for k in 0..<InFlightFiles.capacity {
                    let p = InFlightFiles.storage + k * InFlightFiles.pathMax
                    if p[0] != 0 { unlink(p) }
                }
                // Die of the signal, as the shell expects (exit status 128 + n).
                signal(sig, SIG_DFL)
                raise(sig)
            }
            sigemptyset(&action.sa_mask)
            sigaction(sig, &action, nil)
        }
    }
}
