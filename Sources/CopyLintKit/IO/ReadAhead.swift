import Foundation
#if canImport(Glibc)
import Glibc
#endif
import CopyLintBase

enum ReadAhead {
    /// Asks the kernel, from a background thread, to start reading these files (regular files only;
    /// POSIX_FADV_WILLNEED starts the reads and returns). Nothing is read here and nothing waits for it.
    static func start(_ paths: [String]) {
        DispatchQueue.global(qos: .utility).async {
            for path in paths where path != "-" {
                var st = stat()
                guard stat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG, st.st_size > 0 else { continue }
                let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
                guard fd >= 0 else { continue }
                _ = posix_fadvise(fd, 0, 0, POSIX_FADV_WILLNEED)
                close(fd)
            }
        }
    }
}
