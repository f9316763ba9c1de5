import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CopyLintBase

/// Reads a whole file, turning every failure into one clear error.
enum FileReader {
    /// Replaces a file's contents atomically, keeping its permissions, unless it changed on
    /// disk since `original` was read (then nothing is written).
    static func writeBack(_ bytes: [UInt8], over original: [UInt8], path: String) throws(CopyLintError) {
        var st = stat()
        guard stat(path, &st) == 0 else { throw CopyLintError("not fixed: the file disappeared while copylint was fixing it", path: path) }
        switch read(path) {
        case .success(let now) where now == original: break
        case .success: throw CopyLintError("not fixed: the file changed on disk while copylint was fixing it", path: path)
        case .failure(let e): throw e
        }
        try AtomicFile.write(bytes, to: path, permissions: st.st_mode & 0o7777)
    }

    /// Called just before a file is opened: lets tests delete or swap a file after it was listed.
    nonisolated(unsafe) static var willRead: ((String) -> Void)?

    /// Files at least this large are read in pieces on all cores.
    static let parallelFrom = 8 << 20

    static func read(_ path: String) -> Result<[UInt8], CopyLintError> {
        willRead?(path)
        var st = stat()
        guard stat(path, &st) == 0 else {
            return .failure(CopyLintError(errno == ENOENT ? "no such file or directory" : String(cString: strerror(errno)), path: path))
        }
        let kind = st.st_mode & S_IFMT
        if kind == S_IFDIR { return .failure(CopyLintError("is a directory", path: path)) }
        if kind != S_IFREG {
            return .failure(CopyLintError("not a regular file (a FIFO, socket or device); give a file or '-' for standard input", path: path))
        }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == EACCES ? "permission denied" : String(cString: strerror(errno))
            return .failure(CopyLintError("cannot read file: \(reason)", path: path))
        }
        defer { close(fd) }
        // One spare byte: the read that finds the end fits without growing (growing would double
        // the buffer, and its capacity would stay with the document). Read straight into the
        // array's storage: no pass to zero it first.
        var total = 0
        var failure: Int32 = 0
        var atEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: Int(st.st_size) + 1) { storage, count in
            // A large file is read in pieces on all cores: the copy and the first touch of each page of
            // the buffer are most of the reading, and they divide.
            let size = Int(st.st_size)
            if size >= Self.parallelFrom {
                nonisolated(unsafe) let out = storage
                let pieces = ParallelMap.slices(parallel: true)
                let done = ParallelMap.run(count: pieces) { k -> (read: Int, error: Int32) in
                    let from = size * k / pieces, to = size * (k + 1) / pieces
                    // The piece's pages are made in one call (MADV_POPULATE_WRITE, Linux 5.14) instead of
                    // one page fault each as the copy first touches them; an older kernel says no and
                    // the copy faults them in as before.
                    let page = 4096
                    let first = (Int(bitPattern: out.baseAddress! + from) + page - 1) / page * page
                    let last = Int(bitPattern: out.baseAddress! + to) / page * page
                    if last > first { _ = madvise(UnsafeMutableRawPointer(bitPattern: first), last - first, 23) }
                    var at = from
                    while at < to {
                        let n = pread(fd, out.baseAddress! + at, to - at, off_t(at))
                        if n < 0 {
                            if errno == EINTR { continue }
                            return (at - from, errno)
                        }
                        if n == 0 { break }
                        at += n
                    }
                    return (at - from, 0)
                }
                // The text is the pieces read in full, up to the first one cut short (the file shrank).
                for k in 0..<pieces {
                    if done[k].error != 0 { failure = done[k].error; break }
                    total += done[k].read
                    if done[k].read < size * (k + 1) / pieces - size * k / pieces { atEnd = true; break }
                }
                if failure == 0, !atEnd, lseek(fd, off_t(total), SEEK_SET) < 0 { failure = errno }
                if failure != 0 || atEnd {
                    count = total
                    return
                }
            }
            while total < storage.count {
                let n = Glibc.read(fd, storage.baseAddress! + total, storage.count - total)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                if n == 0 { atEnd = true; break }
                total += n
            }
            count = total
        }
        // The file grew since stat: read the rest into a growing buffer.
        while failure == 0, !atEnd {
            if total == bytes.count { bytes.append(contentsOf: [UInt8](repeating: 0, count: max(4096, bytes.count / 2))) }
            let n = bytes.withUnsafeMutableBytes { raw in Glibc.read(fd, raw.baseAddress! + total, raw.count - total) }
            if n < 0 {
                if errno != EINTR { failure = errno }
                continue
            }
            if n == 0 { atEnd = true } else { total += n }
        }
        if failure != 0 {
            return .failure(CopyLintError("cannot read file: \(String(cString: strerror(failure)))", path: path))
        }
        bytes.removeSubrange(total...)
        return .success(bytes)
    }
}
