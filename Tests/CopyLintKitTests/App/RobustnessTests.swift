import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// The bad-input matrix, fix safety under faults and load: no input crashes copylint, no run
/// loses a byte. Cases that need a real process (signals, closed pipes, file descriptor limits,
/// another user) run the `copylint` executable that `swift test` builds.
final class RobustnessTests: TempFolderTestCase {
    static let duplicated = CLITests.duplicated

    // MARK: - running the executable

    static let executable: URL? = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("copylint"),
            FuzzRegressionTests.repoRoot.appendingPathComponent(".build/debug/copylint"),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    struct Spawned {
        let process: Process
        let out: Pipe
        let err: Pipe
    }

    func spawn(_ args: [String], prefix: [String] = []) throws -> Spawned {
        guard let exe = Self.executable else { throw XCTSkip("the copylint executable is not built") }
        let p = Process()
        if prefix.isEmpty {
            p.executableURL = exe
            p.arguments = args
        } else {
            p.executableURL = URL(fileURLWithPath: prefix[0])
            p.arguments = Array(prefix.dropFirst()) + [exe.path] + args
        }
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return Spawned(process: p, out: out, err: err)
    }

    /// Runs the executable to the end: exit status, stdout, stderr.
    func runExecutable(_ args: [String], prefix: [String] = []) throws -> Run {
        finish(try spawn(args, prefix: prefix))
    }

    /// Runs any program to the end.
    func runProgram(_ path: String, _ args: [String]) throws -> Run {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        p.currentDirectoryURL = dir
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        return finish(Spawned(process: p, out: out, err: err))
    }

    func finish(_ s: Spawned) -> Run {
        final class Box: @unchecked Sendable { var data = Data() }
        let errBox = Box()
        let group = DispatchGroup()
        group.enter()
        let errHandle = s.err.fileHandleForReading
        DispatchQueue.global().async { errBox.data = errHandle.readDataToEndOfFile(); group.leave() }
        let outData = s.out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        let errData = errBox.data
        s.process.waitUntilExit()
        return Run(code: s.process.terminationStatus, out: String(decoding: outData, as: UTF8.self), err: String(decoding: errData, as: UTF8.self))
    }

    /// As root, file permissions stop nobody: such cases run copylint as the unprivileged user.
    var asUnprivileged: [String] { getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [] }

