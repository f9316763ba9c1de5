import XCTest
@testable import CopyLintBase
@testable import CopyLintDocument
@testable import CopyLintEngine
@testable import CopyLintRules
@testable import CopyLintKit

/// A test case with its own scratch folder and the command line run in-process inside it.
class TempFolderTestCase: XCTestCase {
    var dir: URL!

    override func setUpWithError() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("copylint-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: dir)
    }

    struct Run {
        let code: Int32
        let out: String
        let err: String
    }

    /// Runs `copylint ARGS` in `directory` (the scratch folder by default).
    func copylint(_ args: [String], in directory: URL? = nil, stdin: [UInt8] = [], env: [String: String] = [:]) -> Run {
        let out = StringSink(), err = StringSink()
        let tool = CommandLineTool(environment: env, stdout: out, stderr: err, readStandardInput: { stdin })
        let cwd = FileManager.default.currentDirectoryPath
        XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath((directory ?? dir).path))
        defer { XCTAssertTrue(FileManager.default.changeCurrentDirectoryPath(cwd)) }
        let code = tool.run(args)
        return Run(code: code, out: out.text, err: err.text)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        try write(name, Array(text.utf8))
    }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return name
    }
}
