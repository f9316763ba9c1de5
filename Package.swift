// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "copylint",
    products: [
        .library(name: "CopyLintKit", targets: ["CopyLintKit"]),
        .executable(name: "copylint", targets: ["copylint"]),
    ],
    targets: [
        .target(name: "CopyLintKit"),
        // A release build links the Swift runtime and Foundation into the executable (what `swift build
        // --static-swift-stdlib` does): it starts in about half the time (no shared libraries to load
        // and bind: an editor lints on every save) and runs on a machine without a Swift toolchain.
        // Only the executable has these flags: the library stays usable as a package dependency.
        .executableTarget(name: "copylint", dependencies: ["CopyLintKit"],
                          swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        .testTarget(name: "CopyLintKitTests", dependencies: ["CopyLintKit"], exclude: ["Golden", "Fuzz", "Editors"]),
    ]
)