    func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: dir.appendingPathComponent(name))) }

    func leftovers(in folder: String = ".") throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent(folder).path).filter { $0.hasPrefix(".copylint-") }
    }

    // MARK: - encodings and odd bytes

    func testInvalidUTF8AtStartMiddleAndEnd() throws {
        let cases: [(String, [UInt8], String)] = [
            ("start.txt", [0xFF] + Array("好的\n".utf8), "invalid UTF-8 at byte offset 0 (line 1, column 1)"),
            ("middle.txt", Array("第一行\n好".utf8) + [0xC0, 0x80] + Array("的\n".utf8), "invalid UTF-8 at byte offset 13 (line 2, column 2)"),
            ("end.txt", Array("好的\n𠮷".utf8) + [0xE4, 0xB8], "invalid UTF-8 at byte offset 11 (line 2, column 2)"),
        ]
        for (name, content, message) in cases {
            try write(name, content)
            let r = copylint([name])
            XCTAssertEqual(r.code, 2, name)
            XCTAssertEqual(r.err.split(separator: "\n").count, 1, "one line: \(r.err)")
            XCTAssertTrue(r.err.contains("\(name): \(message)"), r.err)
        }
    }

    func testUTF16BigAndLittleEndianWithBOM() throws {
        var be: [UInt8] = [0xFE, 0xFF], le: [UInt8] = [0xFF, 0xFE]
        for u in Self.duplicated.utf16 {
            be += [UInt8(u >> 8), UInt8(u & 0xFF)]
            le += [UInt8(u & 0xFF), UInt8(u >> 8)]
        }
        try write("be.txt", be)
        try write("le.txt", le)
        XCTAssertEqual(copylint(["-f", "gcc", "be.txt"]).out, "be.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        XCTAssertEqual(copylint(["-f", "gcc", "le.txt"]).out, "le.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        // An odd number of bytes is not UTF-16: a clear error, not a crash.
        try write("odd.txt", be + [0x4E])
        let odd = copylint(["odd.txt"])
        XCTAssertEqual(odd.code, 2)
        XCTAssertTrue(odd.err.hasPrefix("copylint: error: odd.txt: "), odd.err)
    }

    /// Our own sentences, numbered so that no two repeat: copy without defects, for size tests.
    static func cleanSentences(bytes: Int, separator: String) -> [UInt8] {
        let sentences = ["区图书馆第%d号分馆开始试行夜间开放，读者可以在晚上借还图书。",
                         "第%d届社区运动会报名截止，参赛队伍比去年增加了不少。",
                         "The council approved plan %d after a short debate on Tuesday evening."]
        var out: [UInt8] = []
        out.reserveCapacity(bytes + 200)
        var n = 0
        while out.count < bytes {
            out += Array(String(format: sentences[n % sentences.count], n).utf8) + Array(separator.utf8)
            n += 1
        }
        return out
    }

    func testSingleFiftyMegabyteLine() throws {
        try write("one-line.txt", Self.cleanSentences(bytes: 50_000_000, separator: " "))
        let r = copylint(["-q", "-f", "gcc", "one-line.txt"])
        XCTAssertTrue(r.code == 0 || r.code == 1, r.err)
        XCTAssertEqual(r.err, "")
        for line in r.out.split(separator: "\n") {
            XCTAssertTrue(line.hasPrefix("one-line.txt:1:"), String(line))
        }
    }

    /// A large file is read in pieces on all cores: the bytes are the file's, in order, and a repeat
    /// at the very end is found at its exact line.
    func testLargeFileReadInPiecesIsExact() throws {
        var bytes: [UInt8] = []
        var k: UInt32 = 0
        while bytes.count < FileReader.parallelFrom + 12_345 {
            // Every byte value in a pattern that does not repeat at piece boundaries.
            bytes.append(UInt8(truncatingIfNeeded: k &* 2_654_435_761 >> 13))
            k &+= 1
        }
        try write("large.bin", bytes)
        guard case .success(let read) = FileReader.read(dir.appendingPathComponent("large.bin").path) else { return XCTFail("not read") }
        XCTAssertEqual(read.count, bytes.count)
        XCTAssertTrue(read == bytes)
        // The same size of text with a repeated paragraph at its end.
        let lines = [UInt8](repeating: 0x0A, count: FileReader.parallelFrom + 1)
        try write("late-large.txt", lines + Array(Self.duplicated.utf8))
        let first = lines.count + 3   // the heading's line is the one after the empty lines
        XCTAssertEqual(copylint(["-f", "gcc", "late-large.txt"]).out,
                       "late-large.txt:\(first + 2):1: error: paragraph repeats the one first printed at line \(first) [duplicate-paragraph]\n")
    }

    func testOneMillionEmptyLines() throws {
        try write("empty-lines.txt", [UInt8](repeating: 0x0A, count: 1_000_000))
        let r = copylint(["empty-lines.txt"])
        XCTAssertEqual(r.code, 0)
        XCTAssertEqual(r.out, "")
        XCTAssertTrue(r.err.contains("no problems found"), r.err)
        // The same lines with a repeat at the very end: line numbers stay exact.
        try write("late.txt", [UInt8](repeating: 0x0A, count: 1_000_000) + Array(Self.duplicated.utf8))
        XCTAssertEqual(copylint(["-f", "gcc", "late.txt"]).out,
                       "late.txt:1000005:1: error: paragraph repeats the one first printed at line 1000003 [duplicate-paragraph]\n")
    }

    func testCROnlyAndMixedLineEnds() throws {
        try write("cr.txt", Self.duplicated.replacingOccurrences(of: "\n", with: "\r"))
        XCTAssertEqual(copylint(["-f", "gcc", "cr.txt"]).out, "cr.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        // LF, CRLF and CR in one file: each ends one line.
        let lines = Self.duplicated.split(separator: "\n", omittingEmptySubsequences: false)
        let ends = ["\n", "\r\n", "\r", "\r\n", "\n", "\r"]
        var mixed = ""
        for (k, line) in lines.enumerated() { mixed += line + (k < lines.count - 1 ? ends[k % ends.count] : "") }
        try write("mixed.txt", mixed)
        XCTAssertEqual(copylint(["-f", "gcc", "mixed.txt"]).out, "mixed.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
    }

    // MARK: - files and folders

    func testDeepDirectoryTree() throws {
        let deep = Array(repeating: "d", count: 300).joined(separator: "/")
        try write("\(deep)/page.txt", Self.duplicated)
        let r = copylint(["-f", "gcc", "d"])
        XCTAssertEqual(r.code, 1)
        XCTAssertEqual(r.out, "\(deep)/page.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
    }

    func testSymbolicLinkLoops() throws {
        try write("tree/page.txt", Self.duplicated)
        let fm = FileManager.default
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("tree/loop").path, withDestinationPath: ".")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("tree/up").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("tree/a.txt").path, withDestinationPath: "b.txt")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("tree/b.txt").path, withDestinationPath: "a.txt")
        // The walk does not follow linked folders and skips links that lead nowhere.
        let walk = copylint(["-f", "gcc", "tree"])
        XCTAssertEqual(walk.code, 1)
        XCTAssertEqual(walk.out, "tree/page.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        // Named on the command line, a looping link is a clear error.
        let named = copylint(["tree/a.txt"])
        XCTAssertEqual(named.code, 2)
        XCTAssertTrue(named.err.contains("tree/a.txt:") && named.err.lowercased().contains("symbolic links"), named.err)
    }

    func testFileWithoutReadPermission() throws {
        try write("secret.txt", Self.duplicated)
        chmod(dir.appendingPathComponent("secret.txt").path, 0)
        let r = try runExecutable(["secret.txt"], prefix: asUnprivileged)
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertEqual(r.err, "copylint: error: secret.txt: cannot read file: permission denied\n")
    }

    func testFileDeletedBetweenListingAndReading() throws {
        try write("copy/a.txt", Self.duplicated)
        try write("copy/b.txt", Self.duplicated)
        let doomed = dir.appendingPathComponent("copy/b.txt").path
        FileReader.willRead = { path in if path.hasSuffix("b.txt") { unlink(doomed) } }
        defer { FileReader.willRead = nil }
        let r = copylint(["-f", "gcc", "copy"])
        XCTAssertEqual(r.code, 2)
        XCTAssertEqual(r.out, "copy/a.txt:5:1: error: paragraph repeats the one first printed at line 3 [duplicate-paragraph]\n")
        XCTAssertTrue(r.err.contains("copylint: error: copy/b.txt: no such file or directory"), r.err)
    }

    func testDevicesAndFIFOsAreRefusedWithoutHanging() throws {
        for device in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let r = copylint([device])
            XCTAssertEqual(r.code, 2, device)
            XCTAssertTrue(r.err.contains("\(device): not a regular file"), r.err)
        }
        // A FIFO met while walking a folder is not a file to lint: skipped, never opened.
        try write("copy/page.txt", Self.duplicated)
        XCTAssertEqual(mkfifo(dir.appendingPathComponent("copy/pipe.txt").path, 0o600), 0)
        let walk = copylint(["-f", "gcc", "copy"])
        XCTAssertEqual(walk.code, 1)
        XCTAssertEqual(walk.out.split(separator: "\n").count, 1)
    }

    // MARK: - patterns that never end

    func testCatastrophicPatternIsStoppedAndReported() throws {
        try write("packs/slow/r.json", """
            {"id": "nested", "kind": "existence", "summary": "s", "message": "m", "language": "any",
             "patterns": ["(a+)+b", "(好+)+坏"]}
            """)
        try write(".lintrc", #"{"packs": ["packs/slow"], "ruleTimeBudget": 0.5}"#)
        try write("page.txt", "# Title\n\n" + String(repeating: "a", count: 60) + "c\n\n" + String(repeating: "好", count: 60) + "。\n")
        let start = Date()
        let r = copylint(["-f", "gcc", "page.txt"])
        XCTAssertLessThan(Date().timeIntervalSince(start), 30, "the budget stops the pattern")
        XCTAssertEqual(r.code, 1, "a file the rule could not finish does not pass")
        XCTAssertTrue(r.out.contains("page.txt:3:1: error: slow/nested stopped here after 0.5 s (ruleTimeBudget): the pattern /(a+)+b/ took too long on this paragraph; the rest of the file is not checked by this rule [slow/nested]"), r.out)
        XCTAssertEqual(r.out.split(separator: "\n").count, 1, r.out)

        try write(".lintrc", #"{"ruleTimeBudget": 0}"#)
        let bad = copylint(["page.txt"])
        XCTAssertEqual(bad.code, 2)
        XCTAssertTrue(bad.err.contains(".lintrc:1:20: error: \"ruleTimeBudget\" must be a number of seconds greater than 0"), bad.err)
    }

    // MARK: - output

    func testReportIntoReadOnlyFolder() throws {
        try write("page.txt", Self.duplicated)
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("locked"), withIntermediateDirectories: true)
        chmod(dir.appendingPathComponent("locked").path, 0o555)
        let r = try runExecutable(["-f", "json", "-o", "locked/report.json", "page.txt"], prefix: asUnprivileged)
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("copylint: error: locked/report.json: cannot write: Permission denied"), r.err)
        XCTAssertFalse(FileManager.default.fileExists(atPath: dir.appendingPathComponent("locked/report.json").path))
        XCTAssertEqual(try leftovers(in: "locked"), [])
    }

    func testStdoutClosedEarlyEndsQuietly() throws {
        // Thousands of findings: far more than a pipe holds.
        try write("many.txt", String(repeating: Self.duplicated, count: 1500))
        let s = try spawn(["-f", "gcc", "many.txt"])
        let reader = s.out.fileHandleForReading
        var first = Data()
        while !first.contains(0x0A) {
            let chunk = reader.availableData
            if chunk.isEmpty { break }
            first += chunk
        }
        try reader.close()      // `| head -1`
        let err = s.err.fileHandleForReading.readDataToEndOfFile()
        s.process.waitUntilExit()
        XCTAssertTrue(String(decoding: first, as: UTF8.self).hasPrefix("many.txt:5:1: error:"))
        XCTAssertEqual(s.process.terminationReason, .exit, "no signal")
        XCTAssertEqual(s.process.terminationStatus, 1)
        let text = String(decoding: err, as: UTF8.self)
        XCTAssertFalse(text.contains("Fatal") || text.contains("Backtrace") || text.contains("crash"), text)
    }

    // MARK: - fixing under faults

    static let fixable = "# 标题\n\n他说,明天再来。这是第一段文字，内容完整。\n\n第二段也有问题,需要修改。\n"

    func testFaultsDuringFixLeaveEveryOriginalIntact() throws {
        let originals = ["a.txt": Self.fixable, "b.txt": Self.fixable + "最后一段。\n"]
        for (step, code) in [(AtomicFile.Step.create, EACCES), (.create, EROFS), (.write, ENOSPC), (.write, EIO), (.rename, EXDEV)] {
            for (name, text) in originals { try write(name, text) }
            AtomicFile.injectFault = { $0 == step ? code : nil }
            let r = copylint(["--fix", "a.txt", "b.txt"])
            AtomicFile.injectFault = nil
            XCTAssertEqual(r.code, 2, "\(step) \(code)")
            let reason = String(cString: strerror(code))
            XCTAssertTrue(r.err.contains("copylint: error: a.txt: cannot write: \(reason)") && r.err.contains("b.txt: cannot write: \(reason)"), r.err)
            for (name, text) in originals { XCTAssertEqual(try bytes(name), Array(text.utf8), "\(name) after \(step) \(code)") }
            XCTAssertEqual(try leftovers(), [], "no temporary file left after \(step)")
        }
        // Without a fault the same run fixes both.
        let fixed = copylint(["--fix", "a.txt", "b.txt"])
        XCTAssertNotEqual(try bytes("a.txt"), Array(Self.fixable.utf8), fixed.err)
    }

    func testFixOnAFullDisk() throws {
        guard getuid() == 0 else { throw XCTSkip("mounting a small tmpfs needs root") }
        let mountPoint = dir.appendingPathComponent("small")
        try FileManager.default.createDirectory(at: mountPoint, withIntermediateDirectories: true)
        let mount = Process()
        mount.executableURL = URL(fileURLWithPath: "/bin/mount")
        mount.arguments = ["-t", "tmpfs", "-o", "size=64k", "tmpfs", mountPoint.path]
        try mount.run()
        mount.waitUntilExit()
        guard mount.terminationStatus == 0 else { throw XCTSkip("this machine does not allow mounting a tmpfs") }
        defer {
            let umount = Process()
            umount.executableURL = URL(fileURLWithPath: "/bin/umount")
            umount.arguments = [mountPoint.path]
            try? umount.run()
            umount.waitUntilExit()
        }
        // 40 KB of fixable copy on a 64 KB disk: the fixed copy cannot be written beside it.
        var text = "# 标题\n\n"
        while text.utf8.count < 40_000 { text += "第\(text.utf8.count)段也有问题,需要修改。\n\n" }
        try write("small/page.txt", text)
        let r = copylint(["--fix", "small/page.txt"])
        XCTAssertEqual(r.code, 2)
        XCTAssertTrue(r.err.contains("small/page.txt: cannot write: No space left on device"), r.err)
        XCTAssertEqual(try bytes("small/page.txt"), Array(text.utf8))
        XCTAssertEqual(try leftovers(in: "small"), [])
    }

    func testFixIntoReadOnlyFolderAsAnotherUser() throws {
        try write("locked/page.txt", Self.fixable)
        chmod(dir.appendingPathComponent("locked/page.txt").path, 0o666)
        chmod(dir.appendingPathComponent("locked").path, 0o555)
        defer { chmod(dir.appendingPathComponent("locked").path, 0o755) }
        let r = try runExecutable(["--fix", "locked/page.txt"], prefix: asUnprivileged)
        XCTAssertEqual(r.code, 2, r.err)
        XCTAssertTrue(r.err.contains("locked/page.txt: cannot write: Permission denied"), r.err)
        XCTAssertEqual(try bytes("locked/page.txt"), Array(Self.fixable.utf8))
    }

    /// Ctrl-C while the fixed copy is being written: the original or the whole fixed file, never a
    /// half-written one, and no temporary file left. inotify tells the moment the temporary file appears;
    /// tries until two interrupts have landed before the rename (or eight tries).
    func testInterruptDuringFixLeavesNoHalfWrittenFile() throws {
        var text = "# 标题\n\n"
        while text.utf8.count < 2_500_000 { text += "第\(text.utf8.count)段也有问题,需要修改。\n\n" }
        let original = Array(text.utf8)
        try write("big.txt", original)
        _ = copylint(["--fix", "big.txt"])
        let fixed = try bytes("big.txt")
        XCTAssertNotEqual(fixed, original)

        var interruptedBeforeRename = 0
        for _ in 0..<8 where interruptedBeforeRename < 2 {
            try write("big.txt", original)
            let watch = inotify_init1(Int32(IN_CLOEXEC))
            XCTAssertGreaterThanOrEqual(watch, 0)
            defer { close(watch) }
            XCTAssertGreaterThanOrEqual(inotify_add_watch(watch, dir.path, UInt32(IN_CREATE)), 0)
            let s = try spawn(["-q", "--fix", "big.txt"])
            var buffer = [UInt8](repeating: 0, count: 4096)
            var sawTemp = false
            while !sawTemp, s.process.isRunning {
                var ready = pollfd(fd: watch, events: Int16(POLLIN), revents: 0)
                guard poll(&ready, 1, 50) > 0 else { continue }
                let n = read(watch, &buffer, buffer.count)
                if n <= 0 { break }
                // struct inotify_event: wd, mask, cookie, len, then the name.
                var offset = 0
                while offset + 16 <= n {
                    let len = Int(buffer[offset + 12]) | Int(buffer[offset + 13]) << 8
                    let name = String(decoding: buffer[(offset + 16)..<(offset + 16 + len)].prefix { $0 != 0 }, as: UTF8.self)
                    if name.hasPrefix(".copylint-") { sawTemp = true }
                    offset += 16 + len
                }
            }
            s.process.interrupt()
            s.process.waitUntilExit()
            let now = try bytes("big.txt")
            XCTAssertTrue(now == original || now == fixed, "big.txt is neither the original nor the fixed copy")
            XCTAssertEqual(try leftovers(), [], "the temporary file is removed")
            if now == original, s.process.terminationReason == .uncaughtSignal { interruptedBeforeRename += 1 }
        }
        XCTAssertGreaterThan(interruptedBeforeRename, 0, "at least one interrupt landed while the fixed copy was being written")
    }

    // MARK: - load

    func testFiftyThousandFilesWithFewFileDescriptorsAndFlatMemory() throws {
        let fm = FileManager.default
        for folder in 0..<100 {
            let sub = dir.appendingPathComponent("many/f\(folder)")
            try fm.createDirectory(at: sub, withIntermediateDirectories: true)
            for k in 0..<500 {
                let text = "# 第\(folder)组\n\n区图书馆第\(k)号分馆开始试行夜间开放，读者可以在晚上借还图书。\n"
                XCTAssertTrue(fm.createFile(atPath: sub.appendingPathComponent("p\(k).txt").path, contents: Data(text.utf8)))
            }
        }
        // 64 file descriptors for 50,000 files: each is closed as soon as it is read.
        let limited = try runExecutable(["many"], prefix: ["/usr/bin/prlimit", "--nofile=64:64"])
        XCTAssertEqual(limited.code, 0, String(limited.err.suffix(500)))
        XCTAssertEqual(limited.err, "copylint: 50000 files checked, no problems found\n")

        // Peak memory over 5,000 files and over 50,000: it must not grow with the count.
        func peakMB(_ args: [String]) throws -> Double {
            let script = """
                import resource, subprocess, sys
                code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
                print(code, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
                """
            let r = try runProgram("/usr/bin/env", ["python3", "-c", script, Self.executable!.path] + args)
            let fields = r.out.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            XCTAssertEqual(fields.first, "0", r.out + r.err)
            return (Double(fields.last ?? "") ?? .infinity) / 1024
        }
        let tenth = try peakMB((0..<10).map { "many/f\($0)" })
        let all = try peakMB(["many"])
        print("copylint peak RSS (debug build): \(tenth) MB for 5,000 files, \(all) MB for 50,000")
        XCTAssertLessThan(all, tenth + 12, "peak RSS \(tenth) MB for 5,000 files, \(all) MB for 50,000")
    }

    func testTwentyProcessesFixingDisjointFilesOfOneTree() throws {
        try write("desk/.lintrc", #"{"rules": {"zh-hans-news/half-width-punctuation": "warning"}}"#)
        var expected: [String: [UInt8]] = [:]
        let linter = Linter(registry: .builtin, settings: RuleSettings())
        for p in 0..<20 {
            for k in 0..<10 {
                let name = "desk/part\(p)/page\(k).txt"
                let text = "# 第\(p)版\n\n第\(k)段也有问题,需要修改。\n\n他说,明天再来。\n"
                try write(name, text)
                expected[name] = Fixer(linter: linter, allowUnsafe: false).fix(SourceText(path: name, string: text)).bytes
            }
        }
        let processes = try (0..<20).map { p in try spawn(["-q", "--fix", "desk/part\(p)"]) }
        for s in processes {
            _ = s.out.fileHandleForReading.readDataToEndOfFile()
            s.process.waitUntilExit()
            XCTAssertEqual(s.process.terminationReason, .exit)
        }
        for (name, bytes) in expected.sorted(by: { $0.key < $1.key }) {
            XCTAssertEqual(try self.bytes(name), bytes, name)
            XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains(","), "\(name): the expected copy is fixed")
        }
        for p in 0..<20 { XCTAssertEqual(try leftovers(in: "desk/part\(p)"), []) }
    }
}
