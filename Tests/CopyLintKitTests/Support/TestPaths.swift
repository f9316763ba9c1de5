import Foundation

/// Where the test suite's own files and the repository are, wherever the tests run from.
enum TestPaths {
    /// Tests/CopyLintKitTests
    static let suite = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    /// The repository root.
    static let repoRoot = suite.deletingLastPathComponent().deletingLastPathComponent()
}
