// swift-tools-version:6.0
import PackageDescription

// Floors, each a target whose dependencies point only down (the compiler refuses an import upward):
//   CopyLintBase      ground: source text, positions, line index, Unicode and lexicon data, character
//                     classes, hashing, automata, JSON with comments, parallel map, errors, profiling
//   CopyLintDocument  the document model, the parser, and the facts step rules ask for
//   CopyLintEngine    the rule protocol and descriptions, the linter, diagnostics, fixes, suppressions
//   CopyLintRules     the built-in rules and the declarative pack rules
//   CopyLintKit       the application: configuration, input, formatters, fix I/O, CLI, LSP; it also
//                     re-exports the floors below, so `import CopyLintKit` is the whole library
//   copylint          the executable: a few lines of wiring
// CopyLintFuzz holds the fuzz targets (fuzz/run and the test suite); it is not part of the product.
let package = Package(
    name: "copylint",
    products: [
        .library(name: "CopyLintKit", targets: ["CopyLintKit"]),
        .executable(name: "copylint", targets: ["copylint"]),
    ],
    targets: [
        .target(name: "CopyLintBase"),
        .target(name: "CopyLintDocument", dependencies: ["CopyLintBase"]),
        .target(name: "CopyLintEngine", dependencies: ["CopyLintBase", "CopyLintDocument"]),
        .target(name: "CopyLintRules", dependencies: ["CopyLintBase", "CopyLintDocument", "CopyLintEngine"]),
        .target(name: "CopyLintKit", dependencies: ["CopyLintBase", "CopyLintDocument", "CopyLintEngine", "CopyLintRules"],
                exclude: ["Localization/Catalogs"]),
        .target(name: "CopyLintFuzz", dependencies: ["CopyLintKit"]),
        // A release build links the Swift runtime and Foundation into the executable (what `swift build
        // --static-swift-stdlib` does): it starts in about half the time (no shared libraries to load
        // and bind: an editor lints on every save) and runs on a machine without a Swift toolchain.
        // Only the executable has these flags: the library stays usable as a package dependency.
        .executableTarget(name: "copylint", dependencies: ["CopyLintKit"],
                          swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        .testTarget(name: "CopyLintKitTests",
                    dependencies: ["CopyLintBase", "CopyLintDocument", "CopyLintEngine", "CopyLintRules", "CopyLintKit", "CopyLintFuzz"],
                    exclude: ["Golden", "Fuzz", "Editors", "Editions"]),
    ]
)
