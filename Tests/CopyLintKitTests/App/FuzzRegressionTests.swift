import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit
@testable import CopyLintFuzz

/// The fuzz targets (fuzz/run) inside the test suite: every input a fuzzer ever crashed on
/// (Tests/CopyLintKitTests/Fuzz/TARGET/) must now pass, and a few hundred seeded mutations of the
/// examples run on every `swift test`.
final class FuzzRegressionTests: XCTestCase {
    static let folder = TestPaths.suite.appendingPathComponent("Fuzz")
    static let repoRoot = TestPaths.repoRoot

    func testEveryFuzzFindingStaysFixed() throws {
        var replayed = 0
        for target in FuzzTargets.names {
            let dir = Self.folder.appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names.sorted() where !name.hasPrefix(".") {
                let bytes = Array(try Data(contentsOf: dir.appendingPathComponent(name)))
                XCTAssertEqual(FuzzTargets.run(target, bytes), [], "\(target)/\(name)")
                replayed += 1
            }
        }
        XCTAssertGreaterThan(replayed, 0, "the fuzz regression folders are empty")
    }

    /// SplitMix64: the same mutations on every machine.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    }

    /// Pieces that stress positions and parsing: astral and wide characters, CR, CRLF, a BOM,
    /// broken UTF-8, NUL, markers, a headline, a dateline.
    static let pieces: [[UInt8]] = [
        "𠮷", "\r\n", "\r", "\n\n", "\u{FEFF}", "　　", "# ", "本报讯　", "（", "”", "。", "The the ", "Ⅰ", "\u{301}",
        "<!-- copylint-disable-next-line -->\n", "……", "...", "，", "e\u{0301}", "\t", "😀",
    ].map { Array($0.utf8) } + [[0xE4, 0xB8], [0xFF], [0x00], [0xC0, 0x80], [0xED, 0xA0, 0x80]]

    static func mutate(_ seed: [UInt8], _ rng: inout Random) -> [UInt8] {
        var bytes = seed
        for _ in 0..<(1 + rng.below(6)) {
            let at = rng.below(bytes.count + 1)
            switch rng.below(5) {
            case 0: bytes.insert(contentsOf: pieces[rng.below(pieces.count)], at: at)
            case 1 where at < bytes.count: bytes[at] = UInt8(truncatingIfNeeded: rng.next())
            case 2 where !bytes.isEmpty: bytes.removeSubrange(at..<min(bytes.count, at + 1 + rng.below(40)))
            case 3 where !bytes.isEmpty:
                // Repeat a slice: duplicated paragraphs and lines.
                let start = rng.below(bytes.count), end = min(bytes.count, start + 1 + rng.below(400))
                bytes.insert(contentsOf: Array(bytes[start..<end]), at: at)
            default: bytes.insert(contentsOf: [0x0A], at: at)
            }
        }
        return bytes
    }

    func testSeededMutationsOfTheExamples() throws {
        let examples = Self.repoRoot.appendingPathComponent("examples")
        let files = try FileManager.default.contentsOfDirectory(atPath: examples.path).sorted()
            .map { examples.appendingPathComponent($0) }.filter { !$0.hasDirectoryPath }
        let seeds = try files.compactMap { url -> [UInt8]? in
            var isDir: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue else { return nil }
            return Array(try Data(contentsOf: url))
        }
        XCTAssertFalse(seeds.isEmpty)
        var rng = Random(state: 20261129)
        for n in 0..<120 {
            let input = [UInt8(truncatingIfNeeded: rng.next())] + Self.mutate(seeds[n % seeds.count], &rng)
            let problems = FuzzTargets.lint(input)
            XCTAssertEqual(problems, [], "mutation \(n)")
            if !problems.isEmpty { break }
        }
    }

    func testSeededMutationsOfConfigurationAndPacks() throws {
        var rng = Random(state: 7)
        let lintrc = Array(try Data(contentsOf: Self.repoRoot.appendingPathComponent(".lintrc.example")))
        for n in 0..<150 {
            XCTAssertEqual(FuzzTargets.lintrc(Self.mutate(lintrc, &rng)), [], "lintrc mutation \(n)")
        }
        let rules = Self.repoRoot.appendingPathComponent("rules/zh-hans-news")
        let packFiles = try FileManager.default.contentsOfDirectory(atPath: rules.path).sorted().filter { $0.hasSuffix(".json") && $0 != "pack.json" }
        for n in 0..<150 {
            let rule = Array(try Data(contentsOf: rules.appendingPathComponent(packFiles[n % packFiles.count])))
            XCTAssertEqual(FuzzTargets.pack(Self.mutate(rule, &rng)), [], "pack mutation \(n)")
        }
    }

    func testSeededMutationsOfLanguageServerTraffic() {
        var rng = Random(state: 42)
        let seed = Array(#"{"jsonrpc":"2.0","method":"textDocument/didChange","params":{"textDocument":{"uri":"untitled:fuzz.md","version":2},"contentChanges":[{"range":{"start":{"line":2,"character":1},"end":{"line":2,"character":3}},"text":"新"}]}}"#.utf8)
        let framed = MessageFramer.frame(seed)
        for n in 0..<60 {
            XCTAssertEqual(FuzzTargets.lsp(Self.mutate(n % 2 == 0 ? seed : framed + framed, &rng)), [], "lsp mutation \(n)")
        }
    }
}

/// The UTF-8 scan that gates every input: slices on several cores find what one pass finds.
