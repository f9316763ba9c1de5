// swift-tools-version:6.0
import PackageDescription

/// Release builds compile against the static Swift runtime and Foundation (what `swift build
/// --static-swift-stdlib` does), so that the executable can link them in.
let staticRuntime: [SwiftSetting] = [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]

let package = Package(
    name: "copylint",
    products: [
        .library(name: "CopyLintKit", targets: ["CopyLintKit"]),
        .executable(name: "copylint", targets: ["copylint"]),
    ],
    targets: [
        .target(name: "CopyLintKit", swiftSettings: staticRuntime),
        // A release build links the Swift runtime and Foundation into the executable: it starts in
        // about half the time (no shared libraries to load and bind: an editor lints on every save)
        // and runs on a machine without a Swift toolchain.
        .executableTarget(name: "copylint", dependencies: ["CopyLintKit"], swiftSettings: staticRuntime,
                          linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]),
        .testTarget(name: "CopyLintKitTests", dependencies: ["CopyLintKit"], exclude: ["Golden", "Fuzz", "Editors"]),
    ]
)
