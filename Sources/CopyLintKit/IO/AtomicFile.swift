import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CopyLintBase

/// Writes a file whole or not at all: a temporary file in the same folder, then a rename.
/// A symbolic link is written through (the link stays), and a target that is not a regular file
/// (`/dev/null`, `/dev/stdout`, a FIFO) is written in place: renaming over it would replace the device.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(CopyLintError) {
        try write(Array(text.utf8), to: path, permissions: nil)
    }

    public static func write(_ bytes: [UInt8], to given: String, permissions: mode_t?) throws(CopyLintError) {
        var path = given
        var st = stat()
        if lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFLNK, let resolved = realpath(path, nil) {
            path = String(cString: resolved)
            free(resolved)
        }
        if stat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw CopyLintError("cannot write: it is a folder", path: given)
            default: return try writeInPlace(bytes, to: path, shownAs: given)
            }
        }
        let directory = (path as NSString).deletingLastPathComponent
        let folder = directory.isEmpty ? "." : directory
        guard stat(folder, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else {
            throw CopyLintError("cannot write: the folder \(folder) does not exist", path: given)
        }
        // The temporary file's name is registered before the file exists, so that Ctrl-C or a kill at
        // any point removes it: the original stays untouched until the rename, and no half file is left.
        let slot = InFlightFiles.register()
        defer { InFlightFiles.unregister(slot) }
        var temp = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            temp = folder + "/.copylint-" + Self.randomSuffix()
            InFlightFiles.update(slot, temp)
            fd = Self.fault(.create) ?? open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else {
            throw CopyLintError("cannot write: \(String(cString: strerror(errno)))", path: given)
        }
        var failure = writeAll(bytes, to: fd)
        if failure == 0, let injected = Self.fault(.write) { failure = injected }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if let permissions { fchmod(fd, permissions) } else { fchmod(fd, 0o644 & ~Self.umaskValue) }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure == 0, let injected = Self.fault(.rename) { failure = injected }
        if failure == 0, rename(temp, path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp)
            throw CopyLintError("cannot write: \(String(cString: strerror(failure)))", path: given)
        }
    }

    static func randomSuffix() -> String {
        let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var rng = SystemRandomNumberGenerator()
        return String((0..<10).map { _ in letters[Int(rng.next() % UInt64(letters.count))] })
    }

    /// The steps a fault can be injected at (tests: a full disk, a read-only folder, a failed rename).
    public enum Step: Sendable { case create, write, rename }

    /// Returns an errno to fail `step` with, or nil to let it run. Only tests set it.
    nonisolated(unsafe) public static var injectFault: ((Step) -> Int32?)?

    /// For `create`, -1 with errno set; otherwise the errno.
    private static func fault(_ step: Step) -> Int32? {
        guard let e = injectFault?(step) else { return nil }
        if step == .create { errno = e; return -1 }
        return e
    }

    /// Devices and FIFOs: no rename is possible, so the bytes go straight in.
    private static func writeInPlace(_ bytes: [UInt8], to path: String, shownAs given: String) throws(CopyLintError) {
        let fd = open(path, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw CopyLintError("cannot write: \(String(cString: strerror(errno)))", path: given) }
        defer { close(fd) }
        let failure = writeAll(bytes, to: fd)
        if failure != 0 { throw CopyLintError("cannot write: \(String(cString: strerror(failure)))", path: given) }
    }

    /// Writes every byte, retrying after signals; the errno of a failure, or 0.
    private static func writeAll(_ bytes: [UInt8], to fd: Int32) -> Int32 {
        var written = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while written < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 { if errno == EINTR { continue }; failure = errno; return }
                written += n
            }
        }
        return failure
    }

    static let umaskValue: mode_t = {
        let m = umask(0o022)
        umask(m)
        return m
    }()
}
